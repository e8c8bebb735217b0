/**
 * The worksheet functions of "how sure are we" (issue 21): `ABC.PROFITRANGE(customer, [percentile])` — a
 * percentile of the customer's net profit over the seeded simulation — and `ABC.LOSSCHANCE(customer)` — the
 * share of the simulation's draws in which it loses money. The analysis is the pane worker's, of the very
 * result the formulas answer from, with the model's Seed and Simulations, so the numbers are the runner's and
 * the pane's; it is run when a formula first asks (lazy-load.ts), and until then the formula is busy.
 * Percentiles are estimates (floating point, rounded to cents here); the deterministic figures stay exact.
 * Pure: no Office.
 */
import { dec, roundCents, toNumber } from '../engine/decimal';
import { nameKey } from '../engine/model';
import { argumentText } from './abc-functions';
import { type FunctionError, type FunctionValue, notAvailable, pending, valueError } from './function-result';
import type { ModelIndex } from './model-index';
import { type CustomerRangeJson, type SensitivityFiguresJson, percentileOf } from './sensitivity-figures';

/** The percentile `ABC.PROFITRANGE` gives when none is asked: the median. */
export const DEFAULT_PERCENTILE = 50;

/**
 * `ABC.PROFITRANGE(customer, [percentile])`: the `percentile`-th percentile (a whole number 1–99, 50 when
 * left out) of the customer's simulated net profit, by nearest rank; #VALUE! for any other percentile.
 */
export function profitRange(index: ModelIndex, customer: unknown, percentile?: unknown): FunctionValue {
  const p = percentileArgument(percentile);
  if (typeof p !== 'number') return p;
  const range = customerRange(index, customer);
  if ('kind' in range) return range;
  const value = percentileOf(range, p);
  if (value === null) return notAvailable(`Only P10, the median (50) and P90 are known for customer "${range.customer}" in this analysis.`);
  const n = toNumber(roundCents(dec(value)));
  return n === 0 ? 0 : n;
}

/** `ABC.LOSSCHANCE(customer)`: the share (0 to 1) of the simulation's draws in which the customer's net profit is below zero. */
export function lossChance(index: ModelIndex, customer: unknown): FunctionValue {
  const range = customerRange(index, customer);
  return 'kind' in range ? range : range.lossChance;
}

function percentileArgument(value: unknown): number | FunctionError {
  const text = argumentText(value);
  if (text === null) return DEFAULT_PERCENTILE;
  const p = Number(text);
  if (Number.isInteger(p) && p >= 1 && p <= 99) return p;
  return valueError(`The percentile must be a whole number from 1 to 99 (10, 50 or 90, say; type 10, not 10%); found ${text}.`);
}

function customerRange(index: ModelIndex, customer: unknown): CustomerRangeJson | FunctionError {
  if (index.status !== 'ready') return index.error;
  const id = argumentText(customer);
  if (id === null) return valueError('Give a customer id of ABC_Customers.');
  if (!index.customers.has(nameKey(id))) return notAvailable(`Unknown customer "${id}": ABC_Customers has no such customer id.`);
  const state = index.sensitivity?.current();
  if (state === undefined) return valueError('The simulation is not available here: open the ABC pane and press Refresh.');
  if (state.status === 'pending') return pending('The simulation is running.');
  if (state.status === 'failed') return valueError(`The simulation could not be run (${state.detail}).`);
  return byCustomer(state.value).get(nameKey(id)) ?? notAvailable(`Customer "${id}" is not in the simulation.`);
}

/** The customers of one analysis by id key, made once for all the formulas that ask. */
const indexed = new WeakMap<SensitivityFiguresJson, Map<string, CustomerRangeJson>>();

function byCustomer(figures: SensitivityFiguresJson): Map<string, CustomerRangeJson> {
  let map = indexed.get(figures);
  if (map === undefined) {
    map = new Map(figures.customers.map((c) => [nameKey(c.customer), c]));
    indexed.set(figures, map);
  }
  return map;
}
