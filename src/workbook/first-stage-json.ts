/**
 * The first stage in the runner's `--json` document (issue 19): present only when the model has a ledger
 * or support pools, so the document of any other model is byte for byte what it was. Money as numbers
 * rounded to cents, like the rest of the document; a pool's amounts of 10^13 or more also as exact text.
 */
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import type { FirstStageResult } from '../engine/first-stage/types';
import type { SupportMethod } from '../engine/support/types';
import { type ExactMoney, exactPart } from './exact-money';

export interface FirstStagePoolJson {
  pool: string;
  role: 'support' | 'operating';
  /** The pool's own cost: the sum of its ledger lines, or its Cost without a ledger. */
  ownCost: number;
  /** Operating pool: own cost + received (the cost the costing used). Support pool: what stays unassigned. */
  costAfter: number;
  /** Support pool: its own cost plus what other support pools passed to it; null for an operating pool. */
  supportTotal: number | null;
  /** Support pool: the part its shares leave with no pool. */
  unassigned: number;
  /** `costAfter` under each method. */
  byMethod: Record<SupportMethod, number>;
  /** What it received from each support pool under the chosen method. */
  received: Array<{ from: string; amount: number }>;
  /** Its ledger lines per account (empty without a ledger). */
  ledger: Array<{ account: string; description: string | null; amount: number }>;
  /** Operating pool: `costAfter` by where it started (the pool whose own cost it was, and the account; null without a ledger). */
  origins: Array<{ pool: string; account: string | null; amount: number }>;
  exact?: ExactMoney;
}

export interface FirstStageJson {
  method: SupportMethod;
  /** True when pools' own costs come from `ABC_Resources`. */
  fromLedger: boolean;
  /** Every pool's own cost together: what operating profit has to carry. */
  ledgerTotal: number;
  pools: FirstStagePoolJson[];
  /** Every amount passed from a support pool to another pool under the chosen method. */
  flows: Array<{ from: string; to: string; amount: number }>;
  /** Support cost no operating pool receives, per method. */
  unassignedByMethod: Record<SupportMethod, number>;
}

const money = (d: Dec): number => toNumber(roundCents(d));

function perMethod(values: Readonly<Record<SupportMethod, Dec>>): Record<SupportMethod, number> {
  return { reciprocal: money(values.reciprocal), 'step-down': money(values['step-down']), direct: money(values.direct) };
}

/** The first stage as JSON. */
export function firstStageToJson(stage: FirstStageResult): FirstStageJson {
  return {
    method: stage.method,
    fromLedger: stage.fromLedger,
    ledgerTotal: money(stage.ledgerTotal),
    pools: stage.pools.map((p) => ({
      pool: p.pool,
      role: p.role,
      ownCost: money(p.ownCost),
      costAfter: money(p.costAfter),
      supportTotal: p.supportTotal === null ? null : money(p.supportTotal),
      unassigned: money(p.unassigned),
      byMethod: perMethod(p.byMethod),
      received: p.received.map((f) => ({ from: f.from, amount: money(f.amount) })),
      ledger: p.ledger.map((l) => ({ account: l.account, description: l.description, amount: money(l.amount) })),
      origins: p.origins.map((o) => ({ pool: o.pool, account: o.account, amount: money(o.amount) })),
      ...exactPart({ ownCost: p.ownCost, costAfter: p.costAfter, supportTotal: p.supportTotal }),
    })),
    flows: stage.flows.map((f) => ({ from: f.from, to: f.to, amount: money(f.amount) })),
    unassignedByMethod: perMethod(stage.unassignedByMethod),
  };
}
