/**
 * What the Comparison sheet and the pane say beyond the bridges (issue 20): who crossed from profit to loss
 * or back, the largest improvements and declines with the part that moved each most, and how customers
 * moved between profit quintiles.
 */
import { type Dec, ZERO } from '../decimal';
import { nameKey } from '../model';
import type { CustomerFigures, PeriodFigures, TermFigures } from './figures';
import type { ActivityBridge, Comparison, ComparisonAnalysis, CustomerChange, ExplainedChange, MainCause, QuintileMigration } from './types';

/** Analyses a comparison of `before` with `after` (the figures it was made from); `top` bounds the improvements and declines. */
export function analyseComparison(comparison: Comparison, before: PeriodFigures, after: PeriodFigures, top = 10): ComparisonAnalysis {
  const context = causeContext(before, after);
  const explain = (change: CustomerChange): ExplainedChange => ({ change, cause: mainCause(change, context) });
  const both = comparison.customers.filter((c) => c.status === 'both');
  const byChange = (a: CustomerChange, b: CustomerChange): number => b.change.comparedTo(a.change);
  const bySize = (a: CustomerChange, b: CustomerChange): number => b.change.abs().comparedTo(a.change.abs());
  // A profit of zero is a profit (≥ 0); decimal.js's −0 is zero too.
  const loss = (d: Dec): boolean => d.isNegative() && !d.isZero();
  return {
    profitToLoss: both.filter((c) => !loss(c.before) && loss(c.after)).sort(bySize).map(explain),
    lossToProfit: both.filter((c) => loss(c.before) && !loss(c.after)).sort(bySize).map(explain),
    improvements: comparison.customers.filter((c) => !c.change.isZero() && c.change.isPositive()).sort(byChange).slice(0, top).map(explain),
    declines: comparison.customers.filter((c) => loss(c.change)).sort((a, b) => byChange(b, a)).slice(0, top).map(explain),
    migration: quintileMigration(comparison, before, after),
  };
}

interface CauseContext {
  before: PeriodFigures;
  after: PeriodFigures;
  customersBefore: ReadonlyMap<string, CustomerFigures>;
  customersAfter: ReadonlyMap<string, CustomerFigures>;
}

function causeContext(before: PeriodFigures, after: PeriodFigures): CauseContext {
  const byKey = (p: PeriodFigures): Map<string, CustomerFigures> => new Map(p.customers.map((c) => [nameKey(c.customer), c]));
  return { before, after, customersBefore: byKey(before), customersAfter: byKey(after) };
}

/** One of a customer's parts that may be named as the main cause; the details are looked up only for the winner. */
type Candidate = { amount: Dec; cause: () => MainCause };

/**
 * The part with the largest effect in the direction of the change (the largest positive part of an
 * improvement, the most negative of a decline), among revenue, discounts, COGS, per activity its volume
 * effect and its rate effect (for a time-driven activity the rate effect's two halves, minutes per unit and
 * cost per minute), unused capacity and direct costs. Ties go to the first in that order.
 */
function mainCause(change: CustomerChange, context: CauseContext): MainCause {
  if (change.status === 'new') return { kind: 'new' };
  if (change.status === 'lost') return { kind: 'lost' };
  const b = change.bridge;
  const simple = (kind: 'revenue' | 'discounts' | 'cogs' | 'unusedCapacity' | 'directCosts', amount: Dec): Candidate => ({ amount, cause: () => ({ kind, amount }) });
  const candidates: Candidate[] = [
    simple('revenue', b.revenue),
    simple('discounts', b.discounts),
    simple('cogs', b.cogs),
    ...change.activities.map((a): Candidate => ({ amount: a.volume, cause: () => volumeCause(change, a, context) })),
    ...change.activities.flatMap((a) => rateCandidates(change, a, context)),
    simple('unusedCapacity', b.unusedCapacity),
    simple('directCosts', b.directCosts),
  ];
  const sign = change.change.isNegative() ? -1 : 1;
  let best = candidates[0] as Candidate;
  for (const c of candidates) if (c.amount.times(sign).greaterThan(best.amount.times(sign))) best = c;
  return best.cause();
}

/** The terms of an activity in both periods, with the customer's quantities, keyed by the driver's nameKey. */
interface TermPair {
  driver: string;
  t0: TermFigures | undefined;
  t1: TermFigures | undefined;
  q0: Dec;
  q1: Dec;
}

