/**
 * The company's profit bridge as waterfall steps, described once: the Comparison sheet's stacked-column
 * chart and the standalone SVG (bridge-svg.ts) both draw from this, so they cannot disagree. The earlier
 * operating profit, each part of the change, and this period's operating profit; every bar floats from
 * where the running total stood to where the part takes it. Sums are exact (the parts are whole cents).
 */
import type { Comparison } from '../engine/compare/types';
import { type Dec, ZERO } from '../engine/decimal';
import { type ReportLanguage, reportText } from './report-text';

/** One bar of the waterfall: an end total (standing on zero) or a part (floating). */
export interface WaterfallStep {
  label: string;
  kind: 'total' | 'change';
  /** The total, or the part's effect on profit. */
  amount: Dec;
  /** Where the bar starts and ends: 0 → total for a total, running total before → after for a part. */
  from: Dec;
  to: Dec;
}

/**
 * A step as stacked columns: an invisible `base` the bar stands on, then the bar in the series of its
 * colour. Positive and negative values stack apart from zero (as Excel and LibreOffice stack them), so a
 * bar under zero has a negative base and a negative bar, and a bar crossing zero stands on no base: its
 * part above zero in `increase` or `decrease`, its part below zero in the `…BelowZero` series.
 */
export interface StackedStep {
  base: Dec;
  increase: Dec;
  decrease: Dec;
  total: Dec;
  increaseBelowZero: Dec;
  decreaseBelowZero: Dec;
}

/** The steps of the company bridge, labelled in `language` with the periods' labels. */
export function bridgeSteps(comparison: Comparison, labels: { earlier: string; now: string }, language: ReportLanguage): WaterfallStep[] {
  const c = reportText(language).comparison;
  const t = comparison.totals;
  const b = t.bridge;
  const parts: Array<[string, Dec]> = [
    [c.revenue, b.revenue],
    [c.discounts, b.discounts],
    [c.cogs, b.cogs],
    [c.activityVolume, b.activityVolume],
    [c.activityRate, b.activityRate],
    [c.unusedCapacity, b.unusedCapacity],
    [c.directCosts, b.directCosts],
    [c.unusedNotCharged, b.unusedNotCharged],
    [c.unassigned, b.unassigned],
  ];
  let running = t.before;
  const changes = parts.map(([label, amount]): WaterfallStep => {
    const from = running;
    running = running.plus(amount);
    return { label, kind: 'change', amount, from, to: running };
  });
  return [
    { label: c.operatingProfit(labels.earlier), kind: 'total', amount: t.before, from: ZERO, to: t.before },
    ...changes,
    { label: c.operatingProfit(labels.now), kind: 'total', amount: t.after, from: ZERO, to: t.after },
  ];
}

/** A step as the stacked chart's values (see `StackedStep`). */
export function stackedStep(step: WaterfallStep): StackedStep {
  const none: StackedStep = { base: ZERO, increase: ZERO, decrease: ZERO, total: ZERO, increaseBelowZero: ZERO, decreaseBelowZero: ZERO };
  if (step.kind === 'total') return { ...none, total: step.amount };
  const low = step.from.lessThan(step.to) ? step.from : step.to;
  const high = step.from.lessThan(step.to) ? step.to : step.from;
  const up = !step.amount.isNegative() || step.amount.isZero();
  // Above zero: base up to the low end, bar to the high end. Under zero: base down to the high end, bar
  // (negative) on down to the low end. Across zero: no base, a part each side.
  const [base, above, below] = !low.isNegative() || low.isZero() ? [low, high.minus(low), ZERO] : high.isNegative() || high.isZero() ? [high, low.minus(high), ZERO] : [ZERO, high, low];
  return up ? { ...none, base, increase: above, increaseBelowZero: below } : { ...none, base, decrease: above, decreaseBelowZero: below };
}

/** True when some bar crosses zero, so the chart needs the below-zero series. */
export function crossesZero(steps: readonly WaterfallStep[]): boolean {
  return steps.map(stackedStep).some((s) => !s.increaseBelowZero.isZero() || !s.decreaseBelowZero.isZero());
}
