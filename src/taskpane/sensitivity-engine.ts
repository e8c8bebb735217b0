/**
 * Where the pane's worker finds the sensitivity analysis (issue 21): the one place that names the engine's
 * `analyseSensitivity`. Tests inject their own analyser into `ComputeSession` instead.
 */
import type { ModelInput } from '../engine/model';
import type { CostingResult } from '../engine/result';
import type { SensitivityResult } from '../engine/sensitivity/types';
import { analyseSensitivity } from '../engine/sensitivity/analyse';

/** What the engine's `analyseSensitivity` (src/engine/sensitivity/analyse.ts) looks like. */
export type Analyse = (
  model: ModelInput,
  result: CostingResult,
  options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
) => SensitivityResult;

/** Loads the analyser once it is wanted. */
export type AnalyseLoader = () => Promise<Analyse>;

/**
 * The engine's analyser. Imported statically: a dynamic import() in the worker would load its chunk the
 * way a page does (document is not defined in a worker), and the worker is where it runs.
 */
export const loadAnalyse: AnalyseLoader = async () => analyseSensitivity;
