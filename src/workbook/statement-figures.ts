/**
 * The numbers of a customer statement: the customer's P&L lines, the same lines for the average customer of
 * its segment and of the company, and the trail of its cost to serve. Everything is exact (Dec); the layout
 * (report-statement.ts) rounds averages to cents for display. Group totals are added up once per result
 * (`statementBook`), so writing a statement for every one of thousands of customers stays linear.
 */
import { allocateCents } from '../engine/allocate';
import { type Dec, ZERO, sum } from '../engine/decimal';
import { type DimensionValue, nameKey } from '../engine/model';
import { type TraceRow, traceCustomerCost } from '../engine/explain/trace-customer';
import type { CostingResult, CustomerResult } from '../engine/result';
import { chargedActivities, chargedUnusedPools } from './report-pnl';

/** The P&L lines of a statement, in the order shown. */
export interface PnlLines {
  revenue: Dec;
  discounts: Dec;
  netRevenue: Dec;
  cogs: Dec;
  grossMargin: Dec;
  /** Every activity of the result, in its order. */
  activities: Dec[];
  /** Unused capacity charged to customers, per pool of `StatementBook.unusedPools`. */
  unused: Dec[];
  costToServe: Dec;
  directCosts: Dec;
  netProfit: Dec;
}

/** A group of customers compared with: its summed lines, its size and its orders. */
export interface Group {
  /** Summed over the group's customers (for one customer: its own lines). */
  totals: PnlLines;
  customers: number;
  /** The group's quantity of the order driver; null when no OrderDriver is set. */
  orders: Dec | null;
}

/** One line of the trail: an activity's driver, or unused capacity charged by minutes used. */
export interface TrailLine {
  activity: string;
  /** The driver; for unused capacity, null (the layout writes "minutes used"). */
  driver: string | null;
  quantity: Dec;
  /** Minutes per driver unit, time-driven activities only. */
  minutesPerUnit: Dec | null;
  /** Cost per driver unit (or per minute, for unused capacity); null when undefined. */
  costPerUnit: Dec | null;
  /** In cents; an activity's lines add up to the customer's rounded amount of it. */
  amount: Dec;
  /** The pool the line draws on; null for an activity charged by a rate. */
  pool: string | null;
  /** That pool's cost per minute (time-driven pools); null for a conventional pool or a rate. */
  poolRatePerMinute: Dec | null;
}

/** What every statement of one result shares. */
export interface StatementBook {
  result: CostingResult;
  activities: string[];
  unusedPools: string[];
  /** The dimension that forms segments (`StatementSegment`, else the first one); null when there are none. */
  segmentDimension: string | null;
  orderDriver: string | null;
  company: Group;
  /** Segment groups by `segmentKey`. */
  segments: Map<string, Group>;
}

/** A customer's statement figures. */
export interface StatementFigures {
  customer: CustomerResult;
  own: Group;
  /** The segment's label value (null for the blank group) and its group; null when there is no segment dimension. */
  segment: { value: DimensionValue; group: Group } | null;
  company: Group;
  trail: TrailLine[];
  /**
   * With a first stage: the cost to serve traced to the pools where it started (level 3) and, with a
   * ledger, to the accounts (level 4); each adds up to the cost to serve. Null without a first stage.
   */
  origins: { pools: TraceRow[]; accounts: TraceRow[] | null } | null;
}

function linesOf(book: Pick<StatementBook, 'activities' | 'unusedPools'>, c: CustomerResult): PnlLines {
  return {
    revenue: c.revenue,
    discounts: c.discounts,
    netRevenue: c.netRevenue,
    cogs: c.cogs,
    grossMargin: c.grossMargin,
    activities: book.activities.map((a) => c.activityCosts.get(a) ?? ZERO),
    unused: book.unusedPools.map((p) => c.unusedCapacityCosts.get(p) ?? ZERO),
    costToServe: c.costToServe,
    directCosts: c.directCosts,
    netProfit: c.netProfit,
  };
}

