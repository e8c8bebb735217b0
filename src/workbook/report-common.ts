/**
 * What the three report sheets share: their names (a public interface: users, the add-in and the runner
 * find the sheets by them) and the note line under each title.
 */
import type { CostingResult } from '../engine/result';
import { currencyCode } from './report-format';

/** The report sheets' names, each at most 31 characters as Excel requires. */
export const REPORT_SHEET_NAMES = {
  customerPnl: 'ABC Customer P&L',
  rates: 'ABC Rates',
  summary: 'ABC Summary',
} as const;

/** The names in the order the sheets are added to a workbook. */
export const REPORT_SHEET_ORDER: readonly string[] = [
  REPORT_SHEET_NAMES.customerPnl,
  REPORT_SHEET_NAMES.rates,
  REPORT_SHEET_NAMES.summary,
];

/** The line under each title: period, currency and what happens to unused capacity. */
export function noteLine(result: CostingResult): string {
  const { period, currency, unusedCapacity } = result.settings;
  const unused =
    unusedCapacity === 'assign'
      ? 'unused capacity charged to customers in proportion to the minutes they used'
      : 'unused capacity reported separately, not charged to customers';
  return `Period: ${period ?? '(not set)'} · Currency: ${currencyCode(currency)} · ${unused}`;
}

/** Plain label of a costing method, for the Rates sheet. */
export function methodLabel(method: 'time' | 'share' | 'rate'): string {
  switch (method) {
    case 'time':
      return 'Time-driven';
    case 'share':
      return 'Share of pool';
    case 'rate':
      return 'Rate';
  }
}
