/**
 * Groups the rows of `ABC_Activities` into activities: several rows of one activity are the terms of its
 * cost equation. Used by validation and by the computation, so that both see the same activities.
 */
import type { ActivityTermInput } from './model';
import { nameKey } from './model';

/** The rows of one activity, in the order they appear. */
export interface ActivityGroup {
  key: string;
  /** The activity's name as first written. */
  name: string;
  terms: ActivityTermInput[];
}

/** Groups activity rows by activity name (matched as the contract matches names), keeping first-seen order. */
export function groupActivities(rows: readonly ActivityTermInput[]): ActivityGroup[] {
  const groups = new Map<string, ActivityGroup>();
  for (const row of rows) {
    const key = nameKey(row.activity);
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, name: row.activity.trim(), terms: [] };
      groups.set(key, group);
    }
    group.terms.push(row);
  }
  return [...groups.values()];
}
