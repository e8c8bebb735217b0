/**
 * Compares two costed periods customer by customer (issue 20): the change in each customer's net profit
 * split into a bridge whose parts add up to it to the cent. Every part is first computed exactly from the
 * two results' quantities and costs per unit, then the parts are rounded together with the largest-
 * remainder rule so that they add up to the rounded change — the same rule that rounds the costing.
 */
import { allocateCents } from '../allocate';
import { type Dec, ZERO, sum } from '../decimal';
import { nameKey } from '../model';
import type { CostingResult } from '../result';
import { type ActivityFigures, type CustomerFigures, figuresOfResult, type PeriodFigures, type TermFigures } from './figures';
import type { ActivityBridge, BridgeParts, CompanyChange, Comparison, CustomerChange } from './types';

interface ActivityTerms {
  activity: string;
  terms: Map<string, TermFigures>;
}

/** Compares `before` (the earlier period, or a budget) with `after` (this period), both costed models. */
export function compareResults(before: CostingResult, after: CostingResult): Comparison {
  return compareFigures(figuresOfResult(before), figuresOfResult(after));
}

/** Compares two periods' figures, customers matched by id as text (`001` ≠ `1`, `Acme` = `ACME`, as the contract matches them). */
export function compareFigures(before: PeriodFigures, after: PeriodFigures): Comparison {
  const termsBefore = activityTerms(before.activities);
  const termsAfter = activityTerms(after.activities);
  const activityKeys = [...new Set([...termsAfter.keys(), ...termsBefore.keys()])];
  const earlier = new Map(before.customers.map((c) => [nameKey(c.customer), c]));
  const now = new Map(after.customers.map((c) => [nameKey(c.customer), c]));
  const keys = [...new Set([...now.keys(), ...earlier.keys()])];
  const customers = keys.map((key) => customerChange(earlier.get(key), now.get(key), activityKeys, termsBefore, termsAfter));
  return { customers, totals: companyChange(before, after, customers) };
}

function activityTerms(activities: readonly ActivityFigures[]): Map<string, ActivityTerms> {
  return new Map(activities.map((a) => [nameKey(a.activity), { activity: a.activity, terms: new Map(a.terms.map((t) => [nameKey(t.driver), t])) }]));
}

/** One activity's exact volume and rate effects for a customer (profit effects: more cost is negative). */
interface ExactActivity {
  activity: string;
  volume: Dec;
  rate: Dec;
  split: { timePerUnit: Dec; costPerMinute: Dec } | null;
}

function exactActivity(c0: CustomerFigures | undefined, c1: CustomerFigures | undefined, then: ActivityTerms | undefined, now: ActivityTerms | undefined): ExactActivity {
  let volume = ZERO;
  let rate = ZERO;
  let timePerUnit = ZERO;
  let costPerMinute = ZERO;
  let timed = then !== undefined && now !== undefined;
  const driverKeys = new Set([...(now?.terms.keys() ?? []), ...(then?.terms.keys() ?? [])]);
  for (const key of driverKeys) {
    const t0 = then?.terms.get(key);
    const t1 = now?.terms.get(key);
    // A term a period does not have charges nothing in it: its quantity there counts as zero.
    const q0 = t0 === undefined ? ZERO : (c0?.quantities.get(key) ?? ZERO);
    const q1 = t1 === undefined ? ZERO : (c1?.quantities.get(key) ?? ZERO);
    const p1 = t1?.costPerUnit ?? ZERO;
    // A term new this period has no earlier cost per unit: all of it is volume, at today's.
    const p0 = t0 === undefined ? p1 : t0.costPerUnit;
    volume = volume.minus(q1.minus(q0).times(p0));
    rate = rate.minus(q1.times(p1.minus(p0)));
    // Split only where every term is time-driven in both periods: cost per unit = minutes × cost per minute.
    if (t0?.minutes != null && t0.ratePerMinute !== null && t1?.minutes != null && t1.ratePerMinute !== null) {
      timePerUnit = timePerUnit.minus(q1.times(t1.minutes.minus(t0.minutes)).times(t0.ratePerMinute));
      costPerMinute = costPerMinute.minus(q1.times(t1.minutes).times(t1.ratePerMinute.minus(t0.ratePerMinute)));
    } else {
      timed = false;
    }
  }
  return { activity: now?.activity ?? then?.activity ?? '', volume, rate, split: timed ? { timePerUnit, costPerMinute } : null };
}

