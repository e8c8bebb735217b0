/**
 * The report as a host-independent description: the xlsx writer (runner) and the Office.js writer (add-in)
 * both render what `buildReportSheets` returns, with the formats of `numberFormat`.
 */
import type { CostingResult } from '../engine/result';
import { buildCustomerPnlSheet } from './report-pnl';
import { buildRatesSheet } from './report-rates';
import { buildSummarySheet } from './report-summary';
import type { ReportSheet } from './report-types';

export { numberFormat, currencyCode, currencyAffixes } from './report-format';
export { REPORT_SHEET_NAMES, REPORT_SHEET_ORDER } from './report-common';

/** The three report sheets of a result, in the order they are added: Customer P&L, Rates, Summary. */
export function buildReportSheets(result: CostingResult): ReportSheet[] {
  return [buildCustomerPnlSheet(result), buildRatesSheet(result), buildSummarySheet(result)];
}
