/**
 * The producers' corpus (issue 7, item 3): the same small model written by openpyxl, pandas, LibreOffice,
 * ExcelJS, the project's own writer and hand-edited variants (test/fixtures/producers/README.md, where
 * the figures are worked out by hand). Each goes through the runner's pipeline in-process, as
 * src/cli/run.ts does it; each must give the hand-computed figures to the cent, or exactly the located
 * errors it is made to give. Every report must be a sound package (test/helpers/package-invariants.ts)
 * and, when LibreOffice is installed, open in it: all reports are converted to PDF in one soffice call.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join } from 'path';
import { main } from '../../src/cli/main';
import type { Output } from '../../src/cli/print';
import { defaultReportPath } from '../../src/cli/run';
import { hasErrors, type Issue } from '../../src/engine/issues';
import { analyseWorkbook } from '../../src/workbook/analyse';
import type { CellValue } from '../../src/workbook/grid';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { type IssueJson, type ResultJson, resultToJson } from '../../src/workbook/result-json';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { readContractRanges } from '../../src/xlsx/read-ranges';
import { planReportSheets } from '../../src/xlsx/report-owner';
import { buildReportWorkbook, reportExtension } from '../../src/xlsx/write-report';
import { buildBlocksWorkbook, type SheetBlock } from '../../src/xlsx/write-sample';
import { checkPackage, workbookContentType } from '../helpers/package-invariants';

const DIR = join(__dirname, '..', 'fixtures', 'producers');
const MODEL_JSON = join(__dirname, '..', '..', 'scripts', 'fixtures', 'model.json');
/** The project's own writer makes its fixture in the test (it is src code, not a committed file). */
const OWN_WRITER = 'project-writer.xlsx (buildBlocksWorkbook, made in the test)';

/** Fixtures that hold the model correctly: each must give the hand-computed figures. */
const GOOD = [
  'openpyxl.xlsx',
  'openpyxl-write-only.xlsx',
  'pandas.xlsx',
  'libreoffice-from-fods.xlsx',
  'libreoffice-roundtrip.xlsx',
  'exceljs.xlsx',
  OWN_WRITER,
  'hand-a-r-on-sheet.xlsx',
  'hand-b-x-prefix.xlsx',
  'hand-c-strict.xlsx',
  'hand-d-inline-strings.xlsx',
  'hand-e-no-r-attributes.xlsx',
  'hand-f-utf16.xlsx',
  'hand-g-comments.xlsx',
  'hand-h-sheet-scoped-name.xlsx',
  'hand-i-iso-date.xlsx',
  'hand-j-east-asian-date.xlsx',
  'hand-k-macro.xlsm',
];

/** Fixtures with one deliberate problem: exactly these errors, at these cells, and no report. */
const BAD: Record<string, Array<Pick<IssueJson, 'code' | 'location'>>> = {
  'openpyxl-formula.xlsx': [{ code: 'FORMULA_NOT_CALCULATED', location: 'Volumes!C2 (ABC_Volumes)' }],
  'hand-m-percent-discount.xlsx': [{ code: 'PERCENT_FOR_AMOUNT', location: 'Customers!D2 (ABC_Customers)' }],
  'hand-n-comma-number.xlsx': [{ code: 'STORED_VALUE_NOT_A_NUMBER', location: 'Volumes!C2 (ABC_Volumes)' }],
};

