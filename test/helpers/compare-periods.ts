/**
 * Kaplan & Anderson's customer-service department over two periods, the golden case of the comparison
 * (see test/engine/compare/bridge.test.ts for the figures worked out by hand), and a costed model from a spec.
 */
import type { CostingResult } from '../../src/engine/result';
import { kaplanPeriod as kaplanPeriodOf } from './kaplan-periods';

export { costed } from './kaplan-periods';

/** One period of the department: its cost (capacity 700,000 minutes), minutes per inquiry, A's orders, revenue and COGS, and whether C is a customer. */
export function kaplanPeriod(cost: number, inquiryMinutes: number, orders: number, withC: boolean, revenueA: number, cogsA: number, period: string | null = null): CostingResult {
  return kaplanPeriodOf({ cost, inquiryMinutes, ordersA: orders, withC, revenueA, cogsA, period });
}

/** The golden pair: period 1 (0.80 a minute, inquiries 44 minutes) and period 2 (0.85, 40 minutes, A orders 150, C new). */
export const kaplanBefore = (): CostingResult => kaplanPeriod(560000, 44, 100, false, 100000, 60000);
export const kaplanAfter = (): CostingResult => kaplanPeriod(595000, 40, 150, true, 110000, 66000);

/** The two periods of the golden case: [earlier, later]. */
export const kaplanPeriods = (): [CostingResult, CostingResult] => [kaplanBefore(), kaplanAfter()];
