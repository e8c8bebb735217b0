/**
 * The worksheet functions over periods (issue 20): `ABC.PROFIT(customer, period)` — a customer's net profit
 * in a period kept in ABC_History — and `ABC.CHANGE(customer, [part], [period])` — the change in its net
 * profit from a kept period to this one, or one part of that change's bridge. The kept periods and this
 * period's exact figures are loaded when a formula first asks (lazy-load.ts); until then the formula is busy.
 * Pure: no Office, so the logic and its tests run in Node.
 */
import { compareFigures } from '../engine/compare/bridge';
import type { PeriodFigures } from '../engine/compare/figures';
import type { KeptPeriods } from '../engine/compare/kept-periods';
import type { BridgeParts, CustomerChange } from '../engine/compare/types';
import { type Dec, roundCents, sum, toNumber } from '../engine/decimal';
import { nameKey } from '../engine/model';
import { argumentText, profit } from './abc-functions';
import { type FunctionError, type FunctionValue, notAvailable, pending, valueError } from './function-result';
import type { LazyLoad } from './lazy-load';
import type { ModelIndex, ReadyIndex } from './model-index';

/** The parts of a customer's bridge `ABC.CHANGE` gives, with their Dutch names. */
export const CHANGE_PARTS: Record<keyof BridgeParts, string> = {
  revenue: 'omzet',
  discounts: 'korting',
  cogs: 'kostprijs',
  activityVolume: 'volume',
  activityRate: 'tarief',
  unusedCapacity: 'onbenutteCapaciteit',
  directCosts: 'directeKosten',
};

/** More Dutch spellings a controller may type for a part (the report's words). */
const MORE_DUTCH_PARTS: ReadonlyArray<[keyof BridgeParts, string]> = [
  ['discounts', 'kortingen'],
  ['cogs', 'kostprijsVanDeOmzet'],
  ['cogs', 'kostprijsOmzet'],
  ['activityVolume', 'volumeActiviteiten'],
  ['activityRate', 'tarieven'],
  ['activityRate', 'tarievenActiviteiten'],
  ['directCosts', 'directeKlantkosten'],
];

/**
 * `ABC.PROFIT(customer, [period])`: without a period, the customer's net profit now; with one, its net
 * profit in that kept period (or now, when the period is this model's own and not kept).
 */
export function profitIn(index: ModelIndex, kept: LazyLoad<KeptPeriods> | null, customer: unknown, period?: unknown): FunctionValue {
  const label = argumentText(period);
  if (label === null) return profit(index, customer);
  const id = argumentText(customer);
  if (id === null) return valueError('Give a customer id of ABC_Customers.');
  const periods = keptPeriods(kept);
  if (isError(periods)) return periods;
  const figures = findPeriod(periods, label);
  if (isError(figures)) {
    // This model's own period, not kept (yet): its figures are the model's.
    if (index.status === 'ready' && index.period != null && nameKey(index.period) === nameKey(label)) return profit(index, customer);
    return figures;
  }
  const c = figures.customers.find((x) => nameKey(x.customer) === nameKey(id));
  if (c === undefined) return notAvailable(`Customer "${id}" is not in period ${figures.label ?? label} of ABC_History.`);
  return money(c.netProfit);
}

/**
 * `ABC.CHANGE(customer, [part], [period])`: the change in the customer's net profit from the kept period
 * (by default the last one in ABC_History that is not this model's own period) to now; with a part, that
 * part of the change: a part of the bridge (English or Dutch) or an activity's name (its volume plus rate).
 */
export function change(index: ModelIndex, kept: LazyLoad<KeptPeriods> | null, customer: unknown, part?: unknown, period?: unknown): FunctionValue {
  if (index.status !== 'ready') return index.error;
  const id = argumentText(customer);
  if (id === null) return valueError('Give a customer id of ABC_Customers.');
  const periods = keptPeriods(kept);
  if (isError(periods)) return periods;
  const label = argumentText(period);
  const earlier = label === null ? latestOther(periods, index) : findPeriod(periods, label);
  if (isError(earlier)) return earlier;
  const now = currentFigures(index);
  if (isError(now)) return now;
  const c = changesOf(earlier, now).get(nameKey(id));
  if (c === undefined) return notAvailable(`Unknown customer "${id}": neither ABC_Customers nor period ${earlier.label ?? ''} of ABC_History has it.`);
  return partOf(c, earlier, now, part);
}

