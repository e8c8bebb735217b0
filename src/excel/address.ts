/** A1 addresses as Office.js returns them (`Sheet1!A1:D20`, `'My sheet'!A:D`), split into their parts. */
import { columnLetters, columnNumber } from '../workbook/grid';

/** The part after the sheet name: `A1:D20` from `'My sheet'!A1:D20`. */
export function addressWithoutSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** A1 address of a block given by 0-based indexes, without the sheet. */
export function blockAddress(rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): string {
  const first = `${columnLetters(columnIndex + 1)}${rowIndex + 1}`;
  if (rowCount <= 1 && columnCount <= 1) return first;
  return `${first}:${columnLetters(columnIndex + columnCount)}${rowIndex + rowCount}`;
}

/** 0-based row and column of a single-cell address such as `B7` or `$B$7`; null when it is not one. */
export function parseCell(cell: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  if (m === null) return null;
  return { row: Number(m[2]) - 1, column: columnNumber(m[1] ?? 'A') - 1 };
}
