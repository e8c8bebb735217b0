/**
 * The fast kernel (integer cells, cell-allocate.ts) against the plain path (a decimal per cell): the same
 * result to the cent, on random models with hostile quantities, and the building blocks on their own.
 */
import fc from 'fast-check';
import { allocateCents } from '../../src/engine/allocate';
import { allocateCells } from '../../src/engine/cell-allocate';
import { ColumnRow } from '../../src/engine/column-row';
import { computeExact } from '../../src/engine/costing';
import { type Dec, type Scaled, dec, fromScaled, scaledInto, wholeCentsOf, roundCents } from '../../src/engine/decimal';
import type { CostingResult } from '../../src/engine/result';
import { roundResult } from '../../src/engine/round-result';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from '../helpers/model';

/** A result as plain data: decimals as text with the sign of a zero, maps as entry lists. */
function canonical(result: CostingResult | null): unknown {
  return JSON.parse(
    JSON.stringify(result, (_key, value: unknown) => {
      // The fast path's customer maps are read-only views (ColumnRow), the plain path's are Maps: compare entries.
      if (value instanceof Map || value instanceof ColumnRow) return [...value.entries()];
      if (value !== null && typeof value === 'object' && 'd' in value && 'e' in value && 's' in value) {
        const d = value as Dec;
        return `${d.isZero() && d.isNegative() ? '-' : ''}${d.toString()}`;
      }
      return value;
    }),
  );
}

const DRIVERS = ['Orders', 'Lines', 'Rush', 'Drops'];
/** Quantities people and exports produce, and the ones that break doubles. */
const quantity = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map(String),
  fc.constantFrom('0.1', '0.2', '0.3', '1e-7', '0.0000001', '1000000000000', '999999999999.99', '0.125', '3', '7', '2.5'),
  fc.integer({ min: 0, max: 10 ** 6 }).map((n) => (n / 1000).toString()),
  fc.integer({ min: 0, max: 10 ** 9 }).map((n) => `${n}e-9`),
);
/** Costs and capacities that give short, terminating and 40-digit rates (1/3, 1/7 …). */
const cost = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }).map(String), fc.constantFrom('1', '100', '1000000', '1018750', '560000.5', '0.07'));
const capacity = fc.oneof(fc.integer({ min: 1, max: 2_000_000 }).map(String), fc.constantFrom('3', '7', '300', '960000', '700000', '0.3'));
const minutes = fc.oneof(fc.integer({ min: 0, max: 60 }).map(String), fc.constantFrom('0.6', '0.9', '1.5', '0.001', '12', '1e-6'));

