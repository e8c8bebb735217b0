/**
 * Cell XML to the contract's `CellValue`: what the user sees in the cell, never the formula. A number is
 * a date when its cell's number format shows a date or a time, as in Excel.
 */
import type { CellValue } from '../workbook/grid';
import { attributes, decodeCellEscapes, decodeXml, findElement, findElements } from './xml';

/** Excel's built-in number formats that show dates and times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * True when a format code shows a date or a time: a d, m, y, h or s outside quoted text, brackets
 * (`[Red]`, `[$€-413]`, `[h]` elapsed hours aside) and escaped or padding characters.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  // Only the first section decides, as for Excel's own date test; "General" holds none of the letters.
  const first = bare.split(';')[0] ?? '';
  return /[dmyhs]/i.test(first);
}

/** For each cell format (`s` attribute) of the styles part: does it show dates? */
export function dateStyles(stylesXml: string | null): boolean[] {
  if (stylesXml === null) return [];
  const custom = new Map<number, string>();
  const numFmts = findElement(stylesXml, 'numFmts');
  for (const e of findElements(numFmts?.inner ?? '', 'numFmt')) {
    const a = attributes(e.attrs);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const cellXfs = findElement(stylesXml, 'cellXfs');
  return findElements(cellXfs?.inner ?? '', 'xf').map((e) => {
    const id = Number(attributes(e.attrs).get('numFmtId') ?? '0');
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** Excel serial day number to a Date (UTC), the way the runner has always read them. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * The text of a string item (`<si>` of the shared strings or `<is>` of an inline string): its `<t>`
 * elements, rich-text runs included, phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') ? inner.replace(/<([A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/\1?rPh>/g, '') : inner;
  let text = '';
  for (const m of body.matchAll(/<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*?)?(?:\/>|>([^<]*)<)/g)) text += m[1] ?? '';
  return decodeCellEscapes(decodeXml(text));
}

/** What the scanner of a sheet passes for one cell. */
export interface CellXml {
  /** The `t` attribute, '' when absent. */
  type: string;
  /** The `s` attribute as a number, 0 when absent. */
  style: number;
  /** The text of `<v>`, null when the cell has none. */
  value: string | null;
  /** The content of `<is>`, for inline strings. */
  inline: string | null;
}

/** What a cell's value depends on beyond the cell. */
export interface ValueContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Converts a cell. Formula cells give their cached result; a formula with no result is blank. */
export function toCellValue(cell: CellXml, ctx: ValueContext): CellValue {
  const { type, value } = cell;
  switch (type) {
    case 's':
      return value === null ? null : (ctx.sharedStrings[Number(value)] ?? null);
    case 'inlineStr':
      return cell.inline === null ? (value === null ? null : decodeCellEscapes(decodeXml(value))) : stringItemText(cell.inline);
    case 'str':
      return value === null ? null : decodeCellEscapes(decodeXml(value));
    case 'b':
      return value === null ? null : value.trim() === '1' || value.trim() === 'true';
    case 'e':
      return value === null ? null : { error: decodeXml(value).trim() };
    case 'd': {
      if (value === null) return null;
      const d = new Date(value.trim());
      return Number.isNaN(d.getTime()) ? null : d;
    }
    default: {
      if (value === null) return null;
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) return null;
      return ctx.dateStyles[cell.style] === true ? serialToDate(n, ctx.date1904) : n;
    }
  }
}
