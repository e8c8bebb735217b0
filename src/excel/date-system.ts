/// <reference types="office-js" />
/**
 * The workbook's date system in the add-in. Excel stores a date as a serial number counted from 1900, or
 * from 1904 in a workbook that says so (File > Options > Advanced, "Use 1904 date system"). Office.js has
 * no property for it, but the worksheet function DATE answers in the workbook's system: DATE(1904,1,1) is
 * 1462 counted from 1900 and 0 counted from 1904. `workbook.functions` (ExcelApi 1.2) evaluates it without
 * touching a cell, in the read's first sync. Any other answer leaves the system unknown: dates are then
 * read as 1900 ones and, when the model holds a date, the read says so (DATE_SYSTEM_UNKNOWN).
 */
import { type Issue, warning } from '../engine/issues';
import { msg } from '../engine/messages';
import { isoDate } from '../workbook/cells';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import { columnLetters, type RangeGrid } from '../workbook/grid';

/** DATE(1904,1,1) counted from 1900: 1904 was a leap year, 1900 counts as one in Excel; 4 × 365 + 2. */
const JAN_1_1904_IN_1900_SYSTEM = 1462;

/** What DATE(1904,1,1) gave: 1904 (true), 1900 (false), or unknown with the answer as text. */
export type DateSystem = { date1904: boolean } | { unknown: string };

/** Queues DATE(1904,1,1) to ride on the next sync; the function returned reads its answer after that sync. */
export function loadDateSystem(context: Excel.RequestContext): () => DateSystem {
  const answer = context.workbook.functions.date(1904, 1, 1).load('value,error');
  return () => {
    if (answer.error !== null && answer.error !== undefined && answer.error !== '') return { unknown: answer.error };
    if (answer.value === 0) return { date1904: true };
    if (answer.value === JAN_1_1904_IN_1900_SYSTEM) return { date1904: false };
    return { unknown: String(answer.value) };
  };
}

/**
 * DATE_SYSTEM_UNKNOWN at the first date read (in contract order, row by row), or null when the system is
 * known or the model has no date. Dates are labels in the contract (Period, dimensions): a warning.
 */
export function unknownDateSystem(grids: ReadonlyMap<ContractRangeName, RangeGrid>, system: DateSystem): Issue | null {
  if (!('unknown' in system)) return null;
  for (const range of CONTRACT_RANGES) {
    const grid = grids.get(range);
    if (grid === undefined) continue;
    for (const [r, row] of grid.rows.entries()) {
      const c = (row ?? []).findIndex((v) => v instanceof Date);
      if (c < 0) continue;
      const where = { range, sheet: grid.sheet, cell: `${columnLetters(grid.left + c)}${grid.top + r}`, value: isoDate(row?.[c] as Date) };
      return warning('DATE_SYSTEM_UNKNOWN', msg('dateSystemUnknown', { found: system.unknown }), where);
    }
  }
  return null;
}
