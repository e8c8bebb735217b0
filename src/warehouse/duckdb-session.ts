/**
 * The one module that opens DuckDB (embedded, in this process). Queries return plain JSON-like rows:
 * DuckDB's DECIMAL and BIGINT come back as their exact decimal text, never as doubles.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';

/** One row of a result, each value as DuckDB's JSON rendering gives it (exact text for numbers). */
export type Row = Record<string, unknown>;

/** What a user's SQL text is, before it runs: one SELECT, or why it is not. */
export type StatementCheck = { ok: true } | { ok: false; problem: 'none' | 'several' | 'notSelect'; count: number } | { ok: false; problem: 'invalid'; detail: string };

/** An open database with one connection. */
export interface DuckSession {
  /** Runs the runner's own SQL; data (file contents, a user's text) only ever goes in `params`. */
  all(sql: string, params?: readonly string[]): Promise<Row[]>;
  /** Column names and DuckDB types of a query's result, without running it over the data. */
  describe(sql: string): Promise<Array<{ name: string; type: string }>>;
  /** Parses a user's SQL text without running it: how many statements, and whether the one is a SELECT. */
  checkStatement(sql: string): Promise<StatementCheck>;
  /**
   * From here on DuckDB touches no file but what is already attached, the `allowed` paths (exactly these)
   * and its private spill folder, and no setting can be changed back: no ATTACH, COPY, INSTALL or LOAD.
   */
  lockDown(allowed?: readonly string[]): Promise<void>;
  close(): void;
}

/**
 * Opens an in-memory database (a user's database is attached to it read-only: the runner never changes
 * it). The memory limit keeps a GROUP BY over any number of rows inside the runner's budget: DuckDB spills
 * to a temporary folder of its own instead of growing — its own, because DuckDB lets a locked-down query
 * read and write its temporary folder, which must not be the shared one.
 */
export async function openDuck(): Promise<DuckSession> {
  const spill = mkdtempSync(join(tmpdir(), 'abc-duckdb-'));
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(':memory:', {
      memory_limit: '1GB',
      temp_directory: spill,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
  } catch (e) {
    rmSync(spill, { recursive: true, force: true });
    throw e;
  }
  let connection: DuckDBConnection;
  try {
    connection = await instance.connect();
  } catch (e) {
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
    throw e;
  }
  return {
    async all(sql, params = []) {
      const reader = await connection.runAndReadAll(sql, params.length === 0 ? undefined : [...params]);
      return reader.getRowObjectsJson() as Row[];
    },
    async describe(sql) {
      const reader = await connection.runAndReadAll(`DESCRIBE ${sql}`);
      return (reader.getRowObjectsJson() as Row[]).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    },
    checkStatement: (sql) => checkStatement(connection, sql),
    async lockDown(allowed = []) {
      if (allowed.length > 0) await connection.run(`SET allowed_paths = [${allowed.map(sqlString).join(', ')}]`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

async function checkStatement(connection: DuckDBConnection, sql: string): Promise<StatementCheck> {
  // DuckDB's own parser splits the text, so a `;` or a `--` comment at the end is just that.
  if (sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|[\s;]/g, '') === '') return { ok: false, problem: 'none', count: 0 };
  let extracted;
  try {
    extracted = await connection.extractStatements(sql);
  } catch (e) {
    return { ok: false, problem: 'invalid', detail: (e instanceof Error ? e.message : String(e)).replace(/^Failed to extract statements: /, '') };
  }
  if (extracted.count === 0) return { ok: false, problem: 'none', count: 0 };
  if (extracted.count > 1) return { ok: false, problem: 'several', count: extracted.count };
  let prepared;
  try {
    prepared = await extracted.prepare(0);
  } catch (e) {
    return { ok: false, problem: 'invalid', detail: e instanceof Error ? e.message : String(e) };
  }
  try {
    return prepared.statementType === StatementType.SELECT && prepared.parameterCount === 0 ? { ok: true } : { ok: false, problem: 'notSelect', count: 1 };
  } finally {
    prepared.destroySync();
  }
}

/**
 * A string as a SQL literal, for the runner's own names and paths only (data goes in parameters). A NUL
 * would end the text early for DuckDB's parser, so it is refused rather than quoted.
 */
export function sqlString(text: string): string {
  if (text.includes('\u0000')) throw new RangeError('A NUL character cannot be quoted in SQL.');
  return `'${text.replace(/'/g, "''")}'`;
}

/** A name as a SQL identifier (same rule as sqlString for NUL). */
export function sqlName(name: string): string {
  if (name.includes('\u0000')) throw new RangeError('A NUL character cannot be quoted in SQL.');
  return `"${name.replace(/"/g, '""')}"`;
}
