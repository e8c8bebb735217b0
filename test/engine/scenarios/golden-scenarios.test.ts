/** One hand-computed scenario per change on the model of scenario-model.ts (its comment has the baseline). */
import type { Dec } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import { runModel } from '../../../src/engine/run';
import { runScenarios } from '../../../src/engine/scenarios/run-scenarios';
import type { ScenarioChangeInput, ScenarioOutcome } from '../../../src/engine/scenarios/types';
import { ALL, customer, num, pct, scenarioModel, scenarioRow, segment } from './scenario-model';

const s = (d: Dec | null): string | null => (d === null ? null : d.toFixed(2));

function run(rows: ScenarioChangeInput[], model: ModelInput = scenarioModel()): ScenarioOutcome[] {
  const withRows = { ...model, scenarios: rows };
  const baseline = runModel(withRows);
  expect(baseline.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const out = runScenarios(withRows, baseline.result!);
  expect(out.issues).toEqual([]);
  return out.outcomes;
}

function only(rows: ScenarioChangeInput[], model?: ModelInput): ScenarioOutcome {
  const outcomes = run(rows, model);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

const headline = (o: ScenarioOutcome) => ({
  op: s(o.after.operatingProfit),
  resized: s(o.operatingProfitResized),
  netProfit: s(o.after.customerNetProfit),
  unused: s(o.after.unusedCapacityCost),
  unassigned: s(o.after.unassignedCost),
  fees: s(o.after.fees),
});
const customers = (o: ScenarioOutcome) => o.customers.map((c) => [c.customer, s(c.netProfitBefore), s(c.netProfitAfter), s(c.fees)]);
const pools = (o: ScenarioOutcome) =>
  o.pools.map((p) => [p.pool, p.usedBefore.toString(), p.usedAfter.toString(), p.freedMinutes.toString(), p.freedFte === null ? null : p.freedFte.toFixed(6), s(p.freedCost)]);

test('the baseline headline is the model itself', () => {
  const o = only([scenarioRow(2, 'Fee', segment('Horeca'), 'fee', 'Orders', num(15))]);
  expect([s(o.before.operatingProfit), s(o.before.customerNetProfit), s(o.before.unusedCapacityCost), s(o.before.unassignedCost), s(o.before.fees)]).toEqual([
    '39000.00',
    '46600.00',
    '3600.00',
    '4000.00',
    '0.00',
  ]);
});

test('fee: 15 per order for Horeca charges B 400 × 15 = 6,000 and C 100 × 15 = 1,500; nothing else moves', () => {
  const o = only([scenarioRow(2, 'Order fee Horeca', segment('horeca'), 'fee', 'orders', num(15))]);
  expect(headline(o)).toEqual({ op: '46500.00', resized: '46500.00', netProfit: '54100.00', unused: '3600.00', unassigned: '4000.00', fees: '7500.00' });
  expect(s(o.after.netRevenue)).toBe('177500.00');
  expect(customers(o)).toEqual([
    ['B', '7120.00', '13120.00', '6000.00'],
    ['C', '3880.00', '5380.00', '1500.00'],
  ]);
  expect(pools(o)).toEqual([['Customer service', '10500', '10500', '0', '0.000000', '0.00']]);
});

test("minutes: EDI for Retail (1 min an order instead of 10) frees 900 minutes of A's; the cost stays until capacity is resized", () => {
  // A: 100 × 1 + 1,000 × 2 = 2,100 min (was 3,000): order entry 1,680.00, net profit 36,320.00 (+720).
  // Unused 4,500 + 900 = 5,400 min = 4,320.00, so operating profit stays 39,000; resized + 900 × 0.80 = 39,720.
  // Staff: 900 ÷ 96,000 MinutesPerFTE = 0.009375 FTE.
  const o = only([scenarioRow(2, 'EDI', segment('Retail'), 'minutes', 'Order entry / Orders', num(1))]);
  expect(headline(o)).toEqual({ op: '39000.00', resized: '39720.00', netProfit: '47320.00', unused: '4320.00', unassigned: '4000.00', fees: '0.00' });
  expect(pools(o)).toEqual([['Customer service', '10500', '9600', '900', '0.009375', '720.00']]);
  expect(customers(o)).toEqual([['A', '35600.00', '36320.00', '0.00']]);
});

test('minutes as a percentage: −90% of 10 minutes is the same 1 minute', () => {
  const o = only([scenarioRow(2, 'EDI', segment('Retail'), 'minutes', 'order entry/orders', pct(-0.9))]);
  expect([s(o.after.operatingProfit), s(o.operatingProfitResized)]).toEqual(['39000.00', '39720.00']);
});

test('minimum order of 4 lines: B and C order 2 lines an order, so they order ceil(lines ÷ 4) = 200 and 50 times', () => {
  // Minutes: B 200 × 10 + 1,600 + 500 = 4,100; C 500 + 400 = 900; used 8,000, freed 2,500 (2,000.00; 0.026042 FTE).
  // Account management: 6,000 over 350 orders: A 1,714.29 (largest remainder), B 3,428.57, C 857.14.
  // Net profit: A 40,000 − 2,400 − 1,714.29 − 1,000 = 34,885.71; B 20,000 − 2,880 − 400 − 3,428.57 − 4,000 = 9,291.43;
  // C 8,000 − 720 − 857.14 − 2,000 = 4,422.86; together 48,600. Unused 7,000 min = 5,600.
  // Operating profit 48,600 − 5,600 − 4,000 = 39,000; resized 41,000.
  const o = only([scenarioRow(2, 'Minimum order', ALL, 'minimumOrder', null, num(4))]);
  expect(headline(o)).toEqual({ op: '39000.00', resized: '41000.00', netProfit: '48600.00', unused: '5600.00', unassigned: '4000.00', fees: '0.00' });
  expect(pools(o)).toEqual([['Customer service', '10500', '8000', '2500', '0.026042', '2000.00']]);
  expect(customers(o)).toEqual([
    ['B', '7120.00', '9291.43', '0.00'],
    ['A', '35600.00', '34885.71', '0.00'],
    ['C', '3880.00', '4422.86', '0.00'],
  ]);
});

test('quantity: B orders half as often (−50%), same lines; the fee of a second row is charged on the new orders', () => {
  // B: 200 orders: 2,000 + 1,600 + 500 = 4,100 min; used 8,500, freed 2,000 (1,600.00).
  // Account management 6,000 ÷ 400 orders = 15.00: A 1,500, B 3,000, C 1,500.
  // A 35,100; B 20,000 − 2,880 − 400 − 3,000 − 4,000 = 9,720; C 8,000 − 1,120 − 1,500 − 2,000 = 3,380; together 48,200.
  // Unused 6,500 min = 5,200: operating profit 48,200 − 5,200 − 4,000 = 39,000; with the fee 10 × 200 = 2,000: 41,000.
  const o = only([scenarioRow(2, 'Bigger orders B', customer('b'), 'fee', 'Orders', num(10)), scenarioRow(3, 'bigger  ORDERS b', customer('B'), 'quantity', 'Orders', pct(-0.5))]);
  expect(o.scenario).toBe('Bigger orders B');
  expect(headline(o)).toEqual({ op: '41000.00', resized: '42600.00', netProfit: '50200.00', unused: '5200.00', unassigned: '4000.00', fees: '2000.00' });
  expect(pools(o)).toEqual([['Customer service', '10500', '8500', '2000', '0.020833', '1600.00']]);
  expect(customers(o)).toEqual([
    ['B', '7120.00', '11720.00', '2000.00'],
    // A and C both lose 500.00: a tie, in id order.
    ['A', '35600.00', '35100.00', '0.00'],
    ['C', '3880.00', '3380.00', '0.00'],
  ]);
});

test('price: +10% for Retail raises A’s revenue by 10,000; COGS and discounts stay', () => {
  const o = only([scenarioRow(2, 'Price', segment('Retail'), 'price', null, pct(0.1))]);
  expect(headline(o)).toEqual({ op: '49000.00', resized: '49000.00', netProfit: '56600.00', unused: '3600.00', unassigned: '4000.00', fees: '0.00' });
  expect(customers(o)).toEqual([['A', '35600.00', '45600.00', '0.00']]);
});

test('capacity −20% releases staff: cost 9,600 for 12,000 min (0.80 a minute still), unused 1,500 min = 1,200', () => {
  const o = only([scenarioRow(2, 'Release', ALL, 'capacity', 'Customer service', pct(-0.2))]);
  expect(headline(o)).toEqual({ op: '41400.00', resized: '41400.00', netProfit: '46600.00', unused: '1200.00', unassigned: '4000.00', fees: '0.00' });
  expect(o.pools.map((p) => [p.capacityBefore.toString(), p.capacityAfter.toString()])).toEqual([['15000', '12000']]);
  expect(o.customers).toEqual([]);
});

test('capacity as minutes: 10,500 min at 12,000 × 10,500 ÷ 15,000 = 8,400 leaves no unused capacity', () => {
  const o = only([scenarioRow(2, 'Resize', ALL, 'capacity', 'customer service', num(10500))]);
  expect(headline(o).op).toBe('42600.00');
  expect(s(o.after.unusedCapacityCost)).toBe('0.00');
});

test('capacity of a share pool: Management +10% costs 11,000, 11.00 an order: −100 / −400 / −100, unassigned 4,400', () => {
  const o = only([scenarioRow(2, 'Management', ALL, 'capacity', 'Management', pct(0.1))]);
  expect(headline(o)).toEqual({ op: '38000.00', resized: '38000.00', netProfit: '46000.00', unused: '3600.00', unassigned: '4400.00', fees: '0.00' });
  expect(customers(o).map((c) => c[0])).toEqual(['B', 'A', 'C']);
});

test('the pool FTE column wins over MinutesPerFTE: 900 freed × 12 FTE ÷ 15,000 min = 0.72 FTE', () => {
  const model = scenarioModel();
  const withFte = { ...model, pools: model.pools.map((p) => (p.name === 'Customer service' ? { ...p, fte: p.cost.dividedBy(1000) } : p)) };
  const o = only([scenarioRow(2, 'EDI', segment('Retail'), 'minutes', 'Order entry / Orders', num(1))], withFte);
  expect(o.pools[0]?.freedFte?.toString()).toBe('0.72');
  const { minutesPerFte: _, ...settings } = model.settings;
  const none = only([scenarioRow(2, 'EDI', segment('Retail'), 'minutes', 'Order entry / Orders', num(1))], { ...model, settings });
  expect(none.pools[0]?.freedFte).toBeNull();
});

test('scenarios come out in the order they first appear, and the input model is not changed', () => {
  const model = scenarioModel();
  const before = JSON.stringify(model);
  const outcomes = run(
    [
      scenarioRow(2, 'Price', segment('Retail'), 'price', null, pct(0.1)),
      scenarioRow(3, 'EDI', segment('Retail'), 'minutes', 'Order entry / Orders', num(1)),
      scenarioRow(4, 'price', ALL, 'capacity', 'Customer service', pct(-0.2)),
    ],
    model,
  );
  expect(outcomes.map((o) => o.scenario)).toEqual(['Price', 'EDI']);
  // Price +10% for A and capacity −20%: 39,000 + 10,000 + 2,400 less unused.
  expect(s(outcomes[0]!.after.operatingProfit)).toBe('51400.00');
  expect(JSON.stringify(model)).toBe(before);
});
