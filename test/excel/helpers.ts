/** Builders of fake workbooks for the gateway tests. */
import { quoteSheet } from '../../src/engine/issues';
import { generateSampleModel, type SampleSheet } from '../../src/sample';
import { columnLetters } from '../../src/workbook/grid';
import { FakeWorkbook } from './fake-excel';

/** The sample model typed into a fake workbook, with a workbook-scoped name over each block. */
export function sampleWorkbook(sheets: readonly SampleSheet[] = generateSampleModel()): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  for (const s of sheets) {
    const ws = book.addSheet(s.sheet);
    ws.setValues('A1', s.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))) as never);
    const width = Math.max(...s.rows.map((r) => r.length));
    book.addName(s.rangeName, `=${quoteSheet(s.sheet)}!$A$1:$${columnLetters(width)}$${s.rows.length}`);
  }
  return book;
}

/** Rows without trailing blanks, as the gateway returns them. */
export function trimmed(rows: ReadonlyArray<ReadonlyArray<unknown>>): unknown[][] {
  return rows.map((r) => {
    const out = r.slice();
    while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
    return out;
  });
}
