/** The customer picker (searchable by id or name) and the button that writes the chosen customer's statement. */
import * as React from 'react';
import { Button, Combobox, Field, Option, makeStyles } from '@fluentui/react-components';
import { type PickerCustomer, customerLabel, matchCustomers } from '../customer-search';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'flex-end' },
  picker: { minWidth: '200px', flexGrow: 1 },
});

export interface StatementPickerProps {
  customers: readonly PickerCustomer[];
  strings: Strings;
  /** An action is running: the button stays focusable (aria-disabled), so a background re-read does not take the keyboard focus away. */
  busy: boolean;
  onWrite: (customer: string) => void;
}

export function StatementPicker({ customers, strings, busy, onWrite }: StatementPickerProps): React.ReactElement {
  const styles = useStyles();
  const [query, setQuery] = React.useState('');
  const [chosen, setChosen] = React.useState<string | null>(null);
  const matches = React.useMemo(() => matchCustomers(customers, query), [customers, query]);
  // A chosen customer that left the model (the model changed) is no longer chosen.
  const current = chosen !== null && customers.some((c) => c.customer === chosen) ? chosen : null;
  return (
    <div className={styles.row}>
      <Field label={strings.statementCustomer} className={styles.picker}>
        <Combobox
          freeform
          placeholder={strings.statementPlaceholder}
          value={query}
          selectedOptions={current === null ? [] : [current]}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosen(null);
          }}
          onOptionSelect={(_, data) => {
            setChosen(data.optionValue ?? null);
            setQuery(data.optionText ?? '');
          }}
          data-testid="statement-customer"
        >
          {matches.length === 0 ? (
            <Option key="none" value="" text="" disabled>
              {strings.noMatchingCustomer}
            </Option>
          ) : (
            matches.map((c) => (
              <Option key={c.customer} value={c.customer} text={customerLabel(c)}>
                {customerLabel(c)}
              </Option>
            ))
          )}
        </Combobox>
      </Field>
      <Button disabled={current === null} disabledFocusable={busy} onClick={() => current !== null && onWrite(current)} data-testid="write-statement">
        {strings.writeStatement}
      </Button>
    </div>
  );
}
