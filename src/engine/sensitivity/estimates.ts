/**
 * The model's estimates: every `ABC_Activities` row whose Minutes, Share or Rate has a plausible range,
 * its own (the Low and High cells) or else the `DefaultRange` setting.
 */
import { ONE } from '../decimal';
import type { ActivityTermInput, ModelInput } from '../model';
import type { Estimate } from './types';

/**
 * The estimates of a model, in the order of its activity rows; a row with neither a range nor a
 * `DefaultRange` has none. Throws a RangeError for a range that does not hold its value (Low ≤ value ≤
 * High), which the workbook contract reports as an error before. DefaultRange's High is not capped: a Share can then reach beyond what the
 * pool's other shares leave (the tornado says what that High would do, see tornado.ts).
 */
export function estimatesOf(model: ModelInput): Estimate[] {
  const estimates: Estimate[] = [];
  model.activities.forEach((term, row) => {
    const range = rangeOf(term, model);
    if (range === null) return;
    // The contract reports such a range as an error; a model built otherwise must not get here with one.
    if (range.low.greaterThan(term.value) || range.high.lessThan(term.value)) {
      throw new RangeError(`The range ${range.low.toString()}–${range.high.toString()} of activity row ${row + 1} does not hold its value ${term.value.toString()}.`);
    }
    estimates.push({
      row,
      activity: term.activity,
      pool: term.pool,
      driver: term.driver,
      kind: term.kind,
      value: term.value,
      low: range.low,
      high: range.high,
      group: term.group ?? null,
      where: term.range?.where ?? term.where,
    });
  });
  return estimates;
}

function rangeOf(term: ActivityTermInput, model: ModelInput): { low: Estimate['low']; high: Estimate['high'] } | null {
  if (term.range !== undefined) return term.range;
  const fallback = model.settings.defaultRange;
  if (fallback === undefined) return null;
  return { low: term.value.times(ONE.minus(fallback.below)), high: term.value.times(ONE.plus(fallback.above)) };
}
