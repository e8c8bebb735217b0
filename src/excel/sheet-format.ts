/// <reference types="office-js" />
/**
 * The look of a written report sheet, as the runner's .xlsx writer draws it: row styles, column widths,
 * freeze panes, print setup and the AutoFilter.
 */
import { autoFilterRange, printTitleColumns, printTitleRows } from '../workbook/report-print';
import { rightAlignedRuns } from '../workbook/header-alignment';
import type { ReportRow, ReportSheet, RowStyle } from '../workbook/report-types';
import type { SyncCounter } from './context';
import { setColumnWidths } from './write-cells';

/** Rows whose styling is queued per sync; styling requests are small. */
const STYLE_ROWS_PER_SYNC = 400;

/** Queues the font, fill and borders of one row style, as the runner's .xlsx writer draws them. */
function styleRange(range: Excel.Range, style: RowStyle): void {
  switch (style) {
    case 'title':
      range.format.font.bold = true;
      range.format.font.size = 14;
      break;
    case 'note':
      range.format.font.italic = true;
      range.format.font.color = '#595959';
      break;
    case 'section':
      range.format.font.bold = true;
      range.format.font.size = 12;
      break;
    case 'header': {
      range.format.font.bold = true;
      range.format.fill.color = '#D9E1F2';
      range.format.wrapText = true;
      range.format.verticalAlignment = 'Bottom';
      const edge = range.format.borders.getItem('EdgeBottom');
      edge.style = 'Continuous';
      edge.color = '#808080';
      break;
    }
    case 'total': {
      range.format.font.bold = true;
      const edge = range.format.borders.getItem('EdgeTop');
      edge.style = 'Continuous';
      edge.color = '#808080';
      break;
    }
    case 'body':
      break;
  }
}

/** The columns a row's style covers: the whole row for header and total bands, else the written cells. */
function styledWidth(row: ReportRow): number {
  if (row.style === 'header' || row.style === 'total') return row.cells.length;
  let last = 0;
  row.cells.forEach((c, i) => {
    if (c.value !== null) last = i + 1;
  });
  return last;
}

/**
 * Styles, widths and freeze panes of a written sheet: after the values, in few syncs. A cell the layout
 * aligns right (a header over figures, header-alignment.ts) is aligned with its row's style, in the same sync.
 */
export async function formatSheet(context: Excel.RequestContext, counter: SyncCounter, sheetName: string, sheet: ReportSheet): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  let queued = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] as ReportRow;
    const width = styledWidth(row);
    if (row.style === 'body' || width === 0) continue;
    styleRange(ws.getRangeByIndexes(r, 0, 1, width), row.style);
    for (const run of rightAlignedRuns(row.cells)) ws.getRangeByIndexes(r, run.column, 1, run.count).format.horizontalAlignment = 'Right';
    if (++queued >= STYLE_ROWS_PER_SYNC) {
      await counter.sync(context);
      queued = 0;
    }
  }
  setColumnWidths(ws, sheet.columnWidths);
  freeze(ws, sheet, false);
  printSetup(ws, sheet);
  autoFilter(ws, sheet, false);
  await counter.sync(context);
}

/**
 * Print setup as the layout says: one page wide (Excel's "Fit All Columns on One Page": 0 pages tall is as
 * many as needed) or an orientation at full size, and the rows and columns repeated on every page.
 */
export function printSetup(ws: Excel.Worksheet, sheet: ReportSheet): void {
  if (sheet.printOnePageWide !== undefined) {
    ws.pageLayout.orientation = sheet.printOnePageWide === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  } else if (sheet.printOrientation !== undefined) {
    ws.pageLayout.orientation = sheet.printOrientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (sheet.printPagesWide !== undefined) ws.pageLayout.zoom = { horizontalFitToPages: sheet.printPagesWide, verticalFitToPages: 0 };
  }
  const rows = printTitleRows(sheet);
  if (rows !== null) ws.pageLayout.setPrintTitleRows(rows);
  const columns = printTitleColumns(sheet);
  if (columns !== null) ws.pageLayout.setPrintTitleColumns(columns);
}

/**
 * The AutoFilter over the sheet's table, as the layout says. `replace`: the sheet is an earlier report
 * updated in place, whose filter (over other rows) goes first: a sheet has one AutoFilter.
 */
export function autoFilter(ws: Excel.Worksheet, sheet: ReportSheet, replace: boolean): void {
  if (replace) ws.autoFilter.remove();
  const range = autoFilterRange(sheet);
  if (range !== null) ws.autoFilter.apply(ws.getRange(range));
}

/** Freeze panes of a sheet as the layout says, replacing whatever the sheet had. */
export function freeze(ws: Excel.Worksheet, sheet: ReportSheet, replace: boolean): void {
  const { rows, columns } = sheet.freeze;
  if (replace) ws.freezePanes.unfreeze();
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
}
