/**
 * The Scenarios view: the workbook's scenarios with a check box each, Run scenarios, then per scenario its
 * headline figures before and after and the capacity it frees or needs, in staff where an FTE is known.
 * Without ABC_Scenarios it says how to add one.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Checkbox, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ScenarioFiguresJson } from '../../functions/scenario-figures';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  choices: { display: 'flex', flexDirection: 'column' },
  run: { alignSelf: 'flex-start' },
  card: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  table: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto auto', columnGap: '10px', rowGap: '2px', alignItems: 'baseline' },
  head: { color: tokens.colorNeutralForeground3, textAlign: 'right' },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  negative: { color: tokens.colorPaletteRedForeground1 },
  pools: { margin: 0, paddingLeft: '18px' },
  label: { margin: '4px 0 0', fontWeight: tokens.fontWeightSemibold },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

export interface ScenariosViewProps {
  /** The workbook's scenarios, in order; empty when it has none. */
  names: readonly string[];
  /** The figures of the last run, null before one. */
  figures: readonly ScenarioFiguresJson[] | null;
  strings: Strings;
  format: Formatter;
  /** An action is running: the button stays focusable (aria-disabled), so a background re-read does not take the keyboard focus away. */
  busy: boolean;
  onRun: (names: string[]) => void;
}

/** The figures a scenario shows, as label, before and after. */
function linesOf(f: ScenarioFiguresJson, strings: Strings): Array<{ id: string; label: string; before: number; after: number }> {
  return [
    { id: 'net-revenue', label: strings.netRevenue, before: f.before.netRevenue, after: f.after.netRevenue },
    { id: 'cost-to-serve', label: strings.costToServe, before: f.before.costToServe, after: f.after.costToServe },
    { id: 'net-profit', label: strings.netProfit, before: f.before.customerNetProfit, after: f.after.customerNetProfit },
    { id: 'unused-capacity', label: strings.unusedCapacity, before: f.before.unusedCapacityCost, after: f.after.unusedCapacityCost },
    { id: 'operating-profit', label: strings.operatingProfitToday, before: f.before.operatingProfit, after: f.after.operatingProfit },
    // Before the scenario nothing is freed, so resizing changes nothing: the same operating profit.
    { id: 'operating-profit-resized', label: strings.operatingProfitResized, before: f.before.operatingProfit, after: f.operatingProfitResized },
  ];
}

export function ScenariosView({ names, figures, strings, format, busy, onRun }: ScenariosViewProps): React.ReactElement {
  const styles = useStyles();
  // Unticked ones are remembered, so a scenario added to the workbook starts ticked.
  const [unticked, setUnticked] = React.useState<ReadonlySet<string>>(new Set());
  const chosen = names.filter((n) => !unticked.has(n));
  if (names.length === 0) {
    return (
      <Body1 as="p" data-testid="scenarios-none">
        {strings.noScenarios}
      </Body1>
    );
  }
  const amount = (value: number, testId: string, strong: boolean): React.ReactElement => (
    <Text
      className={mergeClasses(styles.amount, value < 0 && styles.negative, strong && styles.strong)}
      data-testid={testId}
      data-value={value}
    >
      {format.money(value)}
    </Text>
  );
  return (
    <>
      <div className={styles.choices} data-testid="scenario-choices">
        {names.map((name, i) => (
          <Checkbox
            key={name}
            label={name}
            checked={!unticked.has(name)}
            onChange={(_, data) => {
              const next = new Set(unticked);
              if (data.checked === true) next.delete(name);
              else next.add(name);
              setUnticked(next);
            }}
            data-testid={`scenario-check-${i}`}
          />
        ))}
      </div>
      <Button className={styles.run} disabled={chosen.length === 0} disabledFocusable={busy} onClick={() => onRun(chosen)} data-testid="run-scenarios">
        {strings.runScenarios}
      </Button>
      {(figures ?? []).map((f, i) => {
        const changed = f.pools.filter((p) => p.freedMinutes !== 0);
        return (
          <div key={f.scenario} className={styles.card} data-testid={`scenario-${i}`} data-scenario={f.scenario}>
            <Subtitle2 as="h3">{f.scenario}</Subtitle2>
            <div className={styles.table}>
              <span />
              <Caption1 className={styles.head}>{strings.scenarioBefore}</Caption1>
              <Caption1 className={styles.head}>{strings.scenarioAfter}</Caption1>
              {linesOf(f, strings).map((line) => {
                // The two operating-profit lines are what a scenario is judged by.
                const strong = line.id.startsWith('operating-profit');
                return (
                  <React.Fragment key={line.id}>
                    <Caption1 className={strong ? styles.strong : undefined}>{line.label}</Caption1>
                    {amount(line.before, `scenario-${i}-${line.id}-before`, strong)}
                    {amount(line.after, `scenario-${i}-${line.id}-after`, strong)}
                  </React.Fragment>
                );
              })}
            </div>
            <Caption1 as="p" className={styles.label}>
              {strings.freedCapacity}
            </Caption1>
            {changed.length === 0 ? (
              <Caption1 as="p" className={styles.pools}>
                {strings.noCapacityChange}
              </Caption1>
            ) : (
              <ul className={styles.pools}>
                {changed.map((p) => {
                  const freed = p.freedMinutes > 0;
                  const minutes = format.integer(Math.abs(p.freedMinutes));
                  const text =
                    p.freedFte === null ? strings.freedMinutes(p.pool, minutes, freed) : strings.freedStaff(p.pool, format.fte(Math.abs(p.freedFte)), minutes, freed);
                  return (
                    <li key={p.pool} data-testid={`scenario-${i}-pool`} data-minutes={p.freedMinutes} data-fte={p.freedFte ?? ''}>
                      <Caption1>{text}</Caption1>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}
