/**
 * Where a report sheet's print titles and AutoFilter lie, as A1 references: the xlsx writer stores them in
 * the sheet part and in defined names (`_xlnm.Print_Titles`, `_xlnm._FilterDatabase`), the Office.js writer
 * passes them to `pageLayout` and `autoFilter`, so both hosts print and filter the same cells.
 */
import { columnLetters } from './grid';
import type { ReportSheet } from './report-types';

/** A sheet name as it stands in a reference: always quoted, a quote in it doubled (valid for every name). */
function quoted(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** The rows repeated at the top of every printed page (`$1:$3`), or null. */
export function printTitleRows(sheet: Pick<ReportSheet, 'printTitles'>): string | null {
  const rows = sheet.printTitles?.rows ?? 0;
  return rows > 0 ? `$1:$${rows}` : null;
}

/** The columns repeated at the left of every printed page (`$A:$C`), or null. */
export function printTitleColumns(sheet: Pick<ReportSheet, 'printTitles'>): string | null {
  const columns = sheet.printTitles?.columns ?? 0;
  return columns > 0 ? `$A:$${columnLetters(columns)}` : null;
}

/** The formula of the sheet's `_xlnm.Print_Titles` name (columns first, as Excel writes it), or null. */
export function printTitlesFormula(sheet: Pick<ReportSheet, 'name' | 'printTitles'>): string | null {
  const parts = [printTitleColumns(sheet), printTitleRows(sheet)].flatMap((p) => (p === null ? [] : [`${quoted(sheet.name)}!${p}`]));
  return parts.length === 0 ? null : parts.join(',');
}

/** The AutoFilter's cells (`A3:AF253`), or null when the sheet has none or its table is empty. */
export function autoFilterRange(sheet: Pick<ReportSheet, 'autoFilter'>): string | null {
  const f = sheet.autoFilter;
  if (f === undefined || f.columns <= 0 || f.lastRow < f.headerRow) return null;
  return `A${f.headerRow}:${columnLetters(f.columns)}${f.lastRow}`;
}

/** The formula of the sheet's hidden `_xlnm._FilterDatabase` name (absolute, with the sheet), or null. */
export function filterDatabaseFormula(sheet: Pick<ReportSheet, 'name' | 'autoFilter'>): string | null {
  const range = autoFilterRange(sheet);
  if (range === null) return null;
  const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `${quoted(sheet.name)}!${absolute}`;
}
