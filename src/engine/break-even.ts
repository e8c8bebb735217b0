/**
 * Break-even actions for the loss-making customers (issue 10): where each one's cost to serve comes from,
 * the order fee that would make up its loss, and the order size at which it would break even. The
 * `ABC Actions` sheet and the JSON's `actions` show this; both read only the rounded result.
 */
import { type Dec, ZERO, sum } from './decimal';
import { type MinimumOrder, ceilTo, costPerOrder, costPerUnit, floorTo, minimumOrder, orderFollowingKeys, savedPerOrder } from './minimum-order';
import { type DimensionValue, nameKey } from './model';
import { type CombinedProposal, DEFAULT_PLAUSIBLE_FEE_SHARE, combinedProposal, isPlausibleShare, shareOfOrderValue } from './order-fee-share';
import { nearestRankPercentile } from './percentile';
import type { CostingResult, CustomerResult } from './result';

/** How many of a customer's activities the actions name. */
export const TOP_ACTIVITIES = 3;
/** The percentile of the customers' lines per order above which a minimum order size is not plausible. */
export const PLAUSIBLE_PERCENTILE = 90;

/** The settings the order columns need, by their `ABC_Settings` names. */
export type OrderSetting = 'OrderDriver' | 'OrderLineDriver';

/** One loss-making customer's actions. */
export interface CustomerActions {
  /** 1 for the largest loss. */
  rank: number;
  customer: string;
  name: string | null;
  /** The value of the segment dimension (see `ActionsResult.segmentDimension`). */
  segment: DimensionValue;
  netProfit: Dec;
  /** The largest activity costs, largest first, ties in the order of the activities; zero costs left out. */
  topActivities: Array<{ activity: string; amount: Dec }>;
  /** Quantity of the order driver; null when `OrderDriver` is not set. */
  orders: Dec | null;
  /** Quantity of the order-line driver; null when `OrderLineDriver` is not set. */
  lines: Dec | null;
  /** Lines per order today; null without both settings or without orders. */
  linesPerOrder: Dec | null;
  /** The fee per order that makes net profit zero: exact, and rounded up to the cent as shown. Null without `OrderDriver` or orders. */
  fee: { exact: Dec; shown: Dec } | null;
  /** Fewer, larger orders; null without both settings. */
  minimumOrder: MinimumOrder | null;
  /** Whether the minimum lines per order is at most the percentile; null when there is no minimum or no percentile. */
  plausible: boolean | null;
  /** Net revenue ÷ orders; null without `OrderDriver` or orders. */
  averageOrderValue: Dec | null;
  /** The exact fee as a share of the average order value (loss ÷ net revenue); null without a fee or when net revenue is not positive. */
  feeShare: Dec | null;
  /** Whether the fee is at most the plausible share of the order value; null without a fee (a fee on orders without value is not plausible). */
  feePlausible: boolean | null;
  /**
   * Minimum order at the plausible order size plus the fee that remains; only when neither a plausible minimum
   * order nor a plausible fee alone makes up the loss (and both settings and a percentile exist), else null.
   */
  combined: CombinedProposal | null;
}

/** The actions of a result. */
export interface ActionsResult {
  orderDriver: string | null;
  orderLineDriver: string | null;
  /** Settings to set before the fee or the minimum order size can be computed, in this order. */
  missingSettings: OrderSetting[];
  /** The dimension shown as the segment: `StatementSegment`, else the first dimension; null when customers have none. */
  segmentDimension: string | null;
  /** The 90th percentile (nearest rank) of lines per order over customers with orders; null without both settings or orders. */
  linesPerOrderP90: Dec | null;
  /** Drivers that move with orders when a minimum order merges them (`OrderFollowingDrivers`, as written), the order driver left out. */
  orderFollowingDrivers: string[];
  /** The largest plausible fee as a share of the average order value (`PlausibleFeeShare`, default 10%). */
  plausibleFeeShare: Dec;
  /** The combined proposals' minimum lines per order: the 90th percentile rounded down to one decimal; null without it. */
  combinedMinimumLines: Dec | null;
  /** Loss-making customers (net profit < 0), the largest loss first, ties by the result's order (customer id). */
  customers: CustomerActions[];
  /** Their net profit together (negative, or zero when there are none). */
  totalLoss: Dec;
}

/**
 * The actions for every customer with a negative net profit. Made once per result (the JSON and the
 * Actions sheet both ask, and at 5,000 customers each asking cost a fifth of a second): a result is not
 * changed once the engine has made it.
 */
export function breakEvenActions(result: CostingResult): ActionsResult {
  let actions = MADE.get(result);
  if (actions === undefined) {
    actions = actionsOf(result);
    MADE.set(result, actions);
  }
  return actions;
}

const MADE = new WeakMap<CostingResult, ActionsResult>();

