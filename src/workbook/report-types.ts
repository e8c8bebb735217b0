/**
 * The layout description of the report sheets: what each cell holds and how it looks, independent of the
 * host. `report-layout.ts` builds it from a result; the xlsx package writer (src/xlsx) and the Office.js writer
 * both render exactly this, so the runner's and the add-in's sheets cannot drift apart.
 */

/** How a cell's number is shown; each writer maps these to one number format (see `numberFormat`). */
export type CellFormat = 'text' | 'money' | 'percent' | 'integer' | 'decimal' | 'rate';

/** One cell of a report. Text is always written as text, never as a formula. */
export interface ReportCell {
  value: string | number | null;
  format: CellFormat;
}

/** Visual role of a row. */
export type RowStyle = 'title' | 'note' | 'section' | 'header' | 'body' | 'total';

export interface ReportRow {
  style: RowStyle;
  cells: ReportCell[];
}

/**
 * Which report sheet a sheet is, whatever its language: the owner mark carries it (see report-owner.ts),
 * so a re-run in another language finds and renames the sheet instead of adding a second one.
 */
export type ReportRole = 'pnl' | 'rates' | 'summary';

export interface ReportSheet {
  /** Sheet name, at most 31 characters. */
  name: string;
  /** Which report sheet this is; writers that know it mark the sheet with it. */
  role?: ReportRole;
  /** Column widths in Excel character units, left to right. */
  columnWidths: number[];
  /** Rows and columns to freeze (the header block and the id columns). */
  freeze: { rows: number; columns: number };
  rows: ReportRow[];
}
