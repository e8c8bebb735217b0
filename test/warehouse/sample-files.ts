/**
 * The sample wholesaler's transactions written as files of every kind the runner reads, and the figures
 * a result is compared by. Written with plain Node (and DuckDB's COPY for Parquet), not with the code
 * under test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CostingResult } from '../../src/engine/result';
import { sampleGrids } from '../../src/sample/index';
import type { ContractRangeName } from '../../src/workbook/contract';
import type { RangeGrid } from '../../src/workbook/grid';

/** The sample's ranges without ABC_Volumes, and its volume rows as [customer, driver, quantity]. */
export function sampleParts(): { others: Map<ContractRangeName, RangeGrid>; all: ReadonlyMap<ContractRangeName, RangeGrid>; lines: Array<[string, string, number]> } {
  const all = sampleGrids();
  const volumes = all.get('ABC_Volumes');
  if (volumes === undefined) throw new Error('The sample has no volumes.');
  const [header, ...rows] = volumes.rows;
  const at = (name: string): number => (header ?? []).indexOf(name);
  const lines = rows.map((r): [string, string, number] => [String(r[at('Customer')]), String(r[at('Driver')]), Number(r[at('Quantity')] ?? 0)]);
  const others = new Map(all);
  others.delete('ABC_Volumes');
  return { others, all, lines };
}

/** Every customer's net profit and cost to serve, and the company's operating profit, in cents as text. */
export function figures(result: CostingResult | null): { customers: string[]; operatingProfit: string } {
  if (result === null) throw new Error('no result');
  return {
    customers: result.customers.map((c) => `${c.customer} ${c.costToServe.toFixed(2)} ${c.netProfit.toFixed(2)}`).sort(),
    operatingProfit: result.totals.operatingProfit.toFixed(2),
  };
}

/** A temporary folder, removed by `cleanup`. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'abc-warehouse-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes text as a file and returns its path. */
export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs SQL statements in a fresh DuckDB (for writing Parquet files and databases in tests). */
export async function duck(statements: string[], database = ':memory:'): Promise<void> {
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  try {
    for (const s of statements) await connection.run(s);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A path as a SQL string literal. */
export const literal = (path: string): string => `'${path.replace(/'/g, "''")}'`;
