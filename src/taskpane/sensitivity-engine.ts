/**
 * Where the pane's worker finds the sensitivity analysis (issue 21): the one place that names the engine's
 * `analyseSensitivity`. Tests inject their own analyser into `ComputeSession` instead.
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

/**
 * The engine's analyser. Until src/engine/sensitivity/analyse.ts is on this branch it says so instead of
 * answering. At the merge: `import { analyseSensitivity } from '../engine/sensitivity/analyse'` and
 * `async () => analyseSensitivity`. A lazy `import()` here fails in the built worker ("document is not
 * defined": webpack loads the worker's chunks by script tag) unless the worker entry in webpack.config.js
 * gets `chunkLoading: 'import-scripts'`.
 */
export const loadAnalyse: AnalyseLoader = () => Promise.reject(new Error('The sensitivity analysis is not in this build of the add-in yet.'));
