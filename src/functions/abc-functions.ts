/**
 * The ABC worksheet functions as pure logic: each answers from a `ModelIndex` with a number or a typed
 * error, and never throws, because an exception in a custom function shows the user nothing useful.
 * Arguments arrive as Excel passes them (text, numbers, booleans, blanks, 2-D arrays for ranges), so
 * every parameter is `unknown` and read defensively.
 */
import { type Dec, dec, parseDecimalText, roundCents, sum, toNumber } from '../engine/decimal';
import { type TraceKind, traceCustomerCost } from '../engine/explain/trace-customer';
import { nameKey } from '../engine/model';
import { reportText } from '../workbook/report-text';
import { numberText } from '../workbook/cells';
import { type FunctionError, type FunctionValue, divisionByZero, notAvailable, pending, valueError } from './function-result';
import type { IndexedActivity, IndexedCustomer, IndexedDriver, IndexedPool, ModelIndex, ReadyIndex } from './model-index';
import type { IndexedScenario } from './scenario-source';

/**
 * `ABC.ACTIVITYCOST(activity, [customer])`: the activity's cost charged to the customer, or, without a
 * customer, the activity's whole cost for the period (including any part that reaches no customer).
 */
export function activityCost(index: ModelIndex, activity: unknown, customer?: unknown): FunctionValue {
  return answer(index, (ready) => {
    const a = findActivity(ready, activity);
    if (isError(a)) return a;
    if (isOmitted(customer)) return a.cost;
    const c = findCustomer(ready, customer);
    if (isError(c)) return c;
    return c.activityCosts.get(a.activity) ?? 0;
  });
}

/** `ABC.COSTTOSERVE(customer)`: the customer's activity costs together. */
export function costToServe(index: ModelIndex, customer: unknown): FunctionValue {
  return answer(index, (ready) => {
    const c = findCustomer(ready, customer);
    return isError(c) ? c : c.costToServe;
  });
}

/** `ABC.PROFIT(customer)`: the customer's net profit (gross margin − cost to serve − direct costs). */
export function profit(index: ModelIndex, customer: unknown): FunctionValue {
  return answer(index, (ready) => {
    const c = findCustomer(ready, customer);
    return isError(c) ? c : c.netProfit;
  });
}

/** `ABC.MARGIN(customer)`: net profit as a fraction of net revenue; #DIV/0! when net revenue is zero. */
export function margin(index: ModelIndex, customer: unknown): FunctionValue {
  return answer(index, (ready) => {
    const c = findCustomer(ready, customer);
    if (isError(c)) return c;
    if (c.margin === null) return divisionByZero(`Customer "${c.customer}" has no net revenue, so no margin.`);
    return c.margin === 0 ? 0 : c.margin;
  });
}

/** `ABC.RATE(pool)`: the cost per minute of a time-driven pool, unrounded. */
export function rate(index: ModelIndex, pool: unknown): FunctionValue {
  return answer(index, (ready) => {
    const p = findPool(ready, pool);
    if (isError(p)) return p;
    if (p.method !== 'time' || p.ratePerMinute === null) {
      return notAvailable(`Pool "${p.pool}" is conventional (Share rows), so it has no cost per minute; ABC.DRIVERRATE gives its activities' cost per driver unit.`);
    }
    return plain(p.ratePerMinute);
  });
}

/**
 * `ABC.DRIVERRATE(activity, [driver])`: the activity's cost per unit of the driver, unrounded. The driver
 * may be left out when the activity has only one.
 */
export function driverRate(index: ModelIndex, activity: unknown, driver?: unknown): FunctionValue {
  return answer(index, (ready) => {
    const a = findActivity(ready, activity);
    if (isError(a)) return a;
    let d: IndexedDriver | FunctionError;
    if (isOmitted(driver)) {
      const only = a.driverList[0];
      if (only === undefined) return notAvailable(`Activity "${a.activity}" is business-sustaining: it has no driver, so no cost per driver unit.`);
      if (a.driverList.length > 1) {
        return valueError(`Activity "${a.activity}" has several drivers (${driverNames(a)}): give the driver as the second argument.`);
      }
      d = only;
    } else {
      d = findDriver(a, driver);
    }
    if (isError(d)) return d;
    return d.costPerUnit === null ? zeroQuantity(a, d) : plain(d.costPerUnit);
  });
}

