/**
 * The computation the task pane runs in its Web Worker: from the ranges read out of the workbook to the
 * issues, the JSON result (plain numbers, for the figures and the whale curve) and the report sheets to
 * write. Everything it returns is plain data, so it crosses the worker boundary by structured clone, the
 * report sheets packed into transferred typed arrays (sheet-columns.ts); decimal.js values never leave
 * the worker.
 */
import { figuresOfResult } from '../engine/compare/figures';
import { type Issue, hasErrors } from '../engine/issues';
import { type ModelInput, nameKey } from '../engine/model';
import { runScenarios } from '../engine/scenarios/run-scenarios';
import { type ScenarioFiguresJson, scenarioFiguresOf, scenarioNamesOf } from '../functions/scenario-figures';
import type { ScenarioLoad } from '../functions/scenario-source';
import type { ContractRangeName, RangeSummary } from '../workbook/contract';
import { analyseWorkbook } from '../workbook/analyse';
import type { ContractGrid } from '../workbook/column-grid';
import type { CostingResult } from '../engine/result';
import { type ReportLanguage, buildReportSheets } from '../workbook/report-layout';
import { buildWithinTextLimit } from '../workbook/report-text-limit';
import { buildScenarioSheet } from '../workbook/report-scenarios';
import { buildStatementSheets, closeCustomers, findCustomer } from '../workbook/report-statement';
import { reportSheetNames } from '../workbook/report-text';
import type { ReportSheet } from '../workbook/report-types';
import { type PeriodFiguresJson, periodFiguresToJson } from '../workbook/period-figures-json';
import { type SensitivityFiguresJson, sensitivityToJson } from '../functions/sensitivity-figures';
import { type ResultJson, resultToJson } from '../workbook/result-json';
import { type CostFlowView, costFlowView } from './cost-flow-view';
import type { PackedGrid } from './grid-columns';
import { type AnalyseLoader, loadAnalyse } from './sensitivity-engine';
import { type PackedSheets, packSheets, unpackSheets } from './sheet-columns';

/** What the pane sends: the grids read and the problems found while reading. */
export interface ComputeRequest {
  /** By rows as read, or by columns as they crossed to the worker (grid-columns.ts): the contract reader takes both. */
  grids: Array<[ContractRangeName, ContractGrid]>;
  readIssues: Issue[];
  broken: ContractRangeName[];
  /** The report's language when the workbook's `Language` setting names none: the pane's (Office's display language). */
  language?: ReportLanguage;
  /** Customer ids of the statements already in the workbook: laid out again with the report (see ReadOutcome.statements). */
  statements?: string[];
  /**
   * False when the report sheets will not be written (Check, following an edit, a statement): laying out
   * 5,000 customers' sheets takes longer than the costing, so they are skipped and `sheets` is null.
   */
  report?: boolean;
}

/** A compute request whose grids travel as typed arrays (grid-columns.ts). */
export interface PackedComputeRequest extends Omit<ComputeRequest, 'grids'> {
  grids: Array<[ContractRangeName, PackedGrid]>;
}

/** What comes back. `json` and `sheets` are null when the model has errors; `sheets` also when the request asked for no report. */
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
  /** The workbook's scenarios (ABC_Scenarios), in the order of their first row; empty when none or the model has errors. */
  scenarios: string[];
  /** The cost flow and the support methods side by side, in the pane's language; null without ledger and support pools (or with errors). */
  costFlow: CostFlowView | null;
  /** Which computation of its session this is, so a later request can tell whether it is still the latest. */
  resultId: number;
}

/** The output as the worker posts it: the report sheets packed into typed arrays (sheet-columns.ts). */
export interface PackedComputeOutput extends Omit<ComputeOutput, 'sheets'> {
  sheets: PackedSheets | null;
}

/** The steps of a computation, timed for the bench (see ComputeSession's `onStep`). */
export type ComputeStep = 'analyse' | 'json' | 'sheets' | 'pack';

/** Reports how long a step took. */
export type StepTimer = (step: ComputeStep, ms: number) => void;

/** The output the pane uses, from the one the worker posted. */
export function unpackComputeOutput(output: PackedComputeOutput): ComputeOutput {
  return { ...output, sheets: output.sheets === null ? null : unpackSheets(output.sheets) };
}

/**
 * The statements of an earlier run, laid out again from this result so none keeps old figures; the
 * statement of a customer no longer in the model is emptied with one line saying so.
 */
