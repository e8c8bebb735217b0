/**
 * The `comparison` of the runner's `--json` document (issue 20): per customer the change in net profit and
 * its bridge, the company's, who crossed zero and the quintile migration. Money as numbers rounded to cents,
 * with the exact text of amounts of 10^13 or more beside them (see exact-money.ts), as in the rest of the document.
 */
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import type { BridgeParts, Comparison, ComparisonAnalysis, CustomerChange } from '../engine/compare/types';
import { type ExactMoney, exactPart } from './exact-money';

/** The parts of a change in net profit as numbers; they add up to the change. */
export interface BridgeJson {
  revenue: number;
  discounts: number;
  cogs: number;
  activityVolume: number;
  activityRate: number;
  unusedCapacity: number;
  directCosts: number;
}

/** One activity's part of a customer's bridge; `timePerUnit` and `costPerMinute` null unless time-driven in both periods. */
export interface ActivityBridgeJson {
  activity: string;
  volume: number;
  rate: number;
  timePerUnit: number | null;
  costPerMinute: number | null;
  exact?: ExactMoney;
}

export interface CustomerChangeJson {
  customer: string;
  name: string | null;
  status: 'both' | 'new' | 'lost';
  /** Net profit then and now (0 for the period a customer was not in), and the change. */
  before: number;
  after: number;
  change: number;
  bridge: BridgeJson;
  /** Activities with a non-zero part. */
  activities: ActivityBridgeJson[];
  exact?: ExactMoney;
}

export interface CompanyChangeJson {
  /** Operating profit then and now, and the change. */
  before: number;
  after: number;
  change: number;
  bridge: BridgeJson & { unusedNotCharged: number; unassigned: number };
  exact?: ExactMoney;
}

export interface ComparisonJson {
  /** The earlier period's label (or `Budget`), and this one's; null when unknown. */
  earlier: string | null;
  now: string | null;
  customers: CustomerChangeJson[];
  totals: CompanyChangeJson;
  /** Ids of customers in both periods with a profit (≥ 0) then and a loss now, the largest change first. */
  profitToLoss: string[];
  lossToProfit: string[];
  /** counts[then][now]: quintiles 0–4 (0 = the most profitable fifth), row 5 new customers, column 5 lost ones. */
  migration: number[][];
}

const money = (d: Dec): number => toNumber(roundCents(d));
const moneyOrNull = (d: Dec | null): number | null => (d === null ? null : money(d));

function bridgeToJson(b: BridgeParts): BridgeJson {
  return {
    revenue: money(b.revenue),
    discounts: money(b.discounts),
    cogs: money(b.cogs),
    activityVolume: money(b.activityVolume),
    activityRate: money(b.activityRate),
    unusedCapacity: money(b.unusedCapacity),
    directCosts: money(b.directCosts),
  };
}

function customerToJson(c: CustomerChange): CustomerChangeJson {
  return {
    customer: c.customer,
    name: c.name,
    status: c.status,
    before: money(c.before),
    after: money(c.after),
    change: money(c.change),
    bridge: bridgeToJson(c.bridge),
    activities: c.activities.map((a) => ({
      activity: a.activity,
      volume: money(a.volume),
      rate: money(a.rate),
      timePerUnit: moneyOrNull(a.timePerUnit),
      costPerMinute: moneyOrNull(a.costPerMinute),
      ...exactPart({ volume: a.volume, rate: a.rate, timePerUnit: a.timePerUnit, costPerMinute: a.costPerMinute }),
    })),
    ...exactPart({ before: c.before, after: c.after, change: c.change, bridge: Object.entries(c.bridge) }),
  };
}

/** The `comparison` field of the `--json` document: `comparison` analysed as `analysis`, the periods labelled `labels`. */
export function comparisonToJson(comparison: Comparison, analysis: ComparisonAnalysis, labels: { earlier: string | null; now: string | null }): ComparisonJson {
  const t = comparison.totals;
  return {
    earlier: labels.earlier,
    now: labels.now,
    customers: comparison.customers.map(customerToJson),
    totals: {
      before: money(t.before),
      after: money(t.after),
      change: money(t.change),
      bridge: { ...bridgeToJson(t.bridge), unusedNotCharged: money(t.bridge.unusedNotCharged), unassigned: money(t.bridge.unassigned) },
      ...exactPart({ before: t.before, after: t.after, change: t.change, bridge: Object.entries(t.bridge) }),
    },
    profitToLoss: analysis.profitToLoss.map((e) => e.change.customer),
    lossToProfit: analysis.lossToProfit.map((e) => e.change.customer),
    migration: analysis.migration.counts.map((row) => [...row]),
  };
}
