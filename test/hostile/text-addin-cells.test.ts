/**
 * Issue 16, item 10 (first half), in the add-in's writer: Excel refuses a cell value longer than 32,767
 * characters, and one such value would fail the whole write. The add-in's writer cuts it by the same rule
 * as the report layout (workbook/xml-text.ts), never between the halves of a surrogate pair.
 */
import { SyncCounter } from '../../src/excel/context';
import { type WriteCell, writeBlock } from '../../src/excel/write-cells';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';

it('writes a text longer than a cell holds cut to 32,767 units, keeping a surrogate pair whole', async () => {
  const book = new FakeWorkbook();
  book.addSheet('Report');
  const long = `${'N'.repeat(32_766)}\u{1F600}${'n'.repeat(7_000)}`;
  const rows: WriteCell[][] = [[{ value: long, numberFormat: null }, { value: 'short \u0001', numberFormat: null }]];
  await fakeRun(book)((context) => writeBlock(context, new SyncCounter(), 'Report', rows, { options: {}, stage: 'writing', before: 0, total: 1 }));
  const sheet = book.sheet('Report');
  const a1 = String(sheet?.at('A1')?.value);
  // Compared by length and equality, so a failure does not print 40,000 characters.
  expect(a1.length).toBe(32_766);
  expect(a1 === 'N'.repeat(32_766)).toBe(true);
  expect(sheet?.at('B1')?.value).toBe('short \u0001');
});
