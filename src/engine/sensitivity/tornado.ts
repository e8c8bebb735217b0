/**
 * The tornado: what each estimate's range does to the figures, the others fixed. Exact, because each bar
 * is two runs of the engine itself — the model with the estimate at Low and at High — compared with today
 * the way a scenario is (scenarios/): operating profit with capacity resized to what is used, i.e. the
 * run's operating profit plus the cost of the minutes it frees (or minus the cost of those it needs).
 */
import { type Dec, ZERO, roundCents, sum } from '../decimal';
import { applyFirstStage } from '../first-stage/apply-first-stage';
import { settleFirstStage } from '../first-stage/settle-totals';
import type { FirstStageResult } from '../first-stage/types';
import { type ModelInput, nameKey } from '../model';
import type { CostingResult } from '../result';
import { runModel } from '../run';
import { poolEffects } from '../scenarios/capacity-effect';
import type { Estimate, TornadoBar } from './types';

/** The figures of one run: operating profit (capacity resized) and today's loss-makers' net profit together. */
interface RunFigures {
  profit: Dec;
  lossMakers: Dec;
}

/**
 * One bar per estimate whose range has width, the largest swing of operating profit first (ties in the
 * order of the rows). `baseline` must be the result of `model` itself. `onRun` is told after each run.
 */
export function tornadoOf(model: ModelInput, baseline: CostingResult, estimates: readonly Estimate[], onRun: () => void = () => {}): TornadoBar[] {
  // The first stage does not depend on the activities' values: done once, each run starts after it.
  const stage = applyFirstStage(model);
  const lossMakers = new Set(baseline.customers.filter((c) => c.netProfit.lessThan(ZERO)).map((c) => nameKey(c.customer)));
  const today: RunFigures = {
    profit: baseline.totals.operatingProfit,
    lossMakers: sum(baseline.customers.filter((c) => lossMakers.has(nameKey(c.customer))).map((c) => c.netProfit)),
  };
  const bars: TornadoBar[] = [];
  for (const estimate of estimates) {
    if (estimate.low.equals(estimate.high)) continue;
    const at = (value: Dec): RunFigures | null => {
      const figures = figuresAt(stage.model, stage.firstStage, baseline, lossMakers, estimate.row, value) ?? shareAt(stage.model, baseline, lossMakers, today, estimate, value);
      onRun();
      return figures;
    };
    const low = at(estimate.low);
    const high = at(estimate.high);
    // Only a range whose end makes the model invalid in a way no linear reading covers is left out.
    if (low === null || high === null) continue;
    bars.push({
      estimate,
      profitAtLow: low.profit,
      profitAtHigh: high.profit,
      swing: high.profit.minus(low.profit).abs(),
      lossMakersAtLow: low.lossMakers,
      lossMakersAtHigh: high.lossMakers,
    });
  }
  // Array.prototype.sort is stable: equal swings keep the order of the rows.
  return bars.sort((a, b) => b.swing.comparedTo(a.swing));
}

/** A full run of the costing model with one activity row's value changed; null when that model has errors. */
function figuresAt(
  costing: ModelInput,
  firstStage: FirstStageResult | null,
  baseline: CostingResult,
  lossMakers: ReadonlySet<string>,
  row: number,
  value: Dec,
): RunFigures | null {
  const activities = costing.activities.map((term, i) => (i === row ? { ...term, value } : term));
  const run = runModel({ ...costing, activities }, [], { plausibility: false });
  if (run.result === null) return null;
  if (firstStage !== null) settleFirstStage(run.result, firstStage);
  const freed = sum(poolEffects(costing, baseline, run.result).map((p) => p.freedCost));
  return {
    profit: run.result.totals.operatingProfit.plus(freed),
    lossMakers: sum(run.result.customers.filter((c) => lossMakers.has(nameKey(c.customer))).map((c) => c.netProfit)),
  };
}

/**
 * A Share whose Low or High takes its pool's shares above 100% (an uncapped DefaultRange): no run can
 * cost that, but a share is linear — it moves pool cost × (x − share) between the pool's unassigned cost
 * and the customers, by their quantity of the driver, and leaves operating profit as it is. Rounded to
 * the cent once, on the loss-makers' total. Null for any other kind of estimate.
 */
function shareAt(costing: ModelInput, baseline: CostingResult, lossMakers: ReadonlySet<string>, today: RunFigures, estimate: Estimate, value: Dec): RunFigures | null {
  if (estimate.kind !== 'share') return null;
  const pool = costing.pools.find((p) => nameKey(p.name) === nameKey(estimate.pool ?? ''));
  if (pool === undefined) return null;
  const driver = estimate.driver === null ? null : nameKey(estimate.driver);
  const quantity = (c: CostingResult['customers'][number]): Dec => (driver === null ? ZERO : (c.driverQuantities?.get(driver) ?? ZERO));
  const total = sum(baseline.customers.map(quantity));
  if (total.isZero()) return today;
  const theirs = sum(baseline.customers.filter((c) => lossMakers.has(nameKey(c.customer))).map(quantity));
  const moved = pool.cost.times(value.minus(estimate.value)).times(theirs).dividedBy(total);
  return { profit: today.profit, lossMakers: today.lossMakers.minus(roundCents(moved)) };
}
