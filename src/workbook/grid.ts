/**
 * A rectangular block of cell values as read from a workbook, the common currency between the hosts
 * (the .xlsx package reader in Node, Office.js in Excel) and the contract parser. Pure: no host types leak in here.
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  error: string;
}

/** A cell's value as the contract sees it. Dates arrive as Date; blank cells as null. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** The cells of one named range (or table, or sheet block). */
export interface RangeGrid {
  /** The defined name or table name as found in the workbook. */
  name: string;
  /** The worksheet that holds the cells. */
  sheet: string;
  /** 1-based row number of the first row (the header row). */
  top: number;
  /** 1-based column number of the first column. */
  left: number;
  /** Row-major values; rows may be shorter than the widest row (missing cells are blank). */
  rows: CellValue[][];
}

/** True when the value is an Excel error value. */
export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}

/** True for a blank cell: null, undefined or text of only white space. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Column letters to number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The A1 address of a cell of the grid, by 0-based row and column index within the grid. */
export function cellAddress(grid: Pick<RangeGrid, 'top' | 'left'>, rowIndex: number, columnIndex: number): string {
  return `${columnLetters(grid.left + columnIndex)}${grid.top + rowIndex}`;
}
