/**
 * What the three report sheets share: their names (a public interface: users, the add-in and the runner
 * find the sheets by them) and the note line under each title.
 */
import type { CostingResult } from '../engine/result';
import { currencyCode } from './report-format';
import type { ReportText } from './report-text';
import { REPORT_TEXT_EN } from './report-text-en';

/** The English report sheets' names, each at most 31 characters as Excel requires (see `reportSheetNames`). */
export const REPORT_SHEET_NAMES = {
  customerPnl: REPORT_TEXT_EN.sheetNames.pnl,
  rates: REPORT_TEXT_EN.sheetNames.rates,
  summary: REPORT_TEXT_EN.sheetNames.summary,
  // Written only when the model has a first stage, so not in REPORT_SHEET_ORDER below.
  costFlow: REPORT_TEXT_EN.sheetNames.costFlow,
} as const;

/** The English names in the order the sheets are added to a workbook. */
export const REPORT_SHEET_ORDER: readonly string[] = [
  REPORT_SHEET_NAMES.customerPnl,
  REPORT_SHEET_NAMES.rates,
  REPORT_SHEET_NAMES.summary,
];

/** The line under each title: period, currency and what happens to unused capacity. */
export function noteLine(result: CostingResult, t: ReportText = REPORT_TEXT_EN): string {
  const { period, currency, unusedCapacity } = result.settings;
  return t.common.note({ period, currency: currencyCode(currency), unusedCapacity });
}

/** Plain label of a costing method, for the Rates sheet. */
export function methodLabel(method: 'time' | 'share' | 'rate', t: ReportText = REPORT_TEXT_EN): string {
  return t.common.method[method];
}
