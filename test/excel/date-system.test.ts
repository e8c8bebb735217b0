/**
 * Workbooks on the 1904 date system in the add-in: Excel stores 31 March 2024 as 43920 there (45382 in the
 * 1900 system). The add-in asks Excel for DATE(1904,1,1) in the read's first sync (no extra round trip):
 * 0 means 1904, 1462 means 1900. Should Excel answer anything else, dates are read as 1900 ones and, when
 * the model holds a date at all, DATE_SYSTEM_UNKNOWN warns at the first date cell.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { readModel } from '../../src/excel/read-model';
import { quoteSheet } from '../../src/engine/issues';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { stringsFor } from '../../src/taskpane/i18n';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { columnLetters } from '../../src/workbook/grid';
import { validGrids } from '../workbook/contract-fixtures';
import { dateSerial, fakeRun, FakeWorkbook } from './fake-excel';

const MARCH_31_1904 = dateSerial(new Date(Date.UTC(2024, 2, 31))) - 1462;
const JANUARY_15_2019_1904 = dateSerial(new Date(Date.UTC(2019, 0, 15))) - 1462;

/** The contract fixture's model with a date-formatted Period (Settings!B3) and a dimension of dates (Customers!H2:H3). */
function bookWithDates(date1904: boolean, functionError: string | null = null, dates = true): FakeWorkbook {
  const book = new FakeWorkbook();
  book.date1904 = date1904;
  book.functionError = functionError;
  const shift = date1904 ? 0 : 1462;
  for (const [name, g] of validGrids()) {
    const rows = g.rows.map((r) => [...r]);
    if (dates && name === 'ABC_Settings') rows[2] = ['Period', MARCH_31_1904 + shift];
    if (dates && name === 'ABC_Customers') {
      rows[0]?.push('Customer since');
      rows[1]?.push(JANUARY_15_2019_1904 + shift);
      rows[2]?.push(null);
    }
    const ws = book.addSheet(g.sheet);
    ws.setValues('A1', rows as never);
    const width = Math.max(...rows.map((r) => r.length));
    book.addName(name, `=${quoteSheet(g.sheet)}!$A$1:$${columnLetters(width)}$${rows.length}`);
  }
  if (dates) {
    book.sheet('Settings')?.setNumberFormat('B3', 'd-m-yyyy');
    book.sheet('Customers')?.setNumberFormat('H2:H3', 'dd-mm-yyyy');
  }
  return book;
}

describe('the 1904 date system in the add-in', () => {
  test('a 1904 workbook: the dates shown, in the same number of syncs', async () => {
    const book = bookWithDates(true);
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Settings')?.rows[2]).toEqual(['Period', new Date(Date.UTC(2024, 2, 31))]);
    expect(out.grids.get('ABC_Customers')?.rows[1]?.[7]).toEqual(new Date(Date.UTC(2019, 0, 15)));
    expect(MARCH_31_1904).toBe(43920);
    expect(out.issues).toEqual([]);
    const result = analyseWorkbook(out.grids).result;
    expect(result?.settings.period).toBe('2024-03-31');
    expect(result?.customers.find((c) => c.customer === '1001')?.dimensions).toContainEqual(['Customer since', '2019-01-15']);
    const plain = bookWithDates(false);
    expect(out.syncs).toBe((await readModel(fakeRun(plain))).syncs);
  });

  test('a 1900 workbook: its own serials give the same dates', async () => {
    const book = bookWithDates(false);
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Settings')?.rows[2]).toEqual(['Period', new Date(Date.UTC(2024, 2, 31))]);
    expect(out.issues).toEqual([]);
  });

  test('Excel answers DATE(1904,1,1) with an error: read as 1900, said at the first date', async () => {
    const book = bookWithDates(true, '#VALUE!');
    const out = await readModel(fakeRun(book));
    // 43920 as a 1900 date: four years and a day early.
    expect(out.grids.get('ABC_Settings')?.rows[2]).toEqual(['Period', new Date(Date.UTC(2020, 2, 30))]);
    expect(out.issues.map((i) => [i.severity, i.code, i.where])).toEqual([
      ['warning', 'DATE_SYSTEM_UNKNOWN', { range: 'ABC_Customers', sheet: 'Customers', cell: 'H2', value: '2015-01-14' }],
    ]);
    expect(out.issues[0]?.message).toBe(
      "Dates are read as in the 1900 date system: Excel's DATE(1904,1,1) gave #VALUE!, neither 1462 (1900) nor 0 (1904). " +
        'If it does (File > Options > Advanced, "Use 1904 date system"), every date read is 4 years and 1 day early; ' +
        'they are labels only (Period, dimensions), no figure depends on them.',
    );
  });

  test('an unknown date system and no date in the model: nothing to say', async () => {
    const book = bookWithDates(true, '#VALUE!', false);
    const out = await readModel(fakeRun(book));
    expect(out.issues).toEqual([]);
  });

  test('in the pane: a 1904 workbook’s Period, and the warning listed with the figures when Excel does not tell', async () => {
    const book = bookWithDates(true, '#VALUE!');
    const controller = new PaneController(createExcelGateway(fakeRun(book)), inlineComputer, stringsFor('nl'));
    await controller.check();
    const state = controller.getState();
    expect(state.output?.json?.totals).not.toBeNull();
    expect(state.issues.filter((i) => i.code === 'DATE_SYSTEM_UNKNOWN').map((i) => i.where.cell)).toEqual(['H2']);
    const known = bookWithDates(true);
    const known1904 = new PaneController(createExcelGateway(fakeRun(known)), inlineComputer, stringsFor('nl'));
    await known1904.check();
    expect(known1904.getState().issues.map((i) => i.code)).not.toContain('DATE_SYSTEM_UNKNOWN');
    expect(known1904.getState().output?.json?.period).toBe('2024-03-31');
  });
});
