/**
 * The one module that touches decimal.js. Every amount, quantity and rate in the engine is a `Dec`;
 * binary floating point never carries money, because a controller reconciles these figures to the cent.
 */
import DecimalBase from 'decimal.js';

/**
 * A private clone, so that the precision and rounding chosen here cannot be changed by another
 * library in the same page that configures the global Decimal.
 * 40 significant digits keep the error of divisions (cost per minute, cost per driver unit) far below
 * a millionth of a cent even for costs in the billions.
 */
const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

/** An exact decimal number. Use the functions of this module, or its own methods, to compute with it. */
export type Dec = DecimalBase;

/** What `dec()` accepts: a JS number from a cell, a decimal string or an existing `Dec`. */
export type DecInput = number | string | Dec;

/** Makes a `Dec`. A JS number is taken at its shortest decimal form, so 0.1 from a cell is exactly 0.1. */
export function dec(value: DecInput): Dec {
  return new Decimal(value);
}

/** Zero, shared because it is used everywhere. */
export const ZERO: Dec = dec(0);
/** One. */
export const ONE: Dec = dec(1);

/** Sum of a list of decimals (0 for an empty list). */
export function sum(values: Iterable<Dec>): Dec {
  if (Array.isArray(values)) {
    const scaled = sumScaled(values);
    if (scaled !== null) return scaled;
  }
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

const SUM_SCRATCH: Scaled = { int: 0, scale: 0 };
const ROUND_CENTS: Scaled = { int: 0, scale: 0 };
const TO_NUMBER: Scaled = { int: 0, scale: 0 };

/**
 * The sum of decimals that are all small scaled integers, added as doubles while every partial sum is a
 * safe integer (so each addition is exact and equals decimal.js's 40-digit one); null as soon as one is
 * not, and `sum` adds the decimals instead. Summing a driver's column of 5,000 customers this way makes
 * no decimal but the result.
 */
function sumScaled(values: readonly Dec[]): Dec | null {
  let int = 0;
  let scale = 0;
  const s = SUM_SCRATCH;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as Dec;
    if (v === ZERO) continue;
    if (!scaledInto(v, s)) return null;
    let add = s.int;
    if (s.scale > scale) {
      int *= POW10[s.scale - scale] as number;
      scale = s.scale;
      if (!(Math.abs(int) <= Number.MAX_SAFE_INTEGER)) return null;
    } else if (s.scale < scale) {
      add *= POW10[scale - s.scale] as number;
      if (!(Math.abs(add) <= Number.MAX_SAFE_INTEGER)) return null;
    }
    int += add;
    if (!(Math.abs(int) <= Number.MAX_SAFE_INTEGER)) return null;
  }
  return fromScaled(int, scale);
}

/** Rounds to cents, half away from zero, as Excel's ROUND(x, 2) does. */
export function roundCents(value: Dec): Dec {
  // An amount already in cents (nearly every one the engine outputs) is its own rounding; decimals are immutable.
  if (scaledInto(value, ROUND_CENTS) && ROUND_CENTS.scale <= 2 && ROUND_CENTS.int !== 0) return value;
  return value.toDecimalPlaces(2, DecimalBase.ROUND_HALF_UP);
}

/** Whole cents of a decimal, rounded towards minus infinity, as an integer-valued `Dec`. */
export function floorCents(value: Dec): Dec {
  return value.times(100).floor();
}

/** A number of cents (integer-valued) back to an amount. */
export function fromCents(cents: Dec): Dec {
  return cents.dividedBy(100);
}

/**
 * Converts to a JS number for output (JSON, cells). Only rounded amounts or display ratios go through here.
 * A decimal of at most 15 digits is `int / 10^scale` with both exact in doubles, and IEEE division rounds
 * that quotient correctly: the same double as decimal.js's `toNumber`, which formats and parses a string
 * (a report of 5,000 customers makes a hundred thousand of these).
 */
export function toNumber(value: Dec): number {
  if (scaledInto(value, TO_NUMBER) && !(TO_NUMBER.int === 0 && value.isNegative())) {
    return TO_NUMBER.scale === 0 ? TO_NUMBER.int : TO_NUMBER.int / (POW10[TO_NUMBER.scale] as number);
  }
  return value.toNumber();
}

/** Ratio `a / b` as a JS number for display (percentages), or null when b is zero. */
export function ratio(a: Dec, b: Dec): number | null {
  return b.isZero() ? null : a.dividedBy(b).toNumber();
}

