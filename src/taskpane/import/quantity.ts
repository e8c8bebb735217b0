/**
 * Quantities of a transaction file as exact scaled integers: `mantissa × 10^-scale`. A plain integer
 * (the usual case) costs no allocation; a value with a bounded number of decimals stays a JS number while
 * its mantissa is a safe integer, and anything longer becomes a BigInt. The bounds are the contract's
 * (finite, below 10^13, and 0 or at least 10^-300), checked on the text before any arithmetic.
 */

/** An exact, non-negative decimal: `mantissa × 10^-scale`, scale >= 0. */
export interface Scaled {
  mantissa: number | bigint;
  scale: number;
}

/** Why a quantity cannot be read. */
export type QuantityFault = 'notANumber' | 'negative' | 'outOfRange' | 'thousands';

/** What a quantity cell holds. */
export type QuantityRead =
  /** `mark`: the decimal mark the text used, if any (it tells how the file writes decimals). */
  | { kind: 'value'; value: Scaled; mark?: DecimalMark }
  | { kind: 'blank' }
  | { kind: 'bad'; fault: QuantityFault }
  /** `1.234` or `1,234`: a thousands separator or a decimal mark, told only by the rest of the file. */
  | { kind: 'ambiguous'; mark: DecimalMark };

/** The sign that separates decimals. */
export type DecimalMark = '.' | ',';

/** The contract's bounds: below 10^13 and, when not 0, at least 10^-300 (orders of magnitude 12 and -300). */
const MAX_ORDER = 12;
const MIN_ORDER = -300;
/** Mantissas of up to 15 digits are safe integers (10^15 < 2^53). */
const SAFE_DIGITS = 15;

const NUMBER = /^([+-]?)(\d*)(?:([.,])(\d*))?(?:[eE]([+-]?\d+))?$/;
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:([.,])\d{3})+(?:[.,]\d*)?$/;

/** Reads the text of a quantity. A decimal point or comma is read as a decimal mark unless the value is `ambiguous`. */
export function readQuantityText(raw: string): QuantityRead {
  const text = raw.trim();
  if (text === '') return { kind: 'blank' };
  // The common case: a plain integer of up to 13 digits.
  if (text.length <= 13 && isDigits(text)) return { kind: 'value', value: { mantissa: Number(text), scale: 0 } };
  const m = NUMBER.exec(text);
  if (m === null) return { kind: 'bad', fault: GROUPED.test(text) ? 'thousands' : 'notANumber' };
  const [, sign = '', whole = '', mark, fraction = '', exponent] = m;
  if (whole === '' && fraction === '') return { kind: 'bad', fault: 'notANumber' };
  if (mark !== undefined && exponent === undefined && /^[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) {
    return sign === '-' ? { kind: 'bad', fault: 'negative' } : { kind: 'ambiguous', mark: mark as DecimalMark };
  }
  const read = scaledOf(sign, whole, fraction, exponent);
  return read.kind === 'value' && mark !== undefined ? { ...read, mark: mark as DecimalMark } : read;
}

/** The value of a text read with `mark` as its only decimal mark (an ambiguous one, once the file's mark is known). */
export function readWithMark(raw: string, mark: DecimalMark): QuantityRead {
  const text = raw.trim();
  const m = NUMBER.exec(text);
  if (m === null || (m[3] !== undefined && m[3] !== mark)) return { kind: 'bad', fault: 'thousands' };
  return scaledOf(m[1] ?? '', m[2] ?? '', m[4] ?? '', m[5]);
}

/** A number from a typed file (Parquet): its shortest decimal, as the contract reads a number cell. */
export function readQuantityNumber(value: number): QuantityRead {
  if (!Number.isFinite(value)) return { kind: 'bad', fault: 'outOfRange' };
  if (value < 0) return { kind: 'bad', fault: 'negative' };
  if (Number.isInteger(value) && value < 1e13) return { kind: 'value', value: { mantissa: value, scale: 0 } };
  // A number's own text has a point as its decimal mark: never ambiguous.
  return readWithMark(String(value), '.');
}

/** A 64-bit integer from a typed file. */
export function readQuantityBigInt(value: bigint): QuantityRead {
  if (value < 0n) return { kind: 'bad', fault: 'negative' };
  if (value >= 10_000_000_000_000n) return { kind: 'bad', fault: 'outOfRange' };
  return { kind: 'value', value: { mantissa: Number(value), scale: 0 } };
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function scaledOf(sign: string, whole: string, fraction: string, exponent: string | undefined): QuantityRead {
  // An exponent of more than 6 digits is far outside the bounds whatever the digits; no BigInt is built for it.
  if (exponent !== undefined && exponent.replace(/^[+-]?0*/, '').length > 6) {
    return /[1-9]/.test(whole + fraction) ? { kind: 'bad', fault: 'outOfRange' } : { kind: 'value', value: { mantissa: 0, scale: 0 } };
  }
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return { kind: 'value', value: { mantissa: 0, scale: 0 } };
  if (sign === '-') return { kind: 'bad', fault: 'negative' };
  let scale = fraction.length - (exponent === undefined ? 0 : Number(exponent));
  const significant = digits.replace(/0+$/, '');
  scale -= digits.length - significant.length;
  const order = significant.length - 1 - scale;
  if (order > MAX_ORDER || order < MIN_ORDER) return { kind: 'bad', fault: 'outOfRange' };
  if (scale < 0) {
    // Below 10^13, so the whole number has at most 13 digits: a safe integer.
    return { kind: 'value', value: { mantissa: Number(significant + '0'.repeat(-scale)), scale: 0 } };
  }
  const mantissa = significant.length <= SAFE_DIGITS ? Number(significant) : BigInt(significant);
  return { kind: 'value', value: { mantissa, scale } };
}

/** The plain decimal text of a scaled value, without trailing zeros: 125 at scale 1 is `12.5`. */
export function scaledText(value: Scaled): string {
  const digits = value.mantissa.toString();
  if (value.scale === 0) return digits;
  const padded = digits.padStart(value.scale + 1, '0');
  const point = padded.length - value.scale;
  const fraction = padded.slice(point).replace(/0+$/, '');
  return fraction === '' ? padded.slice(0, point) : `${padded.slice(0, point)}.${fraction}`;
}
