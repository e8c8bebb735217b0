/**
 * Dates of the sample's transactions: working days of the sample year as Excel serial day numbers, so
 * ExcelJS and Office.js write them the same way.
 */
import type { Random } from './random';

/** The year the sample's transactions fall in. */
export const YEAR = 2026;

/** Excel's serial day number of a date (days since 1899-12-30), exact for whole days. */
export function excelSerial(year: number, monthIndex: number, day: number): number {
  return (Date.UTC(year, monthIndex, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** New Year's Day and Christmas: the office is closed. */
function isHoliday(monthIndex: number, day: number): boolean {
  return (monthIndex === 0 && day === 1) || (monthIndex === 11 && (day === 25 || day === 26));
}

/**
 * A working day of the month: a weekend or holiday moves to the next working day. Starting no later than
 * the third-last day keeps it within the month (in 2025 and 2026 no month ends on more than two closed days).
 */
export function workingDay(random: Random, monthIndex: number, year: number = YEAR): number {
  const last = daysInMonth(year, monthIndex);
  let day = random.int(1, last - 2);
  for (;;) {
    const weekday = new Date(Date.UTC(year, monthIndex, day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(monthIndex, day)) break;
    day++;
  }
  return excelSerial(year, monthIndex, day);
}
