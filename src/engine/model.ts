/**
 * The costing model as the engine receives it: typed values, each row remembering where it came from.
 * The workbook contract (src/workbook) builds it from named ranges; tests and the custom functions may
 * build it directly. Cross-row consistency is checked by `validateModel`, not here.
 */
import type { Dec } from './decimal';
import type { Where } from './where';
import type { MessageLanguage } from './message-args';
import type { ScenarioChangeInput } from './scenarios/types';
import type { ResourceLineInput, SupportLinkInput, SupportMethod } from './support/types';

/** A resource cost pool (a department) for the period. */
export interface PoolInput {
  name: string;
  cost: Dec;
  /** Practical capacity in minutes, null when the Capacity cell is blank. */
  capacityMinutes: Dec | null;
  /** Full-time staff behind the capacity (the optional FTE column), for scenarios' freed staff; absent when not given. */
  fte?: Dec | null;
  where: Where;
  /** The Cost cell, when the model has a ledger (`ABC_Resources`): where a Cost that differs from the ledger is shown. */
  costWhere?: Where;
  /** True when the Cost cell is blank in a model with a ledger: the cost is the sum of the pool's ledger lines. */
  costBlank?: boolean;
}

/** How an activity row assigns cost. */
export type TermKind = 'minutes' | 'share' | 'rate';

/** One row of `ABC_Activities`: one term of an activity's cost equation. */
export interface ActivityTermInput {
  activity: string;
  /** Null on Rate rows. */
  pool: string | null;
  /** Null for a business-sustaining Share row. */
  driver: string | null;
  kind: TermKind;
  /** Minutes per driver unit, fraction of the pool's cost, or cost per driver unit. */
  value: Dec;
  /** The row (its Activity cell). */
  where: Where;
  /** The Pool and Driver cells, so a problem with either selects the cell to fix. */
  poolWhere?: Where;
  driverWhere?: Where;
  /** The plausible range of `value` (the `Low` / `High` columns, issue 21); absent: the DefaultRange setting, or none. */
  range?: EstimateRange;
  /** Estimates that move together in the simulation (the `Group` column), e.g. one department's overstatement; absent: on its own. */
  group?: string;
}

/** The plausible range of an estimate: low ≤ value ≤ high, with the cells it came from. */
export interface EstimateRange {
  low: Dec;
  high: Dec;
  where?: Where;
}

/** A dimension value carried from `ABC_Customers` into the results (Segment, Region …). */
export type DimensionValue = string | number | boolean | null;

/** One row of `ABC_Customers`. */
export interface CustomerInput {
  /** The customer id as text: a number 1001 becomes "1001". */
  id: string;
  name: string | null;
  revenue: Dec;
  discounts: Dec;
  cogs: Dec;
  /** Other columns of `ABC_Customers`, header → value, in the order of the columns. */
  dimensions: Array<[string, DimensionValue]>;
  where: Where;
}

/** A driver quantity of one customer (several entries of one customer and driver add up). */
export interface VolumeInput {
  customer: string;
  driver: string;
  quantity: Dec;
  where: Where;
}

/** A cost that belongs to one customer (bonus, free freight, promotional support). */
export interface CustomerCostInput {
  customer: string;
  item: string;
  amount: Dec;
  where: Where;
}

/** What to do with the cost of unused capacity of time-driven pools. */
export type UnusedCapacityMode = 'report' | 'assign';

