/// <reference types="office-js" />
/**
 * Writes imported volumes (long form: Customer, Driver, Quantity) onto a new sheet with a note of where
 * they came from beside the table, and points the workbook-scoped name `ABC_Volumes` at the table. The
 * name is set only when the workbook has no `ABC_Volumes` at all, or when the one it has points at the
 * sheet of an earlier import (told by its owner mark, a hidden sheet-scoped name): any other
 * `ABC_Volumes` (a name of the user's, a sheet's own name, a table) stops the import, naming it, and
 * nothing is written. A user's sheet is never overwritten: a sheet already called `ABC Imported volumes`
 * that is not an import's makes the new one `ABC Imported volumes (2)`. The cells go in chunks under the
 * payload limit; Cancel or a failure removes the new sheet, and the name moves only after the last cell.
 */
import { nameKey } from '../engine/model';
import type { ActionOptions, WriteOutcome } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { type WriteCell, setColumnWidths, writeBlock } from './write-cells';
import { removeSheets } from './report-sheets';

/** The hidden sheet-scoped name that marks the sheet of an import, and its value. */
export const IMPORT_OWNER_NAME = 'ABC_ImportOwner';
export const IMPORT_OWNER_VALUE = '"ABC import: volumes"';
/** The name the volumes are written under. */
export const VOLUMES_NAME = 'ABC_Volumes';

/** What to write: the table (headers, then one row per customer and driver) and the note beside it. */
export interface VolumesTable {
  /** The sheet's name (in the pane's language). */
  sheet: string;
  headers: [string, string, string];
  /** Customer, driver and quantity: a number when it is exact as one, else its exact decimal text. */
  rows: Array<[string, string, number | string]>;
  /** Label and value lines of the note, written from column E. */
  note: Array<[string, string | number]>;
}

/** The sheet a reference such as `='My sheet'!$A$1:$C$9` points at, or null. */
export function referencedSheet(formula: string): string | null {
  const text = formula.replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = text.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** A sheet name not in use, Excel comparing them without case. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(nameKey(candidate)); i++) candidate = `${name.slice(0, 26)} (${i})`;
  return candidate;
}

/** Writes the imported volumes; see the module's comment for what it refuses. */
export async function writeVolumes(run: ExcelRun, table: VolumesTable, options: ActionOptions = {}): Promise<WriteOutcome> {
  const counter = new SyncCounter();
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

      // The previous import's sheet keeps its name until the new one is complete.
      const taken = new Set(sheets.items.map((ws) => nameKey(ws.name)));
      const target = freeName(table.sheet, taken);
      const final = previous !== null && nameKey(previous) === nameKey(table.sheet) ? table.sheet : target;
      const width = 3;
      const height = table.rows.length + 1;
      try {
        const ws = context.workbook.worksheets.add(target);
        ws.names.add(IMPORT_OWNER_NAME, `=${IMPORT_OWNER_VALUE}`).visible = false;
        await counter.sync(context);
        const cells: WriteCell[][] = [table.headers, ...table.rows].map((row) => row.map((value) => ({ value, numberFormat: null })));
        const noteCells: WriteCell[][] = table.note.map((row) => row.map((value) => ({ value, numberFormat: null })));
        const total = cells.length + noteCells.length;
        const before = await writeBlock(context, counter, target, cells, { options, stage: 'writing', before: 0, total });
        await writeBlock(context, counter, target, noteCells, { options, stage: 'writing', before, total }, { rowIndex: 0, columnIndex: 4 });
        const sheet = context.workbook.worksheets.getItem(target);
        sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
        sheet.freezePanes.freezeRows(1);
        setColumnWidths(sheet, [24, 24, 16, 4, 18, 40]);
        await counter.sync(context);
      } catch (err) {
        await removeSheets(context, [target]);
        throw err;
      }
      // Name last, so it only ever points at a complete table.
      if (existing !== undefined) context.workbook.names.getItem(existing.name).delete();
      context.workbook.names.add(VOLUMES_NAME, context.workbook.worksheets.getItem(target).getRangeByIndexes(0, 0, height, width));
      if (previous !== null) context.workbook.worksheets.getItem(previous).delete();
      if (final !== target) context.workbook.worksheets.getItem(target).name = final;
      context.workbook.worksheets.getItem(final).activate();
      await counter.sync(context);
      return { sheets: [final], replaced: previous === null ? [] : [previous], syncs: counter.count };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}
