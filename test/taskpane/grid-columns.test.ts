/**
 * Grids packed into typed arrays and unpacked in the worker (grid-columns.ts): rows of every width come
 * back as the gateway reads them, cell for cell, trailing blanks dropped and inner ones kept.
 */
import { packGrid } from '../../src/taskpane/grid-columns';
import { unpackGrid } from './unpack-grid';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';

/** The rows as the reader expects them: holes read as blank, trailing blanks (not empty texts) dropped. */
function expected(rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>): CellValue[][] {
  return rows.map((row) => {
    const out = Array.from(row, (v) => v ?? null);
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
}

/** A fixed pseudo-random sequence (a linear congruential generator), so every run checks the same rows. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const KINDS: Array<(n: number) => CellValue | undefined> = [
  () => null,
  () => undefined,
  (n) => n * 1.5,
  (n) => -n,
  (n) => `C-${n % 5}`,
  () => '',
  () => '  ',
  (n) => n % 2 === 0,
  () => ({ error: '#N/A' }),
  (n) => new Date(Date.UTC(2024, 0, 1 + n)),
  (n) => ({ percent: n / 100 }),
  (n) => ({ formula: `A${n}+1` }),
  () => ({ stored: '900,5' }),
];

describe('grids packed for the worker', () => {
  test('3,000 rows of widths 0 to 8, with every kind of cell at every position, read back as the gateway reads them', () => {
    const next = sequence(11);
    const rows: Array<Array<CellValue | undefined>> = [];
    for (let r = 0; r < 3_000; r++) {
      const width = Math.floor(next() * 9);
      const row: Array<CellValue | undefined> = [];
      // Blank cells are likelier at the end, as in a worksheet's ragged rows.
      for (let c = 0; c < width; c++) row.push(next() < 0.25 ? null : (KINDS[Math.floor(next() * KINDS.length)] as (n: number) => CellValue | undefined)(r + c));
      rows.push(row);
    }
    rows.push([null, null, null], [undefined, 'x'], [], [0, -0, NaN]);
    const grid = { name: 'ABC_Volumes', sheet: 'Transactions', top: 4, left: 3, rows } as RangeGrid;
    const back = unpackGrid(structuredClone(packGrid(grid).packed));
    expect(back).toEqual({ name: 'ABC_Volumes', sheet: 'Transactions', top: 4, left: 3, rows: expected(rows) });
    // Every width from 0 to 8 occurred, and -0 stays -0 (a number travels as its exact double).
    expect(new Set(back.rows.map((r) => r.length))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(Object.is(back.rows[back.rows.length - 1]?.[1], -0)).toBe(true);
  });

  test('a long-form volume range: codes per row, numbers as doubles, each text once in its dictionary', () => {
    const rows: CellValue[][] = [['Customer', 'Driver', 'Quantity']];
    for (let r = 0; r < 1_000; r++) rows.push([1000 + (r % 7), ['Orders', 'Order lines', 'Rush orders'][r % 3] as string, 1 + (r % 5)]);
    const { packed, transfer } = packGrid({ name: 'ABC_Volumes', sheet: 'T', top: 1, left: 1, rows });
    expect(packed.columns.map((c) => c.dictionary)).toEqual([['Customer'], ['Driver', 'Orders', 'Order lines', 'Rush orders'], ['Quantity']]);
    // Codes of three columns (1,001 × 4 bytes), numbers of the customer and quantity columns (1,001 × 8 bytes).
    expect(transfer.map((b) => b.byteLength)).toEqual([4004, 8008, 4004, 4004, 8008]);
    const back = unpackGrid(packed);
    expect(back.rows).toEqual(rows);
    expect(back.rows[1000]).toEqual([1005, 'Orders', 5]);
  });
});
