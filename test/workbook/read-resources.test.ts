/**
 * `ABC_Resources` (issue 19): ledger lines read in English and Dutch, every cell-level problem located, and a
 * model without the range (or with an empty one, as the template writes it) read exactly as before.
 */
import { renderMessage } from '../../src/engine/messages';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { runModel } from '../../src/engine/run';
import { gridsOf } from '../../src/sample';
import { resultToJson } from '../../src/workbook/result-json';
import { withoutFirstStage } from '../sample/without-first-stage';
import { located, validGrids, withRange } from './contract-fixtures';

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

function readResources(rows: CellValue[][]): ReturnType<typeof readContract> {
  return readContract(withRange(validGrids(), 'ABC_Resources', rows, 'Ledger'));
}

describe('ABC_Resources', () => {
  test('reads ledger lines with English headers: a number account as text, each line located at its Account and Pool cells', () => {
    const outcome = readResources([
      ['Account', 'Description', 'Amount', 'Pool'],
      [4100, 'Salaries warehouse', 100000, 'Warehouse'],
      ['4100', 'Salaries warehouse', 20000.55, 'Customer service'],
      ['4200-01', null, 0, 'Management'],
    ]);
    expect(outcome.issues).toEqual([]);
    const resources = outcome.model.resources ?? [];
    expect(resources.map((r) => [r.account, r.description, str(r.amount), r.pool])).toEqual([
      ['4100', 'Salaries warehouse', '100000', 'Warehouse'],
      ['4100', 'Salaries warehouse', '20000.55', 'Customer service'],
      ['4200-01', null, '0', 'Management'],
    ]);
    expect(resources[1]?.where).toEqual({ range: 'ABC_Resources', sheet: 'Ledger', cell: 'A3' });
    expect(resources[1]?.poolWhere).toEqual({ range: 'ABC_Resources', sheet: 'Ledger', cell: 'D3' });
    expect(outcome.ranges.find((r) => r.name === 'ABC_Resources')).toEqual({
      name: 'ABC_Resources',
      required: false,
      found: true,
      sheet: 'Ledger',
      address: 'A1:D4',
      dataRows: 3,
    });
  });

  test('reads Dutch headers in any order, the alias Grootboekrekening, and no Description column', () => {
    const dutch = readResources([
      ['Kostenpool', 'Bedrag', 'Omschrijving', 'Rekening'],
      ['Magazijn', 1234.5, 'Huur', 4300],
    ]);
    expect(dutch.issues).toEqual([]);
    expect((dutch.model.resources ?? []).map((r) => [r.account, r.description, str(r.amount), r.pool, r.where.cell, r.poolWhere?.cell])).toEqual([
      ['4300', 'Huur', '1234.5', 'Magazijn', 'D2', 'A2'],
    ]);
    const alias = readResources([
      ['Grootboekrekening', 'Bedrag', 'Kostenpool'],
      ['4300', 10, 'Magazijn'],
    ]);
    expect(alias.issues).toEqual([]);
    expect((alias.model.resources ?? []).map((r) => [r.account, r.description, str(r.amount)])).toEqual([['4300', null, '10']]);
  });

  test('every bad cell is an error at its cell, all reported at once', () => {
    const outcome = readResources([
      ['Account', 'Description', 'Amount', 'Pool'],
      [4100, 'Negative', -5, 'Warehouse'],
      [4101, 'Text', 'lots', 'Warehouse'],
      [4102, 'Blank amount', null, 'Warehouse'],
      [4103, 'Blank pool', 10, '  '],
      [null, 'Blank account', 10, 'Warehouse'],
      [4105, 'A percentage', { percent: 0.5 }, 'Warehouse'],
      [4106, 'An error value', { error: '#N/A' }, 'Warehouse'],
      [{ error: '#REF!' }, 'Account error', 10, 'Warehouse'],
    ]);
    expect(located(outcome)).toEqual([
      ['NEGATIVE_VALUE', 'error', 'ABC_Resources', 'Ledger!C2', 'Amount must not be negative; found -5.'],
      ['NOT_A_NUMBER', 'error', 'ABC_Resources', 'Ledger!C3', 'Amount must be a number; found "lots".'],
      ['MISSING_VALUE', 'error', 'ABC_Resources', 'Ledger!C4', 'Amount is blank; enter a number (0 if none).'],
      ['MISSING_VALUE', 'error', 'ABC_Resources', 'Ledger!D5', 'Pool is blank; every row needs a pool name.'],
      ['MISSING_VALUE', 'error', 'ABC_Resources', 'Ledger!A6', 'Account is blank; every row needs a ledger account.'],
      [
        'PERCENT_FOR_AMOUNT',
        'error',
        'ABC_Resources',
        'Ledger!C7',
        'Amount is formatted as a percentage (50%), but it needs an amount in currency: enter it as a plain number, not a percentage.',
      ],
      ['ERROR_VALUE', 'error', 'ABC_Resources', 'Ledger!C8', 'Amount holds the error value #N/A.'],
      ['ERROR_VALUE', 'error', 'ABC_Resources', 'Ledger!A9', 'Account holds the error value #REF!.'],
    ]);
    // Only the row without a pool is dropped; the others stay (amount 0), so the pool's total raises no follow-on error.
    expect((outcome.model.resources ?? []).map((r) => [r.account, str(r.amount)])).toEqual([
      ['4100', '0'],
      ['4101', '0'],
      ['4102', '0'],
      ['', '10'],
      ['4105', '0'],
      ['4106', '0'],
      ['', '10'],
    ]);
  });

  test('in Dutch, the messages name the Dutch columns', () => {
    const outcome = readResources([
      ['Rekening', 'Bedrag', 'Kostenpool'],
      [null, -1, 'Magazijn'],
    ]);
    expect(outcome.issues.map((i) => renderMessage(i.text, 'nl'))).toEqual([
      'Rekening is leeg; elke rij heeft een grootboekrekening nodig.',
      'Bedrag mag niet negatief zijn; er staat -1.',
    ]);
  });

  test('a missing required column is MISSING_COLUMN at the header row, and no row is read', () => {
    const outcome = readResources([
      ['Account', 'Description', 'Pool'],
      [4100, 'x', 'Warehouse'],
    ]);
    expect(located(outcome)).toEqual([['MISSING_COLUMN', 'error', 'ABC_Resources', 'Ledger!A1:C1', 'ABC_Resources has no column Amount / Bedrag.']]);
    expect(outcome.model.resources).toBeUndefined();
  });

  test('a column given twice is DUPLICATE_COLUMN at the second header', () => {
    const outcome = readResources([
      ['Account', 'Amount', 'Pool', 'Bedrag'],
      [4100, 5, 'Warehouse', 6],
    ]);
    expect(located(outcome)).toEqual([
      ['DUPLICATE_COLUMN', 'error', 'ABC_Resources', 'Ledger!D1', 'Column Amount appears twice: "Amount" and "Bedrag"; only the first is read.'],
    ]);
    expect((outcome.model.resources ?? []).map((r) => str(r.amount))).toEqual(['5']);
  });

  test('headers only (the empty template table) or a wholly blank range: nothing read, nothing reported, no resources in the model', () => {
    for (const rows of [[['Account', 'Description', 'Amount', 'Pool'], [null, null, null, null]], [[null, null]]] as CellValue[][][]) {
      const outcome = readResources(rows);
      expect(outcome.issues).toEqual([]);
      expect('resources' in outcome.model).toBe(false);
    }
  });
});

describe('a model without the first stage', () => {
  test('the sample reads with neither resources, support nor a support method: its JSON is as before issue 19', () => {
    // The sample has had a ledger and support pools since issue 19; without them (and with its pools' Cost
    // filled in) it is the model it was before.
    const grids = gridsOf(withoutFirstStage());
    const { model, issues } = readContract(grids);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(Object.keys(model)).toEqual(['pools', 'activities', 'customers', 'volumes', 'volumeDrivers', 'customerCosts', 'settings', 'scenarios']);
    expect('supportMethod' in model.settings).toBe(false);
    const json = resultToJson(runModel(model, issues));
    expect('firstStage' in json).toBe(false);
    expect(json.totals?.operatingProfit).toBe(1051802.8);
    expect(json.totals?.netProfit).toBe(1898798.57);
  });

  test('the valid fixture without the ranges reads the same settings and keys as before', () => {
    const { model } = readContract(validGrids());
    expect(Object.keys(model)).toEqual(['pools', 'activities', 'customers', 'volumes', 'volumeDrivers', 'customerCosts', 'settings']);
    expect(model.settings).toEqual({ currency: 'EUR', period: '2024 Q1', unusedCapacity: 'assign' });
  });
});
