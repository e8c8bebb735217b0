/**
 * The Sensitivity sheet through the add-in's Office.js writer on the simulated host: its cells as the
 * layout describes them, and its tornado drawn as clustered horizontal bars, the Low and High series
 * coloured and overlapping fully; a second Refresh updates that chart instead of adding one, and a
 * Refresh whose analysis has no tornado removes it.
 */
import { writeReport } from '../../src/excel/write-report';
import { columnLetters } from '../../src/workbook/grid';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { TORNADO_CHART_NAME, buildSensitivitySheet } from '../../src/workbook/report-sensitivity';
import type { ReportSheet } from '../../src/workbook/report-types';
import { kaplanSensitivity } from '../helpers/kaplan-sensitivity';
import { chartRangeText, fakeRun } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

const { result, sensitivity } = kaplanSensitivity();

function sheets(s = sensitivity, language: 'en' | 'nl' = 'en'): ReportSheet[] {
  return [...buildReportSheets(result, language), buildSensitivitySheet(result, s, language)];
}

describe('the Sensitivity sheet through the simulated Office.js host', () => {
  it('writes the tornado table and draws the tornado as overlapping horizontal bars', async () => {
    const book = sampleWorkbook();
    const layout = sheets();
    const out = await writeReport(fakeRun(book), layout, 'EUR');
    expect(out.sheets).toContain('ABC Sensitivity');
    const ws = book.sheet('ABC Sensitivity');
    if (ws === undefined) throw new Error('no sensitivity sheet');
    expect(ws.valuesOf('A4:L5')).toEqual([
      ['Rank', 'Activity', 'Driver', 'Estimate of', 'Value', 'Low', 'High', 'Operating profit at Low', 'Operating profit at High', 'Swing', "Loss-makers' net profit at Low", "Loss-makers' net profit at High"],
      [1, 'Process customer orders', 'Orders', 'Minutes', 8, 4, 12, -529108, -531692, 2584, 32, -104],
    ]);
    const spec = layout[layout.length - 1]?.chart;
    const bars = spec?.tornado;
    if (spec === undefined || bars === undefined) throw new Error('no tornado in the layout');
    expect(ws.charts).toHaveLength(1);
    const chart = ws.charts[0];
    expect([chart?.name, chart?.type, chart?.title]).toEqual([TORNADO_CHART_NAME, 'BarClustered', "Operating profit's change with each estimate at Low and at High"]);
    expect(chart?.position).toEqual({ start: `A${spec.anchor.fromRow + 1}`, end: `${columnLetters(spec.anchor.toColumn)}${spec.anchor.toRow}` });
    const { firstRow: first, lastRow: last } = bars.categories;
    const cells = (col: number): string => `'ABC Sensitivity'!${columnLetters(col)}${first}:${columnLetters(col)}${last}`;
    expect(chart?.series.map((s) => [s.name, chartRangeText(s.x), chartRangeText(s.y), s.fill])).toEqual([
      ['At Low', cells(1), cells(2), '#1F6FB2'],
      ['At High', cells(1), cells(3), '#E08A1E'],
    ]);
    expect([chart?.series[0]?.overlap, chart?.series[0]?.gapWidth, chart?.categoryLabels]).toEqual([100, 40, 'Low']);
    // The cells the series read hold the chart's figures: the largest swing last, drawn on top.
    expect(ws.valuesOf(`A${first}:C${last}`)).toEqual([
      ['Perform credit checks · Credit checks', 12.75, -12.75],
      ['Handle customer inquiries · Inquiries', 127.5, -255],
      ['Process customer orders · Orders', 1292, -1292],
    ]);

    // A second Refresh finds the chart by its name and updates it: still one chart, two series.
    await writeReport(fakeRun(book), sheets(), 'EUR');
    expect(book.sheet('ABC Sensitivity')?.charts.map((c) => [c.name, c.series.length])).toEqual([[TORNADO_CHART_NAME, 2]]);
    // An analysis without a ranged estimate has no tornado: the earlier chart goes.
    await writeReport(fakeRun(book), sheets({ ...sensitivity, tornado: [] }), 'EUR');
    expect(book.sheet('ABC Sensitivity')?.charts).toEqual([]);
  });

  it('writes the Dutch sheet under its Dutch name', async () => {
    const book = sampleWorkbook();
    await writeReport(fakeRun(book), sheets(sensitivity, 'nl'), 'EUR');
    const ws = book.sheet('ABC Gevoeligheid');
    expect(ws?.valuesOf('A4:D4')).toEqual([['Rang', 'Activiteit', 'Kostendrijver', 'Schatting van']]);
    expect(ws?.charts[0]?.series.map((s) => s.name)).toEqual(['Bij Laag', 'Bij Hoog']);
  });
});