function partOf(c: CustomerChange, earlier: PeriodFigures, now: PeriodFigures, part: unknown): FunctionValue {
  const text = argumentText(part);
  if (text === null) return money(c.change);
  const key = partKey(text);
  for (const [english, dutch] of [...(Object.entries(CHANGE_PARTS) as Array<[keyof BridgeParts, string]>), ...MORE_DUTCH_PARTS]) {
    if (partKey(english) === key || partKey(dutch) === key) return money(c.bridge[english]);
  }
  const activity = [...now.activities, ...earlier.activities].find((a) => nameKey(a.activity) === nameKey(text));
  if (activity !== undefined) {
    const a = c.activities.find((x) => nameKey(x.activity) === nameKey(activity.activity));
    // An activity with no part for this customer (nothing changed there) has none in the bridge.
    return a === undefined ? 0 : money(sum([a.volume, a.rate]));
  }
  return valueError(
    `Unknown part "${text}": give one of ${Object.keys(CHANGE_PARTS).join(', ')} (in Dutch ${Object.values(CHANGE_PARTS).join(', ')}) or the name of an activity.`,
  );
}

function partKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** The customers' changes of one pair of periods, worked out once for all the formulas that ask. */
const comparisons = new WeakMap<PeriodFigures, WeakMap<PeriodFigures, Map<string, CustomerChange>>>();

function changesOf(earlier: PeriodFigures, now: PeriodFigures): Map<string, CustomerChange> {
  let byNow = comparisons.get(earlier);
  if (byNow === undefined) {
    byNow = new WeakMap();
    comparisons.set(earlier, byNow);
  }
  let changes = byNow.get(now);
  if (changes === undefined) {
    changes = new Map(compareFigures(earlier, now).customers.map((c) => [nameKey(c.customer), c]));
    byNow.set(now, changes);
  }
  return changes;
}

function keptPeriods(kept: LazyLoad<KeptPeriods> | null): KeptPeriods | FunctionError {
  if (kept === null) return notAvailable('This workbook keeps no periods: open the ABC pane and press Keep period.');
  const state = kept.current();
  if (state.status === 'pending') return pending('ABC_History is being read.');
  if (state.status === 'failed') return valueError(`ABC_History could not be read (${state.detail}). Press Check model in the ABC pane.`);
  return state.value;
}

function findPeriod(kept: KeptPeriods, label: string): PeriodFigures | FunctionError {
  const found = kept.order.find((l) => nameKey(l) === nameKey(label));
  const figures = found === undefined ? undefined : kept.periods.get(found);
  if (figures !== undefined) return figures;
  return notAvailable(`Period ${label} is not kept in ABC_History${kept.order.length === 0 ? '' : `; it keeps ${kept.order.join(', ')}`}.`);
}

/** The last kept period that is not this model's own: the one a controller compares with by default. */
function latestOther(kept: KeptPeriods, index: ReadyIndex): PeriodFigures | FunctionError {
  const own = index.period == null ? null : nameKey(index.period);
  const label = [...kept.order].reverse().find((l) => nameKey(l) !== own);
  const figures = label === undefined ? undefined : kept.periods.get(label);
  return figures ?? notAvailable('No earlier period is kept in ABC_History: press Keep period in the ABC pane in each period.');
}

function currentFigures(index: ReadyIndex): PeriodFigures | FunctionError {
  const state = index.figures?.current();
  if (state === undefined) return valueError('This period\'s figures are not available to compare: press Refresh in the ABC pane.');
  if (state.status === 'pending') return pending('This period\'s figures are being fetched.');
  if (state.status === 'failed') return valueError(`This period's figures could not be had (${state.detail}). Press Refresh in the ABC pane.`);
  return state.value;
}

function isError<T extends object>(value: T | FunctionError): value is FunctionError {
  return 'kind' in value && 'message' in value && typeof (value as FunctionError).kind === 'string';
}

function money(value: Dec): number {
  const n = toNumber(roundCents(value));
  return n === 0 ? 0 : n;
}
