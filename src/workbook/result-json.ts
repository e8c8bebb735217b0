/**
 * The runner's `--json` output, a public interface (issue 2): money as numbers rounded to cents, rates and
 * quantities unrounded, customer ids as strings, null where a field does not apply. When the model has
 * errors the result parts are empty and `issues` says why.
 */
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import { type Issue, formatWhere } from '../engine/issues';
import type { CostingResult } from '../engine/result';
import type { ScenarioOutcome } from '../engine/scenarios/types';
import { type ScenarioJson, scenarioToJson } from './scenario-json';
import { breakEvenActions } from '../engine/break-even';
import type { CombinedProposal } from '../engine/order-fee-share';
import { allText, type ExactMoney, exactPart } from './exact-money';
import { type FirstStageJson, firstStageToJson } from './first-stage-json';
import type { ComparisonJson } from './comparison-json';
import type { SensitivityJson } from './sensitivity-json';
import { nameKey } from '../engine/model';

export interface PoolJson {
  pool: string;
  method: 'time' | 'share';
  cost: number;
  capacityMinutes: number | null;
  ratePerMinute: number | null;
  usedMinutes: number | null;
  unusedMinutes: number | null;
  unusedCost: number | null;
  unassignedCost: number;
  /** Extra: the part of `unusedCost` charged to customers (UnusedCapacity = assign). */
  unusedAssigned: number;
  /** Extra: sum of the costs of the pool's activities. */
  activitiesCost: number;
  /** The exact text of money fields of 10^13 or more (see exact-money.ts); absent when there are none. */
  exact?: ExactMoney;
}

export interface DriverJson {
  driver: string;
  quantity: number;
  costPerUnit: number | null;
  /** Extra: the kind of term and its value as given (minutes, fraction or rate). */
  kind: 'minutes' | 'share' | 'rate';
  value: number;
}

export interface ActivityJson {
  activity: string;
  pool: string | null;
  method: 'time' | 'share' | 'rate';
  cost: number;
  drivers: DriverJson[];
  /** Extra: minutes used (time-driven only). */
  minutes: number | null;
  /** Extra: cost that reaches no customer (business-sustaining, or a driver with zero quantity). */
  unassignedCost: number;
  /** Extra: a Share row with a blank driver. */
  businessSustaining: boolean;
  /** The exact text of money fields of 10^13 or more; absent when there are none. */
  exact?: ExactMoney;
}

export interface CustomerJson {
  customer: string;
  name: string | null;
  dimensions: Record<string, string | number | boolean | null>;
  revenue: number;
  discounts: number;
  netRevenue: number;
  cogs: number;
  grossMargin: number;
  activityCosts: Record<string, number>;
  costToServe: number;
  directCosts: number;
  netProfit: number;
  /** Extra: pool → unused capacity charged to this customer (empty unless UnusedCapacity = assign). */
  unusedCapacityCosts: Record<string, number>;
  /** Extra: the items of `directCosts`. */
  directCostItems: Array<{ item: string; amount: number; exact?: ExactMoney }>;
  /** Extra: driver → the customer's quantity, for every driver an activity uses (an earlier result compared with this period needs them). */
  driverQuantities: Record<string, number>;
  /** The exact text of money fields (and of `activityCosts` entries) of 10^13 or more; absent when there are none. */
  exact?: ExactMoney;
}

export interface TotalsJson {
  revenue: number;
  discounts: number;
  netRevenue: number;
  cogs: number;
  grossMargin: number;
  costToServe: number;
  directCosts: number;
  netProfit: number;
  unusedCapacityCost: number;
  unassignedCost: number;
  operatingProfit: number;
  /** Every total as exact text with two decimals: the numbers above lose cents beyond about 7 × 10^13. */
  exact: Record<Exclude<keyof TotalsJson, 'exact'>, string>;
}

export interface IssueJson {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** The location as one line (`Pools!B3 (ABC_Pools)`), null when the problem has none. */
  location: string | null;
}

