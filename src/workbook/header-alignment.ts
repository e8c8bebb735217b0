/**
 * Header cells over figures stand right, where the figures stand. A header is text and a spreadsheet puts
 * text on the left; in a wide column the header then sits far from its own amount, which seems to belong
 * to the next header (seen on the sample's Cost flow sheet). Both writers render what this marks, so the
 * runner's and the add-in's sheets align alike.
 */
import type { CellFormat, ReportCell, ReportRow, ReportSheet } from './report-types';

const FIGURE_FORMATS: ReadonlySet<CellFormat> = new Set<CellFormat>(['money', 'percent', 'integer', 'decimal', 'rate']);

/** A number shown in a number format: a spreadsheet aligns it right. */
function isFigure(cell: ReportCell): boolean {
  return typeof cell.value === 'number' && FIGURE_FORMATS.has(cell.format);
}

/**
 * The table under the header at `index`: the body rows up to the next row of another style (a total, a
 * section, the next header) or an empty spacer row, which ends a block in every report sheet.
 */
function bodyUnder(rows: readonly ReportRow[], index: number): ReportRow[] {
  const body: ReportRow[] = [];
  for (let r = index + 1; r < rows.length; r++) {
    const next = rows[r] as ReportRow;
    if (next.style !== 'body' || next.cells.every((c) => c.value === null)) break;
    body.push(next);
  }
  return body;
}

/**
 * True when the column holds figures only: at least one, and no text. Blank cells do not count either way
 * (a support pool's own cell in the support matrix); a text among the figures (a note in a money column)
 * shows on the left, so its header stays there too.
 */
function holdsFigures(body: readonly ReportRow[], column: number): boolean {
  let figures = 0;
  for (const r of body) {
    const cell = r.cells[column];
    if (cell === undefined || cell.value === null) continue;
    if (!isFigure(cell)) return false;
    figures++;
  }
  return figures > 0;
}

/** The header row with each labelled cell over a column of figures marked to align right. */
function alignHeaderRow(header: ReportRow, body: readonly ReportRow[]): ReportRow {
  let changed = false;
  const cells = header.cells.map((cell, column): ReportCell => {
    if (cell.value === null || cell.align === 'right' || !holdsFigures(body, column)) return cell;
    changed = true;
    return { ...cell, align: 'right' };
  });
  return changed ? { ...header, cells } : header;
}

/**
 * The sheet with every header cell that stands over a column of figures (money, percent, integer, decimal,
 * rate) marked `align: 'right'`; text columns keep their headers on the left. The sheet given is not
 * changed, and marking a marked sheet again changes nothing. Both writers apply this to every sheet they
 * write, whichever builder made it (report, scenarios, statements).
 */
export function alignHeaders(sheet: ReportSheet): ReportSheet {
  let changed = false;
  const rows = sheet.rows.map((r, index) => {
    if (r.style !== 'header') return r;
    const aligned = alignHeaderRow(r, bodyUnder(sheet.rows, index));
    if (aligned !== r) changed = true;
    return aligned;
  });
  return changed ? { ...sheet, rows } : sheet;
}

/** `alignHeaders` over a list of sheets: the writers' entry. */
export function alignSheetHeaders(sheets: readonly ReportSheet[]): ReportSheet[] {
  return sheets.map(alignHeaders);
}

/** Runs of consecutive cells of a row marked to align right, as 0-based first column and count. */
export function rightAlignedRuns(cells: readonly ReportCell[]): Array<{ column: number; count: number }> {
  const runs: Array<{ column: number; count: number }> = [];
  cells.forEach((cell, column) => {
    if (cell.align !== 'right') return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column + last.count === column) last.count++;
    else runs.push({ column, count: 1 });
  });
  return runs;
}
