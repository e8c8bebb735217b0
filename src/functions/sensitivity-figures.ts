/**
 * A sensitivity analysis (engine/sensitivity/types.ts) as plain data: what crosses from the task pane's Web
 * Worker (decimal values do not survive structured clone) to the pane's "How sure?" view and to
 * `ABC.PROFITRANGE` / `ABC.LOSSCHANCE`. The exact figures (the tornado, today's net profit, the pool checks)
 * travel as their exact decimal text; the simulated ones (percentiles, chances) are floating-point
 * estimates already and travel as numbers. Pure.
 */
import type { Dec } from '../engine/decimal';
import { formatWhere } from '../engine/issues';
import type { TermKind } from '../engine/model';
import type { CustomerRange, SensitivityResult } from '../engine/sensitivity/types';

/** A Dec as its exact decimal text. */
type Exact = string;

/** One bar of the tornado: an estimate, its range and what the range does to the figures (exact). */
export interface TornadoBarJson {
  row: number;
  activity: string;
  pool: string | null;
  driver: string | null;
  kind: TermKind;
  value: Exact;
  low: Exact;
  high: Exact;
  group: string | null;
  /** The estimate's cell, as the pane's issues show a location; null when it has none. */
  where: string | null;
  profitAtLow: Exact;
  profitAtHigh: Exact;
  swing: Exact;
  lossMakersAtLow: Exact;
  lossMakersAtHigh: Exact;
}

/** A customer's net profit over the simulation. */
export interface CustomerRangeJson {
  customer: string;
  name: string | null;
  /** Today's net profit, exact. */
  netProfit: Exact;
  p10: number;
  median: number;
  p90: number;
  lossChance: number;
  /**
   * Percentiles 1 to 99 of the simulated net profit (index 0 is P1), by nearest rank over the draws; null
   * when the analysis gave no draws, and then only P10, the median and P90 are known.
   */
  percentiles: number[] | null;
}

/** A pool's time equations against the minutes paid for, exact. */
export interface PoolCheckJson {
  pool: string;
  explainedMinutes: Exact;
  paidMinutes: Exact | null;
  overstatement: Exact | null;
}

/** The whole analysis as plain data. */
export interface SensitivityFiguresJson {
  simulations: number;
  seed: number;
  /** Every bar, the largest swing first (the pane shows the first ten). */
  tornado: TornadoBarJson[];
  /** In the order of the result's customers. */
  customers: CustomerRangeJson[];
  company: { p10: number; median: number; p90: number };
  lookCloser: string[];
  checks: PoolCheckJson[];
}

const text = (d: Dec): Exact => d.toString();
const textOrNull = (d: Dec | null): Exact | null => (d === null ? null : d.toString());

/** The plain figures of an analysis. */
export function sensitivityToJson(result: SensitivityResult): SensitivityFiguresJson {
  return {
    simulations: result.simulations,
    seed: result.seed,
    tornado: result.tornado.map((bar) => ({
      row: bar.estimate.row,
      activity: bar.estimate.activity,
      pool: bar.estimate.pool,
      driver: bar.estimate.driver,
      kind: bar.estimate.kind,
      value: text(bar.estimate.value),
      low: text(bar.estimate.low),
      high: text(bar.estimate.high),
      group: bar.estimate.group,
      where: formatWhere(bar.estimate.where),
      profitAtLow: text(bar.profitAtLow),
      profitAtHigh: text(bar.profitAtHigh),
      swing: text(bar.swing),
      lossMakersAtLow: text(bar.lossMakersAtLow),
      lossMakersAtHigh: text(bar.lossMakersAtHigh),
    })),
    customers: result.customers.map((c) => ({
      customer: c.customer,
      name: c.name,
      netProfit: text(c.netProfit),
      p10: c.p10,
      median: c.median,
      p90: c.p90,
      lossChance: c.lossChance,
      percentiles: c.draws === undefined || c.draws.length === 0 ? null : percentileTable(c.draws),
    })),
    company: { ...result.company },
    lookCloser: [...result.lookCloser],
    checks: result.checks.map((p) => ({
      pool: p.pool,
      explainedMinutes: text(p.explainedMinutes),
      paidMinutes: textOrNull(p.paidMinutes),
      overstatement: textOrNull(p.overstatement),
    })),
  };
}

/**
 * Percentiles 1 to 99 by nearest rank: the p-th is the draw at rank ⌈p/100 · n⌉ of the n draws sorted
 * ascending, a value that was actually drawn (no interpolation), so the same draws give the same numbers
 * wherever they are ranked.
 */
export function percentileTable(draws: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(draws).sort();
  const n = sorted.length;
  const table: number[] = [];
  for (let p = 1; p <= 99; p++) table.push(sorted[Math.max(1, Math.ceil((p * n) / 100)) - 1] ?? Number.NaN);
  return table;
}

/**
 * The p-th percentile (a whole number 1–99) of a customer's simulated net profit; null when the analysis
 * gave no draws and p is not 10, 50 or 90. P10, the median and P90 are the engine's own, so a formula
 * agrees with the runner's report and the pane whatever rank rule the engine uses.
 */
export function percentileOf(customer: CustomerRangeJson, p: number): number | null {
  if (p === 10) return customer.p10;
  if (p === 50) return customer.median;
  if (p === 90) return customer.p90;
  return customer.percentiles?.[p - 1] ?? null;
}
