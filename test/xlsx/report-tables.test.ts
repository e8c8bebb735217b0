/**
 * Report figures by name (issue 18, item 2): the runner writes the P&L as the table `ABC_PnL`, the rates as
 * `ABC_PoolRates` and `ABC_Rates`, the summary's headline figures as workbook names, so a reference by name
 * keeps its meaning after a Refresh that reorders the customers; a user's own table or name of ours stops
 * the run, located.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CostingResult, CustomerResult } from '../../src/engine/result';
import { sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { uniqueColumnNames } from '../../src/workbook/report-tables';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { MAIN_NS } from '../../src/xlsx/namespaces';
import { parsePart } from '../../src/xlsx/package';
import { readTables, type TableInfo } from '../../src/xlsx/tables';
import { buildReportWorkbook, ReportSheetTakenError } from '../../src/xlsx/write-report';
import { attr } from '../../src/xlsx/xml-tree';
import { reportOpens } from '../hostile/harness';
import { tempDir, writeWorkbook } from './workbook-files';

jest.setTimeout(240_000);

function sampleResult(): CostingResult {
  const analysis = analyseWorkbook(sampleGrids());
  if (analysis.result === null) throw new Error(analysis.issues.map((i) => i.message).join('\n'));
  return analysis.result;
}

/** The same result with one customer's net profit lowered, re-ranked as the engine ranks: most profitable first. */
function withProfitCut(result: CostingResult, customer: string, cut: number): CostingResult {
  const customers: CustomerResult[] = result.customers.map((c) => (c.customer === customer ? { ...c, netProfit: c.netProfit.minus(cut) } : c));
  customers.sort((a, b) => b.netProfit.comparedTo(a.netProfit));
  return { ...result, customers };
}

async function writeReport(input: string, output: string, result: CostingResult, language: 'en' | 'nl' = 'en'): Promise<void> {
  writeFileSync(output, await buildReportWorkbook(await loadWorkbook(input), buildReportSheets(result, language), result.settings.currency));
}

/** A table's column read by its header, as `INDEX(table[column], MATCH(key, table[keyColumn], 0))` does. */
async function lookUp(path: string, tableName: string, keyColumn: string, key: string, column: string): Promise<{ value: unknown; row: number }> {
  const table = (await readTables(await loadWorkbook(path))).find((t) => t.name === tableName) as TableInfo;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(table.sheet)!;
  const [, top, bottom] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(table.ref)!.map(Number) as [number, number, number];
  const keyAt = table.columns.indexOf(keyColumn) + 1;
  const valueAt = table.columns.indexOf(column) + 1;
  for (let r = top + 1; r <= bottom; r++) if (ws.getCell(r, keyAt).value === key) return { value: ws.getCell(r, valueAt).value, row: r };
  throw new Error(`${key} is not in ${tableName}[${keyColumn}]`);
}

