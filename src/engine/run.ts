/**
 * The engine's entry point: validate, then compute and round. Pure, so it runs unchanged in Node,
 * in the task pane, in a Web Worker and in the custom-functions runtime.
 */
import { computeExact } from './costing';
import { applyFirstStage } from './first-stage/apply-first-stage';
import { settleFirstStage } from './first-stage/settle-totals';
import { type Issue, hasErrors } from './issues';
import type { ModelInput } from './model';
import { plausibilityWarnings } from './plausibility';
import type { CostingResult } from './result';
import { roundResult } from './round-result';
import { validateModel } from './validate';

/** What a run gives: the result (null when the model has errors) and every error and warning. */
export interface RunOutcome {
  result: CostingResult | null;
  issues: Issue[];
}

/** How to compute: `plain` computes every cell with decimals (the reference the fast kernel is tested against). */
export interface RunOptions {
  plain?: boolean;
  /** `false`: leave out the plausibility warnings, for a caller that keeps only errors (a scenario's run). */
  plausibility?: boolean;
}

/**
 * Validates the model and, when it has no errors, computes the per-customer P&L.
 * `priorIssues` are problems already found while reading the workbook; when any of them is an error,
 * nothing is computed, but the model's own checks still run so that every problem is reported at once.
 * A model with a ledger or support pools first passes through the first stage (first-stage/), and the
 * costing works with the operating pools' cost after support.
 * The fast kernel gives the plain path's result to the cent; it gives way to it for figures too large.
 * A computed result carries the plausibility warnings too (see plausibility.ts).
 */
export function runModel(model: ModelInput, priorIssues: readonly Issue[] = [], options: RunOptions = {}): RunOutcome {
  const stage = applyFirstStage(model);
  const costed = stage.model;
  const issues = [...priorIssues, ...stage.issues, ...validateModel(costed)];
  if (hasErrors(issues)) return { result: null, issues };
  const fast = options.plain === true ? null : roundResult(costed, computeExact(costed, true), true);
  const result = fast ?? (roundResult(costed, computeExact(costed)) as CostingResult);
  if (stage.firstStage !== null) settleFirstStage(result, stage.firstStage);
  const plausibility = options.plausibility === false ? [] : plausibilityWarnings(costed, result);
  result.issues = [...issues, ...result.issues, ...plausibility];
  return { result, issues: result.issues };
}
