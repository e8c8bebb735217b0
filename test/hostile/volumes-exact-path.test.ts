/**
 * Issue 16, item 3: --volumes reads exactly the file named — never a glob's matches, never a URL — and
 * an input that is a pipe or a folder is refused with one sentence instead of a hang.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cleanupRunner, expectNoStackTrace, runRunner, sha256File } from './harness';
import { tempDir } from '../xlsx/workbook-files';
import { BOUND, runRefused, volumeLines, volumesBook } from './volumes-fixtures';

afterAll(() => cleanupRunner());

let dir: string;
let cleanup: () => void;
let book: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  book = await volumesBook(dir);
});
afterAll(() => cleanup());

/** Orders of customer 1001 as the report's JSON gives them, after a run that must succeed. */
async function ordersRead(volumes: string): Promise<string> {
  const before = sha256File(volumes);
  const json = join(dir, 'ok.json');
  const r = await runRunner([book, '--volumes', volumes, '--out', join(dir, 'ok.xlsx'), '--json', json], { timeoutMs: 60_000 });
  expectNoStackTrace(r);
  expect(r.code).toBe(0);
  expect(r.ms).toBeLessThan(BOUND.ms);
  expect(r.peakMb).toBeLessThan(BOUND.mb);
  expect(sha256File(volumes)).toBe(before);
  return r.out;
}

it('reads lines[1].csv itself, not lines1.csv, and lines*.csv only when a file has that name', async () => {
  writeFileSync(join(dir, 'lines1.csv'), `Customer,Driver,Quantity\n${volumeLines().join('\n')}\n`);
  writeFileSync(join(dir, 'lines2.csv'), `Customer,Driver,Quantity\n${volumeLines().join('\n')}\n`);
  const bracketed = join(dir, 'lines[1].csv');
  writeFileSync(bracketed, `Customer,Driver,Quantity\n${volumeLines().slice(0, 3).join('\n')}\n`);
  // Three rows from the file named, not six from lines1.csv.
  expect(await ordersRead(bracketed)).toContain('Volumes from lines[1].csv: 3 rows');
  const star = join(dir, 'lines*.csv');
  const r = await runRefused(dir, [book], [book, '--volumes', star]);
  expect(r.err).toBe(`${star} does not exist.\n`);
  writeFileSync(star, `Customer,Driver,Quantity\n${volumeLines().slice(3).join('\n')}\n`);
  expect(await ordersRead(star)).toContain('Volumes from lines*.csv: 3 rows');
});

it('reads a Parquet file with brackets in its name as that file', async () => {
  const csv = join(dir, 'p.csv');
  writeFileSync(csv, `Customer,Driver,Quantity\n${volumeLines().join('\n')}\n`);
  const parquet = join(dir, 'p[1].parquet');
  const decoy = join(dir, 'p1.parquet');
  const { duck } = await import('../warehouse/sample-files');
  await duck([`COPY (SELECT * FROM read_csv('${csv}', all_varchar=true) LIMIT 4) TO '${parquet}' (FORMAT parquet)`]);
  await duck([`COPY (SELECT * FROM read_csv('${csv}', all_varchar=true)) TO '${decoy}' (FORMAT parquet)`]);
  expect(await ordersRead(parquet)).toContain('Volumes from p[1].parquet: 4 rows');
});

it.each(['http://example.com/lines.csv', 's3://bucket/lines.csv'])('refuses the address %s with one sentence', async (url) => {
  const r = await runRefused(dir, [book], [book, '--volumes', url]);
  expect(r.err).toContain(`${url} is an address, not a file on this computer; give the path of a local file.`);
});

it('refuses a pipe as --volumes, as the .sql file and as --db, and a folder, without waiting', async () => {
  const fifo = join(dir, 'pipe.csv');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const sql = join(dir, 'q.sql');
  writeFileSync(sql, 'SELECT 1001 AS Customer');
  for (const args of [['--volumes', fifo], ['--volumes-sql', fifo], ['--volumes-sql', sql, '--db', fifo]]) {
    const r = await runRefused(dir, [book, sql], [book, ...args]);
    expect(r.err).toContain(`${fifo} is not a regular file (a pipe, device or socket?); give the path of a file.`);
  }
  const folder = join(dir, 'folder.csv');
  mkdirSync(folder);
  const r = await runRefused(dir, [book], [book, '--volumes', folder]);
  expect(r.err).toContain(`${folder} cannot be read as a CSV file: it is a folder`);
  const nl = await runRefused(dir, [book], [book, '--volumes', fifo, '--lang', 'nl']);
  expect(nl.err).toContain(`${fifo} is geen gewoon bestand`);
});

it('locks DuckDB to the file named: a neighbour cannot be read even by the runner itself', async () => {
  const { openDuck } = await import('../../src/warehouse/duckdb-session');
  const { globLiteral } = await import('../../src/warehouse/exact-path');
  const named = join(dir, 'only[1].csv');
  const neighbour = join(dir, 'only1.csv');
  writeFileSync(named, 'a\n1\n');
  writeFileSync(neighbour, 'a\n2\n');
  const session = await openDuck();
  try {
    await session.lockDown([named, globLiteral(named)]);
    expect(await session.all(`SELECT a FROM read_csv('${globLiteral(named)}')`)).toEqual([{ a: '1' }]);
    await expect(session.all(`SELECT a FROM read_csv('${neighbour}')`)).rejects.toThrow(/Permission Error/);
    await expect(session.all(`SELECT a FROM read_csv('${named}')`)).rejects.toThrow(/Permission Error/);
    await expect(session.all("SET enable_external_access = true")).rejects.toThrow(/locked/);
  } finally {
    session.close();
  }
});
