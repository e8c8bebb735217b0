/**
 * The runner's `--compare`, `--compare-period`, `--label-earlier` and `--svg-bridge` (issue 20): this
 * period against an earlier model, an earlier report, an earlier --json result or a period kept in the
 * workbook; and the bad input a controller meets (another currency, one label for both, a file that is no
 * model, a customer id written another way, a kept history broken by hand).
 *
 * Kaplan & Anderson's department (kaplan-workbook.ts): 2004-Q1 at $560,000 for 700,000 minutes ($0.80 a
 * minute); 2004-Q2 at $595,000 ($0.85). Nothing else changes, so each customer's change is all cost per
 * minute, −$0.05 a minute on its minutes:
 *   1001 Alpha: orders 30,000 × 8 = 240,000 min → −12,000; inquiries 1,000 × 44 = 44,000 → −2,200;
 *     credit checks 1,500 × 50 = 75,000 → −3,750; change −17,950 (net profit 112,800 → 94,850).
 *   1002 Beta: 19,000 × 8 → −7,600; 400 × 44 → −880; 1,000 × 50 → −2,500; change −10,980 (24,320 → 13,340).
 * The company: operating profit changes by −35,000, of which −28,930 on customers and −6,070 unused
 * capacity not charged (the 121,400 unused minutes × 0.05).
 */
