/**
 * The Sensitivity sheet (issue 21) on Kaplan & Anderson's department (test/helpers/kaplan-sensitivity.ts):
 * the note on what is exact and what is estimated, the tornado table with the engine's figures to the
 * cent, the tornado chart's two series against the figures under it (largest swing on top), the customers
 * to look closer at, the likeliest losses, the company's range, the estimates check, Dutch texts, and a
 * model without ranges.
 */
import fc from 'fast-check';
import { dec } from '../../src/engine/decimal';
import type { TornadoBar } from '../../src/engine/sensitivity/types';
import { TORNADO_CHART_NAME, buildSensitivitySheet, likeliestLosses, tornadoEffects } from '../../src/workbook/report-sensitivity';
import { OPTIONAL_REPORT_ROLES, roleOfSheetName } from '../../src/workbook/report-text';
import type { ReportSheet } from '../../src/workbook/report-types';
import { KAPLAN_OPERATING_PROFIT, kaplanSensitivity } from '../helpers/kaplan-sensitivity';

/** The values of the first row whose first cell is `label`, at or after row index `after`. */
function rowOf(sheet: ReportSheet, label: string | number, after = 0): Array<string | number | null> {
  const i = sheet.rows.findIndex((r, n) => n >= after && r.cells[0]?.value === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return (sheet.rows[i]?.cells ?? []).map((c) => c.value);
}

const indexOf = (sheet: ReportSheet, label: string): number => sheet.rows.findIndex((r) => r.cells[0]?.value === label);

describe('the Sensitivity sheet', () => {
  const { result, sensitivity } = kaplanSensitivity();
  const sheet = buildSensitivitySheet(result, sensitivity);

  it('rests on the costed department the fixture says', () => {
    expect(result.totals.operatingProfit.toFixed(2)).toBe(KAPLAN_OPERATING_PROFIT.toFixed(2));
    expect(result.customers.map((c) => [c.customer, c.netProfit.toFixed(2)])).toEqual(sensitivity.customers.map((r) => [r.customer, r.netProfit.toFixed(2)]));
  });

  it('is an optional report sheet, known by its name in both languages', () => {
    expect([sheet.name, sheet.role]).toEqual(['ABC Sensitivity', 'sensitivity']);
    expect(OPTIONAL_REPORT_ROLES).toContain('sensitivity');
    expect([roleOfSheetName('abc sensitivity'), roleOfSheetName('ABC Gevoeligheid')]).toEqual(['sensitivity', 'sensitivity']);
  });

  it('says the ranges are estimates of 1000 seeded draws and the tornado exact', () => {
    expect(sheet.rows[1]?.cells[0]?.value).toBe(
      "Currency: EUR · The tornado and today's figures are exact. The customers' and the company's ranges below the tornado are estimates from 1000 simulated draws of the estimates (seed 20260101): the same seed gives the same figures.",
    );
  });

  it('ranks the estimates by their swing, with operating profit and the loss-makers at Low and High to the cent', () => {
    const header = indexOf(sheet, 'Rank');
    expect(rowOf(sheet, 'Rank')).toEqual(['Rank', 'Activity', 'Driver', 'Estimate of', 'Value', 'Low', 'High', 'Operating profit at Low', 'Operating profit at High', 'Swing', "Loss-makers' net profit at Low", "Loss-makers' net profit at High"]);
    expect(sheet.rows.slice(header + 1, header + 4).map((r) => r.cells.map((c) => c.value))).toEqual([
      [1, 'Process customer orders', 'Orders', 'Minutes', 8, 4, 12, -529108, -531692, 2584, 32, -104],
      [2, 'Handle customer inquiries', 'Inquiries', 'Minutes', 40, 30, 60, -530272.5, -530655, 382.5, -36, -36],
      [3, 'Perform credit checks', 'Credit checks', 'Minutes', 50, 45, 55, -530387.25, -530412.75, 25.5, -36, -36],
    ]);
    expect(sheet.rows[header + 1]?.cells.map((c) => c.format)).toEqual(['integer', 'text', 'text', 'text', 'decimal', 'decimal', 'decimal', 'money', 'money', 'money', 'money', 'money']);
  });

  it('draws the tornado from the figures under it: the change from today at Low and at High, the largest swing on top', () => {
    const chart = sheet.chart;
    const tornado = chart?.tornado;
    if (chart === undefined || tornado === undefined) throw new Error('no tornado');
    expect([chart.name, chart.title, chart.series, chart.waterfall]).toEqual([TORNADO_CHART_NAME, "Operating profit's change with each estimate at Low and at High", [], undefined]);
    // A bar chart draws its first category at the bottom: the largest swing comes last.
    expect(tornado.categories.values).toEqual(['Perform credit checks · Credit checks', 'Handle customer inquiries · Inquiries', 'Process customer orders · Orders']);
    expect(tornado.low.values.values).toEqual([12.75, 127.5, 1292]);
    expect(tornado.high.values.values).toEqual([-12.75, -255, -1292]);
    expect([tornado.low.name, tornado.high.name]).toEqual(['At Low', 'At High']);
    // The cells the series read (1-based rows) hold what the chart caches.
    const { firstRow, lastRow } = tornado.categories;
    expect(rowOf(sheet, 'Estimate', firstRow - 2)).toEqual(['Estimate', 'At Low', 'At High']);
    expect(sheet.rows.slice(firstRow - 1, lastRow).map((r) => r.cells.map((c) => c.value))).toEqual(tornado.categories.values.map((label, i) => [label, tornado.low.values.values[i], tornado.high.values.values[i]]));
    expect([tornado.low.values.column, tornado.high.values.column, tornado.low.values.firstRow, tornado.high.values.lastRow]).toEqual([2, 3, firstRow, lastRow]);
    // The chart covers the empty rows under its heading.
    const heading = indexOf(sheet, 'Tornado');
    expect(chart.anchor.fromRow).toBe(heading + 1);
    expect(sheet.rows.slice(heading + 1, chart.anchor.toRow).every((r) => r.cells.length === 0)).toBe(true);
  });

  it('lists D to look closer at, with its range and chance of a loss, and the likeliest losses', () => {
    const look = indexOf(sheet, 'Look closer before acting');
    expect(rowOf(sheet, 'Customer', look)).toEqual(['Customer', 'Name', 'Net profit today', 'P10', 'Median', 'P90', 'Chance of a loss']);
    const d = rowOf(sheet, 'D', look);
    expect(d.slice(0, 6)).toEqual(['D', 'Customer D', -36, -73.59, -36, 1.59]);
    expect(d[6]).toBeCloseTo(0.889273, 6);
    const top = indexOf(sheet, 'Customers most likely to lose money (top 20)');
    expect(top).toBeGreaterThan(look);
    // Only D has a chance of a loss.
    expect(sheet.rows.slice(top + 2, top + 4).map((r) => [r.style, r.cells[0]?.value])).toEqual([
      ['body', 'D'],
      ['note', 'Every customer\'s range is in the runner\'s --json output and in ABC.PROFITRANGE and ABC.LOSSCHANCE.'],
    ]);
  });

  it("gives the company's range beside today's operating profit, and checks the minutes against the paid ones", () => {
    expect(rowOf(sheet, 'Operating profit, capacity resized')).toEqual(['Operating profit, capacity resized', -530400, -531114.2, -530400, -529685.8]);
    expect(rowOf(sheet, 'Customer service')).toEqual(['Customer service', 3790, 3200, 1.184375]);
  });

  it('is written in Dutch', () => {
    const nl = buildSensitivitySheet(result, sensitivity, 'nl');
    expect(nl.name).toBe('ABC Gevoeligheid');
    expect(rowOf(nl, 'Rang').slice(0, 4)).toEqual(['Rang', 'Activiteit', 'Kostendrijver', 'Schatting van']);
    expect(rowOf(nl, 1).slice(3, 4)).toEqual(['Minuten']);
    expect(nl.chart?.tornado?.low.name).toBe('Bij Laag');
    expect(indexOf(nl, 'Eerst beter kijken, dan handelen')).toBeGreaterThan(0);
    expect(rowOf(nl, 'Kostenpool')).toEqual(['Kostenpool', 'Verklaarde minuten', 'Betaalde minuten', 'Verklaard ÷ betaald']);
  });

  it('says so when no estimate has a range, and draws no chart', () => {
    const none = buildSensitivitySheet(result, { ...sensitivity, tornado: [], lookCloser: [], customers: sensitivity.customers.map((c) => ({ ...c, lossChance: c.netProfit.isNegative() ? 1 : 0 })) });
    expect(none.chart).toBeUndefined();
    expect(indexOf(none, 'No estimate has a range: give Low and High in ABC_Activities, or the setting DefaultRange.')).toBeGreaterThan(0);
    expect(indexOf(none, 'None: every customer makes money, or loses it, in at least 9 of 10 draws.')).toBeGreaterThan(0);
  });

  it('keeps a share estimate as a percentage and a rate as a cost per unit', () => {
    const [first] = sensitivity.tornado;
    if (first === undefined) throw new Error('no bar');
    const share: TornadoBar = { ...first, estimate: { ...first.estimate, kind: 'share', driver: null, value: dec('0.25'), low: dec('0.2'), high: dec('0.3') } };
    const s = buildSensitivitySheet(result, { ...sensitivity, tornado: [share] });
    expect(rowOf(s, 1).slice(1, 7)).toEqual(['Process customer orders', null, 'Share', 0.25, 0.2, 0.3]);
    expect(s.rows[indexOf(s, 'Rank') + 1]?.cells.slice(4, 7).map((c) => c.format)).toEqual(['percent', 'percent', 'percent']);
    expect(s.chart?.tornado?.categories.values).toEqual(['Process customer orders']);
  });
});

describe('the tornado effects', () => {
  const { sensitivity } = kaplanSensitivity();
  const base = sensitivity.tornado[0] as TornadoBar;

  it('are zero at the end the estimate stands at, and span the rounded swing exactly', () => {
    const cents = fc.integer({ min: -1e11, max: 1e11 }).map((c) => dec(c).div(100));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), cents, cents, (low, width, at, pL, pH) => {
        const value = low + (at % (width + 1));
        const bar: TornadoBar = { ...base, estimate: { ...base.estimate, value: dec(value), low: dec(low), high: dec(low + width) }, profitAtLow: pL, profitAtHigh: pH };
        const e = tornadoEffects(bar);
        expect(e.high.minus(e.low).equals(pH.minus(pL))).toBe(true);
        if (value === low) expect(e.low.isZero()).toBe(true);
        if (value === low + width) expect(e.high.isZero()).toBe(true);
        expect(e.low.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('orders the likeliest losses by chance, then by the lower profit, then by id', () => {
    const r = (customer: string, netProfit: number, lossChance: number) => ({ customer, name: null, netProfit: dec(netProfit), p10: 0, median: 0, p90: 0, lossChance });
    expect(likeliestLosses([r('x', 5, 0.5), r('b', -1, 1), r('a', -1, 1), r('c', -9, 1), r('z', 100, 0)], 3).map((c) => c.customer)).toEqual(['c', 'a', 'b']);
  });
});
