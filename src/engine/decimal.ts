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

/** Parses a decimal written in text ("1234.5", "1,234.50" is not accepted), or null when it is not one. */
export function parseDecimalText(text: string): Dec | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return new Decimal(t);
}
