/**
 * The first stage of a cost model (issue 19): ledger lines booked to pools (`ABC_Resources`) and support
 * pools that pass their cost on to other pools (`ABC_Support`). These are the shapes the contract readers
 * (src/workbook/read-resources.ts, read-support.ts) hand to the engine and the engine's support stage
 * (src/engine/support/) works on, so both sides can be built and tested apart.
 */
import type { Dec } from '../decimal';
import type { Where } from '../where';

/** One ledger line of `ABC_Resources`: an account's amount booked to one pool. */
export interface ResourceLineInput {
  /** The ledger account as text (`4100`, `4100-01`); an account split over pools has one line per pool. */
  account: string;
  description: string | null;
  /** The amount booked to `pool` (≥ 0). */
  amount: Dec;
  /** True when the Amount cell was bad (reported where it was read; `amount` is then 0): the pool's sum is not known. */
  amountUnknown?: boolean;
  pool: string;
  /** The row (its Account cell). */
  where: Where;
  /** The Pool cell, so a problem with the pool selects the cell to fix. */
  poolWhere?: Where;
}

/** One row of `ABC_Support`: a support pool passing part of its cost to another pool. */
export interface SupportLinkInput {
  from: string;
  to: string;
  /**
   * Exactly one of these is given per row: a share of the From pool's cost (0 < share ≤ 1), or a quantity
   * of a basis (PCs, m², head count) whose share is the quantity ÷ the From pool's total quantity.
   */
  share: Dec | null;
  quantity: Dec | null;
  /** The row (its From cell). */
  where: Where;
  fromWhere?: Where;
  toWhere?: Where;
}

/** How support pools pass their cost on (setting `SupportMethod` / `Doorbelastingsmethode`). */
export type SupportMethod = 'reciprocal' | 'step-down' | 'direct';

/** What one support pool passes to one receiving pool, after rounding to cents. */
export interface SupportFlow {
  from: string;
  to: string;
  amount: Dec;
}

/** The result of the support stage under one method. */
export interface SupportResult {
  method: SupportMethod;
  /**
   * Each pool's cost after support, rounded to cents: an operating pool's own cost plus what it receives;
   * a support pool's is zero (its whole cost left it), except what its shares leave unassigned.
   */
  costAfter: ReadonlyMap<string, Dec>;
  /**
   * Reciprocal method: each support pool's total cost (own + received from other support pools), the `x`
   * of x = d + Aᵀx, exact (unrounded). Step-down and direct: own + received as passed on.
   */
  supportTotals: ReadonlyMap<string, Dec>;
  /** Every amount passed from a support pool to any pool, rounded to cents. */
  flows: readonly SupportFlow[];
  /** Support cost that reaches no pool: support shares summing below 1 (per support pool, rounded). */
  unassigned: ReadonlyMap<string, Dec>;
}
