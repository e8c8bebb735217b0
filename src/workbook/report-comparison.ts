/**
 * The `ABC Comparison` sheet (Dutch `ABC Vergelijking`, issue 20), written when an earlier period or a
 * budget is compared with this one: the company's operating profit bridged from the earlier figure to
 * today's, part by part (per activity the volume and rate effects, a time-driven rate split into time
 * per unit and cost per minute), with the check that the parts add up to the change; the bridge as a
 * waterfall chart; the customers that turned from profit to loss and back, the largest improvements and
 * declines with their main cause in words; and how customers moved between profit quintiles.
 *
 * Every amount is the comparison's own (whole cents, summed exactly): the sheet adds nothing up that the
 * engine did not, except the check row and the per-activity company lines, which are sums of cents.
 */
import type { ActivityBridge, Comparison, ComparisonAnalysis, ExplainedChange } from '../engine/compare/types';
import { type Dec, ZERO, sum } from '../engine/decimal';
import { nameKey } from '../engine/model';
import { type StackedStep, bridgeSteps, crossesZero, stackedStep } from './bridge-waterfall';
import { causeText } from './cause-text';
import { blank, fitWidths, headerRow, integer, money as moneyCell, row, spacer, text } from './report-cells';
import { currencyCode } from './report-format';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportChart, ReportRow, ReportSheet, WaterfallRole } from './report-types';

/** The name the waterfall has in both hosts, so a re-run or a Refresh finds it. */
export const BRIDGE_CHART_NAME = 'ABC profit bridge';

/** How many customers the improvements and declines list at most. */
export const COMPARISON_TOP = 10;

/** Rows left empty under the chart's heading for it, and the columns it spans. */
const CHART_ROWS = 22;
const CHART_COLUMNS = 6;

/** A zero part is plain zero: a negated zero (less of no cost) must not show as -0.00. */
const plain = (d: Dec): Dec => (d.isZero() ? ZERO : d);
const money = (d: Dec): ReturnType<typeof moneyCell> => moneyCell(plain(d));

/** The periods' labels as the user gave them (`2025` and `2026`, or `Budget` and `Actual`). */
export interface PeriodLabels {
  earlier: string;
  now: string;
}

type ComparisonText = ReportText['comparison'];

/** An activity's company line: its customers' parts added up. */
interface CompanyActivity {
  activity: string;
  volume: Dec;
  rate: Dec;
  timePerUnit: Dec | null;
  costPerMinute: Dec | null;
}

/**
 * The company's parts per activity, in the order activities first appear among the customers. A split is
 * kept only when every customer's line of the activity has one (the split is the activity's, so they do).
 */
function companyActivities(comparison: Comparison): CompanyActivity[] {
  const lines = new Map<string, ActivityBridge[]>();
  for (const c of comparison.customers) for (const a of c.activities) lines.set(nameKey(a.activity), [...(lines.get(nameKey(a.activity)) ?? []), a]);
  return [...lines.values()].map((list) => {
    const split = list.every((a) => a.timePerUnit !== null && a.costPerMinute !== null);
    return {
      activity: (list[0] as ActivityBridge).activity,
      volume: sum(list.map((a) => a.volume)),
      rate: sum(list.map((a) => a.rate)),
      timePerUnit: split ? sum(list.map((a) => a.timePerUnit as Dec)) : null,
      costPerMinute: split ? sum(list.map((a) => a.costPerMinute as Dec)) : null,
    };
  });
}

/** An activity's line under the volume or rate line, indented. */
const indented = (activity: string): string => `    ${activity}`;

