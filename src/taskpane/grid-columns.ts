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
import { BLANK_CODE as BLANK, type CellColumn, type ColumnGrid, type ContractGrid, NUMBER_CODE as NUMBER, OTHER_CODE as OTHER, isColumnGrid } from '../workbook/column-grid';
import type { CellValue, RangeGrid } from '../workbook/grid';

/** One column: codes per row, the numbers where the code says so, and the column's distinct texts. */
export type PackedColumn = CellColumn;

/** A grid packed by columns: the contract reader reads it as it is (column-grid.ts). */
export type PackedGrid = ColumnGrid;

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

/** Packs every grid of a request (a grid already by columns as it is), with the buffers to transfer. */
export function packGrids(grids: ReadonlyArray<[ContractRangeName, ContractGrid]>): { packed: Array<[ContractRangeName, PackedGrid]>; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const packed = grids.map(([name, grid]): [ContractRangeName, PackedGrid] => {
    const p = isColumnGrid(grid) ? { packed: grid, transfer: buffersOf(grid) } : packGrid(grid);
    transfer.push(...p.transfer);
    return [name, p.packed];
  });
  return { packed, transfer };
}

function buffersOf(grid: ColumnGrid): ArrayBuffer[] {
  return grid.columns.flatMap((c) => (c.numbers === null ? [c.codes.buffer as ArrayBuffer] : [c.codes.buffer as ArrayBuffer, c.numbers.buffer as ArrayBuffer]));
}
