/**
 * `--keep` (issue 20): the current result kept as a period in the report workbook's `ABC_History`, on its
 * hidden sheet, the period's earlier copy replaced. Keeping never stops the report: a model without a
 * Period setting, a table of the user's named ABC_History or a history that cannot be told apart by period
 * gives an issue, and the report is written without touching the history.
 */
import { figuresOfResult } from '../engine/compare/figures';
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import type { CostingResult } from '../engine/result';
import { HISTORY_COLUMNS, HISTORY_TABLE, historyRows, mergeHistory, readHistory } from '../workbook/history-layout';
import { historySheet } from '../workbook/history-sheet';
import type { ReportLanguage } from '../workbook/report-text';
import type { ReportSheet } from '../workbook/report-types';
import type { LoadedWorkbook } from '../xlsx/load-workbook';
import { readHistoryTable } from '../xlsx/read-history';

/** What keeping the period gives: the history sheet to write (null: nothing kept), the issues (also of other periods kept), the line to print. */
export interface KeptPeriod {
  sheet: ReportSheet | null;
  issues: Issue[];
  /** The figures of the line "Kept period …" (the period's rows); null when nothing was kept. */
  kept: { period: string; customers: number; rows: number; replaced: boolean } | null;
}

/** Keeps `result` as its Period in the history of `loaded`; see the module comment. */
export async function keepPeriod(loaded: LoadedWorkbook, result: CostingResult, language: ReportLanguage): Promise<KeptPeriod> {
  const period = result.settings.period?.trim() ?? '';
  if (period === '') return { sheet: null, issues: [error('HISTORY_NO_PERIOD', msg('historyNoPeriod', {}), { range: 'ABC_Settings', value: 'Period' })], kept: null };
  const found = await readHistoryTable(loaded);
  if (found !== null && !found.owned) {
    const where = { range: HISTORY_TABLE, sheet: found.grid.sheet };
    return { sheet: null, issues: [error('REPORT_NAME_TAKEN', msg('reportNameTaken', { name: found.grid.name }), where)], kept: null };
  }
  const rows = historyRows(figuresOfResult(result), period);
  const merged = mergeHistory(found?.grid ?? null, period, rows);
  if (merged.issues.length > 0) return { sheet: null, issues: merged.issues, kept: null };
  const sheet = historySheet(merged.rows, language);
  // Other periods' rows are kept as they are; a hand edit that broke one is named at its cell in the new file.
  const others = readHistory({ name: HISTORY_TABLE, sheet: sheet.name, top: 1, left: 1, rows: [[...HISTORY_COLUMNS], ...merged.rows] }).issues;
  return {
    sheet,
    issues: others,
    kept: { period, customers: result.customers.length, rows: rows.length, replaced: merged.replaced > 0 },
  };
}
