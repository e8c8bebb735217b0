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
import { type ReportLanguage, buildReportSheets } from '../workbook/report-layout';
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
  return {
    ranges: analysis.ranges,
    issues,
    json,
    sheets,
    currency: result?.settings.currency ?? 'EUR',
    language,
    computeMs: now() - started,
  };
}
