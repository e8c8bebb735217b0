/**
 * Rounds a table of exact amounts to cents so that every row and every column keeps its given total and
 * every cell is its exact value rounded down or up (controlled rounding). Rounding each column on its own
 * keeps the columns but lets a row drift by a cent per column: a support pool's own cost, traced to the
 * operating pools it ends in, would add up to a cent more or less than its ledger. For a table whose
 * exact row and column totals are themselves rounded down or up (as the largest-remainder rule gives),
 * such a rounding always exists (Cox, 1987); it is found as a flow of single cents from rows to columns.
 */
import { type Dec, floorCents, fromCents, sum } from '../decimal';

/**
 * `cells[r][c]` exact (≥ 0), `rowTotals` and `columnTotals` in whole cents with equal sums. Returns the
 * rounded table, or null when no such rounding exists (totals that are not roundings of the exact ones).
 */
export function controlledRound(cells: readonly (readonly Dec[])[], rowTotals: readonly Dec[], columnTotals: readonly Dec[]): Dec[][] | null {
  const floors = cells.map((row) => row.map((cell) => floorCents(cell)));
  const fractional = cells.map((row, r) => row.map((cell, c) => !cell.times(100).eq((floors[r] as Dec[])[c] as Dec)));
  const rowNeed = rowTotals.map((total, r) => total.times(100).minus(sum(floors[r] as Dec[])).toNumber());
  const columnNeed = columnTotals.map((total, c) => total.times(100).minus(sum(floors.map((row) => row[c] as Dec))).toNumber());
  if ([...rowNeed, ...columnNeed].some((n) => n < 0 || !Number.isInteger(n))) return null;
  if (rowNeed.reduce((a, b) => a + b, 0) !== columnNeed.reduce((a, b) => a + b, 0)) return null;

  // Each fractional cell can take one extra cent; a cent goes from a row that needs it to a column that
  // needs it, and an augmenting path may move earlier cents to other cells of their row to make room.
  const extra = cells.map((row) => row.map(() => false));
  const columnLeft = columnNeed.slice();
  const rowLeft = rowNeed.slice();
  // First the largest remainders, as the largest-remainder rule would: where the margins allow it, that is
  // the nearest rounding; the search below only places the cents this leaves.
  const byRemainder = cells
    .flatMap((row, r) => row.map((cell, c) => ({ r, c, remainder: cell.times(100).minus((floors[r] as Dec[])[c] as Dec) })))
    .filter(({ r, c }) => (fractional[r] as boolean[])[c])
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.r - b.r || a.c - b.c);
  for (const { r, c } of byRemainder) {
    if ((rowLeft[r] as number) > 0 && (columnLeft[c] as number) > 0) {
      (extra[r] as boolean[])[c] = true;
      rowLeft[r] = (rowLeft[r] as number) - 1;
      columnLeft[c] = (columnLeft[c] as number) - 1;
    }
  }
  for (let r = 0; r < cells.length; r++) {
    for (let k = 0; k < (rowLeft[r] as number); k++) {
      const seen = new Set<number>();
      if (!augment(r, seen)) return null;
    }
  }
  return floors.map((row, r) => row.map((cents, c) => fromCents(cents.plus((extra[r] as boolean[])[c] ? 1 : 0))));

  /** Finds a column for one more cent of row `r`: one with room, or one whose cent can move to another row's cell. */
  function augment(r: number, seen: Set<number>): boolean {
    const row = fractional[r] as boolean[];
    for (let c = 0; c < row.length; c++) {
      if (!row[c] || (extra[r] as boolean[])[c] || seen.has(c)) continue;
      seen.add(c);
      if ((columnLeft[c] as number) > 0) {
        columnLeft[c] = (columnLeft[c] as number) - 1;
        (extra[r] as boolean[])[c] = true;
        return true;
      }
      // Column c is full: free one of its cents by moving that row's cent to another column.
      for (let other = 0; other < cells.length; other++) {
        if (other === r || !(extra[other] as boolean[])[c]) continue;
        (extra[other] as boolean[])[c] = false;
        if (augment(other, seen)) {
          (extra[r] as boolean[])[c] = true;
          return true;
        }
        (extra[other] as boolean[])[c] = true;
      }
    }
    return false;
  }
}