/** `ABC.UNUSED(pool)`: the cost of the pool's unused capacity (negative when it was over capacity). */
export function unused(index: ModelIndex, pool: unknown): FunctionValue {
  return answer(index, (ready) => {
    const p = findPool(ready, pool);
    if (isError(p)) return p;
    if (p.method !== 'time' || p.unusedCost === null) {
      return notAvailable(`Pool "${p.pool}" is conventional (Share rows): it has no capacity, so no unused capacity.`);
    }
    return p.unusedCost;
  });
}

/**
 * `ABC.COST(activity, drivers, quantities)`: what one hypothetical transaction costs in the activity:
 * the sum of quantity × cost per driver unit over the drivers given, rounded to cents. For a time-driven
 * activity that is its time equation at the pool's cost per minute. A driver may appear more than once
 * (its quantities add up); pairs whose driver and quantity are both blank are skipped, so a range with
 * spare rows works.
 */
export function cost(index: ModelIndex, activity: unknown, drivers: unknown, quantities: unknown): FunctionValue {
  return answer(index, (ready) => {
    const a = findActivity(ready, activity);
    if (isError(a)) return a;
    const names = flatten(drivers);
    const counts = flatten(quantities);
    if (names.length !== counts.length) {
      return valueError(`Give one quantity per driver: ${names.length} driver${names.length === 1 ? '' : 's'} but ${counts.length} quantit${counts.length === 1 ? 'y' : 'ies'}.`);
    }
    const terms: Dec[] = [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const q = readQuantity(counts[i], i);
      if (isError(q)) return q;
      if (isOmitted(name)) {
        if (q.isZero()) continue;
        return valueError(`Driver ${i + 1} is blank but has quantity ${q.toString()}.`);
      }
      const d = findDriver(a, name);
      if (isError(d)) return d;
      if (d.costPerUnit === null) return zeroQuantity(a, d);
      terms.push(q.times(d.costPerUnit));
    }
    if (terms.length === 0) return valueError('Give at least one driver and its quantity.');
    return money(sum(terms));
  });
}

/**
 * `ABC.EXPLAIN(customer, [activity])`: the customer's cost to serve (or one activity's cost for it) traced
 * level by level, as a spilled table: Level | From | To | Amount, one row per step (see trace-customer.ts),
 * each level adding up to the cost to serve. Headers and labels in the pane's language.
 */
export function explain(index: ModelIndex, customer: unknown, activity?: unknown): FunctionValue {
  return answer(index, (ready) => {
    const c = findCustomer(ready, customer);
    if (isError(c)) return c;
    const a = isOmitted(activity) ? null : findActivity(ready, activity);
    if (a !== null && isError(a)) return a;
    const rows = traceCustomerCost(ready.trace(), c.customer, a?.activity) ?? [];
    const t = reportText(ready.language);
    const label = (name: string, kind: TraceKind, description?: string | null): string => {
      if (kind === 'unused') return t.pnl.unusedCapacityOf(name);
      if (kind === 'rate') return t.statement.rateOf(name);
      if (kind === 'account') return `${t.statement.account} ${name}${description === null || description === undefined ? '' : ` (${description})`}`;
      return name;
    };
    const header = ready.language === 'nl' ? ['Niveau', 'Van', 'Naar', 'Bedrag'] : ['Level', 'From', 'To', 'Amount'];
    return [header, ...rows.map((r) => [r.level, label(r.from, r.fromKind, r.description), label(r.to, r.toKind), money(r.amount)])];
  });
}

