/** "Import transactions": a button that opens the file picker (CSV or Parquet), and why the last import wrote nothing. */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PaneState } from '../controller';
import type { Strings } from '../i18n';

export interface ImportTransactionsProps {
  strings: Strings;
  /** An action is running: the button stays focusable (aria-disabled), so a background re-read does not take the keyboard focus away. */
  busy: boolean;
  onFile: (file: File) => void;
}

/** The button and its hidden file input. */
export function ImportButton({ strings, busy, onFile }: ImportTransactionsProps): React.ReactElement {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button disabledFocusable={busy} onClick={() => input.current?.click()} data-testid="import-transactions">
        {strings.importTransactions}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.tsv,.parquet,text/csv"
        style={{ display: 'none' }}
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) imports it again.
          event.target.value = '';
          if (file !== undefined) onFile(file);
        }}
      />
    </>
  );
}

/** What the last import refused, line by line. */
export function ImportReport({ report }: { report: PaneState['importReport'] }): React.ReactElement | null {
  if (report === null) return null;
  return (
    <MessageBar intent="warning" data-testid="import-report" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{report.title}</MessageBarTitle>
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {report.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
