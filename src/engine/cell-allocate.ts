/**
 * Largest-remainder rounding of one activity's customer cells without a decimal per cell: the same
 * cents as `allocateCents` on the decimals `p_c = round40(M_c × K)`, where every customer's exact
 * quantity M_c is an integer m_c at a common scale and K is the activity's cost per unit.
 *
 * Two regimes, both exact:
 * - K has few digits (k × 10^-t): 100·p_c = m_c·k·10^(2-scale-t) is an integer held exactly in a double,
 *   so floors and remainders are exact integers.
 * - K is long (a 40-digit quotient): 100·p_c is approximated in doubles with a proven bound
 *   (|x_c − 100·p_c| ≤ x_c·2^-50); only a cell whose floor or rank that bound cannot decide is computed
 *   with decimals, exactly as the plain path does.
 */
import { selectKth } from './select';
import { type Dec, POW10, type Scaled, ZERO, centsAndRemainder, fromScaled, scaledInto } from './decimal';

/** Doubles below this hold integers exactly, with room for the sums of a few of them. */
export const EXACT_LIMIT = 2 ** 52;
/** Relative bound of the double approximation of a long-K cell (see the module comment). */
const APPROX = 2 ** -50;
/** Relative error of a remainder turned into a double (one rounding). */
const TO_DOUBLE = 2 ** -52;

/** One activity's cells: m_c at `scale`, K, and what is not assigned to customers. */
export interface ActivityCells {
  /** Exact quantities (minutes, units) per customer: m_c × 10^-scale, all >= 0. */
  m: Float64Array;
  scale: number;
  /** Cost per unit of m: 1 for rate activities. */
  factor: Dec;
  /** True when p_c is m_c × 10^-scale itself (rate activities): no multiplication by K. */
  unit: boolean;
  /** The activity's part that reaches no customer (0 unless business-sustaining or no quantity). */
  unassigned: Dec;
}

const scratch: Scaled = { int: 0, scale: 0 };

/**
 * Splits `totalCents` (a whole number of cents) over the customers and the unassigned part as
 * `allocateCents(total, [...p_c, unassigned])` does, returning cents per customer and for the unassigned
 * part (last), or null when a figure is too large for this kernel (the caller then takes the plain path).
 */
