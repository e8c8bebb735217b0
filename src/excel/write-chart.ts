/// <reference types="office-js" />
/**
 * The report's charts in the open workbook (the summary's whale curve, the comparison's waterfall, the sensitivity's tornado), drawn with Excel's chart API from
 * the same `ReportChart` description the runner writes as a chart part. The chart is found by its name on
 * the sheet: a Refresh updates it (series, title, place) instead of adding a second one; series the user
 * added after the report's two are left alone.
 */
import { columnLetters } from '../workbook/grid';
import { REPORT_LANGUAGES, reportText } from '../workbook/report-text';
import type { ChartRange, ChartTextRange, ReportChart, TornadoBars, WaterfallBars, WaterfallRole } from '../workbook/report-types';
import type { SyncCounter } from './context';

function rangeOf(context: Excel.RequestContext, r: ChartRange | ChartTextRange): Excel.Range {
  const col = columnLetters(r.column);
  return context.workbook.worksheets.getItem(r.sheet).getRange(`${col}${r.firstRow}:${col}${r.lastRow}`);
}

/** Sets a series' name, cells and look from the description. */
function describeSeries(context: Excel.RequestContext, series: Excel.ChartSeries, spec: ReportChart['series'][number]): void {
  series.name = spec.name;
  series.setXAxisValues(rangeOf(context, spec.x));
  series.setValues(rangeOf(context, spec.y));
  series.markerStyle = spec.marker ? 'Circle' : 'None';
  series.hasDataLabels = spec.label;
}

/** The waterfall's colours, as the runner's chart part has them; the base has no fill at all. */
const WATERFALL_COLORS: { readonly [R in Exclude<WaterfallRole, 'base'>]: string } = { increase: '#2E9E4F', decrease: '#C0392B', total: '#8C8C8C' };

/**
 * Sets a waterfall's series from the description: each reads its column of the figures under the chart
 * against the steps' labels; the base is made invisible, so the bars above it float.
 */
function describeWaterfall(context: Excel.RequestContext, chart: Excel.Chart, have: Excel.ChartSeries[], bars: WaterfallBars): void {
  bars.series.forEach((spec, i) => {
    const series = have[i] ?? chart.series.add(spec.name);
    series.name = spec.name;
    series.setXAxisValues(rangeOf(context, bars.categories));
    series.setValues(rangeOf(context, spec.values));
    if (spec.role === 'base') series.format.fill.clear();
    else series.format.fill.setSolidColor(WATERFALL_COLORS[spec.role]);
    // One column per step: the bars of a step stack into one, with narrow gaps between steps.
    if (i === 0) series.gapWidth = 50;
  });
  // An earlier run's below-zero series this run does not need (no bar crosses zero now) go; the user's stay.
  const belowZero = new Set(REPORT_LANGUAGES.flatMap((l) => [reportText(l).comparison.increaseBelowZero, reportText(l).comparison.decreaseBelowZero]));
  have.slice(bars.series.length).filter((s) => belowZero.has(s.name)).forEach((s) => s.delete());
  // No legend: the colours say it, and the invisible base must not be listed.
  chart.legend.visible = false;
}

/** The tornado's colours, as the runner's chart part has them. */
const TORNADO_COLORS = { low: '#1F6FB2', high: '#E08A1E' } as const;

/**
 * Sets a tornado's two series from the description: the effect at Low and at High, each reading its column
 * of the figures under the chart against the estimates' labels, overlapping fully so both sit on one row.
 */
function describeTornado(context: Excel.RequestContext, chart: Excel.Chart, have: Excel.ChartSeries[], bars: TornadoBars): void {
  [
    { spec: bars.low, color: TORNADO_COLORS.low },
    { spec: bars.high, color: TORNADO_COLORS.high },
  ].forEach(({ spec, color }, i) => {
    const series = have[i] ?? chart.series.add(spec.name);
    series.name = spec.name;
    series.setXAxisValues(rangeOf(context, bars.categories));
    series.setValues(rangeOf(context, spec.values));
    series.format.fill.setSolidColor(color);
    if (i === 0) {
      series.gapWidth = 40;
      series.overlap = 100;
    }
  });
  // The estimates' labels at the left edge, not beside the zero line where the bars to the left would cover them.
  chart.axes.categoryAxis.tickLabelPosition = 'Low';
}

/** The chart type a description is drawn as in Excel. */
function chartType(chart: ReportChart): 'ColumnStacked' | 'BarClustered' | 'XYScatterLinesNoMarkers' {
  if (chart.waterfall !== undefined) return 'ColumnStacked';
  return chart.tornado !== undefined ? 'BarClustered' : 'XYScatterLinesNoMarkers';
}

/**
 * Creates or updates the chart on `sheetName` (its final name, after the report's sheets were renamed into
 * place): two syncs, three for an update.
 */
export async function writeReportChart(context: Excel.RequestContext, counter: SyncCounter, sheetName: string, chart: ReportChart): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const existing = ws.charts.getItemOrNullObject(chart.name);
  existing.load('isNullObject');
  await counter.sync(context);
  const [first, ...rest] = chart.series;
  const firstRange = chart.waterfall?.series[0]?.values ?? chart.tornado?.low.values ?? first?.y;
  if (firstRange === undefined) return;
  let target: Excel.Chart;
  let have: Excel.ChartSeries[] = [];
  if (existing.isNullObject) {
    target = ws.charts.add(chartType(chart), rangeOf(context, firstRange), 'Columns');
    target.name = chart.name;
    have = [target.series.getItemAt(0)];
  } else {
    target = existing;
    const series = existing.series.load('items/name');
    await counter.sync(context);
    have = series.items;
  }
  target.title.text = chart.title;
  const { fromRow, fromColumn, toRow, toColumn } = chart.anchor;
  target.setPosition(`${columnLetters(fromColumn + 1)}${fromRow + 1}`, `${columnLetters(toColumn)}${toRow}`);
  if (chart.waterfall !== undefined) describeWaterfall(context, target, have, chart.waterfall);
  else if (chart.tornado !== undefined) describeTornado(context, target, have, chart.tornado);
  else if (first !== undefined) [first, ...rest].forEach((spec, i) => describeSeries(context, have[i] ?? target.series.add(spec.name), spec));
  await counter.sync(context);
}

/**
 * Removes the report's chart `name` from `sheetName` when this run has none (a total profit of zero or
 * less has no whale curve), so the sheet shows no chart of an earlier model; the user's charts stay. One
 * sync, two when there was one.
 */
export async function removeReportChart(context: Excel.RequestContext, counter: SyncCounter, sheetName: string, name: string): Promise<void> {
  const existing = context.workbook.worksheets.getItem(sheetName).charts.getItemOrNullObject(name);
  existing.load('isNullObject');
  await counter.sync(context);
  if (existing.isNullObject) return;
  existing.delete();
  await counter.sync(context);
}
