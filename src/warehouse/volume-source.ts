/**
 * Where volume rows come from: a CSV or Parquet file (`--volumes`), or the result of a query
 * (`--volumes-sql`, on a database given with `--db`). Each becomes the same relation for DuckDB (see
 * row-source.ts). A file is read as exactly the file named (exact-path.ts); a query runs as one SELECT,
 * handed to DuckDB as a value and never pasted into the runner's SQL, with DuckDB locked down first.
 */
import { open, readFile } from 'fs/promises';
import { basename } from 'path';
import { openCsv } from './csv-source';
import { type DuckSession, sqlName, sqlString } from './duckdb-session';
import { globLiteral, regularFile } from './exact-path';
import type { DecimalMark } from './quantity-sql';
import { firstLine, headersOf, missingColumns, type OpenedSource, type RowSource } from './row-source';
import { matchVolumeColumns, type VolumeKey } from './volume-columns';
import { VolumeSourceError } from './volume-source-error';
import { type WarehouseText } from './warehouse-text';

export { VolumeSourceError } from './volume-source-error';
export { firstLine, type OpenedSource, type RowSource } from './row-source';

/** What the command line asked for. */
export type VolumeSpec =
  | { kind: 'file'; path: string; decimal: DecimalMark | null }
  | { kind: 'sql'; sqlPath: string; db: string | null; decimal: DecimalMark | null };

const PARQUET_MAGIC = 'PAR1';

/** Opens the source the command line names; throws VolumeSourceError for what cannot be read at all. */
export async function openSource(session: DuckSession, spec: VolumeSpec, t: WarehouseText): Promise<OpenedSource> {
  if (spec.kind === 'sql') return openQuery(session, spec.sqlPath, spec.db, t);
  const path = await regularFile(spec.path, t);
  // A second wall behind the glob-proof name: DuckDB may open this one file and no other. It checks both
  // the name it is given and the file that name matches.
  await session.lockDown([path, globLiteral(path)]);
  const kind = await fileKind(path, spec.path, t);
  return kind === 'parquet' ? openParquet(session, path, spec.path, t) : openCsv(path, spec.path, t);
}

async function fileKind(path: string, name: string, t: WarehouseText): Promise<'parquet' | 'csv'> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    await file.read(head, 0, 4, 0);
    if (head.toString('latin1') !== PARQUET_MAGIC) return 'csv';
    // A Parquet file ends with its footer and the magic again; without them it was cut off.
    if (size < 12) throw new VolumeSourceError(t.truncatedParquet(name));
    await file.read(tail, 0, 4, size - 4);
    if (tail.toString('latin1') !== PARQUET_MAGIC) throw new VolumeSourceError(t.truncatedParquet(name));
    return 'parquet';
  } finally {
    await file.close();
  }
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
    explainFailure: async (_session, failure) => new VolumeSourceError(t.unreadable(label, firstLine(failure))),
    locate: async (positions) => new Map(positions.map((p) => [p, p])),
  };
  return { source };
}

async function openParquet(session: DuckSession, path: string, name: string, t: WarehouseText): Promise<OpenedSource> {
  const relation = `read_parquet(${sqlString(globLiteral(path))}, file_row_number=true)`;
  let described;
  try {
    described = (await session.describe(`SELECT * FROM ${relation}`)).filter((d) => d.name !== 'file_row_number');
  } catch (e) {
    throw new VolumeSourceError(t.notParquet(name, firstLine(e)));
  }
  return typedSource(basename(name), relation, 'file_row_number + 1', described, t);
}

async function openQuery(session: DuckSession, sqlPath: string, db: string | null, t: WarehouseText): Promise<OpenedSource> {
  const sql = (await readFile(await regularFile(sqlPath, t), 'utf8')).replace(/^\uFEFF/, '');
  if (db !== null) {
    const database = await regularFile(db, t);
    try {
      await session.all(`ATTACH ${sqlString(database)} AS abc_source (READ_ONLY)`);
      await session.all('USE abc_source');
    } catch (e) {
      throw new VolumeSourceError(t.databaseFailed(db, firstLine(e)));
    }
  }
  // Before the user's text is even parsed: no file but the attached database, no setting changed back.
  await session.lockDown();
  const check = await session.checkStatement(sql);
  if (!check.ok) {
    if (check.problem === 'invalid') throw new VolumeSourceError(t.queryFailed(sqlPath, firstLine(check.detail)));
    throw new VolumeSourceError(check.problem === 'none' ? t.noQuery(sqlPath) : check.problem === 'several' ? t.severalStatements(sqlPath, check.count) : t.notSelect(sqlPath));
  }
  // Run once into a temporary table (the runner scans the result more than once). The text is a value
  // given to DuckDB's query(), which runs one SELECT: it is never part of the runner's own SQL.
  try {
    await session.all('CREATE TEMP TABLE abc_query AS SELECT *, row_number() OVER () AS abc_position FROM query($1)', [sql]);
  } catch (e) {
    throw new VolumeSourceError(t.queryFailed(sqlPath, firstLine(e)));
  }
  const described = (await session.describe('SELECT * FROM temp.abc_query')).filter((d) => d.name !== 'abc_position');
  return typedSource(basename(sqlPath), 'temp.abc_query', 'abc_position', described, t);
}
