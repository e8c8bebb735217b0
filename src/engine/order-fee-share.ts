/**
 * An order fee weighed against what the customer orders (issue 17): a fee of € 116 on an order worth € 194
 * does not survive the conversation with the customer, one of € 8 on € 200 may. The fee is compared with
 * the average order value (net revenue ÷ orders) and is plausible up to a share of it (`PlausibleFeeShare`,
 * default 10%), and when neither a plausible minimum order nor a plausible fee alone makes up the loss, a
 * minimum order at the plausible order size plus the smaller fee that remains is proposed.
 */
import { type Dec, ZERO, dec } from './decimal';
import { ceilTo } from './minimum-order';

/** The plausible fee share when `PlausibleFeeShare` is not set: 10% of the average order value. */
export const DEFAULT_PLAUSIBLE_FEE_SHARE: Dec = dec('0.1');

/**
 * A fee per order as a share of the average order value, from the amount the fee raises in the period and
 * the net revenue: (amount ÷ orders) ÷ (net revenue ÷ orders) = amount ÷ net revenue, so the orders cancel
 * and the share is exact whatever the number of orders. Null when net revenue is not positive: the orders
 * have no value to weigh a fee against.
 */
export function shareOfOrderValue(amount: Dec, netRevenue: Dec): Dec | null {
  return netRevenue.greaterThan(0) ? amount.dividedBy(netRevenue) : null;
}

/** Whether a fee with this share of the order value is plausible: at most `plausibleShare`; never without order value. */
export function isPlausibleShare(share: Dec | null, plausibleShare: Dec): boolean {
  return share !== null && share.lessThanOrEqualTo(plausibleShare);
}

/** A minimum order and a fee together. */
export type CombinedProposal =
  /**
   * Orders of `minimumLines` lines on average: `orders` orders (lines ÷ minimum, not rounded, like the
   * minimum order column), saving what those orders cost; the loss left over is charged as a fee per
   * remaining order (`fee`, shown rounded up to the cent), `feeShare` of the new, larger order value.
   */
  | { kind: 'proposal'; minimumLines: Dec; orders: Dec; remainingLoss: Dec; fee: { exact: Dec; shown: Dec }; feeShare: Dec | null; plausible: boolean }
  /** The customer already orders at least `minimumLines` lines per order (or orders no lines): a minimum order changes nothing. */
  | { kind: 'noChange'; minimumLines: Dec };

/** What the combined proposal needs of one customer. */
export interface CombinedInput {
  /** Orders today (> 0). */
  orders: Dec;
  lines: Dec;
  /** Negative: the loss. */
  netProfit: Dec;
  netRevenue: Dec;
  /** What one order not placed saves (see `savedPerOrder`). */
  savedPerOrder: Dec;
  /** The minimum lines per order proposed (> 0). */
  minimumLines: Dec;
  plausibleShare: Dec;
}

/**
 * The combined proposal: a minimum order of `minimumLines` lines per order brings the orders to
 * O' = lines ÷ minimum, which saves (orders − O') × saved per order; the rest of the loss is the fee's to make
 * up, fee = rest ÷ O', plausible when rest ÷ net revenue (its share of the order value) is at most the
 * plausible share.
 */
export function combinedProposal(input: CombinedInput): CombinedProposal {
  const { orders, lines, netProfit, netRevenue, savedPerOrder, minimumLines, plausibleShare } = input;
  if (!lines.greaterThan(0) || !lines.dividedBy(orders).lessThan(minimumLines)) return { kind: 'noChange', minimumLines };
  const newOrders = lines.dividedBy(minimumLines);
  const saved = orders.minus(newOrders).times(savedPerOrder);
  const rest = netProfit.negated().minus(saved);
  const remainingLoss = rest.isNegative() ? ZERO : rest;
  const exact = remainingLoss.dividedBy(newOrders);
  const feeShare = shareOfOrderValue(remainingLoss, netRevenue);
  return {
    kind: 'proposal',
    minimumLines,
    orders: newOrders,
    remainingLoss,
    fee: { exact, shown: ceilTo(exact, 2) },
    feeShare,
    plausible: isPlausibleShare(feeShare, plausibleShare),
  };
}
