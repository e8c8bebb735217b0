/**
 * The cost flow sheet through the add-in's Office.js writer on the simulated host: the textbook result
 * (test/engine/first-stage/textbook-model.ts, reciprocal) lands cell for cell as the layout describes it,
 * marked with its role, and a refresh in Dutch renames it in place instead of adding a second sheet.
 */
import { runModel } from '../../src/engine/run';
import { OWNER_NAME, ownerValue } from '../../src/excel/owner';
import { writeReport } from '../../src/excel/write-report';
import { buildReportSheets, numberFormat } from '../../src/workbook/report-layout';
import { textbookModel } from '../engine/first-stage/textbook-model';
import { RECIPROCAL_MATRIX, RECIPROCAL_OPERATING } from '../report/cost-flow-figures';
import { fakeRun } from './fake-excel';
import { sampleWorkbook } from './helpers';

const { result } = runModel(textbookModel());
if (result === null) throw new Error('the textbook model must compute');

describe('the cost flow sheet through the simulated Office.js host', () => {
  test('is written last, with the textbook figures in its cells, money formatted, frozen and marked', async () => {
    const book = sampleWorkbook();
    const sheets = buildReportSheets(result);
    const out = await writeReport(fakeRun(book), sheets, 'EUR');
    expect(out.sheets).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    const ws = book.sheet('ABC Cost flow');
    if (ws === undefined) throw new Error('no cost flow sheet');
    expect(book.hiddenNamesOf('ABC Cost flow')).toEqual([{ name: OWNER_NAME, formula: `=${ownerValue('costFlow')}`, visible: false }]);
    // The support matrix, rows 12 to 15 (reciprocal: Y's 9,000 and Z's 5,800 passed on whole).
    expect(ws.valuesOf('A12:G15')).toEqual(RECIPROCAL_MATRIX);
    // The operating pools and the methods side by side.
    expect(ws.valuesOf('A18:E23')).toEqual(RECIPROCAL_OPERATING);
    expect(ws.valuesOf('A26:F28')).toEqual([
      ['Pool', 'Reciprocal (chosen)', 'Step-down', 'Direct', 'Step-down − Reciprocal', 'Direct − Reciprocal'],
      ['A', 16760, 16461.71, 16772.86, -298.29, 12.86],
      ['B', 22500, 22798.29, 22487.14, 298.29, -12.86],
    ]);
    expect(ws.peek(26, 2)?.numberFormat).toBe(numberFormat('money', 'EUR'));
    expect(ws.frozen).toEqual({ rows: 2, columns: 1 });
    const layout = sheets[4];
    expect(ws.columnWidths.size).toBe(layout?.columnWidths.length);

    // A refresh in Dutch finds the sheet by its mark and renames it: still one cost flow sheet.
    const count = book.sheets.length;
    await writeReport(fakeRun(book), buildReportSheets(result, 'nl'), 'EUR');
    expect(book.sheets.length).toBe(count);
    expect(book.sheet('ABC Cost flow')).toBeUndefined();
    expect(book.sheet('ABC Kostenstroom')?.valuesOf('A12:B12')).toEqual([['Van', 'Y']]);
  });
});
