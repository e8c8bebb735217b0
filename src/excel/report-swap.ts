/// <reference types="office-js" />
/**
 * The swap and the finish of a refresh (steps 2 and 3 in write-report.ts): the owned sheets marked
 * incomplete, the new content copied over them, then A1, marks and names put right and the temporary
 * sheets deleted or renamed into place.
 */
import { nameKey } from '../engine/model';
import { columnLetters } from '../workbook/grid';
import type { ReportSheet } from '../workbook/report-types';
import { INCOMPLETE_NAME, INCOMPLETE_VALUE, OWNER_NAME, TEMP_NAME } from './owner';
import type { Placement } from './report-placements';
import type { SheetInfo } from './report-sheets';
import { type ExistingNames, type ExistingTable, queueMissingTables, queueNamedCells, queueReshapeTables } from './report-tables';
import { autoFilter, freeze, printSetup } from './sheet-format';
import { setColumnWidths } from './write-cells';

/** Excel's last row; whole rows below a report are cleared as `n:1048576`. */
const LAST_ROW = 1_048_576;
/** Excel's number of columns (XFD). */
const LAST_COLUMN = 16_384;

/** Rows and columns of a report sheet's content. */
function extent(sheet: ReportSheet): { rows: number; columns: number } {
  return { rows: sheet.rows.length, columns: Math.max(1, ...sheet.rows.map((r) => r.cells.length)) };
}

/**
 * Swap step 2a: every sheet to update says it is incomplete before any of its cells change. A sheet whose
 * AutoFilter hides rows or holds a sort has its criteria and sort cleared first: Excel pastes over a
 * filtered range into the visible rows only, so the report's rows would land in the wrong places.
 */
export function queueMarkIncomplete(context: Excel.RequestContext, updates: readonly Placement[], notice: string): void {
  for (const p of updates) {
    const owned = p.owned as SheetInfo;
    const ws = context.workbook.worksheets.getItem(owned.name);
    if (owned.filtered) ws.autoFilter.clearCriteria();
    if (!owned.incomplete) ws.names.add(INCOMPLETE_NAME, `=${INCOMPLETE_VALUE}`).visible = false;
    const a1 = ws.getRange('A1');
    a1.numberFormat = [['@']];
    a1.values = [[notice]];
  }
}

/**
 * Clears what an older, larger content left below and right of the new content (rows, columns): values
 * everywhere there, formats only where the old content was (`old`). `clear('All')` on whole rows would also
 * take the conditional formats the user keeps below or beside the report.
 */
export function queueClearBeyond(ws: Excel.Worksheet, rows: number, columns: number, old: { rows: number; columns: number }): void {
  if (rows < LAST_ROW) ws.getRange(`${rows + 1}:${LAST_ROW}`).clear('Contents');
  if (columns < LAST_COLUMN) ws.getRange(`${columnLetters(columns + 1)}:${columnLetters(LAST_COLUMN)}`).clear('Contents');
  if (old.rows > rows) ws.getRangeByIndexes(rows, 0, old.rows - rows, Math.max(columns, old.columns)).clear('Formats');
  if (old.columns > columns) ws.getRangeByIndexes(0, columns, rows, old.columns - columns).clear('Formats');
}

/** Swap step 2b: the new content over the owned sheet (all but A1, which keeps the notice), the rest cleared. */
export function queueCopyContent(context: Excel.RequestContext, p: Placement, tables: readonly ExistingTable[] = []): void {
  const owned = p.owned as SheetInfo;
  const ws = context.workbook.worksheets.getItem(owned.name);
  const from = context.workbook.worksheets.getItem(p.temporary);
  const { rows, columns } = extent(p.sheet);
  // The report's tables keep their names and columns (references by name keep their meaning): reshaped
  // to the new rows and columns before the cells land in them.
  queueReshapeTables(ws, p.sheet, tables);
  queueClearBeyond(ws, rows, columns, owned.extent);
  if (rows > 1) ws.getRangeByIndexes(1, 0, rows - 1, columns).copyFrom(from.getRangeByIndexes(1, 0, rows - 1, columns), 'All');
  if (columns > 1) ws.getRangeByIndexes(0, 1, 1, columns - 1).copyFrom(from.getRangeByIndexes(0, 1, 1, columns - 1), 'All');
  setColumnWidths(ws, p.sheet.columnWidths);
  // Excel refuses freeze panes on a hidden sheet on some builds (office-js#1463): a hidden report sheet
  // keeps the panes it has (its own, from the refresh that wrote it).
  if (owned.visibility === 'Visible') freeze(ws, p.sheet, true);
  // Page settings and the AutoFilter are the sheet's, not its cells': copyFrom does not bring them.
  printSetup(ws, p.sheet);
  autoFilter(ws, p.sheet, true);
  queueMissingTables(ws, p.sheet, tables);
}

/** Swap step 3: A1 back, marks off or renewed, owned sheets renamed, temporary sheets deleted or renamed into place. */
export function queueFinish(context: Excel.RequestContext, placements: readonly Placement[], existing: ExistingNames = { tables: [], names: [] }): void {
  const sheets = context.workbook.worksheets;
  for (const p of placements) {
    if (p.owned === null) continue;
    const ws = sheets.getItem(p.owned.name);
    ws.getRange('A1').copyFrom(sheets.getItem(p.temporary).getRange('A1'), 'All');
    ws.names.getItem(INCOMPLETE_NAME).delete();
    // The role's mark before any rename, so a sheet renamed by a batch that then fails is still found.
    if (p.owned.mark !== `=${p.mark}`) {
      ws.names.getItem(OWNER_NAME).delete();
      ws.names.add(OWNER_NAME, `=${p.mark}`).visible = false;
    }
    if (p.interim !== null) ws.name = p.interim;
    else if (nameKey(p.owned.name) !== nameKey(p.sheet.name)) ws.name = p.sheet.name;
  }
  for (const p of placements) if (p.owned !== null && p.interim !== null) sheets.getItem(p.interim).name = p.sheet.name;
  for (const p of placements) {
    const temp = sheets.getItem(p.temporary);
    if (p.owned !== null) temp.delete();
    else {
      // Renamed first, unmarked after: a failure in between leaves a marked leftover, never an unmarked stray.
      temp.name = p.sheet.name;
      temp.names.getItem(TEMP_NAME).delete();
      // Its tables now: the temporary sheet had none, a table's name being unique in the workbook.
      queueMissingTables(temp, p.sheet, []);
    }
  }
  // The headline figures' names, once every sheet has its final name.
  for (const p of placements) queueNamedCells(context, p.sheet, existing);
}
