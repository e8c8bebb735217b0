/**
 * The ABC worksheet functions as Excel sees them (namespace ABC, set in the manifest). A thin layer:
 * the logic lives in `abc-functions.ts` (and `period-functions.ts`, `sensitivity-functions.ts`); here each function subscribes to the shared model store and
 * re-emits its answer whenever a new model is published. custom-functions-metadata reads the JSDoc below
 * to generate functions.json, and its webpack plugin appends the `CustomFunctions.associate` calls.
 *
 * Why streaming functions: Excel recalculates a normal custom function only when its arguments change,
 * so after a refresh the pane would have to force a full recalculation of the whole workbook (every
 * user formula, every volatile function, and still nothing if the pane cannot reach Excel at that
 * moment). A streaming function instead holds a subscription while its formula lives: it sets a new
 * result exactly when the model changes, and only the cells whose value changed recalculate their
 * dependants. A formula therefore never shows a number from an older model than the latest one, and
 * Excel cancels the subscription itself when the formula is deleted or its arguments change.
 *
 * The task pane must not import this file (the metadata plugin appends the associate calls to it, and
 * they must run once): it talks to the functions through `sharedModelStore()` in model-store.ts.
 */
import * as abc from './abc-functions';
import { type FunctionTable, type FunctionValue, isFunctionError } from './function-result';
import type { ModelIndex } from './model-index';
import { type ModelSnapshot, sharedModelStore } from './model-store';
import * as periods from './period-functions';
import * as ranges from './sensitivity-functions';

/**
 * An activity's cost: for one customer, or for all customers together when no customer is given.
 * @customfunction ACTIVITYCOST
 * @param activity Name of the activity, as in ABC_Activities (case-insensitive).
 * @param [customer] Customer id, as in ABC_Customers (text or number). Leave out for the activity's total cost.
 * @param invocation Streaming invocation (set by Excel).
 */
export function activityCost(activity: string, customer: string | number | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['ACTIVITYCOST', activity, customer], (index) => abc.activityCost(index, activity, customer));
}

/**
 * A customer's cost to serve: all its activity costs together.
 * @customfunction COSTTOSERVE
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param invocation Streaming invocation (set by Excel).
 */
export function costToServe(customer: string | number, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['COSTTOSERVE', customer], (index) => abc.costToServe(index, customer));
}

/**
 * A customer's net profit: gross margin minus cost to serve minus its direct customer costs; this period's, or that of a period kept in ABC_History.
 * @customfunction PROFIT
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param [period] A period kept with Keep period (for example 2025 or Budget). Leave out for this period.
 * @param invocation Streaming invocation (set by Excel).
 */
export function profit(customer: string | number, period: string | number | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['PROFIT', customer, period], (index, snapshot) => periods.profitIn(index, snapshot.kept, customer, period));
}

/**
 * A customer's net profit as a fraction of its net revenue.
 * @customfunction MARGIN
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param invocation Streaming invocation (set by Excel).
 */
export function margin(customer: string | number, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['MARGIN', customer], (index) => abc.margin(index, customer));
}

/**
 * The cost per minute of a time-driven pool (its cost divided by its practical capacity).
 * @customfunction RATE
 * @param pool Name of the pool, as in ABC_Pools.
 * @param invocation Streaming invocation (set by Excel).
 */
export function rate(pool: string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['RATE', pool], (index) => abc.rate(index, pool));
}

/**
 * An activity's cost per driver unit (per order, per order line, per delivery …).
 * @customfunction DRIVERRATE
 * @param activity Name of the activity, as in ABC_Activities.
 * @param [driver] Name of the driver; may be left out when the activity has only one.
 * @param invocation Streaming invocation (set by Excel).
 */
export function driverRate(activity: string, driver: string | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['DRIVERRATE', activity, driver], (index) => abc.driverRate(index, activity, driver));
}

/**
 * The cost of a time-driven pool's unused capacity (negative when more minutes were used than available).
 * @customfunction UNUSED
 * @param pool Name of the pool, as in ABC_Pools.
 * @param invocation Streaming invocation (set by Excel).
 */
export function unused(pool: string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['UNUSED', pool], (index) => abc.unused(index, pool));
}

/**
 * What one hypothetical transaction costs in an activity, from its time equation or rates: for example an order of 12 lines that is a rush order.
 * @customfunction COST
 * @param activity Name of the activity, as in ABC_Activities.
 * @param drivers The drivers of the transaction: a range or an array such as {"Orders","Order lines","Rush orders"}.
 * @param quantities The quantity of each driver, in the same order and size: for example {1,12,1}.
 * @param invocation Streaming invocation (set by Excel).
 */
export function cost(activity: string, drivers: string[][], quantities: number[][], invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['COST', activity, drivers, quantities], (index) => abc.cost(index, activity, drivers, quantities));
}

/**
 * A figure after a what-if scenario of ABC_Scenarios: a customer's net profit, or without a customer the company's operating profit with today's capacity.
 * @customfunction SCENARIO
 * @param scenario Name of the scenario, as in the Scenario column of ABC_Scenarios.
 * @param [customer] Customer id, as in ABC_Customers. Leave out for the company's figures.
 * @param [figure] The figure: netRevenue, costToServe, netProfit, fees, operatingProfit, operatingProfitResized, freedMinutes or freedFte (Dutch names too).
 * @param invocation Streaming invocation (set by Excel).
 */
