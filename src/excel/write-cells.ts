/// <reference types="office-js" />
/**
 * Writes a block of cells onto a worksheet in row chunks: number formats and values of a chunk in one
 * request, with calculation suspended until that chunk's sync. Every string goes into a cell formatted as
 * text (`@`) before its value arrives, because Excel turns a value such as `=1+1`, `+A1`, `-2` or `@x`
 * into a formula or a number otherwise: workbook text is always written as text.
 */
import type { ActionOptions, Stage } from './actions';
import { WRITE_BYTE_BUDGET, WRITE_CELL_BUDGET, type RowSlice, planRowChunks, writeRowBytes } from './chunks';
import { type SyncCounter, syncBatches } from './context';
import { cutCellText } from '../workbook/xml-text';

/** One cell to write: its value and its number format (null: Excel's General). */
export interface WriteCell {
  value: string | number | boolean | null;
  numberFormat: string | null;
}

/** The number format that goes with a value: text is always `@`, so Excel never parses it. */
export function safeFormat(cell: WriteCell | undefined): string {
  if (cell === undefined || cell.value === null) return cell?.numberFormat ?? 'General';
  if (typeof cell.value === 'string') return '@';
  // A number or boolean in a text-formatted cell would become text; keep it a number.
  return cell.numberFormat === null || cell.numberFormat === '@' ? 'General' : cell.numberFormat;
}

/** The value as sent to Excel: null leaves the (new, blank) cell blank. */
function sendValue(cell: WriteCell | undefined): string | number | boolean | null {
  if (cell === undefined || cell.value === '') return null;
  // Excel refuses a longer text, and one such cell fails the whole write: cut by the report's own rule.
  return typeof cell.value === 'string' ? cutCellText(cell.value) : cell.value;
}

/** Where the progress of a block write is reported. */
export interface BlockProgress {
  options: ActionOptions;
  stage: Stage;
  /** Rows written before this block, and in all blocks of the action. */
  before: number;
  total: number;
}

/**
 * Writes `rows` from the top-left cell (0-based `rowIndex`, `columnIndex`) of the worksheet `sheet`.
 * Returns the number of rows written. Chunks hold at most `cellBudget` cells and `byteBudget` estimated
 * request bytes; a chunk Excel still finds too large is split and retried.
 */
export async function writeBlock(
  context: Excel.RequestContext,
  counter: SyncCounter,
  sheet: string,
  rows: ReadonlyArray<ReadonlyArray<WriteCell>>,
  progress: BlockProgress,
  origin: { rowIndex: number; columnIndex: number } = { rowIndex: 0, columnIndex: 0 },
  cellBudget = WRITE_CELL_BUDGET,
  byteBudget = WRITE_BYTE_BUDGET,
): Promise<number> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const allFormats = rows.map((r) => Array.from({ length: width }, (_, c) => safeFormat(r[c])));
  const allValues = rows.map((r) => Array.from({ length: width }, (_, c) => sendValue(r[c])));
  // Chunks by what they weigh as well as by cells: a sheet of long texts goes in more, smaller requests.
  const rowBytes = allValues.map((v, i) => writeRowBytes(v, allFormats[i] as string[]));
  const queue: RowSlice<null>[][] = planRowChunks(rowBytes, width, cellBudget, byteBudget).map((c) => [
    { key: null, start: c.start, rows: c.rows, columns: width, bytes: c.bytes },
  ]);
  let done = 0;
  await syncBatches(
    context,
    counter,
    queue,
    progress.options.signal,
    (batch) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const slice of batch) {
        const formats = allFormats.slice(slice.start, slice.start + slice.rows);
        const values = allValues.slice(slice.start, slice.start + slice.rows);
        context.application.suspendApiCalculationUntilNextSync();
        const range = ws.getRangeByIndexes(origin.rowIndex + slice.start, origin.columnIndex, slice.rows, width);
        // Formats first: the `@` must be in place when the text arrives.
        range.numberFormat = formats;
        range.values = values as Array<Array<string | number | boolean>>;
      }
    },
    (batch) => {
      done += batch.reduce((n, s) => n + s.rows, 0);
      progress.options.onProgress?.({ stage: progress.stage, done: progress.before + done, total: progress.total });
    },
  );
  return rows.length;
}

/** Column widths in Excel's character units to Office.js points (a character is ~7 px, plus 5 px padding; 1 px = 0.75 pt). */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Sets the widths of the first columns of a sheet (queued; the caller syncs). */
export function setColumnWidths(ws: Excel.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = characterWidthToPoints(w);
  });
}
