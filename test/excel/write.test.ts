import { generateSampleModel, sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets, numberFormat } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { createExcelGateway } from '../../src/excel/gateway';
import { OWNER_NAME, OWNER_VALUE, ownerValue } from '../../src/excel/owner';
import { writeReport } from '../../src/excel/write-report';
import * as xlsxOwner from '../../src/xlsx/report-owner';
import { FakeOfficeError, fakeRun, FakeWorkbook } from './fake-excel';
import { sampleWorkbook } from './helpers';

const result = analyseWorkbook(sampleGrids()).result;
if (result === null) throw new Error('the sample must compute');
const sheets = buildReportSheets(result);
const currency = result.settings.currency;

const HOSTILE = ['=1+1', '+A1', '-2', '@x', "'quoted", '=HYPERLINK("http://example.com","x")'];

function hostileSheet(): ReportSheet {
  return {
    name: 'ABC Summary',
    columnWidths: [20, 10],
    freeze: { rows: 1, columns: 0 },
    rows: [
      { style: 'header', cells: [{ value: 'Customer', format: 'text' }, { value: 'Profit', format: 'text' }] },
      ...HOSTILE.map((text, i) => ({ style: 'body' as const, cells: [{ value: text, format: 'text' as const }, { value: i - 2.5, format: 'money' as const }] })),
    ],
  };
}

describe('writing the report sheets', () => {
  test('writes the five sheets cell for cell, marked as the add-in\'s, with calculation suspended', async () => {
    const book = sampleWorkbook();
    const before = book.sheets.length;
    const out = await writeReport(fakeRun(book), sheets, currency);
    expect(out.sheets).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    expect(out.replaced).toEqual([]);
    expect(book.sheets.map((s) => s.name).slice(before)).toEqual(out.sheets);
    expect(book.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
    for (const sheet of sheets) {
      const ws = book.sheet(sheet.name);
      expect(ws).toBeDefined();
      // The mark names the sheet's role, as the runner's does.
      expect(book.hiddenNamesOf(sheet.name)).toEqual([{ name: OWNER_NAME, formula: `=${ownerValue(sheet.role ?? 'pnl')}`, visible: false }]);
      expect(sheet.role).toBeDefined();
      sheet.rows.forEach((row, r) =>
        row.cells.forEach((c, col) => {
          const cell = ws?.peek(r, col);
          expect(cell?.formula ?? null).toBeNull();
          expect(cell?.value ?? null).toEqual(c.value === '' ? null : c.value);
          if (c.value !== null) expect(cell?.numberFormat).toBe(typeof c.value === 'string' ? '@' : numberFormat(c.format, currency));
        }),
      );
      expect(ws?.frozen).toEqual(sheet.freeze);
      expect(ws?.columnWidths.size).toBe(sheet.columnWidths.length);
    }
    const pnl = book.sheet('ABC Customer P&L');
    expect(pnl?.peek(0, 0)?.style['font.bold']).toBe(true);
    // Every sync that wrote values had calculation suspended (a sync of styles alone may be large too).
    const writes = book.syncLog.filter((s) => s.valueBytes > 10_000);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((s) => s.calculationSuspended)).toBe(true);
    expect(Math.max(...book.syncLog.map((s) => s.requestBytes))).toBeLessThan(5 * 1024 * 1024 / 2);
    expect(book.activeSheet).toBe('ABC Customer P&L');
  });

  test('writes in chunks of the cell budget', async () => {
    const book = sampleWorkbook();
    const out = await writeReport(fakeRun(book), sheets, currency, {}, 1_000);
    const big = book.syncLog.filter((s) => s.calculationSuspended);
    // The P&L has 254 rows of 30 columns: 33 rows per chunk of 1,000 cells.
    expect(big.length).toBeGreaterThanOrEqual(Math.ceil(254 / 33));
    expect(out.syncs).toBe(book.syncs - 1);
  });

  test('a refresh replaces the add-in\'s sheets and nothing else', async () => {
    const book = sampleWorkbook();
    await writeReport(fakeRun(book), sheets, currency);
    const count = book.sheets.length;
    const out = await writeReport(fakeRun(book), sheets, currency);
    expect(out.replaced).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    expect(book.sheets.length).toBe(count);
    expect(book.sheets.filter((s) => s.name === 'ABC Rates')).toHaveLength(1);
    expect(book.hiddenNamesOf('ABC Rates')).toHaveLength(1);
  });

  test('a user sheet with a report sheet\'s name is left alone and the user is told', async () => {
    const book = sampleWorkbook();
    book.addSheet('abc summary').setValues('A1', [['my own notes']]);
    const count = book.sheets.length;
    await expect(writeReport(fakeRun(book), sheets, currency)).rejects.toMatchObject({ kind: 'sheetTaken', items: ['abc summary'] });
    expect(book.sheets.length).toBe(count);
    expect(book.sheet('abc summary')?.valuesOf('A1')).toEqual([['my own notes']]);
  });

  test('workbook text is written as text, never as a formula', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    await writeReport(fakeRun(book), [hostileSheet()], 'EUR');
    const ws = book.sheet('ABC Summary');
    HOSTILE.forEach((text, i) => {
      const cell = ws?.peek(i + 1, 0);
      expect(cell).toMatchObject({ value: text, formula: null, error: null, numberFormat: '@' });
      expect(ws?.peek(i + 1, 1)).toMatchObject({ value: i - 2.5, formula: null });
    });
  });

  test('the fake would have turned that text into formulas without the text format', async () => {
    // Guards the test above: it would pass vacuously if the fake never made formulas.
    const book = new FakeWorkbook();
    const ws = book.addSheet('S');
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A4').values = [['=1+1'], ['+A1'], ['-2'], ['@x']];
    });
    expect(ws.peek(0, 0)?.formula).toBe('=1+1');
    expect(ws.peek(1, 0)?.formula).toBe('=+A1');
    expect(ws.peek(2, 0)?.value).toBe(-2);
    expect(ws.peek(3, 0)?.formula).toBe('=@x');
  });

  test('hostile customer names from the workbook reach the report as text', async () => {
    const model = generateSampleModel();
    const customers = model.find((s) => s.rangeName === 'ABC_Customers');
    if (customers === undefined) throw new Error('no customers');
    HOSTILE.forEach((text, i) => {
      const row = customers.rows[i + 1];
      if (row !== undefined) row[1] = text;
    });
    const book = sampleWorkbook(model);
    const gateway = createExcelGateway(fakeRun(book));
    const read = await gateway.readModel();
    const r = analyseWorkbook(read.grids).result;
    if (r === null) throw new Error('must compute');
    await gateway.writeReport(buildReportSheets(r), r.settings.currency);
    const pnl = book.sheet('ABC Customer P&L');
    const texts = [...(pnl?.cells.values() ?? [])].filter((c) => typeof c.value === 'string' && HOSTILE.includes(c.value));
    expect(texts.map((c) => c.value).sort()).toEqual([...HOSTILE].sort());
    expect([...(pnl?.cells.values() ?? [])].every((c) => c.formula === null)).toBe(true);
  });

  test('a failure while writing leaves the old report and no half-written sheets', async () => {
    const book = sampleWorkbook();
    await writeReport(fakeRun(book), sheets, currency);
    const names = book.sheets.map((s) => s.name);
    const oldValue = book.sheet('ABC Summary')?.peek(0, 0)?.value;
    let calls = 0;
    book.fault = (op) => (op === 'range.values' && ++calls === 2 ? new FakeOfficeError('ConnectionFailure', 'The network connection was lost.') : null);
    await expect(writeReport(fakeRun(book), sheets, currency)).rejects.toMatchObject({ kind: 'connection' });
    book.fault = null;
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(book.sheet('ABC Summary')?.peek(0, 0)?.value).toBe(oldValue);
  });

  test('Cancel while writing leaves the workbook as it was', async () => {
    const book = sampleWorkbook();
    const names = book.sheets.map((s) => s.name);
    const controller = new AbortController();
    const run = writeReport(fakeRun(book), sheets, currency, { signal: controller.signal, onProgress: () => controller.abort() }, 1_000);
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    expect(book.sheets.map((s) => s.name)).toEqual(names);
  });

  test('a protected workbook is explained, not swallowed', async () => {
    const book = sampleWorkbook();
    book.workbookProtected = true;
    await expect(writeReport(fakeRun(book), sheets, currency)).rejects.toMatchObject({ kind: 'protected' });
  });

  test('the ownership mark is the one the headless runner writes', () => {
    expect(OWNER_NAME).toBe(xlsxOwner.OWNER_NAME);
    expect(OWNER_VALUE).toBe(xlsxOwner.OWNER_VALUE);
  });
});

