/** The headline figures of the last run as a grid of labelled values, with the plausibility warnings that question them. */
import * as React from 'react';
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatWhere, type Issue } from '../../engine/issues';
import { PLAUSIBILITY_CODES } from '../../engine/plausibility';
import type { Headline } from '../figures';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px 12px' },
  tile: { display: 'flex', flexDirection: 'column', padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  negative: { color: tokens.colorPaletteRedForeground1 },
  warnings: { margin: '4px 0 0 0', paddingLeft: '16px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface HeadlineProps {
  headline: Headline;
  strings: Strings;
  format: Formatter;
  /** The run's issues; the plausibility warnings among them are shown under the figures. */
  issues?: readonly Issue[];
}

export function HeadlineFigures({ headline, strings, format, issues = [] }: HeadlineProps): React.ReactElement {
  const styles = useStyles();
  // A figure the model makes implausible (a pool at 11.6% of its capacity) is questioned right where it is read.
  const doubts = issues.filter((i) => i.severity === 'warning' && PLAUSIBILITY_CODES.has(i.code));
  const tiles: Array<{ id: string; label: string; value: string; negative?: boolean }> = [
    { id: 'net-revenue', label: strings.netRevenue, value: format.money(headline.netRevenue) },
    { id: 'gross-margin', label: strings.grossMargin, value: format.money(headline.grossMargin), negative: headline.grossMargin < 0 },
    { id: 'cost-to-serve', label: strings.costToServe, value: format.money(headline.costToServe) },
    { id: 'net-profit', label: strings.netProfit, value: format.money(headline.netProfit), negative: headline.netProfit < 0 },
    { id: 'unused-capacity', label: strings.unusedCapacity, value: format.money(headline.unusedCapacity) },
    { id: 'operating-profit', label: strings.operatingProfit, value: format.money(headline.operatingProfit), negative: headline.operatingProfit < 0 },
    {
      id: 'loss-making',
      label: strings.lossMaking,
      value: strings.lossMakingValue(format.integer(headline.lossMaking), format.integer(headline.customers)),
    },
  ];
  return (
    <div data-testid="headline">
      <div className={styles.grid}>
        {tiles.map((t) => (
          <div key={t.id} className={styles.tile} data-testid={`figure-${t.id}`}>
            <Caption1>{t.label}</Caption1>
            <Text weight="semibold" size={400} className={t.negative === true ? styles.negative : undefined}>
              {t.value}
            </Text>
          </div>
        ))}
      </div>
      {doubts.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="headline-warnings">
          <MessageBarBody>
            <MessageBarTitle>{strings.checkFigures}</MessageBarTitle>
            <ul className={styles.warnings}>
              {doubts.map((issue, i) => {
                const where = formatWhere(issue.where);
                return (
                  <li key={i} data-testid="headline-warning" data-code={issue.code}>
                    {strings.issueMessage(issue.text)}
                    {where === null ? null : <span className={styles.muted}> {where}</span>}
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