/**
 * The largest size a figure read from a workbook may have: |x| < 10^13. Ten trillion is beyond any
 * amount, quantity or capacity of one pool, customer or activity (also in yen), and it keeps every
 * product the costing forms far inside the 40 digits the engine computes with, so cents stay exact.
 */
export const MAX_FIGURE = 1e13;

/**
 * The smallest size a non-zero figure may have: 10^-300. Smaller numbers are no spreadsheet number
 * (`1e-400` reads as 0 in Excel) and no figure anyone means.
 */
export const MIN_FIGURE = 1e-300;

/**
 * The largest size of a figure the engine derives (a pool's or activity's cost, a cost per minute or
 * per driver unit): |x| < 10^15. Beyond it the inputs cannot be right (a capacity far too small for the
 * minutes used), and cents would no longer be exact.
 */
export const MAX_DERIVED = 1e15;

const MAX_FIGURE_DEC = new Decimal(MAX_FIGURE);
const MIN_FIGURE_DEC = new Decimal(MIN_FIGURE);
const MAX_DERIVED_DEC = new Decimal(MAX_DERIVED);

/** True for a JS number a workbook figure may be: finite, below MAX_FIGURE in size, 0 or at least MIN_FIGURE. */
export function isFigureInRange(n: number): boolean {
  const a = Math.abs(n);
  return a < MAX_FIGURE && (a >= MIN_FIGURE || a === 0);
}

/** True for a decimal a workbook figure may be (see `isFigureInRange`). */
export function isDecInRange(d: Dec): boolean {
  if (!d.isFinite()) return false;
  if (d.isZero()) return true;
  const a = d.abs();
  return a.lessThan(MAX_FIGURE_DEC) && a.greaterThanOrEqualTo(MIN_FIGURE_DEC);
}

/** True for a derived figure the engine can carry to the cent: finite and below MAX_DERIVED in size. */
export function isDerivedInRange(d: Dec): boolean {
  return d.isFinite() && d.abs().lessThan(MAX_DERIVED_DEC);
}

/** A decimal shortened to 6 significant digits for a message (`1.23457e+20`, `-0.5`, `Infinity`). */
export function shortDecimalText(d: Dec): string {
  if (!d.isFinite()) return d.toString();
  const short = d.toSignificantDigits(6);
  const size = short.abs();
  const plain = size.isZero() || (size.lessThan(MAX_DERIVED_DEC) && size.greaterThanOrEqualTo(SMALL_PLAIN));
  return plain ? short.toString() : short.toExponential();
}

/** Below this size a message writes a number with an exponent. */
const SMALL_PLAIN = new Decimal('1e-6');

/** How a text reads as a plain decimal number. */
export type DecimalTextReading = { kind: 'number'; value: Dec } | { kind: 'out-of-range' } | { kind: 'not-decimal' };

const DECIMAL_TEXT = /^([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?)(\d+))?$/;
/** An exponent beyond this many digits is out of range whatever the mantissa (the mantissa is checked apart). */
const EXPONENT_DIGITS = 5;

/**
 * Reads a plain decimal written in text ("1234.5", "-3", "1e3"; not "1,234.50"), checking its size
 * before decimal.js sees it: an exponent such as `1e9000000000000001` is refused from its digits alone,
 * because decimal.js would take it as Infinity, and formatting a huge exponent never ends.
 */
export function readDecimalText(text: string): DecimalTextReading {
  const t = text.trim();
  const m = DECIMAL_TEXT.exec(t);
  if (m === null) return { kind: 'not-decimal' };
  const mantissa = m[2] ?? '';
  if (!/[1-9]/.test(mantissa)) return { kind: 'number', value: new Decimal(0) };
  const exponent = (m[4] ?? '').replace(/^0+/, '');
  if (exponent.length > EXPONENT_DIGITS) return { kind: 'out-of-range' };
  const value = new Decimal(t);
  return isDecInRange(value) ? { kind: 'number', value } : { kind: 'out-of-range' };
}

/**
 * Parses a decimal written in text ("1234.5", "1,234.50" is not accepted), or null when it is not one
 * or is out of range (see `readDecimalText`).
 */
export function parseDecimalText(text: string): Dec | null {
  const reading = readDecimalText(text);
  return reading.kind === 'number' ? reading.value : null;
}