/** Section a: the bridge from the earlier operating profit to today's, and the check that it adds up. */
function companyRows(comparison: Comparison, labels: PeriodLabels, c: ComparisonText): ReportRow[] {
  const t = comparison.totals;
  const b = t.bridge;
  const activities = companyActivities(comparison);
  const line = (label: string, amount: Dec): ReportRow => row('body', [text(label), money(amount)]);
  const parts = [b.revenue, b.discounts, b.cogs, b.activityVolume, b.activityRate, b.unusedCapacity, b.directCosts, b.unusedNotCharged, b.unassigned];
  const partsSum = sum(parts);
  return [
    row('section', [text(c.companySection(labels.earlier, labels.now))]),
    headerRow([c.line, c.amount, c.timePerUnit, c.costPerMinute]),
    row('total', [text(c.operatingProfit(labels.earlier)), money(t.before)]),
    line(c.revenue, b.revenue),
    line(c.discounts, b.discounts),
    line(c.cogs, b.cogs),
    line(c.activityVolume, b.activityVolume),
    ...activities.filter((a) => !a.volume.isZero()).map((a) => line(indented(a.activity), a.volume)),
    line(c.activityRate, b.activityRate),
    ...activities
      .filter((a) => !a.rate.isZero() || (a.timePerUnit !== null && !a.timePerUnit.isZero()))
      .map((a) => row('body', [text(indented(a.activity)), money(a.rate), a.timePerUnit === null ? blank('money') : money(a.timePerUnit), a.costPerMinute === null ? blank('money') : money(a.costPerMinute)])),
    line(c.unusedCapacity, b.unusedCapacity),
    line(c.directCosts, b.directCosts),
    line(c.unusedNotCharged, b.unusedNotCharged),
    line(c.unassigned, b.unassigned),
    row('total', [text(c.operatingProfit(labels.now)), money(t.after)]),
    spacer(),
    line(c.change, t.change),
    line(c.sumOfParts, partsSum),
    row('total', [text(c.difference), money(partsSum.minus(t.change))]),
    row('note', [text(c.bridgeExplanation)]),
  ];
}

/** The stacked series, by role and below-zero flag, with their columns in the chart's figures table. */
interface SeriesColumn {
  role: WaterfallRole;
  header: (c: ComparisonText) => string;
  value: (s: StackedStep) => Dec;
}

const SERIES_COLUMNS: readonly SeriesColumn[] = [
  { role: 'base', header: (c) => c.base, value: (s) => s.base },
  { role: 'increase', header: (c) => c.increase, value: (s) => s.increase },
  { role: 'decrease', header: (c) => c.decrease, value: (s) => s.decrease },
  { role: 'total', header: (c) => c.total, value: (s) => s.total },
];

const BELOW_ZERO_COLUMNS: readonly SeriesColumn[] = [
  { role: 'increase', header: (c) => c.increaseBelowZero, value: (s) => s.increaseBelowZero },
  { role: 'decrease', header: (c) => c.decreaseBelowZero, value: (s) => s.decreaseBelowZero },
];

/**
 * Section b: the heading, empty rows the waterfall is drawn over, and under them the figures its stacked
 * columns read (visible, so a controller sees what the chart draws). `firstRow` is the 0-based index of
 * the block's first row on the sheet.
 */
function waterfallBlock(comparison: Comparison, labels: PeriodLabels, language: ReportLanguage, sheet: string, firstRow: number): { rows: ReportRow[]; chart: ReportChart } {
  const c = reportText(language).comparison;
  const steps = bridgeSteps(comparison, labels, language);
  const stacked = steps.map(stackedStep);
  const columns = crossesZero(steps) ? [...SERIES_COLUMNS, ...BELOW_ZERO_COLUMNS] : SERIES_COLUMNS;
  const room = Array.from({ length: CHART_ROWS }, () => spacer());
  const rows: ReportRow[] = [
    row('section', [text(c.chartSection)]),
    ...room,
    row('section', [text(c.chartDataSection)]),
    headerRow([c.step, ...columns.map((col) => col.header(c))]),
    ...steps.map((s, i) => row('body', [text(s.label), ...columns.map((col) => money(col.value(stacked[i] as StackedStep)))])),
  ];
  // 1-based sheet rows of the figures: after the heading, the chart's rows, the data heading and header.
  const dataFirst = firstRow + 1 + CHART_ROWS + 2 + 1;
  const dataLast = dataFirst + steps.length - 1;
  const range = (column: number, values: number[]) => ({ sheet, column, firstRow: dataFirst, lastRow: dataLast, values });
  const chart: ReportChart = {
    name: BRIDGE_CHART_NAME,
    title: c.chartTitle(labels.earlier, labels.now),
    axisX: '',
    axisY: c.amount,
    yFormat: 'money',
    anchor: { fromRow: firstRow + 1, fromColumn: 0, toRow: firstRow + 1 + CHART_ROWS, toColumn: CHART_COLUMNS },
    series: [],
    waterfall: {
      categories: { sheet, column: 1, firstRow: dataFirst, lastRow: dataLast, values: steps.map((s) => s.label) },
      series: columns.map((col, i) => ({ name: col.header(c), role: col.role, values: range(i + 2, stacked.map((s) => plain(col.value(s)).toNumber())) })),
    },
  };
  return { rows, chart };
}