export interface ResultJson {
  currency: string | null;
  period: string | null;
  pools: PoolJson[];
  activities: ActivityJson[];
  customers: CustomerJson[];
  totals: TotalsJson | null;
  issues: IssueJson[];
  /** Extra: break-even actions per loss-making customer, the largest loss first (the `ABC Actions` sheet). */
  actions: ActionJson[];
  /** The what-if scenarios of `ABC_Scenarios`, present when the workbook has any. */
  scenarios?: ScenarioJson[];
  /** The ledger and support pools behind the pools' costs, present when the model has `ABC_Resources` or `ABC_Support` rows. */
  firstStage?: FirstStageJson;
  /** This period compared with an earlier one or a budget, present when the run was asked to compare. */
  comparison?: ComparisonJson;
  /** How sure the figures are (the tornado, the customers' simulated ranges), present when the run analysed it. */
  sensitivity?: SensitivityJson;
}

/** One loss-making customer's break-even actions; fields that need OrderDriver or OrderLineDriver are null without it. */
export interface ActionJson {
  rank: number;
  customer: string;
  name: string | null;
  /** The value of the segment dimension (StatementSegment, else the first dimension). */
  segment: string | number | boolean | null;
  netProfit: number;
  /** The three largest activity costs, largest first. */
  topActivities: Array<{ activity: string; amount: number; exact?: ExactMoney }>;
  orders: number | null;
  orderLines: number | null;
  linesPerOrder: number | null;
  /** The fee per order that makes net profit zero, rounded up to the cent; null without orders. */
  breakEvenFeePerOrder: number | null;
  /**
   * What one order not placed saves this customer: its time terms at the cost per minute, its rates, shares at
   * today's cost per unit, plus each OrderFollowingDrivers driver's quantity per order × its cost per unit.
   */
  costPerOrder: number | null;
  /** `lines`: a minimum order size exists; `notByOrderSize`: fewer orders alone cannot make up the loss; `noOrders`. */
  minimumOrder: 'lines' | 'notByOrderSize' | 'noOrders' | null;
  /** Orders at which the customer breaks even with the same lines (null unless `minimumOrder` is `lines` or it is ≤ 0). */
  ordersToBreakEven: number | null;
  /** Minimum average lines per order, rounded up to one decimal. */
  minimumLinesPerOrder: number | null;
  /** The company's 90th percentile of lines per order (nearest rank), and whether the minimum is at most it. */
  linesPerOrderP90: number | null;
  plausible: boolean | null;
  /** Net revenue ÷ orders, rounded to the cent; null without OrderDriver or orders. */
  averageOrderValue: number | null;
  /** The exact break-even fee as a fraction of the average order value (loss ÷ net revenue), unrounded; null without a fee or net revenue ≤ 0. */
  feeShareOfOrderValue: number | null;
  /** PlausibleFeeShare (default 0.1), and whether the fee is at most that share; null without a fee. */
  plausibleFeeShare: number;
  feePlausible: boolean | null;
  /** Minimum order + remaining fee, given only when neither a plausible minimum order nor a plausible fee alone makes up the loss. */
  combined: CombinedJson | null;
  /** The exact text of `netProfit` when it is 10^13 or more in size. */
  exact?: ExactMoney;
}

/** A minimum order at the 90th percentile (rounded down to one decimal) plus the fee for the loss that remains. */
export interface CombinedJson {
  /** `proposal`, or `noChange` when the customer already orders at least the minimum (the other fields are then null). */
  kind: 'proposal' | 'noChange';
  minimumLinesPerOrder: number;
  /** Orders with the minimum: lines ÷ minimum, unrounded. */
  orders: number | null;
  /** The loss the minimum order leaves, to the cent. */
  remainingLoss: number | null;
  /** The remaining loss ÷ the orders, rounded up to the cent. */
  feePerOrder: number | null;
  /** The remaining loss ÷ net revenue (the fee's share of the new order value), unrounded; null when net revenue ≤ 0. */
  feeShareOfOrderValue: number | null;
  plausible: boolean | null;
}

/** What `resultToJson` needs: every issue of the run, and the result when there were no errors. */
export interface RunOutcome {
  issues: readonly Issue[];
  result: CostingResult | null;
  /** The scenarios' outcomes, when the workbook has any (left out of the document otherwise). */
  scenarios?: readonly ScenarioOutcome[];
}

