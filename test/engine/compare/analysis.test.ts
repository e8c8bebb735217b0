/**
 * The comparison's analysis (issue 20): main causes on Kaplan's department over two periods, crossings of
 * zero, the top lists and the quintile migration.
 *
 * Golden pair (test/helpers/compare-periods.ts; the bridge test works the figures out by hand):
 * - A +3,627.00 = revenue +10,000 − COGS 6,000 − orders volume 320 − rate 53: the largest positive part is
 *   revenue, +10,000.00.
 * - B −76.50, all rate: orders' cost per minute −200 × 8 × 0.05 = −80.00, inquiries' minutes +16 and cost per
 *   minute −10, checks' cost per minute −2.50: the most negative part is the orders' cost per minute, the
 *   pool Customer service going from 0.80 to 0.85 a minute.
 * - C is new (+432.00).
 */
import { analyseComparison, quintiles } from '../../../src/engine/compare/analysis';
import { compareFigures } from '../../../src/engine/compare/bridge';
import { figuresOfResult, type PeriodFigures } from '../../../src/engine/compare/figures';
import type { ComparisonAnalysis, MainCause } from '../../../src/engine/compare/types';
import { type Dec, dec, ZERO } from '../../../src/engine/decimal';
import type { CostingResult } from '../../../src/engine/result';
import { costed, kaplanAfter, kaplanBefore, kaplanPeriod } from '../../helpers/compare-periods';

function analyse(r0: CostingResult, r1: CostingResult, top?: number): ComparisonAnalysis {
  const before = figuresOfResult(r0);
  const after = figuresOfResult(r1);
  return analyseComparison(compareFigures(before, after), before, after, top);
}

/** A cause with its amounts as fixed text, for exact comparisons. */
function shown(cause: MainCause): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(cause)) out[k] = v === null || typeof v === 'string' ? v : (v as Dec).toFixed(2);
  return out;
}

describe('the main cause of a customer\'s change', () => {
  const analysis = analyse(kaplanBefore(), kaplanAfter());

  it('names revenue for A, the cost per minute of orders for B, and C as new', () => {
    expect(analysis.improvements.map((e) => [e.change.customer, e.change.change.toFixed(2), shown(e.cause)])).toEqual([
      ['A', '3627.00', { kind: 'revenue', amount: '10000.00' }],
      ['C', '432.00', { kind: 'new' }],
    ]);
    expect(analysis.declines.map((e) => [e.change.customer, e.change.change.toFixed(2), shown(e.cause)])).toEqual([
      ['B', '-76.50', { kind: 'costPerMinute', activity: 'Process customer orders', pool: 'Customer service', rateBefore: '0.80', rateAfter: '0.85', amount: '-80.00' }],
    ]);
    expect([analysis.profitToLoss, analysis.lossToProfit]).toEqual([[], []]);
  });

  it('names the driver, its quantities and the earlier cost per unit of a volume effect', () => {
    // Only A's orders change, 100 → 150 at 6.40: −320.00; their rate −60 and the checks' −5 weigh less; A −373.
    const after = kaplanPeriod(595000, 40, 150, false, 100000, 60000);
    const [a] = analyse(kaplanBefore(), after).declines;
    expect([a?.change.customer, a?.change.change.toFixed(2)]).toEqual(['A', '-373.00']);
    expect(shown(a?.cause as MainCause)).toEqual({
      kind: 'volume', activity: 'Process customer orders', driver: 'Orders', quantityBefore: '100.00', quantityAfter: '150.00', costPerUnit: '6.40', amount: '-320.00',
    });
  });

  it('names the minutes per unit of a time-driven activity', () => {
    // Inquiries take 40 minutes instead of 44 at an unchanged 0.80 a minute: A +10 × 4 × 0.80 = +32.00, B +16.00.
    const analysis2 = analyse(kaplanBefore(), kaplanPeriod(560000, 40, 100, false, 100000, 60000));
    expect(analysis2.improvements.map((e) => [e.change.customer, shown(e.cause)])).toEqual([
      ['A', { kind: 'timePerUnit', activity: 'Handle customer inquiries', driver: 'Inquiries', minutesBefore: '44.00', minutesAfter: '40.00', amount: '32.00' }],
      ['B', { kind: 'timePerUnit', activity: 'Handle customer inquiries', driver: 'Inquiries', minutesBefore: '44.00', minutesAfter: '40.00', amount: '16.00' }],
    ]);
  });

  it('names a rate that changed, and the lost customer', () => {
    // Delivery at a rate of 12.00, then 15.00: X's 30 deliveries cost 90.00 more; Y is lost.
    const spec = (rate: number, withY: boolean) => ({
      activities: [['Delivery', null, 'Deliveries', 'rate', rate] as [string, null, string, 'rate', number]],
      customers: [['X', 1000, 100] as [string, number, number], ...(withY ? [['Y', 500, 100] as [string, number, number]] : [])],
      volumes: [['X', 'Deliveries', 30] as [string, string, number], ...(withY ? [['Y', 'Deliveries', 1] as [string, string, number]] : [])],
    });
    const analysis3 = analyse(costed(spec(12, true)), costed(spec(15, false)));
    expect(analysis3.declines.map((e) => [e.change.customer, e.change.change.toFixed(2), shown(e.cause)])).toEqual([
      ['Y', '-388.00', { kind: 'lost' }],
      ['X', '-90.00', { kind: 'costPerUnit', activity: 'Delivery', driver: 'Deliveries', costBefore: '12.00', costAfter: '15.00', amount: '-90.00' }],
    ]);
  });

  it('keeps only the top improvements and declines', () => {
    expect(analyse(kaplanBefore(), kaplanAfter(), 1).improvements.map((e) => e.change.customer)).toEqual(['A']);
    expect(analyse(kaplanBefore(), kaplanAfter(), 0).declines).toEqual([]);
  });
});

