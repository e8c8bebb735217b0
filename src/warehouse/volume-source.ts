/**
 * Where volume rows come from: a CSV or Parquet file (`--volumes`), or the result of a query
 * (`--volumes-sql`, on a database given with `--db`). Each becomes the same relation for DuckDB —
 * customer, driver and quantity as text, and the row's position — plus a way to turn positions into the
 * lines or rows a user can find.
 */
import { open, readFile, stat } from 'fs/promises';
import { basename } from 'path';
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { csvLineMap } from './csv-lines';
import { readCsvHeader } from './csv-header';
import { type DuckSession, sqlName, sqlString } from './duckdb-session';
import type { DecimalMark } from './quantity-sql';
import { matchVolumeColumns, type VolumeColumns, type VolumeKey } from './volume-columns';
import { type PlaceUnit, type WarehouseText } from './warehouse-text';

/** What the command line asked for. */
export type VolumeSpec =
  | { kind: 'file'; path: string; decimal: DecimalMark | null }
  | { kind: 'sql'; sqlPath: string; db: string | null; decimal: DecimalMark | null };

/** A problem with the file or query as a whole: one sentence, exit status 2, nothing written. */
export class VolumeSourceError extends Error {}

/** The rows of a source as DuckDB reads them. */
export interface RowSource {
  /** The file's name as locations show it: `lines.csv line 12`. */
  label: string;
  unit: PlaceUnit;
  /**
   * A SELECT giving `customer`, `driver` and `qty` as text, and with `positions` also `pos`, the row's
   * 1-based position (which costs a CSV scan dearly, so only scans that locate problems ask for it).
   * `first` for the first scan, which records the lines that are not rows.
   */
  rows(first: boolean, positions: boolean): string;
  /** True when quantities are text whose decimal mark must be found; false for typed columns. */
  textQuantities: boolean;
  /** The headers as written, for messages. */
  headers: Record<VolumeKey, string>;
  /** After the first scan: stops on lines DuckDB could not read as rows. */
  checkRejects(session: DuckSession): Promise<void>;
  /** Line or row numbers of positions. */
  locate(positions: readonly number[]): Promise<Map<number, number>>;
}

/** A source, or the issues that keep it from being read (missing columns). */
export type OpenedSource = { source: RowSource } | { issues: Issue[] };

const PARQUET_MAGIC = 'PAR1';

/** Opens the source the command line names; throws VolumeSourceError for what cannot be read at all. */
export async function openSource(session: DuckSession, spec: VolumeSpec, t: WarehouseText): Promise<OpenedSource> {
  if (spec.kind === 'sql') return openQuery(session, spec.sqlPath, spec.db, t);
  const kind = await fileKind(spec.path, t);
  return kind === 'parquet' ? openParquet(session, spec.path, t) : openCsv(spec.path, t);
}

async function fileKind(path: string, t: WarehouseText): Promise<'parquet' | 'csv'> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new VolumeSourceError(t.unreadable(path, 'it is a folder'));
    size = info.size;
  } catch (e) {
    if (e instanceof VolumeSourceError) throw e;
    throw new VolumeSourceError(t.notFound(path));
  }
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    await file.read(head, 0, 4, 0);
    if (head.toString('latin1') !== PARQUET_MAGIC) return 'csv';
    // A Parquet file ends with its footer and the magic again; without them it was cut off.
    if (size < 12) throw new VolumeSourceError(t.truncatedParquet(path));
    await file.read(tail, 0, 4, size - 4);
    if (tail.toString('latin1') !== PARQUET_MAGIC) throw new VolumeSourceError(t.truncatedParquet(path));
    return 'parquet';
  } finally {
    await file.close();
  }
}

function missingColumns(label: string, unit: PlaceUnit, columns: VolumeColumns, t: WarehouseText): Issue[] {
  const where = unit === 'line' ? { range: label, value: t.place('line', 1) } : { range: label };
  return columns.missing.map((m) => error('MISSING_COLUMN', msg('missingColumn', { range: label, accepted: m.accepted, reason: 'none' }), where));
}

function headersOf(columns: VolumeColumns): Record<VolumeKey, string> {
  return { customer: columns.header.customer ?? '', driver: columns.header.driver ?? '', quantity: columns.header.quantity ?? '' };
}