/** The stages `ABC.POOLCOST` gives, by their English word, with the Dutch one also accepted. */
const POOL_STAGES = { before: 'voor', after: 'na' } as const;

/**
 * `ABC.POOLCOST(pool, [stage])`: a pool's own cost (`before`, from the ledger) or its cost after support
 * pools passed theirs on (`after`, the default); for a support pool, after is what its shares leave
 * unassigned. Without a ledger and support pools both are the pool's Cost.
 */
export function poolCost(index: ModelIndex, pool: unknown, stage?: unknown): FunctionValue {
  return answer(index, (ready) => {
    const name = argumentText(pool);
    if (name === null) return valueError('Give the name of a pool of ABC_Pools.');
    const text = argumentText(stage);
    const key = text === null ? 'after' : (Object.entries(POOL_STAGES).find(([en, nl]) => figureKey(en) === figureKey(text) || figureKey(nl) === figureKey(text))?.[0] ?? null);
    if (key === null) return valueError(`Unknown stage "${text ?? ''}": give before or after (in Dutch voor or na).`);
    const p = ready.poolCosts.get(nameKey(name));
    if (p === undefined) return notAvailable(`Unknown pool "${name}": ABC_Pools has no such pool.`);
    return key === 'before' ? p.before : p.after;
  });
}

/** The figures `ABC.SCENARIO` gives, by their English name, with the Dutch name (docs/glossary.md) also accepted. */
export const SCENARIO_FIGURES = {
  netRevenue: 'nettoOmzet',
  costToServe: 'bedieningskosten',
  netProfit: 'nettowinst',
  fees: 'vergoedingen',
  operatingProfit: 'bedrijfsresultaat',
  operatingProfitResized: 'bedrijfsresultaatBijgesteld',
  freedMinutes: 'vrijgekomenMinuten',
  freedFte: 'vrijgekomenFte',
} as const;

/** Dutch names formulas written before the glossary use: still accepted, never listed. */
const FORMER_DUTCH_FIGURES: ReadonlyArray<[ScenarioFigure, string]> = [['netProfit', 'nettoresultaat']];

/** A figure of `ABC.SCENARIO`. */
export type ScenarioFigure = keyof typeof SCENARIO_FIGURES;

/** The figures a customer has in a scenario; the others are the company's. */
const CUSTOMER_FIGURES: ReadonlySet<ScenarioFigure> = new Set<ScenarioFigure>(['netProfit', 'fees']);

/**
 * `ABC.SCENARIO(scenario, [customer], [figure])`: a figure after a what-if scenario of ABC_Scenarios,
 * with today's capacity. With a customer: its net profit (or the fees it is charged); without: the
 * company's operating profit, or the figure named. The scenarios are run once per model, when the first
 * formula asks; until then the formula is busy.
 */
export function scenario(index: ModelIndex, scenarioName: unknown, customer?: unknown, figure?: unknown): FunctionValue {
  return answer(index, (ready) => {
    const name = argumentText(scenarioName);
    if (name === null) return valueError('Give the name of a scenario of ABC_Scenarios.');
    const wanted = readFigure(figure, isOmitted(customer) ? 'operatingProfit' : 'netProfit');
    if (isError(wanted)) return wanted;
    let c: IndexedCustomer | null = null;
    if (!isOmitted(customer)) {
      const found = findCustomer(ready, customer);
      if (isError(found)) return found;
      if (!CUSTOMER_FIGURES.has(wanted)) {
        return valueError(`"${wanted}" is a figure of the company: leave the customer out. A customer's figures are ${[...CUSTOMER_FIGURES].join(' and ')}.`);
      }
      c = found;
    }
    const state = ready.scenarios.current();
    if (state.status === 'none') return notAvailable('The workbook has no scenarios: add the range ABC_Scenarios (see "ABC_Scenarios" in the workbook contract).');
    if (state.status === 'pending') return pending('The scenarios are being computed.');
    if (state.status === 'failed') return state.error;
    const s = state.scenarios.get(nameKey(name));
    if (s === undefined) return notAvailable(`Unknown scenario "${name}": ABC_Scenarios has ${state.scenarioNames.map((n) => `"${n}"`).join(', ')}.`);
    return c === null ? companyFigure(s, wanted) : customerFigure(s, c, wanted);
  });
}

