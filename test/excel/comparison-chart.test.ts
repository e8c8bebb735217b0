/**
 * The Comparison sheet through the add-in's Office.js writer on the simulated host: its cells as the
 * layout describes them, and its waterfall drawn as stacked columns whose first series, the base, has no
 * fill, the bars coloured, the legend hidden; a second Refresh updates that chart instead of adding one.
 */
import { dec } from '../../src/engine/decimal';
import { writeReport } from '../../src/excel/write-report';
import { columnLetters } from '../../src/workbook/grid';
import { BRIDGE_CHART_NAME, buildComparisonSheet } from '../../src/workbook/report-comparison';
import { buildReportSheets } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { handAnalysis, kaplanComparison } from '../helpers/kaplan-periods';
import { chartRangeText, fakeRun } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

const kaplan = kaplanComparison({ withD: true });
const { after } = kaplan;
// D's name looks like a formula: it is the workbook's text and must land as text.
const comparison = { ...kaplan.comparison, customers: kaplan.comparison.customers.map((c) => (c.customer === 'D' ? { ...c, name: '=HYPERLINK("x")' } : c)) };
const analysis = handAnalysis(
  comparison,
  { A: { kind: 'revenue', amount: dec(10000) }, B: { kind: 'lost' }, C: { kind: 'new' }, D: { kind: 'cogs', amount: dec(900) } },
  Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 0)),
);

function sheets(): ReportSheet[] {
  return [...buildReportSheets(after), buildComparisonSheet(comparison, analysis, { earlier: 'Budget', now: 'Actual' }, 'EUR')];
}

describe('the Comparison sheet through the simulated Office.js host', () => {
  it('writes the bridge and draws the waterfall as stacked columns with an invisible base', async () => {
    const book = sampleWorkbook();
    const layout = sheets();
    const out = await writeReport(fakeRun(book), layout, 'EUR');
    expect(out.sheets).toContain('ABC Comparison');
    const ws = book.sheet('ABC Comparison');
    if (ws === undefined) throw new Error('no comparison sheet');
    expect(ws.valuesOf('A5:B6')).toEqual([
      ['Operating profit Budget', -499000],
      ['Revenue', 9200],
    ]);
    const spec = layout[layout.length - 1]?.chart;
    const bars = spec?.waterfall;
    if (spec === undefined || bars === undefined) throw new Error('no waterfall in the layout');
    expect(ws.charts).toHaveLength(1);
    const chart = ws.charts[0];
    expect([chart?.name, chart?.type, chart?.title, chart?.legendVisible]).toEqual([BRIDGE_CHART_NAME, 'ColumnStacked', 'Operating profit: Budget to Actual', false]);
    expect(chart?.position).toEqual({ start: `A${spec.anchor.fromRow + 1}`, end: `${columnLetters(spec.anchor.toColumn)}${spec.anchor.toRow}` });
    const first = bars.categories.firstRow;
    const last = bars.categories.lastRow;
    const cells = (col: number): string => `'ABC Comparison'!${columnLetters(col)}${first}:${columnLetters(col)}${last}`;
    expect(chart?.series.map((s) => [s.name, chartRangeText(s.x), chartRangeText(s.y), s.fill])).toEqual([
      ['Base (not drawn)', cells(1), cells(2), 'none'],
      ['Increase', cells(1), cells(3), '#2E9E4F'],
      ['Decrease', cells(1), cells(4), '#C0392B'],
      ['Total', cells(1), cells(5), '#8C8C8C'],
    ]);
    expect(chart?.series[0]?.gapWidth).toBe(50);
    // The cells the series read hold the cached values of the description.
    expect(ws.valuesOf(`A${first}:E${last}`)).toEqual(bars.categories.values.map((label, i) => [label, ...bars.series.map((s) => s.values.values[i])]));

    // Workbook text stays text: D's name is no formula.
    const nameCells = Array.from({ length: 200 }, (_v, r) => ws.peek(r, 1)).filter((c) => c?.value === '=HYPERLINK("x")');
    expect(nameCells.length).toBeGreaterThan(0);
    for (const c of nameCells) expect(c).toMatchObject({ formula: null, numberFormat: '@' });

    // A second Refresh finds the chart by its name and updates it: still one chart, four series.
    await writeReport(fakeRun(book), sheets(), 'EUR');
    expect(book.sheet('ABC Comparison')?.charts.map((c) => [c.name, c.series.length])).toEqual([[BRIDGE_CHART_NAME, 4]]);
  });

  it('a Refresh of the whole report without a comparison empties the Comparison sheet and removes its chart; writing statements alone leaves it', async () => {
    const book = sampleWorkbook();
    await writeReport(fakeRun(book), sheets(), 'EUR');
    await writeReport(fakeRun(book), buildReportSheets(after).filter((s) => s.role !== 'pnl'), 'EUR');
    expect(book.sheet('ABC Comparison')?.valuesOf('A5:B5')).toEqual([['Operating profit Budget', -499000]]);
    await writeReport(fakeRun(book), buildReportSheets(after), 'EUR');
    const ws = book.sheet('ABC Comparison');
    expect(ws?.charts).toEqual([]);
    expect(ws?.valuesOf('A2:A2')).toEqual([['No comparison in this run, so this sheet holds no figures: an earlier run’s would no longer match the other sheets. Compare again with --compare or --compare-period, or with Compare in the task pane.']]);
    expect(ws?.valuesOf('A5:B5')).toEqual([[null, null]]);
  });

  it('a Refresh where no bar crosses zero any more drops the below-zero series of the one before, and keeps a series the user added', async () => {
    const book = sampleWorkbook();
    const crossing = { ...comparison, totals: { ...comparison.totals, before: dec(-2000), after: dec(-2000).plus(comparison.totals.change) } };
    const report = (c: typeof comparison): ReportSheet[] => [...buildReportSheets(after), buildComparisonSheet(c, analysis, { earlier: 'Budget', now: 'Actual' }, 'EUR')];
    await writeReport(fakeRun(book), report(crossing), 'EUR');
    const names = (): unknown => book.sheet('ABC Comparison')?.charts[0]?.series.map((s) => s.name);
    expect(names()).toEqual(['Base (not drawn)', 'Increase', 'Decrease', 'Total', 'Increase below zero', 'Decrease below zero']);
    book.sheet('ABC Comparison')?.charts[0]?.series.push({ name: 'Mine', x: null, y: null, markerStyle: 'Automatic', hasDataLabels: false });
    await writeReport(fakeRun(book), report(comparison), 'EUR');
    expect(names()).toEqual(['Base (not drawn)', 'Increase', 'Decrease', 'Total', 'Mine']);
  });
});
