/**
 * The grids read from the workbook packed column by column into typed arrays, so a million-row
 * `ABC_Volumes` crosses to the worker by transfer instead of a structured clone of a million small arrays.
 * Each column is an Int32Array of codes (a string's index in the column's dictionary, or blank, number,
 * other) with a Float64Array of its numbers: a number travels as its exact double, a text as itself, so
 * the worker's grid reads exactly as the pane's would, cell for cell. Anything else (error values,
 * booleans, dates, suspect cells) travels in a small side list with its row and column, so every located
 * error of the contract reader is the same.
 */
import type { ContractRangeName } from '../workbook/contract';
import type { CellValue, RangeGrid } from '../workbook/grid';

const BLANK = -1;
const NUMBER = -2;
const OTHER = -3;

/** One column: codes per row, the numbers where the code says so, and the column's distinct texts. */
export interface PackedColumn {
  codes: Int32Array;
  numbers: Float64Array | null;
  dictionary: string[];
}

/** A grid packed by columns. */
export interface PackedGrid {
  name: string;
  sheet: string;
  top: number;
  left: number;
  rowCount: number;
  columns: PackedColumn[];
  /** Cells that are neither blank, number nor text: `[row, column, value]`. */
  side: Array<[number, number, CellValue]>;
}

/** Packs a grid; `transfer` lists the buffers to hand over with `postMessage`. */
export function packGrid(grid: RangeGrid): { packed: PackedGrid; transfer: ArrayBuffer[] } {
  const rowCount = grid.rows.length;
  let width = 0;
  for (const row of grid.rows) if (row.length > width) width = row.length;
  const columns: PackedColumn[] = [];
  const side: Array<[number, number, CellValue]> = [];
  const transfer: ArrayBuffer[] = [];
  for (let c = 0; c < width; c++) {
    const codes = new Int32Array(rowCount);
    let numbers: Float64Array | null = null;
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    for (let r = 0; r < rowCount; r++) {
      const value = (grid.rows[r] as CellValue[])[c];
      if (value === null || value === undefined) codes[r] = BLANK;
      else if (typeof value === 'number') {
        numbers ??= new Float64Array(rowCount);
        numbers[r] = value;
        codes[r] = NUMBER;
      } else if (typeof value === 'string') {
        let i = index.get(value);
        if (i === undefined) {
          i = dictionary.length;
          dictionary.push(value);
          index.set(value, i);
        }
        codes[r] = i;
      } else {
        codes[r] = OTHER;
        side.push([r, c, value]);
      }
    }
    columns.push({ codes, numbers, dictionary });
    transfer.push(codes.buffer as ArrayBuffer);
    if (numbers !== null) transfer.push(numbers.buffer as ArrayBuffer);
  }
  return { packed: { name: grid.name, sheet: grid.sheet, top: grid.top, left: grid.left, rowCount, columns, side }, transfer };
}

/**
 * The grid again, rows without trailing blanks (as the gateway reads them). A million rows are a million
 * small arrays for the contract reader: each is made at its final length in one literal where it can be,
 * since growing it by push and trimming it again took most of the worker's unpacking time.
 */
export function unpackGrid(packed: PackedGrid): RangeGrid {
  const width = packed.columns.length;
  const others = new Map<number, CellValue>();
  for (const [r, c, value] of packed.side) others.set(r * width + c, value);
  // Plain local arrays: the loop below runs once per cell of a million-row range.
  const codes = packed.columns.map((c) => c.codes);
  const numbers = packed.columns.map((c) => c.numbers);
  const dictionaries = packed.columns.map((c) => c.dictionary);
  const cell = (r: number, c: number): CellValue => {
    const code = (codes[c] as Int32Array)[r] as number;
    if (code >= 0) return (dictionaries[c] as string[])[code] as string;
    if (code === NUMBER) return (numbers[c] as Float64Array)[r] as number;
    if (code === OTHER) return others.get(r * width + c) ?? null;
    return null;
  };
  const rows: CellValue[][] = [];
  for (let r = 0; r < packed.rowCount; r++) {
    // The row ends at its last cell that is not blank; a side cell always holds a value.
    let length = width;
    while (length > 0 && (codes[length - 1] as Int32Array)[r] === BLANK) length--;
    switch (length) {
      case 0:
        rows.push([]);
        break;
      case 1:
        rows.push([cell(r, 0)]);
        break;
      case 2:
        rows.push([cell(r, 0), cell(r, 1)]);
        break;
      case 3:
        rows.push([cell(r, 0), cell(r, 1), cell(r, 2)]);
        break;
      case 4:
        rows.push([cell(r, 0), cell(r, 1), cell(r, 2), cell(r, 3)]);
        break;
      default: {
        const row: CellValue[] = [];
        for (let c = 0; c < length; c++) row.push(cell(r, c));
        rows.push(row);
      }
    }
  }
  return { name: packed.name, sheet: packed.sheet, top: packed.top, left: packed.left, rows };
}

/** Packs every grid of a request, with the buffers to transfer. */
export function packGrids(grids: ReadonlyArray<[ContractRangeName, RangeGrid]>): { packed: Array<[ContractRangeName, PackedGrid]>; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const packed = grids.map(([name, grid]): [ContractRangeName, PackedGrid] => {
    const p = packGrid(grid);
    transfer.push(...p.transfer);
    return [name, p.packed];
  });
  return { packed, transfer };
}
