/**
 * How sure the figures are (issue 21): the estimates with their plausible ranges, which of them matter
 * most (the tornado, exact), the chance that a customer really loses money (a seeded Monte Carlo run, an
 * estimate that says so), and the time equations checked against the paid minutes.
 */
import type { Dec } from '../decimal';
import type { TermKind } from '../model';
import type { Where } from '../where';

/** Monte Carlo draws when the model does not set `Simulations`. */
export const DEFAULT_SIMULATIONS = 1000;
/** The seed when the model does not set `Seed`: the same draws on every run, in the runner, the pane and the functions. */
export const DEFAULT_SEED = 20260101;

/** One estimate of the model: an `ABC_Activities` row's Minutes, Share or Rate with its range. */
export interface Estimate {
  /** The row's position among the model's activity rows (0-based), which identifies it. */
  row: number;
  activity: string;
  pool: string | null;
  /** Null for a business-sustaining Share row. */
  driver: string | null;
  kind: TermKind;
  value: Dec;
  low: Dec;
  high: Dec;
  /** The `Group` it moves with in the simulation; null: on its own. */
  group: string | null;
  where: Where;
}

/** What one estimate's range does to the figures, the others fixed; exact. */
export interface TornadoBar {
  estimate: Estimate;
  /** Operating profit with capacity resized to what is used, with the estimate at Low and at High. */
  profitAtLow: Dec;
  profitAtHigh: Dec;
  /** |profitAtHigh − profitAtLow|: the bars are ranked by it, largest first. */
  swing: Dec;
  /** The net profit of the customers that lose money today, together, with the estimate at Low and at High. */
  lossMakersAtLow: Dec;
  lossMakersAtHigh: Dec;
}

/** A customer's net profit over the simulation: estimates (floating point), said as such. */
export interface CustomerRange {
  customer: string;
  name: string | null;
  /** Today's (deterministic, exact) net profit. */
  netProfit: Dec;
  p10: number;
  median: number;
  p90: number;
  /** The share of draws in which the customer's net profit is below zero. */
  lossChance: number;
  /** The customer's simulated net profits, one per draw (for percentiles other than P10, median and P90); absent when not kept. */
  draws?: ArrayLike<number>;
}

/** A pool's time equations against the minutes paid for (FTE × MinutesPerFTE). */
export interface PoolCheck {
  pool: string;
  /** Minutes the time equations explain (today's quantities × minutes per unit). */
  explainedMinutes: Dec;
  /** FTE × MinutesPerFTE; null when either is not given. */
  paidMinutes: Dec | null;
  /** explained ÷ paid (above 1: the estimates claim more time than was paid for); null without paid minutes. */
  overstatement: Dec | null;
}

/** The sensitivity of a costed model. */
export interface SensitivityResult {
  estimates: Estimate[];
  /** One bar per estimate with a range of non-zero width, the largest swing first. */
  tornado: TornadoBar[];
  simulations: number;
  seed: number;
  /** Per customer, in the order of the result's customers. */
  customers: CustomerRange[];
  /** Operating profit with capacity resized over the simulation. */
  company: { p10: number; median: number; p90: number };
  /** Customers whose sign is uncertain (chance of a loss between 10% and 90%): look closer before acting. */
  lookCloser: string[];
  checks: PoolCheck[];
}

/**
 * What `analyseSensitivity` needs of an AbortSignal (the engine is compiled without DOM typings; a DOM or
 * Node AbortSignal fits): when `aborted`, the analysis stops and throws `reason`.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** How `analyseSensitivity` reports progress and is stopped. */
export interface SensitivityOptions {
  /** Told the units done of `total` (the tornado's runs, then the draws) every 100 draws or so and at the end. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignalLike;
}
