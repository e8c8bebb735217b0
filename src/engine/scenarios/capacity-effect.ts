/**
 * What a scenario does to the time-driven pools: minutes used before and after, the minutes freed (or
 * needed), their equivalent in full-time staff and their cost. Freed minutes cost the same until the
 * capacity is resized: that cost is what resizing would save.
 */
import { type Dec, roundCents } from '../decimal';
import { type ModelInput, nameKey } from '../model';
import type { CostingResult } from '../result';
import type { ScenarioPoolEffect } from './types';

/**
 * The effect on every time-driven pool, in the order of ABC_Pools. Freed staff: freed minutes × the pool's
 * FTE ÷ its capacity when the pool gives FTE, else freed minutes ÷ MinutesPerFTE, else unknown (null).
 */
export function poolEffects(model: ModelInput, before: CostingResult, after: CostingResult): ScenarioPoolEffect[] {
  const inputs = new Map(model.pools.map((p) => [nameKey(p.name), p]));
  const afterPools = new Map(after.pools.map((p) => [nameKey(p.pool), p]));
  const effects: ScenarioPoolEffect[] = [];
  for (const pool of before.pools) {
    const changed = afterPools.get(nameKey(pool.pool));
    if (pool.method !== 'time' || changed === undefined) continue;
    const capacityBefore = pool.capacityMinutes as Dec;
    const usedBefore = pool.usedMinutes as Dec;
    const usedAfter = changed.usedMinutes as Dec;
    const freedMinutes = usedBefore.minus(usedAfter);
    const fte = inputs.get(nameKey(pool.pool))?.fte ?? null;
    const perFte = model.settings.minutesPerFte;
    const freedFte =
      fte !== null && !capacityBefore.isZero()
        ? freedMinutes.times(fte).dividedBy(capacityBefore)
        : perFte !== undefined && perFte.isPositive()
          ? freedMinutes.dividedBy(perFte)
          : null;
    effects.push({
      pool: pool.pool,
      capacityBefore,
      capacityAfter: changed.capacityMinutes as Dec,
      usedBefore,
      usedAfter,
      freedMinutes,
      freedFte,
      freedCost: roundCents(freedMinutes.times(changed.ratePerMinute as Dec)),
    });
  }
  return effects;
}