/** The figures worked out by hand in test/fixtures/producers/README.md. */
const EXPECTED = {
  currency: 'EUR',
  period: '2024-12-31',
  pools: [
    { pool: 'Sales office', method: 'time', cost: 12000, capacityMinutes: 15000, ratePerMinute: 0.8, usedMinutes: 10780, unusedMinutes: 4220, unusedCost: 3376, unassignedCost: 0 },
    { pool: 'Administration', method: 'share', cost: 20000, capacityMinutes: null, ratePerMinute: null, usedMinutes: null, unusedMinutes: null, unusedCost: null, unassignedCost: 2000 },
  ],
  activities: [
    { activity: 'Order entry', pool: 'Sales office', method: 'time', cost: 6704, drivers: [
      { driver: 'Orders', quantity: 760, costPerUnit: 4.8 },
      { driver: 'Order lines', quantity: 1910, costPerUnit: 1.6 },
    ] },
    { activity: 'Quotations', pool: 'Sales office', method: 'time', cost: 1920, drivers: [{ driver: 'Quotes', quantity: 80, costPerUnit: 24 }] },
    { activity: 'Credit control', pool: 'Administration', method: 'share', cost: 12000, drivers: [{ driver: 'Credit checks', quantity: 7, costPerUnit: 12000 / 7 }] },
    { activity: 'General management', pool: 'Administration', method: 'share', cost: 6000, drivers: [], unassignedCost: 6000, businessSustaining: true },
    { activity: 'Parcel delivery', pool: null, method: 'rate', cost: 2062.5, drivers: [{ driver: 'Parcels', quantity: 275, costPerUnit: 7.5 }] },
  ],
  // Sorted by net profit, highest first.
  customers: [
    { customer: '1001', name: 'Bakker BV', dimensions: { Segment: 'Retail' }, revenue: 120000, discounts: 2400, netRevenue: 117600, cogs: 84000, grossMargin: 33600,
      activityCosts: { 'Order entry': 2880, Quotations: 960, 'Credit control': 6857.14, 'General management': 0, 'Parcel delivery': 900 },
      costToServe: 11597.14, directCosts: 1500, netProfit: 20502.86 },
    { customer: '1002', name: 'Jansen Horeca', dimensions: { Segment: 'Horeca' }, revenue: 60000, discounts: 0, netRevenue: 60000, cogs: 39000, grossMargin: 21000,
      activityCosts: { 'Order entry': 2000, Quotations: 600, 'Credit control': 1714.29, 'General management': 0, 'Parcel delivery': 600 },
      costToServe: 4914.29, directCosts: 350.4, netProfit: 15735.31 },
    { customer: 'C-3', name: 'Smit & Zn', dimensions: { Segment: 'Retail' }, revenue: 35000, discounts: 700, netRevenue: 34300, cogs: 26250, grossMargin: 8050,
      activityCosts: { 'Order entry': 1152, Quotations: 240, 'Credit control': 3428.57, 'General management': 0, 'Parcel delivery': 337.5 },
      costToServe: 5158.07, directCosts: -300, netProfit: 3191.93 },
    { customer: 'C-4', name: 'De Vries', dimensions: { Segment: 'Horeca' }, revenue: 8000, discounts: 0, netRevenue: 8000, cogs: 6900, grossMargin: 1100,
      activityCosts: { 'Order entry': 672, Quotations: 120, 'Credit control': 0, 'General management': 0, 'Parcel delivery': 225 },
      costToServe: 1017, directCosts: 250, netProfit: -167 },
  ],
  totals: {
    revenue: 223000, discounts: 3100, netRevenue: 219900, cogs: 156150, grossMargin: 63750, costToServe: 22686.5,
    directCosts: 1800.4, netProfit: 39263.1, unusedCapacityCost: 3376, unassignedCost: 8000, operatingProfit: 27887.1,
  },
  issues: [],
};

interface Outcome {
  json: ResultJson | null;
  report: Buffer | null;
  /** An exception from the pipeline (the runner would print "Unexpected failure" or exit 2). */
  thrown: string | null;
}

