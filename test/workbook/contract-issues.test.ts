import type { Issue, IssueCode } from '../../src/engine/issues';
import { readContract, type ContractRangeName } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { ISSUES_PER_COLUMN } from '../../src/workbook/range-reader';
import { validGrids, withRange } from './contract-fixtures';

/** The issues of a model whose one range is replaced by `rows` (sheet "S", header row at `top`/`left`). */
function issuesOf(name: ContractRangeName, rows: CellValue[][], top = 1, left = 1): Issue[] {
  return readContract(withRange(validGrids(), name, rows, 'S', top, left)).issues;
}

/** Code, severity, range, sheet and cell of each issue: what users and tools rely on. */
function located(issues: Issue[]): Array<[IssueCode, string, string | undefined, string | undefined, string | undefined]> {
  return issues.map((i) => [i.code, i.severity, i.where.range, i.where.sheet, i.where.cell]);
}

describe('range-level problems', () => {
  test('MISSING_RANGE for each absent required range, none for the optional ones', () => {
    const grids = validGrids();
    for (const name of ['ABC_Pools', 'ABC_Volumes', 'ABC_CustomerCosts', 'ABC_Settings'] as const) grids.delete(name);
    const { issues } = readContract(grids);
    expect(issues.map((i) => [i.code, i.severity, i.where])).toEqual([
      ['MISSING_RANGE', 'error', { range: 'ABC_Pools' }],
      ['MISSING_RANGE', 'error', { range: 'ABC_Volumes' }],
    ]);
    expect(issues[0]?.message).toContain('ABC_Pools');
  });

  test('MISSING_RANGE for activities and customers too', () => {
    const grids = validGrids();
    grids.delete('ABC_Activities');
    grids.delete('ABC_Customers');
    expect(readContract(grids).issues.map((i) => [i.code, i.where.range])).toEqual([
      ['MISSING_RANGE', 'ABC_Activities'],
      ['MISSING_RANGE', 'ABC_Customers'],
    ]);
  });

  test('EMPTY_RANGE for a wholly blank ABC_Volumes, located at the whole range', () => {
    expect(located(issuesOf('ABC_Volumes', [[null, null], [], [null, '']], 3, 2))).toEqual([
      ['EMPTY_RANGE', 'error', 'ABC_Volumes', 'S', 'B3:C5'],
    ]);
  });

  test('EMPTY_RANGE for customers with headers and no rows', () => {
    expect(located(issuesOf('ABC_Customers', [['Customer', 'Revenue', 'COGS'], [null, null, null]]))).toEqual([
      ['EMPTY_RANGE', 'error', 'ABC_Customers', 'S', 'A1:C2'],
    ]);
  });
});

describe('headers', () => {
  test('MISSING_COLUMN for each absent required column, located at the header row', () => {
    const issues = issuesOf('ABC_Customers', [
      ['Customer', 'Turnover', 'Segment'],
      ['A', 100, 'Retail'],
    ], 4, 2);
    expect(located(issues)).toEqual([
      ['MISSING_COLUMN', 'error', 'ABC_Customers', 'S', 'B4:D4'],
      ['MISSING_COLUMN', 'error', 'ABC_Customers', 'S', 'B4:D4'],
      // Turnover is read as no dimension: it resembles Revenue (issue 17).
      ['NEAR_MISS_HEADER', 'error', 'ABC_Customers', 'S', 'C4'],
    ]);
    expect(issues[0]?.message).toContain('Revenue / Omzet');
    expect(issues[1]?.message).toContain('COGS / Kostprijs omzet / Inkoopwaarde');
  });

  test('MISSING_COLUMN in activities when none of Minutes, Share and Rate is present; no per-row follow-ups', () => {
    const issues = issuesOf('ABC_Activities', [
      ['Activity', 'Pool', 'Driver', 'Time'],
      ['Order entry', 'Customer service', 'Orders', 5],
    ]);
    expect(located(issues)).toEqual([['MISSING_COLUMN', 'error', 'ABC_Activities', 'S', 'A1:D1']]);
    expect(issues[0]?.message).toMatch(/Rate.*Minutes.*Share/);
  });

  test('MISSING_COLUMN for a long-form volumes range with Driver but no Quantity', () => {
    const issues = issuesOf('ABC_Volumes', [
      ['Customer', 'Driver', 'Count'],
      [1001, 'Orders', 3],
    ]);
    expect(located(issues)).toEqual([['MISSING_COLUMN', 'error', 'ABC_Volumes', 'S', 'A1:C1']]);
    expect(issues[0]?.message).toContain('Quantity / Aantal');
  });

  test('a blank header row with data below it: the required columns are missing', () => {
    const issues = issuesOf('ABC_Pools', [
      [null, null],
      ['Warehouse', 100],
    ]);
    expect(located(issues)).toEqual([
      ['MISSING_COLUMN', 'error', 'ABC_Pools', 'S', 'A1:B1'],
      ['MISSING_COLUMN', 'error', 'ABC_Pools', 'S', 'A1:B1'],
    ]);
  });

  test('DUPLICATE_COLUMN at the second header, English and Dutch alike; the first column is read', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Customers', [
        ['Customer', 'Revenue', 'COGS', 'Omzet', 'Segment', ' segment '],
        ['A', 100, 60, 999, 'Retail', 'Other'],
      ], 'S'),
    );
    expect(located(issues)).toEqual([
      ['DUPLICATE_COLUMN', 'error', 'ABC_Customers', 'S', 'D1'],
      ['DUPLICATE_COLUMN', 'error', 'ABC_Customers', 'S', 'F1'],
    ]);
    expect(model.customers[0]?.revenue.toString()).toBe('100');
    expect(model.customers[0]?.dimensions).toEqual([['Segment', 'Retail']]);
  });

  test('DUPLICATE_COLUMN for a driver column given twice in wide volumes', () => {
    expect(located(issuesOf('ABC_Volumes', [['Customer', 'Orders', 'ORDERS'], [1001, 1, 2]]))).toEqual([
      ['DUPLICATE_COLUMN', 'error', 'ABC_Volumes', 'S', 'C1'],
    ]);
  });

  test('ERROR_VALUE in a header cell', () => {
    expect(located(issuesOf('ABC_Customers', [['Customer', 'Revenue', 'COGS', { error: '#REF!' }], ['A', 1, 1, 'x']]))).toEqual([
      ['ERROR_VALUE', 'error', 'ABC_Customers', 'S', 'D1'],
    ]);
  });
});

