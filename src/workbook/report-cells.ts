/**
 * Small builders for report cells and rows, so the sheet layouts read as a list of lines rather than as
 * object literals, and every amount goes through the same conversion.
 */
import { type Dec, ratio, toNumber } from '../engine/decimal';
import type { CellFormat, ReportCell, ReportRow, RowStyle } from './report-types';

/** A text cell; null leaves the cell blank. */
export function text(value: string | null): ReportCell {
  return { value, format: 'text' };
}

/** A money cell from an amount that is already rounded to cents. */
export function money(value: Dec | null): ReportCell {
  return { value: value === null ? null : toNumber(value), format: 'money' };
}

/** A percentage cell holding the fraction (0.25 shows as 25.0%). */
export function percent(value: number | null): ReportCell {
  return { value, format: 'percent' };
}

/** A percentage cell holding `part / whole`, blank when the whole is zero. */
export function share(part: Dec, whole: Dec): ReportCell {
  return percent(ratio(part, whole));
}

/** A whole number (rank, count). */
export function integer(value: number | null): ReportCell {
  return { value, format: 'integer' };
}

/** Minutes, quantities: exact decimals shown with two decimals. */
export function decimal(value: Dec | null): ReportCell {
  return { value: value === null ? null : toNumber(value), format: 'decimal' };
}

/**
 * A driver quantity (orders, order lines, drops): a whole number is a count and shows as one (805, not
 * 805.00); a fractional quantity (kilograms, hours) keeps its two decimals. `whole` decides for a column at
 * once (see `allWhole`), so its figures line up; left out, the value decides for itself.
 */
export function quantity(value: Dec | null, whole: boolean = value === null || value.isInteger()): ReportCell {
  return whole ? { value: value === null ? null : toNumber(value), format: 'integer' } : decimal(value);
}

/** True when every given quantity is a whole number: the column shows counts. */
export function allWhole(values: Iterable<Dec | null>): boolean {
  for (const v of values) if (v !== null && !v.isInteger()) return false;
  return true;
}

/** A cost per unit or per minute, unrounded. */
export function rate(value: Dec | null): ReportCell {
  return { value: value === null ? null : toNumber(value), format: 'rate' };
}

/** A blank cell. */
export function blank(format: CellFormat = 'text'): ReportCell {
  return { value: null, format };
}

/** A row of the given style. */
export function row(style: RowStyle, cells: ReportCell[]): ReportRow {
  return { style, cells };
}

/** A header row: every cell is text. */
export function headerRow(labels: readonly string[]): ReportRow {
  return row('header', labels.map((label) => text(label)));
}

/** An empty spacer row between two blocks. */
export function spacer(): ReportRow {
  return row('body', []);
}

/** Display width a value needs, in Excel character units, as an estimate for column widths. */
function displayLength(cell: ReportCell): number {
  if (cell.value === null) return 0;
  if (typeof cell.value === 'string') return cell.value.length;
  switch (cell.format) {
    case 'money':
      // digits, separators, two decimals, the sign and the currency
      return Math.abs(Math.trunc(cell.value)).toString().length * 4 / 3 + 8;
    case 'percent':
      return 8;
    case 'rate':
      return Math.abs(Math.trunc(cell.value)).toString().length * 4 / 3 + 6;
    default:
      return Math.abs(Math.trunc(cell.value)).toString().length * 4 / 3 + 4;
  }
}

/**
 * Column widths that fit headers and values, within bounds. Titles, notes and section labels are left out:
 * they overflow into the empty cells to their right, as a title in Excel does. With `wrapHeaders`, the
 * values decide and a long header wraps over them, so the header stands over its own figures.
 */
export function fitWidths(rows: readonly ReportRow[], min = 8, max = 48, wrapHeaders = false): number[] {
  const widths: number[] = [];
  for (const r of rows) {
    if (r.style === 'title' || r.style === 'note' || r.style === 'section') continue;
    r.cells.forEach((cell, i) => {
      // A header wraps (both writers wrap header rows), so with `wrapHeaders` it needs only its longest word.
      const length = wrapHeaders && r.style === 'header' && typeof cell.value === 'string' ? Math.max(0, ...cell.value.split(/\s+/).map((w) => w.length)) : displayLength(cell);
      const needed = Math.ceil(length) + 2;
      widths[i] = Math.max(widths[i] ?? min, Math.min(max, needed));
    });
  }
  return Array.from(widths, (w) => w ?? min);
}
