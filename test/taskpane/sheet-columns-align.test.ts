/**
 * A header's alignment crosses from the worker with its sheet (sheet-columns.ts): the sample's sheets with
 * their headers over figures marked right read back equal, mark for mark.
 */
import { analyseWorkbook } from '../../src/workbook/analyse';
import { alignSheetHeaders } from '../../src/workbook/header-alignment';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { packSheets, unpackSheets } from '../../src/taskpane/sheet-columns';
import type { ReportSheet } from '../../src/workbook/report-types';
import { sampleGrids } from '../../src/sample';

test('headers marked right read back marked, and nothing else gains a mark', () => {
  const result = analyseWorkbook(sampleGrids()).result;
  if (result === null) throw new Error('the sample must compute');
  const sheets = alignSheetHeaders(buildReportSheets(result, 'nl'));
  const marks = (list: readonly ReportSheet[]): string[] =>
    list.flatMap((s) => s.rows.flatMap((r, i) => r.cells.flatMap((c, j) => (c.align === 'right' ? [`${s.name}!R${i + 1}C${j + 1}`] : []))));
  const back = unpackSheets(structuredClone(packSheets(sheets).packed));
  expect(back).toEqual(sheets);
  expect(marks(back)).toEqual(marks(sheets));
  expect(marks(sheets).length).toBeGreaterThan(20);
  // A figure or a blank may be marked too (a writer aligns what the layout says): the tag carries it for any kind.
  const odd: ReportSheet = { name: 'X', columnWidths: [], freeze: { rows: 0, columns: 0 }, rows: [{ style: 'body', cells: [{ value: -0, format: 'rate', align: 'right' }, { value: null, format: 'money', align: 'right' }] }] };
  const [again] = unpackSheets(structuredClone(packSheets([odd]).packed));
  expect(again).toEqual(odd);
  expect(Object.is(again?.rows[0]?.cells[0]?.value, -0)).toBe(true);
});
