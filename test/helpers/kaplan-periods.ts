/**
 * Kaplan & Anderson's customer-service department over two periods (as in test/engine/compare/bridge.test.ts):
 * 2025 costs 560,000 over 700,000 minutes (0.80 a minute), an inquiry takes 44 minutes, A places 100 orders;
 * 2026 costs 595,000 (0.85), an inquiry 40 minutes, A places 150 orders, revenue 110,000, COGS 66,000 and new
 * customer C comes. A's net profit 38,928 → 42,555 (+3,627 = 10,000 − 6,000 − 320 − 60 + 12 − 5), B's
 * 18,504 → 18,427.50 (−76.50, all rate), C new with 432.
 */
import type { PeriodFigures } from '../../src/engine/compare/figures';
import { figuresOfResult } from '../../src/engine/compare/figures';
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from './model';

/** One period of the department; `period` is the model's Period setting; `revenueB` below 31,572.50 makes B lose money. */
export function kaplanPeriod(period: string, cost: number, inquiryMinutes: number, orders: number, withC: boolean, revenueA: number, cogsA: number, revenueB = 50000): CostingResult {
  const spec: ModelSpec = {
    pools: [['Customer service', cost, 700000]],
    activities: [
      ['Process customer orders', 'Customer service', 'Orders', 'minutes', 8],
      ['Handle customer inquiries', 'Customer service', 'Inquiries', 'minutes', inquiryMinutes],
      ['Perform credit checks', 'Customer service', 'Credit checks', 'minutes', 50],
    ],
    customers: [['A', revenueA, cogsA], ['B', revenueB, 30000], ...(withC ? [['C', 1000, 500] as [string, number, number]] : [])],
    volumes: [
      ['A', 'Orders', orders],
      ['A', 'Inquiries', 10],
      ['A', 'Credit checks', 2],
      ['B', 'Orders', 200],
      ['B', 'Inquiries', 5],
      ['B', 'Credit checks', 1],
      ...(withC ? [['C', 'Orders', 10] as [string, string, number]] : []),
    ],
    settings: { period },
  };
  const { result, issues } = runModel(buildModel(spec));
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

/** The earlier period, 2025. */
export const kaplan2025 = (): CostingResult => kaplanPeriod('2025', 560000, 44, 100, false, 100000, 60000);
/** This period, 2026. */
export const kaplan2026 = (): CostingResult => kaplanPeriod('2026', 595000, 40, 150, true, 110000, 66000);

/** The two periods' figures. */
export function kaplanFigures(): { before: PeriodFigures; after: PeriodFigures } {
  return { before: figuresOfResult(kaplan2025()), after: figuresOfResult(kaplan2026()) };
}
