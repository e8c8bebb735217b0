/**
 * The model of the last computation, indexed once so that each worksheet function call is a few map
 * look-ups: a workbook may hold ten thousand ABC formulas, and every one of them answers again after
 * each refresh. It can be built from the engine's `CostingResult` (Node, or a runtime that computed the
 * model itself) or from the JSON result (`ResultJson`), which is what the task pane receives from its
 * Web Worker: decimal values do not survive the worker boundary, plain numbers do. Money is kept as the
 * numbers the report shows (already rounded to cents); rates are kept as decimals for `ABC.COST`.
 * Pure: no Office, DOM or Node, so it runs in the shared runtime and in Jest alike.
 */
import { type PeriodFigures, figuresOfResult } from '../engine/compare/figures';
import { type Dec, dec, sum, toNumber } from '../engine/decimal';
import { type Issue, formatWhere } from '../engine/issues';
import { type MessageLanguage, renderMessage } from '../engine/messages';
import { type ModelInput, type TermKind, nameKey } from '../engine/model';
import type { TraceSource } from '../engine/explain/trace-customer';
import type { ActivityResult, CostingResult } from '../engine/result';
import type { FirstStageJson } from '../workbook/first-stage-json';
import { runScenarios } from '../engine/scenarios/run-scenarios';
import type { Analysis } from '../workbook/analyse';
import type { ActivityJson, IssueJson, ResultJson } from '../workbook/result-json';
import { type FunctionError, valueError } from './function-result';
import { LazyLoad, type Loader } from './lazy-load';
import { scenarioFiguresOf } from './scenario-figures';
import type { SensitivityFiguresJson } from './sensitivity-figures';
import { type ScenarioLoader, ScenarioSource } from './scenario-source';

/** One driver of an activity, with what a hypothetical transaction needs to be costed. */
export interface IndexedDriver {
  /** The driver's name as the activity wrote it first. */
  driver: string;
  kind: TermKind;
  /** Cost per driver unit, unrounded; null when undefined (a share driver with zero total quantity). */
  costPerUnit: Dec | null;
}

/** An activity with its drivers by key. */
export interface IndexedActivity {
  activity: string;
  /** The activity's cost for the period, in cents-rounded money. */
  cost: number;
  /** Driver key (see `nameKey`) → driver; terms of one driver are merged. */
  drivers: ReadonlyMap<string, IndexedDriver>;
  /** The same drivers in the order of `ABC_Activities`, for messages. */
  driverList: readonly IndexedDriver[];
}

/** A customer's figures the functions give. */
export interface IndexedCustomer {
  customer: string;
  netRevenue: number;
  costToServe: number;
  netProfit: number;
  /** Net profit ÷ net revenue, computed once; null when net revenue is zero. */
  margin: number | null;
  /** Activity name (as in `IndexedActivity.activity`) → cost charged to this customer. */
  activityCosts: ReadonlyMap<string, number>;
}

/** A pool's figures the functions give. */
export interface IndexedPool {
  pool: string;
  method: 'time' | 'share';
  ratePerMinute: Dec | null;
  unusedCost: number | null;
}

/** A computed model, ready to answer. */
export interface ReadyIndex {
  status: 'ready';
  /** Activity key → activity. */
  activities: ReadonlyMap<string, IndexedActivity>;
  /** Customer id key → customer: ids are matched as text, so the number 1001 finds customer "1001". */
  customers: ReadonlyMap<string, IndexedCustomer>;
  /** Pool key → pool. */
  pools: ReadonlyMap<string, IndexedPool>;
  /** The model's what-if scenarios, run on the first `ABC.SCENARIO` that asks (once for this model). */
  scenarios: ScenarioSource;
  /** Pool key → its cost before and after the first stage (`ABC.POOLCOST`), support pools included. */
  poolCosts: ReadonlyMap<string, IndexedPoolCost>;
  /** What `ABC.EXPLAIN` traces, made on its first call (most workbooks never ask). */
  trace: () => TraceSource;
  /** The language of `ABC.EXPLAIN`'s headers and labels: the pane's. */
  language: MessageLanguage;
  /** The model's Period setting (null when not set), which `ABC.CHANGE` compares a kept period with; absent: unknown. */
  period?: string | null;
  /** This period's exact figures for `ABC.CHANGE`, fetched on its first call; absent when they cannot be had. */
  figures?: LazyLoad<PeriodFigures>;
  /** The seeded simulation for `ABC.PROFITRANGE` and `ABC.LOSSCHANCE`, run on their first call; absent when it cannot be had. */
  sensitivity?: LazyLoad<SensitivityFiguresJson>;
}

