/**
 * The areas read from one sheet while it is scanned: which of their columns are read, how a cell is read
 * (not at all, only whether it holds something, or its value), and where its value goes.
 */
import type { CellValue } from '../workbook/grid';
import { isBlank } from '../workbook/grid';
import type { Area } from './reference';

/**
 * Stands in the grid for a cell of a column its reader does not use, which holds something: the row is
 * not blank, and that is all anyone may learn from it. Were it ever read as a value, it would be refused
 * as a number that is not one, never taken for a figure.
 */
export const UNREAD_CELL: CellValue = Object.freeze({ stored: '' });

/** One area to read from a sheet. */
export interface AreaRequest {
  area: Area;
  /**
   * Which of the area's columns (0-based from its left) are read, given its header row; null: all. Called
   * once the header row has been read. Absent: all columns.
   */
  pickColumns?: (header: readonly CellValue[]) => readonly boolean[] | null;
  /** The header row when it is not in the sheet (a table whose header row is hidden). */
  header?: readonly CellValue[];
}

/** One area to read from a sheet, and its cells as read. */
export interface AreaCells {
  area: Area;
  /** Rows from the area's top row; each row from its left column; blank cells null. */
  rows: CellValue[][];
}

/** How a cell inside the areas is read. */
export const OUTSIDE = 0;
export const PRESENCE = 1;
export const VALUE = 2;

/** The state of one area while its sheet is scanned. */
export interface Target {
  area: Area;
  rows: CellValue[][];
  pick: AreaRequest['pickColumns'];
  /** Per column from the area's left: 1 when its values are read; null: all are. */
  read: Uint8Array | null;
  decided: boolean;
}

/** Decides which columns of a target are read, from its header row. */
export function decide(t: Target, header: readonly CellValue[]): void {
  t.decided = true;
  if (t.pick === undefined) return;
  const picked = t.pick(header);
  if (picked === null) return;
  const width = t.area.right - t.area.left + 1;
  const read = new Uint8Array(width);
  for (let i = 0; i < width && i < picked.length; i++) read[i] = picked[i] ? 1 : 0;
  t.read = read;
}

/** How the cell at `row`, `column` is read: the most any area containing it asks for. */
export function modeOf(targets: readonly Target[], row: number, column: number): number {
  let m = OUTSIDE;
  for (const t of targets) {
    const a = t.area;
    if (row < a.top || row > a.bottom || column < a.left || column > a.right) continue;
    if (t.read === null || t.read[column - a.left] === 1) return VALUE;
    m = PRESENCE;
  }
  return m;
}

/** Puts the cell at `row`, `column` into every area holding it, as that area reads it. */
export function store(targets: readonly Target[], row: number, column: number, value: CellValue): void {
  for (const t of targets) {
    const a = t.area;
    if (row < a.top || row > a.bottom || column < a.left || column > a.right) continue;
    if (value === UNREAD_CELL || t.read === null || t.read[column - a.left] === 1) put(t, row, column, value);
    else if (!isBlank(value)) put(t, row, column, UNREAD_CELL);
  }
}

function put(t: Target, row: number, column: number, value: CellValue): void {
  const ri = row - t.area.top;
  const ci = column - t.area.left;
  const rows = t.rows;
  while (rows.length < ri) rows.push([]);
  let cells = rows[ri];
  if (cells === undefined) {
    cells = blankRow(t.area.right - t.area.left + 1);
    rows.push(cells);
  }
  while (cells.length < ci) cells.push(null);
  cells[ci] = value;
}

/**
 * A new row of an area `width` cells wide. A narrow area's row is made at its width at once (trailing
 * blanks are trimmed at the end), not grown by push to a capacity of 17: a million rows of the long
 * form took a third more memory that way. Literals, because `new Array(width)` is allocated outside
 * the optimised code.
 */
function blankRow(width: number): CellValue[] {
  switch (width) {
    case 1:
      return [null];
    case 2:
      return [null, null];
    case 3:
      return [null, null, null];
    case 4:
      return [null, null, null, null];
    case 5:
      return [null, null, null, null, null];
    case 6:
      return [null, null, null, null, null, null];
    case 7:
      return [null, null, null, null, null, null, null];
    case 8:
      return [null, null, null, null, null, null, null, null];
    default:
      return [];
  }
}
