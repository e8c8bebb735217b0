/**
 * What is done to an area's cells once its sheet is read: merged blocks blanked but for their top-left
 * cell, as in Excel, and trailing blanks dropped.
 */
import type { CellValue } from '../workbook/grid';
import type { Area } from './reference';

/** A merged block, 1-based and inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The column of a cell reference (`B7`, `$B$7`), or null when it has none. */
function referenceColumn(ref: string): number | null {
  let k = ref.charCodeAt(0) === 36 ? 1 : 0;
  const start = k;
  let n = 0;
  while (k < ref.length && k - start < 3) {
    const c = ref.charCodeAt(k) | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
    k++;
  }
  return k === start ? null : n;
}

/** The block of a `mergeCell` reference (`A1:B2`), or null when it is not one. */
export function parseMerge(ref: string): Merge | null {
  const [a, b] = ref.split(':');
  const cell = (s: string | undefined): [number, number] | null => {
    if (s === undefined) return null;
    const bare = s.replace(/\$/g, '');
    const column = referenceColumn(bare);
    const row = Number(bare.slice(bare.search(/\d/)));
    return column === null || !Number.isInteger(row) || row < 1 ? null : [row, column];
  };
  const first = cell(a);
  const last = b === undefined ? first : cell(b);
  if (first === null || last === null) return null;
  return { top: first[0], left: first[1], bottom: last[0], right: last[1] };
}

/** Blanks the cells of merged blocks other than each block's top-left cell. */
export function blankMergedCells(merges: readonly Merge[], targets: ReadonlyArray<{ area: Area; rows: CellValue[][] }>): void {
  for (const m of merges) {
    for (const t of targets) {
      const a = t.area;
      for (let r = Math.max(m.top, a.top); r <= Math.min(m.bottom, a.bottom); r++) {
        const row = t.rows[r - a.top];
        if (row === undefined) continue;
        for (let c = Math.max(m.left, a.left); c <= Math.min(m.right, a.right); c++) {
          if ((r !== m.top || c !== m.left) && c - a.left < row.length) row[c - a.left] = null;
        }
      }
    }
  }
}

/** Drops trailing blanks of each row and the blank rows at the end. */
export function trimBlankRows(rows: CellValue[][]): void {
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
}