describe('report sheets as Excel tables with stable names', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it("gives repeated headers unique column names, the report's own keeping theirs (ignoring case, as Excel)", () => {
    const headers = ['Customer', 'Net profit', 'net profit', 'Picking', 'Picking', '', 'Picking2'];
    const fixed = (i: number): boolean => i <= 1;
    expect(uniqueColumnNames(headers, fixed)).toEqual(['Customer', 'Net profit', 'net profit2', 'Picking', 'Picking2', 'Column6', 'Picking22']);
  });

  it('lays the P&L out as ABC_PnL over its header and customers, header cells equal to the column names, totals outside', () => {
    const result = sampleResult();
    for (const language of ['en', 'nl'] as const) {
      const pnl = buildReportSheets(result, language)[0]!;
      expect(pnl.autoFilter).toBeUndefined();
      const table = pnl.tables?.[0];
      expect(table).toMatchObject({ name: 'ABC_PnL', headerRow: 3, lastRow: 3 + 250, firstColumn: 1 });
      expect(pnl.rows[2]!.cells.map((c) => c.value)).toEqual(table!.columns);
      expect(new Set(table!.columns.map((c) => c.toLowerCase())).size).toBe(table!.columns.length);
      expect(pnl.rows[table!.lastRow]!.style).toBe('total');
    }
    expect(buildReportSheets(result, 'nl')[0]!.tables![0]!.columns).toContain('Nettowinst');
    const rates = buildReportSheets(result)[1]!;
    expect(rates.tables!.map((t) => [t.name, t.headerRow, t.lastRow])).toEqual([
      ['ABC_PoolRates', 5, 5 + result.pools.length],
      ['ABC_Rates', 9 + result.pools.length, 9 + result.pools.length + rates.tables![1]!.lastRow - rates.tables![1]!.headerRow],
    ]);
    for (const t of rates.tables!) expect(rates.rows[t.headerRow - 1]!.cells.map((c) => c.value)).toEqual(t.columns);
  });

  it('writes valid table parts with ids unique in the package, a user table included, that openpyxl, xmllint and LibreOffice open', async () => {
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, (wb) => {
      const ws = wb.addWorksheet('Mine');
      ws.addTable({ name: 'MyTable', ref: 'A1', headerRow: true, columns: [{ name: 'Key' }, { name: 'Amount' }], rows: [['a', 1]] });
    });
    const output = join(dir, 'out.xlsx');
    const result = sampleResult();
    await writeReport(input, output, result);
    const tables = await readTables(await loadWorkbook(output));
    expect(tables.map((t) => [t.name, t.sheet, t.ref])).toEqual([
      ['MyTable', 'Mine', 'A1:B2'],
      ['ABC_PnL', 'ABC Customer P&L', 'A3:AC253'],
      ['ABC_PoolRates', 'ABC Rates', 'A5:L9'],
      ['ABC_Rates', 'ABC Rates', 'A13:I30'],
    ]);
    const zip = await JSZip.loadAsync(await import('fs').then((fs) => fs.readFileSync(output)));
    const ids: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n))) {
      const root = parsePart(await zip.file(name)!.async('string'), name);
      expect([root.local, MAIN_NS.includes(root.uri)]).toEqual(['table', true]);
      ids.push(attr(root, 'id')!);
    }
    expect(new Set(ids).size).toBe(4);
    // The header cells are the column names, as Excel requires of a table.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const pnl = wb.getWorksheet('ABC Customer P&L')!;
    const pnlTable = tables.find((t) => t.name === 'ABC_PnL')!;
    expect(pnlTable.columns.map((_c, i) => pnl.getCell(3, i + 1).value)).toEqual(pnlTable.columns);
    expect(await reportOpens(output)).toEqual([]);
  });

  it("keeps ABC_PnL[Net profit] of a customer meaning that customer's net profit after a run that reorders the customers", async () => {
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, (wb) => void wb.addWorksheet('Mine').addRow(['mine']));
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    const result = sampleResult();
    await writeReport(input, first, result);
    const before = await lookUp(first, 'ABC_PnL', 'Customer', '10527', 'Net profit');
    expect(before).toEqual({ value: 326131.85, row: 4 });
    // 10527 drops from the top: a cell address would now point at another customer.
    await writeReport(first, second, withProfitCut(result, '10527', 300000), 'en');
    const after = await lookUp(second, 'ABC_PnL', 'Customer', '10527', 'Net profit');
    expect(after.value).toBe(26131.85);
    expect(after.row).not.toBe(4);
    // The headline names follow their figures too.
    const names = (await loadWorkbook(second)).info.definedNames.filter((d) => d.name === 'ABC_OperatingProfit');
    expect(names.map((d) => [d.localSheetId, d.formula])).toEqual([[null, "'ABC Summary'!$B$17"]]);
  });

  it("stops rather than overwrite a user's name or table called as a report name, located", async () => {
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(
      input,
      (wb) => {
        const ws = wb.addWorksheet('Mine');
        ws.addTable({ name: 'ABC_PnL', ref: 'B2', headerRow: true, columns: [{ name: 'Key' }], rows: [['a']] });
      },
      [{ name: 'ABC_OperatingProfit', formula: 'Mine!$A$1' }],
    );
    const loaded = await loadWorkbook(input);
    const error = await buildReportWorkbook(loaded, buildReportSheets(sampleResult()), 'EUR').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportSheetTakenError);
    expect((error as ReportSheetTakenError).issues.map((i) => [i.code, i.where])).toEqual([
      ['REPORT_NAME_TAKEN', { range: 'ABC_OperatingProfit' }],
      ['REPORT_NAME_TAKEN', { range: 'ABC_PnL', sheet: 'Mine', cell: 'B2:B3' }],
    ]);
  });
});