describe('cells', () => {
  test('NOT_A_NUMBER names the value; the row is kept with 0 so nothing cascades', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Pools', [
        ['Pool', 'Cost', 'Capacity'],
        ['Customer service', '12,5', 'lots'],
        ['Warehouse', true, 10],
        ['Management', new Date(Date.UTC(2024, 0, 1)), null],
      ], 'Pools'),
    );
    expect(located(issues)).toEqual([
      ['NOT_A_NUMBER', 'error', 'ABC_Pools', 'Pools', 'B2'],
      ['NOT_A_NUMBER', 'error', 'ABC_Pools', 'Pools', 'C2'],
      ['NOT_A_NUMBER', 'error', 'ABC_Pools', 'Pools', 'B3'],
      ['NOT_A_NUMBER', 'error', 'ABC_Pools', 'Pools', 'B4'],
    ]);
    expect(issues[0]?.message).toBe('Cost must be a number; found "12,5".');
    expect(issues[1]?.message).toBe('Capacity must be a number; found "lots".');
    expect(issues[2]?.message).toContain('TRUE');
    expect(issues[3]?.message).toContain('2024-01-01');
    expect(model.pools.map((p) => [p.name, p.cost.toString(), p.capacityMinutes?.toString() ?? null])).toEqual([
      ['Customer service', '0', '0'],
      ['Warehouse', '0', '10'],
      ['Management', '0', null],
    ]);
  });

  test('ERROR_VALUE in a number cell, a key cell and a dimension', () => {
    const issues = issuesOf('ABC_Customers', [
      ['Customer', 'Revenue', 'COGS', 'Segment'],
      ['A', { error: '#N/A' }, 1, 'Retail'],
      [{ error: '#REF!' }, 1, 1, null],
      ['C', 1, 1, { error: '#DIV/0!' }],
    ]);
    expect(located(issues)).toEqual([
      ['ERROR_VALUE', 'error', 'ABC_Customers', 'S', 'B2'],
      ['ERROR_VALUE', 'error', 'ABC_Customers', 'S', 'A3'],
      ['ERROR_VALUE', 'error', 'ABC_Customers', 'S', 'D4'],
    ]);
    expect(issues[0]?.message).toBe('Revenue holds the error value #N/A.');
    expect(issues[1]?.message).toContain('#REF!');
  });

  test('NEGATIVE_VALUE for cost, minutes, share, rate, discounts and quantity; revenue, COGS and amounts may be negative', () => {
    const grids = validGrids();
    const withNegatives = withRange(
      withRange(
        withRange(
          withRange(
            withRange(grids, 'ABC_Pools', [['Pool', 'Cost'], ['Customer service', -1], ['Warehouse', 1], ['Management', 1]], 'P'),
            'ABC_Activities',
            [
              ['Activity', 'Pool', 'Driver', 'Minutes', 'Share', 'Rate'],
              ['A', 'Customer service', 'Orders', -5, null, null],
              ['B', 'Management', 'Orders', null, '-10%', null],
              ['C', null, 'Orders', null, null, -0.5],
            ],
            'A',
          ),
          'ABC_Customers',
          [['Customer', 'Revenue', 'Discounts', 'COGS'], [1001, -10, -1, -5]],
          'C',
        ),
        'ABC_Volumes',
        [['Customer', 'Orders'], [1001, -3]],
        'V',
      ),
      'ABC_CustomerCosts',
      [['Customer', 'Item', 'Amount'], [1001, 'Credit', -50]],
      'D',
    );
    const { issues, model } = readContract(withNegatives);
    expect(located(issues)).toEqual([
      ['NEGATIVE_VALUE', 'error', 'ABC_Pools', 'P', 'B2'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Activities', 'A', 'D2'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Activities', 'A', 'E3'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Activities', 'A', 'F4'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Customers', 'C', 'C2'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Volumes', 'V', 'B2'],
    ]);
    expect(issues[0]?.message).toBe('Cost must not be negative; found -1.');
    // The activity rows stay (value 0), so their pools are neither unused nor mixed.
    expect(model.activities.map((a) => [a.activity, a.kind, a.value.toString()])).toEqual([
      ['A', 'minutes', '0'],
      ['B', 'share', '0'],
      ['C', 'rate', '0'],
    ]);
    expect(model.customers[0]?.revenue.toString()).toBe('-10');
    expect(model.customers[0]?.cogs.toString()).toBe('-5');
    expect(model.customerCosts[0]?.amount.toString()).toBe('-50');
  });

  test('CAPACITY_NOT_POSITIVE for 0 and negative capacities', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Pools', [
        ['Pool', 'Cost', 'Capacity', 'Unit'],
        ['Customer service', 1, 0, null],
        ['Warehouse', 1, -8, 'hours'],
        ['Management', 1, null, null],
      ], 'S'),
    );
    expect(located(issues)).toEqual([
      ['CAPACITY_NOT_POSITIVE', 'error', 'ABC_Pools', 'S', 'C2'],
      ['CAPACITY_NOT_POSITIVE', 'error', 'ABC_Pools', 'S', 'C3'],
    ]);
    expect(issues[1]?.message).toContain('-8');
    expect(model.pools).toHaveLength(3);
  });

  test('MISSING_VALUE for blank keys (row dropped) and blank required figures (row kept)', () => {
    const grids = withRange(
      withRange(validGrids(), 'ABC_Pools', [['Pool', 'Cost'], [null, 100], ['Customer service', null], ['Warehouse', 1], ['Management', 1]], 'P'),
      'ABC_Customers',
      [['Customer', 'Revenue', 'COGS'], ['  ', 100, 50], [1001, null, 50], ['C-2', 10, null]],
      'C',
    );
    const { issues, model } = readContract(grids);
    expect(located(issues)).toEqual([
      ['MISSING_VALUE', 'error', 'ABC_Pools', 'P', 'A2'],
      ['MISSING_VALUE', 'error', 'ABC_Pools', 'P', 'B3'],
      ['MISSING_VALUE', 'error', 'ABC_Customers', 'C', 'A2'],
      ['MISSING_VALUE', 'error', 'ABC_Customers', 'C', 'B3'],
      ['MISSING_VALUE', 'error', 'ABC_Customers', 'C', 'C4'],
    ]);
    expect(model.pools.map((p) => p.name)).toEqual(['Customer service', 'Warehouse', 'Management']);
    expect(model.customers.map((c) => c.id)).toEqual(['1001', 'C-2']);
  });

  test('MISSING_VALUE for a blank activity name, customer-cost customer and item', () => {
    const activities = issuesOf('ABC_Activities', [
      ['Activity', 'Pool', 'Driver', 'Rate'],
      [null, null, 'Orders', 1],
    ]);
    expect(located(activities)).toEqual([['MISSING_VALUE', 'error', 'ABC_Activities', 'S', 'A2']]);
    const costs = issuesOf('ABC_CustomerCosts', [
      ['Customer', 'Item', 'Amount'],
      [null, 'Bonus', 1],
      [1001, null, 1],
      [1001, 'Bonus', null],
    ]);
    expect(located(costs)).toEqual([
      ['MISSING_VALUE', 'error', 'ABC_CustomerCosts', 'S', 'A2'],
      ['MISSING_VALUE', 'error', 'ABC_CustomerCosts', 'S', 'B3'],
      ['MISSING_VALUE', 'error', 'ABC_CustomerCosts', 'S', 'C4'],
    ]);
  });

  test('INVALID_UNIT; the capacity is then read as minutes', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Pools', [
        ['Pool', 'Cost', 'Capacity', 'Unit'],
        ['Customer service', 1, 100, 'days'],
        ['Warehouse', 1, 100, 'Uren'],
        ['Management', 1, 100, 8],
      ], 'S'),
    );
    expect(located(issues)).toEqual([
      ['INVALID_UNIT', 'error', 'ABC_Pools', 'S', 'D2'],
      ['INVALID_UNIT', 'error', 'ABC_Pools', 'S', 'D4'],
    ]);
    expect(issues[0]?.message).toContain('"days"');
    expect(model.pools.map((p) => p.capacityMinutes?.toString())).toEqual(['100', '6000', '100']);
  });

  test('NO_METHOD and SEVERAL_METHODS are located at the whole row, and the row is dropped', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Activities', [
        ['Activity', 'Pool', 'Driver', 'Minutes', 'Share', 'Rate'],
        ['Order entry', 'Customer service', 'Orders', null, null, null],
        ['Picking', 'Warehouse', 'Order lines', 2, 0.5, null],
        ['Credit check', 'Customer service', 'Orders', 'x', null, 3],
        ['Delivery', null, 'Deliveries', null, null, 40],
      ], 'Activities', 2, 3),
    );
    expect(located(issues)).toEqual([
      ['NO_METHOD', 'error', 'ABC_Activities', 'Activities', 'C3:H3'],
      ['SEVERAL_METHODS', 'error', 'ABC_Activities', 'Activities', 'C4:H4'],
      ['NOT_A_NUMBER', 'error', 'ABC_Activities', 'Activities', 'F5'],
      ['SEVERAL_METHODS', 'error', 'ABC_Activities', 'Activities', 'C5:H5'],
    ]);
    expect(issues[0]?.message).toContain('"Order entry"');
    expect(model.activities.map((a) => [a.activity, a.where.cell])).toEqual([['Delivery', 'C6']]);
  });
});

