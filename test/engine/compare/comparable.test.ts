/** Whether two periods can be compared (issue 20): currency, labels, and ids that are one number written two ways. */
import { checkComparable } from '../../../src/engine/compare/comparable';
import type { PeriodFigures } from '../../../src/engine/compare/figures';
import { ZERO } from '../../../src/engine/decimal';
import { formatWhere } from '../../../src/engine/issues';

function period(label: string | null, currency: string | null, ids: string[]): PeriodFigures {
  return {
    label,
    currency,
    activities: [],
    customers: ids.map((customer) => ({
      customer, name: null, segment: null, revenue: ZERO, discounts: ZERO, cogs: ZERO, activityCosts: new Map(),
      unusedCapacity: ZERO, directCosts: ZERO, netProfit: ZERO, quantities: new Map(),
    })),
    totals: { revenue: ZERO, discounts: ZERO, cogs: ZERO, directCosts: ZERO, unusedCapacityCost: ZERO, unassignedCost: ZERO, operatingProfit: ZERO },
  };
}

const where = { range: 'result-2025.json' };
const summary = (before: PeriodFigures, after: PeriodFigures) =>
  checkComparable(before, after, where).map((i) => [i.severity, i.code, formatWhere(i.where), i.message]);

describe('checking that two periods can be compared', () => {
  it('finds nothing wrong with two periods in one currency, labelled apart, ids alike', () => {
    expect(summary(period('2025', 'EUR', ['1001', 'C-2']), period('2026', 'EUR', ['1001', 'C-3']))).toEqual([]);
    // A period without a label or a currency cannot clash.
    expect(summary(period(null, null, ['1']), period(null, 'EUR', ['1']))).toEqual([]);
  });

  it('stops on different currencies, naming both', () => {
    expect(summary(period('2025', 'USD', ['1']), period('2026', 'EUR', ['1']))).toEqual([
      ['error', 'COMPARE_CURRENCY', 'result-2025.json', 'The earlier period is in USD and this period in EUR: amounts in different currencies cannot be compared. Compare with a period in EUR.'],
    ]);
  });

  it('stops on the same label twice, saying how to tell them apart', () => {
    expect(summary(period('Period 2026', 'EUR', ['1']), period('period 2026 ', 'EUR', ['1']))).toEqual([
      ['error', 'COMPARE_SAME_LABEL', 'result-2025.json', 'Both periods are labelled "period 2026 ", so the comparison could not tell which is which: give the earlier one another label with --label-earlier, or set Period in ABC_Settings.'],
    ]);
  });

  it('warns once per pair of ids that are one number written differently, and never matches them', () => {
    const issues = summary(period('2025', 'EUR', ['1001', '1', 'C-7', '42']), period('2026', 'EUR', ['01001', '001', 'c-07', '42', '0001']));
    expect(issues).toEqual([
      ['warning', 'COMPARE_ID_CHANGED', 'result-2025.json', 'Customer 01001 now, 1001 then: the same number written differently; they are compared as two customers (new and lost). Write the ids the same way.'],
      ['warning', 'COMPARE_ID_CHANGED', 'result-2025.json', 'Customer 001 now, 1 then: the same number written differently; they are compared as two customers (new and lost). Write the ids the same way.'],
      ['warning', 'COMPARE_ID_CHANGED', 'result-2025.json', 'Customer 0001 now, 1 then: the same number written differently; they are compared as two customers (new and lost). Write the ids the same way.'],
    ]);
  });
});
