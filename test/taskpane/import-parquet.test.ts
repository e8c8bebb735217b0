/**
 * "Import transactions" on Parquet files written by DuckDB: row groups, integer, double and decimal
 * quantities, Dutch column names, progress, a truncated file, and Parquet told by its content.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { bytesSource } from '../../src/taskpane/import/byte-source';
import { importTransactions } from '../../src/taskpane/import/import-file';
import type { ImportOutcome } from '../../src/taskpane/import/import-types';
import { readParquet } from '../../src/taskpane/import/read-parquet';
import { hyparquet } from './load-hyparquet';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abc-parquet-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes the result of `select` to a Parquet file and returns its bytes. */
async function parquetOf(name: string, select: string, rowGroupSize = 100_000): Promise<Uint8Array> {
  const file = path.join(dir, name);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`COPY (${select}) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize})`);
  con.closeSync();
  return new Uint8Array(fs.readFileSync(file));
}

function table(outcome: ImportOutcome): Record<string, string> {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  const v = outcome.volumes;
  return Object.fromEntries(v.cells.map((c) => [`${v.customers[c.customer]}|${v.drivers[c.driver]}`, c.quantity]));
}

describe('reading Parquet transaction files', () => {
  jest.setTimeout(60_000);

  test('Dutch column names, BIGINT quantities over several row groups, other columns ignored, progress per row group', async () => {
    const bytes = await parquetOf(
      'ints.parquet',
      `SELECT DATE '2024-01-01' + (i % 300)::INTEGER AS Datum, 'K' || (i % 3) AS Klant, CASE WHEN i % 2 = 0 THEN 'Orders' ELSE 'Orderregels' END AS Kostendrijver, (i % 5)::BIGINT AS Aantal FROM range(10000) t(i)`,
      2_048,
    );
    const progress: Array<{ rows: number; bytes: number; totalBytes: number }> = [];
    const out = await readParquet(bytesSource(bytes, 'ints.parquet'), hyparquet(), { onProgress: (p) => progress.push(p) });
    // Sum over i < 10000 of i % 5 for each residue class of i mod 6 (customer i % 3, driver i % 2).
    const expected: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const key = `K${i % 3}|${i % 2 === 0 ? 'Orders' : 'Orderregels'}`;
      expected[key] = (expected[key] ?? 0) + (i % 5);
    }
    expect(table(out)).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, String(v)])));
    expect(out.ok && out.volumes.rows).toBe(10_000);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress[progress.length - 1]).toMatchObject({ rows: 10_000 });
    expect(progress[progress.length - 1]?.bytes).toBe(progress[progress.length - 1]?.totalBytes);
  });

  test('DOUBLE 0.1 ten thousand times is exactly 1000; DECIMAL(18,3) and integer ids as text', async () => {
    const doubles = await parquetOf('doubles.parquet', `SELECT 1001 AS Customer, 'Minutes' AS Driver, 0.1::DOUBLE AS Quantity FROM range(10000)`);
    expect(table(await readParquet(bytesSource(doubles, 'd.parquet'), hyparquet()))).toEqual({ '1001|Minutes': '1000' });
    const decimals = await parquetOf('decimals.parquet', `SELECT 'C' AS Customer, 'Kg' AS Driver, 1.234::DECIMAL(18,3) AS Quantity FROM range(3)`);
    expect(table(await readParquet(bytesSource(decimals, 'k.parquet'), hyparquet()))).toEqual({ 'C|Kg': '3.702' });
  });

  test('negative and missing values are bad rows with their line (row number + 1)', async () => {
    const bytes = await parquetOf('bad.parquet', `SELECT * FROM (VALUES ('A', 'Orders', 1.0), ('A', NULL, 2.0), ('A', 'Orders', -3.0)) t(Customer, Driver, Quantity)`);
    const out = await readParquet(bytesSource(bytes, 'bad.parquet'), hyparquet());
    expect(out).toEqual({
      ok: false,
      source: 'bad.parquet',
      problems: [{ code: 'badRows', count: 2 }],
      rows: 3,
      badRowCount: 2,
      badRows: [
        { line: 3, reason: 'driverMissing', value: '' },
        { line: 4, reason: 'negative', value: '-3' },
      ],
    });
  });

  test('a file without Driver names what it has; a truncated file is unreadable; nothing is written', async () => {
    const bytes = await parquetOf('cols.parquet', `SELECT 'A' AS Customer, 1 AS Quantity`);
    const out = await readParquet(bytesSource(bytes, 'cols.parquet'), hyparquet());
    expect(!out.ok && out.problems).toEqual([{ code: 'missingColumns', missing: ['Driver / Kostendrijver'], found: ['Customer', 'Quantity'] }]);
    const whole = await parquetOf('cut.parquet', `SELECT 'A' AS Customer, 'Orders' AS Driver, i AS Quantity FROM range(1000) t(i)`);
    const cut = await importTransactions(bytesSource(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.parquet'), async () => hyparquet());
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.problems[0]?.code).toBe('unreadable');
  });

  test('importTransactions tells Parquet by its content, whatever the name; anything else is CSV', async () => {
    const bytes = await parquetOf('named.parquet', `SELECT 'A' AS Customer, 'Orders' AS Driver, 2 AS Quantity`);
    expect(table(await importTransactions(bytesSource(bytes, 'export.csv'), async () => hyparquet()))).toEqual({ 'A|Orders': '2' });
    const asCsv = await importTransactions(bytesSource(new TextEncoder().encode('Customer,Driver,Quantity\nA,Orders,2\n'), 'x.parquet'), async () => {
      throw new Error('not Parquet');
    });
    expect(table(asCsv)).toEqual({ 'A|Orders': '2' });
  });
});