async function openCsv(path: string, t: WarehouseText): Promise<OpenedSource> {
  const label = basename(path);
  const header = await readCsvHeader(path);
  const columns = matchVolumeColumns(header.headers);
  if (columns.missing.length > 0) return { issues: missingColumns(label, 'line', columns, t) };
  // Positional names: the file's own headers may repeat or be blank.
  const names = header.headers.map((_, i) => `c${i}`);
  const types = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const col = (key: VolumeKey): string => sqlName(`c${columns.at[key] ?? 0}`);
  const read = (first: boolean): string =>
    `read_csv(${sqlString(path)}, delim=${sqlString(header.delimiter)}, quote='"', escape='"', header=true, auto_detect=false, columns=${types}, ` +
    (first ? `store_rejects=true, rejects_table='abc_rejects', rejects_scan='abc_reject_scans'` : 'ignore_errors=true') +
    ')';
  const source: RowSource = {
    label,
    unit: 'line',
    textQuantities: true,
    headers: headersOf(columns),
    rows: (first, positions) =>
      `SELECT ${col('customer')} AS customer, ${col('driver')} AS driver, ${col('quantity')} AS qty${positions ? ', ordinality AS pos' : ''} ` +
      `FROM ${read(first)}${positions ? ' WITH ORDINALITY' : ''}`,
    async checkRejects(session) {
      const [count] = await session.all('SELECT count(DISTINCT line) AS n FROM abc_rejects');
      const n = Number(count?.n ?? 0);
      if (n === 0) return;
      const first = await session.all('SELECT line, any_value(csv_line) AS text FROM abc_rejects GROUP BY line ORDER BY line LIMIT 20');
      const records = first.map((r) => Number(r.line));
      const map = await csvLineMap(path, new Set(records), [], records);
      const lines = records.map((r) => map.ofRecord.get(r) ?? r);
      const example = `${t.place('line', lines[0] ?? 0)}: ${JSON.stringify(String(first[0]?.text ?? '').slice(0, 80))}`;
      throw new VolumeSourceError(t.garbageLines(label, n, header.headers.length, header.delimiter, t.places('line', lines, n), example));
    },
    async locate(positions) {
      return (await csvLineMap(path, new Set(), positions, [])).ofRow;
    },
  };
  return { source };
}

/** A typed column as the text the contract reads: a whole-number double is its digits (1001, not 1001.0). */
function asText(column: string, type: string): string {
  if (type === 'DOUBLE' || type === 'FLOAT') {
    return `CASE WHEN ${column} = trunc(${column}) AND abs(${column}) < 1e15 THEN CAST(CAST(${column} AS BIGINT) AS VARCHAR) ELSE CAST(${column} AS VARCHAR) END`;
  }
  return `CAST(${column} AS VARCHAR)`;
}

function typedSource(label: string, relation: string, position: string, described: Array<{ name: string; type: string }>, t: WarehouseText): OpenedSource {
  const columns = matchVolumeColumns(described.map((d) => d.name));
  if (columns.missing.length > 0) return { issues: missingColumns(label, 'row', columns, t) };
  const at = (key: VolumeKey): { name: string; type: string } => described[columns.at[key] ?? 0] ?? { name: '', type: 'VARCHAR' };
  const quantity = at('quantity');
  const source: RowSource = {
    label,
    unit: 'row',
    textQuantities: quantity.type === 'VARCHAR',
    headers: headersOf(columns),
    rows: () =>
      `SELECT ${asText(sqlName(at('customer').name), at('customer').type)} AS customer, CAST(${sqlName(at('driver').name)} AS VARCHAR) AS driver, ` +
      `CAST(${sqlName(quantity.name)} AS VARCHAR) AS qty, ${position} AS pos FROM ${relation}`,
    checkRejects: async () => undefined,
    locate: async (positions) => new Map(positions.map((p) => [p, p])),
  };
  return { source };
}

async function openParquet(session: DuckSession, path: string, t: WarehouseText): Promise<OpenedSource> {
  const relation = `read_parquet(${sqlString(path)}, file_row_number=true)`;
  let described;
  try {
    described = (await session.describe(`SELECT * FROM ${relation}`)).filter((d) => d.name !== 'file_row_number');
  } catch (e) {
    throw new VolumeSourceError(t.notParquet(path, firstLine(e)));
  }
  return typedSource(basename(path), relation, 'file_row_number + 1', described, t);
}

async function openQuery(session: DuckSession, sqlPath: string, db: string | null, t: WarehouseText): Promise<OpenedSource> {
  let sql: string;
  try {
    sql = (await readFile(sqlPath, 'utf8')).replace(/^\uFEFF/, '').trim().replace(/;\s*$/, '');
  } catch {
    throw new VolumeSourceError(t.notFound(sqlPath));
  }
  if (db !== null) {
    try {
      await stat(db);
      await session.all(`ATTACH ${sqlString(db)} AS abc_source (READ_ONLY)`);
      await session.all('USE abc_source');
    } catch (e) {
      throw new VolumeSourceError(t.databaseFailed(db, firstLine(e)));
    }
  }
  // Run once into a temporary table: the runner scans the result more than once.
  try {
    await session.all(`CREATE TEMP TABLE abc_query AS SELECT *, row_number() OVER () AS abc_position FROM (${sql}) AS q`);
  } catch (e) {
    throw new VolumeSourceError(t.queryFailed(sqlPath, firstLine(e)));
  }
  const described = (await session.describe('SELECT * FROM temp.abc_query')).filter((d) => d.name !== 'abc_position');
  return typedSource(basename(sqlPath), 'temp.abc_query', 'abc_position', described, t);
}

/** DuckDB's message without its follow-on lines (candidate lists, caret lines). */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split('\n')[0] ?? text).trim().replace(/^Error: /, '');
}