/** The runner's pipeline as src/cli/run.ts runs it, without the files and the printing. */
async function runPipeline(path: string): Promise<Outcome> {
  try {
    const loaded = await loadWorkbook(path);
    const found = await readContractRanges(loaded);
    const analysis = analyseWorkbook(found.grids);
    const modelIssues = analysis.issues.filter((i) => !(i.code === 'MISSING_RANGE' && found.broken.has(i.where.range ?? '')));
    const issues: Issue[] = [...found.issues, ...modelIssues, ...planReportSheets(loaded).issues];
    const result = hasErrors(issues) ? null : analysis.result;
    const report = result === null ? null : await buildReportWorkbook(loaded, buildReportSheets(result), result.settings.currency);
    return { json: resultToJson({ issues, result: report === null ? null : result }), report, thrown: null };
  } catch (e) {
    return { json: null, report: null, thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** model.json's blocks as the project's writer takes them; a date is UTC midnight, as ExcelJS expects. */
function modelBlocks(): SheetBlock[] {
  const model = JSON.parse(readFileSync(MODEL_JSON, 'utf8')) as { blocks: Array<{ sheet: string; rangeName: string; rows: unknown[][] }> };
  const cell = (v: unknown): CellValue => {
    if (v !== null && typeof v === 'object' && 'date' in v) return new Date(`${String((v as { date: string }).date)}T00:00:00Z`);
    return v as CellValue;
  };
  return model.blocks.map((b) => ({ sheet: b.sheet, rangeName: b.rangeName, rows: b.rows.map((r) => r.map(cell)) }));
}

let work: string;
const outcomes = new Map<string, Outcome>();
const pathOf = (fixture: string): string => (fixture === OWN_WRITER ? join(work, 'project-writer.xlsx') : join(DIR, fixture));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'abc-producers-'));
  writeFileSync(pathOf(OWN_WRITER), await buildBlocksWorkbook(modelBlocks()));
  for (const fixture of [...GOOD, ...Object.keys(BAD)]) outcomes.set(fixture, await runPipeline(pathOf(fixture)));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outcome = (fixture: string): Outcome => {
  const o = outcomes.get(fixture);
  if (o === undefined) throw new Error(`no outcome for ${fixture}`);
  return o;
};

describe('the fixtures themselves', () => {
  it.each([...GOOD.filter((f) => f !== OWN_WRITER), ...Object.keys(BAD)])('%s is a sound package under 50 KB', async (fixture) => {
    const bytes = readFileSync(pathOf(fixture));
    expect(bytes.length).toBeLessThan(50_000);
    expect(await checkPackage(bytes)).toEqual([]);
  });
});

describe('each producer gives the hand-computed figures', () => {
  it.each(GOOD)('%s', (fixture) => {
    const { json, thrown } = outcome(fixture);
    expect(thrown).toBeNull();
    expect(json?.issues).toEqual([]);
    expect(json).toMatchObject(EXPECTED);
    // toMatchObject lets arrays of objects carry extra fields but not extra elements; say so for the customers.
    expect(json?.customers.map((c) => c.customer)).toEqual(['1001', '1002', 'C-3', 'C-4']);
  });
});

describe('each deliberate problem is a located error, and nothing is reported as figures', () => {
  it.each(Object.keys(BAD))('%s', (fixture) => {
    const { json, report, thrown } = outcome(fixture);
    expect(thrown).toBeNull();
    expect(json?.issues.map((i) => ({ code: i.code, location: i.location }))).toEqual(BAD[fixture]);
    expect(json?.issues.every((i) => i.severity === 'error')).toBe(true);
    expect([json?.totals, report]).toEqual([null, null]);
  });
});

describe('every report is a sound package', () => {
  it.each(GOOD)('%s', async (fixture) => {
    const { report } = outcome(fixture);
    expect(report).not.toBeNull();
    expect(await checkPackage(report!)).toEqual([]);
    // A report with macros must be named .xlsm (Excel refuses macros in an .xlsx), one without them .xlsx.
    const macro = /macroEnabled/i.test((await workbookContentType(report!)) ?? '');
    const extension = await reportExtension(await loadWorkbook(pathOf(fixture)));
    expect(extname(defaultReportPath(pathOf(fixture), extension))).toBe(macro ? '.xlsm' : '.xlsx');
  });
});

describe('a macro-enabled workbook on the command line', () => {
  const capture = (): Output & { lines: string[] } => {
    const lines: string[] = [];
    return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
  };

  it('gets an .xlsm report next to it by default, with its macros', async () => {
    const input = join(work, 'macro.xlsm');
    writeFileSync(input, readFileSync(pathOf('hand-k-macro.xlsm')));
    const io = capture();
    expect(await main([input], io)).toBe(0);
    const report = join(work, 'macro-report.xlsm');
    expect(io.lines[io.lines.length - 1]).toBe(`Report written to ${report}.`);
    expect(await workbookContentType(readFileSync(report))).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(existsSync(join(work, 'macro-report.xlsx'))).toBe(false);
  });

  it('refuses an .xlsx name for it, and an .xlsm name for a workbook without macros', async () => {
    const io = capture();
    const wrong = join(work, 'wrong.xlsx');
    expect(await main([pathOf('hand-k-macro.xlsm'), '--out', wrong], io)).toBe(2);
    expect(io.lines).toEqual([`The workbook has macros (VBA), which its report keeps, so the report must be named .xlsm; --out ${wrong} ends in .xlsx.`]);
    const plain = capture();
    const wrongToo = join(work, 'wrong.xlsm');
    expect(await main([pathOf('openpyxl.xlsx'), '--out', wrongToo], plain)).toBe(2);
    expect(plain.lines).toEqual([`The workbook has no macros, so its report must be named .xlsx; --out ${wrongToo} ends in .xlsm.`]);
    expect([existsSync(wrong), existsSync(wrongToo)]).toEqual([false, false]);
  });
});

/** `soffice` when it is on PATH. */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? 'soffice' : null;
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined ? 'pdftotext' : null;

describe('LibreOffice opens every report', () => {
  /** Report file → fixture; a report is named .xlsm or .xlsx as its workbook's content type says. */
  const reports = new Map<string, string>();
  let pdfDir: string;

  beforeAll(async () => {
    if (soffice === null) {
      console.log('skipped: soffice not installed');
      return;
    }
    pdfDir = join(work, 'pdf');
    let n = 0;
    for (const fixture of GOOD) {
      const report = outcomes.get(fixture)?.report;
      if (report === null || report === undefined) continue;
      const macro = /macroEnabled/i.test((await workbookContentType(report)) ?? '');
      // Plain numbered names: soffice names each PDF after its input.
      const file = join(work, `report-${String(++n).padStart(2, '0')}.${macro ? 'xlsm' : 'xlsx'}`);
      writeFileSync(file, report);
      reports.set(file, fixture);
    }
    if (reports.size === 0) return;
    // One soffice run for all reports (start-up dominates), with a profile of its own so a running
    // LibreOffice or the user's settings cannot interfere.
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...reports.keys()],
      { stdio: 'ignore', timeout: 240_000 },
    );
  }, 300_000);

  const pdfOf = (fixture: string): string | null => {
    for (const [file, f] of reports) if (f === fixture) return join(pdfDir, file.replace(/^.*\//, '').replace(/\.xls[xm]$/, '.pdf'));
    return null;
  };

  it.each(GOOD)('%s', (fixture) => {
    if (soffice === null) return; // said once, in beforeAll
    const pdf = pdfOf(fixture);
    expect(pdf).not.toBeNull(); // no report at all: the figures test above says why
    expect(existsSync(pdf!)).toBe(true);
    expect(statSync(pdf!).size).toBeGreaterThan(0);
    if (pdftotext !== null) {
      const text = execFileSync(pdftotext, ['-layout', pdf!, '-'], { encoding: 'utf8' });
      // The company's operating profit, € 27,887.10, however LibreOffice's locale groups the digits.
      expect(text).toMatch(/27[,.\u00a0\u202f ]?887[.,]10/);
    }
  });
});
