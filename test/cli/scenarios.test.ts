/**
 * The runner on the sample workbook with its three scenarios: the `ABC Scenarios` sheet right after the
 * summary, one printed line per scenario, and `scenarios` in the JSON with the engine's own figures.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { roundCents } from '../../src/engine/decimal';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import { generateSampleModel, sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { scenarioToJson } from '../../src/workbook/scenario-json';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';
import { sheetNames, tempDir, worksheetXml } from '../xlsx/workbook-files';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('the sample’s three scenarios reach the report, the printout and the JSON', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const book = join(dir, 'sample.xlsx');
    writeFileSync(book, await buildBlocksWorkbook(generateSampleModel()));
    const report = join(dir, 'report.xlsx');
    const json = join(dir, 'result.json');
    const { code, out, err } = await run([book, '--out', report, '--json', json]);
    expect([code, err]).toEqual([0, '']);

    const names = await sheetNames(report);
    expect(names.indexOf('ABC Scenarios')).toBe(names.indexOf('ABC Summary') + 1);
    const sheet = await worksheetXml(report, 'ABC Scenarios');
    for (const text of ['Scenario: Order fee Hospitality', 'Scenario: Minimum order 8 lines', 'Operating profit with capacity resized to what is used', 'Staff freed (FTE)']) {
      expect(sheet).toContain(text);
    }

    // The engine on the same model gives the same figures.
    const analysis = analyseWorkbook(sampleGrids());
    const engine = runScenarios(analysis.model, analysis.result!);
    expect(engine.issues).toEqual([]);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { scenarios: unknown[] };
    expect(doc.scenarios).toEqual(engine.outcomes.map(scenarioToJson));
    const headline = engine.outcomes.map((o) => [
      o.scenario,
      o.before.operatingProfit.toFixed(2),
      o.after.operatingProfit.toFixed(2),
      o.operatingProfitResized.toFixed(2),
      o.after.fees.toFixed(2),
      o.pools.map((p) => [p.pool, p.freedMinutes.toString(), p.freedFte === null ? null : roundCents(p.freedFte).toFixed(2), p.freedCost.toFixed(2)]),
    ]);
    expect(headline).toEqual([
      ['Order fee Hospitality', '1051802.80', '1177097.80', '1177097.80', '125295.00', [['Inside sales', '0', '0.00', '0.00'], ['Warehouse', '0', '0.00', '0.00'], ['Transport', '0', '0.00', '0.00']]],
      ['EDI order entry retail chains', '1051802.80', '1051802.80', '1068950.70', '0.00', [['Inside sales', '16159', '0.21', '17147.90'], ['Warehouse', '0', '0.00', '0.00'], ['Transport', '0', '0.00', '0.00']]],
      // Delivery drops follow orders (OrderFollowingDrivers): each customer's drops fall with its orders, unrounded.
      [
        'Minimum order 8 lines',
        '1051802.80',
        '1051802.80',
        '1194766.51',
        '0.00',
        [['Inside sales', '26580', '0.35', '28206.64'], ['Warehouse', '48730', '0.63', '76991.13'], ['Transport', '23019.239055669875278271880014880170536', '0.30', '37765.94']],
      ],
    ]);
    expect(out).toContain('  EDI order entry retail chains: € 1,051,802.80 → € 1,051,802.80; resized € 1,068,950.70');
  } finally {
    cleanup();
  }
}, 60_000);
