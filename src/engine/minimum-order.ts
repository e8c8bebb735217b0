/**
 * The minimum average order size at which a loss-making customer breaks even: the same yearly order
 * lines in fewer, larger orders. Only the cost that each order causes goes away — the terms of the
 * activities driven by the order driver — so the loss must be covered by orders not placed.
 *
 * With `OrderFollowingDrivers` (delivery drops that go with every order) the quantities of those drivers
 * fall in proportion to the orders, so an order not placed also saves its share of them.
 *
 * Time terms follow the model's own time equations: an order saved saves its minutes at the pool's cost
 * per minute, capacity unchanged (UnusedCapacity = report). Rate terms save their rate. Share terms are
 * taken at today's cost per unit, an approximation: in a conventional pool fewer orders would raise
 * everybody's cost per order instead of lowering the pool's cost.
 */
import { type Dec, ZERO, sum } from './decimal';
import { type Settings, nameKey } from './model';
import type { CostingResult } from './result';

/**
 * The cost one order causes: the sum of the cost per unit of every activity term driven by `orderDriver`
 * (minutes × cost per minute, the rate, or a share's cost per unit today). Zero when no activity uses it.
 */
export function costPerOrder(result: CostingResult, orderDriver: string): Dec {
  return costPerUnit(result, orderDriver);
}

/** The cost one unit of a driver causes, summed over the activity terms it drives (zero when none does). */
export function costPerUnit(result: CostingResult, driver: string): Dec {
  const key = nameKey(driver);
  return sum(result.activities.flatMap((a) => a.drivers.filter((d) => nameKey(d.driver) === key).map((d) => d.costPerUnit ?? ZERO)));
}

/**
 * The name keys of the drivers that move with orders (`OrderFollowingDrivers`), without the order driver
 * itself (it moves anyway; listing it must not count its cost twice) and without repeats. Empty when the
 * setting or `OrderDriver` is absent: then only the order driver moves.
 */
export function orderFollowingKeys(settings: Settings): string[] {
  const order = settings.orderDriver;
  const list = settings.orderFollowingDrivers;
  if (order === undefined || list === undefined) return [];
  const orderKey = nameKey(order.name);
  return [...new Set(list.names.map((n) => nameKey(n)))].filter((k) => k !== orderKey);
}

/**
 * A following driver's quantity when orders go from `ordersBefore` to `ordersAfter`: in proportion, so its
 * quantity per order stays the same. Not rounded (a year's drops are an average figure here, and drops per
 * order must stay exactly what they were); the costing rounds the cost to cents as always.
 */
export function followingQuantity(quantity: Dec, ordersBefore: Dec, ordersAfter: Dec): Dec {
  return quantity.times(ordersAfter).dividedBy(ordersBefore);
}

/**
 * What one order not placed saves a customer with `orders` (> 0) orders: the order's own cost plus, for each
 * driver that follows orders, its quantity per order × its cost per unit.
 */
export function savedPerOrder(orderCost: Dec, following: ReadonlyArray<{ quantity: Dec; costPerUnit: Dec }>, orders: Dec): Dec {
  return orderCost.plus(sum(following.map((f) => f.quantity.times(f.costPerUnit))).dividedBy(orders));
}

/** What fewer, larger orders can do for a customer. */
export type MinimumOrder =
  /** Break even at `exact` lines per order on average (`shown`: rounded up to one decimal). */
  | { kind: 'lines'; costPerOrder: Dec; ordersToBreakEven: Dec; exact: Dec; shown: Dec }
  /** Even with no orders at all (or when orders cost nothing) the loss stays: order size alone cannot fix it. */
  | { kind: 'notByOrderSize'; costPerOrder: Dec; ordersToBreakEven: Dec | null }
  /** The customer placed no orders, so it has no order size. */
  | { kind: 'noOrders' };

/**
 * The minimum lines per order for a customer with `orders` orders, `lines` order lines and net profit
 * `netProfit` (< 0), when each order costs `perOrder`: with O' = orders + netProfit / perOrder orders the
 * loss is gone, so the lines must come in L / O' lines per order. O' ≤ 0 or a cost per order of 0 means
 * no order size fixes it.
 */
export function minimumOrder(orders: Dec, lines: Dec, netProfit: Dec, perOrder: Dec): MinimumOrder {
  if (orders.lessThanOrEqualTo(0)) return { kind: 'noOrders' };
  if (perOrder.isZero()) return { kind: 'notByOrderSize', costPerOrder: perOrder, ordersToBreakEven: null };
  const ordersToBreakEven = orders.plus(netProfit.dividedBy(perOrder));
  if (ordersToBreakEven.lessThanOrEqualTo(0)) return { kind: 'notByOrderSize', costPerOrder: perOrder, ordersToBreakEven };
  // lines ÷ O' with O' multiplied out by the cost per order: one division, so 400 × 34 ÷ 1,600 is exactly 8.5.
  const exact = lines.times(perOrder).dividedBy(orders.times(perOrder).plus(netProfit));
  return { kind: 'lines', costPerOrder: perOrder, ordersToBreakEven, exact, shown: ceilTo(exact, 1) };
}

/** Rounds up (towards plus infinity) to `places` decimals: a break-even figure shown lower would not break even. */
export function ceilTo(value: Dec, places: number): Dec {
  const scale = 10 ** places;
  return value.times(scale).ceil().dividedBy(scale);
}

/** Rounds down (towards minus infinity) to `places` decimals: a proposed order size shown higher would leave the plausible range. */
export function floorTo(value: Dec, places: number): Dec {
  const scale = 10 ** places;
  return value.times(scale).floor().dividedBy(scale);
}