export function allocateCells(totalCents: number, cells: ActivityCells): Float64Array | null {
  const { m, scale, factor, unit, unassigned } = cells;
  const n = m.length;
  const parts = n + 1;
  const floors = new Float64Array(parts);
  const keys = new Float64Array(parts);
  const errors = new Float64Array(parts);
  /** Exact remainders of the cells the doubles could not decide, and of the unassigned part. */
  const exact = new Map<number, Dec>();
  /** Short K: remainders as integers over 10^shift (exactly comparable); null for long K. */
  let ints: Float64Array | null = null;
  let shift = 0;
  let maxM = 0;
  for (let i = 0; i < n; i++) if ((m[i] as number) > maxM) maxM = m[i] as number;

  const kScaled = unit ? { int: 1, scale: 0 } : scaledInto(factor, scratch) ? { int: scratch.int, scale: scratch.scale } : null;
  if (kScaled !== null && kScaled.int >= 0 && maxM * kScaled.int < EXACT_LIMIT) {
    // 100·p_c = N_c × 10^-shift with N_c = m_c·k, exactly.
    shift = scale + kScaled.scale - 2;
    if (shift > 22) return null;
    ints = new Float64Array(parts);
    for (let i = 0; i < n; i++) {
      const big = (m[i] as number) * kScaled.int;
      if (shift <= 0) {
        const cents = big * (POW10[-shift] as number);
        if (cents >= EXACT_LIMIT) return null;
        floors[i] = cents;
      } else {
        const p = POW10[shift] as number;
        const r = big % p;
        floors[i] = (big - r) / p;
        ints[i] = r;
        const key = r / p;
        keys[i] = key;
        errors[i] = key * TO_DOUBLE;
      }
    }
  } else {
    if (factor.isNegative()) return null;
    // 100·K·10^-scale as a double: the division by a power of ten is exact in decimals.
    const k = factor.times(100).times(fromScaled(1, scale)).toNumber();
    if (!(maxM * k < EXACT_LIMIT / 4)) return null;
    for (let i = 0; i < n; i++) {
      const mi = m[i] as number;
      if (mi === 0) continue;
      const x = mi * k;
      const bound = x * APPROX + Number.MIN_VALUE;
      const f = Math.floor(x);
      const frac = x - f;
      if (frac > bound && frac < 1 - bound) {
        floors[i] = f;
        keys[i] = frac;
        errors[i] = bound;
      } else {
        const exactCell = centsAndRemainder(fromScaled(mi, scale).times(factor));
        floors[i] = exactCell.floor.toNumber();
        exact.set(i, exactCell.remainder);
        const key = exactCell.remainder.toNumber();
        keys[i] = key;
        errors[i] = key * TO_DOUBLE;
      }
    }
  }
  const rest = centsAndRemainder(unassigned);
  floors[n] = rest.floor.toNumber();
  exact.set(n, rest.remainder);
  const restKey = rest.remainder.toNumber();
  keys[n] = restKey;
  errors[n] = restKey * TO_DOUBLE;
  if (!(Math.abs(floors[n] as number) < EXACT_LIMIT)) return null;

  let floorSum = 0;
  for (let i = 0; i < parts; i++) floorSum += Math.abs(floors[i] as number);
  if (!(floorSum < EXACT_LIMIT) || !(Math.abs(totalCents) < EXACT_LIMIT)) return null;
  let left = totalCents;
  for (let i = 0; i < parts; i++) left -= floors[i] as number;
  if (left === 0) return floors;

  const step = left > 0 ? 1 : -1;
  const count = Math.abs(left);
  // The plain loop walks the order again and again: every part gets `rounds`, the first `extra` one more.
  const rounds = Math.floor(count / parts);
  const extra = count - rounds * parts;
  if (rounds > 0) for (let i = 0; i < parts; i++) floors[i] = (floors[i] as number) + rounds * step;
  if (extra === 0) return floors;

  // Descending remainders when cents are added, ascending when taken; ties to the earlier part.
  const sign = step;
  const exactRemainder = (i: number): Dec => {
    const known = exact.get(i);
    if (known !== undefined) return known;
    let value: Dec;
    if (ints !== null) value = fromScaled(ints[i] as number, shift);
    else if ((m[i] as number) === 0) value = ZERO;
    else value = centsAndRemainder(fromScaled(m[i] as number, scale).times(factor)).remainder;
    exact.set(i, value);
    return value;
  };
  /** Negative when part a comes first in the order. */
  const compareExact = (a: number, b: number): number => {
    let byRemainder: number;
    if (a < n && b < n && ints !== null) byRemainder = (ints[a] as number) - (ints[b] as number);
    else if (a < n && b < n && (m[a] as number) === (m[b] as number)) byRemainder = 0;
    else byRemainder = exactRemainder(a).comparedTo(exactRemainder(b));
    return byRemainder !== 0 ? -sign * Math.sign(byRemainder) : a - b;
  };

  // The extra-th key in the order, from the doubles; every key is within its error of the truth, so the
  // true threshold is within the largest error of it (order statistics move no more than their values).
  const ordered = new Float64Array(parts);
  let largestError = 0;
  for (let i = 0; i < parts; i++) {
    ordered[i] = sign * (keys[i] as number);
    if ((errors[i] as number) > largestError) largestError = errors[i] as number;
  }
  const threshold = selectKth(ordered, parts - extra);
  const band: number[] = [];
  let taken = 0;
  for (let i = 0; i < parts; i++) {
    const key = sign * (keys[i] as number);
    const error = errors[i] as number;
    if (key - error > threshold + largestError) {
      floors[i] = (floors[i] as number) + step;
      taken++;
    } else if (key + error >= threshold - largestError) {
      band.push(i);
    }
  }
  if (taken > extra) return null;
  band.sort(compareExact);
  for (let j = 0; j < extra - taken; j++) {
    const i = band[j];
    if (i === undefined) return null;
    floors[i] = (floors[i] as number) + step;
  }
  return floors;
}
