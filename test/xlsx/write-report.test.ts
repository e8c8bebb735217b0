import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { writeFileAtomic } from '../../src/xlsx/atomic-write';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { planReportSheets } from '../../src/xlsx/report-owner';
import { buildReportWorkbook, ReportSheetTakenError } from '../../src/xlsx/write-report';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';
import { smallResult } from '../report/fixture';
import { definedNames, sha256, sheetNames, tempDir, worksheetXml, writeWorkbook } from './workbook-files';

const HOSTILE = ['=1+1', '+SUM(A1)', '-2', '@x', '=HYPERLINK("http://x","y")'];

/** The fixture with hostile text in ids, names and dimensions. */
function hostileResult() {
  const result = smallResult();
  result.customers[0]!.name = HOSTILE[4]!;
  result.customers[1]!.name = HOSTILE[2]!;
  result.customers[1]!.customer = HOSTILE[3]!;
  return result;
}

async function makeInput(path: string, extraSheets: string[] = []): Promise<void> {
  await writeWorkbook(
    path,
    (wb) => {
      wb.addWorksheet('Pools').addRows([['Pool', 'Cost'], ['Sales', 1000]]);
      wb.addWorksheet('Transactions').addRows([['Customer', 'Driver', 'Quantity'], [1, 'Orders', 2]]);
      for (const s of extraSheets) wb.addWorksheet(s).getCell('A1').value = 'mine';
    },
    [
      { name: 'ABC_Pools', formula: 'Pools!$A$1:$B$2' },
      { name: 'ABC_Volumes', formula: "'Transactions'!$A:$C" },
      { name: '_xlnm.Print_Area', formula: 'Transactions!$A$1:$C$2', localSheetId: 1 },
      { name: 'Helper', formula: 'Pools!$B$2', localSheetId: 0, hidden: true },
    ],
  );
}

/** The summary's named headline figures, workbook-scoped (report-tables.ts). */
const HEADLINE_NAMES = [
  ['ABC_Revenue', 5],
  ['ABC_NetRevenue', 7],
  ['ABC_GrossMargin', 9],
  ['ABC_CostToServe', 11],
  ['ABC_CustomersNetProfit', 13],
  ['ABC_UnusedCapacity', 15],
  ['ABC_NotCharged', 16],
  ['ABC_OperatingProfit', 17],
  ['ABC_CustomerCount', 18],
  ['ABC_LossMakingCustomers', 19],
].map(([name, row]) => ({ name: name as string, localSheetId: null, hidden: false, formula: `'ABC Summary'!$B$${row}` }));

async function report(input: string, output: string): Promise<void> {
  const loaded = await loadWorkbook(input);
  writeFileSync(output, await buildReportWorkbook(loaded, buildReportSheets(hostileResult()), 'EUR'));
}

