/**
 * The sample's earlier period (issue 20): 2025 against the 2026 sample. Both are costed as the runner
 * costs them; the comparison must tell the controller's story — a few customers lost and a few new, the
 * worst customers of 2026 worse still in 2025 (before the order fee and the minimum order), every
 * operating pool's cost per minute lower in 2025 at the same capacity, revenue a little lower.
 */
import { compareResults } from '../../src/engine/compare/bridge';
import { type Dec, sum, toNumber } from '../../src/engine/decimal';
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { DEFAULT_SAMPLE_SEED, generateEarlierSampleModel, generateSampleModel, gridsOf, type SampleSheet } from '../../src/sample';
import { LOST_BEFORE_LATER_PERIOD, NEW_IN_LATER_PERIOD } from '../../src/sample/earlier-period';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';

function cost(sheets: readonly SampleSheet[]): { result: CostingResult; issues: string[] } {
  const read = readContract(gridsOf(sheets));
  const outcome = runModel(read.model, read.issues);
  if (outcome.result === null) throw new Error(outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return { result: outcome.result, issues: outcome.issues.map((i) => `${i.code}: ${i.message}`) };
}

const setting = (sheets: readonly SampleSheet[], name: string): CellValue | undefined =>
  sheets.find((s) => s.rangeName === 'ABC_Settings')?.rows.find((r) => r[0] === name)?.[1];
const losers = (r: CostingResult): number => r.customers.filter((c) => c.netProfit.isNegative()).length;
const totals = (r: CostingResult) => Object.fromEntries(Object.entries(r.totals).map(([k, v]: [string, Dec]) => [k, toNumber(v)]));

/** The ten most loss-making customers of `later` that `earlier` has too: id, net profit then and now. */
function worstInBoth(earlier: CostingResult, later: CostingResult): Array<[string, Dec, Dec]> {
  const then = new Map(earlier.customers.map((c) => [c.customer, c.netProfit]));
  const worst = [...later.customers].sort((a, b) => a.netProfit.comparedTo(b.netProfit)).slice(0, 10);
  return worst.flatMap((c) => {
    const profit = then.get(c.customer);
    return profit === undefined ? [] : [[c.customer, profit, c.netProfit] as [string, Dec, Dec]];
  });
}

describe('the sample wholesaler a year earlier', () => {
  const earlierSheets = generateEarlierSampleModel();
  const earlier = cost(earlierSheets);
  const later = cost(generateSampleModel());
  const comparison = compareResults(earlier.result, later.result);

  test('is period 2025 (the sample is 2026) and costs without a single error or warning', () => {
    expect(setting(earlierSheets, 'Period')).toBe('2025');
    expect(setting(generateSampleModel(), 'Period')).toBe('2026');
    expect(earlier.issues).toEqual([]);
    expect(later.issues).toEqual([]);
  });

  test('has mostly the same customers: a few lost since, a few new in 2026', () => {
    const status = (s: string) => comparison.customers.filter((c) => c.status === s).map((c) => c.customer);
    expect(status('new')).toHaveLength(NEW_IN_LATER_PERIOD);
    expect(status('lost')).toHaveLength(LOST_BEFORE_LATER_PERIOD);
    expect(status('both')).toHaveLength(250 - NEW_IN_LATER_PERIOD);
    expect(earlier.result.customers).toHaveLength(250 - NEW_IN_LATER_PERIOD + LOST_BEFORE_LATER_PERIOD);
    // The new customers have the newest numbers; the lost ones older numbers than any customer of 2026.
    const ids = (xs: string[]) => xs.map(Number);
    const laterIds = later.result.customers.map((c) => Number(c.customer));
    expect(Math.min(...ids(status('new')))).toBeGreaterThan(Math.max(...ids(status('both'))));
    expect(Math.max(...ids(status('lost')))).toBeLessThan(Math.min(...laterIds));
  });

  test("every operating pool's cost per minute is lower in 2025, at the same capacity, its cost 4–6 % lower", () => {
    const timed = later.result.pools.filter((p) => p.method === 'time');
    expect(timed.map((p) => p.pool)).toEqual(['Inside sales', 'Warehouse', 'Transport']);
    for (const now of timed) {
      const then = earlier.result.pools.find((p) => p.pool === now.pool);
      expect(then?.ratePerMinute?.lessThan(now.ratePerMinute as Dec)).toBe(true);
      expect(then?.capacityMinutes?.eq(now.capacityMinutes as Dec)).toBe(true);
    }
    for (const now of later.result.pools) {
      const ratio = toNumber(earlier.result.pools.find((p) => p.pool === now.pool)?.cost as Dec) / toNumber(now.cost);
      expect([now.pool, ratio > 0.94 && ratio < 0.96]).toEqual([now.pool, true]);
    }
  });

  test('the ten most loss-making customers of 2026 made a larger loss in 2025', () => {
    const inBoth = worstInBoth(earlier.result, later.result);
    expect(inBoth).toHaveLength(10);
    for (const [id, then, now] of inBoth) expect([id, then.lessThan(now)]).toEqual([id, true]);
  });

  test('revenue is a little lower in 2025', () => {
    const ratio = toNumber(earlier.result.totals.revenue) / toNumber(later.result.totals.revenue);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1);
  });

  test('gives these figures, to the cent, and the bridge adds up to the change in operating profit', () => {
    expect(totals(earlier.result)).toEqual({
      revenue: 39065467.24,
      discounts: 1155641.77,
      netRevenue: 37909825.47,
      cogs: 29437304.44,
      grossMargin: 8472521.03,
      costToServe: 6617777.94,
      directCosts: 361014.76,
      netProfit: 1493728.33,
      unusedCapacityCost: 515788.81,
      unassignedCost: 155018.4,
      operatingProfit: 822921.12,
    });
    expect(losers(earlier.result)).toBe(101);
    expect(losers(later.result)).toBe(111);
    const t = comparison.totals;
    const parts = [t.bridge.revenue, t.bridge.discounts, t.bridge.cogs, t.bridge.activityVolume, t.bridge.activityRate, t.bridge.unusedCapacity, t.bridge.directCosts, t.bridge.unusedNotCharged, t.bridge.unassigned];
    expect(sum(parts).toFixed(2)).toBe(t.change.toFixed(2));
    expect(t.change.toFixed(2)).toBe('228881.68');
  });

  test('is the same in Dutch, with the same figures', () => {
    const dutch = generateEarlierSampleModel(DEFAULT_SAMPLE_SEED, 'nl');
    expect(dutch.map((s) => s.sheet)).toEqual(generateSampleModel(DEFAULT_SAMPLE_SEED, 'nl').map((s) => s.sheet));
    const nl = cost(dutch);
    expect(nl.issues).toEqual([]);
    expect(totals(nl.result)).toEqual(totals(earlier.result));
    expect(setting(dutch, 'Periode')).toBe('2025');
  });

  test('is the same from the same seed, and another seed gives another year', () => {
    expect(generateEarlierSampleModel()).toEqual(earlierSheets);
    expect(generateEarlierSampleModel(7)).not.toEqual(earlierSheets);
  });
});

describe('other seeds tell the same story', () => {
  test.each([1, 7, 99])('seed %i: no error or warning, the worst customers worse in 2025, cheaper minutes', (seed) => {
    const earlier = cost(generateEarlierSampleModel(seed));
    const later = cost(generateSampleModel(seed));
    expect(earlier.issues).toEqual([]);
    for (const [id, then, now] of worstInBoth(earlier.result, later.result)) expect([id, then.lessThan(now)]).toEqual([id, true]);
    for (const p of later.result.pools.filter((x) => x.method === 'time')) {
      const then = earlier.result.pools.find((x) => x.pool === p.pool)?.ratePerMinute;
      expect([p.pool, then?.lessThan(p.ratePerMinute as Dec)]).toEqual([p.pool, true]);
    }
  });
});
