/**
 * The time equations against the minutes paid for: a pool whose equations explain far more minutes than
 * its staff were paid for has minutes per unit that are too high (people estimate the time a task takes
 * generously); far fewer, and the capacity is idle or the equations miss work.
 */
import { ZERO } from '../decimal';
import { type ModelInput, nameKey } from '../model';
import type { CostingResult } from '../result';
import type { PoolCheck } from './types';

/**
 * One check per time-driven pool of the result, in its order: the minutes its time equations explain
 * (today's quantities × minutes per unit, i.e. the pool's used minutes) against FTE × MinutesPerFTE.
 */
export function checkMinutes(model: ModelInput, result: CostingResult): PoolCheck[] {
  const fte = new Map(model.pools.map((p) => [nameKey(p.name), p.fte ?? null]));
  const perFte = model.settings.minutesPerFte ?? null;
  return result.pools
    .filter((p) => p.method === 'time')
    .map((p) => {
      const explainedMinutes = p.usedMinutes ?? ZERO;
      const staff = fte.get(nameKey(p.pool)) ?? null;
      const paidMinutes = staff === null || perFte === null ? null : staff.times(perFte);
      const overstatement = paidMinutes === null || paidMinutes.isZero() ? null : explainedMinutes.dividedBy(paidMinutes);
      return { pool: p.pool, explainedMinutes, paidMinutes, overstatement };
    });
}