describe('writing the report workbook', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('adds the four sheets with values, formats, bold headers and frozen panes, leaving the input unchanged', async () => {
    const input = join(dir, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    await makeInput(input);
    const before = sha256(input);
    await report(input, output);
    expect(sha256(input)).toBe(before);
    expect(await sheetNames(output)).toEqual(['Pools', 'Transactions', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const pnl = wb.getWorksheet('ABC Customer P&L')!;
    expect(pnl.getCell('A3').value).toBe('Rank');
    expect(pnl.getCell('A3').font?.bold).toBe(true);
    expect(pnl.getCell('E3').value).toBe('Revenue');
    expect(pnl.getCell('E4').value).toBe(10000);
    expect(pnl.getCell('E4').numFmt).toBe('"€ "#,##0.00;[Red]"€ "-#,##0.00');
    expect(pnl.getCell('J4').numFmt).toBe('0.0%');
    expect(pnl.getCell('A4').numFmt).toBe('#,##0');
    expect(pnl.getCell('B7').value).toBe('Total');
    expect(pnl.getCell('B7').font?.bold).toBe(true);
    expect(pnl.getCell('E7').value).toBe(14000);
    expect(pnl.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    expect(pnl.getColumn(3).width).toBeGreaterThan(8);

    const rates = wb.getWorksheet('ABC Rates')!;
    expect(rates.getCell('E5').value).toBe(1);
    expect(rates.getCell('E5').numFmt).toBe('#,##0.0000');
    const summary = wb.getWorksheet('ABC Summary')!;
    expect(summary.getCell('A1').value).toBe('Activity-based customer profitability: summary');
  });

  it('writes hostile text from the workbook as text, never as a formula', async () => {
    const input = join(dir, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    await makeInput(input);
    await report(input, output);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const pnl = wb.getWorksheet('ABC Customer P&L')!;
    const texts = [pnl.getCell('B6'), pnl.getCell('C6'), pnl.getCell('D6'), pnl.getCell('C4'), pnl.getCell('B5'), pnl.getCell('C5')];
    expect(texts.map((c) => c.value)).toEqual(['=1+1', '@x', '+SUM(A1)', HOSTILE[4], '@x', '-2']);
    for (const c of texts) expect(c.type).toBe(ExcelJS.ValueType.String);

    const xml = await worksheetXml(output, 'ABC Customer P&L');
    expect(xml).not.toMatch(/<f[ >]/);
    for (const ref of ['B6', 'C6', 'D6', 'C4', 'B5', 'C5']) {
      const cell = new RegExp(`<c r="${ref}"[^>]*>`).exec(xml)?.[0] ?? '';
      expect(cell).toMatch(/t="(s|inlineStr|str)"/);
      expect(cell).not.toMatch(/t="str"/);
    }
    for (const sheet of ['ABC Rates', 'ABC Summary']) expect(await worksheetXml(output, sheet)).not.toMatch(/<f[ >]/);
  });

  it('keeps every defined name of the input and marks the report sheets as owned', async () => {
    const input = join(dir, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    await makeInput(input);
    await report(input, output);
    expect(await definedNames(output)).toEqual([
      { name: 'ABC_Pools', localSheetId: null, hidden: false, formula: 'Pools!$A$1:$B$2' },
      { name: 'ABC_Volumes', localSheetId: null, hidden: false, formula: "'Transactions'!$A:$C" },
      { name: '_xlnm.Print_Area', localSheetId: '1', hidden: false, formula: 'Transactions!$A$1:$C$2' },
      { name: 'Helper', localSheetId: '0', hidden: true, formula: 'Pools!$B$2' },
      { name: 'ABC_ReportOwner', localSheetId: '2', hidden: true, formula: '"ABC report: pnl"' },
      { name: 'ABC_ReportOwner', localSheetId: '3', hidden: true, formula: '"ABC report: rates"' },
      { name: 'ABC_ReportOwner', localSheetId: '4', hidden: true, formula: '"ABC report: summary"' },
      { name: 'ABC_ReportOwner', localSheetId: '5', hidden: true, formula: '"ABC report: actions"' },
      // The P&L's print titles, scoped to it; its filter is its table's (ABC_PnL), no sheet AutoFilter.
      { name: '_xlnm.Print_Titles', localSheetId: '2', hidden: false, formula: "'ABC Customer P&L'!$A:$C,'ABC Customer P&L'!$1:$3" },
      ...HEADLINE_NAMES,
    ]);
  });

  it('replaces its own report sheets on a second run, keeping the other sheets and names', async () => {
    const input = join(dir, 'in.xlsx');
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    await makeInput(input);
    await report(input, first);
    expect(planReportSheets(await loadWorkbook(first)).replace.map((ws) => ws.name)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
    await report(first, second);
    expect(await sheetNames(second)).toEqual(['Pools', 'Transactions', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
    const names = await definedNames(second);
    expect(names.filter((n) => n.name === 'ABC_ReportOwner').map((n) => n.localSheetId)).toEqual(['2', '3', '4', '5']);
    expect(names.filter((n) => n.name !== 'ABC_ReportOwner')).toEqual((await definedNames(first)).filter((n) => n.name !== 'ABC_ReportOwner'));
  });

  it('replaces an earlier report sheet in place, so the other sheet-scoped names keep their sheet', async () => {
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(
      input,
      (wb) => {
        wb.addWorksheet('ABC Summary').getCell('A1').value = 'old report';
        wb.addWorksheet('Notes').getCell('A1').value = 'mine';
      },
      [
        { name: 'ABC_ReportOwner', formula: '"customer-profitability-abc"', localSheetId: 0, hidden: true },
        { name: '_xlnm.Print_Area', formula: 'Notes!$A$1:$B$2', localSheetId: 1 },
        { name: '_xlnm.Print_Area', formula: "'ABC Summary'!$A$1:$B$2", localSheetId: 0 },
      ],
    );
    const output = join(dir, 'out.xlsx');
    await report(input, output);
    expect(await sheetNames(output)).toEqual(['ABC Summary', 'Notes', 'ABC Customer P&L', 'ABC Rates', 'ABC Actions']);
    // The old sheet's own names (its marker, its print area) went with its old content; its old mark,
    // written before marks named the role, is replaced by one that does.
    expect(await definedNames(output)).toEqual([
      { name: '_xlnm.Print_Area', localSheetId: '1', hidden: false, formula: 'Notes!$A$1:$B$2' },
      { name: 'ABC_ReportOwner', localSheetId: '0', hidden: true, formula: '"ABC report: summary"' },
      { name: 'ABC_ReportOwner', localSheetId: '2', hidden: true, formula: '"ABC report: pnl"' },
      { name: 'ABC_ReportOwner', localSheetId: '3', hidden: true, formula: '"ABC report: rates"' },
      { name: 'ABC_ReportOwner', localSheetId: '4', hidden: true, formula: '"ABC report: actions"' },
      // The P&L's print titles, scoped to it; its filter is its table's (ABC_PnL), no sheet AutoFilter.
      { name: '_xlnm.Print_Titles', localSheetId: '2', hidden: false, formula: "'ABC Customer P&L'!$A:$C,'ABC Customer P&L'!$1:$3" },
      ...HEADLINE_NAMES,
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.getWorksheet('ABC Summary')!.getCell('A1').value).toBe('Activity-based customer profitability: summary');
    expect(wb.getWorksheet('Notes')!.getCell('A1').value).toBe('mine');
  });

  it("never overwrites a user's sheet that has a report sheet's name", async () => {
    const input = join(dir, 'in.xlsx');
    await makeInput(input, ['abc rates']);
    const loaded = await loadWorkbook(input);
    const plan = planReportSheets(loaded);
    expect(plan.issues.map((i) => [i.code, i.where])).toEqual([['REPORT_SHEET_TAKEN', { sheet: 'abc rates', cell: 'A1' }]]);
    await expect(buildReportWorkbook(loaded, buildReportSheets(smallResult()), 'EUR')).rejects.toThrow(ReportSheetTakenError);
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes the whole file and leaves no temporary file', async () => {
    const target = join(dir, 'sub', 'a.json');
    await writeFileAtomic(target, '{"a":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('leaves nothing behind when the target cannot be replaced', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(existsSync(join(target, 'inside'))).toBe(true);
  });
});

describe('buildBlocksWorkbook', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes each block from A1 under a workbook-scoped name, text as text', async () => {
    const path = join(dir, 'model.xlsx');
    const bytes = await buildBlocksWorkbook([
      { sheet: 'Pools', rangeName: 'ABC_Pools', rows: [['Pool', 'Cost'], ['Sales', 1000.5], ['=1+1', 3]], columnWidths: [20, 12], numberFormats: [null, '#,##0.00'] },
      { sheet: 'Customer costs', rangeName: 'ABC_CustomerCosts', rows: [['Customer', 'Item', 'Amount']] },
    ]);
    writeFileSync(path, bytes);
    expect(await definedNames(path)).toEqual([
      { name: 'ABC_Pools', localSheetId: null, hidden: false, formula: 'Pools!$A$1:$B$3' },
      { name: 'ABC_CustomerCosts', localSheetId: null, hidden: false, formula: "'Customer costs'!$A$1:$C$1" },
      // The list the Pool drop-downs use (template-layout.ts), over the pools below their header.
      { name: 'PoolList', localSheetId: null, hidden: false, formula: 'OFFSET(ABC_Pools,1,0,ROWS(ABC_Pools)-1,1)' },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const pools = wb.getWorksheet('Pools')!;
    expect(pools.getCell('B2').value).toBe(1000.5);
    expect(pools.getCell('B2').numFmt).toBe('#,##0.00');
    expect(pools.getCell('A3').value).toBe('=1+1');
    expect(pools.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(pools.getColumn(1).width).toBe(20);
    expect(await worksheetXml(path, 'Pools')).not.toMatch(/<f[ >]/);
  });
});
