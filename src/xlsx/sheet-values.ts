/**
 * Cell values read straight from a sheet's bytes, for the forms nearly every cell has: plain numbers,
 * string indexes, the usual type codes. Anything else is read through `toCellValue`.
 */
import { latin1 } from './xml-bytes';

/** Distinct texts kept by `intern`; beyond this, texts are kept as they come. */
const INTERNED_MAX = 100_000;

/**
 * One copy per distinct short text written in the cells themselves (`t="str"`, inline strings): a
 * transaction sheet repeats a few driver names a million times.
 */
export function makeIntern(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    if (text.length > 64) return text;
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < INTERNED_MAX) seen.set(text, text);
    return text;
  };
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A stored number written plainly (`-12.5`, `3`), read from its bytes; NaN for any other form, which the
 * caller reads through `toCellValue`. At most 15 significant digits and 22 decimals: the digits are then
 * an exact double and one division by an exact power of ten is correctly rounded, so the result is the
 * very number `Number(text)` gives.
 */
export function plainNumber(s: Uint8Array, start: number, end: number): number {
  let k = start;
  const negative = s[k] === 45;
  if (negative || s[k] === 43) k++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; k < end; k++) {
    const c = s[k]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  const intDigits = k - start - (negative || s[start] === 43 ? 1 : 0) - (decimals >= 0 ? decimals + 1 : 0);
  if (digits > 15 || decimals > 22 || (intDigits === 0 && decimals <= 0)) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

/** A whole number written as plain digits (a row number, a style, a string index); -1 for any other form. */
export function plainInteger(s: Uint8Array, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** True when the ASCII bytes hold something besides white space as `trim` sees it; null when not ASCII. */
export function asciiHasText(s: Uint8Array, start: number, end: number): boolean | null {
  let text = false;
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c >= 0x80) return null;
    if (!(c === 32 || (c >= 9 && c <= 13))) text = true;
  }
  return text;
}

/** A `t` value as text: the usual ones without a new string per cell. */
export function typeText(s: Uint8Array, start: number, end: number): string {
  if (end - start === 1) {
    const c = s[start];
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 101) return 'e';
  } else if (end - start === 3 && s[start] === 115 && s[start + 1] === 116 && s[start + 2] === 114) return 'str';
  return latin1(s, start, end);
}
