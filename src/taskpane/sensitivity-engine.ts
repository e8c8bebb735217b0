/**
 * Where the pane's worker finds the sensitivity analysis (issue 21): the one place that names the engine's
 * `analyseSensitivity`, loaded when first run so the pane's first computation does not wait for it. Tests
 * inject their own analyser into `ComputeSession` instead.
 */
import type { ModelInput } from '../engine/model';
import type { CostingResult } from '../engine/result';
import type { SensitivityResult } from '../engine/sensitivity/types';

/** What the engine's `analyseSensitivity` (src/engine/sensitivity/analyse.ts) looks like. */
export type Analyse = (
  model: ModelInput,
  result: CostingResult,
  options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
) => SensitivityResult;

/** Loads the analyser once it is wanted. */
export type AnalyseLoader = () => Promise<Analyse>;

/** The engine's analyser, loaded when first run. */
export const loadAnalyse: AnalyseLoader = () => import('../engine/sensitivity/analyse').then((m) => m.analyseSensitivity);
