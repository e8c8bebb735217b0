/**
 * The runner on a workbook with a ledger and a support pool, written by ExcelJS (another producer than
 * our writer): the pool costs come from the ledger, the printed summary reconciles operating profit with
 * the ledger total, the report gains ABC Cost flow, and a user's sheet with that name stops the run up
 * front, with the model's other checks, rather than at the write.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import type { ResultJson } from '../../src/workbook/result-json';
import { tempDir, writeWorkbook } from '../xlsx/workbook-files';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Customer service (time-driven, 700,000 minutes) and IT, both costed from the ledger; IT passes 100% on. */
async function ledgerWorkbook(path: string, userSheet?: string, itAmount = 40000): Promise<void> {
  await writeWorkbook(
    path,
    (wb) => {
      wb.addWorksheet('Pools').addRows([['Pool', 'Cost', 'Capacity'], ['Customer service', null, 700000], ['IT', null, null]]);
      wb.addWorksheet('Activities').addRows([['Activity', 'Pool', 'Driver', 'Minutes'], ['Process customer orders', 'Customer service', 'Orders', 8]]);
      wb.addWorksheet('Customers').addRows([['Customer', 'Name', 'Revenue', 'COGS'], [1001, 'Alpha', 1000000, 600000], [1002, 'Beta', 500000, 300000]]);
      wb.addWorksheet('Volumes').addRows([['Customer', 'Driver', 'Quantity'], [1001, 'Orders', 30000], [1002, 'Orders', 19000]]);
      wb.addWorksheet('Settings').addRows([['Setting', 'Value'], ['Currency', 'EUR']]);
      wb.addWorksheet('Ledger').addRows([
        ['Account', 'Description', 'Amount', 'Pool'],
        [4000, 'Salaries', 500000, 'Customer service'],
        [4300, 'Rent', 20000, 'Customer service'],
        [4600, 'IT contracts', itAmount, 'IT'],
      ]);
      wb.addWorksheet('Support').addRows([['From', 'To', 'Share'], ['IT', 'Customer service', 1]]);
      if (userSheet !== undefined) wb.addWorksheet(userSheet).getCell('A1').value = 'my own notes';
    },
    [
      { name: 'ABC_Pools', formula: 'Pools!$A$1:$C$3' },
      { name: 'ABC_Activities', formula: 'Activities!$A$1:$D$2' },
      { name: 'ABC_Customers', formula: 'Customers!$A$1:$D$3' },
      { name: 'ABC_Volumes', formula: 'Volumes!$A$1:$C$3' },
      { name: 'ABC_Settings', formula: 'Settings!$A$1:$B$2' },
      { name: 'ABC_Resources', formula: 'Ledger!$A$1:$D$4' },
      { name: 'ABC_Support', formula: 'Support!$A$1:$C$2' },
    ],
  );
}

describe('the runner with a ledger and support pools', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('costs the pools from the ledger, prints the reconciliation with the ledger total and writes ABC Cost flow', async () => {
    const input = join(dir, 'model.xlsx');
    await ledgerWorkbook(input);
    const json = join(dir, 'r.json');
    const { code, out, err } = await run([input, '--json', json]);
    expect(err).not.toContain('ERROR');
    expect(code).toBe(0);
    // 520,000 + IT's 40,000 = 560,000 over 700,000 minutes: 0.80 a minute, as Kaplan's department.
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.pools.map((p) => [p.pool, p.cost, p.ratePerMinute])).toEqual([['Customer service', 560000, 0.8]]);
    expect(result.firstStage?.ledgerTotal).toBe(560000);
    expect(out).toContain('Ledger total € 560,000.00 (3 accounts)');
    expect(out).toContain('Support pools pass on: IT € 40,000.00');
    // 1,500,000 − 900,000 − 0 − 0 − 560,000 = 40,000 = operating profit (392,000 minutes used, 308,000 unused).
    expect(out).toContain('= € 40,000.00 = operating profit € 40,000.00: OK');
    const { default: ExcelJS } = await import('exceljs');
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(join(dir, 'model-report.xlsx'));
    expect(report.worksheets.map((w) => w.name).slice(-5)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
  });

  it("stops up front, with the model's checks, when a sheet of the user's is named ABC Cost flow", async () => {
    const input = join(dir, 'model.xlsx');
    // A negative ledger amount too: the sheet name is reported with it, not only once the model is fixed.
    await ledgerWorkbook(input, 'ABC Cost flow', -5);
    const { code, err } = await run([input]);
    expect(code).toBe(1);
    expect(err).toContain('ERROR NEGATIVE_VALUE at Ledger!C4 (ABC_Resources)');
    expect(err).toContain("ERROR REPORT_SHEET_TAKEN at 'ABC Cost flow'");
    expect(existsSync(join(dir, 'model-report.xlsx'))).toBe(false);
  });
});
