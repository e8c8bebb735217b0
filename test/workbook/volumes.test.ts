import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { validGrids, withRange } from './contract-fixtures';

function readVolumes(rows: CellValue[][], top = 1, left = 1) {
  return readContract(withRange(validGrids(), 'ABC_Volumes', rows, 'Transactions', top, left));
}

describe('long-form volumes', () => {
  test('rows of one customer and driver add up; entries keep the first row; other columns are ignored', () => {
    const { model, issues, ranges } = readVolumes([
      ['Order no', 'Customer', 'Date', 'Driver', 'Quantity'],
      ['SO-1', 1001, new Date(Date.UTC(2024, 0, 2)), 'Orders', 1],
      ['SO-1', 1001, null, 'Order lines', 7],
      ['SO-2', '1001', null, ' ORDERS ', 1],
      ['SO-3', 'C-2', null, 'Orders', null],
      [null, null, null, null, null],
      ['SO-4', 1001.0, null, 'order  lines', 0.25],
      ['SO-5', 'c-2', null, 'Rush orders', '2'],
    ]);
    expect(issues).toEqual([]);
    expect(model.volumes.map((v) => [v.customer, v.driver, v.quantity.toString(), v.where.cell])).toEqual([
      ['1001', 'Orders', '2', 'B2'],
      ['1001', 'Order lines', '7.25', 'B3'],
      ['C-2', 'Orders', '0', 'B5'],
      ['C-2', 'Rush orders', '2', 'B8'],
    ]);
    expect(model.volumeDrivers).toEqual([
      { driver: 'Orders', where: { range: 'ABC_Volumes', sheet: 'Transactions', cell: 'D2' } },
      { driver: 'Order lines', where: { range: 'ABC_Volumes', sheet: 'Transactions', cell: 'D3' } },
      { driver: 'Rush orders', where: { range: 'ABC_Volumes', sheet: 'Transactions', cell: 'D8' } },
    ]);
    expect(ranges.find((r) => r.name === 'ABC_Volumes')?.dataRows).toBe(6);
  });

  test('Dutch long-form headers', () => {
    const { model, issues } = readVolumes([
      ['Klant', 'Kostendrijver', 'Aantal'],
      ['K1', 'Orders', 3],
    ]);
    expect(issues).toEqual([]);
    expect(model.volumes.map((v) => [v.customer, v.driver, v.quantity.toString()])).toEqual([['K1', 'Orders', '3']]);
  });

  test('blank customer or driver is MISSING_VALUE and the row is left out; a bad quantity keeps the pair at 0', () => {
    const { model, issues } = readVolumes(
      [
        ['Customer', 'Driver', 'Quantity'],
        [null, 'Orders', 1],
        [1001, '', 1],
        [1001, 'Rush orders', 'two'],
        [1001, 'Orders', { error: '#VALUE!' }],
      ],
      10,
      4,
    );
    expect(issues.map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([
      ['MISSING_VALUE', 'Transactions', 'D11'],
      ['MISSING_VALUE', 'Transactions', 'E12'],
      ['NOT_A_NUMBER', 'Transactions', 'F13'],
      ['ERROR_VALUE', 'Transactions', 'F14'],
    ]);
    expect(issues[2]?.message).toBe('Quantity must be a number; found "two".');
    expect(model.volumes.map((v) => [v.customer, v.driver, v.quantity.toString()])).toEqual([
      ['1001', 'Rush orders', '0'],
      ['1001', 'Orders', '0'],
    ]);
  });

  test('whole-number sums stay exact past 2^53', () => {
    // Each quantity is below the bound of 10^13; a thousand of them add up past 2^53 (9007199254740992).
    const big = 9_999_999_999_999;
    const rows: CellValue[][] = [['Customer', 'Driver', 'Quantity']];
    for (let i = 0; i < 1000; i++) rows.push([1001, 'Orders', big]);
    rows.push([1001, 'Orders', 0.5], [1001, 'Orders', 3]);
    const { model, issues } = readVolumes(rows);
    expect(issues).toEqual([]);
    expect(model.volumes[0]?.quantity.toString()).toBe('9999999999999003.5');
  });

  test('a million transaction rows, then trailing blank rows, add up exactly', () => {
    const rows: CellValue[][] = [['Customer', 'Driver', 'Quantity', 'Order']];
    const drivers = ['Orders', 'Order lines', 'Rush orders'];
    const expected = new Map<string, number>();
    for (let i = 0; i < 1_000_000; i++) {
      const customer = 1000 + (i % 250);
      const driver = drivers[i % 3] ?? 'Orders';
      const quantity = i % 7;
      rows.push([customer, driver, quantity, `SO-${i}`]);
      const key = `${customer}|${driver}`;
      expected.set(key, (expected.get(key) ?? 0) + quantity);
    }
    for (let i = 0; i < 48_576; i++) rows.push([null, null, null, null]);
    const { model, issues, ranges } = readVolumes(rows);
    expect(issues).toEqual([]);
    expect(model.volumes).toHaveLength(750);
    for (const v of model.volumes) expect(v.quantity.toNumber()).toBe(expected.get(`${v.customer}|${v.driver}`));
    expect(model.volumeDrivers.map((d) => d.driver)).toEqual(drivers);
    expect(ranges.find((r) => r.name === 'ABC_Volumes')).toMatchObject({ dataRows: 1_000_000, address: 'A1:D1048577' });
  });
});

describe('wide-form volumes', () => {
  test('one column per driver; blank cells add nothing; trailing blank rows are skipped', () => {
    const rows: CellValue[][] = [
      ['Orders', 'Klant', 'Order lines'],
      [3, 'K1', null],
      [null, 1002, 12.5],
    ];
    for (let i = 0; i < 10_000; i++) rows.push([null, null, null]);
    const { model, issues } = readVolumes(rows, 3, 2);
    expect(issues).toEqual([]);
    expect(model.volumes.map((v) => [v.customer, v.driver, v.quantity.toString(), v.where.cell])).toEqual([
      ['K1', 'Orders', '3', 'C4'],
      ['1002', 'Order lines', '12.5', 'C5'],
    ]);
    expect(model.volumeDrivers).toEqual([
      { driver: 'Orders', where: { range: 'ABC_Volumes', sheet: 'Transactions', cell: 'B3' } },
      { driver: 'Order lines', where: { range: 'ABC_Volumes', sheet: 'Transactions', cell: 'D3' } },
    ]);
  });

  test('a driver column with no quantities is still a volume driver', () => {
    const { model } = readVolumes([
      ['Customer', 'Returns'],
      [1001, null],
    ]);
    expect(model.volumes).toEqual([]);
    expect(model.volumeDrivers.map((d) => d.driver)).toEqual(['Returns']);
  });
});
