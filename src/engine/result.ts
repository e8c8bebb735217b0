/**
 * What a computation produces. Money is rounded to cents (see `rounding.ts`); rates and minutes are exact.
 * Both writers (xlsx and the Excel add-in), the JSON output and the custom functions read this shape.
 */
import type { Dec } from './decimal';
import type { FirstStageResult } from './first-stage/types';
import type { Issue } from './issues';
import type { DimensionValue, Settings, TermKind } from './model';

/** How a pool's cost reaches activities. */
export type PoolMethod = 'time' | 'share';

/** How an activity's cost reaches customers. */
export type ActivityMethod = 'time' | 'share' | 'rate';

export interface PoolResult {
  pool: string;
  method: PoolMethod;
  cost: Dec;
  capacityMinutes: Dec | null;
  ratePerMinute: Dec | null;
  usedMinutes: Dec | null;
  unusedMinutes: Dec | null;
  /** Cost of unused capacity (negative when more minutes were used than available). */
  unusedCost: Dec | null;
  /** Of `unusedCost`, the part charged to customers (UnusedCapacity = assign). */
  unusedAssigned: Dec;
  /** Part of a conventional pool no activity's share covers (1 − sum of shares). */
  unassignedCost: Dec;
  /** Sum of the costs of the pool's activities. */
  activitiesCost: Dec;
}

export interface DriverResult {
  driver: string;
  kind: TermKind;
  /** Minutes, fraction or rate as given in `ABC_Activities`. */
  value: Dec;
  /** Total quantity over all customers. */
  quantity: Dec;
  /** Cost per driver unit: minutes × cost per minute, share cost ÷ quantity, or the rate. Null when undefined (zero quantity). */
  costPerUnit: Dec | null;
}

export interface ActivityResult {
  activity: string;
  pool: string | null;
  method: ActivityMethod;
  cost: Dec;
  /** Minutes the activity used (time-driven only). */
  minutes: Dec | null;
  /** Part of the cost that reaches no customer: business-sustaining, or a driver with zero total quantity. */
  unassignedCost: Dec;
  /** True for a Share row with a blank driver. */
  businessSustaining: boolean;
  drivers: DriverResult[];
}

export interface CustomerResult {
  customer: string;
  name: string | null;
  dimensions: Array<[string, DimensionValue]>;
  revenue: Dec;
  discounts: Dec;
  netRevenue: Dec;
  cogs: Dec;
  grossMargin: Dec;
  /** Activity name → cost, for every activity (zero included), in the order of `activities`. */
  activityCosts: ReadonlyMap<string, Dec>;
  /** Pool name → share of the pool's unused capacity charged to this customer (assign mode only). */
  unusedCapacityCosts: ReadonlyMap<string, Dec>;
  costToServe: Dec;
  /**
   * The customer's quantity of every driver an activity uses, by the driver's `nameKey`. Optional so a
   * result made by hand (tests) may leave it out; the engine always fills it.
   */
  driverQuantities?: ReadonlyMap<string, Dec>;
  directCostItems: Array<{ item: string; amount: Dec }>;
  directCosts: Dec;
  netProfit: Dec;
}

export interface Totals {
  revenue: Dec;
  discounts: Dec;
  netRevenue: Dec;
  cogs: Dec;
  grossMargin: Dec;
  costToServe: Dec;
  directCosts: Dec;
  netProfit: Dec;
  /** Unused capacity cost not charged to customers. */
  unusedCapacityCost: Dec;
  /** Pool cost that reaches no customer: share remainders, business-sustaining activities, drivers with no quantity. */
  unassignedCost: Dec;
  /** Sum of customer net profit − unused capacity − unassigned cost. */
  operatingProfit: Dec;
}

export interface CostingResult {
  settings: Settings;
  pools: PoolResult[];
  activities: ActivityResult[];
  /** Sorted by net profit, highest first (ties by customer id). */
  customers: CustomerResult[];
  totals: Totals;
  /** Warnings of a successful run. */
  issues: Issue[];
  /**
   * The ledger and support pools behind the pools' costs (issue 19); absent when the model has neither,
   * so such a result is exactly what it was before. `pools` then lists the operating pools, whose `cost`
   * is their cost after support, and the totals' unassigned cost includes what support pools leave unassigned.
   */
  firstStage?: FirstStageResult;
}
