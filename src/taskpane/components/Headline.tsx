/** The headline figures of the last run as a grid of labelled values. */
import * as React from 'react';
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Headline } from '../figures';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px 12px' },
  tile: { display: 'flex', flexDirection: 'column', padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  negative: { color: tokens.colorPaletteRedForeground1 },
});

export interface HeadlineProps {
  headline: Headline;
  strings: Strings;
  format: Formatter;
}

export function HeadlineFigures({ headline, strings, format }: HeadlineProps): React.ReactElement {
  const styles = useStyles();
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
    <div className={styles.grid} data-testid="headline">
      {tiles.map((t) => (
        <div key={t.id} className={styles.tile} data-testid={`figure-${t.id}`}>
          <Caption1>{t.label}</Caption1>
          <Text weight="semibold" size={400} className={t.negative === true ? styles.negative : undefined}>
            {t.value}
          </Text>
        </div>
      ))}
    </div>
  );
}