/** `ABC_Settings`. */
export interface Settings {
  currency: string;
  period: string | null;
  unusedCapacity: UnusedCapacityMode;
  /** The language of the report, when the workbook names one (it then wins over the runner's --lang). */
  language?: MessageLanguage;
  /** The driver that counts orders (`OrderDriver`), for the statements' per-order column; absent: no such column. */
  orderDriver?: NamedSetting;
  /** The driver that counts order lines (`OrderLineDriver`), for the actions' minimum lines per order; absent: not computed. */
  orderLineDriver?: NamedSetting;
  /**
   * Drivers whose quantities move with orders (`OrderFollowingDrivers`), such as delivery drops when every
   * order is delivered: when a minimum order merges orders, their quantities fall in proportion. Absent:
   * only the order driver moves.
   */
  orderFollowingDrivers?: NamedList;
  /**
   * The largest order fee still plausible, as a fraction of the average order value (`PlausibleFeeShare`);
   * absent: `DEFAULT_PLAUSIBLE_FEE_SHARE`.
   */
  plausibleFeeShare?: Dec;
  /** The dimension whose average customer a statement shows (`StatementSegment`); absent: the first dimension. */
  statementSegment?: NamedSetting;
  /** Practical minutes one full-time person gives in the period (`MinutesPerFTE`), for scenarios' freed staff; absent: not set. */
  minutesPerFte?: Dec;
  /**
   * Headers of ABC_Customers meant as dimensions although they resemble a contract header (`Dimensions`),
   * as name keys; absent: none.
   */
  dimensions?: readonly string[];
  /**
   * How support pools pass their cost on (`SupportMethod` / `Doorbelastingsmethode`); absent: reciprocal.
   * Absent rather than defaulted, so a model that does not set it reads exactly as before issue 19.
   */
  supportMethod?: SupportMethod;
  /**
   * `DefaultRange` (issue 21, e.g. `±20%` or `-30%/+10%`): the range of an estimate whose row gives none,
   * as fractions of the estimate below and above it; absent: such an estimate has no range.
   */
  defaultRange?: { below: Dec; above: Dec };
  /** `Simulations`: the Monte Carlo draws; absent: DEFAULT_SIMULATIONS. */
  simulations?: number;
  /** `Seed` of the draws; absent: DEFAULT_SEED (the same numbers on every run and in every host). */
  seed?: number;
}

/** A setting that names something of the model, with its cell, so a name that matches nothing is reported there. */
export interface NamedSetting {
  name: string;
  where: Where;
}

/** A setting that names several things of the model (a list in one cell), with its cell. */
export interface NamedList {
  names: readonly string[];
  where: Where;
}

/** The whole model. */
export interface ModelInput {
  pools: PoolInput[];
  activities: ActivityTermInput[];
  customers: CustomerInput[];
  volumes: VolumeInput[];
  /** Drivers that have a column (wide form) or at least one row (long form) in `ABC_Volumes`, as written. */
  volumeDrivers: Array<{ driver: string; where: Where }>;
  customerCosts: CustomerCostInput[];
  settings: Settings;
  /** Rows of the optional `ABC_Scenarios` range; absent or empty when the workbook has none. */
  scenarios?: ScenarioChangeInput[];
  /** Ledger lines of the optional `ABC_Resources` range; absent when the workbook has none (or no rows). */
  resources?: ResourceLineInput[];
  /** Rows of the optional `ABC_Support` range; absent when the workbook has none (or no rows). */
  support?: SupportLinkInput[];
}

/** The default settings of the contract. */
export const DEFAULT_SETTINGS: Settings = { currency: 'EUR', period: null, unusedCapacity: 'report' };

/**
 * The key by which the contract matches names: case-insensitive, surrounding spaces ignored, inner runs
 * of white space counted once (so "Order  lines" and "order lines" are one driver).
 */
export function nameKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = name.trim().replace(/\s+/g, ' ').toLowerCase();
    // Bounded, so a long-lived task pane does not keep every name it ever saw.
    if (KEYS.size >= KEYS_KEPT) KEYS.clear();
    KEYS.set(name, key);
  }
  return key;
}

/**
 * Keys already made: a model's customer ids and driver names are matched again and again (reading,
 * validation, tabulation), and a map look-up costs a fraction of the trim, replace and lower-casing.
 */
const KEYS = new Map<string, string>();
const KEYS_KEPT = 100_000;
