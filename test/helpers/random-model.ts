/** Random costing models for property tests: pools of every kind, rates, customers, volumes and direct costs. */
import fc from 'fast-check';
import { dec, sum } from '../../src/engine/decimal';
import type { ModelSpec } from './model';

export const DRIVERS = ['Orders', 'Order lines', 'Rush orders', 'Deliveries', 'Returns'];
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

/** A random model spec (up to 4 pools named `Pool 0` …, 12 customers `C0` …). */
export const modelSpec = fc
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
