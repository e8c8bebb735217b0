/**
 * A Refresh keeps every reference to the report: the add-in's sheets are updated in place, so formulas,
 * VLOOKUPs and defined names of the user that point at them follow the new figures and never turn into
 * `#REF!` (which is what deleting and re-creating the sheets does in Excel, and in the strict fake).
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { INCOMPLETE_NAME, INCOMPLETE_NOTICE, OWNER_NAME, OWNER_VALUE, ownerValue, TEMP_NAME, TEMP_VALUE } from '../../src/excel/owner';
import { writeReport } from '../../src/excel/write-report';
import { stringsFor } from '../../src/taskpane/i18n';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { columnLetters } from '../../src/workbook/grid';
import type { ReportSheet } from '../../src/workbook/report-types';
import { FakeOfficeError, fakeRun, type FakeSheet, type FakeWorkbook } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

/** The sample's report sheets: it has a ledger and support pools, so the cost flow sheet comes last. */
const REPORT = ['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow'];

/** Reads the model from the fake workbook, computes it and writes the report, as the pane's Refresh does. */
async function refresh(book: FakeWorkbook): Promise<ReportSheet[]> {
  const gateway = createExcelGateway(fakeRun(book));
  const read = await gateway.readModel();
  const result = analyseWorkbook(read.grids).result;
  if (result === null) throw new Error('the model must compute');
  const sheets = buildReportSheets(result);
  await gateway.writeReport(sheets, result.settings.currency);
  return sheets;
}

/** The value a report sheet holds at 0-based row and column. */
function valueAt(sheets: readonly ReportSheet[], name: string, row: number, column: number): unknown {
  return sheets.find((s) => s.name === name)?.rows[row]?.cells[column]?.value;
}

/** Where the figures the dashboard uses are: the P&L's net profit column, the summary's cost-to-serve row (0-based). */
function figures(sheets: readonly ReportSheet[]): { profit: number; costToServe: number } {
  const header = sheets.find((s) => s.name === 'ABC Customer P&L')?.rows[2]?.cells ?? [];
  const profit = header.findIndex((c) => c.value === 'Net profit');
  const costToServe = sheets.find((s) => s.name === 'ABC Summary')?.rows.findIndex((r) => r.cells[0]?.value === 'Cost to serve') ?? -1;
  if (profit < 0 || costToServe < 0) throw new Error('layout changed');
  return { profit, costToServe };
}

/**
 * Gives customer 10527 a transaction of `quantity` rush orders (a time-driven driver, so the cost to serve
 * and the customer's net profit both move), replacing the sample's second transaction.
 */
function changeVolume(book: FakeWorkbook, quantity: number): void {
  book.sheet('Transactions')?.setValues('A3', [[10527, 'Rush orders', quantity]]);
}

function plSheet(book: FakeWorkbook): FakeSheet {
  const ws = book.sheet('ABC Customer P&L');
  if (ws === undefined) throw new Error('no P&L');
  return ws;
}

/**
 * A dashboard on Sheet1 over the report: the net profit of the P&L's first row, the same of customer 10527
 * by VLOOKUP, the cost to serve from the summary, and a name over the P&L (as a chart series would be).
 */
function buildDashboard(book: FakeWorkbook, at: { profit: number; costToServe: number }): void {
  const column = columnLetters(at.profit + 1);
  book.sheet('Sheet1')?.setFormulas('A1', [
    [`='ABC Customer P&L'!${column}4`],
    [`=VLOOKUP("10527", 'ABC Customer P&L'!$B:$${column}, ${at.profit}, FALSE)`],
    [`='ABC Summary'!B${at.costToServe + 1}`],
    ['=ReportTopProfit'],
  ]);
  book.addName('ReportRange', "='ABC Customer P&L'!$A$3:$AD$254");
  book.addName('ReportTopProfit', `='ABC Customer P&L'!$${column}$4`);
}

