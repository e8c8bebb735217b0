/**
 * From DuckDB's positions to the line numbers a user sees in an editor. DuckDB numbers a CSV's records
 * (a quoted field may span lines, a blank line is a record it skips) and `WITH ORDINALITY` numbers the rows
 * it kept; one pass over the file, only when something must be located, turns both into physical lines.
 */
import { createReadStream } from 'fs';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Physical line numbers for records and for kept rows of a CSV file. */
export interface CsvLineMap {
  /** The line where DuckDB's record `record` (1-based, the header is 1) starts. */
  ofRecord: Map<number, number>;
  /** The line where the `row`-th kept data row (1-based, DuckDB's ordinality) starts. */
  ofRow: Map<number, number>;
}

/** A record of the file as the walk meets it. */
interface CsvRecord {
  /** The physical line it starts on (1-based). */
  line: number;
  /** Nothing but line breaks in it (DuckDB skips such a record). */
  blank: boolean;
  /** Its bytes, carriage returns and the line feed that ends it not counted. */
  length: number;
}

/**
 * Walks the file's records once: a record ends at a line feed outside double quotes, so a quoted field may
 * span lines. `visit` is called for every record, the last one only when it holds something, and the walk
 * stops as soon as it returns false.
 */
async function walkRecords(path: string, visit: (record: CsvRecord) => boolean): Promise<void> {
  let line = 1;
  let recordLine = 1;
  let blank = true;
  let length = 0;
  let quoted = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === LF) {
        line++;
        if (!quoted) {
          if (!visit({ line: recordLine, blank, length })) return;
          recordLine = line;
          blank = true;
          length = 0;
          continue;
        }
      } else if (b === QUOTE) {
        quoted = !quoted;
        blank = false;
      } else if (b !== CR) {
        blank = false;
      }
      if (b !== CR) length++;
    }
  }
  if (!blank) visit({ line: recordLine, blank, length });
}

/**
 * Scans the file once. `rejected` are DuckDB's record numbers of the lines it refused, which are not
 * counted as kept rows; `rows` and `records` are the positions wanted.
 */
export async function csvLineMap(path: string, rejected: ReadonlySet<number>, rows: readonly number[], records: readonly number[]): Promise<CsvLineMap> {
  const wantRows = new Set(rows);
  const wantRecords = new Set(records);
  const ofRow = new Map<number, number>();
  const ofRecord = new Map<number, number>();
  const lastRow = rows.length === 0 ? 0 : Math.max(...rows);
  const lastRecord = records.length === 0 ? 0 : Math.max(...records);
  let record = 0;
  let kept = 0;
  await walkRecords(path, ({ line, blank }) => {
    record++;
    if (wantRecords.has(record)) ofRecord.set(record, line);
    if (record > 1 && !blank && !rejected.has(record)) {
      kept++;
      if (wantRows.has(kept)) ofRow.set(kept, line);
    }
    // Every position wanted is found: the rest of the file need not be read.
    return kept < lastRow || record < lastRecord;
  });
  return { ofRecord, ofRow };
}

/**
 * The line where the first record longer than `limit` bytes starts (a quoted field may span lines; the
 * line break is not counted), or null. One pass, made only after DuckDB refused the file.
 */
export async function firstLongRecord(path: string, limit: number): Promise<number | null> {
  let found: number | null = null;
  await walkRecords(path, ({ line, length }) => {
    if (length > limit) found = line;
    return found === null;
  });
  return found;
}