function addLines(a: PnlLines, b: PnlLines): PnlLines {
  return {
    revenue: a.revenue.plus(b.revenue),
    discounts: a.discounts.plus(b.discounts),
    netRevenue: a.netRevenue.plus(b.netRevenue),
    cogs: a.cogs.plus(b.cogs),
    grossMargin: a.grossMargin.plus(b.grossMargin),
    activities: a.activities.map((x, i) => x.plus(b.activities[i] ?? ZERO)),
    unused: a.unused.map((x, i) => x.plus(b.unused[i] ?? ZERO)),
    costToServe: a.costToServe.plus(b.costToServe),
    directCosts: a.directCosts.plus(b.directCosts),
    netProfit: a.netProfit.plus(b.netProfit),
  };
}

/** The customer's quantity of a driver (0 when the result does not carry it). */
export function quantityOf(c: CustomerResult, driver: string): Dec {
  return c.driverQuantities?.get(nameKey(driver)) ?? ZERO;
}

/** The value of the segment dimension of a customer. */
function segmentValue(c: CustomerResult, dimension: string): DimensionValue {
  const key = nameKey(dimension);
  return c.dimensions.find(([header]) => nameKey(header) === key)?.[1] ?? null;
}

/**
 * The group a dimension value belongs to: as the Summary's roll-ups group (1011 and "1011" together,
 * every blank value in one group).
 */
export function segmentKey(value: DimensionValue): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return '\u0000blank';
  return String(value);
}

/** Adds up the company's and every segment's lines, once for all statements of a result. */
export function statementBook(result: CostingResult): StatementBook {
  const activities = chargedActivities(result);
  const unusedPools = chargedUnusedPools(result);
  const shape = { activities, unusedPools };
  const firstDimension = result.customers[0]?.dimensions[0]?.[0] ?? null;
  const segmentDimension = result.settings.statementSegment?.name ?? firstDimension;
  const orderDriver = result.settings.orderDriver?.name ?? null;
  const empty = (): Group => ({
    totals: linesOf(shape, { ...emptyCustomer }),
    customers: 0,
    orders: orderDriver === null ? null : ZERO,
  });
  const company = empty();
  const segments = new Map<string, Group>();
  const add = (group: Group, c: CustomerResult, lines: PnlLines): void => {
    group.totals = addLines(group.totals, lines);
    group.customers += 1;
    if (group.orders !== null && orderDriver !== null) group.orders = group.orders.plus(quantityOf(c, orderDriver));
  };
  for (const c of result.customers) {
    const lines = linesOf(shape, c);
    add(company, c, lines);
    if (segmentDimension === null) continue;
    const key = segmentKey(segmentValue(c, segmentDimension));
    let group = segments.get(key);
    if (group === undefined) {
      group = empty();
      segments.set(key, group);
    }
    add(group, c, lines);
  }
  return { result, activities, unusedPools, segmentDimension, orderDriver, company, segments };
}

/** A customer with every figure zero, the start of a group's sums. */
const emptyCustomer: CustomerResult = {
  customer: '',
  name: null,
  dimensions: [],
  revenue: ZERO,
  discounts: ZERO,
  netRevenue: ZERO,
  cogs: ZERO,
  grossMargin: ZERO,
  activityCosts: new Map(),
  unusedCapacityCosts: new Map(),
  costToServe: ZERO,
  directCostItems: [],
  directCosts: ZERO,
  netProfit: ZERO,
};

/**
 * The trail of a customer's cost to serve. An activity's amount is the engine's rounded amount for this
 * customer; it is split over the activity's drivers in proportion to quantity × cost per unit, to the cent
 * (largest remainder), so each line is quantity × cost per unit within a cent and the lines add up to the
 * cost to serve exactly. Lines with neither a quantity nor an amount are left out.
 */
