/**
 * Issue 16, item 2: a CSV row is never dropped or cut. A line longer than the reader's limit, and a NUL
 * byte, stop the run with their line number (exit status 2) instead of a total short by the row.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { cleanupRunner, expectNoStackTrace, runRunner, sha256File } from './harness';
import { tempDir } from '../xlsx/workbook-files';
import { BOUND, runRefused, volumeLines, volumesBook } from './volumes-fixtures';
import { MAX_CSV_LINE_BYTES } from '../../src/warehouse/csv-limits';

afterAll(() => cleanupRunner());

let dir: string;
let cleanup: () => void;
let book: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  book = await volumesBook(dir);
});
afterAll(() => cleanup());

/** The volume rows with a free-text Note column, and a last row whose note is `note`. */
function withNote(name: string, note: string, quantity = '7'): string {
  const path = join(dir, name);
  const rows = volumeLines().map((l) => `${l},short note`);
  writeFileSync(path, `Customer,Driver,Quantity,Note\n${rows.join('\n')}\n1001,Orders,${quantity},"${note}"\n`);
  return path;
}

it('stops at a last row whose 40 MB note makes its line longer than the limit, naming the line', async () => {
  const lines = withNote('note40.csv', 'y'.repeat(40 * 1024 * 1024));
  const r = await runRefused(dir, [book, lines], [book, '--volumes', lines]);
  expect(r.err).toContain('note40.csv line 8 is longer than 8 MB');
}, 90_000);

it('stops at a line just over the limit, and reads one just under it to the unit', async () => {
  const prefix = '1001,Orders,7,""'.length + 1;
  const over = withNote('over.csv', 'z'.repeat(MAX_CSV_LINE_BYTES - prefix + 2));
  const r = await runRefused(dir, [book, over], [book, '--volumes', over]);
  expect(r.err).toContain('over.csv line 8 is longer than 8 MB');

  const under = withNote('under.csv', 'z'.repeat(MAX_CSV_LINE_BYTES - prefix - 2));
  const before = sha256File(under);
  const ok = await runRunner([book, '--volumes', under, '--out', join(dir, 'under.xlsx')], { timeoutMs: 60_000 });
  expectNoStackTrace(ok);
  expect(ok.code).toBe(0);
  expect(ok.out).toContain('Volumes from under.csv: 7 rows');
  expect(ok.ms).toBeLessThan(BOUND.ms);
  expect(ok.peakMb).toBeLessThan(BOUND.mb);
  expect(sha256File(under)).toBe(before);
}, 120_000);

it('stops at a NUL byte in a customer, naming its line, in English and Dutch', async () => {
  const path = join(dir, 'nul.csv');
  writeFileSync(path, `Customer,Driver,Quantity\n${volumeLines().join('\n')}\n10\u000001,Orders,7\n`);
  const r = await runRefused(dir, [book, path], [book, '--volumes', path]);
  expect(r.err).toContain('nul.csv line 8 contains a NUL byte');
  const nl = await runRefused(dir, [book, path], [book, '--volumes', path, '--lang', 'nl']);
  expect(nl.err).toContain('nul.csv regel 8 bevat een NUL-byte');
});

it('stops at a NUL byte in the quantity and in the driver', async () => {
  const path = join(dir, 'nul2.csv');
  writeFileSync(path, `Customer,Driver,Quantity\n${volumeLines().join('\n')}\n1001,Orders,7\u0000\n1002,Ord\u0000ers,1\n`);
  const r = await runRefused(dir, [book, path], [book, '--volumes', path]);
  expect(r.err).toContain('nul2.csv lines 8 and 9 contain a NUL byte');
});