export function scenario(
  scenario: string,
  customer: string | number | null,
  figure: string | null,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, ['SCENARIO', scenario, customer, figure], (index) => abc.scenario(index, scenario, customer, figure));
}

/**
 * A customer's cost to serve traced to its activities, pools, the pools where the cost started and the ledger accounts: a table of Level, From, To and Amount that spills below the formula; each level adds up to the cost to serve.
 * @customfunction EXPLAIN
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param [activity] Name of an activity, to trace only its cost for the customer. Leave out for the whole cost to serve.
 * @param invocation Streaming invocation (set by Excel).
 */
export function explain(customer: string | number, activity: string | null, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  stream(invocation, ['EXPLAIN', customer, activity], (index) => abc.explain(index, customer, activity));
}

/**
 * A pool's cost before the first stage (its own cost, from the ledger) or after support pools passed their cost on; for a support pool, after is what stays unassigned.
 * @customfunction POOLCOST
 * @param pool Name of the pool, as in ABC_Pools.
 * @param [stage] before or after (Dutch voor or na); after when left out.
 * @param invocation Streaming invocation (set by Excel).
 */
export function poolCost(pool: string, stage: string | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['POOLCOST', pool, stage], (index) => abc.poolCost(index, pool, stage));
}

/**
 * The change in a customer's net profit from a period kept in ABC_History to this one, or one part of it.
 * @customfunction CHANGE
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param [part] A part of the change: revenue, discounts, cogs, activityVolume, activityRate, unusedCapacity or directCosts (Dutch names too), or the name of an activity. Leave out for the whole change.
 * @param [period] The kept period to compare with (for example 2025 or Budget). Leave out for the last kept period before this one.
 * @param invocation Streaming invocation (set by Excel).
 */
export function change(
  customer: string | number,
  part: string | null,
  period: string | number | null,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, ['CHANGE', customer, part, period], (index, snapshot) => periods.change(index, snapshot.kept, customer, part, period));
}

/**
 * A percentile of a customer's net profit over the seeded simulation of the estimates' ranges (Low/High): 10 for the pessimistic P10, 50 for the median, 90 for P90. An estimate, rounded to cents.
 * @customfunction PROFITRANGE
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param [percentile] A whole number from 1 to 99. Leave out for the median (50).
 * @param invocation Streaming invocation (set by Excel).
 */
export function profitRange(customer: string | number, percentile: number | string | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['PROFITRANGE', customer, percentile], (index) => ranges.profitRange(index, customer, percentile));
}

/**
 * The chance that a customer loses money: the share (0 to 1) of the seeded simulation's draws in which its net profit is below zero.
 * @customfunction LOSSCHANCE
 * @param customer Customer id, as in ABC_Customers (text or number).
 * @param invocation Streaming invocation (set by Excel).
 */
export function lossChance(customer: string | number, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, ['LOSSCHANCE', customer], (index) => ranges.lossChance(index, customer));
}

/**
 * Keeps a formula's result in step with the model: one result per model version, until Excel cancels.
 * Before the first model the formula sets nothing, so Excel shows #BUSY!. The call (function and
 * arguments) goes to the store so that a formula Excel cancels and calls again at once, as on a manual
 * recalculation, makes the model be read again.
 */
function stream<T extends number | FunctionTable>(
  invocation: CustomFunctions.StreamingInvocation<T>,
  call: readonly unknown[],
  compute: (index: ModelIndex, snapshot: ModelSnapshot) => FunctionValue,
): void {
  let last: FunctionValue | undefined;
  const unsubscribe = sharedModelStore().subscribe((snapshot) => {
    const value = compute(snapshot.index, snapshot);
    // Still being computed (the scenarios): set nothing, so Excel shows #BUSY! until the answer comes.
    if (isFunctionError(value) && value.kind === 'pending') return;
    // An unchanged answer is not set again, so a refresh recalculates only the dependants of cells that moved.
    if (last !== undefined && sameValue(last, value)) return;
    last = value;
    invocation.setResult(toExcel(value) as T | CustomFunctions.Error);
  }, formulaKey(call));
  invocation.onCanceled = unsubscribe;
}

/** The identity of a call: its function and arguments (an omitted optional argument counts as blank). */
function formulaKey(call: readonly unknown[]): string {
  return JSON.stringify(call.map((a) => (a === undefined ? null : a)));
}

function sameValue(a: FunctionValue, b: FunctionValue): boolean {
  if (!isFunctionError(a) || !isFunctionError(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a.kind === b.kind && a.message === b.message;
}

/** A pure answer as Excel's value: a number, or a CustomFunctions.Error with the message where Excel allows one. */
function toExcel(value: FunctionValue): number | FunctionTable | CustomFunctions.Error {
  if (!isFunctionError(value)) return value;
  switch (value.kind) {
    case 'notAvailable':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, value.message);
    case 'value':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, value.message);
    case 'divisionByZero':
      // Excel shows no custom message for #DIV/0!.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case 'pending':
      // Never set (see stream); should one reach here, "not available yet" is the honest answer.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, value.message);
  }
}
