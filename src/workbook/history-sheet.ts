/**
 * The hidden sheet that holds `ABC_History` (issue 20), laid out for both writers: the header row and the
 * kept rows as one table named `ABC_History` from A1, marked with the role `history`. The writers hide it
 * (it is data for the Compare view, the runner and the functions, not a page to read) and never touch it on
 * a run that keeps no period.
 */
import { type CellValue, isBlank } from './grid';
import { HISTORY_COLUMNS, HISTORY_TABLE, type HistoryColumn } from './history-layout';
import { showValue } from './cells';
import { reportSheetNames, type ReportLanguage } from './report-text';
import type { CellFormat, ReportCell, ReportSheet } from './report-types';

/** How a column's numbers are shown (the values are written unrounded whatever the format shows). */
const FORMATS: Partial<Record<HistoryColumn, CellFormat>> = {
  Revenue: 'money',
  Discounts: 'money',
  COGS: 'money',
  'Unused capacity': 'money',
  'Direct costs': 'money',
  'Unassigned cost': 'money',
  'Net profit': 'money',
  'Operating profit': 'money',
  Cost: 'money',
  Quantity: 'decimal',
  'Cost per unit': 'rate',
  'Minutes per unit': 'decimal',
  'Cost per minute': 'rate',
};

/** The sheets writing a `history` role hide: `state="hidden"` in the package, Hidden in Office.js. */
export const HIDDEN_ROLES: ReadonlySet<string> = new Set(['history']);

/**
 * A cell of the table as a report cell: text and numbers as they are; anything else a hand edit left in
 * another period's rows (a date, an error value, TRUE) as the text it shows, so the row is kept and the
 * reader still names it.
 */
function cellOf(value: CellValue | undefined, column: HistoryColumn): ReportCell {
  if (value === null || value === undefined || isBlank(value)) return { value: null, format: 'text' };
  if (typeof value === 'number') return { value, format: FORMATS[column] ?? 'text' };
  if (typeof value === 'string') return { value, format: 'text' };
  return { value: typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : showValue(value), format: 'text' };
}

/** The history sheet holding `rows` (body rows in `HISTORY_COLUMNS` order), named in `language`. */
export function historySheet(rows: readonly CellValue[][], language: ReportLanguage = 'en'): ReportSheet {
  return {
    name: reportSheetNames(language).history,
    role: 'history',
    columnWidths: HISTORY_COLUMNS.map((c) => Math.max(10, c.length + 2)),
    freeze: { rows: 1, columns: 0 },
    rows: [
      { style: 'header', cells: HISTORY_COLUMNS.map((c) => ({ value: c, format: 'text' })) },
      ...rows.map((r) => ({ style: 'body' as const, cells: HISTORY_COLUMNS.map((c, i) => cellOf(r[i], c)) })),
    ],
    tables: rows.length === 0 ? [] : [{ name: HISTORY_TABLE, headerRow: 1, lastRow: 1 + rows.length, firstColumn: 1, columns: [...HISTORY_COLUMNS] }],
  };
}
