/**
 * Keep period and Compare (issue 20): the button that keeps this period in ABC_History, the kept periods
 * to compare with, and the comparison: the company's bridge as a waterfall of Fluent-coloured bars (theme
 * tokens, so it reads in a dark Office too), the customers that went from profit to loss and back, and the
 * largest improvements and declines. Problems of ABC_History are listed with a link to their cell.
 */
import * as React from 'react';
import { Button, Caption1, Field, Link, MessageBar, MessageBarBody, Select, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CompareController, CompareState } from '../compare-controller';
import { type ChangeRow, type CompareViewModel, waterfallOf } from '../compare-view';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'flex-end' },
  waterfall: { display: 'grid', gridTemplateColumns: 'minmax(0, 9em) minmax(60px, 1fr) auto', columnGap: '8px', rowGap: '3px', alignItems: 'center' },
  track: { position: 'relative', height: '14px' },
  bar: { position: 'absolute', top: 0, bottom: 0, minWidth: '1px', borderRadius: tokens.borderRadiusSmall },
  total: { backgroundColor: tokens.colorBrandBackground },
  up: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  down: { backgroundColor: tokens.colorPaletteRedBackground3 },
  table: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto auto auto', columnGap: '8px', rowGap: '2px', alignItems: 'baseline' },
  head: { color: tokens.colorNeutralForeground3 },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  negative: { color: tokens.colorPaletteRedForeground1 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  issues: { margin: 0, paddingLeft: '18px' },
  comparison: { display: 'flex', flexDirection: 'column', gap: '10px' },
  list: { display: 'flex', flexDirection: 'column', gap: '4px' },
  heading: { margin: 0 },
});

export interface CompareViewProps {
  compare: CompareController;
  strings: Strings;
  format: Formatter;
  /** The pane's own action is running. */
  busy: boolean;
  /** Why Keep period is off (no result, no Period setting), or null. */
  keepBlocked: string | null;
  /** This period's label (the model's Period setting): the kept periods are read again when it changes, not on every computation. */
  period: string | null;
}

function useCompareState(compare: CompareController): CompareState {
  const [state, setState] = React.useState(compare.getState());
  React.useEffect(() => compare.subscribe(setState), [compare]);
  return state;
}