/** Sections c and d: a list of customers with their change and its main cause. */
function customerRows(title: string, list: readonly ExplainedChange[], labels: PeriodLabels, currency: string, language: ReportLanguage): ReportRow[] {
  const c = reportText(language).comparison;
  return [
    row('section', [text(title)]),
    headerRow([c.customer, c.name, c.before(labels.earlier), c.after(labels.now), c.changeColumn, c.cause]),
    ...(list.length === 0
      ? [row('body', [text(c.none)])]
      : list.map(({ change: x, cause }) => row('body', [text(x.customer), text(x.name), money(x.before), money(x.after), money(x.change), text(causeText(cause, currency, language))]))),
  ];
}

/** Section e: customers counted by their quintile then (rows, and new) and now (columns, and lost). */
function migrationRows(analysis: ComparisonAnalysis, labels: PeriodLabels, c: ComparisonText): ReportRow[] {
  const quintiles = [1, 2, 3, 4, 5].map((q) => c.quintile(q));
  const counts = analysis.migration.counts;
  const cells = (then: number) => [0, 1, 2, 3, 4, 5].map((now) => (then === 5 && now === 5 ? blank('integer') : integer(counts[then]?.[now] ?? 0)));
  return [
    row('section', [text(c.migrationSection)]),
    headerRow([c.migrationCorner(labels.earlier, labels.now), ...quintiles, c.lostCustomers]),
    ...quintiles.map((q, then) => row('body', [text(q), ...cells(then)])),
    row('body', [text(c.newCustomers), ...cells(5)]),
  ];
}

/**
 * Builds the Comparison sheet of two periods compared (`comparison`, from engine/compare) and what the
 * analysis found in it, with the periods' labels as given, amounts in `currency`, texts in `language`.
 */
export function buildComparisonSheet(comparison: Comparison, analysis: ComparisonAnalysis, labels: PeriodLabels, currency: string, language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const c = t.comparison;
  const name = t.sheetNames.comparison;
  const top: ReportRow[] = [
    row('title', [text(c.title)]),
    row('note', [text(c.note({ earlier: labels.earlier, now: labels.now, currency: currencyCode(currency) }))]),
    ...companyRows(comparison, labels, c),
    spacer(),
  ];
  const waterfall = waterfallBlock(comparison, labels, language, name, top.length);
  const rows: ReportRow[] = [
    ...top,
    ...waterfall.rows,
    spacer(),
    ...customerRows(c.profitToLoss, analysis.profitToLoss, labels, currency, language),
    spacer(),
    ...customerRows(c.lossToProfit, analysis.lossToProfit, labels, currency, language),
    spacer(),
    ...customerRows(c.improvements(COMPARISON_TOP), analysis.improvements.slice(0, COMPARISON_TOP), labels, currency, language),
    spacer(),
    ...customerRows(c.declines(COMPARISON_TOP), analysis.declines.slice(0, COMPARISON_TOP), labels, currency, language),
    spacer(),
    ...migrationRows(analysis, labels, c),
  ];
  return {
    name,
    role: 'comparison',
    // Headers wrap over the figures; the main cause, last, may run on to the right.
    columnWidths: fitWidths(rows, 12, 60, true),
    freeze: { rows: 2, columns: 0 },
    printOnePageWide: 'landscape',
    rows,
    chart: waterfall.chart,
  };
}

/**
 * The Comparison sheet of a run that compares nothing, for a workbook whose earlier run wrote one: its
 * figures (and its chart) go, so no earlier comparison stands beside sheets it no longer matches.
 */
export function buildNoComparisonSheet(language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const rows: ReportRow[] = [row('title', [text(t.comparison.title)]), row('note', [text(t.comparison.notCompared)])];
  return { name: t.sheetNames.comparison, role: 'comparison', columnWidths: [100], freeze: { rows: 0, columns: 0 }, rows };
}

/**
 * A whole report (its P&L among the sheets) written without a comparison into a workbook that holds one
 * from an earlier run gets the emptied Comparison sheet too; a write of the Comparison sheet alone, or of
 * statements, is left as it is.
 */
export function withStaleComparisonEmptied(sheets: readonly ReportSheet[], hasComparisonSheet: boolean, language: ReportLanguage): ReportSheet[] {
  const wholeReport = sheets.some((s) => s.role === 'pnl');
  const comparing = sheets.some((s) => s.role === 'comparison');
  return wholeReport && !comparing && hasComparisonSheet ? [...sheets, buildNoComparisonSheet(language)] : [...sheets];
}
