/**
 * Rounds the exact costing to cents, once, top-down with the largest-remainder method:
 * a pool's rounded cost is split over its activities, unused capacity and unassigned cost; each activity's
 * rounded cost over its customers (and its unassigned part). So every level adds up to the level above,
 * to the cent, and the company's operating profit reconciles with the customers' net profit.
 */
import { allocateByWeights, allocateCents } from './allocate';
import { EXACT_LIMIT, allocateCells } from './cell-allocate';
import { type Dec, ZERO, fromWholeCents, roundCents, sum, wholeCentsOf } from './decimal';
import type { ExactActivity, ExactCosting, ExactPool } from './costing';
import { type Issue, warning } from './issues';
import { msg } from './messages';
import { type ModelInput, nameKey } from './model';
import type { ActivityResult, CostingResult, CustomerResult, PoolResult, Totals } from './result';

/** Cents that are not exact in a double: the fast path gives way to the plain one. */
class TooLarge extends Error {}

/**
 * Turns an exact costing into the rounded result, customers sorted by net profit (highest first).
 * `fast`: customers' figures in whole cents held in doubles, checked to stay exact (see cell-allocate.ts);
 * null when a figure is too large for that, and the caller takes the plain path.
 */
export function roundResult(model: ModelInput, exact: ExactCosting, fast = false): CostingResult | null {
  try {
    return round(model, exact, fast);
  } catch (e) {
    if (e instanceof TooLarge) return null;
    throw e;
  }
}