function companyFigure(s: IndexedScenario, figure: ScenarioFigure): FunctionValue {
  const { after, operatingProfitResized, pools } = s.figures;
  switch (figure) {
    case 'netRevenue':
      return after.netRevenue;
    case 'costToServe':
      return after.costToServe;
    case 'netProfit':
      return after.customerNetProfit;
    case 'fees':
      return after.fees;
    case 'operatingProfit':
      return after.operatingProfit;
    case 'operatingProfitResized':
      return operatingProfitResized;
    case 'freedMinutes':
      return plain(sum(pools.map((p) => dec(p.freedMinutes))));
    case 'freedFte': {
      const unknown = pools.filter((p) => p.freedFte === null && p.freedMinutes !== 0).map((p) => `"${p.pool}"`);
      if (unknown.length > 0) {
        return notAvailable(`No FTE is known for ${unknown.join(', ')}: set MinutesPerFTE in ABC_Settings or give ABC_Pools an FTE column. freedMinutes gives the minutes.`);
      }
      return plain(sum(pools.map((p) => dec(p.freedFte ?? 0))));
    }
  }
}

function customerFigure(s: IndexedScenario, c: IndexedCustomer, figure: ScenarioFigure): FunctionValue {
  // A customer the scenario does not touch keeps its net profit and is charged no fee.
  const effect = s.customers.get(nameKey(c.customer));
  return figure === 'fees' ? (effect?.fees ?? 0) : (effect?.netProfitAfter ?? c.netProfit);
}

/** The figure named (English or Dutch, any case, spaces, hyphens and underscores ignored), or `omitted`. */
function readFigure(figure: unknown, omitted: ScenarioFigure): ScenarioFigure | FunctionError {
  const text = argumentText(figure);
  if (text === null) return omitted;
  const key = figureKey(text);
  for (const [english, dutch] of [...(Object.entries(SCENARIO_FIGURES) as Array<[ScenarioFigure, string]>), ...FORMER_DUTCH_FIGURES]) {
    if (figureKey(english) === key || figureKey(dutch) === key) return english;
  }
  return valueError(
    `Unknown figure "${text}": give one of ${Object.keys(SCENARIO_FIGURES).join(', ')} (in Dutch ${Object.values(SCENARIO_FIGURES).join(', ')}).`,
  );
}

function figureKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** The functions by id, as the host layer, the tests and the benchmark call them. */
export const ABC_FUNCTIONS = {
  ACTIVITYCOST: activityCost,
  COSTTOSERVE: costToServe,
  PROFIT: profit,
  MARGIN: margin,
  RATE: rate,
  DRIVERRATE: driverRate,
  UNUSED: unused,
  COST: cost,
  SCENARIO: scenario,
  EXPLAIN: explain,
  POOLCOST: poolCost,
} as const;

/** The id of an ABC function, as in `ABC.<id>(…)`. */
export type AbcFunctionId = keyof typeof ABC_FUNCTIONS;

/**
 * Calls a function by id with the arguments as Excel passes them (missing optional ones left out).
 * Unknown ids and wrong argument counts are #VALUE!, never an exception.
 */
export function callAbcFunction(index: ModelIndex, id: string, args: readonly unknown[]): FunctionValue {
  const fn = (ABC_FUNCTIONS as Record<string, ((index: ModelIndex, ...args: unknown[]) => FunctionValue) | undefined>)[id.toUpperCase()];
  if (fn === undefined) return valueError(`ABC.${id} is not a function of this add-in.`);
  if (args.length > fn.length - 1) return valueError(`ABC.${id.toUpperCase()} takes at most ${fn.length - 1} arguments.`);
  return fn(index, ...args);
}

