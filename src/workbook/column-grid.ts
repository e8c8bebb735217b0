/**
 * A range's cells held column by column in typed arrays, as the task pane sends a million-row
 * `ABC_Volumes` to its worker: building a million small row arrays again there took longer than the
 * costing. The contract reader reads such a grid cell for cell as it reads the row form (`RangeGrid`),
 * so every figure, issue and location is the same; the long form of the volumes reads its columns directly.
 */
import type { CellValue, RangeGrid } from './grid';
import { isBlank } from './grid';

/** A cell's code: the index of its text in the column's dictionary, or one of these. */
export const BLANK_CODE = -1;
export const NUMBER_CODE = -2;
/** A value that is neither blank, number nor text (error, boolean, date, suspect cell): in `side`. */
export const OTHER_CODE = -3;

/** One column: a code per row, the numbers where the code says so, and the column's distinct texts. */
export interface CellColumn {
  codes: Int32Array;
  numbers: Float64Array | null;
  dictionary: string[];
}

/** A grid held by columns; rows are as many as `rowCount`, every column that long. */
export interface ColumnGrid {
  name: string;
  sheet: string;
  top: number;
  left: number;
  rowCount: number;
  columns: CellColumn[];
  /** Cells coded `OTHER_CODE`: `[row, column, value]`. */
  side: Array<[number, number, CellValue]>;
}

/** What the contract reader takes: a grid by rows, or by columns. */
export type ContractGrid = RangeGrid | ColumnGrid;

/** True for a grid held by columns. */
export function isColumnGrid(grid: ContractGrid): grid is ColumnGrid {
  return 'columns' in grid;
}

/** Reading a grid's cells whatever its form: the row form as it is, the column form through its codes. */
export interface GridCells {
  readonly height: number;
  readonly width: number;
  /** The value at a 0-based row and column; null or undefined for a blank or absent cell. */
  cell(row: number, column: number): CellValue | undefined;
  /** True when every cell of the row is blank (also for rows absent or short). */
  isRowBlank(row: number): boolean;
}

/** The reader of a grid's cells. */
export function gridCells(grid: ContractGrid): GridCells {
  return isColumnGrid(grid) ? new ColumnCells(grid) : new RowCells(grid);
}

class RowCells implements GridCells {
  readonly height: number;
  readonly width: number;

  constructor(private readonly grid: RangeGrid) {
    let width = 0;
    for (const row of grid.rows) if (row.length > width) width = row.length;
    this.width = width;
    this.height = grid.rows.length;
  }

  cell(row: number, column: number): CellValue | undefined {
    return this.grid.rows[row]?.[column];
  }

  isRowBlank(row: number): boolean {
    const cells = this.grid.rows[row];
    if (cells === undefined) return true;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string') return false;
      // Most text starts with a visible ASCII character; only the rest needs the trimming test.
      const first = v.charCodeAt(0);
      if ((first > 32 && first < 127) || !isBlank(v)) return false;
    }
    return true;
  }
}

class ColumnCells implements GridCells {
  readonly height: number;
  readonly width: number;
  private readonly side = new Map<number, CellValue>();
  /** Per column, per dictionary entry: 1 when the text is blank (only white space). */
  private readonly blankTexts: Uint8Array[];

  constructor(private readonly grid: ColumnGrid) {
    this.height = grid.rowCount;
    this.width = grid.columns.length;
    for (const [r, c, value] of grid.side) this.side.set(r * this.width + c, value);
    this.blankTexts = grid.columns.map((column) => Uint8Array.from(column.dictionary, (text) => (isBlank(text) ? 1 : 0)));
  }

  cell(row: number, column: number): CellValue | undefined {
    const cells = this.grid.columns[column];
    if (cells === undefined || row < 0 || row >= this.height) return undefined;
    const code = cells.codes[row] as number;
    if (code >= 0) return cells.dictionary[code];
    if (code === NUMBER_CODE) return (cells.numbers as Float64Array)[row];
    if (code === OTHER_CODE) return this.side.get(row * this.width + column) ?? null;
    return null;
  }

  isRowBlank(row: number): boolean {
    if (row < 0 || row >= this.height) return true;
    for (let c = 0; c < this.width; c++) {
      const code = (this.grid.columns[c] as CellColumn).codes[row] as number;
      if (code === BLANK_CODE) continue;
      if (code < 0 || (this.blankTexts[c] as Uint8Array)[code] === 0) return false;
    }
    return true;
  }
}