/** A pool's own cost and its cost after support pools passed theirs on, in cents-rounded money. */
export interface IndexedPoolCost {
  pool: string;
  /** Its own cost: from the ledger, else its Cost. */
  before: number;
  /** An operating pool's cost after support; a support pool's cost its shares leave unassigned. */
  after: number;
}

/** A model that cannot answer (it has errors, or could not be read): every function gives `error`. */
export interface UnavailableIndex {
  status: 'unavailable';
  error: FunctionError;
}

/** What the functions answer from. */
export type ModelIndex = ReadyIndex | UnavailableIndex;

/** What the task pane has after a refresh: every issue and, when there are no errors, the JSON result. */
export interface ComputedJson {
  issues: ReadonlyArray<Issue | IssueJson>;
  json: ResultJson | null;
  /**
   * The pane's language, for the message of a model with errors (English when absent). Only that message
   * follows it: the functions' other messages are English.
   */
  language?: MessageLanguage;
  /** Runs the model's scenarios (in the pane: in its Web Worker); absent or null when the model has none. */
  scenarios?: ScenarioLoader | null;
  /** This period's exact figures for `ABC.CHANGE` (in the pane: from its Web Worker); absent: ABC.CHANGE cannot answer. */
  figures?: Loader<PeriodFigures> | null;
  /** The sensitivity of this result (in the pane: analysed in its Web Worker); absent: ABC.PROFITRANGE and ABC.LOSSCHANCE cannot answer. */
  sensitivity?: Loader<SensitivityFiguresJson> | null;
}

/**
 * Indexes an analysis. A model with errors gives an unavailable index whose error carries the first
 * error's message and location, so a formula tells the controller what to fix first.
 */
export function buildModelIndex(analysis: Pick<Analysis, 'issues' | 'result'> & { model?: ModelInput }): ModelIndex {
  const failed = modelErrors(analysis.issues);
  if (failed !== null) return failed;
  const result = analysis.result;
  if (result === null) return notComputed();
  const model = analysis.model;
  // Without the model (only its result) the scenarios cannot be run; with it they run here, when first asked.
  const load: ScenarioLoader | null =
    model === undefined || (model.scenarios ?? []).length === 0
      ? null
      : () => {
          const run = runScenarios(model, result);
          return { figures: run.outcomes.map(scenarioFiguresOf), issues: run.issues };
        };
  return { ...indexResult(result, new ScenarioSource(load, (issues) => scenarioErrors(issues))), figures: new LazyLoad(() => figuresOfResult(result)) };
}

/** Indexes the JSON result of a computation (what the task pane's worker returns). */
export function buildModelIndexFromJson(computed: ComputedJson): ModelIndex {
  const language = computed.language ?? 'en';
  const failed = modelErrors(computed.issues, language);
  if (failed !== null) return failed;
  if (computed.json === null) return notComputed(language);
  const index = indexJson(computed.json, new ScenarioSource(computed.scenarios ?? null, (issues) => scenarioErrors(issues, language), language), language);
  return {
    ...index,
    ...(computed.figures == null ? {} : { figures: new LazyLoad(computed.figures) }),
    ...(computed.sensitivity == null ? {} : { sensitivity: new LazyLoad(computed.sensitivity) }),
  };
}

/** An index that answers every call with the same error (a model that could not be read, for instance). */
export function unavailableIndex(error: FunctionError): UnavailableIndex {
  return { status: 'unavailable', error };
}

function notComputed(language: MessageLanguage = 'en'): UnavailableIndex {
  return unavailableIndex(
    valueError(
      language === 'nl'
        ? 'Het model is niet berekend: open het ABC-taakvenster en kies Rapport vernieuwen.'
        : 'The model has not been computed: open the ABC pane and press Refresh.',
    ),
  );
}

