/**
 * The Monte Carlo run: its linear costing agrees with full runs of the engine, ranges of zero width give
 * exactly today's figures, the seed decides the draws (and only the draws), and a customer's chance of a
 * loss matches what the triangular distributions give on paper, within Monte Carlo error.
 */
import fc from 'fast-check';
import { dec, toNumber } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import { runModel } from '../../../src/engine/run';
import { analyseSensitivity } from '../../../src/engine/sensitivity/analyse';
import { linearCosting } from '../../../src/engine/sensitivity/coefficients';
import { estimatesOf } from '../../../src/engine/sensitivity/estimates';
import { profitsAt } from '../../../src/engine/sensitivity/simulate';
import { tornadoOf } from '../../../src/engine/sensitivity/tornado';
import { KAPLAN_TIME } from '../../helpers/kaplan-anderson';
import type { ModelSpec } from '../../helpers/model';
import { buildModel } from '../../helpers/model';
import { modelSpec } from '../../helpers/random-model';
import { costed, withRanges } from './ranges';

/** Every row of `spec` between (1 − a) and (1 + b) of its value, as DefaultRange gives it. */
function spread(spec: ModelSpec, below: number, above: number): ModelInput {
  const model = buildModel(spec);
  return { ...model, settings: { ...model.settings, defaultRange: { below: dec(below), above: dec(above) } } };
}