const modelSpec = fc
  .record({
    pools: fc.array(
      fc.record({
        kind: fc.constantFrom('time', 'share'),
        cost,
        capacity,
        terms: fc.array(fc.record({ driver: fc.option(fc.constantFrom(...DRIVERS), { freq: 6 }), minutes, share: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    rates: fc.array(fc.record({ driver: fc.constantFrom(...DRIVERS), rate: fc.constantFrom('8.25', '0.333', '1', '0.0001', '12') }), { maxLength: 2 }),
    customers: fc.integer({ min: 1, max: 25 }),
    revenue: fc.array(fc.oneof(fc.integer({ min: -1000, max: 10 ** 7 }).map(String), fc.constantFrom('0.005', '-0.004', '12.345', '1e-7')), { minLength: 25, maxLength: 25 }),
    volumes: fc.array(fc.record({ customer: fc.nat(24), driver: fc.constantFrom(...DRIVERS), quantity, times: fc.integer({ min: 1, max: 4 }) }), { maxLength: 80 }),
    costs: fc.array(fc.record({ customer: fc.nat(24), amount: fc.constantFrom('10', '0.004', '-3.333', '250.5') }), { maxLength: 4 }),
    assign: fc.boolean(),
  })
  .map((r): ModelSpec => {
    const spec: ModelSpec = { pools: [], activities: [], customers: [], volumes: [], customerCosts: [], volumeDrivers: DRIVERS };
    r.pools.forEach((p, pi) => {
      const pool = `Pool ${pi}`;
      spec.pools!.push([pool, p.cost, p.kind === 'share' ? null : p.capacity]);
      p.terms.forEach((t, ti) => {
        if (p.kind === 'time') spec.activities!.push([`Act ${pi}.${ti % 2}`, pool, t.driver ?? 'Orders', 'minutes', t.minutes]);
        else spec.activities!.push([`Share ${pi}.${ti}`, pool, t.driver, 'share', (t.share / 100).toString()]);
      });
    });
    r.rates.forEach((t, i) => spec.activities!.push([`Carrier ${i}`, null, t.driver, 'rate', t.rate]));
    for (let i = 0; i < r.customers; i++) spec.customers!.push([`C${i}`, r.revenue[i] ?? '0', '10', '0']);
    // Many rows per cell, and equal quantities across customers, so rounding meets ties.
    for (const v of r.volumes) for (let k = 0; k < v.times; k++) if (v.customer < r.customers) spec.volumes!.push([`C${v.customer}`, v.driver, v.quantity]);
    for (const c of r.costs) if (c.customer < r.customers) spec.customerCosts!.push([`C${c.customer}`, 'Bonus', c.amount]);
    if (r.assign) spec.settings = { unusedCapacity: 'assign' };
    return spec;
  });

describe('fast kernel', () => {
  it('gives the plain path’s result to the cent on random models', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const model = buildModel(spec);
        const plain = runModel(model, [], { plain: true });
        const fast = runModel(model);
        expect(canonical(fast.result)).toEqual(canonical(plain.result));
        expect(fast.issues.map((i) => i.code)).toEqual(plain.issues.map((i) => i.code));
        if (plain.result !== null && roundResult(model, computeExact(model, true), true) !== null) fastRuns++;
      }),
      { numRuns: 400 },
    );
    // The comparison means something only when the fast kernel itself ran, not its fallback.
    expect(fastRuns).toBeGreaterThan(100);
  });

  it('runs the Kaplan-like model fast, with 1/3 rates, and matches the plain path', () => {
    const spec: ModelSpec = {
      pools: [['Service', '100', '300']],
      activities: [['Orders', 'Service', 'Orders', 'minutes', '1']],
      // Some revenue, so the model raises no plausibility warning (roundResult alone makes none).
      customers: [['A', '1', '0'], ['B', '1', '0'], ['C', '1', '0']],
      volumes: [['A', 'Orders', '100'], ['B', 'Orders', '100'], ['C', 'Orders', '100']],
    };
    const model = buildModel(spec);
    const fast = roundResult(model, computeExact(model, true), true);
    expect(fast).not.toBeNull();
    // 100 minutes × 1/3 a minute = 33.33…; the 300 minutes cost exactly 100.00, the cent goes to A (first tie).
    expect(fast!.customers.map((c) => [c.customer, c.activityCosts.get('Orders')!.toFixed(2)])).toEqual([
      ['B', '33.33'],
      ['C', '33.33'],
      ['A', '33.34'],
    ]);
    expect(canonical(fast)).toEqual(canonical(runModel(model, [], { plain: true }).result));
  });
});

describe('scaledInto', () => {
  it('reads a decimal as an integer and a power of ten, exactly', () => {
    const out: Scaled = { int: 0, scale: 0 };
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e13, max: 1e13 }), fc.integer({ min: -(10 ** 15), max: 10 ** 15 }).chain((n) => fc.nat(22).map((k) => `${n}e-${k}`))), (x) => {
        const d = dec(x);
        if (scaledInto(d, out)) {
          expect(Number.isSafeInteger(out.int)).toBe(true);
          expect(fromScaled(out.int, out.scale).eq(d)).toBe(true);
        } else {
          // Only figures with more than 15 digits, beyond the scales, or whole numbers past 2^53 are refused.
          expect(d.precision(true) > 15 || d.decimalPlaces() > 22 || d.abs().greaterThan(Number.MAX_SAFE_INTEGER)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('turns amounts into whole cents as roundCents does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.nat(6), (n, k) => {
        const d = dec(`${n}e-${k}`);
        const cents = wholeCentsOf(d);
        const rounded = roundCents(d);
        if (rounded.isZero() && rounded.isNegative()) expect(cents).toBeNull();
        else expect(cents).toBe(rounded.times(100).toNumber());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('allocateCells', () => {
  it('splits as allocateCents does, with ties, near-whole cents and long factors', () => {
    const factor = fc.constantFrom('1', '0.8', '1.640625', '0.333', ...['1/3', '1/7', '2/3', '1018750/960000', '100/3000000'].map((q) => q));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.constant(3), fc.constant(300), fc.integer({ min: 0, max: 10 ** 9 })), { minLength: 1, maxLength: 40 }),
        fc.nat(4),
        factor,
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom('0', '12.345', '0.005'),
        (ms, scale, k, shiftCents, unassigned) => {
          const [a, b] = k.split('/');
          const K = b === undefined ? dec(k) : dec(a!).dividedBy(b!);
          const exactParts = ms.map((m) => (m === 0 ? dec(0) : fromScaled(m, scale).times(K)));
          const U = dec(unassigned);
          const total = roundCents([...exactParts, U].reduce((s, p) => s.plus(p), dec(0))).plus(dec(shiftCents).dividedBy(100));
          const plain = allocateCents(total, [...exactParts, U]).map((c) => c.times(100).toNumber());
          const fast = allocateCells(total.times(100).toNumber(), { m: Float64Array.from(ms), scale, factor: K, unit: false, unassigned: U });
          expect(fast).not.toBeNull();
          expect(Array.from(fast!)).toEqual(plain);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
