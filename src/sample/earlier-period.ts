/**
 * The sample wholesaler's earlier period (2025), for comparing periods (issue 20). It is the 2026 plan
 * turned back a year, so that the comparison tells a story a controller recognises:
 * - mostly the same customers: the few with the newest customer numbers came in 2026, and a few
 *   customers of 2025 (with older, lower numbers) were lost;
 * - the customers that lose money in 2026 were worse in 2025: more and smaller orders and more rush
 *   orders, before the order fee and the minimum order made them order differently;
 * - every ledger account 4–6 % lower (wages and prices rose since) with the same staff, so each operating
 *   pool costs 4–6 % less at the same capacity: a lower cost per minute;
 * - revenue a little lower overall.
 * The customers are drawn again from the seed exactly as 2026 draws them; everything of 2025 comes from a
 * second stream of the seed, so the 2026 sample stays as it is.
 */
import { ZERO, fromWholeCents, wholeCentsOf } from '../engine/decimal';
import { YEAR } from './calendar';
import { costAfterSupport } from './first-stage';
import { PROFILES, type Profile } from './profiles';
import { POOLS, SUPPORT_POOLS } from './pools';
import { Random } from './random';
import {
  type Behaviour,
  type CustomerCostRow,
  type CustomerPlan,
  type PoolPlan,
  type VolumeRow,
  type WholesalerPlan,
  customerTransactions,
  drawCustomer,
  drawCustomers,
  numberReferences,
  planWholesaler,
} from './wholesaler';

/** Customers that came in 2026: the ones with the newest (highest) customer numbers. */
export const NEW_IN_LATER_PERIOD = 6;

/** Customers of 2025 lost before 2026. */
export const LOST_BEFORE_LATER_PERIOD = 5;

/** Mixed into the seed for the earlier period's own draws, so they never repeat the 2026 stream. */
const EARLIER_STREAM = 0x20_25_00_00;

/** The range of the factor on each ledger line: 2025 costs 4–6 % less than 2026. */
const COST_FACTOR: readonly [number, number] = [0.94, 0.96];

/**
 * Each customer's revenue in 2025 as a share of 2026's: a little lower on the whole. The worst customers
 * bought about as much as now, so their smaller orders, not their size, make them worse.
 */
const REVENUE_FACTOR: readonly [number, number] = [0.86, 1];
const WORSE_REVENUE_FACTOR: readonly [number, number] = [0.98, 1.02];

/** The most loss-making customers of 2026 that behaved worse in 2025. */
export const WORSE_BEFORE = 20;

/** How many more orders (for the same lines) and rush orders one of those placed in 2025. */
const MORE_ORDERS: readonly [number, number] = [1.2, 1.3];
const MORE_RUSH: readonly [number, number] = [1.5, 2];

/** Builds the earlier period (2025) of the sample of `seed`. */
export function planEarlierPeriod(seed: number): WholesalerPlan {
  const later = planWholesaler(seed);
  const drawn = drawCustomers(new Random(seed));
  const random = new Random((seed ^ EARLIER_STREAM) >>> 0);
  const year = YEAR - 1;
  const worseBefore = new Set(mostLossMaking(later, WORSE_BEFORE));
  const newIds = new Set(
    later.customers
      .map((c) => c.id)
      .sort((a, b) => b - a)
      .slice(0, NEW_IN_LATER_PERIOD),
  );

  const kept: Array<{ customer: CustomerPlan; profile: Profile; behaviour: Behaviour; factor: number }> = [];
  drawn.customers.forEach((c, i) => {
    if (newIds.has(c.id)) return;
    const worse = worseBefore.has(c.id);
    const factor = random.uniform(...(worse ? WORSE_REVENUE_FACTOR : REVENUE_FACTOR));
    const b = drawn.behaviours[i] as Behaviour;
    const orders = worse ? random.uniform(...MORE_ORDERS) : 1;
    const rush = worse ? random.uniform(...MORE_RUSH) : 1;
    kept.push({
      customer: scaledCustomer(c, factor),
      profile: drawn.profiles[i] as Profile,
      // The same lines in more orders: smaller orders, each with its drop, picking and invoice.
      behaviour: { ...b, ordersPerYear: b.ordersPerYear * factor * orders, linesPerOrder: b.linesPerOrder / orders, rushRate: b.rushRate * rush },
      factor,
    });
  });
  const lost = lostCustomers(random, new Set(later.customers.map((c) => c.name.toLowerCase())));

  const volumes: VolumeRow[] = [];
  for (const k of [...kept, ...lost]) volumes.push(...customerTransactions(random, k.customer.id, k.profile, k.behaviour, year));
  numberReferences(volumes, year);

  const factorOf = new Map(kept.map((k) => [k.customer.id, k.factor]));
  const customerCosts: CustomerCostRow[] = later.customerCosts.flatMap((r) => {
    const factor = factorOf.get(r.customer);
    return factor === undefined ? [] : [{ ...r, amountCents: Math.round(r.amountCents * factor) }];
  });

  const ledger = later.ledger.map((l) => ({ ...l, amountCents: Math.round(l.amountCents * random.uniform(...COST_FACTOR)) }));
  return {
    period: String(year),
    pools: earlierPools(later.pools, ledger, later.support),
    terms: later.terms.map((t) => ({ ...t })),
    customers: [...kept, ...lost].map((k) => k.customer),
    volumes,
    customerCosts,
    ledger,
    support: later.support.map((r) => ({ ...r })),
  };
}

