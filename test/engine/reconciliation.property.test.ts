/**
 * Invariants on random models: the figures reconcile to the cent at every level, whatever the numbers.
 */
import fc from 'fast-check';
import { computeExact } from '../../src/engine/costing';
import { type Dec, ZERO, dec, roundCents, sum } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from '../helpers/model';

const DRIVERS = ['Orders', 'Order lines', 'Rush orders', 'Deliveries', 'Returns'];
const amount = (max: number, decimals: number) =>
  fc.integer({ min: 0, max: max * 10 ** decimals }).map((n) => (n / 10 ** decimals).toFixed(decimals));

const poolSpec = fc.record({
  kind: fc.constantFrom('time', 'share', 'idle'),
  cost: amount(5_000_000, 3),
  capacity: fc.integer({ min: 1, max: 2_000_000 }),
  terms: fc.array(
    fc.record({ driver: fc.option(fc.constantFrom(...DRIVERS), { freq: 5 }), minutes: amount(60, 2), weight: fc.integer({ min: 1, max: 100 }) }),
    { minLength: 1, maxLength: 4 },
  ),
  shareTotal: fc.integer({ min: 1, max: 10_000 }),
});

const modelSpec = fc
  .record({
    pools: fc.array(poolSpec, { minLength: 1, maxLength: 4 }),
    rates: fc.array(fc.record({ driver: fc.constantFrom(...DRIVERS), rate: amount(100, 4) }), { maxLength: 3 }),
    customers: fc.array(
      fc.record({ revenue: amount(2_000_000, 2), cogs: amount(1_500_000, 3), discounts: amount(50_000, 2) }),
      { minLength: 1, maxLength: 12 },
    ),
    volumes: fc.array(
      fc.record({ customer: fc.nat(11), driver: fc.constantFrom(...DRIVERS), quantity: amount(2_000, 1) }),
      { maxLength: 60 },
    ),
    costs: fc.array(fc.record({ customer: fc.nat(11), amount: amount(20_000, 3) }), { maxLength: 6 }),
    assign: fc.boolean(),
  })
  .map((r): ModelSpec => {
    const spec: ModelSpec = { pools: [], activities: [], customers: [], volumes: [], customerCosts: [] };
    r.pools.forEach((p, pi) => {
      const pool = `Pool ${pi}`;
      spec.pools!.push([pool, p.cost, p.kind === 'share' ? null : p.capacity]);
      if (p.kind === 'time') {
        p.terms.forEach((t, ti) => spec.activities!.push([`Act ${pi}.${ti % 2}`, pool, t.driver ?? 'Orders', 'minutes', t.minutes]));
      } else if (p.kind === 'share') {
        const weights = sum(p.terms.map((t) => dec(t.weight)));
        p.terms.forEach((t, ti) => {
          // shares that add up to at most 1, with up to 6 decimals
          const share = dec(t.weight).dividedBy(weights).times(p.shareTotal).dividedBy(10_000).toDecimalPlaces(6, 1);
          spec.activities!.push([`Share ${pi}.${ti}`, pool, t.driver, 'share', share.toString()]);
        });
      }
    });
    r.rates.forEach((t, i) => spec.activities!.push([`Carrier ${i % 2}`, null, t.driver, 'rate', t.rate]));
    r.customers.forEach((c, i) => spec.customers!.push([`C${i}`, c.revenue, c.cogs, c.discounts]));
    for (const v of r.volumes) if (v.customer < r.customers.length) spec.volumes!.push([`C${v.customer}`, v.driver, v.quantity]);
    for (const c of r.costs) if (c.customer < r.customers.length) spec.customerCosts!.push([`C${c.customer}`, 'Bonus', c.amount]);
    spec.volumeDrivers = DRIVERS;
    spec.settings = { unusedCapacity: r.assign ? 'assign' : 'report' };
    return spec;
  });

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