export function costTrail(book: StatementBook, c: CustomerResult): TrailLine[] {
  const lines: TrailLine[] = [];
  const perMinute = new Map(book.result.pools.map((p) => [p.pool, p.ratePerMinute]));
  for (const a of book.result.activities) {
    const drawsOn = { pool: a.pool, poolRatePerMinute: a.pool === null ? null : (perMinute.get(a.pool) ?? null) };
    const amount = c.activityCosts.get(a.activity) ?? ZERO;
    const drivers = a.drivers.filter((d) => d.driver.trim() !== '');
    const exact = drivers.map((d) => quantityOf(c, d.driver).times(d.costPerUnit ?? ZERO));
    // With no exact part to weigh by (all zero), the amount, if any, goes to the first driver.
    const parts = drivers.length === 0 ? [] : sum(exact).isZero() ? drivers.map((_, i) => (i === 0 ? amount : ZERO)) : exact;
    if (drivers.length === 0) {
      if (!amount.isZero()) lines.push({ activity: a.activity, driver: null, quantity: ZERO, minutesPerUnit: null, costPerUnit: null, amount, ...drawsOn });
      continue;
    }
    const split = allocateCents(amount, scaleTo(amount, parts));
    drivers.forEach((d, i) => {
      const quantity = quantityOf(c, d.driver);
      const part = split[i] ?? ZERO;
      if (quantity.isZero() && part.isZero()) return;
      lines.push({
        activity: a.activity,
        driver: d.driver,
        quantity,
        minutesPerUnit: d.kind === 'minutes' ? d.value : null,
        costPerUnit: d.costPerUnit,
        amount: part,
        ...drawsOn,
      });
    });
  }
  for (const p of book.result.pools) {
    const amount = c.unusedCapacityCosts.get(p.pool);
    if (amount === undefined || amount.isZero()) continue;
    const minutes = sum(
      book.result.activities
        .filter((a) => a.pool === p.pool)
        .flatMap((a) => a.drivers.map((d) => (d.kind === 'minutes' ? quantityOf(c, d.driver).times(d.value) : ZERO))),
    );
    const unusedPerMinute = p.usedMinutes === null || p.usedMinutes.isZero() || p.unusedCost === null ? null : p.unusedAssigned.dividedBy(p.usedMinutes);
    lines.push({ activity: p.pool, driver: null, quantity: minutes, minutesPerUnit: null, costPerUnit: unusedPerMinute, amount, pool: p.pool, poolRatePerMinute: p.ratePerMinute });
  }
  return lines;
}

/** Parts scaled so they add up to `total`, keeping their proportions (the engine's rounding may differ by cents). */
function scaleTo(total: Dec, parts: readonly Dec[]): Dec[] {
  const whole = sum(parts);
  if (whole.isZero()) return parts.slice();
  return parts.map((p) => p.times(total).dividedBy(whole));
}

/** The figures of one customer's statement. */
export function statementFigures(book: StatementBook, c: CustomerResult): StatementFigures {
  const own: Group = {
    totals: linesOf(book, c),
    customers: 1,
    orders: book.orderDriver === null ? null : quantityOf(c, book.orderDriver),
  };
  let segment: StatementFigures['segment'] = null;
  if (book.segmentDimension !== null) {
    const value = segmentValue(c, book.segmentDimension);
    const group = book.segments.get(segmentKey(value));
    if (group !== undefined) segment = { value, group };
  }
  return { customer: c, own, segment, company: book.company, trail: costTrail(book, c), origins: costOrigins(book.result, c) };
}

/** The levels 3 and 4 of the customer's trace, when the result has a first stage. */
function costOrigins(result: CostingResult, c: CustomerResult): StatementFigures['origins'] {
  const stage = result.firstStage;
  if (stage === undefined) return null;
  const rows = traceCustomerCost(result, c.customer) ?? [];
  return { pools: rows.filter((r) => r.level === 3), accounts: stage.fromLedger ? rows.filter((r) => r.level === 4) : null };
}

/** A group's line per customer: exact, not rounded. */
export function average(total: Dec, group: Group): Dec {
  return total.dividedBy(group.customers);
}

/** A group's line per order: exact; null without an order driver or orders. */
export function perOrder(total: Dec, group: Group): Dec | null {
  return group.orders === null || group.orders.isZero() ? null : total.dividedBy(group.orders);
}