describe('the linear costing of the simulation', () => {
  it('gives what a full run gives with every estimate at its High, within the cents of rounding', () => {
    fc.assert(
      fc.property(modelSpec, fc.integer({ min: 1, max: 60 }), (spec, percent) => {
        const model = spread(spec, 0, percent / 100);
        const baseline = runModel(model).result;
        if (baseline === null) return;
        const estimates = estimatesOf(model);
        const atHigh = { ...model, activities: model.activities.map((t) => ({ ...t, value: t.value.times(1 + percent / 100) })) };
        const high = runModel(atHigh).result;
        // Shares pushed above 100% cannot be run.
        if (high === null) return;
        const delta = Float64Array.from(estimates, (e) => toNumber(e.high) - toNumber(e.value));
        const profit = new Float64Array(baseline.customers.length);
        profitsAt(linearCosting(model, baseline, estimates), delta, profit);
        // Each activity and each pool's unused capacity rounds a customer's cost by less than a cent.
        const cents = 0.01 * (model.activities.length + model.pools.length + 1);
        baseline.customers.forEach((c, i) => {
          const run = toNumber(high.customers.find((h) => h.customer === c.customer)!.netProfit);
          expect(Math.abs((profit[i] as number) - run)).toBeLessThanOrEqual(cents + 1e-9 * Math.abs(run));
        });
      }),
      { numRuns: 60 },
    );
  });

  it("gives the tornado's operating profit (capacity resized) for one estimate at Low, within rounding", () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const model = spread(spec, 0.3, 0);
        const baseline = runModel(model).result;
        if (baseline === null) return;
        const estimates = estimatesOf(model);
        const linear = linearCosting(model, baseline, estimates);
        for (const bar of tornadoOf(model, baseline, estimates)) {
          const e = estimates.indexOf(bar.estimate);
          const delta = new Float64Array(estimates.length);
          delta[e] = toNumber(bar.estimate.low) - toNumber(bar.estimate.value);
          const operating = profitsAt(linear, delta, new Float64Array(baseline.customers.length));
          const exact = toNumber(bar.profitAtLow);
          expect(Math.abs(operating - exact)).toBeLessThanOrEqual(0.01 * (model.pools.length + 1) + 1e-9 * Math.abs(exact));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('ranges of zero width', () => {
  it('give exactly the deterministic result: every percentile is today’s net profit, the chance of a loss 0 or 1', () => {
    fc.assert(
      fc.property(modelSpec, fc.boolean(), (spec, ownRanges) => {
        const plain = spread(spec, 0, 0);
        const model: ModelInput = ownRanges
          ? { ...buildModel(spec), activities: plain.activities.map((t) => ({ ...t, range: { low: t.value, high: t.value } })) }
          : plain;
        const baseline = runModel(model).result;
        if (baseline === null) return;
        const sensitivity = analyseSensitivity(model, baseline, {});
        expect(sensitivity.estimates).toHaveLength(model.activities.length);
        expect(sensitivity.tornado).toEqual([]);
        sensitivity.customers.forEach((c, i) => {
          const today = toNumber(baseline.customers[i]!.netProfit);
          expect(c.customer).toBe(baseline.customers[i]!.customer);
          expect([c.p10, c.median, c.p90]).toEqual([today, today, today]);
          expect(c.lossChance).toBe(today < 0 ? 1 : 0);
        });
        const operating = toNumber(baseline.totals.operatingProfit);
        expect(sensitivity.company).toEqual({ p10: operating, median: operating, p90: operating });
        expect(sensitivity.lookCloser).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the seed', () => {
  const model = withRanges(KAPLAN_TIME, { 0: [6, 10], 1: [30, 60], 2: [40, 55] });
  const baseline = costed(model);
  const withSeed = (seed: number) => analyseSensitivity({ ...model, settings: { ...model.settings, seed, simulations: 500 } }, baseline);

  it('gives identical output for the same seed', () => {
    expect(withSeed(7)).toEqual(withSeed(7));
  });

  it('gives other draws for another seed, and the same (exact) tornado', () => {
    const a = withSeed(7);
    const b = withSeed(8);
    expect(b.seed).toBe(8);
    expect(b.customers.map((c) => [c.p10, c.median, c.p90])).not.toEqual(a.customers.map((c) => [c.p10, c.median, c.p90]));
    expect(b.tornado).toEqual(a.tornado);
  });
});

/** Triangular(low, mode, high) on paper. */
function triangularCdf(low: number, mode: number, high: number, x: number): number {
  if (x <= low) return 0;
  if (x >= high) return 1;
  return x <= mode ? (x - low) ** 2 / ((high - low) * (mode - low)) : 1 - (high - x) ** 2 / ((high - low) * (high - mode));
}
function triangularQuantile(low: number, mode: number, high: number, p: number): number {
  const f = (mode - low) / (high - low);
  return p < f ? low + Math.sqrt(p * (high - low) * (mode - low)) : high - Math.sqrt((1 - p) * (high - low) * (high - mode));
}

describe('a hand-checked case: one pool at € 1 a minute, two estimates', () => {
  // Order minutes 0–10 (5 today), line minutes 1–3 (2 today).
  // X: 10 orders, revenue 40: loses when order minutes > 4, 1 − 4² / (10 × 5) = 68%.
  // Y: 20 lines, revenue 50: loses when line minutes > 2.5, (3 − 2.5)² / (2 × 1) = 12.5%.
  // Z: both, revenue 115: loses when 10 a + 20 b > 115.
  const spec: ModelSpec = {
    pools: [['Service', 1000, 1000]],
    activities: [
      ['Order handling', 'Service', 'Orders', 'minutes', 5],
      ['Line handling', 'Service', 'Lines', 'minutes', 2],
    ],
    customers: [
      ['X', 40, 0],
      ['Y', 50, 0],
      ['Z', 115, 0],
    ],
    volumes: [
      ['X', 'Orders', 10],
      ['Y', 'Lines', 20],
      ['Z', 'Orders', 10],
      ['Z', 'Lines', 20],
    ],
    settings: { simulations: 20_000 },
  };
  const draws = 20_000;
  const withinMonteCarloError = (simulated: number, p: number) => {
    const standardError = Math.sqrt((p * (1 - p)) / draws);
    expect(Math.abs(simulated - p)).toBeLessThanOrEqual(3 * standardError);
  };
  const chanceOf = (model: ModelInput, customer: string) => analyseSensitivity(model, costed(model)).customers.find((c) => c.customer === customer)!.lossChance;

  it('matches the triangular distributions when the estimates move on their own', () => {
    const model = withRanges(spec, { 0: [0, 10], 1: [1, 3] });
    const result = analyseSensitivity(model, costed(model));
    const chance = (id: string) => result.customers.find((c) => c.customer === id)!.lossChance;
    withinMonteCarloError(chance('X'), 1 - triangularCdf(0, 5, 10, 4));
    withinMonteCarloError(chance('Y'), 1 - triangularCdf(1, 2, 3, 2.5));
    // P(10a + 20b > 115) = ∫ f_a(a) · P(b > (115 − 10a) / 20) da, by the midpoint rule on a fine grid: 13.8%.
    const steps = 200_000;
    let z = 0;
    for (let k = 0; k < steps; k++) {
      const a = ((k + 0.5) * 10) / steps;
      const density = a <= 5 ? (2 * a) / 50 : (2 * (10 - a)) / 50;
      z += density * (1 - triangularCdf(1, 2, 3, (115 - 10 * a) / 20)) * (10 / steps);
    }
    expect(z).toBeCloseTo(0.1383, 4);
    withinMonteCarloError(chance('Z'), z);
    // In the order of the result's customers (net profit, highest first): Z (€ 20), Y (€ 10), X (−€ 10).
    expect(result.lookCloser).toEqual(['Z', 'Y', 'X'].filter((id) => chance(id) > 0.1 && chance(id) < 0.9));
    expect(result.lookCloser).toEqual(['Z', 'Y', 'X']);
  });

  it('matches one quantile for both when they are one Group', () => {
    const model = withRanges(spec, { 0: [0, 10, 'Service'], 1: [1, 3, 'service '] });
    withinMonteCarloError(chanceOf(model, 'X'), 0.68);
    // Both at the same quantile u: Z loses when u is above the u* at which 10 a(u) + 20 b(u) = 115 (20.7%).
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 60; k++) {
      const u = (lo + hi) / 2;
      if (10 * triangularQuantile(0, 5, 10, u) + 20 * triangularQuantile(1, 2, 3, u) > 115) hi = u;
      else lo = u;
    }
    withinMonteCarloError(chanceOf(model, 'Z'), 1 - lo);
    expect(1 - lo).toBeCloseTo(0.2066, 4);
    // Moving together, Z's chance of a loss is clearly higher than moving on their own (13.8%).
    expect(chanceOf(model, 'Z') - chanceOf(withRanges(spec, { 0: [0, 10], 1: [1, 3] }), 'Z')).toBeGreaterThan(0.05);
  });
});

describe('progress and stopping', () => {
  const model = withRanges(KAPLAN_TIME, { 0: [6, 10], 1: [30, 60] });
  const baseline = costed(model);

  it('reports progress every 100 draws after the tornado’s runs, ending at the total', () => {
    const seen: Array<[number, number]> = [];
    analyseSensitivity({ ...model, settings: { ...model.settings, simulations: 350 } }, baseline, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([[1, 354], [2, 354], [3, 354], [4, 354], [104, 354], [204, 354], [304, 354], [354, 354]]);
  });

  it('stops with the signal’s reason when aborted', () => {
    const reason = new Error('stopped by the user');
    expect(() => analyseSensitivity(model, baseline, { signal: { aborted: true, reason } })).toThrow(reason);
  });
});

describe('operating profit over the simulation', () => {
  it('spreads around today’s, capacity resized', () => {
    const model = withRanges(KAPLAN_TIME, { 0: [6, 10] });
    const { company } = analyseSensitivity(model, costed(model));
    // 135,000 ± 78,400 at the ends of the order minutes; the median draw is near today's 8 minutes.
    expect(company.p10).toBeGreaterThan(56_600);
    expect(company.p90).toBeLessThan(213_400);
    expect(company.p10).toBeLessThan(company.median);
    expect(company.median).toBeLessThan(company.p90);
    expect(Math.abs(company.median - 135_000)).toBeLessThan(5_000);
  });
});
