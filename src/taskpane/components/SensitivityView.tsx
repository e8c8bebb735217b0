/**
 * How sure? (issue 21): Run, with the simulation's progress and Cancel; then the tornado — the ten
 * estimates whose range moves operating profit (capacity resized) most, each a bar from its Low to its High
 * on one axis, in theme tokens so it reads in a dark Office too — the customers to look closer at before
 * acting, and the company's P10–P90.
 */
import * as React from 'react';
import { Button, Caption1, Field, MessageBar, MessageBarBody, ProgressBar, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';
import type { SensitivityController, SensitivityState } from '../sensitivity-controller';
import { type SensitivityViewModel, type TornadoRow, barSpan } from '../sensitivity-view';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  tornado: { display: 'flex', flexDirection: 'column', gap: '6px' },
  bar: { display: 'flex', flexDirection: 'column', gap: '1px' },
  track: { position: 'relative', height: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  fill: { position: 'absolute', top: 0, bottom: 0, minWidth: '2px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorBrandBackground },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  quiet: { color: tokens.colorNeutralForeground3 },
  table: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto auto auto', columnGap: '8px', rowGap: '2px', alignItems: 'baseline' },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  negative: { color: tokens.colorPaletteRedForeground1 },
  heading: { margin: 0 },
});

export interface SensitivityViewProps {
  sensitivity: SensitivityController;
  strings: Strings;
  format: Formatter;
  /** The pane's own action is running. */
  busy: boolean;
  /** BCP 47 locale for the estimates (minutes, rates), as the pane's numbers. */
  locale: string;
}

function useSensitivityState(sensitivity: SensitivityController): SensitivityState {
  const [state, setState] = React.useState(sensitivity.getState());
  React.useEffect(() => sensitivity.subscribe(setState), [sensitivity]);
  return state;
}

export function SensitivityView({ sensitivity, strings, format, busy, locale }: SensitivityViewProps): React.ReactElement {
  const styles = useStyles();
  const state = useSensitivityState(sensitivity);
  const progress = state.progress;
  return (
    <>
      <Caption1 as="p" className={mergeClasses(styles.heading, styles.quiet)}>
        {strings.sensitivityIntro}
      </Caption1>
      <div className={styles.row}>
        <Button disabledFocusable={busy || state.running} onClick={() => void sensitivity.run()} data-testid="run-sensitivity">
          {strings.runSensitivity}
        </Button>
      </div>
      {state.running ? (
        <div data-testid="sensitivity-progress">
          <Field hint={progress === null ? undefined : strings.sensitivityProgress(format.integer(progress.done), format.integer(progress.total))}>
            <ProgressBar value={progress === null || progress.total <= 0 ? undefined : progress.done / progress.total} />
          </Field>
          <Button size="small" onClick={() => sensitivity.cancel()} data-testid="cancel-sensitivity">
            {strings.cancel}
          </Button>
        </div>
      ) : null}
      {state.notice !== null ? (
        <MessageBar intent={state.notice.intent} data-testid="sensitivity-notice">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.view !== null ? <Sensitivity view={state.view} strings={strings} format={format} locale={locale} /> : null}
    </>
  );
}

function Sensitivity({ view, strings, format, locale }: { view: SensitivityViewModel; strings: Strings; format: Formatter; locale: string }): React.ReactElement {
  const styles = useStyles();
  const decimal = React.useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }), [locale]);
  return (
    <div className={styles.tornado} data-testid="sensitivity" data-simulations={view.simulations} data-seed={view.seed}>
      <Subtitle2 as="h3" className={styles.heading}>
        {strings.tornadoHeading}
      </Subtitle2>
      {view.bars.length === 0 ? (
        <Caption1 as="p">{strings.noTornado}</Caption1>
      ) : (
        <div className={styles.tornado} role="img" aria-label={strings.tornadoLabel} data-testid="tornado">
          {view.bars.map((bar) => (
            <TornadoBarRow key={bar.row} bar={bar} axis={view.axis} strings={strings} format={format} decimal={decimal} />
          ))}
        </div>
      )}
      <Caption1 as="p" className={styles.heading} data-testid="company-range">
        {strings.companyRange(format.money(view.company.p10), format.money(view.company.median), format.money(view.company.p90), format.integer(view.simulations), String(view.seed))}
      </Caption1>
      <Subtitle2 as="h3" className={styles.heading}>
        {strings.lookCloserHeading}
      </Subtitle2>
      {view.lookCloser.length === 0 ? (
        <Caption1 as="p" data-testid="look-closer-none">
          {strings.lookCloserNone}
        </Caption1>
      ) : (
        <LookCloser view={view} strings={strings} format={format} />
      )}
    </div>
  );
}

