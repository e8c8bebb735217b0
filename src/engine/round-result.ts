/**
 * Rounds the exact costing to cents, once, top-down with the largest-remainder method:
 * a pool's rounded cost is split over its activities, unused capacity and unassigned cost; each activity's
 * rounded cost over its customers (and its unassigned part). So every level adds up to the level above,
 * to the cent, and the company's operating profit reconciles with the customers' net profit.
 */
import { allocateByWeights, allocateCents } from './allocate';
import { EXACT_LIMIT, allocateCells } from './cell-allocate';
import { ColumnRow, columnTable } from './column-row';
import { type Dec, POW10, type Scaled, ZERO, fromWholeCents, roundCents, scaledInto, sum, wholeCentsOf } from './decimal';
import type { ExactActivity, ExactCosting, ExactPool } from './costing';
import { type Issue, warning } from './issues';
import { msg } from './messages';
import { orderFollowingKeys } from './minimum-order';
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
  const orderDriver = [
    ...[model.settings.orderDriver, model.settings.orderLineDriver].flatMap((s) => (s === undefined ? [] : [nameKey(s.name)])),
    ...orderFollowingKeys(model.settings),
  ];
  const driverKeys = [...new Set([...activities.flatMap((a) => a.drivers.map((d) => nameKey(d.driver))), ...orderDriver])];
  const driverVolumes = driverKeys.map((key) => [key, exact.volumes.of(key).perCustomer] as const);
  if (fast) {
    const { customers, centTotals } = customersInCents(model, activities, activityCents, unusedCharged, directCosts, driverVolumes);
    return { settings: model.settings, pools, activities, customers, totals: totalsOf(customers, pools, activities, centTotals), issues };
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

  return { settings: model.settings, pools, activities, customers, totals: totalsOf(customers, pools, activities, null), issues };
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
  if (model.customerCosts.length === 0) return model.customers.map(() => []);
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

/**
 * A customer's input figure in whole cents, and the decimal the result shows for it: the input's own
 * when it has at most two decimals (rounding it would change nothing, and decimals are immutable, so
 * most revenue and cost figures need no second copy), else the rounded one.
 */
function inputFigure(input: Dec): { cents: number; shown: Dec } {
  if (scaledInto(input, SCRATCH) && SCRATCH.scale <= 2 && !(SCRATCH.int === 0 && input.isNegative())) {
    const cents = SCRATCH.int * (POW10[2 - SCRATCH.scale] as number);
    if (Math.abs(cents) < EXACT_LIMIT) return { cents, shown: input };
  }
  const cents = exactCents(input);
  return { cents, shown: fromWholeCents(cents) };
}

const SCRATCH: Scaled = { int: 0, scale: 0 };

/** Adds whole cents, giving way before a sum could lose a cent. */
function addCents(a: number, b: number): number {
  const s = a + b;
  if (!(Math.abs(s) < EXACT_LIMIT)) throw new TooLarge();
  return s;
}

const REVENUE = 0;
const DISCOUNTS = 1;
const NET_REVENUE = 2;
const COGS = 3;
const GROSS_MARGIN = 4;
const COST_TO_SERVE = 5;
const DIRECT = 6;
const NET_PROFIT = 7;
const FIGURES = 8;

/** Customers computed in whole cents, and the totals of their figures in cents (indexed as above). */
interface CentCustomers {
  customers: CustomerResult[];
  centTotals: Float64Array;
}

/**
 * The plain path's customers, computed in whole cents: the same figures, with the activity costs and
 * driver quantities read through shared column tables, so a customer's maps make no decimal until read.
 */
function customersInCents(
  model: ModelInput,
  activities: ActivityResult[],
  activityCents: Map<string, Float64Array>,
  unusedCharged: Map<string, Dec[]>,
  directCosts: Array<Array<{ item: string; amount: Dec }>>,
  driverVolumes: ReadonlyArray<readonly [string, Dec[]]>,
): CentCustomers {
  const columns = activities.map((a) => activityCents.get(a.activity) as Float64Array);
  const activityTable = columnTable(
    activities.map((a) => a.activity),
    (column, row) => {
      const cents = (columns[column] as Float64Array)[row] as number;
      return cents === 0 ? ZERO : fromWholeCents(cents);
    },
  );
  const unusedAmounts = [...unusedCharged.values()];
  const unusedCents = unusedAmounts.map((amounts) => Float64Array.from(amounts, exactCents));
  const unusedTable = columnTable([...unusedCharged.keys()], (column, row) => (unusedAmounts[column] as Dec[])[row] ?? ZERO);
  // Unless unused capacity is charged, every customer's row of it is the same empty one.
  const noUnused = unusedAmounts.length === 0 ? new ColumnRow(unusedTable, 0) : null;
  const driverTable = columnTable(
    driverVolumes.map(([key]) => key),
    (column, row) => ((driverVolumes[column] as readonly [string, Dec[]])[1][row] ?? ZERO),
  );
  const count = model.customers.length;
  const figures = new Float64Array(count * FIGURES);
  const customers: CustomerResult[] = model.customers.map((c, i) => {
    const at = i * FIGURES;
    const revenueFigure = inputFigure(c.revenue);
    const discountsFigure = inputFigure(c.discounts);
    const cogsFigure = inputFigure(c.cogs);
    const revenue = revenueFigure.cents;
    const discounts = discountsFigure.cents;
    const netRevenue = addCents(revenue, -discounts);
    const cogs = cogsFigure.cents;
    const grossMargin = addCents(netRevenue, -cogs);
    let costToServe = 0;
    for (const cents of columns) costToServe = addCents(costToServe, cents[i] as number);
    for (const cents of unusedCents) costToServe = addCents(costToServe, cents[i] as number);
    const items = directCosts[i] ?? [];
    let direct = 0;
    for (const item of items) direct = addCents(direct, exactCents(item.amount));
    const netProfit = addCents(addCents(grossMargin, -costToServe), -direct);
    figures.set([revenue, discounts, netRevenue, cogs, grossMargin, costToServe, direct, netProfit], at);
    return {
      customer: c.id,
      name: c.name,
      dimensions: c.dimensions,
      revenue: revenueFigure.shown,
      discounts: discountsFigure.shown,
      netRevenue: discounts === 0 ? revenueFigure.shown : fromWholeCents(netRevenue),
      cogs: cogsFigure.shown,
      grossMargin: fromWholeCents(grossMargin),
      activityCosts: new ColumnRow(activityTable, i),
      unusedCapacityCosts: noUnused ?? new ColumnRow(unusedTable, i),
      costToServe: fromWholeCents(costToServe),
      driverQuantities: new ColumnRow(driverTable, i),
      directCostItems: items,
      directCosts: fromWholeCents(direct),
      netProfit: fromWholeCents(netProfit),
    };
  });
  const centTotals = new Float64Array(FIGURES);
  for (let i = 0; i < count; i++) {
    for (let f = 0; f < FIGURES; f++) centTotals[f] = addCents(centTotals[f] as number, figures[i * FIGURES + f] as number);
  }
  const order = Array.from(customers, (_, i) => i);
  const profit = (i: number): number => figures[i * FIGURES + NET_PROFIT] as number;
  order.sort((a, b) => profit(b) - profit(a) || compareIds((customers[a] as CustomerResult).customer, (customers[b] as CustomerResult).customer));
  return { customers: order.map((i) => customers[i] as CustomerResult), centTotals };
}

/** Totals of the customers' figures: from `centTotals` when the fast path computed them, else added as decimals. */
function totalsOf(customers: CustomerResult[], pools: PoolResult[], activities: ActivityResult[], centTotals: Float64Array | null): Totals {
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
