/** A1 addresses of blocks the gateway writes. */
import { columnLetters } from '../workbook/grid';

/** A1 address of a block given by 0-based indexes, without the sheet. */
export function blockAddress(rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): string {
  const first = `${columnLetters(columnIndex + 1)}${rowIndex + 1}`;
  if (rowCount <= 1 && columnCount <= 1) return first;
  return `${first}:${columnLetters(columnIndex + columnCount)}${rowIndex + rowCount}`;
}

