/**
 * The tornado is exact: every bar is what two deterministic runs of the engine, with the estimate at Low
 * and at High, give — checked here against runs made independently of tornado.ts (the changed model run
 * with runModel, capacity resized by hand: the run's operating profit plus today's minus its used
 * minutes at each pool's cost per minute), on Kaplan & Anderson's department and on random models.
 */
import fc from 'fast-check';
import { dec } from '../../../src/engine/decimal';
import { runModel } from '../../../src/engine/run';
import { estimatesOf } from '../../../src/engine/sensitivity/estimates';
import { tornadoOf } from '../../../src/engine/sensitivity/tornado';
import { KAPLAN_SHARE, KAPLAN_TIME } from '../../helpers/kaplan-anderson';
import { buildModel } from '../../helpers/model';
import { modelSpec } from '../../helpers/random-model';
import { costed, independentRun, withRanges } from './ranges';

describe('tornado on Kaplan & Anderson', () => {
  // Order minutes 6–10 (8 today), inquiries 40–50 (44), credit checks 45–50 (50); € 0.80 a minute.
  const model = withRanges(KAPLAN_TIME, { 0: [6, 10], 1: [40, 50], 2: [45, 50] });
  const baseline = costed(model);
  const bars = tornadoOf(model, baseline, estimatesOf(model));

  it('gives hand-checked figures: 49,000 orders × 4 minutes × € 0.80 is the largest swing', () => {
    expect(bars.map((b) => b.estimate.activity)).toEqual(['Process customer orders', 'Handle customer inquiries', 'Perform credit checks']);
    const orders = bars[0]!;
    // Operating profit € 135,000 today; 49,000 × 2 minutes × € 0.80 = € 78,400 less (or more) cost once capacity follows.
    expect(orders.profitAtLow.toFixed(2)).toBe('213400.00');
    expect(orders.profitAtHigh.toFixed(2)).toBe('56600.00');
    expect(orders.swing.toFixed(2)).toBe('156800.00');
    // C loses € 4,680 today; its 4,000 orders × 2 minutes × € 0.80 = € 6,400 either way.
    expect(orders.lossMakersAtLow.toFixed(2)).toBe('1720.00');
    expect(orders.lossMakersAtHigh.toFixed(2)).toBe('-11080.00');
    // 1,400 inquiries × 10 minutes × € 0.80; 2,500 credit checks × 5 minutes × € 0.80.
    expect(bars[1]!.swing.toFixed(2)).toBe('11200.00');
    expect(bars[2]!.swing.toFixed(2)).toBe('10000.00');
  });

  it('equals two independent deterministic runs at Low and High, to the cent', () => {
    for (const bar of bars) {
      const low = independentRun(model, baseline, bar.estimate.row, bar.estimate.low)!;
      const high = independentRun(model, baseline, bar.estimate.row, bar.estimate.high)!;
      expect(bar.profitAtLow.toFixed(2)).toBe(low.profit.toFixed(2));
      expect(bar.profitAtHigh.toFixed(2)).toBe(high.profit.toFixed(2));
      expect(bar.swing.toFixed(2)).toBe(high.profit.minus(low.profit).abs().toFixed(2));
      expect(bar.lossMakersAtLow.toFixed(2)).toBe(low.lossMakers.toFixed(2));
      expect(bar.lossMakersAtHigh.toFixed(2)).toBe(high.lossMakers.toFixed(2));
    }
  });
});

describe('tornado of a Share', () => {
  // Orders' 70% between 60% and 80%: at 80% the shares add up to 110%, which no run can cost.
  const model = withRanges(KAPLAN_SHARE, { 0: [0.6, 0.8] });
  const baseline = costed(model);
  const [bar] = tornadoOf(model, baseline, estimatesOf(model));

  it('moves cost between customers and unassigned cost: operating profit stays', () => {
    expect(bar!.profitAtLow.toFixed(2)).toBe('135000.00');
    expect(bar!.profitAtHigh.toFixed(2)).toBe('135000.00');
    expect(bar!.swing.toFixed(2)).toBe('0.00');
  });

  it('at a Low a run can cost, equals the run; beyond 100% follows the share linearly', () => {
    // C today: 75,000 − 32,000 (orders) − 16,000 − 44,800 = −17,800.
    const low = independentRun(model, baseline, 0, dec(0.6))!;
    expect(low.lossMakers.toFixed(2)).toBe('-13228.57');
    expect(bar!.lossMakersAtLow.toFixed(2)).toBe('-13228.57');
    expect(independentRun(model, baseline, 0, dec(0.8))).toBeNull();
    // 10% more of € 560,000 × 4,000 of 49,000 orders = € 4,571.43 more for C.
    expect(bar!.lossMakersAtHigh.toFixed(2)).toBe('-22371.43');
  });
});

describe('tornado on random models', () => {
  it('every bar is two independent deterministic runs, to the cent', () => {
    fc.assert(
      fc.property(
        modelSpec,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 12, maxLength: 12 }),
        (spec, spreads) => {
          const plain = buildModel(spec);
          // Each row between (1 − a%) and (1 + b%) of its value, to 4 decimals (rounded down and up: 2 and 3 are CEIL and FLOOR).
          const ranges = Object.fromEntries(
            plain.activities.map((t, i) => {
              const [a, b] = spreads[i % spreads.length]!;
              return [i, [t.value.times(1 - a / 100).toDecimalPlaces(4, 3).toString(), t.value.times(1 + b / 100).toDecimalPlaces(4, 2).toString()]];
            }),
          ) as Record<number, [string, string]>;
          const model = withRanges(spec, ranges);
          const { result: baseline } = runModel(model);
          if (baseline === null) return;
          const bars = tornadoOf(model, baseline, estimatesOf(model));
          const widths = estimatesOf(model).filter((e) => !e.low.equals(e.high));
          expect(bars.map((b) => b.estimate.row).sort()).toEqual(widths.map((e) => e.row).sort());
          bars.forEach((bar, k) => {
            if (k > 0) expect(bars[k - 1]!.swing.gte(bar.swing)).toBe(true);
            const low = independentRun(model, baseline, bar.estimate.row, bar.estimate.low);
            const high = independentRun(model, baseline, bar.estimate.row, bar.estimate.high);
            // A Share whose High takes its pool over 100% cannot be run (see the Share test above).
            if (low === null || high === null) {
              expect(bar.estimate.kind).toBe('share');
              return;
            }
            expect([bar.profitAtLow, bar.profitAtHigh, bar.lossMakersAtLow, bar.lossMakersAtHigh].map((d) => d.toFixed(2))).toEqual(
              [low.profit, high.profit, low.lossMakers, high.lossMakers].map((d) => d.toFixed(2)),
            );
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('has no bars when every range has zero width', () => {
    const model = withRanges(KAPLAN_TIME, { 0: [8, 8], 1: [44, 44], 2: [50, 50] });
    expect(estimatesOf(model)).toHaveLength(3);
    expect(tornadoOf(model, costed(model), estimatesOf(model))).toEqual([]);
  });
});
