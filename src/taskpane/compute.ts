/**
 * The computation the task pane runs in its Web Worker: from the ranges read out of the workbook to the
 * issues, the JSON result (plain numbers, for the figures and the whale curve) and the report sheets to
 * write. Everything it returns is plain data, so it crosses the worker boundary by structured clone;
 * decimal.js values never leave the worker.
 */
import type { Issue } from '../engine/issues';
import type { ContractRangeName, RangeSummary } from '../workbook/contract';
import { analyseWorkbook } from '../workbook/analyse';
import type { RangeGrid } from '../workbook/grid';
import type { CostingResult } from '../engine/result';
import { type ReportLanguage, buildReportSheets } from '../workbook/report-layout';
import { buildStatementSheets, closeCustomers, findCustomer } from '../workbook/report-statement';
import { reportSheetNames } from '../workbook/report-text';
import type { ReportSheet } from '../workbook/report-types';
import { type ResultJson, resultToJson } from '../workbook/result-json';

/** What the pane sends: the grids read and the problems found while reading. */
export interface ComputeRequest {
  grids: Array<[ContractRangeName, RangeGrid]>;
  readIssues: Issue[];
  broken: ContractRangeName[];
  /** The report's language when the workbook's `Language` setting names none: the pane's (Office's display language). */
  language?: ReportLanguage;
}

/** What comes back. `json` and `sheets` are null when the model has errors. */
export interface ComputeOutput {
  ranges: RangeSummary[];
  issues: Issue[];
  json: ResultJson | null;
  sheets: ReportSheet[] | null;
  currency: string;
  /** The language the report sheets are in: the workbook's setting, else the request's, else English. */
  language: ReportLanguage;
  /** Milliseconds of computation, measured where it ran. */
  computeMs: number;
}

/** Runs the contract reader and the engine, and lays out the report. */
export function computeModel(request: ComputeRequest, now: () => number = () => Date.now()): ComputeOutput {
  return computeWithResult(request, now).output;
}

/** The output and, when the model has no errors, the exact result it came from (which stays where it was computed). */
function computeWithResult(request: ComputeRequest, now: () => number): { output: ComputeOutput; result: CostingResult | null } {
  const started = now();
  const analysis = analyseWorkbook(new Map(request.grids));
  const broken = new Set<string>(request.broken);
  // A name that exists but is not a range was reported by the reader; "missing" would mislead.
  const issues = [
    ...request.readIssues,
    ...analysis.issues.filter((i) => !(i.code === 'MISSING_RANGE' && broken.has(i.where.range ?? ''))),
  ];
  const hasErrors = issues.some((i) => i.severity === 'error');
  const result = hasErrors ? null : analysis.result;
  const json = result === null ? null : resultToJson({ issues, result });
  // The workbook's setting wins, as it does over the runner's --lang.
  const language = analysis.settings.language ?? request.language ?? 'en';
  const sheets = result === null ? null : buildReportSheets(result, language);
  const output = {
    ranges: analysis.ranges,
    issues,
    json,
    sheets,
    currency: result?.settings.currency ?? 'EUR',
    language,
    computeMs: now() - started,
  };
  return { output, result };
}

/** One customer's statement, or why there is none. */
export type StatementOutput =
  | { ok: true; sheet: ReportSheet; currency: string }
  | { ok: false; reason: 'noModel' }
  | { ok: false; reason: 'unknownCustomer'; close: string[] };

/**
 * A computation that remembers its last exact result, so a statement is laid out from the very figures
 * the pane shows without the decimal values ever leaving the worker (or recomputing).
 */
export class ComputeSession {
  private last: { result: CostingResult; language: ReportLanguage; currency: string } | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Computes as `computeModel` does and keeps the result; a model with errors forgets the previous one. */
  compute(request: ComputeRequest): ComputeOutput {
    const { output, result } = computeWithResult(request, this.now);
    this.last = result === null ? null : { result, language: output.language, currency: output.currency };
    return output;
  }

  /**
   * The statement sheet of `customer` (its id, or a name only one customer has) from the last result, in
   * that result's language. Its name keeps clear of the report's other sheets; a sheet of the user's with
   * the same name is refused by the writer, which names it.
   */
  statement(customer: string): StatementOutput {
    if (this.last === null) return { ok: false, reason: 'noModel' };
    const { result, language, currency } = this.last;
    const found = findCustomer(result, customer);
    if (found === null) return { ok: false, reason: 'unknownCustomer', close: closeCustomers(result, customer) };
    const taken = Object.values(reportSheetNames(language));
    const [sheet] = buildStatementSheets(result, [found], language, taken);
    if (sheet === undefined) throw new Error(`No statement was laid out for customer ${found.customer}.`);
    return { ok: true, sheet, currency };
  }
}
