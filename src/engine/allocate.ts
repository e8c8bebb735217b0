/**
 * Largest-remainder rounding: splits a whole-cent total over exact parts so that the rounded parts add up
 * to the total exactly. Every rounded part is its exact value rounded down or up to the cent.
 */
import { type Dec, floorCents, fromCents, sum } from './decimal';

/**
 * Rounds `parts` to cents so that they add up to `total` (which must be in whole cents).
 * The cents left over after rounding every part down go, one each, to the parts with the largest
 * remainders; ties go to the earlier part, so the result does not depend on anything but the order given.
 * When `total` is the exact sum rounded (or an upstream allocation of it), no part moves by a cent or more.
 */
export function allocateCents(total: Dec, parts: readonly Dec[]): Dec[] {
  const totalCents = total.times(100);
  if (!totalCents.isInteger()) throw new Error(`allocateCents: total ${total.toString()} is not in whole cents`);
  if (parts.length === 0) {
    if (!totalCents.isZero()) throw new Error(`allocateCents: cannot place ${total.toString()} on no parts`);
    return [];
  }
  const floors = parts.map((p) => floorCents(p));
  const remainders = parts.map((p, i) => p.times(100).minus(floors[i] as Dec));
  let left = totalCents.minus(sum(floors)).toNumber();
  const order = parts.map((_, i) => i);
  const byRemainderDesc = (a: number, b: number): number =>
    (remainders[b] as Dec).comparedTo(remainders[a] as Dec) || a - b;
  const byRemainderAsc = (a: number, b: number): number =>
    (remainders[a] as Dec).comparedTo(remainders[b] as Dec) || a - b;
  order.sort(left >= 0 ? byRemainderDesc : byRemainderAsc);
  const step = left >= 0 ? 1 : -1;
  const cents = floors.slice();
  for (let j = 0; left !== 0; j++, left -= step) {
    const index = order[j % order.length] as number;
    cents[index] = (cents[index] as Dec).plus(step);
  }
  return cents.map((c) => fromCents(c));
}

/** Splits `total` (whole cents) in proportion to `weights` (any sign, non-zero sum), to the cent. */
export function allocateByWeights(total: Dec, weights: readonly Dec[]): Dec[] {
  const weightSum = sum(weights);
  if (weightSum.isZero()) throw new Error('allocateByWeights: weights add up to zero');
  return allocateCents(total, weights.map((w) => total.times(w).dividedBy(weightSum)));
}

