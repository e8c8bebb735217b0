/**
 * What-if scenarios: rows of `ABC_Scenarios` as the engine receives them, and what running them gives.
 * A scenario changes a copy of the model and runs the engine again; its result is compared with the
 * baseline twice — with today's capacity (freed minutes stay as unused capacity, their cost stays) and with
 * capacity resized to what is used (the freed minutes' cost removed) — because in time-driven costing cost
 * only goes away when capacity is resized.
 */
import type { Dec } from '../decimal';
import type { Where } from '../where';

/** The kinds of change a scenario row makes (see docs/workbook-contract.md, ABC_Scenarios). */
export type ScenarioChangeKind = 'quantity' | 'price' | 'fee' | 'minutes' | 'capacity' | 'minimumOrder';

/** Which customers a row applies to. */
export type ScenarioScope =
  | { kind: 'all' }
  | { kind: 'customer'; customer: string }
  | { kind: 'dimension'; dimension: string; value: string };

/** A Value cell: a percentage change (−0.3 for −30%) or a plain number (a fee, minutes, lines). */
export type ScenarioValue = { kind: 'percent'; fraction: Dec } | { kind: 'number'; value: Dec };

/** One row of `ABC_Scenarios`. */
export interface ScenarioChangeInput {
  scenario: string;
  scope: ScenarioScope;
  change: ScenarioChangeKind;
  /** A driver (quantity, fee), an activity term `Activity / Driver` or an activity (minutes), a pool (capacity); null when the change takes none. */
  target: string | null;
  value: ScenarioValue;
  /** The row (its Scenario cell); the other cells for problems that belong to them. */
  where: Where;
  scopeWhere?: Where;
  /** The Change cell, for problems of the change itself (a minimum order without the order settings). */
  changeWhere?: Where;
  targetWhere?: Where;
  valueWhere?: Where;
}

/** Headline figures of the company, before or after a scenario. */
export interface ScenarioHeadline {
  netRevenue: Dec;
  /** Fees the scenario charges (part of net revenue); zero before. */
  fees: Dec;
  costToServe: Dec;
  /** Sum of the customers' net profit. */
  customerNetProfit: Dec;
  unusedCapacityCost: Dec;
  /** Pool cost that reaches no customer (share remainders, business-sustaining cost), as in `Totals`. */
  unassignedCost: Dec;
  operatingProfit: Dec;
}

/** A time-driven pool's minutes before and after a scenario. */
export interface ScenarioPoolEffect {
  pool: string;
  capacityBefore: Dec;
  capacityAfter: Dec;
  usedBefore: Dec;
  usedAfter: Dec;
  /** usedBefore − usedAfter: positive when minutes are freed, negative when more are needed. */
  freedMinutes: Dec;
  /** Freed minutes in full-time staff; null when neither MinutesPerFTE nor the pool's FTE is given. */
  freedFte: Dec | null;
  /** The cost of the freed minutes at the pool's cost per minute (rounded to cents). */
  freedCost: Dec;
}

/** A customer whose net profit the scenario changes. */
export interface ScenarioCustomerEffect {
  customer: string;
  name: string | null;
  netProfitBefore: Dec;
  netProfitAfter: Dec;
  /** Fees charged to the customer in the scenario. */
  fees: Dec;
}

/** One scenario's result. */
export interface ScenarioOutcome {
  scenario: string;
  before: ScenarioHeadline;
  /** With today's capacity: freed minutes stay as unused capacity. */
  after: ScenarioHeadline;
  /** Operating profit with capacity resized to what is used: `after.operatingProfit` + the freed minutes' cost. */
  operatingProfitResized: Dec;
  pools: ScenarioPoolEffect[];
  /** Customers whose net profit changes, largest change first. */
  customers: ScenarioCustomerEffect[];
}
