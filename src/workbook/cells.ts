/**
 * Conversions of single cell values, without reporting: the range reader decides what a bad value means.
 * These run once per cell of ranges that may hold a million rows, so the common cases (a number, a
 * short string) allocate nothing beyond the result.
 */
import { dec, isDecInRange, isFigureInRange, readDecimalText, type Dec } from '../engine/decimal';
import { isBlank, isCellError, isMalformedNumber, isPercentCell, isUncalculated, type CellValue } from './grid';

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
  if (isPercentCell(value)) return percentText(value.percent);
  return null;
}

/**
 * A number formatted as a percentage as the cell shows it: 0.02 → "2%", 0.125 → "12.5%" (the digits
 * the cell holds, whatever decimals its format shows).
 */
export function percentText(n: number): string {
  if (!Number.isFinite(n)) return `${String(n)}%`;
  return `${dec(n).times(100).toFixed()}%`;
}

/** How a cell reads as a number. */
export type NumberReading =
  | { kind: 'number'; value: Dec }
  | { kind: 'blank' }
  | { kind: 'error'; shown: string }
  | { kind: 'not-a-number'; shown: string }
  /** A formula cell without a stored result. */
  | { kind: 'uncalculated'; formula: string }
  /** A number cell whose stored value is no number. */
  | { kind: 'malformed'; stored: string }
  /** A number formatted as a percentage where no share is expected; `shown` as the cell shows it. */
  | { kind: 'percent'; shown: string }
  /** Text in thousands-separator form: `thousands` is its reading with separators, `decimal` the other one, if any. */
  | { kind: 'ambiguous'; shown: string; thousands: string; decimal: string | null }
  /** Not finite, |x| >= MAX_FIGURE, or non-zero and below MIN_FIGURE. */
  | { kind: 'out-of-range'; shown: string };

const BLANK: NumberReading = { kind: 'blank' };

const PERCENT_TEXT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;

/**
 * One to three digits (not starting with 0), then groups of three after a point or a comma, the same
 * separator each time, and perhaps a decimal part after the other separator: `1.234`, `1,234`,
 * `1.234.567`, `1,234,567.50`, `1.234,5`. `0.125`, `1.5` and `12.25` are no such form.
 */
const THOUSANDS_TEXT = /^([+-]?)([1-9]\d{0,2})([.,])(\d{3}(?:\3\d{3})*)(?:([.,])(\d+))?$/;

/**
 * Reads a cell as a number. Accepts numbers, and text that is a plain decimal number ("12", "0.25", as
 * CSV imports leave them); with `share` also "70%" → 0.7 and a cell formatted as a percentage. Decimal
 * commas and thousands separators are refused: "1,234" could mean either, and guessing would silently
 * change the figure. Sizes are checked before any arithmetic (see `isFigureInRange`).
 */
export function readNumberCell(value: CellValue | undefined, share: boolean): NumberReading {
  if (typeof value === 'number') {
    return isFigureInRange(value) ? { kind: 'number', value: dec(value) } : { kind: 'out-of-range', shown: String(value) };
  }
  if (isBlank(value)) return BLANK;
  if (typeof value === 'string') return readNumberText(value, share);
  if (isCellError(value)) return { kind: 'error', shown: value.error };
  if (isUncalculated(value)) return { kind: 'uncalculated', formula: value.formula };
  if (isMalformedNumber(value)) return { kind: 'malformed', stored: value.stored };
  if (isPercentCell(value)) {
    if (!isFigureInRange(value.percent)) return { kind: 'out-of-range', shown: String(value.percent) };
    return share ? { kind: 'number', value: dec(value.percent) } : { kind: 'percent', shown: percentText(value.percent) };
  }
  return { kind: 'not-a-number', shown: showValue(value) };
}

function readNumberText(text: string, share: boolean): NumberReading {
  const t = text.trim();
  const thousands = THOUSANDS_TEXT.exec(t);
  if (thousands !== null) {
    const [, sign = '', first = '', separator, groups = '', decimalSeparator, fraction] = thousands;
    // The same separator before the decimals as between the groups is no number at all ("1,234,5").
    if (decimalSeparator === undefined || decimalSeparator !== separator) {
      const digits = `${sign === '-' ? '-' : ''}${first}${groups.split(separator ?? '').join('')}`;
      if (fraction !== undefined) return { kind: 'ambiguous', shown: showValue(text), thousands: `${digits}.${fraction}`, decimal: null };
      const oneGroup = groups.length === 3;
      const decimal = oneGroup ? `${sign === '-' ? '-' : ''}${first}.${groups}` : null;
      return { kind: 'ambiguous', shown: showValue(text), thousands: digits, decimal };
    }
  }
  const reading = readDecimalText(t);
  if (reading.kind === 'number') return { kind: 'number', value: reading.value };
  if (reading.kind === 'out-of-range') return { kind: 'out-of-range', shown: showValue(text) };
  if (share) {
    const m = PERCENT_TEXT.exec(t);
    if (m !== null && m[1] !== undefined) {
      const percent = readDecimalText(m[1]);
      if (percent.kind === 'out-of-range') return { kind: 'out-of-range', shown: showValue(text) };
      if (percent.kind === 'number') {
        const fraction = percent.value.dividedBy(100);
        return isDecInRange(fraction) ? { kind: 'number', value: fraction } : { kind: 'out-of-range', shown: showValue(text) };
      }
    }
  }
  return { kind: 'not-a-number', shown: showValue(text) };
}

const SHOWN_MAX = 60;

/** A cell value as people read it in a message: text quoted and shortened, errors and numbers bare. */
export function showValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'string') {
    return `"${shorten(value)}"`;
  }
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (isCellError(value)) return value.error;
  if (isUncalculated(value)) return `=${shorten(value.formula)}`;
  if (isMalformedNumber(value)) return `"${shorten(value.stored)}"`;
  return percentText(value.percent);
}

function shorten(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}