function modelErrors(issues: ReadonlyArray<Issue | IssueJson>, language: MessageLanguage = 'en'): UnavailableIndex | null {
  const error = firstError(issues, language, 'model');
  return error === null ? null : unavailableIndex(error);
}

/** The answer of `ABC.SCENARIO` when running the scenarios found errors (a bad row of ABC_Scenarios). */
function scenarioErrors(issues: ReadonlyArray<Issue | IssueJson>, language: MessageLanguage = 'en'): FunctionError | null {
  return firstError(issues, language, 'scenarios');
}

/** The first error with its location and how many more there are; null when there is none. */
function firstError(issues: ReadonlyArray<Issue | IssueJson>, language: MessageLanguage, subject: 'model' | 'scenarios'): FunctionError | null {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  if (first === undefined) return null;
  const where = 'where' in first ? formatWhere(first.where) : first.location;
  // An issue that crossed the worker keeps its message as data; a JSON issue has only the English text.
  const message = language !== 'en' && 'text' in first && first.text !== undefined ? renderMessage(first.text, language) : first.message;
  const others = errors.length - 1;
  if (language === 'nl') {
    const located = where === null ? message : `Op ${where}: ${message}`;
    const more = others > 0 ? ` Nog ${others} ${others === 1 ? 'fout' : 'fouten'}: zie het ABC-taakvenster.` : '';
    return valueError(`${subject === 'model' ? 'Het model bevat' : "De scenario's bevatten"} fouten. ${located}${more}`);
  }
  const located = where === null ? message : `At ${where}: ${message}`;
  const more = others > 0 ? ` ${others} more error${others > 1 ? 's' : ''}: see the ABC pane.` : '';
  return valueError(`${subject === 'model' ? 'The model has' : 'The scenarios have'} errors. ${located}${more}`);
}

function indexResult(result: CostingResult, scenarios: ScenarioSource): ReadyIndex {
  const activities = new Map<string, IndexedActivity>();
  for (const a of result.activities) activities.set(nameKey(a.activity), indexActivity(a.activity, money(a.cost), a.drivers));
  const customers = new Map<string, IndexedCustomer>();
  for (const c of result.customers) {
    const activityCosts = new Map<string, number>();
    for (const [name, amount] of c.activityCosts) activityCosts.set(name, money(amount));
    customers.set(nameKey(c.customer), {
      customer: c.customer,
      netRevenue: money(c.netRevenue),
      costToServe: money(c.costToServe),
      netProfit: money(c.netProfit),
      margin: c.netRevenue.isZero() ? null : toNumber(c.netProfit.dividedBy(c.netRevenue)),
      activityCosts,
    });
  }
  const pools = new Map<string, IndexedPool>();
  for (const p of result.pools) {
    pools.set(nameKey(p.pool), { pool: p.pool, method: p.method, ratePerMinute: p.ratePerMinute, unusedCost: p.unusedCost === null ? null : money(p.unusedCost) });
  }
  const stagePools = result.firstStage?.pools.map((p) => ({ pool: p.pool, before: money(p.ownCost), after: money(p.costAfter) }));
  const poolCosts = poolCostIndex(stagePools ?? result.pools.map((p) => ({ pool: p.pool, before: money(p.cost), after: money(p.cost) })));
  return { status: 'ready', activities, customers, pools, scenarios, poolCosts, trace: () => result, language: 'en', period: result.settings.period };
}

