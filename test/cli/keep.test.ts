/**
 * `--keep` (issue 20, item 5): the runner keeps the period in the report workbook's hidden sheet
 * "ABC History" (table ABC_History, owner mark `history`). Kept twice is one copy; a second period is
 * added beside the first; a run without --keep leaves the sheet's parts byte for byte; without a Period
 * setting nothing is kept and the report is still written.
 *
 * Kaplan & Anderson's department at $0.80 a minute (see statement.test.ts): customer 1001 earns 112,800
 * and =1+1 earns 24,320; at $595,000 (0.85 a minute) each customer's cost to serve grows by 1/16:
 * 287,200 → +17,950 and 175,680 → +10,980.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { compareFigures } from '../../src/engine/compare/bridge';
import type { PeriodFigures } from '../../src/engine/compare/figures';
import type { CellValue } from '../../src/workbook/grid';
import { HISTORY_COLUMNS, readHistory } from '../../src/workbook/history-layout';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { readHistoryTable } from '../../src/xlsx/read-history';
import { checkPackage } from '../helpers/package-invariants';
import { definedNames, sheetNames, tempDir, workbookXml } from '../xlsx/workbook-files';
import { kaplanWorkbook } from './kaplan-workbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The workbook's sheets as a namespace-aware parse sees them: name, state and relationship id. */
function sheetEntries(xml: string): Array<{ name: string; state: string | null; rid: string | null }> {
  const parser = new SaxesParser({ xmlns: true });
  const found: Array<{ name: string; state: string | null; rid: string | null }> = [];
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (tag.local !== 'sheet' || tag.uri !== MAIN) return;
    const attr = (uri: string, local: string): string | null => Object.values(tag.attributes).find((a) => a.uri === uri && a.local === local)?.value ?? null;
    found.push({ name: attr('', 'name') ?? '', state: attr('', 'state'), rid: attr(REL, 'id') });
  });
  parser.write(xml).close();
  return found;
}

/** The history read with ExcelJS (a reader apart from src/xlsx): the sheet's state, its table's name and its rows read back. */
async function historyByExcelJs(path: string, sheet = 'ABC History'): Promise<{ state: string; tables: string[]; rows: CellValue[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    rows.push(HISTORY_COLUMNS.map((_, i) => {
      const v = r.getCell(i + 1).value;
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    }));
  });
  const tables = (ws as unknown as { getTables(): Array<[{ name: string }]> | Array<{ table?: { name: string }; name?: string }> }).getTables();
  const names = (tables as unknown[]).map((t) => (Array.isArray(t) ? (t[0] as { name: string }).name : ((t as { table?: { name: string } }).table?.name ?? (t as { name?: string }).name ?? '')));
  return { state: ws.state, tables: names, rows };
}

/** The history's periods as read back from the file by the layout's reader. */
async function kept(path: string): Promise<ReturnType<typeof readHistory>> {
  const { rows } = await historyByExcelJs(path);
  return readHistory({ name: 'ABC_History', sheet: 'ABC History', top: 1, left: 1, rows });
}

/** The parts of the history sheet (its worksheet and table parts) with their bytes. */
async function historyParts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rid = sheetEntries(wb).find((s) => s.name === 'ABC History')?.rid;
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = [...rels.matchAll(/<Relationship [^>]*\/>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))?.match(/Target="([^"]+)"/)?.[1] ?? '';
  const sheetPart = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts = new Map<string, string>([[sheetPart, await zip.file(sheetPart)!.async('string')]]);
  const sheetRels = zip.file(sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels');
  for (const m of (await sheetRels?.async('string'))?.matchAll(/Target="\.\.\/tables\/([^"]+)"/g) ?? []) {
    const part = `xl/tables/${m[1] ?? ''}`;
    parts.set(part, await zip.file(part)!.async('string'));
  }
  return parts;
}

