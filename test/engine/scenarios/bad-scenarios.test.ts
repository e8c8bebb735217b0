/** Bad scenario rows: each gives its code at its cell, all at once, and no outcome. */
import { validateModel } from '../../../src/engine/validate';
import { runModel } from '../../../src/engine/run';
import { runScenarios } from '../../../src/engine/scenarios/run-scenarios';
import type { ScenarioChangeInput } from '../../../src/engine/scenarios/types';
import { ALL, customer, num, pct, scenarioModel, scenarioRow, segment } from './scenario-model';

const located = (issues: ReturnType<typeof validateModel>) => issues.map((i) => [i.code, i.where.cell, i.message]);

function problems(rows: ScenarioChangeInput[], settings?: Partial<ReturnType<typeof scenarioModel>['settings']>) {
  const model = scenarioModel();
  const withRows = { ...model, settings: { ...model.settings, ...settings }, scenarios: rows };
  const baseline = runModel({ ...withRows, scenarios: [] });
  const run = runScenarios(withRows, baseline.result!);
  expect(run.outcomes).toEqual([]);
  // validateModel reports the same problems, so a bad row stops the run like any other range.
  expect(validateModel(withRows).filter((i) => i.severity === 'error')).toEqual(run.issues);
  return located(run.issues);
}

test('the issue’s bad rows, all reported at once, each at its cell', () => {
  const { orderLineDriver: _, ...settings } = scenarioModel().settings;
  const model = { ...scenarioModel(), settings };
  const rows = [
    scenarioRow(2, 'S', ALL, 'quantity', 'Ordres', pct(-0.3)),
    scenarioRow(3, 'S', segment('Wholesale'), 'price', null, pct(0.05)),
    scenarioRow(4, 'S', ALL, 'quantity', 'Orders', pct(-1.5)),
    scenarioRow(5, 'S', ALL, 'quantity', 'Orders', num(0.3)),
    scenarioRow(6, 'S', ALL, 'fee', 'Orders', pct(0.15)),
    scenarioRow(7, 'S', ALL, 'minimumOrder', null, num(8)),
  ];
  const baseline = runModel(model);
  const run = runScenarios({ ...model, scenarios: rows }, baseline.result!);
  expect(run.outcomes).toEqual([]);
  expect(located(run.issues)).toEqual([
    ['UNKNOWN_SCENARIO_TARGET', 'D2', 'Unknown driver "Ordres"; the drivers are Orders, Order lines, Deliveries, Credit checks.'],
    ['INVALID_SCENARIO_SCOPE', 'B3', 'No customer has Segment = "Wholesale", so this row would change nothing.'],
    ['INVALID_SCENARIO_VALUE', 'E4', 'A change below -100% leaves less than nothing; found -150%.'],
    [
      'INVALID_SCENARIO_VALUE',
      'E5',
      'A quantity change must be a percentage; found 0.3. Type it with % (-30% or 30%): a plain 0.3 could mean 30% or 0.3%.',
    ],
    ['INVALID_SCENARIO_VALUE', 'E6', 'A fee change must be a plain number (an amount per driver unit), not a percentage; found 15%.'],
    [
      'INVALID_SCENARIO_CHANGE',
      'C7',
      'A minimum order needs the settings OrderDriver and OrderLineDriver (which drivers count orders and order lines); OrderLineDriver is not set in ABC_Settings.',
    ],
  ]);
  expect(run.issues.every((i) => i.where.range === 'ABC_Scenarios' && i.where.sheet === 'Scenarios' && i.severity === 'error')).toBe(true);
  // The run of the model stops on them too.
  expect(runModel({ ...model, scenarios: rows }).result).toBeNull();
});

