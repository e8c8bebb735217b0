/**
 * Runs the what-if scenarios of a model against its baseline (the run of the unchanged model): each
 * scenario's rows are applied to a copy of the model, the copy is costed like any model, and the two
 * results are compared twice — with today's capacity, where freed minutes stay as unused capacity, and
 * with capacity resized to what is used, where their cost goes away.
 */
import { type Dec, ZERO, roundCents, sum } from '../decimal';
import { type Issue, hasErrors } from '../issues';
import { type ModelInput, nameKey } from '../model';
import type { CostingResult } from '../result';
import { applyFirstStage } from '../first-stage/apply-first-stage';
import { settleFirstStage } from '../first-stage/settle-totals';
import type { FirstStageResult } from '../first-stage/types';
import { runModel } from '../run';
import { applyScenario } from './apply-scenario';
import { poolEffects } from './capacity-effect';
import type { ScenarioChangeInput, ScenarioCustomerEffect, ScenarioHeadline, ScenarioOutcome } from './types';
import { validateScenarios } from './validate-scenarios';

export { validateScenarios } from './validate-scenarios';

/** The rows of each scenario, scenarios in the order they first appear (names matched as the contract matches names). */
export function groupScenarios(rows: readonly ScenarioChangeInput[]): Array<{ scenario: string; rows: ScenarioChangeInput[] }> {
  const groups = new Map<string, { scenario: string; rows: ScenarioChangeInput[] }>();
  for (const row of rows) {
    const key = nameKey(row.scenario);
    const group = groups.get(key) ?? { scenario: row.scenario.trim(), rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Every scenario's outcome, in the order scenarios first appear. `baseline` must be the result of `model`
 * itself. When a row is bad, `issues` holds every located error and `outcomes` is empty.
 */
export function runScenarios(model: ModelInput, baseline: CostingResult): { outcomes: ScenarioOutcome[]; issues: Issue[] } {
  // A model with a ledger or support pools: scenarios change the operating pools as the costing sees them
  // (cost after support), and each run keeps the support cost left unassigned, as the baseline does.
  const stage = applyFirstStage(model);
  if (hasErrors(stage.issues)) return { outcomes: [], issues: stage.issues.filter((i) => i.severity === 'error') };
  return runOnCostingModel(stage.model, baseline, stage.firstStage);
}

function runOnCostingModel(model: ModelInput, baseline: CostingResult, firstStage: FirstStageResult | null): { outcomes: ScenarioOutcome[]; issues: Issue[] } {
  const problems = validateScenarios(model);
  if (hasErrors(problems)) return { outcomes: [], issues: problems };
  const outcomes: ScenarioOutcome[] = [];
  const issues: Issue[] = [];
  for (const { scenario, rows } of groupScenarios(model.scenarios ?? [])) {
    const applied = applyScenario(model, rows);
    // Only a run's errors are kept (below), so its plausibility warnings are not worked out.
    const run = runModel(applied.model, [], { plausibility: false });
    if (run.result === null) {
      // A change that takes a derived figure out of range (see validate.ts): the changed model's own errors.
      issues.push(...run.issues.filter((i) => i.severity === 'error'));
      continue;
    }
    if (firstStage !== null) settleFirstStage(run.result, firstStage);
    const fees = new Map(model.customers.map((c, i) => [nameKey(c.id), roundCents(applied.fees[i] ?? ZERO)]));
    outcomes.push(compare(scenario, model, baseline, run.result, fees));
  }
  return hasErrors(issues) ? { outcomes: [], issues } : { outcomes, issues };
}

function headline(result: CostingResult, fees: Dec): ScenarioHeadline {
  const t = result.totals;
  return {
    netRevenue: t.netRevenue.plus(fees),
    fees,
    costToServe: t.costToServe,
    customerNetProfit: t.netProfit.plus(fees),
    unusedCapacityCost: t.unusedCapacityCost,
    unassignedCost: t.unassignedCost,
    operatingProfit: t.operatingProfit.plus(fees),
  };
}

function compare(scenario: string, model: ModelInput, before: CostingResult, after: CostingResult, fees: ReadonlyMap<string, Dec>): ScenarioOutcome {
  const pools = poolEffects(model, before, after);
  const afterHeadline = headline(after, sum(fees.values()));
  const afterCustomers = new Map(after.customers.map((c) => [nameKey(c.customer), c]));
  const customers: ScenarioCustomerEffect[] = [];
  for (const c of before.customers) {
    const key = nameKey(c.customer);
    const fee = fees.get(key) ?? ZERO;
    const netProfitAfter = (afterCustomers.get(key)?.netProfit ?? ZERO).plus(fee);
    if (!netProfitAfter.equals(c.netProfit)) customers.push({ customer: c.customer, name: c.name, netProfitBefore: c.netProfit, netProfitAfter, fees: fee });
  }
  customers.sort((a, b) => {
    const change = (x: ScenarioCustomerEffect): Dec => x.netProfitAfter.minus(x.netProfitBefore).abs();
    return change(b).comparedTo(change(a)) || compareIds(a.customer, b.customer);
  });
  return {
    scenario,
    before: headline(before, ZERO),
    after: afterHeadline,
    operatingProfitResized: afterHeadline.operatingProfit.plus(sum(pools.map((p) => p.freedCost))),
    pools,
    customers,
  };
}

/** Numeric ids in number order, others as text: the order of the P&L sheet's ties. */
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
