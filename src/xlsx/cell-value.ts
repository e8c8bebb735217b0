/**
 * Cell XML to the contract's `CellValue`: what the user sees in the cell, never the formula. A number is
 * a date when its cell's number format shows a date or a time, and a percentage when the format shows
 * one, as in Excel. What a cell cannot honestly give — a formula without a stored result, a number that
 * is not a number — is passed on as such, so the contract can stop with the cell's address.
 */
import type { CellValue } from '../workbook/grid';
import { isDateFormatCode, isPercentFormatCode, serialToDate } from '../workbook/number-formats';
import { MAIN_NS } from './namespaces';
import { parsePart } from './package';
import type { SharedStringTable } from './shared-strings';
import { decodeCellEscapes } from './xml';
import { attr, childNamed, childrenNamed, type XmlElement } from './xml-tree';

/**
 * Excel's built-in number formats that show dates and times (ECMA-376 §18.8.30): 14–22 and 45–47
 * everywhere, and 27–36 and 50–58, which are the era and calendar dates of East-Asian Excel (Japanese,
 * Chinese, Korean, Taiwanese); a workbook from a subsidiary there stores its dates with those ids and no
 * format code.
 */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Built-in percentage formats: `0%` and `0.00%`. */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

export { isDateFormatCode, isPercentFormatCode, serialToDate };

/** How a cell format shows numbers. */
export type NumberLook = 'number' | 'date' | 'percent';

/** For each cell format (`s` attribute) of the styles part: does it show numbers as dates or percentages? */
export function numberLooks(stylesXml: string | null, partName = 'the styles part'): NumberLook[] {
  if (stylesXml === null) return [];
  const root = parsePart(stylesXml, partName);
  const custom = new Map<number, string>();
  for (const e of childrenNamed(childNamed(root, 'numFmts', MAIN_NS), 'numFmt', MAIN_NS)) {
    custom.set(Number(attr(e, 'numFmtId')), attr(e, 'formatCode') ?? '');
  }
  return childrenNamed(childNamed(root, 'cellXfs', MAIN_NS), 'xf', MAIN_NS).map((e) => {
    const id = Number(attr(e, 'numFmtId') ?? '0');
    const code = custom.get(id);
    if (code !== undefined) return isDateFormatCode(code) ? 'date' : isPercentFormatCode(code) ? 'percent' : 'number';
    return BUILTIN_DATE_FORMATS.has(id) ? 'date' : BUILTIN_PERCENT_FORMATS.has(id) ? 'percent' : 'number';
  });
}

const ISO_DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/**
 * An ISO 8601 date cell (`t="d"`) as the calendar date and time it shows, in UTC like every other date
 * the runner reads: `2024-12-31T00:00:00` is 31 December whatever the machine's time zone (JavaScript's
 * `new Date()` would read it as local time). A zone suffix is ignored: a cell has no time zone. Null when
 * the text is no date.
 */
export function isoCellDate(text: string): Date | null {
  const t = text.trim();
  const m = ISO_DATE.exec(t);
  if (m !== null) {
    const [, y, mo, d, h, mi, s, frac] = m;
    const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
    const date = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms));
    date.setUTCFullYear(Number(y));
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
    return date;
  }
  const time = ISO_TIME.exec(t);
  if (time !== null) {
    const [, h, mi, s, frac] = time;
    const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
    return new Date(Date.UTC(1899, 11, 31, Number(h), Number(mi), Number(s ?? 0), ms));
  }
  return null;
}

/** A stored number (`xsd:double`): digits with an optional sign, point and exponent, or INF, -INF, NaN. */
const XSD_DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A stored number as JavaScript reads it, or null when the text is no `xsd:double`. */
function storedNumber(text: string): number | null {
  const t = text.trim();
  if (XSD_DOUBLE.test(t)) return Number(t);
  if (t === 'INF') return Infinity;
  if (t === '-INF') return -Infinity;
  if (t === 'NaN') return NaN;
  return null;
}

/**
 * The text of a string item (`<si>` of the shared strings or `<is>` of an inline string): its `<t>`
 * elements, rich-text runs included, phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function stringItemText(item: XmlElement): string {
  let text = '';
  const visit = (e: XmlElement): void => {
    for (const c of e.children) {
      if (!MAIN_NS.includes(c.uri)) continue;
      if (c.local === 't') text += c.text;
      else if (c.local === 'r') visit(c);
    }
  };
  visit(item);
  return decodeCellEscapes(text);
}

/** What the scanner of a sheet passes for one cell. */
export interface CellXml {
  /** The `t` attribute, '' when absent. */
  type: string;
  /** The `s` attribute as a number, 0 when absent. */
  style: number;
  /** The text of `<v>`, null when the cell has none. */
  value: string | null;
  /** The text of the string item `<is>`, for inline strings; null when there is none. */
  inline: string | null;
  /** The formula's text when the cell has an `<f>` ('' for a shared formula's other cells), else null. */
  formula: string | null;
}

/** What a cell's value depends on beyond the cell. */
export interface ValueContext {
  sharedStrings: SharedStringTable;
  /** How each cell format shows numbers, by the cell's `s`. */
  looks: readonly NumberLook[];
  date1904: boolean;
}

/** Converts a cell. A formula cell gives its stored result; one without a stored result says so. */
export function toCellValue(cell: CellXml, ctx: ValueContext): CellValue {
  const { type, value } = cell;
  // openpyxl writes `<f>450*2</f><v></v>`: an empty value is a result only where text is (t="str").
  const noResult = value === null || (value === '' && type !== 'str' && type !== 'inlineStr');
  if (cell.formula !== null && noResult && !(type === 'inlineStr' && cell.inline !== null)) return { formula: cell.formula };
  switch (type) {
    case 's':
      return value === null ? null : (ctx.sharedStrings.get(Number(value)) ?? null);
    case 'inlineStr':
      return cell.inline ?? (value === null ? null : decodeCellEscapes(value));
    case 'str':
      return value === null ? null : decodeCellEscapes(value);
    case 'b':
      return value === null ? null : value.trim() === '1' || value.trim() === 'true';
    case 'e':
      return value === null ? null : { error: value.trim() };
    case 'd': {
      if (value === null) return null;
      return isoCellDate(value) ?? { stored: value };
    }
    default: {
      if (value === null || value.trim() === '') return null;
      const n = storedNumber(value);
      if (n === null) return { stored: value };
      const look = ctx.looks[cell.style];
      if (look === 'date' && Number.isFinite(n)) return serialToDate(n, ctx.date1904);
      if (look === 'percent') return { percent: n };
      return n;
    }
  }
}