test('scopes: an unknown dimension, an unknown customer, and capacity for fewer than all', () => {
  expect(
    problems([
      scenarioRow(2, 'S', { kind: 'dimension', dimension: 'Region', value: 'Noord' }, 'price', null, pct(0.1)),
      scenarioRow(3, 'S', customer('Z'), 'price', null, pct(0.1)),
      scenarioRow(4, 'S', segment('Retail'), 'capacity', 'Customer service', pct(0.1)),
    ]),
  ).toEqual([
    ['INVALID_SCENARIO_SCOPE', 'B2', 'The scope names the dimension "Region", which is no column of ABC_Customers; the dimensions are Segment.'],
    ['INVALID_SCENARIO_SCOPE', 'B3', 'The scope names customer "Z", who is not in ABC_Customers; write all, a customer id or Dimension=value.'],
    ['INVALID_SCENARIO_SCOPE', 'B4', 'A capacity change applies to the whole pool "Customer service", so its Scope must be all.'],
  ]);
});

test('targets: missing, not taken, unknown activity, term and pool, an activity with several terms', () => {
  expect(
    problems([
      scenarioRow(2, 'S', ALL, 'fee', null, num(5)),
      scenarioRow(3, 'S', ALL, 'price', 'Orders', pct(0.1)),
      scenarioRow(4, 'S', ALL, 'minutes', 'Freight', num(1)),
      scenarioRow(5, 'S', ALL, 'minutes', 'Order entry / Pallets', num(1)),
      scenarioRow(6, 'S', ALL, 'minutes', 'Order entry', num(1)),
      scenarioRow(7, 'S', ALL, 'capacity', 'Sales', pct(0.1)),
    ]),
  ).toEqual([
    ['UNKNOWN_SCENARIO_TARGET', 'D2', 'A fee change needs a Target: a driver.'],
    ['UNKNOWN_SCENARIO_TARGET', 'D3', 'A price change takes no Target; leave it blank (found "Orders").'],
    ['UNKNOWN_SCENARIO_TARGET', 'D4', '"Freight" is no time-driven activity; minutes can be changed for Order entry, Credit checks.'],
    ['UNKNOWN_SCENARIO_TARGET', 'D5', 'Activity "Order entry" has no time term for driver "Pallets"; its drivers are Orders, Order lines.'],
    ['UNKNOWN_SCENARIO_TARGET', 'D6', 'Activity "Order entry" has several time terms (Orders, Order lines); name one as Activity / Driver.'],
    ['UNKNOWN_SCENARIO_TARGET', 'D7', 'Unknown pool "Sales"; the pools are Customer service, Management.'],
  ]);
});

test('values: capacity to 0 or −100%, a plain number for a share pool, negative minutes, a minimum of 0', () => {
  expect(
    problems([
      scenarioRow(2, 'S', ALL, 'capacity', 'Customer service', pct(-1)),
      scenarioRow(3, 'S', ALL, 'capacity', 'Customer service', num(0)),
      scenarioRow(4, 'S', ALL, 'capacity', 'Management', num(5000)),
      scenarioRow(5, 'S', ALL, 'minutes', 'Credit checks', num(-1)),
      scenarioRow(6, 'S', ALL, 'minimumOrder', null, num(0)),
    ]),
  ).toEqual([
    ['INVALID_SCENARIO_VALUE', 'E2', 'The new capacity must be more than 0; found -100%.'],
    ['INVALID_SCENARIO_VALUE', 'E3', 'The new capacity must be more than 0; found 0.'],
    [
      'INVALID_SCENARIO_VALUE',
      'E4',
      'A pool split by shares has no capacity, so its change must be a percentage; found 5000. Type it with % (-30% or 30%): a plain 0.3 could mean 30% or 0.3%.',
    ],
    ['INVALID_SCENARIO_VALUE', 'E5', 'Minutes must not be negative; found -1.'],
    ['INVALID_SCENARIO_VALUE', 'E6', 'The minimum lines per order must be more than 0; found 0.'],
  ]);
});

test('-100% is allowed where nothing is left: no credit checks frees B’s 500 minutes (400.00)', () => {
  const model = { ...scenarioModel(), scenarios: [scenarioRow(2, 'S', ALL, 'quantity', 'Credit checks', pct(-1))] };
  const run = runScenarios(model, runModel(model).result!);
  expect(run.issues).toEqual([]);
  expect(run.outcomes.map((o) => [o.operatingProfitResized.toFixed(2), o.pools[0]?.freedMinutes.toString()])).toEqual([['39400.00', '500']]);
});
