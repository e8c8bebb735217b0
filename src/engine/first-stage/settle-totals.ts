/**
 * The company totals of a result with a first stage: support cost that no operating pool received is cost
 * the company has but no customer carries, so it joins the unassigned cost (as business-sustaining cost
 * does) and lowers operating profit. Then operating profit = revenue − discounts − COGS − direct customer
 * costs − rate charges − the ledger total, to the cent, whatever the method.
 */
import { sum } from '../decimal';
import type { CostingResult } from '../result';
import type { FirstStageResult } from './types';

/** Adds the first stage to a computed result, in place (the result was made for this call). */
export function settleFirstStage(result: CostingResult, firstStage: FirstStageResult): void {
  const left = sum(firstStage.pools.map((p) => p.unassigned));
  result.totals = {
    ...result.totals,
    unassignedCost: result.totals.unassignedCost.plus(left),
    operatingProfit: result.totals.operatingProfit.minus(left),
  };
  result.firstStage = firstStage;
}
