/**
 * Conversions of single cell values, without reporting: the range reader decides what a bad value means.
 * These run once per cell of ranges that may hold a million rows, so the common cases (a number, a
 * short string) allocate nothing beyond the result.
 */
import { dec, parseDecimalText, type Dec } from '../engine/decimal';
import { isBlank, isCellError, type CellValue } from './grid';

/**
 * A number as plain decimal text: 1001 → "1001", 0.5 → "0.5", never exponent notation, so a numeric
 * customer id keeps the digits the user sees.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n === 0 ? 0 : n);
  return Number.isFinite(n) ? dec(n).toFixed() : String(n);
}

/**
 * A date as ISO text: "2024-03-31" when it has no time of day (how both hosts deliver date-only cells),
 * otherwise the full ISO timestamp in UTC.
 */
export function isoDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return 'invalid date';
  const iso = d.toISOString();
  return t % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
}

/**
 * The text of a cell used as a name or id: strings trimmed, numbers in plain notation, booleans as Excel
 * shows them, dates as ISO dates. Null for blank cells and error values (the caller reports those).
 */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  return null;
}

/** How a cell reads as a number. */
export type NumberReading =
  | { kind: 'number'; value: Dec }
  | { kind: 'blank' }
  | { kind: 'error'; shown: string }
  | { kind: 'not-a-number'; shown: string };

const BLANK: NumberReading = { kind: 'blank' };

const PERCENT_TEXT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;

/**
 * Reads a cell as a number. Accepts numbers, and text that is a plain decimal number ("12", "0.25", as
 * CSV imports leave them); with `allowPercentText` also "70%" → 0.7. Decimal commas and thousands
 * separators are refused: "1,234" could mean either, and guessing would silently change the figure.
 */
export function readNumberCell(value: CellValue | undefined, allowPercentText: boolean): NumberReading {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value: dec(value) } : { kind: 'not-a-number', shown: String(value) };
  }
  if (isBlank(value)) return BLANK;
  if (isCellError(value)) return { kind: 'error', shown: value.error };
  if (typeof value === 'string') {
    const parsed = parseDecimalText(value);
    if (parsed !== null) return { kind: 'number', value: parsed };
    if (allowPercentText) {
      const m = PERCENT_TEXT.exec(value);
      if (m !== null && m[1] !== undefined) return { kind: 'number', value: dec(m[1]).dividedBy(100) };
    }
  }
  return { kind: 'not-a-number', shown: showValue(value) };
}

const SHOWN_MAX = 60;

/** A cell value as people read it in a message: text quoted and shortened, errors and numbers bare. */
export function showValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'string') {
    const short = value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX)}…` : value;
    return `"${short}"`;
  }
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  return value.error;
}