export function CompareView({ compare, strings, format, busy, keepBlocked, period }: CompareViewProps): React.ReactElement {
  const styles = useStyles();
  const state = useCompareState(compare);
  const [chosen, setChosen] = React.useState<string | null>(null);
  React.useEffect(() => {
    void compare.load(period);
  }, [compare, period]);
  const periods = state.periods ?? [];
  const selected = chosen !== null && periods.includes(chosen) ? chosen : (periods[periods.length - 1] ?? null);
  const off = busy || state.busy;
  return (
    <>
      <div className={styles.row}>
        <Field hint={keepBlocked ?? undefined} data-testid="keep-period-field">
          <Button disabled={keepBlocked !== null} disabledFocusable={off} onClick={() => void compare.keep()} data-testid="keep-period">
            {strings.keepPeriod}
          </Button>
        </Field>
      </div>
      <Subtitle2 as="h3">{strings.compareHeading}</Subtitle2>
      {periods.length === 0 ? (
        <Caption1 as="p" data-testid="no-kept-periods">
          {strings.noKeptPeriods}
        </Caption1>
      ) : (
        <div className={styles.row}>
          <Field label={strings.keptPeriod}>
            <Select value={selected ?? ''} onChange={(_, data) => setChosen(data.value)} data-testid="kept-period">
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={selected === null} disabledFocusable={off} onClick={() => selected !== null && void compare.compare(selected)} data-testid="compare">
            {strings.compare}
          </Button>
        </div>
      )}
      {state.notice !== null ? (
        <MessageBar intent={state.notice.intent} data-testid="compare-notice">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.issues.length > 0 ? (
        <div data-testid="history-issues">
          <Caption1 as="p">{strings.historyIssues}</Caption1>
          <ul className={styles.issues}>
            {state.issues.map((issue, i) => (
              <li key={i}>
                <Caption1>
                  {issue.where.sheet !== undefined && issue.where.cell !== undefined ? (
                    <Link as="button" onClick={() => void compare.select(issue)} title={strings.selectCell} data-testid="history-issue-link">
                      {`${issue.where.sheet}!${issue.where.cell}`}
                    </Link>
                  ) : null}{' '}
                  {strings.issueMessage(issue.text)}
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.view !== null ? <Comparison view={state.view} strings={strings} format={format} /> : null}
    </>
  );
}

function Comparison({ view, strings, format }: { view: CompareViewModel; strings: Strings; format: Formatter }): React.ReactElement {
  const styles = useStyles();
  const bars = waterfallOf(view.company);
  const low = Math.min(0, ...bars.flatMap((b) => [b.start, b.end]));
  const high = Math.max(0, ...bars.flatMap((b) => [b.start, b.end]));
  const span = high - low || 1;
  const at = (x: number): number => ((x - low) / span) * 100;
  const list = (title: string, rows: readonly ChangeRow[], testId: string): React.ReactElement => (
    <div className={styles.list} data-testid={testId}>
      <Subtitle2 as="h4" className={styles.heading}>
        {title}
      </Subtitle2>
      {rows.length === 0 ? (
        <Caption1 as="p" className={styles.heading}>
          {strings.noneOfThese}
        </Caption1>
      ) : (
        <ChangeTable rows={rows} strings={strings} format={format} testId={testId} />
      )}
    </div>
  );
  return (
    <div className={styles.comparison} data-testid="comparison" data-before={view.before} data-after={view.after}>
      <Caption1 as="p" className={styles.heading} data-testid="bridge-change">
        {strings.bridgeChange(format.cents(view.company.before), format.cents(view.company.after), format.cents(view.company.change))}
      </Caption1>
      <div className={styles.waterfall} role="img" aria-label={strings.waterfallLabel(view.before, view.after)} data-testid="waterfall">
        {bars.map((b) => {
          const left = at(Math.min(b.start, b.end));
          const width = at(Math.max(b.start, b.end)) - left;
          const amount = b.kind === 'total' ? b.end : b.end - b.start;
          return (
            <React.Fragment key={b.key}>
              <Caption1 className={styles.name}>{strings.bridgeBar[b.key]}</Caption1>
              <div className={styles.track}>
                <div className={mergeClasses(styles.bar, styles[b.kind])} style={{ left: `${left}%`, width: `${width}%` }} />
              </div>
              <Text size={200} className={mergeClasses(styles.amount, amount < 0 && styles.negative)} data-testid={`bridge-${b.key}`} data-value={Math.round(amount * 100) / 100}>
                {format.cents(amount)}
              </Text>
            </React.Fragment>
          );
        })}
      </div>
      {list(strings.profitToLoss, view.profitToLoss, 'profit-to-loss')}
      {list(strings.lossToProfit, view.lossToProfit, 'loss-to-profit')}
      {list(strings.largestImprovements, view.improvements, 'improvements')}
      {list(strings.largestDeclines, view.declines, 'declines')}
    </div>
  );
}

function ChangeTable({ rows, strings, format, testId }: { rows: readonly ChangeRow[]; strings: Strings; format: Formatter; testId: string }): React.ReactElement {
  const styles = useStyles();
  const c = strings.changeColumns;
  const money = (n: number): React.ReactElement => (
    <Text size={200} className={mergeClasses(styles.amount, n < 0 && styles.negative)} data-value={n}>
      {format.money(n)}
    </Text>
  );
  return (
    <div className={styles.table}>
      {[c.customer, c.name, c.before, c.after, c.change].map((h, i) => (
        <Caption1 key={h} className={mergeClasses(styles.head, i >= 2 && styles.amount)}>
          {h}
        </Caption1>
      ))}
      {rows.map((r) => (
        <div key={r.customer} style={{ display: 'contents' }} data-testid={`${testId}-row`} data-customer={r.customer}>
          <Caption1>{r.customer}</Caption1>
          <Caption1 className={styles.name}>{r.name ?? ''}</Caption1>
          {money(r.before)}
          {money(r.after)}
          {money(r.change)}
        </div>
      ))}
    </div>
  );
}
