/**
 * The header line of a CSV file: which delimiter it uses and what its columns are called. Found from the
 * headers the contract knows rather than by DuckDB's sniffer, which guesses from a sample of rows and can
 * be thrown off by the very garbage lines the runner must report.
 */
import { open } from 'fs/promises';
import { matchVolumeColumns } from './volume-columns';

/** The delimiters a transaction export uses in practice. */
const DELIMITERS = [',', ';', '\t', '|'] as const;
const HEAD_BYTES = 1 << 20;

/** The first record of a CSV file. */
export interface CsvHeader {
  delimiter: string;
  headers: string[];
}

/** Reads the first record of a CSV file (UTF-8, with or without BOM) and picks its delimiter. */
export async function readCsvHeader(path: string): Promise<CsvHeader> {
  const file = await open(path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    text = buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return chooseDelimiter(firstRecord(text));
}

/** The first record, up to the first line break outside quotes. */
export function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

/**
 * The delimiter under which the header names the most contract columns; on a tie the one giving the most
 * fields (a one-column file is read with a comma).
 */
export function chooseDelimiter(record: string): CsvHeader {
  let best: CsvHeader | null = null;
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const headers = splitRecord(record, delimiter);
    const score = matchVolumeColumns(headers).found * 1000 + headers.length;
    if (score > bestScore) {
      best = { delimiter, headers };
      bestScore = score;
    }
  }
  return best ?? { delimiter: ',', headers: [record] };
}

/** Splits one record into fields, honouring double quotes ("" is a quote inside a quoted field). */
export function splitRecord(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i] as string;
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
