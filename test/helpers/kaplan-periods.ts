/**
 * Kaplan & Anderson's customer-service department over two periods, the golden case of
 * test/engine/compare/bridge.test.ts, for the tests of what is built on a comparison (the Comparison
 * sheet, the bridge picture): period 1 costs 560,000 over 700,000 minutes (0.80 a minute; orders 8 min,
 * inquiries 44, credit checks 50); period 2 costs 595,000 (0.85) and an inquiry takes 40 minutes.
 * A: orders 100 → 150, revenue 100,000 → 110,000, COGS 60,000 → 66,000; B unchanged; C new.
 *
 * `withD` adds customer D in both periods, 20 orders, revenue 3,000 → 1,200 and COGS 2,000 → 1,100:
 * net profit 872 → −36, a customer from profit to loss. `capacity` and `cost` scale the department.
 */
import { compareResults } from '../../src/engine/compare/bridge';
import type { Comparison, ComparisonAnalysis, ExplainedChange, MainCause } from '../../src/engine/compare/types';
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from './model';

export interface KaplanPeriod {
  cost: number;
  capacity?: number;
  inquiryMinutes: number;
  ordersA: number;
  withC: boolean;
  revenueA: number;
  cogsA: number;
  /** D's revenue and COGS, when D is in the period. */
  d?: [revenue: number, cogs: number];
  /** The Period setting. */
  period?: string | null;
}

/** A spec costed, or an error naming the issues that stopped it. */
export function costed(spec: ModelSpec): CostingResult {
  const { result, issues } = runModel(buildModel(spec));
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

/** One period of the department, costed. */
export function kaplanPeriod(p: KaplanPeriod): CostingResult {
  const spec: ModelSpec = {
    pools: [['Customer service', p.cost, p.capacity ?? 700000]],
    activities: [
      ['Process customer orders', 'Customer service', 'Orders', 'minutes', 8],
      ['Handle customer inquiries', 'Customer service', 'Inquiries', 'minutes', p.inquiryMinutes],
      ['Perform credit checks', 'Customer service', 'Credit checks', 'minutes', 50],
    ],
    customers: [
      ['A', p.revenueA, p.cogsA],
      ['B', 50000, 30000],
      ...(p.withC ? [['C', 1000, 500] as [string, number, number]] : []),
      ...(p.d === undefined ? [] : [['D', p.d[0], p.d[1]] as [string, number, number]]),
    ],
    volumes: [
      ['A', 'Orders', p.ordersA],
      ['A', 'Inquiries', 10],
      ['A', 'Credit checks', 2],
      ['B', 'Orders', 200],
      ['B', 'Inquiries', 5],
      ['B', 'Credit checks', 1],
      ...(p.withC ? [['C', 'Orders', 10] as [string, string, number]] : []),
      ...(p.d === undefined ? [] : [['D', 'Orders', 20] as [string, string, number]]),
    ],
    settings: { period: p.period ?? null },
  };
  return costed(spec);
}

/** The golden pair (A, B, C), or with D too; `scale` multiplies both periods' cost and capacity. */
export function kaplanComparison(options: { withD?: boolean; scale?: number } = {}): { before: CostingResult; after: CostingResult; comparison: Comparison } {
  const scale = options.scale ?? 1;
  const d = options.withD === true;
  const before = kaplanPeriod({ cost: 560000 * scale, capacity: 700000 * scale, inquiryMinutes: 44, ordersA: 100, withC: false, revenueA: 100000, cogsA: 60000, ...(d ? { d: [3000, 2000] as [number, number] } : {}) });
  const after = kaplanPeriod({ cost: 595000 * scale, capacity: 700000 * scale, inquiryMinutes: 40, ordersA: 150, withC: true, revenueA: 110000, cogsA: 66000, ...(d ? { d: [1200, 1100] as [number, number] } : {}) });
  return { before, after, comparison: compareResults(before, after) };
}

/**
 * An analysis of a comparison by the definitions in engine/compare/types.ts, with the main causes given
 * by hand per customer id (the tests of the sheet are about showing them, not finding them) and the
 * quintile counts given as they are.
 */
export function handAnalysis(comparison: Comparison, causes: Readonly<Record<string, MainCause>>, counts: number[][], top = 10): ComparisonAnalysis {
  const explained = (ids: (c: Comparison['customers'][number]) => boolean): ExplainedChange[] =>
    comparison.customers.filter(ids).map((change) => {
      const cause = causes[change.customer];
      if (cause === undefined) throw new Error(`no cause for ${change.customer}`);
      return { change, cause };
    });
  const bySize = (a: ExplainedChange, b: ExplainedChange): number => b.change.change.abs().comparedTo(a.change.change.abs());
  const both = (c: Comparison['customers'][number]): boolean => c.status === 'both';
  return {
    profitToLoss: explained((c) => both(c) && !c.before.isNegative() && c.after.isNegative()).sort(bySize),
    lossToProfit: explained((c) => both(c) && c.before.isNegative() && !c.after.isNegative()).sort(bySize),
    improvements: explained((c) => c.change.isPositive() && !c.change.isZero()).sort(bySize).slice(0, top),
    declines: explained((c) => c.change.isNegative() && !c.change.isZero()).sort(bySize).slice(0, top),
    migration: { counts },
  };
}
