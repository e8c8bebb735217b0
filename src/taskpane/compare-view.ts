/**
 * What the pane's Compare view draws of a comparison (issue 20): the company's bridge as waterfall steps
 * and the customers worth a look, as plain numbers (cents already settled by the bridge), so the React
 * view only lays them out and the figures are tested here.
 */
import type { Comparison, ComparisonAnalysis, CustomerChange, ExplainedChange } from '../engine/compare/types';
import { type Dec, roundCents, toNumber } from '../engine/decimal';

/** The parts of the company's bridge, in the order the waterfall shows them. */
export const COMPANY_PARTS = ['revenue', 'discounts', 'cogs', 'activityVolume', 'activityRate', 'unusedCapacity', 'directCosts', 'unusedNotCharged', 'unassigned'] as const;
export type CompanyPart = (typeof COMPANY_PARTS)[number];

/** One customer's line: its net profit then and now and the change. */
export interface ChangeRow {
  customer: string;
  name: string | null;
  before: number;
  after: number;
  change: number;
}

/** A bar of the waterfall: a total (from zero) or a part (from the running total), from `start` to `end`. */
export interface WaterfallBar {
  key: 'before' | 'after' | CompanyPart;
  kind: 'total' | 'up' | 'down';
  start: number;
  end: number;
}

export interface CompareViewModel {
  /** The kept period's label and this period's. */
  before: string;
  after: string;
  company: { before: number; after: number; change: number; parts: Array<{ part: CompanyPart; amount: number }> };
  profitToLoss: ChangeRow[];
  lossToProfit: ChangeRow[];
  improvements: ChangeRow[];
  declines: ChangeRow[];
}

const money = (d: Dec): number => {
  const n = toNumber(roundCents(d));
  return n === 0 ? 0 : n;
};

function row(c: CustomerChange): ChangeRow {
  return { customer: c.customer, name: c.name, before: money(c.before), after: money(c.after), change: money(c.change) };
}

const rows = (list: readonly ExplainedChange[]): ChangeRow[] => list.map((e) => row(e.change));

/** The view of `comparison` between the kept period `before` and this period `after`, its lists those of `analysis`. */
export function compareViewOf(comparison: Comparison, analysis: ComparisonAnalysis, before: string, after: string): CompareViewModel {
  const t = comparison.totals;
  return {
    before,
    after,
    company: {
      before: money(t.before),
      after: money(t.after),
      change: money(t.change),
      parts: COMPANY_PARTS.map((part) => ({ part, amount: money(t.bridge[part]) })),
    },
    profitToLoss: rows(analysis.profitToLoss),
    lossToProfit: rows(analysis.lossToProfit),
    improvements: rows(analysis.improvements),
    declines: rows(analysis.declines),
  };
}

/** The waterfall: the earlier profit, each non-zero part from the running total, and this period's profit. */
export function waterfallOf(company: CompareViewModel['company']): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ key: 'before', kind: 'total', start: 0, end: company.before }];
  // Running total in cents, so the last step lands exactly on the profit now.
  let cents = Math.round(company.before * 100);
  for (const { part, amount } of company.parts) {
    if (amount === 0) continue;
    const next = cents + Math.round(amount * 100);
    bars.push({ key: part, kind: amount > 0 ? 'up' : 'down', start: cents / 100, end: next / 100 });
    cents = next;
  }
  bars.push({ key: 'after', kind: 'total', start: 0, end: company.after });
  return bars;
}
