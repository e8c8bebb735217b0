import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { parseArgs, usageMessage } from '../../src/cli/args';
import { formatMoney } from '../../src/cli/format';
import { dec } from '../../src/engine/decimal';
import type { ResultJson } from '../../src/workbook/result-json';
import { sha256, tempDir, writeWorkbook } from '../xlsx/workbook-files';
import { kaplanWorkbook } from './kaplan-workbook';

/** Runs the CLI in-process, capturing what it prints. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the cost runner', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('computes the workbook, writes report and JSON, and leaves the input byte for byte unchanged', async () => {
    const input = join(dir, 'model.xlsx');
    await kaplanWorkbook(input);
    const before = sha256(input);
    const json = join(dir, 'result.json');
    const { code, out, err } = await run([input, '--json', json]);
    expect(err).not.toContain('ERROR');
    expect(code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['model-report.xlsx', 'model.xlsx', 'result.json']);

    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.currency).toBe('USD');
    expect(result.period).toBe('2004-Q1');
    expect(result.pools[0]).toMatchObject({
      pool: 'Customer service',
      method: 'time',
      cost: 560000,
      capacityMinutes: 700000,
      ratePerMinute: 0.8,
      usedMinutes: 578600,
      unusedMinutes: 121400,
      unusedCost: 97120,
      unassignedCost: 0,
    });
    expect(result.customers.map((c) => [c.customer, c.name, c.netProfit])).toEqual([
      ['1001', 'Alpha', 112800],
      ['=1+1', '@x', 24320],
    ]);
    expect(result.customers[0]?.activityCosts).toEqual({
      'Process customer orders': 192000,
      'Handle customer inquiries': 35200,
      'Perform credit checks': 60000,
    });
    expect(result.totals).toMatchObject({ revenue: 1500000, costToServe: 462880, netProfit: 137120, unusedCapacityCost: 97120, operatingProfit: 40000 });

    expect(out).toContain('Operating profit');
    expect(out).toContain('$40,000.00');
    expect(out).toContain('= operating profit $40,000.00: OK');
    expect(out).toContain('Most profitable customers:');
    expect(out).toContain(`Report written to ${join(dir, 'model-report.xlsx')}`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'model-report.xlsx'));
    const pnl = wb.getWorksheet('ABC Customer P&L')!;
    expect(pnl.getCell('B5').value).toBe('=1+1');
    expect(pnl.getCell('B5').type).toBe(ExcelJS.ValueType.String);
    expect(pnl.getCell('C5').value).toBe('@x');
    expect(pnl.getCell('D5').value).toBe('+SUM(A1)');
    expect(pnl.getCell('E4').numFmt).toBe('"$"#,##0.00;[Red]"$"-#,##0.00');
  });

  it('writes to --out and runs again on its own report, replacing the report sheets', async () => {
    const input = join(dir, 'model.xlsx');
    await kaplanWorkbook(input);
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    expect((await run([input, '--out', first])).code).toBe(0);
    expect((await run([first, `--out=${second}`])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pools', 'Activities', 'Customers', 'Trans actions', 'Settings', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
  });

  it('exits 1 on model errors, printing all of them, writing the JSON but no report', async () => {
    const input = join(dir, 'bad.xlsx');
    await kaplanWorkbook(input, { negativeCost: true, dropCustomers: true });
    const before = sha256(input);
    const json = join(dir, 'bad.json');
    const { code, err } = await run([input, '--json', json]);
    expect(code).toBe(1);
    expect(sha256(input)).toBe(before);
    expect(err).toContain('ERROR MISSING_RANGE at ABC_Customers');
    expect(err).toContain('ERROR NEGATIVE_VALUE at Pools!B2 (ABC_Pools)');
    expect(err).toContain('No report written');
    expect(err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'bad.xlsx']);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.customers).toEqual([]);
    expect(result.totals).toBeNull();
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', code: 'MISSING_RANGE', location: 'ABC_Customers' }),
        expect.objectContaining({ severity: 'error', code: 'NEGATIVE_VALUE', location: 'Pools!B2 (ABC_Pools)' }),
      ]),
    );
  });

  it("exits 1 rather than overwrite a user's sheet named like a report sheet", async () => {
    const input = join(dir, 'model.xlsx');
    await kaplanWorkbook(input, { extraSheet: 'ABC Summary' });
    const json = join(dir, 'r.json');
    const { code, err } = await run([input, '--json', json]);
    expect(code).toBe(1);
    expect(err).toContain('ERROR REPORT_SHEET_TAKEN');
    expect(existsSync(join(dir, 'model-report.xlsx'))).toBe(false);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.issues.map((i) => i.code)).toContain('REPORT_SHEET_TAKEN');
  });

  it('reports a broken name with its reference, not as missing', async () => {
    const input = join(dir, 'model.xlsx');
    await writeWorkbook(input, (wb) => void wb.addWorksheet('Data'), [{ name: 'ABC_Pools', formula: '#REF!' }]);
    const { code, err } = await run([input]);
    expect(code).toBe(1);
    expect(err).toContain('ERROR INVALID_RANGE_REFERENCE at ABC_Pools #REF!: The name ABC_Pools refers to a deleted range (#REF!).');
    expect(err).not.toContain('MISSING_RANGE at ABC_Pools');
    expect(err).toContain('MISSING_RANGE at ABC_Customers');
  });

  it('exits 2 with one line for usage errors and unreadable files', async () => {
    const input = join(dir, 'model.xlsx');
    await kaplanWorkbook(input);
    const notXlsx = join(dir, 'notes.xlsx');
    writeFileSync(notXlsx, 'not a zip');
    const cases: Array<[string[], RegExp]> = [
      [[], /No workbook given/],
      [['--bogus', input], /Unknown option --bogus/],
      [[input, '--out'], /--out needs a file name/],
      [[input, 'other.xlsx'], /Only one workbook/],
      [['--sample', input], /either a workbook or --sample/],
      [[join(dir, 'missing.xlsx')], /no such file/],
      [[notXlsx], /is not an \.xlsx workbook/],
      [[input, '--out', input], /never overwritten/],
      [[input, '--json', join(dir, 'x.xlsx'), '--out', join(dir, 'x.xlsx')], /same file/],
    ];
    for (const [argv, message] of cases) {
      const { code, err, out } = await run(argv);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(err).toMatch(message);
      expect(err.split('\n')).toHaveLength(1);
      expect(out).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(['model.xlsx', 'notes.xlsx']);
  });

  it('prints help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('npm run cost -- <workbook.xlsx> [--out <report.xlsx>] [--json <result.json>]');
    expect(out).toContain('<input name>-report.xlsx');
  });

  it('builds and runs the sample model with --sample', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, out } = await run(['--sample', '--out', 'out/report.xlsx', '--json', 'out/result.json']);
      expect(code).toBe(0);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.xlsx', 'result.json', 'sample-model.xlsx']);
      const result = JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as ResultJson;
      expect(result.customers.length).toBeGreaterThan(100);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(out).toContain('Least profitable customers:');
    } finally {
      process.chdir(cwd);
    }
  });

  it('builds the sample in Dutch with --sample --lang nl: Dutch names, the same figures to the cent', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const english = await run(['--sample', '--out', 'out/report.xlsx', '--json', 'out/result.json']);
      expect(english.code).toBe(0);
      const en = JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as ResultJson;
      const { code, out } = await run(['--sample', '--lang', 'nl', '--out', 'out/rapport.xlsx', '--json', 'out/resultaat.json']);
      expect(code).toBe(0);
      const nl = JSON.parse(readFileSync(join(dir, 'out', 'resultaat.json'), 'utf8')) as ResultJson;
      expect(nl.totals).toEqual(en.totals);
      expect(nl.customers.map((c) => [c.customer, c.netProfit])).toEqual(en.customers.map((c) => [c.customer, c.netProfit]));
      expect(nl.pools.map((p) => p.pool)).toEqual(['Binnendienst', 'Administratie', 'Magazijn', 'Transport']);
      expect(out).toContain('  Ordertoeslag horeca: € 1.051.802,80 → € 1.177.097,80; aangepast € 1.177.097,80');
      expect(out).toMatch(/ {2}Bedieningskosten +€ 6\.816\.612,48/);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('parseArgs and formatMoney', () => {
  it('parses the options', () => {
    expect(parseArgs(['a.xlsx', '--out', 'b.xlsx', '--json=c.json'])).toEqual({ kind: 'run', input: 'a.xlsx', sample: false, out: 'b.xlsx', json: 'c.json' });
    expect(parseArgs(['--sample'])).toEqual({ kind: 'run', input: null, sample: true, out: null, json: null });
    expect(usageMessage(parseArgs(['a.xlsx', '--out', 'b', '--out', 'c']))).toBe('--out is given twice.');
  });

  it('formats money exactly with separators and the currency', () => {
    expect(formatMoney(dec('1234567.891'), 'EUR')).toBe('€ 1,234,567.89');
    expect(formatMoney(dec('-0.004'), 'EUR')).toBe('€ 0.00');
    expect(formatMoney(dec('-93650.31'), 'USD')).toBe('$-93,650.31');
    expect(formatMoney(dec('100'), 'chf')).toBe('100.00 CHF');
    expect(formatMoney(dec('123456789012345678.015'), 'EUR')).toBe('€ 123,456,789,012,345,678.02');
  });
});
