/**
 * Issue 17, item 3: a workbook with a pool at 11.6% of its capacity and one at 120% gives both warnings,
 * with the percentage and the money, in the runner's output, the JSON and the Summary sheet.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { ResultJson } from '../../src/workbook/result-json';
import { tempDir, writeWorkbook } from '../xlsx/workbook-files';

/**
 * Two time-driven pools at € 1 a minute: Warehouse has 10,000 minutes and uses 1,160 (11.6%, € 8,840 of
 * unused capacity), Transport has 1,000 and uses 1,200 (120%, customers charged € 200 more than it costs).
 */
export async function twoPoolWorkbook(path: string): Promise<void> {
  await writeWorkbook(
    path,
    (wb) => {
      wb.addWorksheet('Pools').addRows([['Pool', 'Cost', 'Capacity'], ['Warehouse', 10000, 10000], ['Transport', 1000, 1000]]);
      wb.addWorksheet('Activities').addRows([
        ['Activity', 'Pool', 'Driver', 'Minutes'],
        ['Picking', 'Warehouse', 'Order lines', 2],
        ['Delivery', 'Transport', 'Orders', 30],
      ]);
      wb.addWorksheet('Customers').addRows([['Customer', 'Name', 'Revenue', 'COGS'], ['C1', 'One', 50000, 30000], ['C2', 'Two', 20000, 12000]]);
      wb.addWorksheet('Volumes').addRows([['Customer', 'Orders', 'Order lines'], ['C1', 30, 400], ['C2', 10, 180]]);
      wb.addWorksheet('Settings').addRows([['Setting', 'Value'], ['Currency', 'EUR']]);
    },
    [
      { name: 'ABC_Pools', formula: 'Pools!$A$1:$C$3' },
      { name: 'ABC_Activities', formula: 'Activities!$A$1:$D$3' },
      { name: 'ABC_Customers', formula: 'Customers!$A$1:$D$3' },
      { name: 'ABC_Volumes', formula: 'Volumes!$A$1:$C$3' },
      { name: 'ABC_Settings', formula: 'Settings!$A$1:$B$2' },
    ],
  );
}

const LOW =
  'Pool "Warehouse" used 11.6% of its practical capacity (1,160 of 10,000 minutes): its unused capacity costs EUR 8,840.00, which no customer carries. Check the capacity and the minutes per driver unit.';
const OVER =
  'Pool "Transport" used 1,200 minutes, 120.0% of its practical capacity of 1,000 (200 more): customers are charged EUR 200.00 more than the pool costs, shown as negative unused capacity. Check the minutes per driver unit or the capacity.';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plausibility warnings in the runner', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('prints, writes to the JSON and lists on the Summary a pool at 11.6% and one at 120%', async () => {
    const input = join(dir, 'model.xlsx');
    await twoPoolWorkbook(input);
    const json = join(dir, 'result.json');
    const { code, err } = await run([input, '--json', json]);
    expect(code).toBe(0);
    expect(err).toContain('2 warnings:\n  warning LOW_CAPACITY_USE at Pools!A2 (ABC_Pools): ' + LOW);
    expect(err).toContain('\n  warning OVER_CAPACITY at Pools!A3 (ABC_Pools): ' + OVER);

    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.issues).toEqual([
      { severity: 'warning', code: 'LOW_CAPACITY_USE', message: LOW, location: 'Pools!A2 (ABC_Pools)' },
      { severity: 'warning', code: 'OVER_CAPACITY', message: OVER, location: 'Pools!A3 (ABC_Pools)' },
    ]);
    expect(result.pools.map((p) => [p.pool, p.usedMinutes, p.unusedCost])).toEqual([
      ['Warehouse', 1160, 8840],
      ['Transport', 1200, -200],
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'model-report.xlsx'));
    const summary = wb.getWorksheet('ABC Summary')!;
    const rows: string[][] = [];
    summary.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const section = rows.findIndex((r) => r[0] === 'Warnings');
    expect(section).toBeGreaterThan(0);
    expect(rows.slice(section + 2)).toEqual([
      ['LOW_CAPACITY_USE', 'Pools!A2 (ABC_Pools)', LOW],
      ['OVER_CAPACITY', 'Pools!A3 (ABC_Pools)', OVER],
    ]);
    expect(rows.flat()).not.toContain('No warnings.');
  });

  it('says the same in Dutch', async () => {
    const input = join(dir, 'model.xlsx');
    await twoPoolWorkbook(input);
    const { code, err } = await run([input, '--lang', 'nl']);
    expect(code).toBe(0);
    expect(err).toContain('Kostenpool "Warehouse" gebruikte 11,6% van de praktische capaciteit (1.160 van 10.000 minuten): de onbenutte capaciteit kost EUR 8.840,00');
    expect(err).toContain('Kostenpool "Transport" gebruikte 1.200 minuten, 120,0% van de praktische capaciteit van 1.000 (200 meer)');
  });
});
