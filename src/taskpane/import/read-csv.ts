/**
 * Reads a CSV transaction file in slices, never whole: each slice's bytes are decoded as UTF-8 with a
 * streaming decoder (a character split between slices is joined again, a byte order mark dropped) and fed
 * to papaparse, which carries a partial line over to the next slice, guesses the delimiter (`,` `;` tab
 * `|`) from the first one and honours quoted fields. Progress after every slice; Cancel between slices.
 */
import Papa from 'papaparse';
import type { ByteSource } from './byte-source';
import { type ImportOutcome, type ImportProgress } from './import-types';
import { findLongColumns, VolumeAggregator } from './volume-aggregator';

/** Bytes read per slice: small enough for frequent progress, large enough that papaparse's per-chunk cost vanishes. */
export const CSV_SLICE_BYTES = 1 << 20;

/** Thrown when the import was cancelled. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
  constructor() {
    super('The import was cancelled.');
  }
}

/** Options of a read. */
export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  sliceBytes?: number;
}

/** The events papaparse listens to on a Node-style readable, which is how it takes text pushed to it. */
type Listener = (chunk?: string | Error) => void;

/** A minimal readable that papaparse's ReadableStreamStreamer accepts; `push` and `end` drive it. */
class TextFeed {
  readonly readable = true;
  private readonly listeners = new Map<string, Listener>();
  read(): null {
    return null;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  removeListener(event: string): this {
    this.listeners.delete(event);
    return this;
  }
  pause(): void {}
  resume(): void {}
  push(text: string): void {
    this.listeners.get('data')?.(text);
  }
  end(): void {
    this.listeners.get('end')?.();
  }
}

/** Reads and aggregates a CSV file. */
export async function readCsv(source: ByteSource, options: ReadOptions = {}): Promise<ImportOutcome> {
  const aggregator = new VolumeAggregator(source.name, 'csv');
  const sliceBytes = options.sliceBytes ?? CSV_SLICE_BYTES;
  let header: ReturnType<typeof findLongColumns> | null = null;
  let line = 0;
  let failure: string | null = null;
  const feed = new TextFeed();
  let started = false;
  let opening = '';
  // The delimiter is told from the header line, which may span several slices, so papaparse starts once it is whole.
  const start = (): void => {
    started = true;
    Papa.parse<string[]>(feed as unknown as Papa.LocalFile, {
      delimiter: guessDelimiter(opening),
      newline: newlineOf(opening),
      header: false,
      // Quotes are honoured in every chunk, also one with no quote of its own (the inside of a long quoted field).
      fastMode: false,
      skipEmptyLines: false,
      // Every field as text: quantities are read exactly here, ids keep their leading zeros.
      dynamicTyping: false,
      chunk: (results: Papa.ParseResult<string[]>) => {
        for (const row of results.data) {
          line += 1;
          if (header === null) {
            header = findLongColumns(row);
            continue;
          }
          if (!header.ok) continue;
          const { customer, driver, quantity } = header.columns;
          aggregator.add(line, row[customer], row[driver], row[quantity]);
        }
      },
      error: (err: Error) => {
        failure = err.message;
      },
      complete: () => undefined,
    });
    feed.push(opening);
  };
  const push = (text: string): void => {
    if (started) feed.push(text);
    else {
      opening += text;
      // A lone \r at the end may be the first half of \r\n.
      if (/\n|\r[^]/.test(opening)) start();
    }
  };
  const decoder = new TextDecoder('utf-8');
  for (let from = 0; from < source.size; from += sliceBytes) {
    if (options.signal?.aborted === true) throw new ImportCancelled();
    const end = Math.min(source.size, from + sliceBytes);
    const bytes = await source.read(from, end);
    push(decoder.decode(bytes, { stream: true }));
    options.onProgress?.({ rows: aggregator.rows, bytes: end, totalBytes: source.size });
  }
  if (options.signal?.aborted === true) throw new ImportCancelled();
  push(decoder.decode());
  if (!started && opening !== '') start();
  if (started) feed.end();
  const found = header as ReturnType<typeof findLongColumns> | null;
  if (failure !== null) return refused(source.name, aggregator.rows, { code: 'unreadable', detail: failure });
  if (found === null) return refused(source.name, 0, { code: 'noRows' });
  if (!found.ok) return { ok: false, source: source.name, problems: found.problems, rows: 0, badRowCount: 0, badRows: [] };
  return aggregator.finish();
}

/** The line break of the file, told from its first one (papaparse would guess again in every chunk). */
function newlineOf(opening: string): '\r\n' | '\r' | '\n' {
  const m = /\r\n|\r|\n/.exec(opening);
  return m === null ? '\n' : (m[0] as '\r\n' | '\r' | '\n');
}

/** The delimiter of a header line: the most frequent of `,` `;` tab `|` outside quotes (`,` when none is there). */
export function guessDelimiter(opening: string): string {
  const firstLine = opening.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [ch, n] of counts) {
    if (n > most) {
      best = ch;
      most = n;
    }
  }
  return best;
}

function refused(source: string, rows: number, problem: Extract<ImportOutcome, { ok: false }>['problems'][number]): ImportOutcome {
  return { ok: false, source, problems: [problem], rows, badRowCount: 0, badRows: [] };
}