/** A period whose customers have only revenue, which is their net profit. */
function profits(entries: Array<[string, number]>): PeriodFigures {
  const zeroTotals = { revenue: ZERO, discounts: ZERO, cogs: ZERO, directCosts: ZERO, unusedCapacityCost: ZERO, unassignedCost: ZERO, operatingProfit: ZERO };
  return {
    label: null,
    currency: 'EUR',
    activities: [],
    customers: entries.map(([customer, profit]) => ({
      customer,
      name: null,
      segment: null,
      revenue: dec(profit),
      discounts: ZERO,
      cogs: ZERO,
      activityCosts: new Map(),
      unusedCapacity: ZERO,
      directCosts: ZERO,
      netProfit: dec(profit),
      quantities: new Map(),
    })),
    totals: zeroTotals,
  };
}

describe('the quintile migration', () => {
  // Then, by profit: C1 100, C2 90 | C3 80, C4 70 | C5 60, C6 50 | C7 40, C9 20 | C10 −10, C8 −20.
  const before = profits([['C1', 100], ['C2', 90], ['C3', 80], ['C4', 70], ['C5', 60], ['C6', 50], ['C7', 40], ['C8', -20], ['C9', 20], ['C10', -10]]);
  // Now: N1 100, C2 95 | C4 85, C3 80 | C7 70, C6 60 | C8 20, C1 10 | N2 0, C5 −5; C9 and C10 are lost.
  const after = profits([['C1', 10], ['C2', 95], ['C3', 80], ['C4', 85], ['C5', -5], ['C6', 60], ['C7', 70], ['C8', 20], ['N1', 100], ['N2', 0]]);
  const analysis = analyseComparison(compareFigures(before, after), before, after);

  it('counts customers then × now, new in the last row and lost in the last column', () => {
    // C1 1→4, C2 1→1, C3 2→2, C4 2→2, C5 3→5, C6 3→3, C7 4→3, C9 4→lost, C8 5→4, C10 5→lost, N1 new→1, N2 new→5.
    expect(analysis.migration.counts).toEqual([
      [1, 0, 0, 1, 0, 0],
      [0, 2, 0, 0, 0, 0],
      [0, 0, 1, 0, 1, 0],
      [0, 0, 1, 0, 0, 1],
      [0, 0, 0, 1, 0, 1],
      [1, 0, 0, 0, 1, 0],
    ]);
    expect(analysis.migration.counts.flat().reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('lists the crossings of zero, a profit of 0 counting as profit', () => {
    expect(analysis.profitToLoss.map((e) => [e.change.customer, e.change.change.toFixed(2), shown(e.cause)])).toEqual([['C5', '-65.00', { kind: 'revenue', amount: '-65.00' }]]);
    expect(analysis.lossToProfit.map((e) => [e.change.customer, e.change.change.toFixed(2)])).toEqual([['C8', '40.00']]);
  });

  it('breaks a tie between parts by bridge order: revenue before discounts', () => {
    // T: revenue 100 → 150 (+50) and discounts 50 → 0 (+50): change +100, two parts of +50.
    const period = (revenue: number, discounts: number): PeriodFigures => {
      const p = profits([['T', revenue - discounts]]);
      const c = p.customers[0];
      return { ...p, customers: c === undefined ? [] : [{ ...c, revenue: dec(revenue), discounts: dec(discounts) }] };
    };
    const then = period(100, 50);
    const now = period(150, 0);
    const [t] = analyseComparison(compareFigures(then, now), then, now).improvements;
    expect([t?.change.change.toFixed(2), shown(t?.cause as MainCause)]).toEqual(['100.00', { kind: 'revenue', amount: '50.00' }]);
  });

  it('ranks by nearest rank: with three customers, quintile 1 stays empty; ties go by id', () => {
    expect([...quintiles(profits([['b', 5], ['a', 5], ['c', 1]])).entries()]).toEqual([['a', 1], ['b', 3], ['c', 4]]);
  });
});
