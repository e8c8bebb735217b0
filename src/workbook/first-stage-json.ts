/**
 * The first stage of a result as JSON (the `firstStage` part of the runner's `--json` output, present only
 * when the model has a ledger or support pools): each pool's own cost and cost after support, and an
 * operating pool's cost after support by origin, so a reader of the JSON (the worksheet functions in the
 * task pane among them) can trace a customer's cost to the pools and accounts it started in.
 */
import { type Dec, dec, toNumber } from '../engine/decimal';
import type { TraceSource } from '../engine/explain/trace-customer';
import type { FirstStageResult } from '../engine/first-stage/types';
import type { SupportMethod } from '../engine/support/types';

/** One origin part of an operating pool's cost after support (money rounded to cents). */
export interface CostOriginJson {
  pool: string;
  account: string | null;
  description: string | null;
  amount: number;
}

/** One pool of the first stage, in the order of `ABC_Pools`. */
export interface FirstStagePoolJson {
  pool: string;
  role: 'support' | 'operating';
  ownCost: number;
  /** Operating pool: the cost the costing works with. Support pool: what its shares leave unassigned. */
  costAfter: number;
  origins: CostOriginJson[];
}

export interface FirstStageJson {
  method: SupportMethod;
  fromLedger: boolean;
  pools: FirstStagePoolJson[];
}

/** Amounts of the first stage are in cents already; `|| 0` keeps a negative zero out. */
const money = (d: Dec): number => toNumber(d) || 0;

/** The first stage as JSON. */
export function firstStageToJson(stage: FirstStageResult): FirstStageJson {
  return {
    method: stage.method,
    fromLedger: stage.fromLedger,
    pools: stage.pools.map((p) => ({
      pool: p.pool,
      role: p.role,
      ownCost: money(p.ownCost),
      costAfter: money(p.costAfter),
      origins: p.origins.map((o) => ({ pool: o.pool, account: o.account, description: o.description, amount: money(o.amount) })),
    })),
  };
}

/** The first stage read back from JSON, with the amounts as decimals again, as a trace reads it. */
export function firstStageFromJson(json: FirstStageJson): NonNullable<TraceSource['firstStage']> {
  return {
    fromLedger: json.fromLedger,
    pools: json.pools.map((p) => ({ pool: p.pool, origins: p.origins.map((o) => ({ ...o, amount: dec(o.amount) })) })),
  };
}