function indexJson(json: ResultJson, scenarios: ScenarioSource, language: MessageLanguage): ReadyIndex {
  const activities = new Map<string, IndexedActivity>();
  for (const a of json.activities) activities.set(nameKey(a.activity), indexActivity(a.activity, a.cost, driversOfJson(a)));
  const customers = new Map<string, IndexedCustomer>();
  for (const c of json.customers) {
    customers.set(nameKey(c.customer), {
      customer: c.customer,
      netRevenue: c.netRevenue,
      costToServe: c.costToServe,
      netProfit: c.netProfit,
      margin: c.netRevenue === 0 ? null : toNumber(dec(c.netProfit).dividedBy(dec(c.netRevenue))),
      activityCosts: new Map(Object.entries(c.activityCosts)),
    });
  }
  const pools = new Map<string, IndexedPool>();
  for (const p of json.pools) {
    pools.set(nameKey(p.pool), { pool: p.pool, method: p.method, ratePerMinute: p.ratePerMinute === null ? null : dec(p.ratePerMinute), unusedCost: p.unusedCost });
  }
  const stagePools = json.firstStage?.pools.map((p) => ({ pool: p.pool, before: p.ownCost, after: p.costAfter }));
  const poolCosts = poolCostIndex(stagePools ?? json.pools.map((p) => ({ pool: p.pool, before: p.cost, after: p.cost })));
  return { status: 'ready', activities, customers, pools, scenarios, poolCosts, trace: once(() => traceOfJson(json)), language, period: json.period };
}

function poolCostIndex(pools: readonly IndexedPoolCost[]): Map<string, IndexedPoolCost> {
  return new Map(pools.map((p) => [nameKey(p.pool), p]));
}

/** The JSON result as a trace reads it: the amounts as decimals again. */
function traceOfJson(json: ResultJson): TraceSource {
  const decimals = (record: Record<string, number>): Map<string, Dec> => new Map(Object.entries(record).map(([k, v]) => [k, dec(v)]));
  return {
    customers: json.customers.map((c) => ({ customer: c.customer, activityCosts: decimals(c.activityCosts), unusedCapacityCosts: decimals(c.unusedCapacityCosts) })),
    activities: json.activities.map((a) => ({ activity: a.activity, pool: a.pool })),
    ...(json.firstStage === undefined ? {} : { firstStage: firstStageOfJson(json.firstStage) }),
  };
}

/**
 * The first stage of the JSON as a trace reads it. An origin's account description is not repeated in
 * the JSON's origins: it is the one the pool's ledger gives that account.
 */
function firstStageOfJson(json: FirstStageJson): NonNullable<TraceSource['firstStage']> {
  const descriptions = new Map(json.pools.flatMap((p) => p.ledger.map((l) => [`${nameKey(p.pool)}\u0000${l.account}`, l.description] as const)));
  return {
    fromLedger: json.fromLedger,
    pools: json.pools.map((p) => ({
      pool: p.pool,
      origins: p.origins.map((o) => ({
        pool: o.pool,
        account: o.account,
        description: o.account === null ? null : (descriptions.get(`${nameKey(o.pool)}\u0000${o.account}`) ?? null),
        amount: dec(o.amount),
      })),
    })),
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

function driversOfJson(activity: ActivityJson): Array<Pick<ActivityResult['drivers'][number], 'driver' | 'kind' | 'costPerUnit'>> {
  return activity.drivers.map((d) => ({ driver: d.driver, kind: d.kind, costPerUnit: d.costPerUnit === null ? null : dec(d.costPerUnit) }));
}

function indexActivity(
  activity: string,
  cost: number,
  terms: ReadonlyArray<Pick<ActivityResult['drivers'][number], 'driver' | 'kind' | 'costPerUnit'>>,
): IndexedActivity {
  // A time equation may name one driver on two rows (5 minutes plus 2 more per order); a transaction
  // then costs the sum of both terms, so the terms of one driver are merged into one cost per unit.
  const grouped = new Map<string, Array<(typeof terms)[number]>>();
  for (const t of terms) {
    const key = nameKey(t.driver);
    const list = grouped.get(key);
    if (list === undefined) grouped.set(key, [t]);
    else list.push(t);
  }
  const drivers = new Map<string, IndexedDriver>();
  for (const [key, list] of grouped) {
    const head = list[0];
    if (head === undefined) continue;
    const perUnit = list.map((t) => t.costPerUnit);
    drivers.set(key, {
      driver: head.driver,
      kind: head.kind,
      costPerUnit: perUnit.every((c): c is Dec => c !== null) ? sum(perUnit) : null,
    });
  }
  return { activity, cost, drivers, driverList: [...drivers.values()] };
}

/** An amount of the result (already rounded to cents by the engine) as the number the report shows. */
function money(value: Dec): number {
  const n = toNumber(value);
  return n === 0 ? 0 : n;
}
