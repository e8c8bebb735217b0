/**
 * A rectangular block of cell values as read from a workbook, the common currency between the hosts
 * (the .xlsx package reader in Node, Office.js in Excel) and the contract parser. Pure: no host types leak in here.
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  error: string;
}

/**
 * A formula cell whose result was never stored: programs that write formulas without calculating them
 * (openpyxl, some ERP exports) leave it out. Reading it as blank would silently count 0.
 */
export interface UncalculatedCell {
  /** The formula as written, without a leading `=`. */
  formula: string;
}

/** A numeric cell whose stored value is not a number (`<v>900,5</v>` from a program that wrote it wrong). */
export interface MalformedNumberCell {
  /** The stored text as found. */
  stored: string;
}

/**
 * A number whose cell's number format shows it as a percentage: the cell shows 2% and holds 0.02. Where
 * a share is expected that is the number; where an amount is expected it is a mistake worth stopping for.
 */
export interface PercentCell {
  percent: number;
}

/** A cell the host could read, but whose value must not be used as it is. */
export type SuspectCell = UncalculatedCell | MalformedNumberCell | PercentCell;

/** A cell's value as the contract sees it. Dates arrive as Date; blank cells as null. */
export type CellValue = string | number | boolean | Date | CellError | SuspectCell | null;

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

/** True for a formula cell without a stored result. */
export function isUncalculated(value: CellValue | undefined): value is UncalculatedCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}

/** True for a numeric cell whose stored value is not a number. */
export function isMalformedNumber(value: CellValue | undefined): value is MalformedNumberCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'stored' in value;
}

/** True for a number shown as a percentage. */
export function isPercentCell(value: CellValue | undefined): value is PercentCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'percent' in value;
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
