/// <reference types="office-js" />
/**
 * The report's tables and named figures in the open workbook (the names of workbook/report-tables.ts), kept
 * meaning the same across a Refresh: a formula `XLOOKUP(10527, ABC_PnL[Customer], ABC_PnL[Net profit])`
 * must still find 10527's net profit after the customers changed order and number.
 *
 * Excel rewrites a structured reference when its column is renamed (a header cell edited) and turns it into
 * #REF! when the column or the table is deleted
 * (https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
 * So a refresh in place never deletes and re-adds the table: it reshapes the existing one before the new
 * cells are copied over it. `Table.resize` would be the direct way but needs ExcelApi 1.13, beyond the
 * add-in's 1.9 (manifest.xml); rows are added (`rows.add`, ExcelApi 1.4 for several) and deleted
 * (`TableRow.delete`, 1.1), columns matched by name: those the new layout lacks are deleted, the new ones
 * added at their place with their name (`columns.add`, 1.4), so no kept column ever has its header
 * overwritten with another's name. The temporary sheets carry no table: a table's name is unique in the workbook.
 */
import { nameKey } from '../engine/model';
import { columnKey, keptColumns, namedCellFormula, REPORT_DEFINED_NAMES, sheetOfReference, sheetReportNames, tableRange } from '../workbook/report-tables';
import type { ReportSheet, ReportTable } from '../workbook/report-types';
import type { SyncCounter } from './context';

/** The built-in style both writers give a report table: the lightest, its stripes off, so the report's row styles show. */
const TABLE_STYLE = 'TableStyleLight1';

/** A table of the workbook with one of the report's names, as a refresh finds it. */
export interface ExistingTable {
  name: string;
  sheet: string;
  columns: string[];
  /** Rows under the header. */
  bodyRows: number;
  /** 0-based row of the header and column of the first column. */
  top: number;
  left: number;
  /** Whether the table's own filter hides rows or holds a sort (Table.autoFilter, ExcelApi 1.9): a refresh clears it, and says so. */
  filtered: boolean;
}

/** The workbook's tables and workbook-scoped names that carry one of the report's names. */
export interface ExistingNames {
  tables: ExistingTable[];
  names: Array<{ name: string; formula: string }>;
}

/** Loads the tables and names the report's names are in, in two syncs (one when no table has such a name). */
export async function loadExistingNames(context: Excel.RequestContext, counter: SyncCounter): Promise<ExistingNames> {
  const ours = new Set(REPORT_DEFINED_NAMES.map(nameKey));
  const tables = context.workbook.tables.load('items/name');
  const names = context.workbook.names.load('items/name,items/formula');
  await counter.sync(context);
  const found = tables.items
    .filter((t) => ours.has(nameKey(t.name)))
    .map((t) => ({
      t,
      ws: t.worksheet.load('name'),
      columns: t.columns.load('items/name'),
      range: t.getRange().load('rowIndex,columnIndex,rowCount'),
      filter: t.autoFilter.load('enabled,isDataFiltered'),
    }));
  if (found.length > 0) await counter.sync(context);
  return {
    tables: found.map(({ t, ws, columns, range, filter }) => ({
      name: t.name,
      sheet: ws.name,
      columns: columns.items.map((c) => c.name),
      bodyRows: range.rowCount - 1,
      top: range.rowIndex,
      left: range.columnIndex,
      filtered: filter.enabled && filter.isDataFiltered,
    })),
    names: names.items.filter((n) => ours.has(nameKey(n.name))).map((n) => ({ name: n.name, formula: String(n.formula) })),
  };
}

/**
 * The report's names that a table or name of the user's holds (one not on, or not referring to, a sheet the
 * report owns): the refresh stops rather than take them.
 */
export function takenNames(existing: ExistingNames, sheets: readonly ReportSheet[], ownedSheets: readonly string[]): string[] {
  const wanted = new Set(sheets.flatMap(sheetReportNames).map(nameKey));
  const owned = new Set(ownedSheets.map(nameKey));
  const taken = [
    ...existing.tables.filter((t) => !owned.has(nameKey(t.sheet))).map((t) => t.name),
    ...existing.names.filter((n) => !owned.has(nameKey(sheetOfReference(n.formula) ?? ''))).map((n) => n.name),
  ];
  return taken.filter((n) => wanted.has(nameKey(n)));
}

/** Queues a new report table over its cells, named and styled as the runner writes it. */
export function queueAddTable(ws: Excel.Worksheet, table: ReportTable): void {
  const t = ws.tables.add(tableRange(table), true);
  t.name = table.name;
  t.style = TABLE_STYLE;
  t.showBandedRows = false;
}

/**
 * Queues the reshaping of an existing report table to a new layout's (same header row and first column):
 * its filters cleared (a paste lands in the visible rows only), the columns the layout no longer has
 * deleted, the new ones added at their place under their names, rows added or deleted at the end. The
 * new cells, copied over it afterwards, then write each kept column's own name into its header.
 */
export function queueReshapeTable(ws: Excel.Worksheet, old: ExistingTable, table: ReportTable): void {
  const t = ws.tables.getItem(old.name);
  t.clearFilters();
  const kept = keptColumns(old.columns, table.columns);
  for (const c of old.columns) if (!kept.has(columnKey(c))) t.columns.getItem(c).delete();
  table.columns.forEach((c, i) => {
    if (!kept.has(columnKey(c))) t.columns.add(i, undefined, c);
  });
  const rows = table.lastRow - table.headerRow;
  if (rows > old.bodyRows) t.rows.add(undefined, Array.from({ length: rows - old.bodyRows }, () => table.columns.map(() => '')));
  for (let r = old.bodyRows; r > rows; r--) t.rows.getItemAt(rows).delete();
}

/** The existing table a layout's table reshapes: the one of its name where the layout puts its header. */
function reshaped(table: ReportTable, onSheet: readonly ExistingTable[]): ExistingTable | undefined {
  return onSheet.find((o) => nameKey(o.name) === nameKey(table.name) && o.top === table.headerRow - 1 && o.left === table.firstColumn - 1);
}

/**
 * Before the new cells of a sheet updated in place are copied over it: each existing report table reshaped
 * to the layout's, or deleted when the layout has it elsewhere or not at all (its references show #REF!, as
 * for any table removed).
 */
export function queueReshapeTables(ws: Excel.Worksheet, sheet: ReportSheet, onSheet: readonly ExistingTable[]): void {
  const tables = sheet.tables ?? [];
  for (const old of onSheet) {
    const table = tables.find((t) => reshaped(t, [old]) !== undefined);
    if (table === undefined) ws.tables.getItem(old.name).delete();
    else queueReshapeTable(ws, old, table);
  }
}

/** After the new cells are in place (and the sheet's AutoFilter removed): the layout's tables the sheet did not have, added. */
export function queueMissingTables(ws: Excel.Worksheet, sheet: ReportSheet, onSheet: readonly ExistingTable[]): void {
  for (const table of sheet.tables ?? []) if (reshaped(table, onSheet) === undefined) queueAddTable(ws, table);
}

/** Queues the workbook-scoped names of a sheet's named cells: an existing one pointed at its cell, else added. */
export function queueNamedCells(context: Excel.RequestContext, sheet: ReportSheet, existing: ExistingNames): void {
  const have = new Set(existing.names.map((n) => nameKey(n.name)));
  for (const cell of sheet.namedCells ?? []) {
    const formula = `=${namedCellFormula(sheet.name, cell)}`;
    if (have.has(nameKey(cell.name))) context.workbook.names.getItem(cell.name).formula = formula;
    else context.workbook.names.add(cell.name, formula);
  }
}
