/** Properties of scenarios on random volumes of the shared small model. */
import fc from 'fast-check';
import { dec } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import { runModel } from '../../../src/engine/run';
import { runScenarios } from '../../../src/engine/scenarios/run-scenarios';
import type { ScenarioChangeInput, ScenarioOutcome } from '../../../src/engine/scenarios/types';
import { ALL, customer, num, pct, scenarioModel, scenarioRow, segment } from './scenario-model';

const quantities = fc.record({
  orders: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }),
  lines: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 3, maxLength: 3 }),
  checks: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
  deliveries: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 3, maxLength: 3 }),
});

/** The shared model with these volumes (the capacity grown so that it is never over-used). */
function modelWith(q: { orders: number[]; lines: number[]; checks: number[]; deliveries: number[] }): ModelInput {
  const base = scenarioModel();
  const ids = ['A', 'B', 'C'];
  const volumes = ids.flatMap((id, i) =>
    (
      [
        ['Orders', q.orders[i]],
        ['Order lines', q.lines[i]],
        ['Credit checks', q.checks[i]],
        ['Deliveries', q.deliveries[i]],
      ] as const
    ).map(([driver, n], k) => ({ customer: id, driver, quantity: dec(n ?? 0), where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: `A${i * 4 + k + 2}` } })),
  );
  const volumeDrivers = ['Orders', 'Order lines', 'Credit checks', 'Deliveries'].map((driver, i) => ({ driver, where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: `B${i + 1}` } }));
  return { ...base, volumes, volumeDrivers };
}

const scopes = fc.constantFrom(ALL, segment('Retail'), segment('horeca'), customer('B'), customer('c'));

function outcomesOf(model: ModelInput, rows: ScenarioChangeInput[]): { baseline: NonNullable<ReturnType<typeof runModel>['result']>; outcomes: ScenarioOutcome[] } {
  const withRows = { ...model, scenarios: rows };
  const baseline = runModel(withRows).result;
  if (baseline === null) throw new Error('the model has errors');
  const run = runScenarios(withRows, baseline);
  expect(run.issues).toEqual([]);
  return { baseline, outcomes: run.outcomes };
}

test('a scenario that changes nothing equals the baseline to the cent', () => {
  const noChange = fc.oneof(
    fc.record({ scope: scopes, target: fc.constantFrom('Orders', 'order lines', 'Deliveries') }).map((r) => scenarioRow(2, 'Nothing', r.scope, 'quantity', r.target, pct(0))),
    scopes.map((scope) => scenarioRow(2, 'Nothing', scope, 'price', null, pct(0))),
    scopes.map((scope) => scenarioRow(2, 'Nothing', scope, 'fee', 'Orders', num(0))),
    scopes.map((scope) => scenarioRow(2, 'Nothing', scope, 'minutes', 'Order entry / Orders', num(10))),
    scopes.map((scope) => scenarioRow(2, 'Nothing', scope, 'minutes', 'Credit checks', pct(0))),
    fc.constant(scenarioRow(2, 'Nothing', ALL, 'capacity', 'Customer service', pct(0))),
    fc.constant(scenarioRow(2, 'Nothing', ALL, 'capacity', 'Customer service', num(15000))),
    fc.constant(scenarioRow(2, 'Nothing', ALL, 'capacity', 'Management', pct(0))),
  );
  fc.assert(
    fc.property(quantities, fc.array(noChange, { minLength: 1, maxLength: 3 }), (q, rows) => {
      const { outcomes } = outcomesOf(modelWith(q), rows);
      expect(outcomes).toHaveLength(1);
      const o = outcomes[0]!;
      const cents = (h: ScenarioOutcome['before']) => Object.values(h).map((d) => d.toFixed(2));
      expect(cents(o.after)).toEqual(cents(o.before));
      expect(o.operatingProfitResized.toFixed(2)).toBe(o.before.operatingProfit.toFixed(2));
      expect(o.customers).toEqual([]);
      expect(o.pools.map((p) => p.freedMinutes.isZero())).toEqual([true]);
    }),
    { numRuns: 60 },
  );
});

test('for random scenarios both operating-profit lines reconcile to the cent with the baseline', () => {
  const percent = fc.integer({ min: -100, max: 100 }).map((p) => pct(p / 100));
  const change = fc.oneof(
    fc.record({ scope: scopes, target: fc.constantFrom('Orders', 'Order lines', 'Credit checks', 'Deliveries'), value: percent }).map((r) =>
      scenarioRow(2, 'S', r.scope, 'quantity', r.target, r.value),
    ),
    fc.record({ scope: scopes, value: percent }).map((r) => scenarioRow(2, 'S', r.scope, 'price', null, r.value)),
    fc.record({ scope: scopes, fee: fc.integer({ min: 0, max: 5000 }) }).map((r) => scenarioRow(2, 'S', r.scope, 'fee', 'Orders', num(r.fee / 100))),
    fc.record({ scope: scopes, minutes: fc.integer({ min: 0, max: 300 }) }).map((r) => scenarioRow(2, 'S', r.scope, 'minutes', 'Order entry / Order lines', num(r.minutes / 10))),
    fc.record({ scope: scopes, lines: fc.integer({ min: 1, max: 20 }) }).map((r) => scenarioRow(2, 'S', r.scope, 'minimumOrder', null, num(r.lines))),
    fc.integer({ min: -90, max: 200 }).map((p) => scenarioRow(2, 'S', ALL, 'capacity', 'Customer service', pct(p / 100))),
    fc.integer({ min: -100, max: 100 }).map((p) => scenarioRow(2, 'S', ALL, 'capacity', 'Management', pct(p / 100))),
  );
  fc.assert(
    fc.property(quantities, fc.array(change, { minLength: 1, maxLength: 4 }), (q, rows) => {
      const { baseline, outcomes } = outcomesOf(modelWith(q), rows);
      const o = outcomes[0]!;
      expect(o.before.operatingProfit.toFixed(2)).toBe(baseline.totals.operatingProfit.toFixed(2));
      const today = o.before.operatingProfit
        .plus(o.after.customerNetProfit.minus(o.before.customerNetProfit))
        .minus(o.after.unusedCapacityCost.minus(o.before.unusedCapacityCost))
        .minus(o.after.unassignedCost.minus(o.before.unassignedCost));
      expect(today.toFixed(2)).toBe(o.after.operatingProfit.toFixed(2));
      const freed = o.pools.reduce((t, p) => t.plus(p.freedCost), dec(0));
      expect(o.after.operatingProfit.plus(freed).toFixed(2)).toBe(o.operatingProfitResized.toFixed(2));
      // Every amount is in whole cents.
      for (const d of [...Object.values(o.after), o.operatingProfitResized, ...o.pools.map((p) => p.freedCost)]) expect(d.decimalPlaces()).toBeLessThanOrEqual(2);
      // The customers listed are exactly those whose net profit changed, and add up to the change.
      const change = o.customers.reduce((t, c) => t.plus(c.netProfitAfter.minus(c.netProfitBefore)), dec(0));
      expect(change.toFixed(2)).toBe(o.after.customerNetProfit.minus(o.before.customerNetProfit).toFixed(2));
    }),
    { numRuns: 80 },
  );
});
