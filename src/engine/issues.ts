/**
 * Problems found in a model: each has a stable code (tests and outside tools rely on it), a plain message
 * for the controller, and where it is, so the add-in can select the cell and the runner can print it.
 * The message is kept as data too (`text`), so the task pane can show it in the user's language.
 */
import { type MessageText, renderMessage, verbatim } from './messages';

/** Errors stop a run; warnings are reported with the results. */
export type Severity = 'error' | 'warning';

import type { Where } from './where';
export type { Where } from './where';

/** One problem in a model. */
export interface Issue {
  severity: Severity;
  code: IssueCode;
  /** The message in English: what the runner prints, the JSON carries and the summary sheet lists. */
  message: string;
  /** The same message as an id with its values, for rendering in another language (see messages.ts). */
  text: MessageText;
  where: Where;
}

/** Every problem the project can report. Adding one is fine; renaming one breaks users' tools. */
export type IssueCode =
  // the workbook contract
  | 'MISSING_RANGE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NEAR_MISS_HEADER'
  | 'EMPTY_RANGE'
  | 'NOT_A_NUMBER'
  | 'ERROR_VALUE'
  | 'NEGATIVE_VALUE'
  | 'CAPACITY_NOT_POSITIVE'
  | 'MISSING_VALUE'
  | 'INVALID_UNIT'
  | 'INVALID_SETTING'
  | 'UNKNOWN_SETTING'
  | 'FORMULA_NOT_CALCULATED'
  | 'STORED_VALUE_NOT_A_NUMBER'
  | 'PERCENT_FOR_AMOUNT'
  | 'AMBIGUOUS_NUMBER_TEXT'
  | 'NUMBER_OUT_OF_RANGE'
  | 'COST_OUT_OF_RANGE'
  | 'NO_SHARE_OR_QUANTITY'
  | 'SHARE_AND_QUANTITY'
  | 'SHARE_OUT_OF_RANGE'
  | 'RANGE_LOW_ABOVE_ESTIMATE'
  | 'RANGE_HIGH_BELOW_ESTIMATE'
  | 'RANGE_INCOMPLETE'
  // the model's consistency
  | 'DUPLICATE_POOL'
  | 'DUPLICATE_CUSTOMER'
  | 'UNKNOWN_POOL'
  | 'POOL_ON_RATE_ROW'
  | 'MISSING_POOL'
  | 'MISSING_CAPACITY'
  | 'NO_METHOD'
  | 'SEVERAL_METHODS'
  | 'MIXED_METHODS_IN_POOL'
  | 'MIXED_METHODS_IN_ACTIVITY'
  | 'ACTIVITY_IN_SEVERAL_POOLS'
  | 'SEVERAL_SHARES_FOR_ACTIVITY'
  | 'SHARES_OVER_ONE'
  | 'MISSING_DRIVER'
  | 'DRIVER_WITHOUT_VOLUMES'
  | 'UNKNOWN_CUSTOMER'
  // what-if scenarios (ABC_Scenarios)
  | 'INVALID_SCENARIO_CHANGE'
  | 'INVALID_SCENARIO_SCOPE'
  | 'UNKNOWN_SCENARIO_TARGET'
  | 'INVALID_SCENARIO_VALUE'
  // support pools (ABC_Support)
  | 'SUPPORT_TO_ITSELF'
  | 'SUPPORT_MIXED_BASIS'
  | 'SUPPORT_QUANTITIES_ZERO'
  | 'SUPPORT_POOL_HAS_ACTIVITIES'
  | 'SUPPORT_CLOSED_LOOP'
  // the ledger (ABC_Resources)
  | 'POOL_COST_NOT_LEDGER'
  | 'NO_LEDGER_LINES'
  // comparing two periods (issue 20)
  | 'COMPARE_CURRENCY'
  | 'COMPARE_SAME_LABEL'
  | 'COMPARE_ID_CHANGED'
  | 'COMPARE_NOT_A_RESULT'
  | 'COMPARE_EARLIER_FAILED'
  | 'COMPARE_JSON_WITHOUT_QUANTITIES'
  // warnings
  | 'OVER_CAPACITY'
  | 'ZERO_DRIVER_QUANTITY'
  | 'UNUSED_POOL'
  | 'UNUSED_VOLUME_DRIVER'
  | 'UNUSED_NOT_ASSIGNABLE'
  | 'CAPACITY_IGNORED'
  | 'LOW_CAPACITY_USE'
  | 'PAID_MINUTES_GAP'
  | 'REVENUE_WITHOUT_VOLUMES'
  | 'VOLUMES_WITHOUT_REVENUE'
  // the headless runner
  | 'INVALID_RANGE_REFERENCE'
  | 'AMBIGUOUS_RANGE_NAME'
  | 'REPORT_SHEET_TAKEN'
  | 'REPORT_NAME_TAKEN'
  // the add-in's host
  | 'DATE_SYSTEM_UNKNOWN'
  // the report
  | 'TEXT_CUT'
  // periods kept in ABC_History (issue 20)
  | 'HISTORY_NO_PERIOD'
  | 'HISTORY_UNREADABLE'
  | 'HISTORY_TOO_LARGE';

/**
 * Makes an error from a catalog message (`msg(...)`); its English rendering becomes `message`. A plain
 * string is taken as it is, in every language (for tests and tools; the project's own problems use ids).
 */
export function error(code: IssueCode, text: MessageText | string, where: Where = {}): Issue {
  return make('error', code, text, where);
}

/** Makes a warning; see `error`. */
export function warning(code: IssueCode, text: MessageText | string, where: Where = {}): Issue {
  return make('warning', code, text, where);
}

function make(severity: Severity, code: IssueCode, text: MessageText | string, where: Where): Issue {
  const data = typeof text === 'string' ? verbatim(text) : text;
  return { severity, code, message: renderMessage(data, 'en'), text: data, where };
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * The location as one line for people: `Pools!B3 (ABC_Pools)`, `ABC_Volumes`, or `driver "Rush orders"`.
 * Sheet names that need quoting in Excel are quoted the same way, so the text can be pasted into the Name Box.
 */
export function formatWhere(where: Where): string | null {
  const parts: string[] = [];
  if (where.sheet !== undefined && where.cell !== undefined) {
    parts.push(`${quoteSheet(where.sheet)}!${where.cell}`);
    if (where.range !== undefined) parts.push(`(${where.range})`);
  } else if (where.range !== undefined) {
    parts.push(where.range);
  }
  if (where.value !== undefined) parts.push(where.value);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Quotes a sheet name as Excel does in references when it holds anything but letters, digits and underscores. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