/** Money: the engine already rounds to cents; rounding again is a no-op that guarantees the contract. */
const money = (d: Dec): number => toNumber(roundCents(d));
const moneyOrNull = (d: Dec | null): number | null => (d === null ? null : money(d));
/** Rates, minutes and quantities: unrounded. */
const num = (d: Dec): number => toNumber(d);
const numOrNull = (d: Dec | null): number | null => (d === null ? null : toNumber(d));

/**
 * A map as a plain object. Keys are names from the workbook, so they are defined as own properties
 * (`Object.fromEntries` defines, it does not assign): a dimension or activity called `__proto__` must
 * stay data, not change the object's prototype.
 */
function record<V, R>(entries: Iterable<[string, V]>, convert: (v: V) => R): Record<string, R> {
  const pairs: Array<[string, R]> = [];
  for (const [key, value] of entries) pairs.push([key, convert(value)]);
  return Object.fromEntries(pairs);
}

/** One issue as JSON. */
export function issueToJson(issue: Issue): IssueJson {
  return { severity: issue.severity, code: issue.code, message: issue.message, location: formatWhere(issue.where) };
}

/**
 * The `--json` document of a run; `comparison` and `sensitivity`, when given, become its fields of those
 * names (a run without a result has neither).
 */
export function resultToJson(outcome: RunOutcome, comparison?: ComparisonJson, sensitivity?: SensitivityJson): ResultJson {
  const issues = outcome.issues.map(issueToJson);
  const r = outcome.result;
  if (r === null) {
    return { currency: null, period: null, pools: [], activities: [], customers: [], totals: null, issues, actions: [] };
  }
  const t = r.totals;
  const driverNames = driverNamesOf(r);
  return {
    currency: r.settings.currency,
    period: r.settings.period,
    pools: r.pools.map((p) => ({
      pool: p.pool,
      method: p.method,
      cost: money(p.cost),
      capacityMinutes: numOrNull(p.capacityMinutes),
      ratePerMinute: numOrNull(p.ratePerMinute),
      usedMinutes: numOrNull(p.usedMinutes),
      unusedMinutes: numOrNull(p.unusedMinutes),
      unusedCost: moneyOrNull(p.unusedCost),
      unassignedCost: money(p.unassignedCost),
      unusedAssigned: money(p.unusedAssigned),
      activitiesCost: money(p.activitiesCost),
      ...exactPart({ cost: p.cost, unusedCost: p.unusedCost, unassignedCost: p.unassignedCost, unusedAssigned: p.unusedAssigned, activitiesCost: p.activitiesCost }),
    })),
    activities: r.activities.map((a) => ({
      activity: a.activity,
      pool: a.pool,
      method: a.method,
      cost: money(a.cost),
      drivers: a.drivers.map((d) => ({
        driver: d.driver,
        quantity: num(d.quantity),
        costPerUnit: numOrNull(d.costPerUnit),
        kind: d.kind,
        value: num(d.value),
      })),
      minutes: numOrNull(a.minutes),
      unassignedCost: money(a.unassignedCost),
      businessSustaining: a.businessSustaining,
      ...exactPart({ cost: a.cost, unassignedCost: a.unassignedCost }),
    })),
    customers: r.customers.map((c) => ({
      customer: String(c.customer),
      name: c.name,
      dimensions: record(c.dimensions, (v) => v),
      revenue: money(c.revenue),
      discounts: money(c.discounts),
      netRevenue: money(c.netRevenue),
      cogs: money(c.cogs),
      grossMargin: money(c.grossMargin),
      activityCosts: record(c.activityCosts, money),
      costToServe: money(c.costToServe),
      directCosts: money(c.directCosts),
      netProfit: money(c.netProfit),
      unusedCapacityCosts: record(c.unusedCapacityCosts, money),
      directCostItems: c.directCostItems.map((i) => ({ item: i.item, amount: money(i.amount), ...exactPart({ amount: i.amount }) })),
      driverQuantities: record(
        [...(c.driverQuantities ?? new Map<string, Dec>())].map(([key, q]): [string, Dec] => [driverNames.get(key) ?? key, q]),
        num,
      ),
      ...exactPart({
        revenue: c.revenue,
        discounts: c.discounts,
        netRevenue: c.netRevenue,
        cogs: c.cogs,
        grossMargin: c.grossMargin,
        activityCosts: c.activityCosts,
        costToServe: c.costToServe,
        directCosts: c.directCosts,
        netProfit: c.netProfit,
        unusedCapacityCosts: c.unusedCapacityCosts,
      }),
    })),
    totals: {
      revenue: money(t.revenue),
      discounts: money(t.discounts),
      netRevenue: money(t.netRevenue),
      cogs: money(t.cogs),
      grossMargin: money(t.grossMargin),
      costToServe: money(t.costToServe),
      directCosts: money(t.directCosts),
      netProfit: money(t.netProfit),
      unusedCapacityCost: money(t.unusedCapacityCost),
      unassignedCost: money(t.unassignedCost),
      operatingProfit: money(t.operatingProfit),
      exact: allText({
        revenue: t.revenue,
        discounts: t.discounts,
        netRevenue: t.netRevenue,
        cogs: t.cogs,
        grossMargin: t.grossMargin,
        costToServe: t.costToServe,
        directCosts: t.directCosts,
        netProfit: t.netProfit,
        unusedCapacityCost: t.unusedCapacityCost,
        unassignedCost: t.unassignedCost,
        operatingProfit: t.operatingProfit,
      }),
    },
    issues,
    actions: actionsToJson(r),
    ...(outcome.scenarios === undefined ? {} : { scenarios: outcome.scenarios.map(scenarioToJson) }),
    ...(r.firstStage === undefined ? {} : { firstStage: firstStageToJson(r.firstStage) }),
    ...(comparison === undefined ? {} : { comparison }),
    ...(sensitivity === undefined ? {} : { sensitivity }),
  };
}

