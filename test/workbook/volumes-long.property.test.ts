/**
 * The long-form reader's running sums (typed arrays, doubles while exact) against a plain reference:
 * every (customer, driver) pair's decimal sum, in the order pairs first appear, at the row of their first
 * quantity — with the largest figures the contract takes, decimals, and spellings of one name that
 * differ in case, spaces or type; and sums past 2^53, where doubles would lose units.
 */
import fc from 'fast-check';
import { dec } from '../../src/engine/decimal';
import { nameKey } from '../../src/engine/model';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { validGrids, withRange } from './contract-fixtures';

const customer = fc.constantFrom<CellValue>(1001, '1001', ' 1001 ', 1002, 'C-2', 'c-2', 'C-2 ', 'K 3', 'k  3');
const driver = fc.constantFrom('Orders', ' orders', 'ORDERS', 'Order lines', 'order  lines', 'Rush orders');
const quantity = fc.oneof(
  fc.integer({ min: 0, max: 60 }),
  fc.constantFrom<CellValue>(null, 0.1, 0.25, 1e-7, 9_999_999_999_999, 999_999_999_999.99),
);

/** What the reader must give: decimal sums by name key, pairs in order of first appearance, first row. */
function reference(rows: CellValue[][]): Array<[string, string, string, string]> {
  const pairs = new Map<string, { customer: string; driver: string; total: ReturnType<typeof dec>; row: number }>();
  rows.forEach(([c, d, q], i) => {
    const key = `${nameKey(String(c))}\u0000${nameKey(String(d))}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { customer: nameKey(String(c)), driver: nameKey(String(d)), total: dec(0), row: i + 2 };
      pairs.set(key, pair);
    }
    if (typeof q === 'number') pair.total = pair.total.plus(dec(q));
  });
  return [...pairs.values()].map((p) => [p.customer, p.driver, p.total.toString(), `A${p.row}`]);
}

describe('long-form volume sums', () => {
  it('equal decimal sums per customer and driver, in first-seen order, at the first row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(customer, driver, quantity), { minLength: 1, maxLength: 120 }), (data) => {
        const rows: CellValue[][] = data.map(([c, d, q]) => [c, d, q]);
        const { model, issues } = readContract(withRange(validGrids(), 'ABC_Volumes', [['Customer', 'Driver', 'Quantity'], ...rows], 'Transactions', 1, 1));
        expect(issues.filter((i) => i.where?.range === 'ABC_Volumes')).toEqual([]);
        const read = model.volumes.map((v) => [nameKey(v.customer), nameKey(v.driver), v.quantity.toString(), v.where.cell]);
        expect(read).toEqual(reference(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every unit of a sum past 2^53', () => {
    // 901 × 9,999,999,999,999 passes 2^53 (9,007,199,254,740,992); the ones after it must still count.
    const rows: CellValue[][] = [];
    for (let i = 0; i < 901; i++) rows.push([1001, 'Orders', 9_999_999_999_999]);
    for (let i = 0; i < 7; i++) rows.push([1001, 'Orders', 1]);
    rows.push(['1001', 'orders', 0.5]);
    const { model, issues } = readContract(withRange(validGrids(), 'ABC_Volumes', [['Customer', 'Driver', 'Quantity'], ...rows], 'Transactions', 1, 1));
    expect(issues.filter((i) => i.where?.range === 'ABC_Volumes')).toEqual([]);
    expect(model.volumes.map((v) => [v.customer, v.driver, v.quantity.toFixed()])).toEqual([['1001', 'Orders', '9009999999999106.5']]);
    expect(reference(rows)).toEqual([['1001', 'orders', '9009999999999106.5', 'A2']]);
  });
});
