/**
 * A workbook with a ledger (`ABC_Resources`): pools' costs come from it. A blank Cost is filled, a Cost that
 * differs is an error at its cell naming the accounts, a line booked to an unknown pool is an error at its
 * Pool cell — all at once — and without ledger lines a blank Cost is still MISSING_VALUE.
 */
import { runModel } from '../../src/engine/run';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { located, validGrids, withRange } from './contract-fixtures';

const POOLS: CellValue[][] = [
  ['Pool', 'Cost', 'Capacity', 'Unit'],
  ['Customer service', null, 700000, 'minutes'],
  ['Warehouse', 120000, 2000, 'hours'],
  ['Management', null, null, null],
];

function read(pools: CellValue[][], ledger: CellValue[][] | null) {
  const grids = withRange(validGrids(), 'ABC_Pools', pools);
  const contract = readContract(ledger === null ? grids : withRange(grids, 'ABC_Resources', ledger, 'Ledger'));
  return { contract, run: runModel(contract.model, contract.issues) };
}

describe('pool costs from the ledger', () => {
  it('fills blank Costs from the ledger lines and checks a filled one; the figures use the ledger', () => {
    const { contract, run } = read(POOLS, [
      ['Account', 'Description', 'Amount', 'Pool'],
      [4000, 'Salaries', 500000, 'Customer service'],
      [4300, 'Rent', 60000, 'Customer service'],
      [4000, 'Salaries', 100000, 'Warehouse'],
      [4300, 'Rent', 20000, 'warehouse'],
      [4800, 'Management fee', 90000, 'Management'],
    ]);
    expect(contract.issues).toEqual([]);
    expect(contract.model.pools.map((p) => [p.name, p.costBlank === true, p.costWhere?.cell])).toEqual([
      ['Customer service', true, 'B2'],
      ['Warehouse', false, 'B3'],
      ['Management', true, 'B4'],
    ]);
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(run.result?.pools.map((p) => [p.pool, p.cost.toFixed(2)])).toEqual([
      ['Customer service', '560000.00'],
      ['Warehouse', '120000.00'],
      ['Management', '90000.00'],
    ]);
    expect(run.result?.firstStage?.pools.find((p) => p.pool === 'Warehouse')?.ledger.map((l) => [l.account, l.amount.toFixed(2)])).toEqual([
      ['4000', '100000.00'],
      ['4300', '20000.00'],
    ]);
  });

  it('reports a Cost that differs from the ledger at its cell, and a line of an unknown pool at its Pool cell, together', () => {
    const { run } = read(POOLS, [
      ['Account', 'Description', 'Amount', 'Pool'],
      [4000, 'Salaries', 500000, 'Customer service'],
      [4000, 'Salaries', 100000, 'Warehouse'],
      [4300, 'Rent', 19999.99, 'Warehouse'],
      [4800, 'Management fee', 90000, 'Managment'],
    ]);
    expect(run.result).toBeNull();
    expect(located(run)).toEqual([
      ['UNKNOWN_POOL', 'error', 'ABC_Resources', 'Ledger!D5', 'Ledger account "4800" in ABC_Resources is booked to pool "Managment", which is not in ABC_Pools.'],
      [
        'POOL_COST_NOT_LEDGER',
        'error',
        'ABC_Pools',
        'Pools!B3',
        'Pool "Warehouse" has Cost 120000.00, but its ledger lines in ABC_Resources add up to 119999.99 (accounts 4000, 4300). Correct the Cost or the ledger, or leave the Cost blank to take it from the ledger.',
      ],
      ['NO_LEDGER_LINES', 'warning', 'ABC_Pools', 'Pools!B4', 'Pool "Management" has no Cost and no lines in ABC_Resources, so its cost is 0. Book its accounts to it in ABC_Resources.'],
    ]);
  });

  it('gives a Cost that is no number one error, not a second one about the ledger sum', () => {
    const pools = POOLS.map((row, i) => (i === 3 ? ['Management', 'a lot', null, null] : row));
    const { run } = read(pools, [
      ['Account', 'Description', 'Amount', 'Pool'],
      [4000, 'Salaries', 560000, 'Customer service'],
      [4000, 'Salaries', 120000, 'Warehouse'],
      [4800, 'Management fee', 90000, 'Management'],
    ]);
    expect(run.result).toBeNull();
    expect(located(run).map((row) => row.slice(0, 4))).toEqual([['NOT_A_NUMBER', 'error', 'ABC_Pools', 'Pools!B4']]);
  });

  it('keeps a blank Cost an error when the model has no ledger lines', () => {
    const { contract } = read(POOLS, [['Account', 'Description', 'Amount', 'Pool']]);
    expect(located(contract).map((row) => row.slice(0, 4))).toEqual([
      ['MISSING_VALUE', 'error', 'ABC_Pools', 'Pools!B2'],
      ['MISSING_VALUE', 'error', 'ABC_Pools', 'Pools!B4'],
    ]);
    expect(contract.model.pools.every((p) => p.costWhere === undefined && p.costBlank === undefined)).toBe(true);
  });
});
