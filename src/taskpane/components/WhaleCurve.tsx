/** The whale curve as a small SVG: cumulative profit (share of total) against customers ranked by profit. */
import * as React from 'react';
import { tokens } from '@fluentui/react-components';

export interface WhaleCurveProps {
  points: ReadonlyArray<{ x: number; y: number }>;
  /** Accessible description and axis labels, in the pane's language. */
  label: string;
  axisX: string;
  axisY: string;
  formatPercent: (fraction: number) => string;
}

const W = 280;
const H = 150;
const PAD = { left: 40, right: 8, top: 8, bottom: 22 };

export function WhaleCurve({ points, label, axisX, axisY, formatPercent }: WhaleCurveProps): React.ReactElement | null {
  if (points.length < 2) return null;
  const ys = points.map((p) => p.y);
  const top = Math.max(1, ...ys);
  const bottom = Math.min(0, ...ys);
  const sx = (x: number): number => PAD.left + x * (W - PAD.left - PAD.right);
  const sy = (y: number): number => PAD.top + ((top - y) / (top - bottom)) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const peak = points.reduce((best, p) => (p.y > best.y ? p : best), points[0] as { x: number; y: number });
  return (
    <svg role="img" aria-label={label} data-testid="whale-curve" viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W * 1.4 }}>
      <line x1={sx(0)} x2={sx(1)} y1={sy(1)} y2={sy(1)} stroke={tokens.colorNeutralStroke2} strokeDasharray="3 3" />
      <line x1={sx(0)} x2={sx(1)} y1={sy(0)} y2={sy(0)} stroke={tokens.colorNeutralStroke1} />
      <line x1={sx(0)} x2={sx(0)} y1={sy(top)} y2={sy(bottom)} stroke={tokens.colorNeutralStroke1} />
      <text x={PAD.left - 4} y={sy(1) + 4} fontSize="9" textAnchor="end" fill={tokens.colorNeutralForeground3}>
        {formatPercent(1)}
      </text>
      <text x={PAD.left - 4} y={sy(peak.y) + 4} fontSize="9" textAnchor="end" fill={tokens.colorNeutralForeground3}>
        {formatPercent(peak.y)}
      </text>
      <text x={PAD.left - 4} y={sy(0) + 4} fontSize="9" textAnchor="end" fill={tokens.colorNeutralForeground3}>
        0
      </text>
      <path d={path} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth="2" />
      <circle cx={sx(peak.x)} cy={sy(peak.y)} r="3" fill={tokens.colorBrandForeground1} />
      <text x={(sx(0) + sx(1)) / 2} y={H - 6} fontSize="9" textAnchor="middle" fill={tokens.colorNeutralForeground3}>
        {axisX}
      </text>
      <text x={10} y={(sy(top) + sy(bottom)) / 2} fontSize="9" textAnchor="middle" fill={tokens.colorNeutralForeground3} transform={`rotate(-90 10 ${(sy(top) + sy(bottom)) / 2})`}>
        {axisY}
      </text>
    </svg>
  );
}
