/**
 * The Monte Carlo run: each draw takes every estimate from a triangular distribution on its Low, value and
 * High (estimates of one Group from the same uniform number, so they move together), and works out every
 * customer's net profit and the company's operating profit (capacity resized to what is used) from the
 * linear costing (coefficients.ts), in doubles. The ranges are estimates and are said to be.
 */
import { nameKey } from '../model';
import { nearestRank } from '../percentile';
import type { CostingResult } from '../result';
import type { AssignedPool, LinearCosting } from './coefficients';
import { seededUniform, triangular } from './random';
import type { AbortSignalLike, CustomerRange, Estimate, SensitivityResult } from './types';

/** Draws between two progress reports (and abort checks). */
const REPORT_EVERY = 100;

/** The settings of a run of the simulation. */
export interface SimulationRun {
  simulations: number;
  seed: number;
  /** Told the draws done so far. */
  onProgress?: (done: number) => void;
  signal?: AbortSignalLike;
}

/** What the simulation gives. */
export type SimulationResult = Pick<SensitivityResult, 'customers' | 'company' | 'lookCloser'>;

/** Runs the simulation; throws the signal's reason when it is aborted. */
export function simulate(linear: LinearCosting, baseline: CostingResult, estimates: readonly Estimate[], run: SimulationRun): SimulationResult {
  const n = baseline.customers.length;
  const draws = Math.max(1, Math.floor(run.simulations));
  const uniform = seededUniform(run.seed);
  const spread = estimates.map((e) => ({ low: e.low.toNumber(), value: e.value.toNumber(), high: e.high.toNumber() }));
  const groupOf = groupIndices(estimates);
  const groups = Math.max(0, ...groupOf) + 1;
  const u = new Float64Array(groups);
  const delta = new Float64Array(estimates.length);
  const profit = new Float64Array(n);
  // Draw d of customer c at [c × draws + d], so each customer's draws sort in place.
  const samples = new Float64Array(n * draws);
  const company = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    if (d % REPORT_EVERY === 0) {
      if (run.signal?.aborted === true) throw run.signal.reason ?? new Error('The sensitivity analysis was stopped.');
      if (d > 0) run.onProgress?.(d);
    }
    for (let g = 0; g < groups; g++) u[g] = uniform();
    // x − value: exactly zero for a range of zero width, so such an estimate leaves every figure as it is.
    spread.forEach((s, e) => (delta[e] = triangular(s.low, s.value, s.high, u[groupOf[e] as number] as number) - s.value));
    company[d] = profitsAt(linear, delta, profit);
    for (let c = 0; c < n; c++) samples[c * draws + d] = profit[c] as number;
  }
  run.onProgress?.(draws);
  const customers = baseline.customers.map((c, i): CustomerRange => {
    const own = samples.subarray(i * draws, (i + 1) * draws);
    let losses = 0;
    for (const v of own) if (v < 0) losses++;
    return { customer: c.customer, name: c.name, netProfit: c.netProfit, ...percentiles(own), lossChance: losses / draws, draws: own };
  });
  return {
    customers,
    company: percentiles(company),
    lookCloser: customers.filter((c) => c.lossChance > 0.1 && c.lossChance < 0.9).map((c) => c.customer),
  };
}

/**
 * The figures with every estimate moved by `delta` (x − value, by position): each customer's net profit
 * into `profit`; returns operating profit with capacity resized.
 */
export function profitsAt(linear: LinearCosting, delta: Float64Array, profit: Float64Array): number {
  const n = profit.length;
  profit.set(linear.netProfit);
  let operating = linear.operatingProfit;
  delta.forEach((change, e) => {
    if (change === 0) return;
    operating += (linear.company[e] as number) * change;
    const offset = e * n;
    for (let c = 0; c < n; c++) profit[c] = (profit[c] as number) + (linear.perCustomer[offset + c] as number) * change;
  });
  for (const pool of linear.assignedPools) chargeAssigned(pool, delta, profit);
  return operating;
}

/**
 * Assign mode: a customer carries cost × its minutes ÷ all used minutes of the pool, so moved minutes
 * change every customer's share; the change from today is added to its net profit.
 */
function chargeAssigned(pool: AssignedPool, delta: Float64Array, profit: Float64Array): void {
  let used = pool.usedMinutes;
  for (const t of pool.terms) used += t.total * (delta[t.estimate] as number);
  if (pool.terms.every((t) => delta[t.estimate] === 0)) return;
  const before = pool.cost / pool.usedMinutes;
  // No minutes left at all: nothing is charged to anyone (the engine's UNUSED_NOT_ASSIGNABLE).
  const after = used > 0 ? pool.cost / used : 0;
  for (let c = 0; c < profit.length; c++) {
    let minutes = pool.minutes[c] as number;
    for (const t of pool.terms) minutes += (t.quantities[c] as number) * (delta[t.estimate] as number);
    profit[c] = (profit[c] as number) - (minutes * after - (pool.minutes[c] as number) * before);
  }
}

/** Estimates of one Group share an index (their uniform number); every other estimate has its own. */
function groupIndices(estimates: readonly Estimate[]): number[] {
  const byName = new Map<string, number>();
  let next = 0;
  return estimates.map((e) => {
    if (e.group === null) return next++;
    const key = nameKey(e.group);
    let index = byName.get(key);
    if (index === undefined) {
      index = next++;
      byName.set(key, index);
    }
    return index;
  });
}

/** P10, median and P90 by nearest rank; sorts `values` in place. */
function percentiles(values: Float64Array): { p10: number; median: number; p90: number } {
  values.sort();
  const at = (p: number): number => values[nearestRank(values.length, p) - 1] as number;
  return { p10: at(10), median: at(50), p90: at(90) };
}
