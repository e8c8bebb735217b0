/**
 * What a method of the support stage computes before any rounding: the exact amounts in fractions. One
 * shape for the three methods, so one rounding step (pass-on.ts) turns any of them into cents.
 */
import type { Rational } from './rational';

/** The exact outcome of passing support cost on under one method. */
export interface ExactFlows {
  /** Each support pool's total: its own cost plus what it received from other support pools. */
  totals: ReadonlyMap<string, Rational>;
  /** `flows.get(from).get(to)`: what support pool `from` passes to pool `to` (support or operating), non-zero only. */
  flows: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  /** What each support pool's shares leave with no pool (zero when its shares add up to 100%). */
  unassigned: ReadonlyMap<string, Rational>;
}
