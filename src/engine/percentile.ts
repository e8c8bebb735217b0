/**
 * The nearest-rank percentile, the textbook definition a controller can check by hand: sort the values,
 * take the one at rank ⌈P/100 × N⌉ (1-based). It is always one of the values (never interpolated), so "above
 * the 90th percentile" means above what at least 90% of the customers actually do.
 */
import type { Dec } from './decimal';

/**
 * The `p`-th percentile (0 < p ≤ 100) of `values` by the nearest-rank method; null for an empty list.
 * With 5 values the 90th percentile is the 5th smallest (⌈4.5⌉ = 5), with 10 values the 9th.
 */
export function nearestRankPercentile(values: readonly Dec[], p: number): Dec | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return sorted[nearestRank(sorted.length, p) - 1] ?? null;
}

/**
 * The 1-based nearest rank ⌈P/100 × N⌉ of the `p`-th percentile among `count` sorted values (at least 1),
 * for callers that sort their own values (the simulation's floating-point draws).
 */
export function nearestRank(count: number, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is not in (0, 100]`);
  // Integer arithmetic, so 90% of 10 is rank 9 and not 9.000000000000002 rounded up to 10.
  return Math.max(Math.ceil((Math.round(p * 1000) * count) / 100000), 1);
}
