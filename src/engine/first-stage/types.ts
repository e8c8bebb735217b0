/**
 * What the first stage of a cost model (issue 19) adds to a result: the ledger behind each pool, what
 * support pools passed on under the chosen method (and the other two, for comparison), and each operating
 * pool's cost after support split by where it started (a pool's own ledger lines or a support pool's), so
 * any customer's cost can be traced back to ledger accounts to the cent. Absent from a result whose model
 * has neither `ABC_Resources` nor `ABC_Support`, which therefore reads and writes exactly as before.
 */
import type { Dec } from '../decimal';
import type { SupportFlow, SupportMethod } from '../support/types';

export const SUPPORT_METHODS: readonly SupportMethod[] = ['reciprocal', 'step-down', 'direct'];

/** One ledger account's amount in one pool (several lines of one account and pool added up). */
export interface LedgerAmount {
  account: string;
  description: string | null;
  amount: Dec;
}

/**
 * A part of an operating pool's cost after support, by where it started: `pool` is the pool whose own
 * cost it was (the operating pool itself, or a support pool it reached through the support network) and
 * `account` the ledger account there (null when the model has no ledger: the pool's Cost as a whole).
 */
export interface CostOrigin {
  pool: string;
  account: string | null;
  description: string | null;
  amount: Dec;
}

/** One pool in the first stage, in the order of `ABC_Pools`. */
export interface FirstStagePool {
  pool: string;
  role: 'support' | 'operating';
  /** The pool's own cost: the sum of its ledger lines, or its Cost when the model has no ledger. */
  ownCost: Dec;
  /** Its ledger lines per account, in the order first met; empty without `ABC_Resources`. */
  ledger: LedgerAmount[];
  /** What it received from each support pool under the chosen method (non-zero only). */
  received: SupportFlow[];
  /** Operating pool: own cost + received, the cost the costing works with. Support pool: what stays unassigned. */
  costAfter: Dec;
  /** Support pool: its own cost plus what other support pools passed to it, as passed on (cents). Null for operating pools. */
  supportTotal: Dec | null;
  /** Support pool: the part of its cost its shares leave with no pool. Zero for operating pools. */
  unassigned: Dec;
  /** `costAfter` under each method, so the report can show how much the choice matters. */
  byMethod: Readonly<Record<SupportMethod, Dec>>;
  /** Operating pool: `costAfter` by origin, adding up to it to the cent. Empty for support pools. */
  origins: CostOrigin[];
}

/** The first stage of a computed model. */
export interface FirstStageResult {
  method: SupportMethod;
  /** True when the model has `ABC_Resources` rows: pools' costs come from the ledger. */
  fromLedger: boolean;
  pools: FirstStagePool[];
  /** Every amount passed between pools under the chosen method, rounded to cents. */
  flows: readonly SupportFlow[];
  /** The ledger total (every pool's own cost): what the pools cost the company before any passing on. */
  ledgerTotal: Dec;
  /** Support cost that reaches no operating pool, per method (the chosen one is in the totals' unassigned cost). */
  unassignedByMethod: Readonly<Record<SupportMethod, Dec>>;
}
