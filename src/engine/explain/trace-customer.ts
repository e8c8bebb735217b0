/**
 * A customer's cost to serve traced back to where it came from, level by level: the activities (and
 * unused capacity charged), the pools they draw on, the pools where that cost started (a support pool's
 * share included), and the ledger accounts. Every level adds up to the customer's cost to serve — or to
 * one activity's cost — to the cent, so a controller can follow any figure of a statement to the ledger.
 * The rows are data; the statement, `ABC.EXPLAIN` and the pane label them in their own language.
 */
import { allocateByWeights } from '../allocate';
import { type Dec, ZERO, sum } from '../decimal';
import type { CostOrigin, FirstStagePool } from '../first-stage/types';
import { nameKey } from '../model';
import type { ActivityResult, CustomerResult } from '../result';

/** What a name in a trace row is. `unused`: the unused capacity of the pool named; `rate`: an activity charged by a rate, from no pool. */
export type TraceKind = 'customer' | 'activity' | 'unused' | 'pool' | 'rate' | 'account';

/**
 * One step of a trace: `amount` went from `from` to `to`. Level 1: activity (or unused capacity) → customer;
 * 2: pool → activity (a rate activity from itself); 3: the pool where the cost started → the pool it was
 * used in (only with a ledger or support pools); 4: ledger account → the pool it was booked to (only with a ledger).
 * Rate activities come from no pool: they appear on every level as they are, so each level adds up.
 */
export interface TraceRow {
  level: 1 | 2 | 3 | 4;
  from: string;
  fromKind: TraceKind;
  to: string;
  toKind: TraceKind;
  amount: Dec;
  /** Level 4: the account's description from the ledger, when given. */
  description?: string | null;
}

/** A customer's figures a trace reads. */
type TracedCustomer = Pick<CustomerResult, 'customer' | 'activityCosts' | 'unusedCapacityCosts'>;

/**
 * What a trace reads of a result: a `CostingResult` is one, and so is what the worksheet functions keep
 * of the JSON result the task pane receives from its worker.
 */
export interface TraceSource {
  customers: readonly TracedCustomer[];
  activities: ReadonlyArray<Pick<ActivityResult, 'activity' | 'pool'>>;
  firstStage?: { fromLedger: boolean; pools: ReadonlyArray<Pick<FirstStagePool, 'pool' | 'origins'>> };
}

/**
 * The trace of a customer's cost to serve, or of one activity's cost for the customer (`activity`, matched
 * as the contract matches names). Null when the customer (or the activity) is not in the result.
 */
export function traceCustomerCost(result: TraceSource, customer: string, activity?: string): TraceRow[] | null {
  const c = result.customers.find((x) => nameKey(x.customer) === nameKey(customer));
  if (c === undefined) return null;
  const activities = activity === undefined ? result.activities : result.activities.filter((a) => nameKey(a.activity) === nameKey(activity));
  if (activities.length === 0) return null;

  const level1: TraceRow[] = [];
  const level2: TraceRow[] = [];
  const rates: Array<{ activity: string; amount: Dec }> = [];
  const byPool = new Map<string, Dec>();
  for (const a of activities) {
    const amount = c.activityCosts.get(a.activity) ?? ZERO;
    if (amount.isZero()) continue;
    level1.push({ level: 1, from: a.activity, fromKind: 'activity', to: c.customer, toKind: 'customer', amount });
    if (a.pool === null) {
      level2.push({ level: 2, from: a.activity, fromKind: 'rate', to: a.activity, toKind: 'activity', amount });
      rates.push({ activity: a.activity, amount });
    } else {
      level2.push({ level: 2, from: a.pool, fromKind: 'pool', to: a.activity, toKind: 'activity', amount });
      byPool.set(a.pool, (byPool.get(a.pool) ?? ZERO).plus(amount));
    }
  }
  if (activity === undefined) addUnused(c, level1, level2, byPool);

  const rows = [...level1, ...level2];
  const stage = result.firstStage;
  if (stage === undefined) return rows;
  const origins = new Map(stage.pools.map((p) => [nameKey(p.pool), p.origins]));
  const level3: TraceRow[] = [];
  const level4: TraceRow[] = [];
  for (const [pool, amount] of byPool) {
    const parts = splitOverOrigins(amount, origins.get(nameKey(pool)) ?? []);
    const started = new Map<string, Dec>(parts.length === 0 ? [[pool, amount]] : []);
    for (const { origin, amount: part } of parts) {
      started.set(origin.pool, (started.get(origin.pool) ?? ZERO).plus(part));
      if (origin.account !== null && !part.isZero()) {
        level4.push({ level: 4, from: origin.account, fromKind: 'account', to: origin.pool, toKind: 'pool', amount: part, description: origin.description });
      }
    }
    for (const [from, part] of started) if (!part.isZero()) level3.push({ level: 3, from, fromKind: 'pool', to: pool, toKind: 'pool', amount: part });
  }
  const rateRows = (level: 3 | 4): TraceRow[] =>
    rates.map((r) => ({ level, from: r.activity, fromKind: 'rate' as const, to: r.activity, toKind: 'activity' as const, amount: r.amount }));
  rows.push(...level3, ...rateRows(3));
  if (stage.fromLedger) rows.push(...level4, ...rateRows(4));
  return rows;
}

/** Unused capacity charged to the customer (UnusedCapacity = assign): level 1 from the pool's unused capacity, level 2 from the pool. */
function addUnused(c: TracedCustomer, level1: TraceRow[], level2: TraceRow[], byPool: Map<string, Dec>): void {
  for (const [pool, amount] of c.unusedCapacityCosts) {
    if (amount.isZero()) continue;
    level1.push({ level: 1, from: pool, fromKind: 'unused', to: c.customer, toKind: 'customer', amount });
    level2.push({ level: 2, from: pool, fromKind: 'pool', to: pool, toKind: 'unused', amount });
    byPool.set(pool, (byPool.get(pool) ?? ZERO).plus(amount));
  }
}

/**
 * A customer's cost from one pool over the pool's origin parts, in proportion, to the cent. A pool whose
 * cost after support is zero has no parts (the caller then shows the amount as started in the pool itself).
 */
function splitOverOrigins(amount: Dec, origins: readonly CostOrigin[]): Array<{ origin: CostOrigin; amount: Dec }> {
  const weights = origins.map((o) => o.amount);
  if (origins.length === 0 || sum(weights).isZero()) return [];
  const split = allocateByWeights(amount, weights);
  return origins.map((origin, i) => ({ origin, amount: split[i] ?? ZERO }));
}

/** The sum of a trace's rows on one level: each level adds up to the traced cost. */
export function levelTotal(rows: readonly TraceRow[], level: TraceRow['level']): Dec {
  return sum(rows.filter((r) => r.level === level).map((r) => r.amount));
}
