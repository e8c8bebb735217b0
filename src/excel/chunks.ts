/**
 * Chunk planning, kept free of Office.js so it can be tested alone. Excel on the web refuses a request or a
 * response over 5 MB. Reads are planned in cells: what a cell will weigh is known only once it has been
 * read, so a response that still comes out too large is split and read again. Writes are planned in bytes:
 * every value and number format that goes out is known, so each write request is estimated as the JSON it
 * travels as (UTF-8, with the separators of every cell and row and the envelope of every range) and kept
 * well under the limit, so a sheet of long texts never sends a request Excel has to refuse.
 */

/** What Excel on the web accepts in one request, and returns in one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Cells read in one sync: ~60,000 cells of values and value types are ~2 MB of JSON for typical data. */
export const READ_CELL_BUDGET = 60_000;

/** Cells written in one sync: values plus number formats, ~1.5 MB for typical reports. */
export const WRITE_CELL_BUDGET = 25_000;

/**
 * Estimated bytes of one write request: under half the limit, because the estimate is of the JSON we
 * build, not of Office's own envelope around it.
 */
export const WRITE_BYTE_BUDGET = 2 * 1024 * 1024;

/** The separators of one cell in the two matrices a write sends (values and number formats). */
export const CELL_OVERHEAD_BYTES = 2;

/** The brackets and separators of one row in the two matrices. */
export const ROW_OVERHEAD_BYTES = 6;

/**
 * The envelope of one range written: the object path of `getRangeByIndexes` with its arguments, the two
 * property sets and the calculation suspension, each with ids and names, as Office.js encodes them.
 */
export const RANGE_OVERHEAD_BYTES = 1_024;

/**
 * A response estimate per cell read, for deciding whether a batch is large: a value, its value type and
 * perhaps its number format with their separators.
 */
export const READ_BYTES_PER_CELL = 40;

/**
 * A batch at least this large that Excel answers with GeneralException is taken to be too large (Excel
 * desktop can answer so to a big request) and split; a smaller one failed for another reason.
 */
export const SPLIT_ON_GENERAL_EXCEPTION_BYTES = 256 * 1024;

/** A block of rows to read or write: `rows` rows of `columns` columns starting at row `start` (0-based, within its block). */
export interface RowSlice<K> {
  key: K;
  start: number;
  rows: number;
  columns: number;
  /** Estimated bytes of its request (writes) or response (reads); estimated from its cells when absent. */
  bytes?: number;
}

/** The length of a string in UTF-8, as it travels. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one character of four bytes.
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The bytes a value takes as JSON (strings quoted and escaped), in UTF-8. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  return utf8Length(JSON.stringify(value));
}

/** Estimated request bytes of one row written: its values and number formats with their separators. */
export function writeRowBytes(values: readonly unknown[], formats: readonly unknown[]): number {
  let n = ROW_OVERHEAD_BYTES;
  for (const v of values) n += jsonBytes(v) + CELL_OVERHEAD_BYTES / 2;
  for (const f of formats) n += jsonBytes(f) + CELL_OVERHEAD_BYTES / 2;
  return n;
}

/** Estimated bytes of a batch: its slices' own estimates, or their cells at the read estimate. */
export function batchBytes<K>(batch: readonly RowSlice<K>[]): number {
  return batch.reduce((n, s) => n + (s.bytes ?? s.rows * Math.max(1, s.columns) * READ_BYTES_PER_CELL), 0);
}

/** Rows that fit the budget for a block of `columns` columns; at least one. */
export function rowsPerChunk(columns: number, cellBudget: number): number {
  return Math.max(1, Math.floor(cellBudget / Math.max(1, columns)));
}

/**
 * Cuts rows of `columns` columns into consecutive chunks of at most `cellBudget` cells and at most
 * `byteBudget` estimated bytes (`rowBytes[i]` for row i, plus one range envelope per chunk). A single row
 * over the byte budget goes alone: it cannot be cut.
 */
export function planRowChunks(
  rowBytes: readonly number[],
  columns: number,
  cellBudget: number,
  byteBudget: number,
): Array<{ start: number; rows: number; bytes: number }> {
  const maxRows = rowsPerChunk(columns, cellBudget);
  const chunks: Array<{ start: number; rows: number; bytes: number }> = [];
  let start = 0;
  let bytes = RANGE_OVERHEAD_BYTES;
  for (let i = 0; i < rowBytes.length; i++) {
    const row = rowBytes[i] as number;
    const rows = i - start;
    if (rows > 0 && (rows >= maxRows || bytes + row > byteBudget)) {
      chunks.push({ start, rows, bytes });
      start = i;
      bytes = RANGE_OVERHEAD_BYTES;
    }
    bytes += row;
  }
  if (rowBytes.length > start) chunks.push({ start, rows: rowBytes.length - start, bytes });
  return chunks;
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

/**
 * Splits a batch in two halves by cells (a single slice by rows, its estimate shared out by rows), for a
 * retry after "too large". A batch of one row cannot be split: it comes back whole, alone.
 */
export function splitBatch<K>(batch: readonly RowSlice<K>[]): RowSlice<K>[][] {
  if (batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    return [batch.slice(0, half), batch.slice(half)];
  }
  const only = batch[0];
  if (only === undefined || only.rows <= 1) return [batch.slice()];
  const top = Math.ceil(only.rows / 2);
  const share = (rows: number): Pick<RowSlice<K>, 'bytes'> => (only.bytes === undefined ? {} : { bytes: Math.ceil((only.bytes * rows) / only.rows) });
  return [
    [{ ...only, rows: top, ...share(top) }],
    [{ ...only, start: only.start + top, rows: only.rows - top, ...share(only.rows - top) }],
  ];
}
