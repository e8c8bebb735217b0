/** `ABC_Scenarios` read from cells: headers in English or Dutch, percentages as Excel users type them, located errors. */
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { grid, validGrids } from './contract-fixtures';

function read(rows: CellValue[][], settings?: CellValue[][]) {
  const grids = validGrids();
  grids.set('ABC_Scenarios', grid('ABC_Scenarios', 'What if', rows, 3, 2));
  if (settings !== undefined) grids.set('ABC_Settings', grid('ABC_Settings', 'Settings', settings));
  return readContract(grids);
}

const shown = (o: ReturnType<typeof read>) =>
  (o.model.scenarios ?? []).map((r) => [
    r.scenario,
    r.scope,
    r.change,
    r.target,
    r.value.kind === 'percent' ? `${r.value.fraction.toString()} (percent)` : r.value.value.toString(),
    r.where.cell,
    r.valueWhere?.cell,
  ]);

test('English headers; percent cells, percent text, numbers, ids and dimension scopes', () => {
  const o = read([
    ['Scenario', 'Scope', 'Change', 'Target', 'Value', 'Note'],
    ['Order fee', 'Segment = Horeca', 'Fee', 'Orders', 15, 'ignored'],
    ['Bigger orders', 1001, 'quantity', 'Orders', { percent: -0.3 }, null],
    [null, null, null, null, null, null],
    ['Bigger orders', 'ALL', 'Minimum  Order', null, '8', null],
    ['Price', 'c-2', 'price', null, '-50,5 %', null],
    ['Price', 'alle', 'capacity', 'Warehouse', '+12.5%', null],
  ]);
  expect(o.issues).toEqual([]);
  expect(shown(o)).toEqual([
    ['Order fee', { kind: 'dimension', dimension: 'Segment', value: 'Horeca' }, 'fee', 'Orders', '15', 'B4', 'F4'],
    ['Bigger orders', { kind: 'customer', customer: '1001' }, 'quantity', 'Orders', '-0.3 (percent)', 'B5', 'F5'],
    ['Bigger orders', { kind: 'all' }, 'minimumOrder', null, '8', 'B7', 'F7'],
    ['Price', { kind: 'customer', customer: 'c-2' }, 'price', null, '-0.505 (percent)', 'B8', 'F8'],
    ['Price', { kind: 'all' }, 'capacity', 'Warehouse', '0.125 (percent)', 'B9', 'F9'],
  ]);
  expect(o.ranges.find((r) => r.name === 'ABC_Scenarios')).toEqual({ name: 'ABC_Scenarios', required: false, found: true, sheet: 'What if', address: 'B3:G9', dataRows: 5 });
});

test('Dutch headers and change words; the Target column may be left out', () => {
  const o = read([
    ['Scenario', 'Bereik', 'Wijziging', 'Waarde'],
    ['Prijs', 'Alle', 'Prijs', { percent: 0.02 }],
    ['Order', 'alle', 'minimumorder', 8],
  ]);
  expect(o.issues).toEqual([]);
  expect(shown(o).map((r) => [r[2], r[3], r[4]])).toEqual([
    ['price', null, '0.02 (percent)'],
    ['minimumOrder', null, '8'],
  ]);
});

test('without the range the model has no scenarios', () => {
  expect(readContract(validGrids()).model.scenarios).toBeUndefined();
});

test('bad cells: each reported at its cell, all at once', () => {
  const o = read([
    ['Scenario', 'Scope', 'Change', 'Target', 'Value'],
    [null, 'all', 'fee', 'Orders', 15],
    ['S', null, 'fee', 'Orders', 15],
    ['S', 'all', 'discount', 'Orders', 15],
    ['S', 'all', 'fee', 'Orders', null],
    ['S', 'all', 'fee', 'Orders', '15,5'],
    ['S', 'all', 'price', null, '1,234%'],
    ['S', 'all', 'fee', { error: '#N/A' }, 15],
  ]);
  expect(o.issues.map((i) => [i.code, i.where.range, i.where.sheet, i.where.cell, i.message])).toEqual([
    ['MISSING_VALUE', 'ABC_Scenarios', 'What if', 'B4', 'Scenario is blank; every row needs a scenario name.'],
    ['MISSING_VALUE', 'ABC_Scenarios', 'What if', 'C5', 'Scope is blank; every row needs a scope (all, a customer id or Dimension=value).'],
    [
      'INVALID_SCENARIO_CHANGE',
      'ABC_Scenarios',
      'What if',
      'D6',
      'Unknown change; a change is quantity, price, fee, minutes, capacity or minimum order (Dutch: aantal, prijs, vergoeding, minuten, capaciteit, minimumorder).',
    ],
    ['MISSING_VALUE', 'ABC_Scenarios', 'What if', 'F7', 'Value is blank; enter a number (0 if none).'],
    ['NOT_A_NUMBER', 'ABC_Scenarios', 'What if', 'F8', 'Value must be a number; found "15,5".'],
    ['NOT_A_NUMBER', 'ABC_Scenarios', 'What if', 'F9', 'Value must be a number; found "1,234%".'],
    ['ERROR_VALUE', 'ABC_Scenarios', 'What if', 'E10', 'Target holds the error value #N/A.'],
  ]);
  expect(o.model.scenarios).toBeUndefined();
});

test('MinutesPerFTE and the pools’ FTE column', () => {
  const grids = validGrids();
  grids.set('ABC_Pools', grid('ABC_Pools', 'Pools', [['Pool', 'Cost', 'Capacity', 'FTE'], ['Customer service', 560000, 700000, 7.5], ['Warehouse', 1, 2, 0], ['Management', 90000, null, null]]));
  grids.set('ABC_Settings', grid('ABC_Settings', 'Settings', [['Setting', 'Value'], ['Minuten per FTE', 76800]]));
  const o = readContract(grids);
  expect(o.model.pools.map((p) => p.fte?.toString() ?? null)).toEqual(['7.5', null, null]);
  expect(o.model.settings.minutesPerFte?.toString()).toBe('76800');
  expect(o.issues.map((i) => [i.code, i.where.cell, i.message])).toEqual([['CAPACITY_NOT_POSITIVE', 'D3', 'FTE must be more than 0; found 0.']]);

  grids.set('ABC_Settings', grid('ABC_Settings', 'Settings', [['Setting', 'Value'], ['MinutesPerFTE', { percent: 0.8 }]]));
  expect(readContract(grids).issues.filter((i) => i.where.range === 'ABC_Settings').map((i) => [i.code, i.where.cell, i.message])).toEqual([
    ['INVALID_SETTING', 'B2', 'MinutesPerFTE must be a positive number: the practical minutes one full-time person gives in the period (76800 for 1600 hours at 80%); found 80%.'],
  ]);
});
