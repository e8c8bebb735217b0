/**
 * The engine's entry point: validate, then compute and round. Pure, so it runs unchanged in Node,
 * in the task pane, in a Web Worker and in the custom-functions runtime.
 */
import { computeExact } from './costing';
import { type Issue, hasErrors } from './issues';
import type { ModelInput } from './model';
import type { CostingResult } from './result';
import { roundResult } from './round-result';
import { validateModel } from './validate';

/** What a run gives: the result (null when the model has errors) and every error and warning. */
export interface RunOutcome {
  result: CostingResult | null;
  issues: Issue[];
}

/**
 * Validates the model and, when it has no errors, computes the per-customer P&L.
 * `priorIssues` are problems already found while reading the workbook; when any of them is an error,
 * nothing is computed, but the model's own checks still run so that every problem is reported at once.
 */
export function runModel(model: ModelInput, priorIssues: readonly Issue[] = []): RunOutcome {
  const issues = [...priorIssues, ...validateModel(model)];
  if (hasErrors(issues)) return { result: null, issues };
  const result = roundResult(model, computeExact(model));
  result.issues = [...issues, ...result.issues];
  return { result, issues: result.issues };
}