/** A customer's revenue, discounts and cost of goods scaled by `factor`, its margin and discount rate kept. */
function scaledCustomer(c: CustomerPlan, factor: number): CustomerPlan {
  const revenueCents = Math.round(c.revenueCents * factor);
  const discountCents = Math.round(c.discountCents * factor);
  const margin = 1 - c.cogsCents / (c.revenueCents - c.discountCents);
  return { ...c, revenueCents, discountCents, cogsCents: Math.round((revenueCents - discountCents) * (1 - margin)) };
}

/**
 * Customers of 2025 gone in 2026: never a retail chain (losing one would be the year's news), numbered
 * below every 2026 customer, as older customers are.
 */
function lostCustomers(random: Random, usedNames: Set<string>): Array<{ customer: CustomerPlan; profile: Profile; behaviour: Behaviour }> {
  const profiles = PROFILES.filter((p) => p.segment !== 'Retail chain');
  const out: Array<{ customer: CustomerPlan; profile: Profile; behaviour: Behaviour }> = [];
  let id = 9_900;
  for (let i = 0; i < LOST_BEFORE_LATER_PERIOD; i++) {
    id += random.int(1, 19);
    const profile = random.weighted(profiles.map((p) => [p, p.count] as const));
    const { customer, behaviour } = drawCustomer(random, id, profile, random.int(0, profile.count - 1), usedNames);
    out.push({ customer, profile, behaviour });
  }
  return out;
}

/**
 * The `count` customers of a plan with the lowest net profit (below zero), worst first, worked out from
 * the plan as the engine costs it (cost per minute at practical capacity, the conventional pool's shares
 * over its drivers, the carrier's rate); plain arithmetic, so the same in every JavaScript engine, and
 * used only to rank.
 */
function mostLossMaking(plan: WholesalerPlan, count: number): number[] {
  const total = new Map<string, number>();
  const byCustomer = new Map<number, Map<string, number>>();
  for (const v of plan.volumes) {
    total.set(v.driver, (total.get(v.driver) ?? 0) + v.quantity);
    const own = byCustomer.get(v.customer) ?? new Map<string, number>();
    own.set(v.driver, (own.get(v.driver) ?? 0) + v.quantity);
    byCustomer.set(v.customer, own);
  }
  const pool = new Map(plan.pools.map((p) => [p.pool, p]));
  const perUnit = new Map<string, number>();
  for (const t of plan.terms) {
    if (t.driver === null) continue;
    const p = t.pool === null ? undefined : pool.get(t.pool);
    const unit =
      t.rate ??
      (t.minutes !== undefined && p?.capacityMinutes != null
        ? (t.minutes * p.cost) / p.capacityMinutes
        : t.share !== undefined && p !== undefined
          ? (t.share * p.cost) / (total.get(t.driver) ?? 1)
          : 0);
    perUnit.set(t.driver, (perUnit.get(t.driver) ?? 0) + unit);
  }
  const direct = new Map<number, number>();
  for (const r of plan.customerCosts) direct.set(r.customer, (direct.get(r.customer) ?? 0) + r.amountCents);
  const losing: Array<{ id: number; profit: number }> = [];
  for (const c of plan.customers) {
    let cost = 0;
    for (const [driver, q] of byCustomer.get(c.id) ?? []) cost += q * (perUnit.get(driver) ?? 0);
    const profit = (c.revenueCents - c.discountCents - c.cogsCents - (direct.get(c.id) ?? 0)) / 100 - cost;
    if (profit < 0) losing.push({ id: c.id, profit });
  }
  return losing
    .sort((a, b) => a.profit - b.profit || a.id - b.id)
    .slice(0, count)
    .map((l) => l.id);
}

/** The same pools and capacities; each pool's cost from the lower ledger (an operating pool's after support). */
function earlierPools(later: readonly PoolPlan[], ledger: WholesalerPlan['ledger'], support: WholesalerPlan['support']): PoolPlan[] {
  const own = (pool: string): number => ledger.reduce((acc, l) => acc + (l.pool === pool ? l.amountCents : 0), 0);
  const operating = Object.values(POOLS);
  const after = costAfterSupport(operating, support, (pool) => fromWholeCents(own(pool)));
  const isSupport = new Set<string>(Object.values(SUPPORT_POOLS));
  return later.map((p) => {
    const cost = isSupport.has(p.pool) ? own(p.pool) : wholeCentsOf(after.get(p.pool) ?? ZERO);
    if (cost === null) throw new Error(`The earlier sample's pool ${p.pool} costs a fraction of a cent after support.`);
    return { ...p, cost: cost / 100 };
  });
}