function customerChange(
  c0: CustomerFigures | undefined,
  c1: CustomerFigures | undefined,
  activityKeys: readonly string[],
  termsBefore: ReadonlyMap<string, ActivityTerms>,
  termsAfter: ReadonlyMap<string, ActivityTerms>,
): CustomerChange {
  const of = (c: CustomerFigures | undefined, f: (x: CustomerFigures) => Dec): Dec => (c === undefined ? ZERO : f(c));
  const delta = (f: (x: CustomerFigures) => Dec): Dec => of(c1, f).minus(of(c0, f));
  const before = of(c0, (c) => c.netProfit);
  const after = of(c1, (c) => c.netProfit);
  const change = after.minus(before);
  const activities = activityKeys.map((k) => exactActivity(c0, c1, termsBefore.get(k), termsAfter.get(k)));
  const exact = [
    delta((c) => c.revenue),
    delta((c) => c.discounts).negated(),
    delta((c) => c.cogs).negated(),
    ...activities.map((a) => a.volume),
    ...activities.map((a) => a.rate),
    delta((c) => c.unusedCapacity).negated(),
    delta((c) => c.directCosts).negated(),
  ];
  // The exact parts add up to the exact change; the rounded figures differ from it by rounding only (under a
  // cent per figure). A larger gap would mean a part is missing: stop rather than spread it over the parts.
  const gap = sum(exact).minus(change).abs();
  if (gap.greaterThan(exact.length / 100)) {
    throw new Error(`compareResults: the parts of customer ${c1?.customer ?? c0?.customer ?? ''} miss ${gap.toFixed(2)} of its change`);
  }
  const rounded = allocateCents(change, exact);
  const n = activities.length;
  const part = (i: number): Dec => rounded[i] as Dec;
  const bridges: ActivityBridge[] = activities.map((a, i) => {
    const rate = part(3 + n + i);
    const split = a.split === null ? null : allocateCents(rate, [a.split.timePerUnit, a.split.costPerMinute]);
    return { activity: a.activity, volume: part(3 + i), rate, timePerUnit: split?.[0] ?? null, costPerMinute: split?.[1] ?? null };
  });
  const bridge: BridgeParts = {
    revenue: part(0),
    discounts: part(1),
    cogs: part(2),
    activityVolume: sum(bridges.map((b) => b.volume)),
    activityRate: sum(bridges.map((b) => b.rate)),
    unusedCapacity: part(3 + 2 * n),
    directCosts: part(4 + 2 * n),
  };
  const customer = c1 ?? (c0 as CustomerFigures);
  return {
    customer: customer.customer,
    name: customer.name,
    status: c0 === undefined ? 'new' : c1 === undefined ? 'lost' : 'both',
    before,
    after,
    change,
    bridge,
    activities: bridges.filter((b) => !b.volume.isZero() || !b.rate.isZero()),
  };
}

function companyChange(before: PeriodFigures, after: PeriodFigures, customers: readonly CustomerChange[]): CompanyChange {
  const total = (f: (b: BridgeParts) => Dec): Dec => sum(customers.map((c) => f(c.bridge)));
  return {
    before: before.totals.operatingProfit,
    after: after.totals.operatingProfit,
    change: after.totals.operatingProfit.minus(before.totals.operatingProfit),
    bridge: {
      revenue: total((b) => b.revenue),
      discounts: total((b) => b.discounts),
      cogs: total((b) => b.cogs),
      activityVolume: total((b) => b.activityVolume),
      activityRate: total((b) => b.activityRate),
      unusedCapacity: total((b) => b.unusedCapacity),
      directCosts: total((b) => b.directCosts),
      unusedNotCharged: after.totals.unusedCapacityCost.minus(before.totals.unusedCapacityCost).negated(),
      unassigned: after.totals.unassignedCost.minus(before.totals.unassignedCost).negated(),
    },
  };
}
