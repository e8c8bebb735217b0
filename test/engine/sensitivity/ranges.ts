/** Models with estimate ranges for the sensitivity tests, and the engine's run of them. */
import { dec } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import type { CostingResult } from '../../../src/engine/result';
import { runModel } from '../../../src/engine/run';
import { type ModelSpec, buildModel } from '../../helpers/model';

type Num = number | string;

/** `spec` as a model with the given rows' ranges (row → [low, high, group?]). */
export function withRanges(spec: ModelSpec, ranges: Record<number, [low: Num, high: Num, group?: string]>): ModelInput {
  const model = buildModel(spec);
  return {
    ...model,
    activities: model.activities.map((term, i) => {
      const range = ranges[i];
      if (range === undefined) return term;
      const [low, high, group] = range;
      return { ...term, range: { low: dec(low), high: dec(high) }, ...(group === undefined ? {} : { group }) };
    }),
  };
}

/** The engine's result of a model that must have no errors. */
export function costed(model: ModelInput): CostingResult {
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(`the model has errors: ${issues.map((i) => i.message).join('; ')}`);
  return result;
}
