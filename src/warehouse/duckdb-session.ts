/**
 * The one module that opens DuckDB (embedded, in this process). Queries return plain JSON-like rows:
 * DuckDB's DECIMAL and BIGINT come back as their exact decimal text, never as doubles.
 */
import { tmpdir } from 'os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** One row of a result, each value as DuckDB's JSON rendering gives it (exact text for numbers). */
export type Row = Record<string, unknown>;

/** An open database with one connection. */
export interface DuckSession {
  all(sql: string): Promise<Row[]>;
  /** Column names and DuckDB types of a query's result, without running it over the data. */
  describe(sql: string): Promise<Array<{ name: string; type: string }>>;
  close(): void;
}

/**
 * Opens an in-memory database (a user's database is attached to it read-only: the runner never changes
 * it). The memory limit keeps a GROUP BY over any number of rows inside the runner's budget: DuckDB spills
 * to the temporary folder instead of growing.
 */
export async function openDuck(): Promise<DuckSession> {
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1GB', temp_directory: tmpdir() });
  let connection: DuckDBConnection;
  try {
    connection = await instance.connect();
  } catch (e) {
    instance.closeSync();
    throw e;
  }
  return {
    async all(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson() as Row[];
    },
    async describe(sql) {
      const reader = await connection.runAndReadAll(`DESCRIBE ${sql}`);
      return (reader.getRowObjectsJson() as Row[]).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A string as a SQL literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A name as a SQL identifier. */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
