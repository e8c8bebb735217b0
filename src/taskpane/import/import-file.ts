/**
 * "Import transactions": a file to aggregated volumes. Parquet is told by its content (`PAR1`), anything
 * else is read as CSV. Runs in the pane's worker (compute.worker.ts) and inline in tests.
 */
import { type ByteSource, looksLikeParquet } from './byte-source';
import type { ImportOutcome } from './import-types';
import { type ReadOptions, readCsv } from './read-csv';
import { type ParquetLibrary, readParquet } from './read-parquet';

/** Reads and aggregates a transaction file; `parquet` is hyparquet (loaded only where a Parquet file may come). */
export async function importTransactions(source: ByteSource, parquet: () => Promise<ParquetLibrary>, options: ReadOptions = {}): Promise<ImportOutcome> {
  if (await looksLikeParquet(source)) return readParquet(source, await parquet(), options);
  return readCsv(source, options);
}