describe('a Refresh keeps the references to the report', () => {
  test('formulas, a VLOOKUP and names on a user sheet follow two Refreshes and never become #REF!', async () => {
    const book = sampleWorkbook();
    const first = await refresh(book);
    const at = figures(first);
    buildDashboard(book, at);
    const sheet1 = book.sheet('Sheet1') as FakeSheet;
    // The customer of row 4 of the P&L is 10527 (rank 1): the cell reference and the VLOOKUP agree.
    expect(valueAt(first, 'ABC Customer P&L', 3, 1)).toBe('10527');
    const before = sheet1.valuesOf('A1:A4');
    const top = valueAt(first, 'ABC Customer P&L', 3, at.profit);
    expect(typeof top).toBe('number');
    expect(before).toEqual([[top], [top], [valueAt(first, 'ABC Summary', at.costToServe, 1)], [top]]);
    const count = book.sheets.length;

    for (const quantity of [1_000, 2_000]) {
      changeVolume(book, quantity);
      const next = await refresh(book);
      const row = next.find((s) => s.name === 'ABC Customer P&L')?.rows.findIndex((r) => r.cells[1]?.value === '10527') ?? -1;
      expect(row).toBeGreaterThanOrEqual(3);
      const now = sheet1.valuesOf('A1:A4');
      expect(now).toEqual([
        [valueAt(next, 'ABC Customer P&L', 3, at.profit)],
        [valueAt(next, 'ABC Customer P&L', row, at.profit)],
        [valueAt(next, 'ABC Summary', at.costToServe, 1)],
        [valueAt(next, 'ABC Customer P&L', 3, at.profit)],
      ]);
      expect(now.flat().every((v) => typeof v === 'number')).toBe(true);
      expect(book.sheets.length).toBe(count);
    }
    // The figures moved (the test proves nothing if they stay put).
    const after = sheet1.valuesOf('A1:A4');
    expect(after[1]).not.toEqual(before[1]);
    expect(after[2]).not.toEqual(before[2]);
    expect(sheet1.at('A1')?.formula).toBe(`='ABC Customer P&L'!${columnLetters(at.profit + 1)}4`);
    expect(sheet1.at('C1')).toBeUndefined();
    expect(book.names.find((n) => n.name === 'ReportRange')?.formula).toBe("='ABC Customer P&L'!$A$3:$AD$254");
    expect(book.resolveReference("='ABC Customer P&L'!$A$3:$AD$254")?.sheet).toBe(plSheet(book));
    // The report sheets carry the owner mark (naming their role) only: no temporary or incomplete mark is left behind.
    for (const [name, role] of [['ABC Customer P&L', 'pnl'], ['ABC Rates', 'rates'], ['ABC Summary', 'summary'], ['ABC Actions', 'actions'], ['ABC Cost flow', 'costFlow']] as const) {
      expect(book.hiddenNamesOf(name)).toEqual([{ name: OWNER_NAME, formula: `=${ownerValue(role)}`, visible: false }]);
    }
    expect(book.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
  });

  test('the cells of the report, its widths and freeze panes are those of a first write', async () => {
    const book = sampleWorkbook();
    await refresh(book);
    changeVolume(book, 7_000);
    const sheets = await refresh(book);
    const fresh = sampleWorkbook();
    changeVolume(fresh, 7_000);
    await refresh(fresh);
    for (const s of sheets) {
      const a = book.sheet(s.name) as FakeSheet;
      const b = fresh.sheet(s.name) as FakeSheet;
      expect([...a.cells.entries()].filter(([, c]) => c.value !== null || Object.keys(c.style).length > 0).sort()).toEqual(
        [...b.cells.entries()].filter(([, c]) => c.value !== null || Object.keys(c.style).length > 0).sort(),
      );
      expect([...a.columnWidths]).toEqual([...b.columnWidths]);
      expect(a.frozen).toEqual(s.freeze);
    }
  });

  test('a report that shrinks is cleared below and right of its new end', async () => {
    const book = sampleWorkbook();
    const sheets = await refresh(book);
    const pl = sheets.find((s) => s.name === 'ABC Customer P&L') as ReportSheet;
    // Fewer customers and fewer columns: the first 100 rows, 12 columns wide.
    // Its table ABC_PnL shrinks with it (reshaped in place: columns and rows deleted).
    const table = pl.tables?.[0];
    if (table === undefined) throw new Error('the P&L has its table');
    const shrunk: ReportSheet = {
      ...pl,
      rows: pl.rows.slice(0, 100).map((r) => ({ ...r, cells: r.cells.slice(0, 12) })),
      tables: [{ ...table, lastRow: 100, columns: table.columns.slice(0, 12) }],
    };
    await writeReport(fakeRun(book), [shrunk, ...sheets.filter((s) => s !== pl)], 'EUR');
    const ws = plSheet(book);
    expect(ws.usedArea()).toEqual({ top: 0, left: 0, rows: 100, columns: 12 });
    // Nothing of the old rows or columns is left, not even a format or a border (blank cells the fake keeps aside).
    const stray = [...ws.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula !== null || c.numberFormat !== 'General' || Object.keys(c.style).length > 0)
      .map(([k]) => k.split(',').map(Number) as [number, number])
      .filter(([r, c]) => r >= 100 || c >= 12);
    expect(stray).toEqual([]);
    expect(ws.valuesOf('A100:L100')).toEqual([shrunk.rows[99]?.cells.map((c) => (c.value === '' ? null : c.value))]);
    expect(book.tables.filter((t) => t.name === 'ABC_PnL').map((t) => [t.top, t.left, t.rows, t.columns])).toEqual([[2, 0, 98, 12]]);
  });
});

describe('a refresh that fails half-way', () => {
  test('failing while writing leaves the previous report readable, and the next refresh no extra sheets', async () => {
    const book = sampleWorkbook();
    const first = await refresh(book);
    const at = figures(first);
    buildDashboard(book, at);
    const names = book.sheets.map((s) => s.name);
    const sheet1 = book.sheet('Sheet1') as FakeSheet;
    const before = sheet1.valuesOf('A1:A3');
    expect(before).toEqual([[valueAt(first, 'ABC Customer P&L', 3, at.profit)], [valueAt(first, 'ABC Customer P&L', 3, at.profit)], [valueAt(first, 'ABC Summary', at.costToServe, 1)]]);
    changeVolume(book, 5_000);
    let calls = 0;
    book.fault = (op) => (op === 'range.values' && ++calls === 2 ? new FakeOfficeError('ConnectionFailure', 'The network connection was lost.') : null);
    await expect(refresh(book)).rejects.toMatchObject({ kind: 'connection' });
    book.fault = null;
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(sheet1.valuesOf('A1:A3')).toEqual(before);
    const next = await refresh(book);
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(sheet1.valuesOf('A3')).toEqual([[valueAt(next, 'ABC Summary', at.costToServe, 1)]]);
    expect(sheet1.valuesOf('A3')).not.toEqual(before.slice(2));
  });

  test('failing during the swap leaves sheets that say they are incomplete; the next refresh finishes them', async () => {
    const book = sampleWorkbook();
    const at = figures(await refresh(book));
    buildDashboard(book, at);
    const names = book.sheets.map((s) => s.name);
    changeVolume(book, 5_000);
    let copies = 0;
    book.fault = (op) => (op === 'range.copyFrom' && ++copies === 3 ? new FakeOfficeError('ConnectionFailure', 'The network connection was lost.') : null);
    await expect(refresh(book)).rejects.toMatchObject({ kind: 'reportIncomplete', items: REPORT });
    book.fault = null;
    // Every report sheet says so at the top and carries the mark; nothing points at #REF!.
    for (const name of REPORT) {
      expect(book.sheet(name)?.valuesOf('A1')).toEqual([[INCOMPLETE_NOTICE.en]]);
      expect(book.hiddenNamesOf(name).map((n) => n.name)).toEqual([OWNER_NAME, INCOMPLETE_NAME]);
    }
    expect((book.sheet('Sheet1') as FakeSheet).valuesOf('A1:A4').flat()).not.toContain('#REF!');
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    const en = stringsFor('en').errorsOf.reportIncomplete('"ABC Customer P&L"');
    expect(`${en.title} ${en.action}`).toMatch(/incomplete.*Refresh report again to finish/);
    expect(stringsFor('nl').errorsOf.reportIncomplete('"ABC Customer P&L"').action).toMatch(/opnieuw Rapport vernieuwen/);

    const next = await refresh(book);
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    for (const name of REPORT) {
      expect(book.sheet(name)?.valuesOf('A1')).toEqual([[valueAt(next, name, 0, 0)]]);
      expect(book.hiddenNamesOf(name).map((n) => n.name)).toEqual([OWNER_NAME]);
    }
    const row = next.find((s) => s.name === 'ABC Customer P&L')?.rows.findIndex((r) => r.cells[1]?.value === '10527') ?? -1;
    expect((book.sheet('Sheet1') as FakeSheet).valuesOf('A1:A3')).toEqual([
      [valueAt(next, 'ABC Customer P&L', 3, at.profit)],
      [valueAt(next, 'ABC Customer P&L', row, at.profit)],
      [valueAt(next, 'ABC Summary', at.costToServe, 1)],
    ]);
  });

  test('leftover temporary sheets are removed by their mark, very hidden ones included; a user\'s "~1" sheet stays', async () => {
    const book = sampleWorkbook();
    await refresh(book);
    const leftover = (name: string, visibility: FakeSheet['visibility']): void => {
      const ws = book.addSheet(name);
      ws.setValues('A1', [['half-written']]);
      ws.addName(OWNER_NAME, `=${OWNER_VALUE}`).visible = false;
      ws.addName(TEMP_NAME, `=${TEMP_VALUE}`).visible = false;
      ws.visibility = visibility;
    };
    leftover('~1 ABC Summary', 'Visible');
    leftover('~1 ABC Rates', 'Hidden');
    leftover('~1 ABC Customer P&L', 'VeryHidden');
    book.addSheet('~1 my notes').setValues('A1', [['mine']]);
    await refresh(book);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Pools', 'Activities', 'Customers', 'Transactions', 'Customer costs', 'Settings', 'Scenarios', 'Ledger', 'Support', ...REPORT, '~1 my notes']);
    expect(book.sheet('~1 my notes')?.valuesOf('A1')).toEqual([['mine']]);
  });
});

describe('protection is checked before anything is written', () => {
  test('a protected report sheet stops the refresh with its name, and nothing changes', async () => {
    const book = sampleWorkbook();
    await refresh(book);
    (book.sheet('ABC Summary') as FakeSheet).protected = true;
    const names = book.sheets.map((s) => s.name);
    const title = book.sheet('ABC Summary')?.valuesOf('A1');
    changeVolume(book, 5_000);
    const writesBefore = book.syncLog.length;
    await expect(refresh(book)).rejects.toMatchObject({ kind: 'protected', items: ['ABC Summary'] });
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(book.sheet('ABC Summary')?.valuesOf('A1')).toEqual(title);
    // Only the reading syncs ran: no sheet was added, no cell written.
    expect(book.syncLog.slice(writesBefore).every((s) => !s.calculationSuspended)).toBe(true);
    const en = stringsFor('en').errorsOf.protected('"ABC Summary"');
    expect(en.title).toContain('"ABC Summary"');
    expect(en.action).toContain('Review > Unprotect Sheet');
    expect(stringsFor('nl').errorsOf.protected('"ABC Summary"').action).toContain('Controleren > Beveiliging blad opheffen');
  });

  test('a protected workbook structure stops the refresh before a sheet is added', async () => {
    const book = sampleWorkbook();
    await refresh(book);
    book.workbookProtected = true;
    const names = book.sheets.map((s) => s.name);
    await expect(refresh(book)).rejects.toMatchObject({ kind: 'protected', items: [] });
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(stringsFor('en').errorsOf.protected('').action).toContain('Review > Protect Workbook');
    expect(stringsFor('nl').errorsOf.protected('').action).toContain('Controleren > Werkmap beveiligen');
  });
});
