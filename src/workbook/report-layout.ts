/**
 * The report as a host-independent description: the xlsx writer (runner) and the Office.js writer (add-in)
 * both render what `buildReportSheets` returns, with the formats of `numberFormat`.
 */
import type { CostingResult } from '../engine/result';
import { buildActionsSheet } from './report-actions';
import { buildCustomerPnlSheet } from './report-pnl';
import { buildRatesSheet } from './report-rates';
import type { ReportLanguage } from './report-text';
import { buildSummarySheet } from './report-summary';
import type { ReportSheet } from './report-types';

export { numberFormat, currencyCode, currencyAffixes } from './report-format';
export { REPORT_SHEET_NAMES, REPORT_SHEET_ORDER } from './report-common';
export { REPORT_LANGUAGES, REPORT_ROLES, type ReportLanguage, reportSheetNames, roleOfSheetName } from './report-text';

/**
 * The report sheets of a result, in the order they are added: Customer P&L, Rates, Summary, Actions, with
 * every text in `language` (English when not given). Each sheet carries its role, whatever its name.
 * Built here, from the result alone, so the runner and the add-in write the same sheets.
 */
export function buildReportSheets(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet[] {
  return [
    buildCustomerPnlSheet(result, language),
    buildRatesSheet(result, language),
    buildSummarySheet(result, language),
    buildActionsSheet(result, language),
  ];
}
