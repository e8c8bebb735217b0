/** Which rows are estimates (their own range, else DefaultRange), and the time equations against paid minutes. */
import { dec } from '../../../src/engine/decimal';
import { checkMinutes } from '../../../src/engine/sensitivity/check-minutes';
import { estimatesOf } from '../../../src/engine/sensitivity/estimates';
import { KAPLAN_TIME } from '../../helpers/kaplan-anderson';
import { buildModel } from '../../helpers/model';
import { costed, withRanges } from './ranges';

describe('estimates', () => {
  it('takes a row’s own range and group, and leaves rows without a range out', () => {
    const model = withRanges(KAPLAN_TIME, { 1: [30, 60, 'Service'] });
    const estimates = estimatesOf(model);
    expect(estimates).toHaveLength(1);
    const [inquiries] = estimates;
    expect(inquiries).toMatchObject({ row: 1, activity: 'Handle customer inquiries', pool: 'Customer service', driver: 'Inquiries', kind: 'minutes', group: 'Service' });
    expect([inquiries!.low, inquiries!.value, inquiries!.high].map(String)).toEqual(['30', '44', '60']);
    expect(inquiries!.where).toEqual({ range: 'ABC_Activities', sheet: 'Activities', cell: 'A3' });
  });

  it('gives the other rows DefaultRange: value × (1 − below) to value × (1 + above)', () => {
    const model = withRanges(KAPLAN_TIME, { 1: [30, 60] });
    const withDefault = { ...model, settings: { ...model.settings, defaultRange: { below: dec(0.3), above: dec(0.1) } } };
    const estimates = estimatesOf(withDefault);
    expect(estimates.map((e) => [e.row, e.low.toString(), e.high.toString(), e.group])).toEqual([
      [0, '5.6', '8.8', null],
      [1, '30', '60', null],
      [2, '35', '55', null],
    ]);
  });
});

describe('minutes checks', () => {
  it('compares the minutes the time equations explain with FTE × MinutesPerFTE', () => {
    // 49,000 × 8 + 1,400 × 44 + 2,500 × 50 = 578,600 minutes explained; 10 FTE × 50,000 = 500,000 paid.
    const model = buildModel({ ...KAPLAN_TIME, pools: [['Customer service', 560_000, 700_000, 10]], settings: { minutesPerFte: dec(50_000) } });
    const [check] = checkMinutes(model, costed(model));
    expect(check!.pool).toBe('Customer service');
    expect(check!.explainedMinutes.toString()).toBe('578600');
    expect(check!.paidMinutes!.toString()).toBe('500000');
    expect(check!.overstatement!.toString()).toBe('1.1572');
  });

  it('has no paid minutes without FTE or without MinutesPerFTE', () => {
    const noFte = buildModel({ ...KAPLAN_TIME, settings: { minutesPerFte: dec(50_000) } });
    const noSetting = buildModel({ ...KAPLAN_TIME, pools: [['Customer service', 560_000, 700_000, 10]] });
    for (const model of [noFte, noSetting]) {
      expect(checkMinutes(model, costed(model)).map((c) => [c.explainedMinutes.toString(), c.paidMinutes, c.overstatement])).toEqual([['578600', null, null]]);
    }
  });

  it('checks time-driven pools only', () => {
    const model = buildModel({
      ...KAPLAN_TIME,
      pools: [...KAPLAN_TIME.pools!, ['Administration', 1000]],
      activities: [...KAPLAN_TIME.activities!, ['Invoicing', 'Administration', 'Orders', 'share', 1]],
    });
    expect(checkMinutes(model, costed(model)).map((c) => c.pool)).toEqual(['Customer service']);
  });
});

describe('a range that does not hold its value', () => {
  it('is refused rather than simulated', () => {
    expect(() => estimatesOf(withRanges(KAPLAN_TIME, { 0: [9, 12] }))).toThrow(RangeError);
    expect(() => estimatesOf(withRanges(KAPLAN_TIME, { 0: [2, 7] }))).toThrow('does not hold its value 8');
  });
});
