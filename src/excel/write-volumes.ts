/// <reference types="office-js" />
/**
 * Writes imported volumes (long form: Customer, Driver, Quantity) onto a sheet with a note of where they
 * came from beside the table, and points the workbook-scoped name `ABC_Volumes` at the table. The name is
 * set only when the workbook has no `ABC_Volumes` at all, or when the one it has points at the sheet of an
 * earlier import (told by its owner mark, a hidden sheet-scoped name): any other `ABC_Volumes` (a name of
 * the user's, a sheet's own name, a table) stops the import, naming it, and nothing is written. A user's
 * sheet is never overwritten: a sheet already called `ABC Imported volumes` that is not an import's makes
 * the new one `ABC Imported volumes (2)`. A table longer than a sheet (1,048,576 rows) stops the import
 * before anything is written.
 *
 * A re-import updates the earlier import's sheet in place, as a Refresh does its report sheets: the new
 * table is written to a temporary sheet (Cancel or a failure deletes it and the old import is untouched),
 * then copied over the old one in one request, the rows below cleared, the name re-pointed and the
 * temporary sheet deleted. The sheet is never deleted: a user's formula or pivot table over
 * `'ABC Imported volumes'!A:C` keeps working instead of turning into `#REF!`.
 */
import { nameKey } from '../engine/model';
import type { ActionOptions, VolumesTable, WriteOutcome } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { TEMP_NAME } from './owner';
import { removeSheets } from './report-sheets';
import { queueClearBeyond } from './report-swap';
import { freeSheetName, temporaryName } from './sheet-names';
import { SESSION_ID, tempMarkValue } from './temp-mark';
import { type WriteCell, setColumnWidths, writeBlock } from './write-cells';

/** The hidden sheet-scoped name that marks the sheet of an import, and its value. */
export const IMPORT_OWNER_NAME = 'ABC_ImportOwner';
export const IMPORT_OWNER_VALUE = '"ABC import: volumes"';
/** The name the volumes are written under. */
export const VOLUMES_NAME = 'ABC_Volumes';

