/**
 * The whale curve as a small SVG: cumulative profit (share of total) against customers ranked by profit.
 * The markup is `whaleSvg`'s, the routine that also draws the runner's `--svg` file, so the pane and the
 * file are one picture; it escapes every text itself, so it is set as HTML as it is.
 */
import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { whaleSvg } from '../../workbook/whale-svg';

export interface WhaleCurveProps {
  points: ReadonlyArray<{ x: number; y: number }>;
  /** Accessible description and axis labels, in the pane's language. */
  label: string;
  axisX: string;
  axisY: string;
  formatPercent: (fraction: number) => string;
}

const W = 280;

export function WhaleCurve({ points, label, axisX, axisY, formatPercent }: WhaleCurveProps): React.ReactElement | null {
  const svg = React.useMemo(
    () =>
      whaleSvg(points, {
        label,
        axisX,
        axisY,
        formatPercent,
        testId: 'whale-curve',
        colors: { curve: tokens.colorBrandForeground1, axis: tokens.colorNeutralStroke1, guide: tokens.colorNeutralStroke2, text: tokens.colorNeutralForeground3 },
      }),
    [points, label, axisX, axisY, formatPercent],
  );
  if (svg === '') return null;
  return <div style={{ width: '100%', maxWidth: W * 1.4 }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
