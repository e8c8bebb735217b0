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
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Rounds to cents, half away from zero, as Excel's ROUND(x, 2) does. */
export function roundCents(value: Dec): Dec {
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

/** Converts to a JS number for output (JSON, cells). Only rounded amounts or display ratios go through here. */
export function toNumber(value: Dec): number {
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
