/** The whale curve's one description: points, peak, counts and the sentence, against direct computations. */
import fc from 'fast-check';
import { buildCustomerPnlSheet, pnlWhaleCells } from '../../src/workbook/report-pnl';
import { buildSummarySheet } from '../../src/workbook/report-summary';
import { whaleCurve, whaleCurveOfResult, whalePlotPoints, whaleSentence } from '../../src/workbook/whale-curve';
import { smallResult } from './fixture';

const profitsCents = fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }), { minLength: 1, maxLength: 60 });

describe('whaleCurve', () => {
  it('ranks by profit, sums in cents, and marks the first highest point as the peak', () => {
    const curve = whaleCurve([
      { customer: 'C', netProfit: -30 },
      { customer: 'A', netProfit: 100.1 },
      { customer: 'D', netProfit: 0 },
      { customer: 'B', netProfit: 30.2 },
    ]);
    expect(curve.points.map((p) => [p.rank, p.customer, p.cumulative])).toEqual([
      [1, 'A', 100.1],
      [2, 'B', 130.3],
      [3, 'D', 130.3],
      [4, 'C', 100.3],
    ]);
    expect(curve.total).toBe(100.3);
    expect(curve.peak?.rank).toBe(2);
    expect(curve.peak?.share).toBeCloseTo(130.3 / 100.3, 12);
    expect([curve.profitable, curve.breakEven, curve.lossMaking]).toEqual([2, 1, 1]);
    expect(curve.givenBack).toBe(-30);
    expect(curve.givenBackShare).toBeCloseTo(30 / 100.3, 12);
    expect(whaleSentence(curve, 'en')).toBe('The 2 most profitable customers earn 130% of total profit; the last one gives 30% of it back.');
    expect(whaleSentence(curve, 'nl')).toBe('De 2 meest winstgevende klanten verdienen 130% van de totale winst; de laatste klant geeft daarvan 30% weer terug.');
  });

  it('property: the last point is 100% when the total is positive, the peak is the maximum, the counts add up', () => {
    fc.assert(
      fc.property(profitsCents, (cents) => {
        const curve = whaleCurve(cents.map((c, i) => ({ customer: `K${i}`, netProfit: c / 100 })));
        const sorted = [...cents].sort((a, b) => b - a);
        const total = sorted.reduce((a, b) => a + b, 0);
        let running = 0;
        const cumulative = sorted.map((c) => (running += c));
        expect(curve.points.map((p) => Math.round(p.cumulative * 100))).toEqual(cumulative);
        expect(Math.round(curve.total * 100)).toBe(total);
        const max = Math.max(...cumulative);
        expect(Math.round((curve.peak?.cumulative ?? NaN) * 100)).toBe(max);
        expect(curve.peak?.rank).toBe(cumulative.indexOf(max) + 1);
        expect(curve.profitable + curve.breakEven + curve.lossMaking).toBe(cents.length);
        expect(curve.lossMaking).toBe(cents.filter((c) => c < 0).length);
        expect(curve.meaningful).toBe(total > 0);
        if (total > 0) {
          expect(curve.points[curve.points.length - 1]?.share).toBe(1);
          expect(curve.peak?.rank).toBe(curve.profitable);
          // What the tail gives back is exactly the peak's excess over 100%.
          expect(curve.givenBackShare ?? NaN).toBeCloseTo((curve.peak?.share ?? NaN) - 1, 9);
          expect(whalePlotPoints(curve)).toHaveLength(cents.length + 1);
        } else {
          expect(curve.points.every((p) => p.share === null)).toBe(true);
          expect(whalePlotPoints(curve)).toEqual([]);
          expect(whaleSentence(curve, 'en')).toMatch(/^Total customer profit is not positive, so shares of it have no meaning/);
        }
      }),
    );
  });

  it('says in words when there is no curve, one customer, or no loss-maker', () => {
    expect(whaleSentence(whaleCurve([]), 'en')).toBe('There are no customers, so there is no whale curve.');
    expect(whaleCurve([]).peak).toBeNull();
    expect(whaleSentence(whaleCurve([{ customer: 'A', netProfit: 5 }]), 'en')).toBe('The only customer earns all of the total profit.');
    expect(whaleSentence(whaleCurve([{ customer: 'A', netProfit: 5 }]), 'nl')).toBe('De enige klant verdient de hele winst.');
    const equal = whaleCurve([1, 2, 3].map((i) => ({ customer: `C${i}`, netProfit: 10 })));
    expect(equal.peak?.rank).toBe(3);
    expect(equal.points.map((p) => p.share)).toEqual([1 / 3, 2 / 3, 1]);
    expect(whaleSentence(equal, 'en')).toBe('The 3 profitable customers earn all of the total profit; no customer gives any of it back.');
    const negative = whaleCurve([{ customer: 'A', netProfit: 10 }, { customer: 'B', netProfit: -20 }]);
    expect(whaleSentence(negative, 'en')).toBe('Total customer profit is not positive, so shares of it have no meaning: 1 customer makes a profit, 1 makes a loss.');
    expect(whaleSentence(negative, 'nl')).toBe('De totale klantwinst is niet positief, dus aandelen daarin zeggen niets: 1 klant maakt winst, 1 maakt verlies.');
  });
});

describe('the report sheets read the one description', () => {
  it("the P&L's cumulative-share column holds the curve's shares, where pnlWhaleCells says", () => {
    const result = smallResult();
    const sheet = buildCustomerPnlSheet(result);
    const cells = pnlWhaleCells(result);
    const curve = whaleCurveOfResult(result);
    const header = sheet.rows[cells.firstRow - 2];
    expect(header?.cells[cells.shareColumn - 1]?.value).toBe('Cumulative profit share');
    const shares = curve.points.map((_p, i) => sheet.rows[cells.firstRow - 1 + i]?.cells[cells.shareColumn - 1]?.value);
    expect(shares).toEqual(curve.points.map((p) => p.share));
    const ranks = curve.points.map((_p, i) => sheet.rows[cells.firstRow - 1 + i]?.cells[cells.rankColumn - 1]?.value);
    expect(ranks).toEqual([1, 2, 3]);
  });

  it("the summary's chart reads those cells, with the curve's values as its cache and the peak as a second series", () => {
    const result = smallResult();
    const summary = buildSummarySheet(result, 'nl');
    const curve = whaleCurveOfResult(result);
    const chart = summary.chart;
    expect(chart?.name).toBe('ABC whale curve');
    const [line, peak] = chart?.series ?? [];
    expect(line?.y).toEqual({ sheet: 'ABC Klantresultaat', column: pnlWhaleCells(result).shareColumn, firstRow: 4, lastRow: 6, values: curve.points.map((p) => p.share) });
    expect(line?.x.values).toEqual([1, 2, 3]);
    expect(peak?.x).toMatchObject({ firstRow: 3 + (curve.peak?.rank ?? 0), values: [curve.peak?.rank] });
    expect(peak?.y.values).toEqual([curve.peak?.share]);
    // The chart is drawn over empty rows under the heading; the sentence is the row under them.
    const from = chart?.anchor.fromRow ?? 0;
    expect(summary.rows[from - 1]?.cells[0]?.value).toBe('Walviscurve');
    expect(summary.rows.slice(from, chart?.anchor.toRow).every((r) => r.cells.length === 0)).toBe(true);
    expect(summary.rows[chart?.anchor.toRow ?? 0]?.cells[0]?.value).toBe(whaleSentence(curve, 'nl'));
  });
});
