/**
 * What a scenario row's Target names: a driver (quantity, fee), a time term of an activity (minutes) or a
 * pool (capacity), matched as the contract matches names. Validation and the transformation resolve targets
 * through the same functions, so a target that validates is the one that is changed.
 */
import type { Dec } from '../decimal';
import { groupActivities } from '../group-activities';
import { type ModelInput, nameKey } from '../model';

/** A time term of an activity: the activity as first written and the term's driver. */
export interface TermTarget {
  activity: string;
  driver: string;
  minutes: Dec;
}

/** Why a minutes target is not a time term. */
export type TermProblem =
  | { kind: 'unknownActivity'; activity: string; activities: string[] }
  | { kind: 'unknownTerm'; activity: string; driver: string; drivers: string[] }
  | { kind: 'ambiguous'; activity: string; drivers: string[] };

/** A pool a capacity change names, and whether it is time-driven (has a capacity) or split by shares. */
export interface PoolTarget {
  index: number;
  name: string;
  timeDriven: boolean;
}

/** The drivers of ABC_Volumes, as written, in order. */
export function knownDrivers(model: ModelInput): string[] {
  return model.volumeDrivers.map((d) => d.driver);
}

/** The driver of ABC_Volumes a target names, as written there, or null. */
export function resolveDriver(model: ModelInput, target: string): string | null {
  const key = nameKey(target);
  return model.volumeDrivers.find((d) => nameKey(d.driver) === key)?.driver ?? null;
}

/** The time-driven activities: name → terms (driver and minutes). */
function timeActivities(model: ModelInput): Array<{ name: string; terms: Array<{ driver: string; minutes: Dec }> }> {
  return groupActivities(model.activities)
    .filter((g) => g.terms[0]?.kind === 'minutes')
    .map((g) => ({ name: g.name, terms: g.terms.map((t) => ({ driver: t.driver ?? '', minutes: t.value })) }));
}

/**
 * The time term `Activity / Driver` (or `Activity`, when it has one time term) names. An activity's name
 * may itself hold a slash, so the whole text is tried as an activity first, then each split at a slash.
 */
export function resolveTerm(model: ModelInput, target: string): TermTarget | TermProblem {
  const activities = timeActivities(model);
  const byKey = new Map(activities.map((a) => [nameKey(a.name), a]));
  const whole = byKey.get(nameKey(target));
  if (whole !== undefined) {
    const only = whole.terms.length === 1 ? whole.terms[0] : undefined;
    if (only === undefined) return { kind: 'ambiguous', activity: whole.name, drivers: whole.terms.map((t) => t.driver) };
    return { activity: whole.name, driver: only.driver, minutes: only.minutes };
  }
  let named: { activity: string; driver: string; drivers: string[] } | null = null;
  for (let at = target.indexOf('/'); at >= 0; at = target.indexOf('/', at + 1)) {
    const activity = byKey.get(nameKey(target.slice(0, at)));
    if (activity === undefined) continue;
    const driver = target.slice(at + 1).trim();
    const term = activity.terms.find((t) => nameKey(t.driver) === nameKey(driver));
    if (term !== undefined) return { activity: activity.name, driver: term.driver, minutes: term.minutes };
    named ??= { activity: activity.name, driver, drivers: activity.terms.map((t) => t.driver) };
  }
  if (named !== null) return { kind: 'unknownTerm', ...named };
  const slash = target.indexOf('/');
  return { kind: 'unknownActivity', activity: (slash < 0 ? target : target.slice(0, slash)).trim(), activities: activities.map((a) => a.name) };
}

/** True when a term resolution is a problem rather than a term. */
export function isTermProblem(t: TermTarget | TermProblem): t is TermProblem {
  return 'kind' in t;
}

/** The pool a target names, or null. A pool is time-driven as the costing decides it (see costing.ts). */
export function resolvePool(model: ModelInput, target: string): PoolTarget | null {
  const key = nameKey(target);
  const index = model.pools.findIndex((p) => nameKey(p.name) === key);
  const pool = model.pools[index];
  if (pool === undefined) return null;
  const own = model.activities.filter((a) => a.kind !== 'rate' && a.pool !== null && nameKey(a.pool) === key);
  const timeDriven = own.length > 0 ? own[0]?.kind === 'minutes' : pool.capacityMinutes !== null;
  return { index, name: pool.name, timeDriven };
}