function actionsOf(result: CostingResult): ActionsResult {
  const orderDriver = result.settings.orderDriver?.name ?? null;
  const orderLineDriver = result.settings.orderLineDriver?.name ?? null;
  const missingSettings: OrderSetting[] = [];
  if (orderDriver === null) missingSettings.push('OrderDriver');
  if (orderLineDriver === null) missingSettings.push('OrderLineDriver');
  const segmentDimension = result.settings.statementSegment?.name ?? result.customers[0]?.dimensions[0]?.[0] ?? null;
  const quantity = (c: CustomerResult, driver: string | null): Dec | null => (driver === null ? null : (c.driverQuantities?.get(nameKey(driver)) ?? ZERO));
  const perOrder = (c: CustomerResult): Dec | null => {
    const orders = quantity(c, orderDriver);
    const lines = quantity(c, orderLineDriver);
    return orders === null || lines === null || orders.lessThanOrEqualTo(0) ? null : lines.dividedBy(orders);
  };
  const linesPerOrderP90 = nearestRankPercentile(
    result.customers.flatMap((c) => {
      const l = perOrder(c);
      return l === null ? [] : [l];
    }),
    PLAUSIBLE_PERCENTILE,
  );
  const orderCost = orderDriver === null ? ZERO : costPerOrder(result, orderDriver);
  const followingKeys = orderFollowingKeys(result.settings);
  const following = followingKeys.map((key) => ({ key, costPerUnit: costPerUnit(result, key) }));
  const written = result.settings.orderFollowingDrivers?.names ?? [];
  const followingNames = followingKeys.map((key) => written.find((n) => nameKey(n) === key) ?? key);
  const plausibleFeeShare = result.settings.plausibleFeeShare ?? DEFAULT_PLAUSIBLE_FEE_SHARE;
  const combinedMinimumLines = linesPerOrderP90 === null ? null : floorTo(linesPerOrderP90, 1);
  // An order not placed saves its own cost and, per following driver, that driver's quantity per order.
  const saved = (c: CustomerResult, orders: Dec): Dec =>
    savedPerOrder(orderCost, following.map((f) => ({ quantity: c.driverQuantities?.get(f.key) ?? ZERO, costPerUnit: f.costPerUnit })), orders);

  const losing = result.customers
    .map((c, position) => ({ c, position }))
    .filter(({ c }) => c.netProfit.isNegative() && !c.netProfit.isZero())
    .sort((a, b) => a.c.netProfit.comparedTo(b.c.netProfit) || a.position - b.position);
  const customers = losing.map(({ c }, i): CustomerActions => {
    const orders = quantity(c, orderDriver);
    const lines = quantity(c, orderLineDriver);
    const hasOrders = orders !== null && orders.greaterThan(0);
    const exactFee = hasOrders ? c.netProfit.negated().dividedBy(orders) : null;
    const minimum = orders === null || lines === null ? null : minimumOrder(orders, lines, c.netProfit, hasOrders ? saved(c, orders) : orderCost);
    const plausible = minimum?.kind === 'lines' && linesPerOrderP90 !== null ? minimum.exact.lessThanOrEqualTo(linesPerOrderP90) : null;
    const feeShare = hasOrders ? shareOfOrderValue(c.netProfit.negated(), c.netRevenue) : null;
    const feePlausible = hasOrders ? isPlausibleShare(feeShare, plausibleFeeShare) : null;
    // Combined only when neither alone will do: no plausible minimum order and a fee above the plausible share.
    const neitherAlone = feePlausible === false && plausible !== true && (minimum?.kind === 'lines' || minimum?.kind === 'notByOrderSize');
    const combined =
      neitherAlone && hasOrders && lines !== null && combinedMinimumLines !== null && combinedMinimumLines.greaterThan(0)
        ? combinedProposal({
            orders,
            lines,
            netProfit: c.netProfit,
            netRevenue: c.netRevenue,
            savedPerOrder: saved(c, orders),
            minimumLines: combinedMinimumLines,
            plausibleShare: plausibleFeeShare,
          })
        : null;
    return {
      rank: i + 1,
      customer: c.customer,
      name: c.name,
      segment: segmentDimension === null ? null : segmentValue(c, segmentDimension),
      netProfit: c.netProfit,
      topActivities: topActivities(result, c),
      orders,
      lines,
      linesPerOrder: perOrder(c),
      fee: exactFee === null ? null : { exact: exactFee, shown: ceilTo(exactFee, 2) },
      minimumOrder: minimum,
      plausible,
      averageOrderValue: hasOrders ? c.netRevenue.dividedBy(orders) : null,
      feeShare,
      feePlausible,
      combined,
    };
  });
  return {
    orderDriver,
    orderLineDriver,
    missingSettings,
    segmentDimension,
    linesPerOrderP90,
    orderFollowingDrivers: followingNames,
    plausibleFeeShare,
    combinedMinimumLines,
    customers,
    totalLoss: sum(customers.map((c) => c.netProfit)),
  };
}

/** The customer's largest activity costs; a stable sort keeps ties in the activities' order. */
function topActivities(result: CostingResult, c: CustomerResult): Array<{ activity: string; amount: Dec }> {
  return result.activities
    .map((a) => ({ activity: a.activity, amount: c.activityCosts.get(a.activity) ?? ZERO }))
    .filter((a) => a.amount.greaterThan(0))
    .sort((a, b) => b.amount.comparedTo(a.amount))
    .slice(0, TOP_ACTIVITIES);
}

function segmentValue(c: CustomerResult, dimension: string): DimensionValue {
  const key = nameKey(dimension);
  return c.dimensions.find(([header]) => nameKey(header) === key)?.[1] ?? null;
}