function round(model: ModelInput, exact: ExactCosting, fast: boolean): CostingResult {
  const issues: Issue[] = [...exact.issues];
  const customerCount = model.customers.length;
  const activityCents = new Map<string, Float64Array>();
  const activityCosts = new Map<string, Dec[]>();
  const unusedCharged = new Map<string, Dec[]>();
  const activityResults = new Map<string, ActivityResult>();

  const pools: PoolResult[] = exact.pools.map((pool) => {
    const parts = [...pool.activities.map((a) => a.cost), pool.unusedCost ?? ZERO, pool.unassigned];
    const rounded = allocateCents(roundCents(pool.input.cost), parts);
    pool.activities.forEach((a, i) => {
      const result = roundActivity(a, rounded[i] as Dec, fast);
      activityResults.set(a.name, result.activity);
      if (result.perCustomer !== null) activityCosts.set(a.name, result.perCustomer);
      if (result.cents !== null) activityCents.set(a.name, result.cents);
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
    const result = roundActivity(a, roundCents(a.cost), fast);
    activityResults.set(a.name, result.activity);
    if (result.perCustomer !== null) activityCosts.set(a.name, result.perCustomer);
    if (result.cents !== null) activityCents.set(a.name, result.cents);
  }
  const activities = exact.activityOrder.map((name) => activityResults.get(name) as ActivityResult);

  const directCosts = directCostsPerCustomer(model);
  // The order and order-line drivers too, which no activity may use: statements and actions count with them.
  const orderDriver = [model.settings.orderDriver, model.settings.orderLineDriver].flatMap((s) => (s === undefined ? [] : [nameKey(s.name)]));
  const driverKeys = [...new Set([...activities.flatMap((a) => a.drivers.map((d) => nameKey(d.driver))), ...orderDriver])];
  const driverVolumes = driverKeys.map((key) => [key, exact.volumes.of(key).perCustomer] as const);
  if (fast) {
    const customers = customersInCents(model, activities, activityCents, unusedCharged, directCosts, driverVolumes);
    return { settings: model.settings, pools, activities, customers, totals: totalsOf(customers, pools, activities), issues };
  }
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

function roundActivity(a: ExactActivity, cost: Dec, fast: boolean): { activity: ActivityResult; perCustomer: Dec[] | null; cents: Float64Array | null } {
  let perCustomer: Dec[] | null = null;
  let cents: Float64Array | null = null;
  let unassignedCost: Dec;
  if (fast && a.cells !== null) {
    const total = wholeCentsOf(cost);
    const split = total === null ? null : allocateCells(total, a.cells);
    if (split === null) throw new TooLarge();
    cents = split.subarray(0, a.cells.m.length);
    unassignedCost = fromWholeCents(split[a.cells.m.length] as number);
  } else {
    const costs = a.perCustomer;
    const split = allocateCents(cost, [...costs, a.unassigned]);
    perCustomer = split.slice(0, costs.length);
    unassignedCost = split[split.length - 1] as Dec;
    if (fast) cents = Float64Array.from(perCustomer, exactCents);
  }
  return {
    perCustomer,
    cents,
    activity: {
      activity: a.name,
      pool: a.pool,
      method: a.method,
      cost,
      minutes: a.minutes,
      unassignedCost,
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

/** Whole cents of an amount already in cents, or the fast path gives way. */
function exactCents(amount: Dec): number {
  const cents = wholeCentsOf(amount);
  if (cents === null) throw new TooLarge();
  return cents;
}

/** Adds whole cents, giving way before a sum could lose a cent. */
function addCents(a: number, b: number): number {
  const s = a + b;
  if (!(Math.abs(s) < EXACT_LIMIT)) throw new TooLarge();
  return s;
}

/** Cents of each customer's figures, kept beside the result's decimals for sorting and totals. */
const customerCents = new WeakMap<CustomerResult, Float64Array>();
const REVENUE = 0;
const DISCOUNTS = 1;
const NET_REVENUE = 2;
const COGS = 3;
const GROSS_MARGIN = 4;
const COST_TO_SERVE = 5;
const DIRECT = 6;
const NET_PROFIT = 7;

/** The plain path's customers, computed in whole cents: the same figures with one decimal made per amount. */
function customersInCents(
  model: ModelInput,
  activities: ActivityResult[],
  activityCents: Map<string, Float64Array>,
  unusedCharged: Map<string, Dec[]>,
  directCosts: Array<Array<{ item: string; amount: Dec }>>,
  driverVolumes: ReadonlyArray<readonly [string, Dec[]]>,
): CustomerResult[] {
  const columns = activities.map((a) => [a.activity, activityCents.get(a.activity) as Float64Array] as const);
  const unused = [...unusedCharged].map(([pool, amounts]) => [pool, amounts, Float64Array.from(amounts, exactCents)] as const);
  const customers: CustomerResult[] = model.customers.map((c, i) => {
    const figures = new Float64Array(8);
    figures[REVENUE] = exactCents(c.revenue);
    figures[DISCOUNTS] = exactCents(c.discounts);
    figures[NET_REVENUE] = addCents(figures[REVENUE], -figures[DISCOUNTS]);
    figures[COGS] = exactCents(c.cogs);
    figures[GROSS_MARGIN] = addCents(figures[NET_REVENUE], -figures[COGS]);
    const perActivity = new Map<string, Dec>();
    let costToServe = 0;
    for (const [name, cents] of columns) {
      const amount = cents[i] as number;
      costToServe = addCents(costToServe, amount);
      perActivity.set(name, amount === 0 ? ZERO : fromWholeCents(amount));
    }
    const perPoolUnused = new Map<string, Dec>();
    for (const [pool, amounts, cents] of unused) {
      perPoolUnused.set(pool, amounts[i] ?? ZERO);
      costToServe = addCents(costToServe, cents[i] as number);
    }
    figures[COST_TO_SERVE] = costToServe;
    const items = directCosts[i] ?? [];
    let direct = 0;
    for (const item of items) direct = addCents(direct, exactCents(item.amount));
    figures[DIRECT] = direct;
    figures[NET_PROFIT] = addCents(addCents(figures[GROSS_MARGIN], -costToServe), -direct);
    const customer: CustomerResult = {
      customer: c.id,
      name: c.name,
      dimensions: c.dimensions,
      revenue: fromWholeCents(figures[REVENUE]),
      discounts: fromWholeCents(figures[DISCOUNTS]),
      netRevenue: fromWholeCents(figures[NET_REVENUE]),
      cogs: fromWholeCents(figures[COGS]),
      grossMargin: fromWholeCents(figures[GROSS_MARGIN]),
      activityCosts: perActivity,
      unusedCapacityCosts: perPoolUnused,
      costToServe: fromWholeCents(costToServe),
      driverQuantities: quantitiesOf(driverVolumes, i),
      directCostItems: items,
      directCosts: fromWholeCents(direct),
      netProfit: fromWholeCents(figures[NET_PROFIT]),
    };
    customerCents.set(customer, figures);
    return customer;
  });
  const profits = Float64Array.from(customers, (c) => (customerCents.get(c) as Float64Array)[NET_PROFIT] as number);
  const order = Array.from(customers, (_, i) => i);
  order.sort((a, b) => (profits[b] as number) - (profits[a] as number) || compareIds((customers[a] as CustomerResult).customer, (customers[b] as CustomerResult).customer));
  return order.map((i) => customers[i] as CustomerResult);
}

/** A customer's quantity of each driver, by driver key. */
function quantitiesOf(driverVolumes: ReadonlyArray<readonly [string, Dec[]]>, i: number): Map<string, Dec> {
  const quantities = new Map<string, Dec>();
  for (const [key, perCustomer] of driverVolumes) quantities.set(key, perCustomer[i] ?? ZERO);
  return quantities;
}

function totalsOf(customers: CustomerResult[], pools: PoolResult[], activities: ActivityResult[]): Totals {
  // One look-up per customer rather than one per customer and figure; null: some customer has no cents.
  let centTotals: Float64Array | null = new Float64Array(NET_PROFIT + 1);
  for (const c of customers) {
    const figures = customerCents.get(c);
    if (figures === undefined) {
      centTotals = null;
      break;
    }
    for (let f = 0; f <= NET_PROFIT; f++) centTotals[f] = addCents(centTotals[f] as number, figures[f] as number);
  }
  const total = (pick: (c: CustomerResult) => Dec, field: number): Dec =>
    centTotals === null ? sum(customers.map(pick)) : fromWholeCents(centTotals[field] as number);
  const netProfit = total((c) => c.netProfit, NET_PROFIT);
  const unusedCapacityCost = sum(pools.map((p) => (p.unusedCost ?? ZERO).minus(p.unusedAssigned)));
  const unassignedCost = sum(pools.map((p) => p.unassignedCost)).plus(sum(activities.map((a) => a.unassignedCost)));
  return {
    revenue: total((c) => c.revenue, REVENUE),
    discounts: total((c) => c.discounts, DISCOUNTS),
    netRevenue: total((c) => c.netRevenue, NET_REVENUE),
    cogs: total((c) => c.cogs, COGS),
    grossMargin: total((c) => c.grossMargin, GROSS_MARGIN),
    costToServe: total((c) => c.costToServe, COST_TO_SERVE),
    directCosts: total((c) => c.directCosts, DIRECT),
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