interface TornadoBarProps {
  bar: TornadoRow;
  axis: SensitivityViewModel['axis'];
  strings: Strings;
  format: Formatter;
  /** Minutes and rates in the pane's locale. */
  decimal: Pick<Intl.NumberFormat, 'format'>;
}

function TornadoBarRow({ bar, axis, strings, format, decimal }: TornadoBarProps): React.ReactElement {
  const styles = useStyles();
  const { start, width } = barSpan(bar, axis);
  const name = bar.driver === null ? bar.activity : `${bar.activity}: ${bar.driver}`;
  // A share reads as a percentage; minutes and rates as plain numbers.
  const shown = (n: number): string => (bar.kind === 'share' ? format.percent(n) : decimal.format(n));
  const range = strings.estimateRange(strings.estimateKind[bar.kind], shown(bar.low), shown(bar.value), shown(bar.high));
  return (
    <div className={styles.bar} data-testid="tornado-bar" data-row={bar.row} data-swing={bar.swing} title={bar.where ?? undefined}>
      <Caption1 className={styles.label}>
        <Text weight="semibold" size={200}>
          {name}
        </Text>{' '}
        <span className={styles.quiet}>{range}</span>
      </Caption1>
      <div className={styles.track}>
        <div className={styles.fill} style={{ left: `${start * 100}%`, width: `${width * 100}%` }} />
      </div>
      <Caption1 className={styles.quiet}>{strings.tornadoBar(format.money(bar.profitAtLow), format.money(bar.profitAtHigh), format.money(bar.swing))}</Caption1>
    </div>
  );
}

function LookCloser({ view, strings, format }: { view: SensitivityViewModel; strings: Strings; format: Formatter }): React.ReactElement {
  const styles = useStyles();
  const c = strings.lookCloserColumns;
  const money = (n: number): React.ReactElement => (
    <Text size={200} className={mergeClasses(styles.amount, n < 0 && styles.negative)}>
      {format.money(n)}
    </Text>
  );
  return (
    <>
      <div className={styles.table} data-testid="look-closer">
        {[c.customer, c.name, c.today, c.range, c.lossChance].map((h, i) => (
          <Caption1 key={h} className={mergeClasses(styles.quiet, i >= 2 && styles.amount)}>
            {h}
          </Caption1>
        ))}
        {view.lookCloser.map((r) => (
          <div key={r.customer} style={{ display: 'contents' }} data-testid="look-closer-row" data-customer={r.customer} data-loss-chance={r.lossChance}>
            <Caption1>{r.customer}</Caption1>
            <Caption1 className={styles.label} title={r.name ?? undefined}>
              {r.name ?? ''}
            </Caption1>
            {money(r.today)}
            <Text size={200} className={styles.amount}>
              {`${format.money(r.p10)} – ${format.money(r.p90)}`}
            </Text>
            <Text size={200} className={styles.amount}>
              {format.percent(r.lossChance)}
            </Text>
          </div>
        ))}
      </div>
      {view.moreLookCloser > 0 ? <Caption1 as="p">{strings.moreLookCloser(format.integer(view.moreLookCloser))}</Caption1> : null}
    </>
  );
}
