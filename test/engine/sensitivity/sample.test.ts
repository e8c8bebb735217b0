/**
 * The sample wholesaler (its ledger and support departments included) with every estimate ±20%: the
 * tornado's largest bars are full runs of the whole model, first stage and all, and the ranges and checks
 * cover every customer and time-driven pool.
 */
import { dec } from '../../../src/engine/decimal';
import { runModel } from '../../../src/engine/run';
import { applyFirstStage } from '../../../src/engine/first-stage/apply-first-stage';
import { analyseSensitivity } from '../../../src/engine/sensitivity/analyse';
import { linearCosting } from '../../../src/engine/sensitivity/coefficients';
import { profitsAt } from '../../../src/engine/sensitivity/simulate';
import { sampleGrids } from '../../../src/sample';
import { readContract } from '../../../src/workbook/contract';
import { independentRun } from './ranges';

const read = readContract(sampleGrids());
const model = { ...read.model, settings: { ...read.model.settings, defaultRange: { below: dec(0.2), above: dec(0.2) } } };
const baseline = runModel(model).result!;
const sensitivity = analyseSensitivity(model, baseline);

describe('the sample with every estimate ±20%', () => {
  it('has a first stage, so the runs below pass support cost on as the baseline does', () => {
    expect(baseline.firstStage).toBeDefined();
  });

  it('has one estimate and one bar per activity row, the largest swing first, each exact to the cent', () => {
    expect(sensitivity.estimates).toHaveLength(model.activities.length);
    expect(sensitivity.tornado).toHaveLength(model.activities.length);
    for (const bar of sensitivity.tornado.slice(0, 2)) {
      const low = independentRun(model, baseline, bar.estimate.row, bar.estimate.low)!;
      const high = independentRun(model, baseline, bar.estimate.row, bar.estimate.high)!;
      expect([bar.profitAtLow, bar.profitAtHigh, bar.lossMakersAtLow, bar.lossMakersAtHigh].map((d) => d.toFixed(2))).toEqual(
        [low.profit, high.profit, low.lossMakers, high.lossMakers].map((d) => d.toFixed(2)),
      );
    }
  });

  it('gives every customer a range around today, and operating profit one around today’s', () => {
    expect(sensitivity.simulations).toBe(1000);
    expect(sensitivity.customers.map((c) => c.customer)).toEqual(baseline.customers.map((c) => c.customer));
    for (const c of sensitivity.customers) {
      expect(c.p10).toBeLessThanOrEqual(c.median);
      expect(c.median).toBeLessThanOrEqual(c.p90);
    }
    const { p10, p90 } = sensitivity.company;
    const today = baseline.totals.operatingProfit.toNumber();
    expect(p10 < today && today < p90).toBe(true);
    expect(sensitivity.lookCloser).toEqual(sensitivity.customers.filter((c) => c.lossChance > 0.1 && c.lossChance < 0.9).map((c) => c.customer));
    expect(sensitivity.lookCloser.length).toBeGreaterThan(0);
  });

  it('simulates with the pools’ cost after support: every estimate at its High is a full run, within the cents of rounding', () => {
    const atHigh = { ...model, activities: model.activities.map((t, i) => (t.kind === 'share' ? t : { ...t, value: sensitivity.estimates[i]!.high })) };
    const high = runModel(atHigh).result!;
    const delta = Float64Array.from(model.activities, (t, i) => (t.kind === 'share' ? 0 : sensitivity.estimates[i]!.high.minus(t.value).toNumber()));
    const profit = new Float64Array(baseline.customers.length);
    profitsAt(linearCosting(applyFirstStage(model).model, baseline, sensitivity.estimates), delta, profit);
    const cents = 0.01 * (model.activities.length + 1);
    baseline.customers.forEach((c, i) => {
      const run = high.customers.find((h) => h.customer === c.customer)!.netProfit.toNumber();
      expect(Math.abs((profit[i] as number) - run)).toBeLessThanOrEqual(cents);
    });
  });

  it('checks every time-driven pool', () => {
    expect(sensitivity.checks.map((c) => c.pool)).toEqual(baseline.pools.filter((p) => p.method === 'time').map((p) => p.pool));
  });
});
