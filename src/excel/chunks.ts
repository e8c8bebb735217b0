/**
 * Chunk planning, kept free of Office.js so it can be tested alone. Excel on the web refuses a request or a
 * response over 5 MB; a cell costs a few dozen bytes of JSON (value, type or number format), so a budget
 * in cells keeps every sync far below the limit while a small model still goes in one sync.
 */

/** Cells read in one sync: ~60,000 cells of values and value types are ~2 MB of JSON for typical data. */
export const READ_CELL_BUDGET = 60_000;

/** Cells written in one sync: values plus number formats, ~1.5 MB for typical reports. */
export const WRITE_CELL_BUDGET = 25_000;

/** A block of rows to read or write: `rows` rows of `columns` columns starting at row `start` (0-based, within its block). */
export interface RowSlice<K> {
  key: K;
  start: number;
  rows: number;
  columns: number;
}

/** Rows that fit the budget for a block of `columns` columns; at least one. */
export function rowsPerChunk(columns: number, cellBudget: number): number {
  return Math.max(1, Math.floor(cellBudget / Math.max(1, columns)));
}

/**
 * Cuts blocks into row slices of at most `cellBudget` cells and packs consecutive slices into batches of at
 * most `cellBudget` cells, so several small ranges share one sync and a large one spans several.
 */
export function planBatches<K>(blocks: ReadonlyArray<{ key: K; rows: number; columns: number }>, cellBudget: number): RowSlice<K>[][] {
  const batches: RowSlice<K>[][] = [];
  let current: RowSlice<K>[] = [];
  let cells = 0;
  for (const block of blocks) {
    const columns = Math.max(1, block.columns);
    let start = 0;
    while (start < block.rows) {
      // Fill what is left of the current batch; a fresh batch takes a full chunk (at least one row).
      let fits = Math.floor((cellBudget - cells) / columns);
      if (fits < 1 && current.length > 0) {
        batches.push(current);
        current = [];
        cells = 0;
        fits = rowsPerChunk(columns, cellBudget);
      }
      const rows = Math.min(Math.max(1, fits), block.rows - start);
      current.push({ key: block.key, start, rows, columns: block.columns });
      cells += rows * columns;
      start += rows;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits a batch in two halves by cells (a single slice by rows), for a retry after "payload too large". */
export function splitBatch<K>(batch: readonly RowSlice<K>[]): RowSlice<K>[][] {
  if (batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    return [batch.slice(0, half), batch.slice(half)];
  }
  const only = batch[0];
  if (only === undefined || only.rows <= 1) return [batch.slice()];
  const top = Math.ceil(only.rows / 2);
  return [[{ ...only, rows: top }], [{ ...only, start: only.start + top, rows: only.rows - top }]];
}