function earlierStatements(result: CostingResult, ids: readonly string[], language: ReportLanguage, report: readonly ReportSheet[]): ReportSheet[] {
  if (ids.length === 0) return [];
  const byId = new Map(result.customers.map((c) => [c.customer, c]));
  const found = [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  const gone = [...new Set(ids)].filter((id) => !byId.has(id));
  return buildStatementSheets(result, found, language, report.map((s) => s.name), undefined, gone);
}

/** Runs the contract reader and the engine, and lays out the report. */
export function computeModel(request: ComputeRequest, now: () => number = () => Date.now()): ComputeOutput {
  return computeWithResult(request, now).output;
}

/** The output and, when the model has no errors, the exact result it came from (which stays where it was computed). */
function computeWithResult(
  request: ComputeRequest,
  now: () => number,
  resultId = 0,
  onStep?: StepTimer,
): { output: ComputeOutput; result: CostingResult | null; model: ModelInput } {
  const started = now();
  let mark = started;
  const step = (name: ComputeStep): void => {
    const at = now();
    onStep?.(name, at - mark);
    mark = at;
  };
  const analysis = analyseWorkbook(new Map(request.grids));
  step('analyse');
  const broken = new Set<string>(request.broken);
  // A name that exists but is not a range was reported by the reader; "missing" would mislead.
  const issues = [
    ...request.readIssues,
    ...analysis.issues.filter((i) => !(i.code === 'MISSING_RANGE' && broken.has(i.where.range ?? ''))),
  ];
  const hasErrors = issues.some((i) => i.severity === 'error');
  const result = hasErrors ? null : analysis.result;
  // The workbook's setting wins, as it does over the runner's --lang.
  const language = analysis.settings.language ?? request.language ?? 'en';
  // Texts beyond an Excel cell's 32,767 characters are cut, with a warning the pane shows as the runner prints it.
  const built = result === null || request.report === false ? null : buildWithinTextLimit(result, (shown) => buildReportSheets(shown, language));
  if (built !== null) issues.push(...built.issues);
  const report = built?.sheets ?? null;
  const sheets = result === null || report === null ? null : [...report, ...earlierStatements(result, request.statements ?? [], language, report)];
  step('sheets');
  const json = result === null ? null : resultToJson({ issues, result });
  step('json');
  const output = {
    ranges: analysis.ranges,
    issues,
    json,
    sheets,
    currency: result?.settings.currency ?? 'EUR',
    language,
    computeMs: now() - started,
    scenarios: result === null ? [] : scenarioNamesOf(analysis.model.scenarios),
    // In the pane's language, as the pane's own texts around it.
    costFlow: result === null ? null : costFlowView(result, request.language ?? language),
    resultId,
  };
  return { output, result, model: analysis.model };
}

/** One customer's statement, or why there is none. */
export type StatementOutput =
  | { ok: true; sheet: ReportSheet; currency: string }
  | { ok: false; reason: 'noModel' }
  | { ok: false; reason: 'unknownCustomer'; close: string[] };

/** The scenarios the pane ran, with their figures and the sheet to write, or why there are none. */
export type ScenariosOutput =
  | { ok: true; figures: ScenarioFiguresJson[]; sheet: ReportSheet; currency: string }
  | { ok: false; reason: 'noModel' | 'noScenarios' | 'noneChosen' }
  | { ok: false; reason: 'unknownScenarios'; names: string[] }
  | { ok: false; reason: 'errors'; issues: Issue[] };

/** The sensitivity of a result (issue 21), or why there is none: no result, or `resultId` is no longer the last. */
export type SensitivityOutput =
  | { ok: true; figures: SensitivityFiguresJson; currency: string; resultId: number }
  | { ok: false; reason: 'noModel' | 'stale' };

/** How far the simulation is: `done` of `total` draws. */
export interface SensitivityProgress {
  done: number;
  total: number;
}

/** What a session can be given besides its clock. */
export interface SessionOptions {
  /** Loads the sensitivity analyser (sensitivity-engine.ts by default; tests inject theirs). */
  analyse?: AnalyseLoader;
}

/**
 * A computation that remembers its last exact result, so a statement is laid out from the very figures
 * the pane shows without the decimal values ever leaving the worker (or recomputing).
 */
export class ComputeSession {
  private last: {
    result: CostingResult;
    model: ModelInput;
    language: ReportLanguage;
    currency: string;
    id: number;
    scenarios: ScenarioLoad | null;
    sensitivity: SensitivityFiguresJson | null;
  } | null = null;
  private computed = 0;
  private readonly loadAnalyse: AnalyseLoader;

  /** `onStep`, when given, hears how long each step of a computation took. */
  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly onStep?: StepTimer,
    options: SessionOptions = {},
  ) {
    this.loadAnalyse = options.analyse ?? loadAnalyse;
  }

  /** Computes as `computeModel` does and keeps the result; a model with errors forgets the previous one. */
  compute(request: ComputeRequest): ComputeOutput {
    this.computed += 1;
    const { output, result, model } = computeWithResult(request, this.now, this.computed, this.onStep);
    this.last =
      result === null ? null : { result, model, language: output.language, currency: output.currency, id: this.computed, scenarios: null, sensitivity: null };
    return output;
  }

  /**
   * Computes a request whose grids came as typed arrays, read as they are (no rows are made again), and
   * packs the report sheets for the reply; `transfer` lists the buffers to hand over with it.
   * `computeMs` includes the packing.
   */
  computePacked(request: PackedComputeRequest): { output: PackedComputeOutput; transfer: ArrayBuffer[] } {
    const started = this.now();
    const output = this.compute(request);
    const packAt = this.now();
    const sheets = output.sheets === null ? null : packSheets(output.sheets);
    const done = this.now();
    this.onStep?.('pack', done - packAt);
    return { output: { ...output, sheets: sheets?.packed ?? null, computeMs: done - started }, transfer: sheets?.transfer ?? [] };
  }

  /**
   * Runs the scenarios named (by their Scenario name, any case) on the last result and lays out the
   * scenarios sheet in that result's language. Rows of the other scenarios are left out, so they cost
   * nothing and their problems do not stop these.
   */
  scenarios(names: readonly string[]): ScenariosOutput {
    if (this.last === null) return { ok: false, reason: 'noModel' };
    const { result, model, language, currency } = this.last;
    const known = new Set(scenarioNamesOf(model.scenarios).map(nameKey));
    if (known.size === 0) return { ok: false, reason: 'noScenarios' };
    const chosen = new Set(names.map(nameKey));
    if (chosen.size === 0) return { ok: false, reason: 'noneChosen' };
    const unknown = names.filter((n) => !known.has(nameKey(n)));
    if (unknown.length > 0) return { ok: false, reason: 'unknownScenarios', names: unknown };
    const rows = (model.scenarios ?? []).filter((r) => chosen.has(nameKey(r.scenario)));
    const run = runScenarios({ ...model, scenarios: rows }, result);
    if (hasErrors(run.issues)) return { ok: false, reason: 'errors', issues: run.issues };
    return { ok: true, figures: run.outcomes.map(scenarioFiguresOf), sheet: buildScenarioSheet(run.outcomes, result, language), currency };
  }

  /**
   * Every scenario's figures for the worksheet functions, computed once per result; null when `resultId`
   * is no longer the last result (the functions then wait for the newer one's).
   */
  scenarioFigures(resultId: number): ScenarioLoad | null {
    const last = this.last;
    if (last === null || last.id !== resultId) return null;
    if (last.scenarios === null) {
      const run = runScenarios(last.model, last.result);
      last.scenarios = { figures: run.outcomes.map(scenarioFiguresOf), issues: run.issues };
    }
    return last.scenarios;
  }

  /**
   * This period's figures for a comparison (issue 20), exactly, from result `resultId`; null when it is no
   * longer the last result (or the model has errors): the caller computes again rather than compare an older model.
   */
  periodFigures(resultId: number): PeriodFiguresJson | null {
    const last = this.last;
    if (last === null || last.id !== resultId) return null;
    return periodFiguresToJson(figuresOfResult(last.result));
  }

  /**
   * The sensitivity of result `resultId` (null: of the last result, whichever it is), analysed once per
   * result with the model's Seed and Simulations, so the pane's view and the worksheet functions show the
   * same draws. Progress comes at most once per whole percent; `signal` is handed to the engine.
   */
  async sensitivity(resultId: number | null, onProgress?: (progress: SensitivityProgress) => void, signal?: AbortSignal): Promise<SensitivityOutput> {
    const last = this.last;
    if (last === null) return { ok: false, reason: 'noModel' };
    if (resultId !== null && last.id !== resultId) return { ok: false, reason: 'stale' };
    if (last.sensitivity === null) {
      const analyse = await this.loadAnalyse();
      let shown = -1;
      const progress = (done: number, total: number): void => {
        const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
        if (percent === shown) return;
        shown = percent;
        onProgress?.({ done, total });
      };
      last.sensitivity = sensitivityToJson(analyse(last.model, last.result, { onProgress: progress, ...(signal === undefined ? {} : { signal }) }));
    }
    return { ok: true, figures: last.sensitivity, currency: last.currency, resultId: last.id };
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
