/**
 * Controlled rounding: a table rounded to cents keeps every row total and every column total, each cell
 * its exact value rounded down or up — whenever the totals are roundings of the exact totals (Cox).
 */
import fc from 'fast-check';
import { allocateCents } from '../../../src/engine/allocate';
import { type Dec, dec, roundCents, sum } from '../../../src/engine/decimal';
import { controlledRound } from '../../../src/engine/first-stage/controlled-rounding';

const table = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), columns: fc.integer({ min: 1, max: 8 }) })
  .chain(({ rows, columns }) => fc.array(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

describe('controlledRound', () => {
  it('keeps rows and columns to the cent, each cell rounded down or up', () => {
    fc.assert(
      fc.property(table, (raw) => {
        // Exact amounts with up to 4 decimals; totals rounded by the largest-remainder rule from the grand total.
        const cells: Dec[][] = raw.map((row) => row.map((n) => dec(n).dividedBy(10_000)));
        const grand = roundCents(sum(cells.flat()));
        const rowTotals = allocateCents(grand, cells.map((row) => sum(row)));
        const columnTotals = allocateCents(grand, (cells[0] as Dec[]).map((_, c) => sum(cells.map((row) => row[c] as Dec))));
        const rounded = controlledRound(cells, rowTotals, columnTotals);
        expect(rounded).not.toBeNull();
        if (rounded === null) return;
        rounded.forEach((row, r) => {
          expect(sum(row).eq(rowTotals[r] as Dec)).toBe(true);
          row.forEach((cell, c) => {
            const exact = (cells[r] as Dec[])[c] as Dec;
            expect(cell.minus(exact).abs().lessThan(dec('0.01'))).toBe(true);
          });
        });
        columnTotals.forEach((total, c) => expect(sum(rounded.map((row) => row[c] as Dec)).eq(total)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('says when totals are no rounding of the exact ones', () => {
    expect(controlledRound([[dec('0.004'), dec('0.004')]], [dec('0.01')], [dec('0.01'), dec('0.01')])).toBeNull();
    expect(controlledRound([[dec('0.005')], [dec('0.005')]], [dec('0.01'), dec('0.01')], [dec('0.01')])).toBeNull();
  });
});