/** A copy of a report with its Period and the department's cost changed in the input cells (shared string and Pools!B2). */
async function changedPeriod(from: string, to: string, period: string, cost: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', strings.replace('>2004-Q1<', `>${period}<`));
  const pools = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', pools.replace('<v>560000</v>', `<v>${cost}</v>`));
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const soffice = spawnSync('which', ['soffice']).status === 0;

const ROWS_PER_PERIOD = 1 + 3 * 2 + 2 * (1 + 3 + 3);

describe('--keep', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const book = join(dir, 'kaplan.xlsx');
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');
  const third = join(dir, 'third.xlsx');
  beforeAll(async () => {
    await kaplanWorkbook(book, { volumes: 'long' });
  });

  test('parses as a flag, once', () => {
    expect(parseArgs(['book.xlsx', '--keep'])).toMatchObject({ kind: 'run', keep: true });
    expect(parseArgs(['book.xlsx'])).not.toHaveProperty('keep');
    expect(parseArgs(['book.xlsx', '--keep', '--keep'])).toMatchObject({ kind: 'usage-error', problem: { kind: 'given-twice', flag: '--keep' } });
  });

  test('keeps the period in a hidden, owned sheet whose table reads back as the model\'s figures', async () => {
    const r = await run([book, '--keep', '--out', first]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain(`Kept period 2004-Q1: 2 customers, ${ROWS_PER_PERIOD} rows in ABC_History`);
    expect(r.out).not.toContain('replaced');
    const bytes = readFileSync(first);
    expect(await checkPackage(bytes)).toEqual([]);
    const sheets = sheetEntries(await workbookXml(first));
    expect(sheets.map((s) => [s.name, s.state])).toContainEqual(['ABC History', 'hidden']);
    expect(sheets.filter((s) => s.state === 'hidden').map((s) => s.name)).toEqual(['ABC History']);
    const index = sheets.findIndex((s) => s.name === 'ABC History');
    expect(await definedNames(first)).toContainEqual({ name: 'ABC_ReportOwner', localSheetId: String(index), hidden: true, formula: '"ABC report: history"' });
    const byExcelJs = await historyByExcelJs(first);
    expect([byExcelJs.state, byExcelJs.tables, byExcelJs.rows.length]).toEqual(['hidden', ['ABC_History'], 1 + ROWS_PER_PERIOD]);

    const history = await kept(first);
    expect([history.order, history.issues]).toEqual([['2004-Q1'], []]);
    const p = history.periods.get('2004-Q1') as PeriodFigures;
    expect(p.customers.map((c) => [c.customer, c.name, c.segment, c.netProfit.toFixed(2), c.quantities.get('orders')?.toFixed()])).toEqual([
      ['1001', 'Alpha', 'Retail', '112800.00', '30000'],
      ['=1+1', '@x', '+SUM(A1)', '24320.00', '19000'],
    ]);
    expect(p.activities.map((a) => [a.activity, a.terms.map((t) => [t.driver, t.costPerUnit.toFixed(), t.minutes?.toFixed(), t.ratePerMinute?.toFixed()])])).toEqual([
      ['Process customer orders', [['Orders', '6.4', '8', '0.8']]],
      ['Handle customer inquiries', [['Inquiries', '35.2', '44', '0.8']]],
      ['Perform credit checks', [['Credit checks', '40', '50', '0.8']]],
    ]);
    expect([p.currency, p.totals.revenue.toFixed(2)]).toEqual(['USD', '1500000.00']);
  });

  test('kept again from its own report: one copy, the same rows and figures', async () => {
    const r = await run([first, '--keep', '--out', second]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Kept period 2004-Q1: 2 customers, ${ROWS_PER_PERIOD} rows in ABC_History (replaced the earlier copy)`);
    expect(await checkPackage(readFileSync(second))).toEqual([]);
    expect((await historyByExcelJs(second)).rows).toEqual((await historyByExcelJs(first)).rows);
    expect((await sheetNames(second)).filter((n) => n === 'ABC History')).toHaveLength(1);
  });

  test('a run without --keep leaves the history sheet and its table byte for byte, and hidden', async () => {
    const r = await run([second, '--out', third]);
    expect([r.code, r.out]).toEqual([0, expect.not.stringContaining('Kept period')]);
    const parts = await historyParts(second);
    expect([...parts.keys()].map((p) => p.replace(/\d+/, 'N'))).toEqual(['xl/worksheets/sheetN.xml', 'xl/tables/tableN.xml']);
    expect(await historyParts(third)).toEqual(parts);
    expect(sheetEntries(await workbookXml(third)).find((s) => s.name === 'ABC History')?.state).toBe('hidden');
  });

  test('a second period is kept beside the first, each read back as kept', async () => {
    const changed = join(dir, 'q2.xlsx');
    const both = join(dir, 'both.xlsx');
    await changedPeriod(first, changed, '2004-Q2', 595000);
    const r = await run([changed, '--keep', '--out', both]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Kept period 2004-Q2: 2 customers, ${ROWS_PER_PERIOD} rows in ABC_History`);
    const history = await kept(both);
    expect([history.order, history.issues]).toEqual([['2004-Q1', '2004-Q2'], []]);
    const q1 = history.periods.get('2004-Q1') as PeriodFigures;
    const q2 = history.periods.get('2004-Q2') as PeriodFigures;
    expect(q2.activities[0]?.terms[0]?.ratePerMinute?.toFixed()).toBe('0.85');
    // Both customers' cost to serve grows by 1/16 (0.80 → 0.85 a minute): 287,200 and 175,680 → 17,950 and 10,980.
    const change = compareFigures(q1, q2);
    expect(change.customers.map((c) => [c.customer, c.change.toFixed(2)])).toEqual([['1001', '-17950.00'], ['=1+1', '-10980.00']]);
  });

  test('a hand-edited cell of the kept table is named with its address when the file is read back', async () => {
    const broken = join(dir, 'broken.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(first));
    const [part] = [...(await historyParts(first)).keys()];
    const xml = await zip.file(part as string)!.async('string');
    // S4: the first term row's Cost per unit (6.4), typed over with text.
    const edited = xml.replace(/<c r="S4"([^>]*?)( t="[^"]*")?([^>]*)>.*?<\/c>/, '<c r="S4"$1$3 t="inlineStr"><is><t>lots</t></is></c>');
    expect(edited).not.toBe(xml);
    zip.file(part as string, edited);
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const found = await readHistoryTable(await loadWorkbook(broken));
    expect(found?.owned).toBe(true);
    const history = readHistory(found!.grid);
    expect(history.issues.map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([['HISTORY_UNREADABLE', 'ABC History', 'S4']]);
    expect(history.order).toEqual([]);
    // Another period kept beside it: the broken cell is named where the new file has it, the period still kept.
    const q2 = join(dir, 'broken-q2.xlsx');
    await changedPeriod(broken, q2, '2004-Q2', 560000);
    const beside = await run([q2, '--keep', '--out', join(dir, 'beside.xlsx')]);
    expect([beside.code, beside.out]).toEqual([0, expect.stringContaining('Kept period 2004-Q2')]);
    expect(beside.err).toContain("'ABC History'!S4 (ABC_History)");
    expect(beside.err).toContain('HISTORY_UNREADABLE');
    expect((await kept(join(dir, 'beside.xlsx'))).order).toEqual(['2004-Q2']);
    // The current result is still written, kept over the broken period: its rows replace the broken ones.
    const r = await run([broken, '--keep', '--out', join(dir, 'mended.xlsx')]);
    expect([r.code, (await kept(join(dir, 'mended.xlsx'))).issues]).toEqual([0, []]);
  });

  (soffice ? test : test.skip)('LibreOffice keeps the sheet hidden and the table ours: read back, and kept again as one copy', async () => {
    const lo = join(dir, 'lo');
    mkdirSync(lo);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx', '--outdir', lo, first], { stdio: 'ignore', timeout: 120_000 });
    const saved = join(lo, 'first.xlsx');
    expect(sheetEntries(await workbookXml(saved)).find((s) => s.name === 'ABC History')?.state).toBe('hidden');
    const found = await readHistoryTable(await loadWorkbook(saved));
    expect(found?.owned).toBe(true);
    const history = readHistory(found!.grid);
    expect([history.order, history.issues]).toEqual([['2004-Q1'], []]);
    expect((await kept(first)).periods.get('2004-Q1')?.customers.map((c) => c.netProfit.toFixed())).toEqual(history.periods.get('2004-Q1')?.customers.map((c) => c.netProfit.toFixed()));
    const r = await run([saved, '--keep', '--out', join(lo, 'again.xlsx')]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('(replaced the earlier copy)');
  }, 120_000);

  test('without a Period setting nothing is kept, HISTORY_NO_PERIOD says why, the report is written', async () => {
    const noPeriod = join(dir, 'no-period.xlsx');
    const out = join(dir, 'no-period-report.xlsx');
    await kaplanWorkbook(noPeriod, { volumes: 'long', noPeriod: true });
    const r = await run([noPeriod, '--keep', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('HISTORY_NO_PERIOD');
    expect(r.out).not.toContain('Kept period');
    expect(await sheetNames(out)).not.toContain('ABC History');
  });
});
