/**
 * The `comparison` of the --json document (issue 20), golden on Kaplan's department over two periods
 * (test/helpers/compare-periods.ts; the bridge test works the customers' figures out by hand).
 *
 * Company: operating profit −500,000.00 then (revenue 150,000 − COGS 90,000 − the department's 560,000) and
 * −530,500.00 now (161,000 − 96,500 − 595,000): −30,500.00 = revenue +11,000 − COGS 6,500 − volume 384 (A's
 * orders 320, C's 64) − rate 133.50 (A 53, B 76.50, C 4) − unused capacity not charged 34,482.50 (557,432.00
 * then: 3,210 minutes used at 0.80; 591,914.50 now: 3,630 minutes at 0.85).
 * Quintiles (nearest rank): then A 38,928 is rank 1 of 2 → ⌈5/2⌉ = 3, B rank 2 → 5; now A 42,555 rank 1 of
 * 3 → 2, B 18,427.50 → ⌈10/3⌉ = 4, C 432 → 5.
 */
import { analyseComparison } from '../../src/engine/compare/analysis';
import { compareFigures } from '../../src/engine/compare/bridge';
import { figuresOfResult } from '../../src/engine/compare/figures';
import type { Comparison } from '../../src/engine/compare/types';
import { dec } from '../../src/engine/decimal';
import { comparisonToJson } from '../../src/workbook/comparison-json';
import { resultToJson } from '../../src/workbook/result-json';
import { kaplanAfter, kaplanBefore } from '../helpers/compare-periods';

const before = figuresOfResult(kaplanBefore());
const afterResult = kaplanAfter();
const after = figuresOfResult(afterResult);
const comparison = compareFigures(before, after);
const analysis = analyseComparison(comparison, before, after);
/** As a reader of the document gets it. */
const asRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the comparison in the --json document', () => {
  const json = asRead(comparisonToJson(comparison, analysis, { earlier: '2025', now: '2026' })) as Record<string, unknown>;

  it('gives each customer its change and bridge, money in cents', () => {
    expect(json.customers).toEqual([
      {
        customer: 'A', name: 'Customer A', status: 'both', before: 38928, after: 42555, change: 3627,
        bridge: { revenue: 10000, discounts: 0, cogs: -6000, activityVolume: -320, activityRate: -53, unusedCapacity: 0, directCosts: 0 },
        activities: [
          { activity: 'Process customer orders', volume: -320, rate: -60, timePerUnit: 0, costPerMinute: -60 },
          { activity: 'Handle customer inquiries', volume: 0, rate: 12, timePerUnit: 32, costPerMinute: -20 },
          { activity: 'Perform credit checks', volume: 0, rate: -5, timePerUnit: 0, costPerMinute: -5 },
        ],
      },
      {
        customer: 'B', name: 'Customer B', status: 'both', before: 18504, after: 18427.5, change: -76.5,
        bridge: { revenue: 0, discounts: 0, cogs: 0, activityVolume: 0, activityRate: -76.5, unusedCapacity: 0, directCosts: 0 },
        activities: [
          { activity: 'Process customer orders', volume: 0, rate: -80, timePerUnit: 0, costPerMinute: -80 },
          { activity: 'Handle customer inquiries', volume: 0, rate: 6, timePerUnit: 16, costPerMinute: -10 },
          { activity: 'Perform credit checks', volume: 0, rate: -2.5, timePerUnit: 0, costPerMinute: -2.5 },
        ],
      },
      {
        customer: 'C', name: 'Customer C', status: 'new', before: 0, after: 432, change: 432,
        bridge: { revenue: 1000, discounts: 0, cogs: -500, activityVolume: -64, activityRate: -4, unusedCapacity: 0, directCosts: 0 },
        activities: [{ activity: 'Process customer orders', volume: -64, rate: -4, timePerUnit: 0, costPerMinute: -4 }],
      },
    ]);
  });

  it('gives the company\'s change, the crossings and the migration', () => {
    expect([json.earlier, json.now]).toEqual(['2025', '2026']);
    expect(json.totals).toEqual({
      before: -500000, after: -530500, change: -30500,
      bridge: { revenue: 11000, discounts: 0, cogs: -6500, activityVolume: -384, activityRate: -133.5, unusedCapacity: 0, directCosts: 0, unusedNotCharged: -34482.5, unassigned: 0 },
    });
    expect([json.profitToLoss, json.lossToProfit]).toEqual([[], []]);
    expect(json.migration).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0],
    ]);
  });

  it('gives amounts of 10^13 or more as exact text too', () => {
    const [a, ...rest] = comparison.customers;
    const big = dec('12345678901234.57');
    const huge: Comparison = {
      customers: [{ ...a!, before: big, bridge: { ...a!.bridge, revenue: big } }, ...rest],
      totals: { ...comparison.totals, after: big.negated() },
    };
    const j = comparisonToJson(huge, analysis, { earlier: null, now: null });
    expect([j.customers[0]?.exact, j.customers[1]?.exact, j.totals.exact]).toEqual([
      { before: '12345678901234.57', bridge: { revenue: '12345678901234.57' } },
      undefined,
      { after: '-12345678901234.57' },
    ]);
  });

  it('becomes the comparison field of the run\'s document, beside the customers\' driver quantities', () => {
    const doc = asRead(resultToJson({ issues: [], result: afterResult }, comparisonToJson(comparison, analysis, { earlier: '2025', now: null }))) as {
      comparison: { earlier: string };
      customers: Array<{ customer: string; driverQuantities: Record<string, number> }>;
    };
    expect(doc.comparison.earlier).toBe('2025');
    expect(doc.customers.map((c) => [c.customer, c.driverQuantities])).toEqual([
      ['A', { Orders: 150, Inquiries: 10, 'Credit checks': 2 }],
      ['B', { Orders: 200, Inquiries: 5, 'Credit checks': 1 }],
      ['C', { Orders: 10, Inquiries: 0, 'Credit checks': 0 }],
    ]);
    expect('comparison' in (resultToJson({ issues: [], result: afterResult }) as object)).toBe(false);
  });
});
