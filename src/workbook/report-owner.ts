/**
 * The mark of a report sheet this project created: a hidden, worksheet-scoped defined name on the sheet,
 * whose value is a text constant. Both writers (the runner's .xlsx writer and the add-in's Office.js
 * writer) put it there and look for it, so a workbook refreshed by one can be refreshed by the other;
 * a sheet with a report sheet's name but without the mark is the user's and is never overwritten.
 */

/** The name of the marker. */
export const OWNER_NAME = 'ABC_ReportOwner';

/** Its value: a formula text constant naming the project. */
export const OWNER_VALUE = '"customer-profitability-abc"';
