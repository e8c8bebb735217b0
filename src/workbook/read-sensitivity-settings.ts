/**
 * The values of the settings of issue 21: DefaultRange (`±20%`, `-30%/+10%` …) and the whole numbers of
 * Simulations and Seed. Pure readers of one cell; read-settings.ts reports what they refuse.
 */
import { type Dec, ONE, parseDecimalText } from '../engine/decimal';
import { readNumberCell } from './cells';
import type { CellValue } from './grid';

/** A DefaultRange as fractions of the estimate below and above it. */
export interface DefaultRange {
  below: Dec;
  above: Dec;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** `-30%/+10%`, `+10%/-30%`, `-30%/10%`: different parts below and above (spaces already removed). */
const TWO_SIDED = new RegExp(String.raw`^([+-]?)${NUMBER}%/([+-]?)${NUMBER}%$`);
/** `±20%`, `+/-20%`, `+-20%`, `20%`, `±0.2`, `0.2`: the same part on both sides. */
const SYMMETRIC = new RegExp(String.raw`^(?:±|\+/-|\+-)?${NUMBER}(%?)$`);

/**
 * Reads a DefaultRange, or null when the value is none of the accepted forms. A number (a number cell,
 * a percentage cell, or plain text such as `0.2`) is a fraction, so `20` is refused rather than read as
 * 20%. The part below may be at most 100% (an estimate cannot go below zero); the part above is any size.
 * Of two different parts the one below carries the `-` sign: `-30%/+10%` or `+10%/-30%`.
 */
export function readDefaultRange(raw: CellValue | undefined): DefaultRange | null {
  if (typeof raw === 'string') return checked(readRangeText(raw.replace(/\s+/g, '')));
  const reading = readNumberCell(raw, true);
  return reading.kind === 'number' ? checked({ below: reading.value, above: reading.value }) : null;
}

function readRangeText(text: string): DefaultRange | null {
  const two = TWO_SIDED.exec(text);
  if (two !== null) {
    const [, firstSign = '', first = '', secondSign = '', second = ''] = two;
    const a = percent(first);
    const b = percent(second);
    if (a === null || b === null) return null;
    if (firstSign === '-' && secondSign !== '-') return { below: a, above: b };
    if (firstSign === '+' && secondSign === '-') return { below: b, above: a };
    return null;
  }
  const one = SYMMETRIC.exec(text);
  if (one === null) return null;
  const [, digits = '', sign = ''] = one;
  const part = sign === '%' ? percent(digits) : parseDecimalText(digits);
  return part === null ? null : { below: part, above: part };
}

function percent(digits: string): Dec | null {
  return parseDecimalText(digits)?.dividedBy(100) ?? null;
}

function checked(range: DefaultRange | null): DefaultRange | null {
  if (range === null || range.below.isNegative() || range.above.isNegative() || range.below.greaterThan(ONE)) return null;
  return range;
}

/**
 * Reads a whole number from `min` to `max` (a number cell, or a plain decimal in text), or null when the
 * value is anything else: a fraction, a percentage, text in thousands-separator form, out of bounds.
 */
export function readWholeNumber(raw: CellValue | undefined, min: number, max: number): number | null {
  const reading = readNumberCell(raw, false);
  if (reading.kind !== 'number' || !reading.value.isInteger()) return null;
  if (reading.value.lessThan(min) || reading.value.greaterThan(max)) return null;
  return reading.value.toNumber();
}