describe('inserting a model and selecting cells', () => {
  test('Insert sample model writes the sheets and workbook-scoped names the contract reads back', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    book.addSheet('Customers'); // a user's sheet: the sample's goes next to it
    const gateway = createExcelGateway(fakeRun(book));
    const out = await gateway.insertSample(generateSampleModel());
    expect(out.sheets).toEqual(['Pools', 'Activities', 'Customers (2)', 'Transactions', 'Customer costs', 'Settings', 'Scenarios', 'Ledger', 'Support']);
    expect(book.names.map((n) => n.name)).toEqual(['ABC_Pools', 'ABC_Activities', 'ABC_Customers', 'ABC_Volumes', 'ABC_CustomerCosts', 'ABC_Settings', 'ABC_Scenarios', 'ABC_Resources', 'ABC_Support', 'PoolList', 'DriverList', 'CustomerList']);
    expect(book.names.find((n) => n.name === 'ABC_Customers')?.formula).toBe("='Customers (2)'!$A$1:$H$251");
    // The ledger's 70 lines of Account, Description, Amount, Pool; the support network's 18 rows of From, To, Share, Quantity, Note.
    expect(book.names.find((n) => n.name === 'ABC_Resources')?.formula).toBe('=Ledger!$A$1:$D$71');
    expect(book.names.find((n) => n.name === 'ABC_Support')?.formula).toBe('=Support!$A$1:$E$19');
    const read = await gateway.readModel();
    const analysis = analyseWorkbook(read.grids);
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(analysis.result?.totals.netProfit.toString()).toBe(result.totals.netProfit.toString());
    await expect(gateway.insertSample(generateSampleModel())).rejects.toMatchObject({ kind: 'modelExists' });
  });

  test('New empty model writes the contract as tables with headers in the chosen language', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const gateway = createExcelGateway(fakeRun(book));
    await gateway.insertEmptyModel('nl');
    expect(book.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ['ABC_Pools', 'Kostenpools'],
      ['ABC_Activities', 'Activiteiten'],
      ['ABC_Customers', 'Klanten'],
      ['ABC_Volumes', 'Volumes'],
      ['ABC_CustomerCosts', 'Klantkosten'],
      ['ABC_Settings', 'Instellingen'],
      ['ABC_Scenarios', "Scenario's"],
      ['ABC_Resources', 'Grootboek'],
      ['ABC_Support', 'Doorbelasting'],
    ]);
    expect(book.sheet('Klanten')?.valuesOf('A1:E1')).toEqual([['Klant', 'Naam', 'Omzet', 'Korting', 'Kostprijs omzet']]);
    const analysis = analyseWorkbook((await gateway.readModel()).grids);
    expect(analysis.issues.map((i) => [i.code, i.where.range])).toEqual([
      ['EMPTY_RANGE', 'ABC_Activities'],
      ['EMPTY_RANGE', 'ABC_Customers'],
    ]);
  });

  test('New empty model adds drop-downs over names of the table columns, and styles the input cells', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    await createExcelGateway(fakeRun(book)).insertEmptyModel('nl');
    expect(book.names.map((n) => [n.name, n.formula])).toEqual([
      ['PoolList', '=ABC_Pools[Kostenpool]'],
      ['DriverList', '=ABC_Activities[Kostendrijver]'],
      ['CustomerList', '=ABC_Customers[Klant]'],
    ]);
    const drops = book.validations.map((v) => [v.sheet.name, v.address, v.source]);
    expect(drops).toEqual(
      expect.arrayContaining([
        ['Kostenpools', 'D2:D1001', 'minuten,uren'],
        ['Activiteiten', 'B2:B1001', '=PoolList'],
        ['Volumes', 'B2:B1001', '=DriverList'],
        ['Instellingen', 'B4', 'rapporteren,toerekenen'],
        ['Instellingen', 'B8', 'wederzijds,stapsgewijs,direct'],
        ['Grootboek', 'D2:D1001', '=PoolList'],
        ['Doorbelasting', 'A2:A1001', '=PoolList'],
        ['Doorbelasting', 'B2:B1001', '=PoolList'],
      ]),
    );
    expect(book.validations.every((v) => v.inCellDropDown)).toBe(true);
    expect(book.sheet('Kostenpools')?.cell(1, 0).style['fill.color']).toBe('#FFF2CC');
    expect(book.sheet('Kostenpools')?.cell(1000, 4).style['fill.color']).toBe('#FFF2CC');
    // The instructions come first, and are the sheet shown.
    expect(book.sheets.map((s) => s.name).slice(0, 3)).toEqual(['Blad1', 'Instructies', 'Kostenpools']);
    expect(book.sheet('Instructies')?.valuesOf('A1:A1')).toEqual([['Leeg model voor klantwinstgevendheid op activiteitenbasis']]);
    expect(book.activeSheet).toBe('Instructies');
  });

  test('Insert sample model adds the same drop-downs, over its defined names', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    await createExcelGateway(fakeRun(book)).insertSample(generateSampleModel());
    expect(book.names.find((n) => n.name === 'PoolList')?.formula).toBe('=OFFSET(ABC_Pools,1,0,ROWS(ABC_Pools)-1,1)');
    expect(book.validations.map((v) => [v.sheet.name, v.address, v.source])).toEqual(
      expect.arrayContaining([
        ['Activities', 'B2:B1001', '=PoolList'],
        ['Transactions', 'B2:B17885', '=DriverList'],
      ]),
    );
  });

  test('Insert sample model in Dutch lists the Dutch words its cells hold', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    await createExcelGateway(fakeRun(book)).insertSample(generateSampleModel(undefined, 'nl'));
    const sources = book.validations.map((v) => [v.sheet.name, v.address, v.source]);
    expect(sources).toEqual(expect.arrayContaining([['Kostenpools', 'D2:D1001', 'minuten,uren']]));
    expect(sources.some(([, , source]) => source === 'minutes,hours')).toBe(false);
  });

  test('the fake refuses a drop-down whose list is no defined name, as Excel does', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    await expect(
      fakeRun(book)(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').dataValidation.rule = { list: { inCellDropDown: true, source: '=NoSuchList' } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(book.validations).toEqual([]);
  });

  test('clicking an issue selects its cell', async () => {
    const book = sampleWorkbook();
    await createExcelGateway(fakeRun(book)).selectCell('Customer costs', 'C7');
    expect(book.selection).toEqual({ sheet: 'Customer costs', address: 'C7' });
    expect(book.activeSheet).toBe('Customer costs');
  });
});
