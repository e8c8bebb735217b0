/** Models with estimate ranges for the sensitivity tests, and the engine's run of them. */
import { type Dec, ZERO, dec, roundCents, sum } from '../../../src/engine/decimal';
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

/**
 * Operating profit with capacity resized and today's loss-makers' net profit, from a full run of `model`
 * with row `row` at `value`, made without tornado.ts: the run's operating profit plus today's minus its used
 * minutes at each pool's cost per minute. Null when the changed model has errors.
 */
export function independentRun(model: ModelInput, baseline: CostingResult, row: number, value: Dec): { profit: Dec; lossMakers: Dec } | null {
  const changed = { ...model, activities: model.activities.map((t, i) => (i === row ? { ...t, value } : t)) };
  const { result } = runModel(changed);
  if (result === null) return null;
  let profit = result.totals.operatingProfit;
  for (const pool of result.pools) {
    if (pool.method !== 'time') continue;
    const before = baseline.pools.find((p) => p.pool === pool.pool)!;
    profit = profit.plus(roundCents((before.usedMinutes as Dec).minus(pool.usedMinutes as Dec).times(pool.ratePerMinute as Dec)));
  }
  const losers = new Set(baseline.customers.filter((c) => c.netProfit.lessThan(ZERO)).map((c) => c.customer));
  return { profit, lossMakers: sum(result.customers.filter((c) => losers.has(c.customer)).map((c) => c.netProfit)) };
}

