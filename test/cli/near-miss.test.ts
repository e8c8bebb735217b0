/**
 * Issue 17: a header that resembles a contract header stops the run at its cell instead of becoming a
 * silent dimension, unless the setting Dimensions says it is meant.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { tempDir } from '../xlsx/workbook-files';
import { kaplanWorkbook } from './kaplan-workbook';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

it('stops on Kortingen at its header cell, naming Korting, in English and Dutch', async () => {
  const book = join(dir, 'model.xlsx');
  await kaplanWorkbook(book, { segmentHeader: 'Kortingen' });
  const en = await run([book, '--out', join(dir, 'r.xlsx')]);
  expect(en.code).toBe(1);
  expect(en.err).toContain(
    'ERROR NEAR_MISS_HEADER at Customers!E1 (ABC_Customers): The column "Kortingen" of ABC_Customers is no column of the contract but resembles "Korting"',
  );
  const nl = await run([book, '--lang', 'nl', '--out', join(dir, 'r.xlsx')]);
  expect(nl.code).toBe(1);
  expect(nl.err).toContain('De kolom "Kortingen" van ABC_Customers is geen kolom van het contract maar lijkt op "Korting"');
});

it('runs with Dimensions = Kortingen, and keeps it as a dimension', async () => {
  const book = join(dir, 'model.xlsx');
  const json = join(dir, 'r.json');
  await kaplanWorkbook(book, { segmentHeader: 'Kortingen', settings: [['Dimensions', 'Kortingen']] });
  const r = await run([book, '--out', join(dir, 'r.xlsx'), '--json', json]);
  expect(r.code).toBe(0);
  const result = JSON.parse(readFileSync(json, 'utf8')) as { customers: Array<{ customer: string; dimensions: Record<string, unknown> }> };
  expect(result.customers.find((c) => c.customer === '1001')?.dimensions).toEqual({ Kortingen: 'Retail' });
});