function termPairs(change: CustomerChange, activity: string, context: CauseContext): { pool: string | null; pairs: TermPair[] } {
  const key = nameKey(activity);
  const a0 = context.before.activities.find((a) => nameKey(a.activity) === key);
  const a1 = context.after.activities.find((a) => nameKey(a.activity) === key);
  const c0 = context.customersBefore.get(nameKey(change.customer));
  const c1 = context.customersAfter.get(nameKey(change.customer));
  const terms0 = new Map((a0?.terms ?? []).map((t) => [nameKey(t.driver), t]));
  const terms1 = new Map((a1?.terms ?? []).map((t) => [nameKey(t.driver), t]));
  const keys = [...new Set([...terms1.keys(), ...terms0.keys()])];
  const pairs = keys.map((k): TermPair => {
    const t0 = terms0.get(k);
    const t1 = terms1.get(k);
    // As the bridge counts them: a term a period does not have has no quantity there.
    const q0 = t0 === undefined ? ZERO : (c0?.quantities.get(k) ?? ZERO);
    const q1 = t1 === undefined ? ZERO : (c1?.quantities.get(k) ?? ZERO);
    return { driver: t1?.driver ?? t0?.driver ?? '', t0, t1, q0, q1 };
  });
  return { pool: a1?.pool ?? a0?.pool ?? null, pairs };
}

/** The pair with the largest |effect|; the first on a tie. */
function largest(pairs: readonly TermPair[], effect: (p: TermPair) => Dec): TermPair {
  let best = pairs[0] as TermPair;
  for (const p of pairs) if (effect(p).abs().greaterThan(effect(best).abs())) best = p;
  return best;
}

/** Cost per unit then, as the bridge takes it: today's for a term new this period. */
const costThen = (p: TermPair): Dec => p.t0?.costPerUnit ?? p.t1?.costPerUnit ?? ZERO;

function volumeCause(change: CustomerChange, a: ActivityBridge, context: CauseContext): MainCause {
  const { pairs } = termPairs(change, a.activity, context);
  const p = largest(pairs, (t) => t.q1.minus(t.q0).times(costThen(t)));
  return { kind: 'volume', activity: a.activity, driver: p.driver, quantityBefore: p.q0, quantityAfter: p.q1, costPerUnit: costThen(p), amount: a.volume };
}

function rateCandidates(change: CustomerChange, a: ActivityBridge, context: CauseContext): Candidate[] {
  if (a.timePerUnit === null || a.costPerMinute === null) {
    return [
      {
        amount: a.rate,
        cause: () => {
          const { pairs } = termPairs(change, a.activity, context);
          const p = largest(pairs, (t) => t.q1.times((t.t1?.costPerUnit ?? ZERO).minus(costThen(t))));
          return { kind: 'costPerUnit', activity: a.activity, driver: p.driver, costBefore: costThen(p), costAfter: p.t1?.costPerUnit ?? ZERO, amount: a.rate };
        },
      },
    ];
  }
  const timePerUnit = a.timePerUnit;
  const costPerMinute = a.costPerMinute;
  // A time-driven split exists only when every term is timed in both periods, so minutes and rates are there.
  const minutes = (t: TermFigures | undefined): Dec => t?.minutes ?? ZERO;
  const rate = (t: TermFigures | undefined): Dec => t?.ratePerMinute ?? ZERO;
  return [
    {
      amount: timePerUnit,
      cause: () => {
        const { pairs } = termPairs(change, a.activity, context);
        const p = largest(pairs, (t) => t.q1.times(minutes(t.t1).minus(minutes(t.t0))).times(rate(t.t0)));
        return { kind: 'timePerUnit', activity: a.activity, driver: p.driver, minutesBefore: minutes(p.t0), minutesAfter: minutes(p.t1), amount: timePerUnit };
      },
    },
    {
      amount: costPerMinute,
      cause: () => {
        const { pool, pairs } = termPairs(change, a.activity, context);
        const first = pairs[0];
        return { kind: 'costPerMinute', activity: a.activity, pool, rateBefore: rate(first?.t0), rateAfter: rate(first?.t1), amount: costPerMinute };
      },
    },
  ];
}

/**
 * A period's quintile of each customer by net profit, nearest rank: the customers sorted by net profit,
 * highest first (ties by id), the one at rank r (1 = highest) of n is in quintile ⌈5r / n⌉, so quintile 1
 * is the highest fifth. With fewer than five customers some quintiles stay empty. Returned 0-based.
 */
export function quintiles(period: PeriodFigures): Map<string, number> {
  const sorted = [...period.customers].sort((a, b) => b.netProfit.comparedTo(a.netProfit) || compareText(nameKey(a.customer), nameKey(b.customer)));
  const n = sorted.length;
  return new Map(sorted.map((c, i) => [nameKey(c.customer), Math.ceil((5 * (i + 1)) / n) - 1]));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Counts customers by quintile then × now; row 5 holds the new customers, column 5 the lost ones. */
function quintileMigration(comparison: Comparison, before: PeriodFigures, after: PeriodFigures): QuintileMigration {
  const then = quintiles(before);
  const now = quintiles(after);
  const counts = Array.from({ length: 6 }, () => Array<number>(6).fill(0));
  for (const c of comparison.customers) {
    const key = nameKey(c.customer);
    const row = counts[then.get(key) ?? 5] as number[];
    const column = now.get(key) ?? 5;
    row[column] = (row[column] ?? 0) + 1;
  }
  return { counts };
}