/**
 * 10^k for k = 0..22 as doubles, built by multiplication: each is exactly representable (5^22 < 2^53),
 * which `10 ** k` does not promise on every engine.
 */
export const POW10: readonly number[] = (() => {
  const powers = [1];
  for (let k = 1; k <= 22; k++) powers.push((powers[k - 1] as number) * 10);
  return powers;
})();

/** A decimal as an integer and a power of ten: value = int × 10^-scale. Filled by `scaledInto`. */
export interface Scaled {
  int: number;
  scale: number;
}

/** Words of decimal.js's digit array hold 7 decimal digits each (its documented `d` property, base 1e7). */
const WORD_DIGITS = 7;
/** At most this many digits (and 16 when below 2^53) are turned into a double, so the integer is exact. */
const SCALED_DIGITS = 15;

/**
 * Writes a finite decimal as `int × 10^-scale` with `int` a safe integer and `scale` in 0..22 into `out`,
 * reading decimal.js's documented `d`, `e` and `s` properties (no arithmetic, no allocation), and
 * returns true; returns false for a decimal that does not fit (more than 15 digits, or a scale outside
 * 0..22). The fast kernel computes on such integers and falls back to decimals when this says no.
 */
export function scaledInto(value: Dec, out: Scaled): boolean {
  const words = value.d;
  if (words === null || words === undefined || words.length === 0) return false;
  const first = words[0] as number;
  if (first === 0) {
    out.int = 0;
    out.scale = 0;
    return true;
  }
  const firstDigits = first >= 1e6 ? 7 : first >= 1e5 ? 6 : first >= 1e4 ? 5 : first >= 1e3 ? 4 : first >= 100 ? 3 : first >= 10 ? 2 : 1;
  const last = words.length - 1;
  // Only the last word may end in zeros (it is padded to 7 digits); drop them before they cost digits.
  let tail = words[last] as number;
  let tailDigits = last === 0 ? firstDigits : WORD_DIGITS;
  while (tail !== 0 && tail % 10 === 0) {
    tail /= 10;
    tailDigits--;
  }
  const digits = (last === 0 ? 0 : firstDigits + WORD_DIGITS * (last - 1)) + tailDigits;
  if (digits > SCALED_DIGITS + 1) return false;
  let int = 0;
  for (let i = 0; i < last; i++) int = int * 1e7 + (words[i] as number);
  int = int * (POW10[tailDigits] as number) + tail;
  if (int > Number.MAX_SAFE_INTEGER) return false;
  // The leading digit stands at 10^e, so the last of `digits` digits stands at 10^(e - digits + 1).
  let scale = digits - 1 - value.e;
  while (scale > 0 && int % 10 === 0) {
    int /= 10;
    scale--;
  }
  if (scale < 0) {
    if (-scale > 22) return false;
    int *= POW10[-scale] as number;
    if (int > Number.MAX_SAFE_INTEGER) return false;
    scale = 0;
  }
  if (scale > 22) return false;
  out.int = value.s < 0 ? -int : int;
  out.scale = scale;
  return true;
}

/** A decimal.js instance whose documented `d`, `e` and `s` are written by `fromScaled`. */
interface WritableDec {
  d: number[];
  e: number;
  s: number;
}

/** Number of decimal digits of a positive integer below 10^7 (one word of decimal.js's digit array). */
function wordDigits(w: number): number {
  return w >= 1e6 ? 7 : w >= 1e5 ? 6 : w >= 1e4 ? 5 : w >= 1e3 ? 4 : w >= 100 ? 3 : w >= 10 ? 2 : 1;
}

/**
 * The decimal `int × 10^-scale` (int a safe integer, scale 0..22), exactly. It writes decimal.js's
 * digit words directly: output amounts are made by the ten thousand, and parsing a string for each
 * cost a quarter of the engine's time. The words follow decimal.js's layout (base 1e7, the decimal
 * point on a word boundary, no leading or trailing zero words); tests compare it with the parsed value.
 */