/** The sheet a reference such as `='My sheet'!$A$1:$C$9` points at, or null. */
export function referencedSheet(formula: string): string | null {
  const text = formula.replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = text.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** Excel's rows per sheet. */
const SHEET_ROWS = 1_048_576;
/** The columns written: the table (A:C), a blank column, the note (E:F). */
const WIDTH = 6;
const COLUMN_WIDTHS = [24, 24, 16, 4, 18, 40];

/** The table's and the note's cells as written. */
function volumeCells(table: VolumesTable): { cells: WriteCell[][]; noteCells: WriteCell[][] } {
  const cell = (value: string | number): WriteCell => ({ value, numberFormat: null });
  return { cells: [table.headers, ...table.rows].map((row) => row.map(cell)), noteCells: table.note.map((row) => row.map(cell)) };
}

/** Writes the table and the note onto a sheet (new, empty), in chunks under the payload limit, header bold. */
async function writeTable(context: Excel.RequestContext, counter: SyncCounter, sheet: string, table: VolumesTable, options: ActionOptions): Promise<void> {
  const { cells, noteCells } = volumeCells(table);
  const total = cells.length + noteCells.length;
  const before = await writeBlock(context, counter, sheet, cells, { options, stage: 'writing', before: 0, total });
  await writeBlock(context, counter, sheet, noteCells, { options, stage: 'writing', before, total }, { rowIndex: 0, columnIndex: 4 });
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.getRangeByIndexes(0, 0, 1, 3).format.font.bold = true;
  await counter.sync(context);
}

/** Writes the imported volumes; see the module's comment for what it refuses. */
export async function writeVolumes(run: ExcelRun, table: VolumesTable, options: ActionOptions = {}): Promise<WriteOutcome> {
  const counter = new SyncCounter();
  // Checked before the first request: Excel would refuse the rows past its last only after a million were written.
  const rows = table.rows.length + 1;
  if (rows > SHEET_ROWS || table.note.length > SHEET_ROWS) throw new GatewayError('tooManyRows', [rows.toLocaleString('en-US')]);
  try {
    return await run(async (context) => {
      const names = context.workbook.names.load('items/name,items/formula');
      const tables = context.workbook.tables.load('items/name');
      const sheets = context.workbook.worksheets.load('items/name');
      await counter.sync(context);
      const sheetNames = sheets.items.map((ws) => ({ sheet: ws.name, names: ws.names.load('items/name,items/formula') }));
      await counter.sync(context);

      const key = nameKey(VOLUMES_NAME);
      const owned = new Set(sheetNames.filter((s) => s.names.items.some((n) => nameKey(n.name) === nameKey(IMPORT_OWNER_NAME))).map((s) => nameKey(s.sheet)));
      const others = [
        ...tables.items.filter((t) => nameKey(t.name) === key).map((t) => `${t.name} (table)`),
        ...sheetNames.flatMap((s) => s.names.items.filter((n) => nameKey(n.name) === key).map((n) => `${s.sheet}!${n.name} ${n.formula}`)),
      ];
      const existing = names.items.find((n) => nameKey(n.name) === key);
      const previous = existing === undefined ? null : referencedSheet(String(existing.formula));
      if (existing !== undefined && (previous === null || !owned.has(nameKey(previous)))) others.unshift(`${existing.name} ${existing.formula}`);
      if (others.length > 0) throw new GatewayError('volumesExist', others);

      const taken = new Set(sheets.items.map((ws) => nameKey(ws.name)));
      const height = table.rows.length + 1;
      if (previous === null) return await writeNew(context, counter, freeSheetName(table.sheet, taken), table, height, existing?.name ?? null, options);
      return await updateInPlace(context, counter, { sheet: previous, taken, existing: existing?.name ?? VOLUMES_NAME }, table, height, options);
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** A first import: the sheet written under its final name, removed again on Cancel or a failure; the name set last. */
async function writeNew(
  context: Excel.RequestContext,
  counter: SyncCounter,
  target: string,
  table: VolumesTable,
  height: number,
  existing: string | null,
  options: ActionOptions,
): Promise<WriteOutcome> {
  try {
    const ws = context.workbook.worksheets.add(target);
    ws.names.add(IMPORT_OWNER_NAME, `=${IMPORT_OWNER_VALUE}`).visible = false;
    await counter.sync(context);
    await writeTable(context, counter, target, table, options);
    const sheet = context.workbook.worksheets.getItem(target);
    sheet.freezePanes.freezeRows(1);
    setColumnWidths(sheet, COLUMN_WIDTHS);
    await counter.sync(context);
  } catch (err) {
    await removeSheets(context, [target]);
    throw err;
  }
  // Name last, so it only ever points at a complete table.
  if (existing !== null) context.workbook.names.getItem(existing).delete();
  context.workbook.names.add(VOLUMES_NAME, context.workbook.worksheets.getItem(target).getRangeByIndexes(0, 0, height, 3));
  context.workbook.worksheets.getItem(target).activate();
  await counter.sync(context);
  return { sheets: [target], replaced: [], syncs: counter.count };
}

/**
 * A re-import over the earlier import's sheet (`previous.sheet`): written to a temporary sheet first, then
 * copied over in one request (see the module comment). A sheet the user hid stays hidden and is not shown;
 * its filter and sort are cleared first (a paste over a filtered range lands in the visible rows only).
 */
async function updateInPlace(
  context: Excel.RequestContext,
  counter: SyncCounter,
  previous: { sheet: string; taken: Set<string>; existing: string },
  table: VolumesTable,
  height: number,
  options: ActionOptions,
): Promise<WriteOutcome> {
  const old = context.workbook.worksheets.getItem(previous.sheet);
  old.load('visibility');
  const filter = old.autoFilter.load('enabled,isDataFiltered');
  const used = old.getUsedRangeOrNullObject(true).load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
  const temp = temporaryName(table.sheet, previous.taken);
  try {
    const ws = context.workbook.worksheets.add(temp);
    ws.names.add(TEMP_NAME, `=${tempMarkValue(options.session ?? SESSION_ID, Date.now())}`).visible = false;
    await counter.sync(context);
    await writeTable(context, counter, temp, table, options);
  } catch (err) {
    await removeSheets(context, [temp]);
    throw err;
  }
  const extent = used.isNullObject ? { rows: 0, columns: 0 } : { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
  const rows = Math.max(height, table.note.length);
  try {
    if (filter.enabled && filter.isDataFiltered) old.autoFilter.clearCriteria();
    const from = context.workbook.worksheets.getItem(temp);
    old.getRangeByIndexes(0, 0, rows, WIDTH).copyFrom(from.getRangeByIndexes(0, 0, rows, WIDTH), 'All');
    context.workbook.names.getItem(previous.existing).delete();
    context.workbook.names.add(VOLUMES_NAME, old.getRangeByIndexes(0, 0, height, 3));
    queueClearBeyond(old, rows, WIDTH, extent);
    setColumnWidths(old, COLUMN_WIDTHS);
    from.delete();
    await counter.sync(context);
  } catch (err) {
    await removeSheets(context, [temp]);
    throw err;
  }
  // The pane's language may name the sheet otherwise: renamed in place (Excel follows a rename) when free.
  let final = previous.sheet;
  if (nameKey(final) !== nameKey(table.sheet) && !previous.taken.has(nameKey(table.sheet))) {
    old.name = table.sheet;
    final = table.sheet;
  }
  if (old.visibility === 'Visible') old.activate();
  await counter.sync(context);
  return { sheets: [final], replaced: [previous.sheet], syncs: counter.count };
}