// ---- reading arguments ----

/** The text of a name or id argument: numbers in plain notation (1001 → "1001"), null when blank. */
export function argumentText(value: unknown): string | null {
  const v = single(value);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return null;
}

/** True for an argument left out or blank: Excel passes null (or nothing) for an omitted optional one. */
function isOmitted(value: unknown): boolean {
  return argumentText(value) === null;
}

/** A one-cell range may arrive as [[value]]. */
function single(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v) && v.length === 1) v = v[0];
  return v;
}

function flatten(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const out: unknown[] = [];
  for (const item of value) {
    if (Array.isArray(item)) out.push(...flatten(item));
    else out.push(item);
  }
  return out;
}

function readQuantity(value: unknown, position: number): Dec | FunctionError {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return dec(0);
  let q: Dec | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) q = dec(value);
  else if (typeof value === 'string') q = parseDecimalText(value);
  if (q === null) return valueError(`Quantity ${position + 1} (${showArgument(value)}) is not a number.`);
  if (q.isNegative()) return valueError(`Quantity ${position + 1} is negative (${q.toString()}); quantities are counts of driver units.`);
  return q;
}

function showArgument(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

// ---- looking names up ----

function findActivity(index: ReadyIndex, activity: unknown): IndexedActivity | FunctionError {
  const name = argumentText(activity);
  if (name === null) return valueError('Give the name of an activity of ABC_Activities.');
  return index.activities.get(nameKey(name)) ?? notAvailable(`Unknown activity "${name}": ABC_Activities has no such activity.`);
}

function findCustomer(index: ReadyIndex, customer: unknown): IndexedCustomer | FunctionError {
  const id = argumentText(customer);
  if (id === null) return valueError('Give a customer id of ABC_Customers.');
  return index.customers.get(nameKey(id)) ?? notAvailable(`Unknown customer "${id}": ABC_Customers has no such customer id.`);
}

function findPool(index: ReadyIndex, pool: unknown): IndexedPool | FunctionError {
  const name = argumentText(pool);
  if (name === null) return valueError('Give the name of a pool of ABC_Pools.');
  return index.pools.get(nameKey(name)) ?? notAvailable(`Unknown pool "${name}": ABC_Pools has no such pool.`);
}

function findDriver(activity: IndexedActivity, driver: unknown): IndexedDriver | FunctionError {
  const name = argumentText(driver);
  if (name === null) return valueError('Give the name of a driver.');
  const found = activity.drivers.get(nameKey(name));
  if (found !== undefined) return found;
  const known = activity.driverList.length > 0 ? `its drivers are ${driverNames(activity)}` : 'it is business-sustaining and has no driver';
  return notAvailable(`Unknown driver "${name}" for activity "${activity.activity}": ${known}.`);
}

function driverNames(activity: IndexedActivity): string {
  return activity.driverList.map((d) => d.driver).join(', ');
}

function zeroQuantity(activity: IndexedActivity, driver: IndexedDriver): FunctionError {
  return divisionByZero(`Driver "${driver.driver}" of activity "${activity.activity}" has a total quantity of 0, so its cost per unit is undefined.`);
}

// ---- answering ----

function isError<T>(value: T | FunctionError): value is FunctionError {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value && 'message' in value;
}

function answer(index: ModelIndex, compute: (ready: ReadyIndex) => FunctionValue): FunctionValue {
  if (index.status !== 'ready') return index.error;
  try {
    return compute(index);
  } catch (e) {
    // Unreachable by design; a formula must still show a message rather than break the recalculation.
    return valueError(`Unexpected problem in the ABC functions: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A computed amount of money, rounded to cents as the report rounds. */
function money(value: Dec): number {
  return plain(roundCents(value));
}

/** A Dec as a JS number, without a negative zero (which a cell would show as 0 but tests see as -0). */
function plain(value: Dec): number {
  const n = toNumber(value);
  return n === 0 ? 0 : n;
}
