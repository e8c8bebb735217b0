/**
 * ABC.PROFITRANGE and ABC.LOSSCHANCE on an index fed a hand-made analysis of the order desk's three
 * customers: busy until the analysis arrives, then its numbers (percentiles by nearest rank over the draws,
 * rounded to cents; P10, median and P90 the engine's own); #VALUE! for a percentile outside 1–99 or a
 * failed analysis; #N/A for an unknown customer or a percentile the analysis cannot give; the model's
 * errors first. The nearest-rank table, a property over any draws.
 */
import fc from 'fast-check';
import { runModel } from '../../src/engine/run';
import { type FunctionValue, excelErrorText, isFunctionError } from '../../src/functions/function-result';
import { buildModelIndexFromJson } from '../../src/functions/model-index';
import { ModelStore } from '../../src/functions/model-store';
import { type CustomerRangeJson, type SensitivityFiguresJson, percentileTable } from '../../src/functions/sensitivity-figures';
import { lossChance, profitRange } from '../../src/functions/sensitivity-functions';
import { resultToJson } from '../../src/workbook/result-json';
import { buildModel } from '../helpers/model';
import { ORDER_DESK } from './models';

const shown = (v: FunctionValue): number | string => (isFunctionError(v) ? `${excelErrorText(v.kind)} ${v.message}` : (v as number));
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function orderDeskJson() {
  const model = buildModel(ORDER_DESK);
  const run = runModel(model, []);
  if (run.result === null) throw new Error('the order desk has errors');
  return { json: resultToJson({ issues: run.issues, result: run.result }), result: run.result };
}

/** Customer 1001's 100 draws: −1,000.004 (the one loss, rounded to −1,000 when shown), then 1 … 99. */
const DRAWS_1001 = [-1000.004, ...Array.from({ length: 99 }, (_, i) => i + 1)];

function figures(): SensitivityFiguresJson {
  const range = (customer: string, percentiles: number[] | null, lossChance: number): CustomerRangeJson => ({
    customer,
    name: null,
    netProfit: '0',
    p10: 11.111,
    median: 55.555,
    p90: 99.999,
    lossChance,
    percentiles,
  });
  return {
    simulations: 100,
    seed: 7,
    tornado: [],
    customers: [range('1001', percentileTable(DRAWS_1001), 0.01), range('1002', null, 0.5)],
    company: { p10: 0, median: 0, p90: 0 },
    lookCloser: ['1002'],
    checks: [],
  };
}

/** A store with the order desk published, its analysis given by `load` (counting the calls). */
function storeWith(load: () => Promise<SensitivityFiguresJson | null>) {
  const store = new ModelStore();
  let loads = 0;
  const { json } = orderDeskJson();
  store.publishJson({
    issues: [],
    json,
    sensitivity: () => {
      loads += 1;
      return load();
    },
  });
  const index = () => store.current!.index;
  return { store, index, loads: () => loads };
}

describe('ABC.PROFITRANGE and ABC.LOSSCHANCE', () => {
  test('busy until the analysis arrives, loaded once; then nearest-rank percentiles to the cent, the engine\'s P10/median/P90 and the chance of a loss', async () => {
    const { index, loads } = storeWith(async () => figures());
    expect(shown(profitRange(index(), 1001))).toBe('#BUSY! The simulation is running.');
    expect(shown(lossChance(index(), '1001'))).toBe('#BUSY! The simulation is running.');
    await settle();
    expect(loads()).toBe(1);
    expect(profitRange(index(), 1001)).toBe(55.56);
    expect(profitRange(index(), 1001, 10)).toBe(11.11);
    expect(profitRange(index(), 1001, '90')).toBe(100);
    // Nearest rank over 100 draws: P1 is the lowest draw, P25 the 25th (24), P99 the 99th (98).
    expect(profitRange(index(), 1001, 1)).toBe(-1000);
    expect(profitRange(index(), 1001, 25)).toBe(24);
    expect(profitRange(index(), 1001, 99)).toBe(98);
    expect(profitRange(index(), [[1001]], [[2]])).toBe(1);
    expect(lossChance(index(), 1001)).toBe(0.01);
    expect(lossChance(index(), '1002')).toBe(0.5);
    expect(loads()).toBe(1);
  });

  test('#VALUE! for a percentile outside 1–99; #N/A for an unknown customer and for a percentile the analysis cannot give', async () => {
    const { index } = storeWith(async () => figures());
    profitRange(index(), 1001);
    await settle();
    for (const bad of [0, 100, 12.5, -1, 'P10', '10%', true]) {
      expect(shown(profitRange(index(), 1001, bad))).toBe(
        `#VALUE! The percentile must be a whole number from 1 to 99 (10, 50 or 90, say; type 10, not 10%); found ${bad === true ? 'TRUE' : String(bad)}.`,
      );
    }
    expect(shown(profitRange(index(), 'X-1', 50))).toBe('#N/A Unknown customer "X-1": ABC_Customers has no such customer id.');
    expect(shown(lossChance(index(), null))).toBe('#VALUE! Give a customer id of ABC_Customers.');
    // 1002 came without draws: P10, the median and P90 only.
    expect(profitRange(index(), 1002, 90)).toBe(100);
    expect(shown(profitRange(index(), 1002, 25))).toBe('#N/A Only P10, the median (50) and P90 are known for customer "1002" in this analysis.');
    // Z-9 is a customer of the model the analysis left out.
    expect(shown(lossChance(index(), 'z-9'))).toBe('#N/A Customer "z-9" is not in the simulation.');
  });

  test('a failed analysis is #VALUE! with its reason; without a source, the functions say to Refresh; the model\'s errors first', async () => {
    const { index } = storeWith(async () => {
      throw new Error('No estimate has a range.');
    });
    lossChance(index(), 1001);
    await settle();
    expect(shown(lossChance(index(), 1001))).toBe('#VALUE! The simulation could not be run (No estimate has a range.).');

    const { json } = orderDeskJson();
    const plain = buildModelIndexFromJson({ issues: [], json });
    expect(shown(profitRange(plain, 1001))).toBe('#VALUE! The simulation is not available here: open the ABC pane and press Refresh.');
    const broken = buildModelIndexFromJson({ issues: [{ code: 'MISSING_RANGE', severity: 'error', message: 'ABC_Pools is missing.', location: 'ABC_Pools' }], json: null });
    expect(shown(profitRange(broken, 1001))).toMatch(/^#VALUE! The model has errors\. At ABC_Pools: ABC_Pools is missing\./);
  });
});

describe('the nearest-rank table', () => {
  test('each percentile is a draw, they never fall, and the p-th has at least p % of the draws at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }), (draws) => {
        const table = percentileTable(draws);
        expect(table).toHaveLength(99);
        const set = new Set(draws);
        table.forEach((v, i) => {
          expect(set.has(v)).toBe(true);
          if (i > 0) expect(v).toBeGreaterThanOrEqual(table[i - 1]!);
          const atOrBelow = draws.filter((d) => d <= v).length;
          expect(atOrBelow * 100).toBeGreaterThanOrEqual((i + 1) * draws.length);
          // …and fewer than p % strictly below it (nearest rank, not a higher draw).
          expect(draws.filter((d) => d < v).length * 100).toBeLessThan((i + 1) * draws.length);
        });
      }),
    );
  });
});
