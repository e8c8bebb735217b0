/**
 * How step-down and direct pass a support pool's cost on when some of its shares are not taken (shares
 * to pools already closed, or to other support pools): the shares that remain are scaled up to carry the
 * whole cost, in their own proportions. The part the pool's rows leave unassigned is one of the shares
 * that remain, so a pool that says "20% of our cost serves no pool" keeps saying so under every method.
 */
import type { Rational } from './rational';
import { R_ZERO, rationalSum } from './rational';

/** What one support pool passes on: the amount per receiving pool (non-zero only) and what stays unassigned. */
export interface RescaledPassOn {
  out: Map<string, Rational>;
  unassigned: Rational;
}

/**
 * Passes `total` on by the `shares` whose receiving pool `takes`, and by `unassignedShare`, each scaled
 * by 1 / (their sum). When nothing remains (every share went to pools that do not take it, and none was
 * left unassigned), the whole total is unassigned: it has nowhere to go, and it must not disappear.
 */
export function passOnRescaled(
  total: Rational,
  shares: ReadonlyMap<string, Rational>,
  takes: (to: string) => boolean,
  unassignedShare: Rational,
): RescaledPassOn {
  const kept = [...shares].filter(([to]) => takes(to));
  const remaining = rationalSum(kept.map(([, share]) => share)).add(unassignedShare);
  const out = new Map<string, Rational>();
  if (remaining.isZero()) return { out, unassigned: total };
  for (const [to, share] of kept) {
    const amount = total.mul(share).div(remaining);
    if (!amount.isZero()) out.set(to, amount);
  }
  return { out, unassigned: unassignedShare.isZero() ? R_ZERO : total.mul(unassignedShare).div(remaining) };
}
