/**
 * Issue 16, item 9: --volumes-sql runs one SELECT, handed to DuckDB whole (a `--` comment or `;` at the
 * end is fine), never pasted into the runner's SQL; several statements, or anything but a SELECT, are
 * refused; and the --db file stays byte-identical whatever the query tries.
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cleanupRunner, expectNoStackTrace, runRunner, sha256File } from './harness';
import { tempDir } from '../xlsx/workbook-files';
import { duck } from '../warehouse/sample-files';
import { BOUND, runRefused, volumeLines, volumesBook } from './volumes-fixtures';

afterAll(() => cleanupRunner());

let dir: string;
let cleanup: () => void;
let book: string;
let db: string;
const QUERY = 'SELECT customer AS Customer, driver AS Driver, quantity AS Quantity FROM lines';
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  book = await volumesBook(dir);
  db = join(dir, 'sales.duckdb');
  const values = volumeLines().map((l) => l.split(',')).map(([c, d, q]) => `('${c}', '${d}', ${q})`).join(', ');
  await duck([`CREATE TABLE lines (customer VARCHAR, driver VARCHAR, quantity DECIMAL(18,2))`, `INSERT INTO lines VALUES ${values}`], db);
});
afterAll(() => cleanup());

function sqlFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

it.each([
  ['a -- comment at the end', `${QUERY} -- the year's lines`],
  ['a ; and a comment at the end', `${QUERY};\n-- done\n`],
  ['a block comment and a BOM', `\uFEFF/* volumes */ ${QUERY} ;`],
])('runs a query with %s', async (_, text) => {
  const sql = sqlFile('ok.sql', text);
  const before = [sha256File(db), sha256File(sql)];
  const r = await runRunner([book, '--volumes-sql', sql, '--db', db, '--out', join(dir, 'ok.xlsx')], { timeoutMs: 60_000 });
  expectNoStackTrace(r);
  // Six rows of volumes use 0.8% of the Kaplan department's capacity: the one thing said is that warning.
  expect(r.err).toMatch(/^1 warning:\n {2}warning LOW_CAPACITY_USE at Pools!A2 \(ABC_Pools\): [^\n]*\n?$/);
  expect(r.code).toBe(0);
  expect(r.out).toContain('Volumes from ok.sql: 6 rows');
  expect(r.ms).toBeLessThan(BOUND.ms);
  expect(r.peakMb).toBeLessThan(BOUND.mb);
  expect([sha256File(db), sha256File(sql)]).toEqual(before);
});

it.each([
  ['closes the parenthesis to run more', `${QUERY}) AS q; COPY (SELECT 1) TO 'DIR/leak.csv'; SELECT * FROM (SELECT 1`, 'failed: Parser Error: syntax error at or near ")"'],
  ['re-attaches the database read-write', `${QUERY}; USE memory; DETACH abc_source; ATTACH 'DIR/sales.duckdb' AS w; CREATE TABLE w.t AS SELECT 1`, 'holds 5 statements; it must hold exactly one query (one SELECT).'],
  ['is a COPY', `COPY lines TO 'DIR/leak.csv'`, 'file system operations are disabled'],
  ['is an ATTACH', `ATTACH 'DIR/other.duckdb' AS o`, 'is not a query: only one SELECT'],
  ['is a DETACH', 'DETACH abc_source', 'is not a query: only one SELECT'],
  ['is an INSTALL', 'INSTALL httpfs', 'is not a query: only one SELECT'],
  ['is a LOAD', 'LOAD httpfs', 'is not a query: only one SELECT'],
  ['is a SET', "SET enable_external_access = true", 'is not a query: only one SELECT'],
  ['reads a file itself', `SELECT * FROM read_csv('DIR/leak-source.csv')`, 'file system operations are disabled'],
  ['holds only a comment', '-- nothing yet\n', 'holds no query'],
])('refuses a query that %s, and leaves the database as it was', async (_, text, expected) => {
  writeFileSync(join(dir, 'leak-source.csv'), 'Customer,Driver,Quantity\n1001,Orders,1\n');
  // The table is built before the folder exists: DIR stands for it.
  const sql = sqlFile('bad.sql', text.replace(/DIR\//g, `${dir}/`));
  const r = await runRefused(dir, [book, sql, db], [book, '--volumes-sql', sql, '--db', db]);
  expect(r.err).toContain(`${sql} `);
  expect(r.err).toContain(expected);
  expect(existsSync(join(dir, 'leak.csv'))).toBe(false);
  expect(existsSync(join(dir, 'other.duckdb'))).toBe(false);
});

it('says it in Dutch', async () => {
  const sql = sqlFile('twee.sql', `${QUERY}; ${QUERY}`);
  const r = await runRefused(dir, [book, sql, db], [book, '--volumes-sql', sql, '--db', db, '--lang', 'nl']);
  expect(r.err).toContain('bevat 2 opdrachten; het moet precies één query (één SELECT) bevatten.');
});

it('keeps a NUL in a customer out of its own SQL: the line is named, no parser error', async () => {
  const sql = sqlFile('nul.sql', `${QUERY} UNION ALL SELECT '10' || chr(0) || '01', 'Orders', 1`);
  const r = await runRefused(dir, [book, sql, db], [book, '--volumes-sql', sql, '--db', db]);
  expect(r.err).toContain('nul.sql row 7 contains a NUL byte');
});
