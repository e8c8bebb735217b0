/**
 * Kaplan & Anderson's customer-service department over two periods, the golden case of the comparison
 * (see test/engine/compare/bridge.test.ts for the figures worked out by hand), and a costed model from a spec.
 */
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from './model';

/** A spec costed, or an error naming the issues that stopped it. */
export function costed(spec: ModelSpec): CostingResult {
  const { result, issues } = runModel(buildModel(spec));
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

/** One period of the department: its cost (capacity 700,000 minutes), minutes per inquiry, A's orders, revenue and COGS, and whether C is a customer. */
export function kaplanPeriod(cost: number, inquiryMinutes: number, orders: number, withC: boolean, revenueA: number, cogsA: number, period: string | null = null): CostingResult {
  return costed({
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
    settings: { period },
  });
}

/** The golden pair: period 1 (0.80 a minute, inquiries 44 minutes) and period 2 (0.85, 40 minutes, A orders 150, C new). */
export const kaplanBefore = (): CostingResult => kaplanPeriod(560000, 44, 100, false, 100000, 60000);
export const kaplanAfter = (): CostingResult => kaplanPeriod(595000, 40, 150, true, 110000, 66000);
