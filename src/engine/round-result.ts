/**
 * Rounds the exact costing to cents, once, top-down with the largest-remainder method:
 * a pool's rounded cost is split over its activities, unused capacity and unassigned cost; each activity's
 * rounded cost over its customers (and its unassigned part). So every level adds up to the level above,
 * to the cent, and the company's operating profit reconciles with the customers' net profit.
 */
import { allocateByWeights, allocateCents } from './allocate';
import { type Dec, ZERO, roundCents, sum } from './decimal';
import type { ExactActivity, ExactCosting, ExactPool } from './costing';
import { type Issue, warning } from './issues';
import { msg } from './messages';
import { type ModelInput, nameKey } from './model';
import type { ActivityResult, CostingResult, CustomerResult, PoolResult, Totals } from './result';

/** Turns an exact costing into the rounded result, customers sorted by net profit (highest first). */
export function roundResult(model: ModelInput, exact: ExactCosting): CostingResult {
  const issues: Issue[] = [...exact.issues];
  const customerCount = model.customers.length;
  const activityCosts = new Map<string, Dec[]>();
  const unusedCharged = new Map<string, Dec[]>();
  const activityResults = new Map<string, ActivityResult>();

  const pools: PoolResult[] = exact.pools.map((pool) => {
    const parts = [...pool.activities.map((a) => a.cost), pool.unusedCost ?? ZERO, pool.unassigned];
    const rounded = allocateCents(roundCents(pool.input.cost), parts);
    pool.activities.forEach((a, i) => {
      const result = roundActivity(a, rounded[i] as Dec);
      activityResults.set(a.name, result.activity);
      activityCosts.set(a.name, result.perCustomer);
    });
    const unusedCost = rounded[pool.activities.length] as Dec;
    const unusedAssigned = chargeUnused(model, pool, unusedCost, issues, unusedCharged);
    return {
      pool: pool.input.name,
      method: pool.method,
      cost: sum(rounded),
      capacityMinutes: pool.method === 'time' ? pool.input.capacityMinutes : null,
      ratePerMinute: pool.ratePerMinute,
      usedMinutes: pool.usedMinutes,
      unusedMinutes: pool.unusedMinutes,
      unusedCost: pool.unusedCost === null ? null : unusedCost,
      unusedAssigned,
      unassignedCost: rounded[pool.activities.length + 1] as Dec,
      activitiesCost: sum(rounded.slice(0, pool.activities.length)),
    };
  });
  for (const a of exact.rateActivities) {
    const result = roundActivity(a, roundCents(a.cost));
    activityResults.set(a.name, result.activity);
    activityCosts.set(a.name, result.perCustomer);
  }
  const activities = exact.activityOrder.map((name) => activityResults.get(name) as ActivityResult);

  const directCosts = directCostsPerCustomer(model);
  // The order and order-line drivers too, which no activity may use: statements and actions count with them.
  const orderDriver = [model.settings.orderDriver, model.settings.orderLineDriver].flatMap((s) => (s === undefined ? [] : [nameKey(s.name)]));
  const driverKeys = [...new Set([...activities.flatMap((a) => a.drivers.map((d) => nameKey(d.driver))), ...orderDriver])];
  const driverVolumes = driverKeys.map((key) => [key, exact.volumes.of(key).perCustomer] as const);
  const customers: CustomerResult[] = model.customers.map((c, i) => {
    const revenue = roundCents(c.revenue);
    const discounts = roundCents(c.discounts);
    const netRevenue = revenue.minus(discounts);
    const cogs = roundCents(c.cogs);
    const grossMargin = netRevenue.minus(cogs);
    const perActivity = new Map(activities.map((a) => [a.activity, activityCosts.get(a.activity)?.[i] ?? ZERO]));
    const perPoolUnused = new Map([...unusedCharged].map(([pool, amounts]) => [pool, amounts[i] ?? ZERO]));
    const costToServe = sum(perActivity.values()).plus(sum(perPoolUnused.values()));
    const items = directCosts[i] ?? [];
    const direct = sum(items.map((d) => d.amount));
    return {
      customer: c.id,
      name: c.name,
      dimensions: c.dimensions,
      revenue,
      discounts,
      netRevenue,
      cogs,
      grossMargin,
      activityCosts: perActivity,
      unusedCapacityCosts: perPoolUnused,
      costToServe,
      driverQuantities: new Map(driverVolumes.map(([key, perCustomer]) => [key, perCustomer[i] ?? ZERO])),
      directCostItems: items,
      directCosts: direct,
      netProfit: grossMargin.minus(costToServe).minus(direct),
    };
  });
  customers.sort((a, b) => b.netProfit.comparedTo(a.netProfit) || compareIds(a.customer, b.customer));

  return { settings: model.settings, pools, activities, customers, totals: totalsOf(customers, pools, activities), issues };
}

