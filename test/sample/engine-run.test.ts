import { sum, toNumber, ZERO, type Dec } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import type { CostingResult } from '../../src/engine/result';
import { sampleGrids } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';

/** Reads the sample through the contract and costs it, as the runner and the task pane do. */
function costSample(seed?: number): { result: CostingResult; issues: number } {
  const read = readContract(sampleGrids(seed));
  const outcome = runModel(read.model, read.issues);
  if (outcome.result === null) throw new Error(outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return { result: outcome.result, issues: outcome.issues.length };
}

/** The whale-curve figures of a result. */
function whale(result: CostingResult): { topFifthShare: number; losers: number; timeDrivenCost: Dec; unused: Dec } {
  const profits = result.customers.map((c) => c.netProfit).sort((a, b) => b.comparedTo(a));
  const total = sum(profits);
  const topFifth = sum(profits.slice(0, Math.round(profits.length / 5)));
  const timePools = result.pools.filter((p) => p.method === 'time');
  return {
    topFifthShare: topFifth.dividedBy(total).toNumber(),
    losers: profits.filter((p) => p.isNegative()).length,
    timeDrivenCost: sum(timePools.map((p) => p.cost)),
    unused: sum(timePools.map((p) => p.unusedCost ?? ZERO)),
  };
}

describe('the default sample through readContract and runModel', () => {
  const { result, issues } = costSample();
  const w = whale(result);

  test('reads and computes without a single error or warning', () => {
    expect(issues).toBe(0);
    expect(result.customers).toHaveLength(250);
    expect(result.activities).toHaveLength(12);
  });

  test('shows the whale curve: the most profitable fifth earns well over all the profit, a tail loses money', () => {
    expect(w.topFifthShare).toBeGreaterThan(1.3);
    expect(w.topFifthShare).toBeCloseTo(1.67, 2);
    expect(w.losers).toBeGreaterThanOrEqual(25);
    expect(w.losers).toBe(111);
  });

  test('leaves some capacity unused, but less than a quarter of the time-driven cost', () => {
    expect(w.unused.isPositive() && !w.unused.isZero()).toBe(true);
    expect(w.unused.lessThan(w.timeDrivenCost.times(0.25))).toBe(true);
    for (const p of result.pools.filter((x) => x.method === 'time')) {
      expect(p.unusedCost?.isPositive()).toBe(true);
      expect(p.unusedCost?.lessThan(p.cost.times(0.25))).toBe(true);
    }
  });

  test('gives these company figures, reconciled to the cent', () => {
    const t = result.totals;
    expect(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, toNumber(v)]))).toEqual({
      revenue: 41824088.01,
      discounts: 1239707.29,
      netRevenue: 40584380.72,
      cogs: 31483707.5,
      grossMargin: 9100673.22,
      costToServe: 6816612.48,
      directCosts: 385262.17,
      netProfit: 1898798.57,
      unusedCapacityCost: 683195.77,
      unassignedCost: 163800,
      operatingProfit: 1051802.8,
    });
    const poolCost = sum(result.pools.map((p) => p.cost));
    const parcels = result.activities.find((a) => a.method === 'rate')?.cost;
    expect(parcels).toBeDefined();
    // Every euro of the pools ends up with a customer, as unused capacity or as unassigned cost.
    expect(t.costToServe.plus(t.unusedCapacityCost).plus(t.unassignedCost).minus(parcels as Dec).equals(poolCost)).toBe(true);
    expect(t.operatingProfit.isPositive()).toBe(true);
  });

  test('customers carry their segment, region and account manager', () => {
    const first = result.customers[0];
    expect(first?.dimensions.map(([k]) => k)).toEqual(['Segment', 'Region', 'Account manager']);
  });
});

describe('other seeds keep the pattern', () => {
  test.each([1, 7, 42])('seed %i', (seed) => {
    const { result, issues } = costSample(seed);
    const w = whale(result);
    expect(issues).toBe(0);
    expect(w.topFifthShare).toBeGreaterThan(1.3);
    expect(w.losers).toBeGreaterThanOrEqual(25);
    expect(w.unused.isPositive()).toBe(true);
    expect(w.unused.lessThan(w.timeDrivenCost.times(0.25))).toBe(true);
    expect(result.totals.operatingProfit.isPositive()).toBe(true);
  });
});
