/**
 * Compares two costed periods customer by customer (issue 20): the change in each customer's net profit
 * split into a bridge whose parts add up to it to the cent. Every part is first computed exactly from the
 * two results' quantities and costs per unit, then the parts are rounded together with the largest-
 * remainder rule so that they add up to the rounded change — the same rule that rounds the costing.
 */
import { allocateCents } from '../allocate';
import { type Dec, ZERO, sum } from '../decimal';
import { nameKey } from '../model';
import type { ActivityResult, CostingResult, CustomerResult } from '../result';
import type { ActivityBridge, BridgeParts, CompanyChange, Comparison, CustomerChange } from './types';

/** An activity term as both periods know it: its cost per unit and, when time-driven, minutes and cost per minute. */
interface Term {
  driverKey: string;
  costPerUnit: Dec;
  minutes: Dec | null;
  ratePerMinute: Dec | null;
}

interface ActivityTerms {
  activity: string;
  terms: Map<string, Term>;
}

/** Compares `before` (the earlier period, or a budget) with `after` (this period). */
export function compareResults(before: CostingResult, after: CostingResult): Comparison {
  const termsBefore = activityTerms(before);
  const termsAfter = activityTerms(after);
  const activityKeys = [...new Set([...termsAfter.keys(), ...termsBefore.keys()])];
  const earlier = new Map(before.customers.map((c) => [nameKey(c.customer), c]));
  const now = new Map(after.customers.map((c) => [nameKey(c.customer), c]));
  const keys = [...new Set([...now.keys(), ...earlier.keys()])];
  const customers = keys.map((key) => customerChange(earlier.get(key), now.get(key), activityKeys, termsBefore, termsAfter));
  return { customers, totals: companyChange(before, after, customers) };
}

function activityTerms(result: CostingResult): Map<string, ActivityTerms> {
  const rates = new Map(result.pools.map((p) => [nameKey(p.pool), p.ratePerMinute]));
  return new Map(result.activities.map((a) => [nameKey(a.activity), { activity: a.activity, terms: termsOf(a, a.pool === null ? null : (rates.get(nameKey(a.pool)) ?? null)) }]));
}

/**
 * An activity's terms by driver. Two rows of one activity may count the same driver (10 minutes per order
 * here, 5 there): they act on the same quantity, so they are one term with their costs per unit (and
 * minutes) added.
 */
function termsOf(a: ActivityResult, ratePerMinute: Dec | null): Map<string, Term> {
  const terms = new Map<string, Term>();
  for (const d of a.drivers) {
    const key = nameKey(d.driver);
    const timed = a.method === 'time' && d.kind === 'minutes' && ratePerMinute !== null;
    const term: Term = { driverKey: key, costPerUnit: d.costPerUnit ?? ZERO, minutes: timed ? d.value : null, ratePerMinute: timed ? ratePerMinute : null };
    const earlier = terms.get(key);
    terms.set(
      key,
      earlier === undefined
        ? term
        : {
            driverKey: key,
            costPerUnit: earlier.costPerUnit.plus(term.costPerUnit),
            minutes: earlier.minutes !== null && term.minutes !== null ? earlier.minutes.plus(term.minutes) : null,
            ratePerMinute: earlier.minutes !== null && term.minutes !== null ? ratePerMinute : null,
          },
    );
  }
  return terms;
}

/** One activity's exact volume and rate effects for a customer (profit effects: more cost is negative). */
interface ExactActivity {
  activity: string;
  volume: Dec;
  rate: Dec;
  split: { timePerUnit: Dec; costPerMinute: Dec } | null;
}

function exactActivity(c0: CustomerResult | undefined, c1: CustomerResult | undefined, then: ActivityTerms | undefined, now: ActivityTerms | undefined): ExactActivity {
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
    const q0 = t0 === undefined ? ZERO : (c0?.driverQuantities?.get(key) ?? ZERO);
    const q1 = t1 === undefined ? ZERO : (c1?.driverQuantities?.get(key) ?? ZERO);
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
  c0: CustomerResult | undefined,
  c1: CustomerResult | undefined,
  activityKeys: readonly string[],
  termsBefore: ReadonlyMap<string, ActivityTerms>,
  termsAfter: ReadonlyMap<string, ActivityTerms>,
): CustomerChange {
  const of = (c: CustomerResult | undefined, f: (x: CustomerResult) => Dec): Dec => (c === undefined ? ZERO : f(c));
  const delta = (f: (x: CustomerResult) => Dec): Dec => of(c1, f).minus(of(c0, f));
  const before = of(c0, (c) => c.netProfit);
  const after = of(c1, (c) => c.netProfit);
  const change = after.minus(before);
  const activities = activityKeys.map((k) => exactActivity(c0, c1, termsBefore.get(k), termsAfter.get(k)));
  const unused = (c: CustomerResult): Dec => sum([...c.unusedCapacityCosts.values()]);
  const exact = [
    delta((c) => c.revenue),
    delta((c) => c.discounts).negated(),
    delta((c) => c.cogs).negated(),
    ...activities.map((a) => a.volume),
    ...activities.map((a) => a.rate),
    delta(unused).negated(),
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
  const customer = c1 ?? (c0 as CustomerResult);
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

function companyChange(before: CostingResult, after: CostingResult, customers: readonly CustomerChange[]): CompanyChange {
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
