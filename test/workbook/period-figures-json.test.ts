/**
 * A period's figures cross the pane's worker as exact text and come back the same: the bridge of the copy
 * is the bridge of the original, every decimal equal, also for a cost per unit no float holds (595,000 / 700,000 × 40).
 */
import { compareFigures } from '../../src/engine/compare/bridge';
import { figuresOfResult } from '../../src/engine/compare/figures';
import { periodFiguresFromJson, periodFiguresToJson } from '../../src/workbook/period-figures-json';
import { kaplan2025, kaplan2026 } from '../helpers/kaplan-kept';

describe('period figures as plain data', () => {
  test('survive a structured clone exactly', () => {
    const before = figuresOfResult(kaplan2025());
    const after = figuresOfResult(kaplan2026());
    const copy = periodFiguresFromJson(structuredClone(periodFiguresToJson(after)));
    expect(copy.customers.map((c) => [c.customer, c.netProfit.toFixed(2), [...c.quantities].map(([k, q]) => [k, q.toString()])])).toEqual(
      after.customers.map((c) => [c.customer, c.netProfit.toFixed(2), [...c.quantities].map(([k, q]) => [k, q.toString()])]),
    );
    const terms = (f: typeof after): string[] => f.activities.flatMap((a) => a.terms.map((t) => `${a.activity}/${t.driver}: ${t.costPerUnit.toString()} ${t.minutes?.toString()} ${t.ratePerMinute?.toString()}`));
    expect(terms(copy)).toEqual(terms(after));
    expect(terms(after)).toContain('Handle customer inquiries/Inquiries: 34 40 0.85');
    const exact = compareFigures(before, after);
    const copied = compareFigures(periodFiguresFromJson(periodFiguresToJson(before)), copy);
    const flat = (c: typeof exact): string[] => [...c.customers.flatMap((x) => [x.change, ...Object.values(x.bridge)]), c.totals.change, ...Object.values(c.totals.bridge)].map((d) => d.toString());
    expect(flat(copied)).toEqual(flat(exact));
    expect(Object.fromEntries(Object.entries(copy.totals).map(([k, v]) => [k, v.toFixed(2)]))).toEqual(Object.fromEntries(Object.entries(after.totals).map(([k, v]) => [k, v.toFixed(2)])));
  });
});
