/**
 * The add-in's report tables and named figures (issue 18, item 2) in the strict fake host: a Refresh in
 * place keeps the table's name and each reference's meaning while customers change order and number and
 * columns come and go; a Refresh in the other language keeps them too; a user's table of ours stops it.
 */
import { GatewayError } from '../../src/excel/errors';
import { writeReport } from '../../src/excel/write-report';
import type { CostingResult, CustomerResult } from '../../src/engine/result';
import { sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { columnKey, keptColumns } from '../../src/workbook/report-tables';
import { fakeRun, type FakeSheet, type FakeWorkbook } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

function sampleResult(): CostingResult {
  const analysis = analyseWorkbook(sampleGrids());
  if (analysis.result === null) throw new Error(analysis.issues.map((i) => i.message).join('\n'));
  return analysis.result;
}

/**
 * Another run of the model: 10527 far less profitable (it leaves the top), the ten least profitable customers
 * gone, and the activity Quotes renamed Quotations (its column goes, another comes).
 */
function laterResult(result: CostingResult): CostingResult {
  const rename = <V>(m: ReadonlyMap<string, V>): Map<string, V> => new Map([...m].map(([k, v]) => [k === 'Quotes' ? 'Quotations' : k, v]));
  const customers: CustomerResult[] = result.customers
    .slice(0, -10)
    .map((c) => ({ ...c, activityCosts: rename(c.activityCosts), netProfit: c.customer === '10527' ? c.netProfit.minus(300000) : c.netProfit }));
  customers.sort((a, b) => b.netProfit.comparedTo(a.netProfit));
  const activities = result.activities.map((a) => (a.activity === 'Quotes' ? { ...a, activity: 'Quotations' } : a));
  return { ...result, customers, activities };
}

async function refresh(book: FakeWorkbook, result: CostingResult, language: 'en' | 'nl' = 'en'): Promise<void> {
  await writeReport(fakeRun(book), buildReportSheets(result, language), result.settings.currency);
}

/** A sheet of the user's with formulas that refer to the report by name. */
function userFormulas(book: FakeWorkbook): FakeSheet {
  const mine = book.addSheet('Mine');
  mine.setFormulas('A1', [
    ['=XLOOKUP("10527", ABC_PnL[Customer], ABC_PnL[Net profit])'],
    ['=ABC_OperatingProfit'],
    ['=XLOOKUP("10527", ABC_PnL[Customer], ABC_PnL[Quotes])'],
  ]);
  return mine;
}

function table(book: FakeWorkbook, name: string): { sheet: string; address: [number, number, number, number]; columns: string[] } {
  const t = book.tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no table ${name}`);
  return { sheet: t.sheet.name, address: [t.top, t.left, t.rows, t.columns], columns: t.columnNames };
}

describe('report tables in the add-in', () => {
  it('matches columns by what they are in either language, keeping the longest run in order', () => {
    expect(columnKey('Net profit')).toBe(columnKey('Nettowinst'));
    expect(columnKey('Unused capacity: Warehouse')).toBe(columnKey('Onbenutte capaciteit: Warehouse'));
    expect(keptColumns(['Customer', 'Quotes', 'Picking', 'Net profit'], ['Klant', 'Picking', 'Quotations', 'Nettowinst'])).toEqual(
      new Set([columnKey('Customer'), columnKey('Picking'), columnKey('Net profit')]),
    );
  });

  it('adds ABC_PnL, ABC_PoolRates, ABC_Rates and the named figures on a first Refresh, header cells as column names', async () => {
    const book = sampleWorkbook();
    const result = sampleResult();
    await refresh(book, result);
    const pnl = table(book, 'ABC_PnL');
    expect(pnl.sheet).toBe('ABC Customer P&L');
    expect(pnl.address).toEqual([2, 0, 251, 29]);
    expect(pnl.columns).toEqual(buildReportSheets(result)[0]!.tables![0]!.columns);
    expect(book.tables.map((t) => [t.name, t.style, t.showBandedRows])).toEqual([
      ['ABC_PnL', 'TableStyleLight1', false],
      ['ABC_PoolRates', 'TableStyleLight1', false],
      ['ABC_Rates', 'TableStyleLight1', false],
    ]);
    expect(book.names.find((n) => n.name === 'ABC_OperatingProfit')?.formula).toBe("='ABC Summary'!$B$17");
    const mine = userFormulas(book);
    expect(mine.valuesOf('A1:A2')).toEqual([[326131.85], [1051802.8]]);
  });

  it('keeps the table and what its references mean through Refreshes that reorder, drop and add customers and columns', async () => {
    const book = sampleWorkbook();
    const result = sampleResult();
    await refresh(book, result);
    const mine = userFormulas(book);
    expect(mine.valuesOf('A1:A3')).toEqual([[326131.85], [1051802.8], [expect.any(Number)]]);

    const later = laterResult(result);
    await refresh(book, later);
    const layout = buildReportSheets(later)[0]!;
    const pnl = table(book, 'ABC_PnL');
    // 240 customers now; the same table, its header cells the layout's, its totals row under it.
    expect(pnl.address).toEqual([2, 0, 241, 29]);
    expect(pnl.columns).toEqual(layout.tables![0]!.columns);
    expect(book.sheet('ABC Customer P&L')!.valuesOf('A3:AC3')[0]).toEqual(layout.tables![0]!.columns);
    expect(book.sheet('ABC Customer P&L')!.valuesOf('B244:B244')).toEqual([['Total']]);
    // 10527's net profit by name, wherever its row went; the column that went shows #REF!, never another figure.
    expect(mine.valuesOf('A1:A3')).toEqual([[26131.85], [1051802.8], ['#REF!']]);
    expect(mine.at('A1')?.formula).toBe('=XLOOKUP("10527", ABC_PnL[Customer], ABC_PnL[Net profit])');

    // Back to 250 customers: rows added to the same table.
    await refresh(book, result);
    expect(table(book, 'ABC_PnL').address).toEqual([2, 0, 251, 29]);
    expect(mine.valuesOf('A1:A2')).toEqual([[326131.85], [1051802.8]]);
    expect(book.tables.map((t) => t.name)).toEqual(['ABC_PnL', 'ABC_PoolRates', 'ABC_Rates']);
  });

  it('keeps the table name and the references through a Refresh in Dutch: the columns are renamed, and the references with them', async () => {
    const book = sampleWorkbook();
    const result = sampleResult();
    await refresh(book, result);
    const mine = userFormulas(book);
    await refresh(book, result, 'nl');
    const pnl = table(book, 'ABC_PnL');
    expect(pnl.sheet).toBe('ABC Klantresultaat');
    expect(pnl.columns).toContain('Nettowinst');
    expect(mine.at('A1')?.formula).toBe('=XLOOKUP("10527", ABC_PnL[Klant], ABC_PnL[Nettowinst])');
    expect(mine.valuesOf('A1:A2')).toEqual([[326131.85], [1051802.8]]);
    expect(book.names.find((n) => n.name === 'ABC_OperatingProfit')?.formula).toBe("='ABC Samenvatting'!$B$17");
  });

  it("clears a filter or sort the user put on ABC_PnL itself before the new rows land, and says so", async () => {
    const book = sampleWorkbook();
    await refresh(book, sampleResult());
    const pnl = book.tables.find((t) => t.name === 'ABC_PnL');
    if (pnl === undefined) throw new Error('no ABC_PnL');
    pnl.filter = { hiddenRows: 200, sorted: true };
    const result = sampleResult();
    const out = await writeReport(fakeRun(book), buildReportSheets(result), result.settings.currency);
    expect(out.filtersCleared).toEqual(['ABC Customer P&L']);
    expect(book.tables.find((t) => t.name === 'ABC_PnL')?.filter).toEqual({ hiddenRows: 0, sorted: false });
    // Nothing filtered the second time: nothing said.
    expect((await writeReport(fakeRun(book), buildReportSheets(result), result.settings.currency)).filtersCleared).toEqual([]);
  });

  it("refuses to take a user's table named ABC_PnL, before writing anything", async () => {
    const book = sampleWorkbook();
    const mine = book.addSheet('Mine');
    mine.setValues('A1', [['Key'], ['a']]);
    book.addTable('ABC_PnL', 'Mine', 'A1:A2');
    const sheetsBefore = book.sheets.map((s) => s.name);
    const error = await refresh(book, sampleResult()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect([(error as GatewayError).kind, (error as GatewayError).items]).toEqual(['nameTaken', ['ABC_PnL']]);
    expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });
});