/** Each driver's name as the activities first spell it, by its name key (the key the customers' quantities use). */
function driverNamesOf(r: CostingResult): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of r.activities) for (const d of a.drivers) if (!names.has(nameKey(d.driver))) names.set(nameKey(d.driver), d.driver);
  return names;
}

/** The break-even actions as JSON: money to cents, the fee and the minimum as shown (rounded up). */
function actionsToJson(r: CostingResult): ActionJson[] {
  const actions = breakEvenActions(r);
  return actions.customers.map((c) => {
    const m = c.minimumOrder;
    return {
      rank: c.rank,
      customer: c.customer,
      name: c.name,
      segment: c.segment,
      netProfit: money(c.netProfit),
      topActivities: c.topActivities.map((a) => ({ activity: a.activity, amount: money(a.amount), ...exactPart({ amount: a.amount }) })),
      orders: numOrNull(c.orders),
      orderLines: numOrNull(c.lines),
      linesPerOrder: numOrNull(c.linesPerOrder),
      breakEvenFeePerOrder: c.fee === null ? null : num(c.fee.shown),
      costPerOrder: m === null || m.kind === 'noOrders' ? null : num(m.costPerOrder),
      minimumOrder: m === null ? null : m.kind,
      ordersToBreakEven: m === null || m.kind === 'noOrders' ? null : numOrNull(m.ordersToBreakEven),
      minimumLinesPerOrder: m?.kind === 'lines' ? num(m.shown) : null,
      linesPerOrderP90: numOrNull(actions.linesPerOrderP90),
      plausible: c.plausible,
      averageOrderValue: c.averageOrderValue === null ? null : money(c.averageOrderValue),
      feeShareOfOrderValue: numOrNull(c.feeShare),
      plausibleFeeShare: num(actions.plausibleFeeShare),
      feePlausible: c.feePlausible,
      combined: combinedToJson(c.combined),
      ...exactPart({ netProfit: c.netProfit }),
    };
  });
}

function combinedToJson(p: CombinedProposal | null): CombinedJson | null {
  if (p === null) return null;
  if (p.kind === 'noChange') {
    return { kind: 'noChange', minimumLinesPerOrder: num(p.minimumLines), orders: null, remainingLoss: null, feePerOrder: null, feeShareOfOrderValue: null, plausible: null };
  }
  return {
    kind: 'proposal',
    minimumLinesPerOrder: num(p.minimumLines),
    orders: num(p.orders),
    remainingLoss: money(p.remainingLoss),
    feePerOrder: num(p.fee.shown),
    feeShareOfOrderValue: numOrNull(p.feeShare),
    plausible: p.plausible,
  };
}
