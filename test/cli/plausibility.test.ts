/**
 * Issue 17, item 3: a workbook with a pool at 11.6% of its capacity and one at 120% gives both warnings,
 * with the percentage and the money, in the runner's output, the JSON and the Summary sheet.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { ResultJson } from '../../src/workbook/result-json';
import { LOW_USE_MESSAGE, OVER_USE_MESSAGE, TWO_POOL_NAMES, TWO_POOL_SHEETS } from '../helpers/two-pool-model';
import { tempDir, writeWorkbook } from '../xlsx/workbook-files';

/** The two-pool model as an .xlsx. */
async function twoPoolWorkbook(path: string): Promise<void> {
  await writeWorkbook(path, (wb) => TWO_POOL_SHEETS.forEach(([sheet, rows]) => wb.addWorksheet(sheet).addRows(rows)), [...TWO_POOL_NAMES]);
}

const LOW = LOW_USE_MESSAGE;
const OVER = OVER_USE_MESSAGE;

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
