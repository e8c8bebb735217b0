/**
 * Kaplan & Anderson's customer-service department over two periods (issue 20), the golden case of the
 * profit bridge (test/engine/compare/bridge.test.ts tells the figures): period 1 costs 560,000 over
 * 700,000 minutes (0.80 a minute), an inquiry takes 44 minutes, A places 100 orders; period 2 costs 595,000
 * (0.85), an inquiry takes 40 minutes, A places 150 orders with revenue 110,000 and COGS 66,000, and C is new.
 */
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from './model';

/** One period of the department, costed. */
export function kaplanPeriod(cost: number, inquiryMinutes: number, orders: number, withC: boolean, revenueA: number, cogsA: number): CostingResult {
  const spec: ModelSpec = {
    pools: [['Customer service', cost, 700000]],
    activities: [
      ['Process customer orders', 'Customer service', 'Orders', 'minutes', 8],
      ['Handle customer inquiries', 'Customer service', 'Inquiries', 'minutes', inquiryMinutes],
      ['Perform credit checks', 'Customer service', 'Credit checks', 'minutes', 50],
    ],
    customers: [['A', revenueA, cogsA], ['B', 50000, 30000], ...(withC ? [['C', 1000, 500] as [string, number, number]] : [])],
    volumes: [
      ['A', 'Orders', orders],
      ['A', 'Inquiries', 10],
      ['A', 'Credit checks', 2],
      ['B', 'Orders', 200],
      ['B', 'Inquiries', 5],
      ['B', 'Credit checks', 1],
      ...(withC ? [['C', 'Orders', 10] as [string, string, number]] : []),
    ],
  };
  const { result, issues } = runModel(buildModel(spec));
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

/** The two periods of the golden case: [earlier, later]. */
export function kaplanPeriods(): [CostingResult, CostingResult] {
  return [kaplanPeriod(560000, 44, 100, false, 100000, 60000), kaplanPeriod(595000, 40, 150, true, 110000, 66000)];
}