export function fromScaled(int: number, scale: number): Dec {
  if (int === 0) return ZERO;
  if (!Number.isSafeInteger(int) || scale < 0 || scale > 22 || !Number.isInteger(scale)) {
    return scale === 0 ? new Decimal(int) : new Decimal(`${int}e-${scale}`);
  }
  let n = Math.abs(int);
  while (scale > 0 && n % 10 === 0) {
    n /= 10;
    scale--;
  }
  const p = POW10[scale] as number;
  let fraction = scale === 0 ? 0 : n % p;
  let whole = (n - fraction) / p;
  // The words go into a scratch array first and into the decimal's own array at its final length: an
  // array grown by push reserves 17 places, and amounts are made by the ten thousand.
  const w = WORDS;
  let count = 0;
  let e: number;
  if (whole > 0) {
    // A safe integer has at most three words (2^53 < 10^21).
    const low = whole % 1e7;
    whole = (whole - low) / 1e7;
    const middle = whole % 1e7;
    const high = (whole - middle) / 1e7;
    if (high > 0) w[count++] = high;
    if (high > 0 || middle > 0) w[count++] = middle;
    w[count++] = low;
    e = wordDigits(w[0] as number) - 1 + 7 * (count - 1);
  } else {
    e = 0;
  }
  if (scale > 0) {
    const fractionWords = Math.ceil(scale / 7);
    // The last word holds the remaining 1..7 digits, left-aligned in its 7 places.
    const r = scale - 7 * (fractionWords - 1);
    const lastDigits = fraction % (POW10[r] as number);
    const at = count;
    w[at + fractionWords - 1] = lastDigits * (POW10[7 - r] as number);
    fraction = (fraction - lastDigits) / (POW10[r] as number);
    for (let i = fractionWords - 2; i >= 0; i--) {
      const word = fraction % 1e7;
      w[at + i] = word;
      fraction = (fraction - word) / 1e7;
    }
    count += fractionWords;
    let first = 0;
    if (at === 0) {
      while ((w[first] as number) === 0) first++;
      e = -(7 * first + 7 - wordDigits(w[first] as number)) - 1;
    }
    while ((w[count - 1] as number) === 0) count--;
    return withWords(wordsArray(w, first, count), e, int);
  }
  while (count > 1 && (w[count - 1] as number) === 0) count--;
  return withWords(wordsArray(w, 0, count), e, int);
}

/** Scratch words of `fromScaled`: at most 3 whole and 4 fraction words. */
const WORDS = new Float64Array(8);

/** `w[from, to)` as a plain array of its exact length (1 to 7 words). */
function wordsArray(w: Float64Array, from: number, to: number): number[] {
  switch (to - from) {
    case 1:
      return [w[from] as number];
    case 2:
      return [w[from] as number, w[from + 1] as number];
    case 3:
      return [w[from] as number, w[from + 1] as number, w[from + 2] as number];
    case 4:
      return [w[from] as number, w[from + 1] as number, w[from + 2] as number, w[from + 3] as number];
    default:
      return Array.from(w.subarray(from, to));
  }
}

function withWords(words: number[], e: number, int: number): Dec {
  const x = new Decimal(1) as unknown as WritableDec;
  x.d = words;
  x.e = e;
  x.s = int < 0 ? -1 : 1;
  return x as unknown as Dec;
}

/** An amount from a whole number of cents held in a double (a safe integer), exactly. */
export function fromWholeCents(cents: number): Dec {
  return fromScaled(cents, 2);
}

/** Floor of `value × 100` and what is left of it (in [0, 1)), exactly as `allocateCents` computes them. */
export function centsAndRemainder(value: Dec): { floor: Dec; remainder: Dec } {
  const floor = floorCents(value);
  return { floor, remainder: value.times(100).minus(floor) };
}

/**
 * `roundCents(value)` as a whole number of cents in a double, or null when that is not exact (2^52 cents
 * or more) or is a negative zero, which only the decimal keeps.
 */
export function wholeCentsOf(value: Dec): number | null {
  const s: Scaled = { int: 0, scale: 0 };
  const rounded = roundCents(value);
  if (rounded.isZero() && rounded.isNegative()) return null;
  if (!scaledInto(rounded, s) || s.scale > 2) return null;
  const cents = s.int * (POW10[2 - s.scale] as number);
  return Math.abs(cents) < 2 ** 52 ? cents : null;
}

/**
 * True when `ZERO.plus(value)` would be `value` itself: a non-zero decimal of at most 35 digits (five
 * words of decimal.js's documented digit array), which the 40-digit sum does not round.
 */
export function addsToZeroUnchanged(value: Dec): boolean {
  const words = value.d;
  return words !== null && words !== undefined && words.length <= 5 && !value.isZero();
}