import { readFileSync, existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import type { ResultJson } from '../../src/workbook/result-json';
import { checkPackage } from '../helpers/package-invariants';
import { sheetNames, tempDir, writeWorkbook } from '../xlsx/workbook-files';
import { kaplanWorkbook, type KaplanTweaks } from './kaplan-workbook';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const BETA = { id: 1002, name: 'Beta', segment: 'Wholesale' };
const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function model(name: string, tweak: KaplanTweaks = {}): Promise<string> {
  const path = join(dir, name);
  await kaplanWorkbook(path, { volumes: 'long', second: BETA, ...tweak });
  return path;
}

const json = (path: string): ResultJson => JSON.parse(readFileSync(path, 'utf8')) as ResultJson;

/** The comparison's customers as [id, before, after, change, activityRate] and the company's change and parts. */
function figures(doc: ResultJson): { customers: unknown[]; change: number | undefined; unusedNotCharged: number | undefined } {
  const c = doc.comparison;
  return {
    customers: (c?.customers ?? []).map((x) => [x.customer, x.before, x.after, x.change, x.bridge.activityRate]),
    change: c?.totals.change,
    unusedNotCharged: c?.totals.bridge.unusedNotCharged,
  };
}

const EXPECTED = {
  customers: [
    ['1001', 112800, 94850, -17950, -17950],
    ['1002', 24320, 13340, -10980, -10980],
  ],
  change: -35000,
  unusedNotCharged: -6070,
};

describe('the runner compares this period with an earlier one', () => {
  let q1: string;
  let q2: string;
  beforeAll(async () => {
    q1 = await model('q1.xlsx');
    q2 = await model('q2.xlsx', { poolCost: 595000, period: '2004-Q2' });
  });

  it('from the earlier model: the bridge per customer and for the company, the sheet, the lines printed', async () => {
    const out = join(dir, 'q2-report.xlsx');
    const result = await run([q2, '--out', out, '--json', join(dir, 'q2.json'), '--compare', q1, '--svg-bridge', join(dir, 'bridge.svg')]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(figures(json(join(dir, 'q2.json')))).toEqual(EXPECTED);
    const c = json(join(dir, 'q2.json')).comparison;
    expect([c?.earlier, c?.now]).toEqual(['2004-Q1', '2004-Q2']);
    expect(c?.customers[0]?.activities.map((a) => [a.activity, a.volume, a.rate, a.timePerUnit, a.costPerMinute])).toEqual([
      ['Process customer orders', 0, -12000, 0, -12000],
      ['Handle customer inquiries', 0, -2200, 0, -2200],
      ['Perform credit checks', 0, -3750, 0, -3750],
    ]);
    expect(await sheetNames(out)).toContain('ABC Comparison');
    expect(result.out).toContain('Compared with 2004-Q1');
    expect(result.out).toContain('operating profit $40,000.00 → $5,000.00, change $-35,000.00');
    expect(result.out).toContain('activity rate $-28,930.00, unused capacity not charged $-6,070.00');
    expect(readFileSync(join(dir, 'bridge.svg'), 'utf8')).toContain('<svg');
  });

  it('from the earlier report and from the earlier --json result, with the same figures', async () => {
    const report = join(dir, 'q1-report.xlsx');
    const earlierJson = join(dir, 'q1.json');
    expect((await run([q1, '--out', report, '--json', earlierJson])).code).toBe(0);
    for (const earlier of [report, earlierJson]) {
      const target = join(dir, 'via.json');
      const result = await run([q2, '--out', join(dir, 'via.xlsx'), '--json', target, '--compare', earlier]);
      expect([earlier, result.code, result.err]).toEqual([earlier, 0, '']);
      expect(figures(json(target))).toEqual(EXPECTED);
    }
  });

  it('empties its Comparison sheet, chart and all, when a later run of the report compares nothing', async () => {
    const first = join(dir, 'compared.xlsx');
    expect((await run([q2, '--out', first, '--compare', q1])).code).toBe(0);
    const again = join(dir, 'compared-again.xlsx');
    expect((await run([first, '--out', again])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(again));
    const charts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(charts.join('\n')).not.toContain('ABC profit bridge');
    expect(charts.join('\n')).toContain('ABC whale curve');
    expect(await sheetNames(again)).toContain('ABC Comparison');
    const strings = (await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')))).join('\n');
    expect(strings).toContain('No comparison in this run, so this sheet holds no figures');
    expect(strings).not.toContain('Operating profit 2004-Q1');
    expect(await checkPackage(readFileSync(first))).toEqual([]);
    expect(await checkPackage(readFileSync(again))).toEqual([]);
  });

  it('names the earlier period as --label-earlier says (a budget)', async () => {
    const target = join(dir, 'budget.json');
    const result = await run([q2, '--out', join(dir, 'budget.xlsx'), '--json', target, '--compare', q1, '--label-earlier', 'Budget']);
    expect(result.code).toBe(0);
    expect(json(target).comparison?.earlier).toBe('Budget');
    expect(result.out).toContain('Compared with Budget');
  });

  it('refuses periods with one label, and periods in two currencies, writing nothing', async () => {
    const same = await model('same-label.xlsx', { poolCost: 595000 });
    const euro = await model('euro.xlsx', { poolCost: 595000, period: '2004-Q2', currency: 'EUR' });
    for (const [input, code] of [[same, 'COMPARE_SAME_LABEL'], [euro, 'COMPARE_CURRENCY']] as const) {
      const out = join(dir, `${code}.xlsx`);
      const result = await run([input, '--out', out, '--compare', q1]);
      expect([code, result.code]).toEqual([code, 1]);
      expect(result.err).toContain(code);
      expect(result.err).toContain(q1);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a file that is no model, and says where a broken earlier model is wrong, writing nothing', async () => {
    const notModel = join(dir, 'notes.xlsx');
    await writeWorkbook(notModel, (wb) => {
      wb.addWorksheet('Notes').getCell('A1').value = 'nothing to compare';
    });
    const out = join(dir, 'refused.xlsx');
    const refused = await run([q2, '--out', out, '--compare', notModel]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('not a model or a report of one');
    const broken = await model('broken.xlsx', { negativeCost: true });
    const failed = await run([q2, '--out', out, '--compare', broken]);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain(`In the earlier period (${broken}):`);
    expect(failed.err).toMatch(/Pools!B2/);
    expect(existsSync(out)).toBe(false);
  });

  it('will not write the report over the earlier file', async () => {
    const copy = join(dir, 'earlier-copy.xlsx');
    writeFileSync(copy, readFileSync(q1));
    const result = await run([q2, '--out', copy, '--compare', copy]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("is the earlier period's file");
    expect(readFileSync(copy).equals(readFileSync(q1))).toBe(true);
  });

  it('says so when a customer id is one number written two ways, and compares them as new and lost', async () => {
    const zeros = await model('zeros.xlsx', { poolCost: 595000, period: '2004-Q2', second: { ...BETA, id: '01002' } });
    const target = join(dir, 'zeros.json');
    const result = await run([zeros, '--out', join(dir, 'zeros-report.xlsx'), '--json', target, '--compare', q1]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('COMPARE_ID_CHANGED');
    expect(json(target).comparison?.customers.map((c) => [c.customer, c.status])).toEqual([
      ['1001', 'both'],
      ['01002', 'new'],
      ['1002', 'lost'],
    ]);
  });
});

/**
 * A copy of the report with its Pools cost and Period changed, as a controller edits the workbook for the
 * next quarter: the model's texts are shared strings, the kept history's are written inline, so only the
 * model's Period changes.
 */
async function nextQuarter(from: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, name.endsWith('sharedStrings.xml') ? xml.replace(/>2004-Q1</g, '>2004-Q2<') : xml.replace('<v>560000</v>', '<v>595000</v>'));
  }
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('the runner compares with a period kept in the workbook', () => {
  it('keeps Q1, the model is edited to Q2, and --compare-period 2004-Q1 shows the edit as the change', async () => {
    const q1 = await model('kept-q1.xlsx');
    const kept = join(dir, 'kept-q1-report.xlsx');
    expect((await run([q1, '--out', kept, '--keep'])).code).toBe(0);
    const q2 = join(dir, 'kept-q2.xlsx');
    await nextQuarter(kept, q2);
    const target = join(dir, 'kept.json');
    const result = await run([q2, '--out', join(dir, 'kept-q2-report.xlsx'), '--json', target, '--compare-period', '2004-Q1']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(figures(json(target))).toEqual(EXPECTED);
    expect(result.out).toContain('Compared with 2004-Q1 (ABC_History)');
  });

  it('names the kept periods when the one asked for is not there', async () => {
    const q1 = await model('kept-only.xlsx');
    const kept = join(dir, 'kept-only-report.xlsx');
    expect((await run([q1, '--out', kept, '--keep'])).code).toBe(0);
    const result = await run([kept, '--out', join(dir, 'none.xlsx'), '--compare-period', '2003']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--compare-period 2003: no such period in ABC_History (kept: 2004-Q1)');
  });

  it('writes the report without the comparison when ABC_History was broken by hand, naming the cell', async () => {
    const q1 = await model('broken-history.xlsx');
    const kept = join(dir, 'broken-history-report.xlsx');
    expect((await run([q1, '--out', kept, '--keep'])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(kept));
    // The history sheet is the last worksheet written; its first customer's revenue becomes text.
    const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let edited = false;
    for (const name of parts) {
      const xml = await zip.file(name)!.async('string');
      if (!xml.includes('1000000') || !xml.includes('112800')) continue;
      zip.file(name, xml.replace(/<c r="([A-Z]+\d+)"([^>]*)><v>1000000<\/v><\/c>/, '<c r="$1"$2 t="inlineStr"><is><t>one million</t></is></c>'));
      edited = true;
    }
    expect(edited).toBe(true);
    const broken = join(dir, 'broken-history-edited.xlsx');
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = join(dir, 'broken-history-out.xlsx');
    const result = await run([broken, '--out', out, '--compare-period', '2004-Q1', '--svg-bridge', join(dir, 'never.svg')]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/HISTORY_UNREADABLE at 'ABC History'!I\d+ \(ABC_History\)/);
    expect(result.err).toContain('the comparison with a kept period is left out');
    expect(result.err).toContain('--svg-bridge');
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, 'never.svg'))).toBe(false);
  });
});

describe('the comparison options on the command line', () => {
  it('takes a file or a kept period, not both, and a label only with one of them', () => {
    expect(parseArgs(['b.xlsx', '--compare', 'a.xlsx', '--compare-period', '2025'])).toEqual({ kind: 'usage-error', problem: { kind: 'compare-both' } });
    expect(parseArgs(['b.xlsx', '--label-earlier', 'Budget'])).toEqual({ kind: 'usage-error', problem: { kind: 'label-without-compare' } });
    expect(parseArgs(['b.xlsx', '--compare-period'])).toEqual({ kind: 'usage-error', problem: { kind: 'value-missing', flag: '--compare-period' } });
    expect(parseArgs(['b.xlsx', '--compare=a.xlsx', '--label-earlier', 'Budget'])).toMatchObject({ kind: 'run', compare: { file: 'a.xlsx', period: null, label: 'Budget' } });
  });
});
