/**
 * Reads a Parquet transaction file with hyparquet, one row group at a time and only the three columns the
 * contract needs, so memory follows the largest row group, not the file. Integers (INT32, INT64) are
 * exact; a DOUBLE is taken at its shortest decimal, as the contract reads a number cell; text quantities
 * are read as in a CSV file. The library is passed in, so the reading is tested in Node as it runs in the
 * pane's worker.
 */
import type { AsyncBuffer, FileMetaData, ParquetReadOptions } from 'hyparquet';
import type { ByteSource } from './byte-source';
import type { ImportOutcome } from './import-types';
import { ImportCancelled, type ReadOptions } from './read-csv';
import { type FileValue, findLongColumns, VolumeAggregator } from './volume-aggregator';

/** The parts of hyparquet used here. */
export interface ParquetLibrary {
  parquetMetadataAsync(file: AsyncBuffer): Promise<FileMetaData>;
  parquetRead(options: ParquetReadOptions): Promise<void>;
}

function asyncBuffer(source: ByteSource): AsyncBuffer {
  return {
    byteLength: source.size,
    slice: async (start: number, end?: number) => {
      const bytes = await source.read(start, end ?? source.size);
      // hyparquet wants an ArrayBuffer of exactly these bytes.
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
    },
  };
}

/** Reads and aggregates a Parquet file. A file hyparquet cannot read (truncated, not Parquet) is `unreadable`. */
export async function readParquet(source: ByteSource, parquet: ParquetLibrary, options: ReadOptions = {}): Promise<ImportOutcome> {
  const aggregator = new VolumeAggregator(source.name, 'parquet');
  const file = asyncBuffer(source);
  let metadata: FileMetaData;
  try {
    metadata = await parquet.parquetMetadataAsync(file);
  } catch (err) {
    return unreadable(source.name, err, 0);
  }
  // Top-level columns only: the schema's first element is the root.
  const names = metadata.schema.slice(1).filter((e) => e.num_children === undefined || e.num_children === 0).map((e) => e.name);
  const header = findLongColumns(names);
  if (!header.ok) return { ok: false, source: source.name, problems: header.problems, rows: 0, badRowCount: 0, badRows: [] };
  const { customer, driver, quantity } = header.columns;
  const columns = [names[customer] as string, names[driver] as string, names[quantity] as string];

  const total = metadata.row_groups.reduce((n, g) => n + Number(g.total_compressed_size ?? g.total_byte_size), 0);
  let rowStart = 0;
  let bytes = 0;
  for (const group of metadata.row_groups) {
    if (options.signal?.aborted === true) throw new ImportCancelled();
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    try {
      await parquet.parquetRead({ file, metadata, columns, rowStart, rowEnd, rowFormat: 'array', onComplete: (r: unknown[][]) => (rows = r) });
    } catch (err) {
      return unreadable(source.name, err, aggregator.rows);
    }
    rows.forEach((row, i) => {
      // Line 1 is the header, as in a CSV file: data row n is line n + 1.
      aggregator.add(rowStart + i + 2, row[0] as FileValue, row[1] as FileValue, row[2] as FileValue);
    });
    rowStart = rowEnd;
    bytes += Number(group.total_compressed_size ?? group.total_byte_size);
    options.onProgress?.({ rows: aggregator.rows, bytes: Math.min(bytes, total), totalBytes: total });
  }
  return aggregator.finish();
}

function unreadable(source: string, err: unknown, rows: number): ImportOutcome {
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, source, problems: [{ code: 'unreadable', detail }], rows, badRowCount: 0, badRows: [] };
}
