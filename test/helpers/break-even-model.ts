/**
 * The break-even tests' model: Kaplan & Anderson's customer-service department ($0.80 a minute) with a
 * $1.20 rate per order and six customers; the figures are worked out in test/engine/break-even.test.ts.
 * `spec` can raise one customer's revenue or set its orders, to re-run the model with an action taken.
 */
import type { Dec } from '../../src/engine/decimal';
import type { Settings } from '../../src/engine/model';
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from './model';

export const SETTINGS: Partial<Settings> = {
  orderDriver: { name: 'Orders', where: { range: 'ABC_Settings', sheet: 'Settings', cell: 'B5' } },
  orderLineDriver: { name: 'order  LINES', where: { range: 'ABC_Settings', sheet: 'Settings', cell: 'B6' } },
};

type Volumes = NonNullable<ModelSpec['volumes']>;

const VOLUMES: Volumes = [
  ['A', 'Orders', 30_000], ['A', 'Order lines', 150_000], ['A', 'Inquiries', 400], ['A', 'Credit checks', 500],
  ['B', 'Orders', 15_000], ['B', 'Order lines', 60_000], ['B', 'Inquiries', 600], ['B', 'Credit checks', 1_000],
  ['C', 'Orders', 4_000], ['C', 'Order lines', 12_000], ['C', 'Inquiries', 400], ['C', 'Credit checks', 1_000],
  ['D', 'Orders', 1_900], ['D', 'Order lines', 3_000], ['D', 'Inquiries', 100], ['D', 'Credit checks', 100],
  ['E', 'Inquiries', 10], ['E', 'Credit checks', 20],
  ['F', 'Orders', 10], ['F', 'Order lines', 40], ['F', 'Inquiries', 50],
];

export function spec(changes: { revenue?: [string, Dec]; orders?: [string, Dec]; settings?: Partial<Settings> } = {}): ModelSpec {
  const customers: NonNullable<ModelSpec['customers']> = [
    ['A', 1_500_000, 1_100_000],
    ['B', 900_000, 650_000],
    ['C', 300_000, 220_000],
    ['D', 60_000, 50_000],
    ['E', 1_000, 900],
    ['F', 100, 90],
  ];
  return {
    pools: [['Customer service', 560_000, 700_000]],
    activities: [
      ['Process customer orders', 'Customer service', 'Orders', 'minutes', 8],
      ['Handle customer inquiries', 'Customer service', 'Inquiries', 'minutes', 44],
      ['Perform credit checks', 'Customer service', 'Credit checks', 'minutes', 50],
      ['Order paperwork', null, 'Orders', 'rate', '1.20'],
    ],
    customers: customers.map(([id, revenue, cogs]) =>
      changes.revenue?.[0] === id ? [id, changes.revenue[1].plus(revenue).toString(), cogs] : [id, revenue, cogs],
    ),
    volumes: VOLUMES.map(([id, driver, q]) => (changes.orders?.[0] === id && driver === 'Orders' ? [id, driver, changes.orders[1].toString()] : [id, driver, q])),
    settings: changes.settings ?? SETTINGS,
  };
}

export function run(s: ModelSpec): CostingResult {
  const outcome = runModel(buildModel(s));
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  if (outcome.result === null) throw new Error('no result');
  return outcome.result;
}

