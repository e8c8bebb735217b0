/** Hand-built range grids for the contract tests. */
import type { CellValue, RangeGrid } from '../../src/workbook/grid';
import type { ContractRangeName } from '../../src/workbook/contract';
import type { Issue } from '../../src/engine/issues';

/** A grid whose header row is at `top`/`left` (1-based) on `sheet`. */
export function grid(name: string, sheet: string, rows: CellValue[][], top = 1, left = 1): RangeGrid {
  return { name, sheet, top, left, rows };
}

/** The grids of a small, valid model in English headers, each on its own sheet at A1. */
export function validGrids(): Map<ContractRangeName, RangeGrid> {
  return new Map<ContractRangeName, RangeGrid>([
    [
      'ABC_Pools',
      grid('ABC_Pools', 'Pools', [
        ['Pool', 'Cost', 'Capacity', 'Unit'],
        ['Customer service', 560000, 700000, 'minutes'],
        ['Warehouse', 120000, 2000, 'hours'],
        ['Management', 90000, null, null],
      ]),
    ],
    [
      'ABC_Activities',
      grid('ABC_Activities', 'Activities', [
        ['Activity', 'Pool', 'Driver', 'Minutes', 'Share', 'Rate'],
        ['Order entry', 'Customer service', 'Orders', 5, null, null],
        ['Order entry', 'Customer service', 'Order lines', 3, null, null],
        ['Order entry', 'Customer service', 'Rush orders', 10, null, null],
        ['Picking', 'Warehouse', 'Order lines', 1.5, null, null],
        ['Account management', 'Management', 'Orders', null, 0.7, null],
        ['General management', 'Management', null, null, 0.3, null],
        ['Delivery', null, 'Deliveries', null, null, 42.5],
      ]),
    ],
    [
      'ABC_Customers',
      grid('ABC_Customers', 'Customers', [
        ['Customer', 'Name', 'Revenue', 'Discounts', 'COGS', 'Segment', 'Account manager'],
        [1001, 'Bakker BV', 250000, 5000, 180000, 'Retail', 'Anna'],
        ['C-2', 'Jansen', 90000.1, null, 60000, 'Horeca', null],
      ]),
    ],
    [
      'ABC_Volumes',
      grid('ABC_Volumes', 'Volumes', [
        ['Customer', 'Orders', 'Order lines', 'Rush orders', 'Deliveries'],
        [1001, 120, 900, 3, 50],
        ['C-2', 40, 100, null, 20],
      ]),
    ],
    [
      'ABC_CustomerCosts',
      grid('ABC_CustomerCosts', 'Direct costs', [
        ['Customer', 'Item', 'Amount'],
        [1001, 'Year-end bonus', 2500],
        ['C-2', 'Freight recharged', -300],
      ]),
    ],
    [
      'ABC_Settings',
      grid('ABC_Settings', 'Settings', [
        ['Setting', 'Value'],
        ['Currency', 'EUR'],
        ['Period', '2024 Q1'],
        ['UnusedCapacity', 'assign'],
      ]),
    ],
  ]);
}

/** Replaces one range of a set of grids. */
export function withRange(grids: Map<ContractRangeName, RangeGrid>, name: ContractRangeName, rows: CellValue[][], sheet?: string, top = 1, left = 1): Map<ContractRangeName, RangeGrid> {
  const copy = new Map(grids);
  copy.set(name, grid(name, sheet ?? grids.get(name)?.sheet ?? name, rows, top, left));
  return copy;
}

/** Issues as code, severity, range, `sheet!cell` and message: what a user sees of each. */
export function located(outcome: { issues: readonly Issue[] }): string[][] {
  return outcome.issues.map((i) => [i.code, i.severity, i.where.range ?? '', `${i.where.sheet ?? ''}!${i.where.cell ?? ''}`, i.message]);
}
