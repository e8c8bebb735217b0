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
  // Integer arithmetic, so 90% of 10 is rank 9 and not 9.000000000000002 rounded up to 10.
  const rank = Math.ceil((Math.round(p * 1000) * sorted.length) / 100000);
  return sorted[Math.max(rank, 1) - 1] ?? null;
}
