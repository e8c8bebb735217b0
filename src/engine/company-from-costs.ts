/**
 * Operating profit worked out the other way round, from what the company spent rather than from the
 * customers: net revenue − COGS − pool costs − rate charges − direct customer costs. With a ledger or
 * support pools the pool costs are the ledger total (every pool's own cost, support pools included), so
 * the reconciliation closes whatever support cost stayed unassigned. The Summary sheet and the runner
 * both show it beside the reported operating profit.
 */
import { type Dec, sum } from './decimal';
import type { CostingResult } from './result';

/** The parts of operating profit from the company's costs, and the operating profit they give. */
export interface CompanyFromCosts {
  netRevenue: Dec;
  cogs: Dec;
  /** The ledger total with a first stage, else the pools' costs. */
  poolCosts: Dec;
  rateCharges: Dec;
  directCosts: Dec;
  operatingProfit: Dec;
}

/** Operating profit from the company's costs (compare it with `result.totals.operatingProfit`). */
export function companyFromCosts(result: CostingResult): CompanyFromCosts {
  const t = result.totals;
  const poolCosts = result.firstStage?.ledgerTotal ?? sum(result.pools.map((p) => p.cost));
  const rateCharges = sum(result.activities.filter((a) => a.method === 'rate').map((a) => a.cost));
  const directCosts = sum(result.customers.map((c) => c.directCosts));
  const operatingProfit = t.netRevenue.minus(t.cogs).minus(poolCosts).minus(rateCharges).minus(directCosts);
  return { netRevenue: t.netRevenue, cogs: t.cogs, poolCosts, rateCharges, directCosts, operatingProfit };
}