describe('settings', () => {
  test('UNKNOWN_SETTING is a warning; INVALID_SETTING for bad values and repeats', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Settings', [
        ['Setting', 'Value', 'Note'],
        ['Currency', 'US Dollar', null],
        ['Rounding', 'cents', 'not a setting'],
        ['Unused capacity', 'spread', null],
        ['Period', new Date(Date.UTC(2024, 2, 31)), null],
        ['valuta', 'GBP', null],
        ['OngebruikteCapaciteit', 'Rapporteren', null],
      ], 'Settings'),
    );
    expect(located(issues)).toEqual([
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings', 'B2'],
      ['UNKNOWN_SETTING', 'warning', 'ABC_Settings', 'Settings', 'A3'],
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings', 'B4'],
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings', 'A6'],
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings', 'A7'],
    ]);
    expect(issues[0]?.message).toContain('"US Dollar"');
    expect(issues[2]?.message).toContain('"spread"');
    expect(issues[3]?.message).toContain('Settings!A2');
    expect(model.settings).toEqual({ currency: 'EUR', period: '2024-03-31', unusedCapacity: 'report' });
  });

  test('a blank value keeps the default; symbols are valid currencies', () => {
    const { issues, model } = readContract(
      withRange(validGrids(), 'ABC_Settings', [
        ['Instelling', 'Waarde'],
        ['Valuta', '€'],
        ['UnusedCapacity', null],
      ]),
    );
    expect(issues).toEqual([]);
    expect(model.settings).toEqual({ currency: '€', period: null, unusedCapacity: 'report' });
    const lower = readContract(withRange(validGrids(), 'ABC_Settings', [['Setting', 'Value'], [' CURRENCY ', 'usd']]));
    expect(lower.issues).toEqual([]);
    expect(lower.model.settings.currency).toBe('USD');
  });

  test('ERROR_VALUE in a setting value', () => {
    expect(located(issuesOf('ABC_Settings', [['Setting', 'Value'], ['Period', { error: '#NAME?' }]]))).toEqual([
      ['ERROR_VALUE', 'error', 'ABC_Settings', 'S', 'B2'],
    ]);
  });
});

describe('many problems of one kind', () => {
  test(`at most ${ISSUES_PER_COLUMN} per code and column are listed, then one issue counts the rest`, () => {
    const rows: CellValue[][] = [['Customer', 'Driver', 'Quantity']];
    for (let i = 0; i < 250; i++) rows.push([1001, 'Orders', 'n/a']);
    const issues = issuesOf('ABC_Volumes', rows);
    expect(issues).toHaveLength(ISSUES_PER_COLUMN + 1);
    expect(issues.every((i) => i.code === 'NOT_A_NUMBER' && i.where.range === 'ABC_Volumes')).toBe(true);
    expect(issues[0]?.where.cell).toBe('C2');
    expect(issues[ISSUES_PER_COLUMN - 1]?.where.cell).toBe(`C${ISSUES_PER_COLUMN + 1}`);
    const last = issues[ISSUES_PER_COLUMN];
    expect(last?.where).toEqual({ range: 'ABC_Volumes', sheet: 'S', cell: 'C2:C251' });
    expect(last?.message).toContain(`${250 - ISSUES_PER_COLUMN} more cells in column Quantity`);
  });
});
