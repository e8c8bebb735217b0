/**
 * Invariants on random models: the figures reconcile to the cent at every level, whatever the numbers.
 */
import fc from 'fast-check';
import { computeExact } from '../../src/engine/costing';
import { type Dec, ZERO, dec, roundCents, sum } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import { buildModel } from '../helpers/model';
import { modelSpec } from '../helpers/random-model';

const isCents = (d: Dec) => d.times(100).isInteger();

describe('reconciliation on random models', () => {
  it('reconciles every activity, every pool and the company to the cent', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const model = buildModel(spec);
        const { result, issues } = runModel(model);
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        if (result === null) return;

        for (const a of result.activities) {
          const customers = sum(result.customers.map((c) => c.activityCosts.get(a.activity) ?? ZERO));
          expect(customers.plus(a.unassignedCost).eq(a.cost)).toBe(true);
          expect(isCents(a.cost)).toBe(true);
        }
        for (const p of result.pools) {
          const input = model.pools.find((x) => x.name === p.pool)!;
          const parts = p.activitiesCost.plus(p.unusedCost ?? ZERO).plus(p.unassignedCost);
          expect(parts.eq(roundCents(input.cost))).toBe(true);
          const charged = sum(result.customers.map((c) => c.unusedCapacityCosts.get(p.pool) ?? ZERO));
          expect(charged.eq(p.unusedAssigned)).toBe(true);
        }
        const t = result.totals;
        expect(t.netProfit.minus(t.unusedCapacityCost).minus(t.unassignedCost).eq(t.operatingProfit)).toBe(true);
        const poolCosts = sum(model.pools.map((p) => roundCents(p.cost)));
        const rateCosts = sum(result.activities.filter((a) => a.method === 'rate').map((a) => a.cost));
        const bottomUp = t.netRevenue.minus(t.cogs).minus(poolCosts).minus(rateCosts).minus(t.directCosts);
        expect(bottomUp.eq(t.operatingProfit)).toBe(true);
        for (const c of result.customers) {
          expect(isCents(c.netProfit)).toBe(true);
          expect(c.grossMargin.minus(c.costToServe).minus(c.directCosts).eq(c.netProfit)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moves no customer amount by a cent or more from its exact value', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const model = buildModel(spec);
        const { result } = runModel(model);
        if (result === null) return;
        const exact = computeExact(model);
        const exactActivities = [...exact.pools.flatMap((p) => p.activities), ...exact.rateActivities];
        for (const a of exactActivities) {
          model.customers.forEach((c, i) => {
            const rounded = result.customers.find((r) => r.customer === c.id)!.activityCosts.get(a.name)!;
            expect(rounded.minus(a.perCustomer[i]!).abs().lessThan(dec('0.01'))).toBe(true);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result for the same model, whatever the order of volume rows', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const reversed = { ...spec, volumes: [...(spec.volumes ?? [])].reverse() };
        const a = runModel(buildModel(spec)).result;
        const b = runModel(buildModel(reversed)).result;
        expect(b?.customers.map((c) => c.netProfit.toFixed(2))).toEqual(a?.customers.map((c) => c.netProfit.toFixed(2)));
      }),
      { numRuns: 100 },
    );
  });
});
