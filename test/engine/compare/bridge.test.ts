/**
 * The profit bridge between two periods (issue 20, engine): golden figures on Kaplan & Anderson's
 * customer-service department, and properties on random pairs of models.
 *
 * Period 1: 560,000 over 700,000 minutes = 0.80 a minute; orders 8 min (6.40), inquiries 44 min (35.20),
 * credit checks 50 min (40.00). Period 2: the department costs 595,000 (0.85 a minute) and an inquiry takes
 * 40 minutes (34.00); orders 6.80, credit checks 42.50.
 *
 * Customer A: orders 100 → 150, inquiries 10, checks 2; revenue 100,000 → 110,000, COGS 60,000 → 66,000.
 *   Cost 640 + 352 + 80 = 1,072 → 1,020 + 340 + 85 = 1,445; net profit 38,928 → 42,555, change 3,627.
 *   Revenue +10,000; COGS −6,000; orders: volume −50 × 6.40 = −320, rate −150 × 0.40 = −60 (all cost per
 *   minute); inquiries: rate −10 × (34.00 − 35.20) = +12 = time per unit −10 × (40 − 44) × 0.80 = +32 and cost
 *   per minute −10 × 40 × 0.05 = −20; checks: rate −2 × 2.50 = −5. 10,000 − 6,000 − 320 − 60 + 12 − 5 = 3,627.
 * Customer B: orders 200, inquiries 5, checks 1 in both; revenue 50,000, COGS 30,000. Cost 1,496 → 1,572.50:
 *   orders −80, inquiries +6 (time +16, cost per minute −10), checks −2.50: change −76.50, all rate.
 * Customer C, new: 10 orders, revenue 1,000, COGS 500: net profit 432 = 1,000 − 500 − 64 (volume at 6.40) − 4 (rate).
 */
import fc from 'fast-check';
import { compareResults } from '../../../src/engine/compare/bridge';
import type { BridgeParts, CustomerChange } from '../../../src/engine/compare/types';
import { type Dec, sum } from '../../../src/engine/decimal';
import type { CostingResult } from '../../../src/engine/result';
import { runModel } from '../../../src/engine/run';
import { kaplanPeriod as period } from '../../helpers/compare-periods';
import { buildModel, type ModelSpec } from '../../helpers/model';
import { modelSpec } from '../../helpers/random-model';

const partsOf = (b: BridgeParts): Dec[] => [b.revenue, b.discounts, b.cogs, b.activityVolume, b.activityRate, b.unusedCapacity, b.directCosts];
const fixed = (d: Dec | null): string | null => (d === null ? null : d.toFixed(2));

describe('the profit bridge', () => {
  const before = period(560000, 44, 100, false, 100000, 60000);
  const after = period(595000, 40, 150, true, 110000, 66000);
  const comparison = compareResults(before, after);
  const of = (id: string): CustomerChange => comparison.customers.find((c) => c.customer === id) as CustomerChange;

  it('splits customer A\'s change into revenue, COGS, volume and rate, to the cent', () => {
    const a = of('A');
    expect([a.status, fixed(a.before), fixed(a.after), fixed(a.change)]).toEqual(['both', '38928.00', '42555.00', '3627.00']);
    expect(partsOf(a.bridge).map(fixed)).toEqual(['10000.00', '0.00', '-6000.00', '-320.00', '-53.00', '0.00', '0.00']);
    expect(a.activities.map((x) => [x.activity, fixed(x.volume), fixed(x.rate), fixed(x.timePerUnit), fixed(x.costPerMinute)])).toEqual([
      ['Process customer orders', '-320.00', '-60.00', '0.00', '-60.00'],
      ['Handle customer inquiries', '0.00', '12.00', '32.00', '-20.00'],
      ['Perform credit checks', '0.00', '-5.00', '0.00', '-5.00'],
    ]);
  });

  it('gives B a rate-only change and C, new, its whole profit', () => {
    const b = of('B');
    expect([fixed(b.change), fixed(b.bridge.activityVolume), fixed(b.bridge.activityRate)]).toEqual(['-76.50', '0.00', '-76.50']);
    expect(b.activities.map((x) => [x.activity, fixed(x.rate), fixed(x.timePerUnit), fixed(x.costPerMinute)])).toEqual([
      ['Process customer orders', '-80.00', '0.00', '-80.00'],
      ['Handle customer inquiries', '6.00', '16.00', '-10.00'],
      ['Perform credit checks', '-2.50', '0.00', '-2.50'],
    ]);
    const c = of('C');
    expect([c.status, fixed(c.before), fixed(c.change)]).toEqual(['new', '0.00', '432.00']);
    expect(partsOf(c.bridge).map(fixed)).toEqual(['1000.00', '0.00', '-500.00', '-64.00', '-4.00', '0.00', '0.00']);
  });

  it('adds the company\'s parts up to the change in operating profit', () => {
    const t = comparison.totals;
    const parts = [...partsOf(t.bridge), t.bridge.unusedNotCharged, t.bridge.unassigned];
    expect(sum(parts).toFixed(2)).toBe(t.change.toFixed(2));
    expect(t.change.toFixed(2)).toBe(after.totals.operatingProfit.minus(before.totals.operatingProfit).toFixed(2));
  });
});

describe('the profit bridge on random pairs of models', () => {
  const costed = (spec: ModelSpec): CostingResult | null => runModel(buildModel(spec)).result;

  it('adds up to every customer\'s change and the company\'s, to the cent; a model against itself changes nothing; swapped, the change turns', () => {
    fc.assert(
      fc.property(modelSpec, modelSpec, (spec0, spec1) => {
        const r0 = costed(spec0);
        const r1 = costed(spec1);
        if (r0 === null || r1 === null) return;
        const comparison = compareResults(r0, r1);
        for (const c of comparison.customers) {
          expect([c.customer, sum(partsOf(c.bridge)).toFixed(2)]).toEqual([c.customer, c.change.toFixed(2)]);
          expect(sum(c.activities.map((a) => a.volume)).eq(c.bridge.activityVolume)).toBe(true);
          for (const a of c.activities) {
            if (a.timePerUnit !== null && a.costPerMinute !== null) expect(a.timePerUnit.plus(a.costPerMinute).eq(a.rate)).toBe(true);
          }
        }
        const t = comparison.totals;
        expect(sum([...partsOf(t.bridge), t.bridge.unusedNotCharged, t.bridge.unassigned]).toFixed(2)).toBe(t.change.toFixed(2));

        const self = compareResults(r1, r1);
        expect(self.customers.every((c) => [...partsOf(c.bridge), c.change].every((d) => d.isZero()))).toBe(true);
        const swapped = compareResults(r1, r0);
        const back = new Map(swapped.customers.map((c) => [c.customer, c.change]));
        for (const c of comparison.customers) expect(back.get(c.customer)?.negated().eq(c.change)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
