/**
 * The report as a host-independent description: the xlsx writer (runner) and the Office.js writer (add-in)
 * both render what `buildReportSheets` returns, with the formats of `numberFormat`.
 */
import type { CostingResult } from '../engine/result';
import { buildActionsSheet } from './report-actions';
import { buildCostFlowSheet } from './report-cost-flow';
import { buildCustomerPnlSheet } from './report-pnl';
import { buildRatesSheet } from './report-rates';
import type { ReportLanguage } from './report-text';
import { buildSummarySheet } from './report-summary';
import type { ReportSheet } from './report-types';

export { numberFormat, currencyCode, currencyAffixes } from './report-format';
export { REPORT_SHEET_NAMES, REPORT_SHEET_ORDER } from './report-common';
export { REPORT_LANGUAGES, REPORT_ROLES, type ReportLanguage, reportSheetNames, roleOfSheetName } from './report-text';

/**
 * The report sheets of a result, in the order they are added: Customer P&L, Rates, Summary, Actions, and
 * Cost flow when the model has a first stage, with every text in `language` (English when not given). Each
 * sheet carries its role, whatever its name. Built here, from the result alone, so the runner and the add-in
 * write the same sheets.
 */
export function buildReportSheets(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet[] {
  // Cost flow comes last: a workbook whose model gains a ledger later gets it appended after the sheets it
  // already has (both writers add new sheets at the end), so a fresh report and a refreshed one look alike.
  const costFlow = buildCostFlowSheet(result, language);
  return [
    buildCustomerPnlSheet(result, language),
    buildRatesSheet(result, language),
    buildSummarySheet(result, language),
    buildActionsSheet(result, language),
    ...(costFlow === null ? [] : [costFlow]),
  ];
}