function roundActivity(a: ExactActivity, cost: Dec): { activity: ActivityResult; perCustomer: Dec[] } {
  const split = allocateCents(cost, [...a.perCustomer, a.unassigned]);
  const perCustomer = split.slice(0, a.perCustomer.length);
  return {
    perCustomer,
    activity: {
      activity: a.name,
      pool: a.pool,
      method: a.method,
      cost,
      minutes: a.minutes,
      unassignedCost: split[split.length - 1] as Dec,
      businessSustaining: a.businessSustaining,
      drivers: a.drivers.map((d) => ({ ...d })),
    },
  };
}

/** In assign mode, spreads a pool's rounded unused capacity cost over customers by the minutes they used of it. */
function chargeUnused(
  model: ModelInput,
  pool: ExactPool,
  unusedCost: Dec,
  issues: Issue[],
  charged: Map<string, Dec[]>,
): Dec {
  if (model.settings.unusedCapacity !== 'assign' || pool.method !== 'time' || unusedCost.isZero()) return ZERO;
  const minutes = pool.minutesPerCustomer ?? [];
  if (sum(minutes).isZero()) {
    issues.push(
      warning(
        'UNUSED_NOT_ASSIGNABLE',
        msg('unusedNotAssignable', { pool: pool.input.name }),
        pool.input.where,
      ),
    );
    return ZERO;
  }
  charged.set(pool.input.name, allocateByWeights(unusedCost, minutes));
  return unusedCost;
}

function directCostsPerCustomer(model: ModelInput): Array<Array<{ item: string; amount: Dec }>> {
  const index = new Map(model.customers.map((c, i) => [nameKey(c.id), i]));
  const exact = model.customers.map(() => new Map<string, { item: string; amount: Dec }>());
  for (const cost of model.customerCosts) {
    const items = exact[index.get(nameKey(cost.customer)) ?? -1];
    if (items === undefined) continue;
    const key = nameKey(cost.item);
    const seen = items.get(key);
    items.set(key, { item: seen?.item ?? cost.item.trim(), amount: (seen?.amount ?? ZERO).plus(cost.amount) });
  }
  return exact.map((items) => [...items.values()].map((d) => ({ item: d.item, amount: roundCents(d.amount) })));
}

function totalsOf(customers: CustomerResult[], pools: PoolResult[], activities: ActivityResult[]): Totals {
  const total = (pick: (c: CustomerResult) => Dec): Dec => sum(customers.map(pick));
  const netProfit = total((c) => c.netProfit);
  const unusedCapacityCost = sum(pools.map((p) => (p.unusedCost ?? ZERO).minus(p.unusedAssigned)));
  const unassignedCost = sum(pools.map((p) => p.unassignedCost)).plus(sum(activities.map((a) => a.unassignedCost)));
  return {
    revenue: total((c) => c.revenue),
    discounts: total((c) => c.discounts),
    netRevenue: total((c) => c.netRevenue),
    cogs: total((c) => c.cogs),
    grossMargin: total((c) => c.grossMargin),
    costToServe: total((c) => c.costToServe),
    directCosts: total((c) => c.directCosts),
    netProfit,
    unusedCapacityCost,
    unassignedCost,
    operatingProfit: netProfit.minus(unusedCapacityCost).minus(unassignedCost),
  };
}

/** Orders customer ids numerically when both are numbers, else as text, so "2" comes before "10". */
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
