/**
 * The comparison of two costed periods (issue 20): per customer, the change in net profit as a bridge
 * of parts that add up to it to the cent — revenue, discounts, cost of goods, per activity the volume
 * effect (quantities changed, at the earlier cost per unit) and the rate effect (this period's
 * quantities at the changed cost per unit), unused capacity charged, direct customer costs. Amounts are
 * profit effects: more cost is negative.
 */
import type { Dec } from '../decimal';

/** The parts of a change in net profit; they add up to the change. */
export interface BridgeParts {
  revenue: Dec;
  discounts: Dec;
  cogs: Dec;
  /** Σ over activities of −(quantity now − quantity then) × cost per unit then. */
  activityVolume: Dec;
  /** Σ over activities of −quantity now × (cost per unit now − cost per unit then). */
  activityRate: Dec;
  /** Unused capacity charged to customers (UnusedCapacity = assign). */
  unusedCapacity: Dec;
  directCosts: Dec;
}

/** One activity's part of a bridge. */
export interface ActivityBridge {
  activity: string;
  volume: Dec;
  rate: Dec;
  /**
   * A time-driven activity's rate effect split: minutes per unit changed (at the earlier cost per minute)
   * and cost per minute changed (at today's minutes). Null when the activity is not time-driven in both periods.
   */
  timePerUnit: Dec | null;
  costPerMinute: Dec | null;
}

/** A customer's change from the earlier period to this one. */
export interface CustomerChange {
  customer: string;
  name: string | null;
  /** `new`: only this period; `lost`: only the earlier one (its figures then count as zero). */
  status: 'both' | 'new' | 'lost';
  before: Dec;
  after: Dec;
  change: Dec;
  bridge: BridgeParts;
  /** Activities with a non-zero part, in the order of this period's activities (then the earlier one's). */
  activities: ActivityBridge[];
}

/** The company's change: the customers' bridges added up, plus what no customer carries. */
export interface CompanyChange {
  before: Dec;
  after: Dec;
  change: Dec;
  bridge: BridgeParts & {
    /** Unused capacity not charged to customers (more of it is negative). */
    unusedNotCharged: Dec;
    /** Cost not charged to customers (business-sustaining, shares left over, support cost left unassigned). */
    unassigned: Dec;
  };
}

/** Two periods compared. */
export interface Comparison {
  customers: CustomerChange[];
  totals: CompanyChange;
}

/**
 * What moved a customer's profit most, in the direction of its change, for the words on the Comparison
 * sheet ("2,000 more orders at € 6.40", "cost per minute +6%"). Amounts are profit effects.
 */
export type MainCause =
  | { kind: 'new' }
  | { kind: 'lost' }
  | { kind: 'revenue' | 'discounts' | 'cogs' | 'unusedCapacity' | 'directCosts'; amount: Dec }
  /** More or fewer units of a driver, at the earlier cost per unit. */
  | { kind: 'volume'; activity: string; driver: string; quantityBefore: Dec; quantityAfter: Dec; costPerUnit: Dec; amount: Dec }
  /** A time-driven activity's minutes per unit changed. */
  | { kind: 'timePerUnit'; activity: string; driver: string; minutesBefore: Dec; minutesAfter: Dec; amount: Dec }
  /** A pool's cost per minute changed (its cost or its capacity). */
  | { kind: 'costPerMinute'; activity: string; pool: string | null; rateBefore: Dec; rateAfter: Dec; amount: Dec }
  /** A cost per unit that is not time-driven changed. */
  | { kind: 'costPerUnit'; activity: string; driver: string; costBefore: Dec; costAfter: Dec; amount: Dec };

/** A customer's change with its main cause. */
export interface ExplainedChange {
  change: CustomerChange;
  cause: MainCause;
}

/**
 * Customers between profit quintiles, then × now. Quintile 1 holds the fifth of customers with the highest
 * net profit in that period; customers only in one period are counted in the `new` row or the `lost` column.
 */
export interface QuintileMigration {
  /** counts[then][now]: then 0–4 quintiles and 5 = new; now 0–4 quintiles and 5 = lost. */
  counts: number[][];
}

/** What the Comparison sheet and the pane show beyond the bridges themselves. */
export interface ComparisonAnalysis {
  /** Customers in both periods that made a profit (≥ 0) then and a loss now, the largest change first. */
  profitToLoss: ExplainedChange[];
  /** Customers in both periods that made a loss then and a profit (≥ 0) now, the largest change first. */
  lossToProfit: ExplainedChange[];
  /** The largest improvements (change > 0), largest first, at most `top`. */
  improvements: ExplainedChange[];
  /** The largest declines (change < 0), largest first, at most `top`. */
  declines: ExplainedChange[];
  migration: QuintileMigration;
}
