/**
 * How sure the figures are (issue 21), in one call: the estimates, the tornado (exact), the Monte Carlo
 * ranges per customer and for the company (estimates, in floating point), and the minutes checks.
 */
import { applyFirstStage } from '../first-stage/apply-first-stage';
import type { ModelInput } from '../model';
import type { CostingResult } from '../result';
import { checkMinutes } from './check-minutes';
import { linearCosting } from './coefficients';
import { estimatesOf } from './estimates';
import { simulate } from './simulate';
import { tornadoOf } from './tornado';
import { DEFAULT_SEED, DEFAULT_SIMULATIONS, type SensitivityOptions, type SensitivityResult } from './types';

/**
 * The sensitivity of a costed model. `result` must be `runModel(model).result`. Progress counts the
 * tornado's runs (two per estimate with a range), then the draws. Throws the signal's reason when aborted.
 */
export function analyseSensitivity(model: ModelInput, result: CostingResult, options: SensitivityOptions = {}): SensitivityResult {
  const { onProgress, signal } = options;
  const estimates = estimatesOf(model);
  const simulations = Math.max(1, Math.floor(model.settings.simulations ?? DEFAULT_SIMULATIONS));
  const seed = model.settings.seed ?? DEFAULT_SEED;
  const runs = 2 * estimates.filter((e) => !e.low.equals(e.high)).length;
  const total = runs + simulations;
  let done = 0;
  const tornado = tornadoOf(model, result, estimates, () => {
    if (signal?.aborted === true) throw signal.reason ?? new Error('The sensitivity analysis was stopped.');
    onProgress?.(++done, total);
  });
  const costing = applyFirstStage(model).model;
  const ranges = simulate(linearCosting(costing, result, estimates), result, estimates, {
    simulations,
    seed,
    signal,
    onProgress: (draws) => onProgress?.(runs + draws, total),
  });
  return { estimates, tornado, simulations, seed, ...ranges, checks: checkMinutes(model, result) };
}
