/**
 * A sensitivity analysis of Kaplan & Anderson's department in its second period with D (see
 * kaplan-periods.ts), made by hand for the tests of what shows it (the Sensitivity sheet, the tornado
 * chart and SVG, the JSON): 595,000 over 700,000 minutes, 0.85 a minute; orders A 150, B 200, C 10, D 20
 * (380), inquiries A 10, B 5 (15), credit checks A 2, B 1 (3). Operating profit −530,400; D −36, the only
 * loss-maker.
 *
 * With capacity resized the cost per minute stays 0.85, so one more minute per order costs 380 × 0.85 =
 * 323: orders 8 (4–12) → −530,400 ± 4 × 323 = −529,108 / −531,692, swing 2,584, D −36 ± 4 × 17 = +32 /
 * −104; inquiries 40 (30–60) → +10 × 12.75 = +127.50 / −20 × 12.75 = −255, swing 382.50; credit checks 50
 * (45–55) → ±5 × 2.55 = ±12.75, swing 25.50. D has neither.
 *
 * The ranges are those of the orders estimate alone, triangular (4, 8, 12), computed analytically: its P10
 * and P90 are 8 ∓ √3.2 = 5.78885 / 10.21115, so a customer with q orders ranges over ± 2.21115 × 0.85q;
 * D loses money when an order takes more than 8 − 36/17 = 5.88235 minutes, which happens with chance
 * 1 − (1.88235)² / 32 = 0.889273: D is one to look closer at.
 */
import { dec, type Dec } from '../../src/engine/decimal';
import type { CostingResult } from '../../src/engine/result';
import type { Estimate, SensitivityResult } from '../../src/engine/sensitivity/types';
import { kaplanComparison } from './kaplan-periods';

function estimate(row: number, activity: string, driver: string, value: number, low: number, high: number): Estimate {
  return {
    row,
    activity,
    pool: 'Customer service',
    driver,
    kind: 'minutes',
    value: dec(value),
    low: dec(low),
    high: dec(high),
    group: null,
    where: { range: 'ABC_Activities', sheet: 'Activities', cell: `A${row + 2}` },
  };
}

const bar = (e: Estimate, atLow: string, atHigh: string, swing: string, dAtLow: string, dAtHigh: string) => ({
  estimate: e,
  profitAtLow: dec(atLow),
  profitAtHigh: dec(atHigh),
  swing: dec(swing),
  lossMakersAtLow: dec(dAtLow),
  lossMakersAtHigh: dec(dAtHigh),
});

/** A customer's range from the orders estimate alone: ± 2.21115 minutes × 0.85 × its orders. */
function range(customer: string, netProfit: string, orders: number, lossChance: number): SensitivityResult['customers'][number] {
  const spread = (4 - Math.sqrt(3.2)) * 0.85 * orders;
  const today = Number(netProfit);
  return { customer, name: `Customer ${customer}`, netProfit: dec(netProfit), p10: today - spread, median: today, p90: today + spread, lossChance };
}

/** The department's second period, costed, and its sensitivity (see above). */
export function kaplanSensitivity(): { result: CostingResult; sensitivity: SensitivityResult } {
  const { after } = kaplanComparison({ withD: true });
  const orders = estimate(0, 'Process customer orders', 'Orders', 8, 4, 12);
  const inquiries = estimate(1, 'Handle customer inquiries', 'Inquiries', 40, 30, 60);
  const checks = estimate(2, 'Perform credit checks', 'Credit checks', 50, 45, 55);
  const companySpread = (4 - Math.sqrt(3.2)) * 0.85 * 380;
  const sensitivity: SensitivityResult = {
    estimates: [orders, inquiries, checks],
    tornado: [
      bar(orders, '-529108', '-531692', '2584', '32', '-104'),
      bar(inquiries, '-530272.5', '-530655', '382.5', '-36', '-36'),
      bar(checks, '-530387.25', '-530412.75', '25.5', '-36', '-36'),
    ],
    simulations: 1000,
    seed: 20260101,
    // In the order of the result's customers (highest net profit first).
    customers: [range('A', '42555', 150, 0), range('B', '18427.5', 200, 0), range('C', '432', 10, 0), range('D', '-36', 20, 1 - 1.88235294 ** 2 / 32)],
    company: { p10: -530400 - companySpread, median: -530400, p90: -530400 + companySpread },
    lookCloser: ['D'],
    checks: [{ pool: 'Customer service', explainedMinutes: dec(3790), paidMinutes: dec(3200), overstatement: dec(3790).div(3200) }],
  };
  return { result: after, sensitivity };
}

/** Today's operating profit of the department, as a check of the fixture against the costing. */
export const KAPLAN_OPERATING_PROFIT: Dec = dec(-530400);
