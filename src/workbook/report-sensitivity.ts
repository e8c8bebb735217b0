/**
 * The `ABC Sensitivity` sheet (Dutch `ABC Gevoeligheid`, issue 21), written when the run analysed how sure
 * its figures are: the note saying what is exact and what is a seeded estimate; the tornado (each estimate
 * from Low to High, the others fixed: operating profit with capacity resized and the loss-makers' net
 * profit) as a table and as a horizontal bar chart; the customers to look closer at before acting; the
 * customers most likely to lose money with their simulated ranges; the company's range; and the time
 * equations checked against the paid minutes per pool.
 *
 * The tornado's amounts are the engine's exact figures rounded to cents; the ranges are the simulation's
 * floating-point estimates, rounded to cents only for display.
 */
import { type Dec, ZERO, roundCents } from '../engine/decimal';
import type { CostingResult } from '../engine/result';
import type { CustomerRange, Estimate, SensitivityResult, TornadoBar } from '../engine/sensitivity/types';
import { blank, decimal, fitWidths, headerRow, integer, money as moneyCell, percent, rate, row, spacer, text } from './report-cells';
import { currencyCode } from './report-format';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportCell, ReportChart, ReportRow, ReportSheet } from './report-types';

/** The name the tornado has in both hosts, so a re-run or a Refresh finds it. */
export const TORNADO_CHART_NAME = 'ABC tornado';

/** The most estimates the tornado chart draws (the table lists them all). */
export const TORNADO_TOP = 10;

/** The most customers the list of the largest chances of a loss holds (the JSON output has all). */
export const RANGES_TOP = 20;

/** Rows left empty under the chart's heading for it, and the columns it spans. */
const CHART_ROWS = 20;
const CHART_COLUMNS = 8;

type SensitivityText = ReportText['sensitivity'];

/** A zero is plain zero: a negated zero must not show as -0.00. */
const plain = (d: Dec): Dec => (d.isZero() ? ZERO : d);
const money = (d: Dec): ReportCell => moneyCell(plain(roundCents(d)));
/** A simulated amount: a floating-point estimate, shown to the cent. */
const estimateMoney = (v: number): ReportCell => ({ value: Number.isFinite(v) ? Math.round(v * 100) / 100 : null, format: 'money' });

/** An estimate's value in the format of what it is: minutes, a share of the pool, or a cost per unit. */
function estimateCell(kind: Estimate['kind'], value: Dec): ReportCell {
  if (kind === 'share') return percent(value.toNumber());
  return kind === 'rate' ? rate(value) : decimal(value);
}

/**
 * What a bar does to today's operating profit with its estimate at Low and at High, in cents. Profit is
 * linear in one estimate (the engine's tornado rests on it), so today's level is where the line through
 * the bar's two ends stands at the estimate's value: the effects need no figure beyond the bar's own, and
 * the sheet, the SVG and the JSON draw the same bars. The High effect is the Low one plus the swing in
 * cents, so the two bars always span exactly the rounded swing.
 */
export function tornadoEffects(bar: TornadoBar): { low: Dec; high: Dec } {
  const e = bar.estimate;
  const width = e.high.minus(e.low);
  const change = bar.profitAtHigh.minus(bar.profitAtLow);
  const low = width.isZero() ? ZERO : plain(roundCents(change.times(e.value.minus(e.low)).div(width).negated()));
  return { low, high: plain(roundCents(change).plus(low)) };
}

/** The label of a bar: its activity, and its driver when it has one (an activity may have several terms). */
export function estimateLabel(e: Estimate): string {
  return e.driver === null ? e.activity : `${e.activity} · ${e.driver}`;
}

/** Section b: the tornado as a table, largest swing first. */
function tornadoRows(s: SensitivityResult, c: SensitivityText): ReportRow[] {
  // Each section's explanation under its table: a wrapped header grows upwards over the row above it.
  const head = [row('section', [text(c.tornadoSection)])];
  const explanation = row('note', [text(c.tornadoExplanation)]);
  if (s.tornado.length === 0) return [...head, row('body', [text(c.noTornado)]), explanation];
  return [
    ...head,
    headerRow([c.rank, c.activity, c.driver, c.kind, c.value, c.low, c.high, c.profitAtLow, c.profitAtHigh, c.swing, c.lossMakersAtLow, c.lossMakersAtHigh]),
    ...s.tornado.map((b, i) => {
      const e = b.estimate;
      return row('body', [
        integer(i + 1),
        text(e.activity),
        text(e.driver),
        text(c.kinds[e.kind]),
        estimateCell(e.kind, e.value),
        estimateCell(e.kind, e.low),
        estimateCell(e.kind, e.high),
        money(b.profitAtLow),
        money(b.profitAtHigh),
        money(b.swing),
        money(b.lossMakersAtLow),
        money(b.lossMakersAtHigh),
      ]);
    }),
    explanation,
  ];
}

/**
 * Section c: the heading, the empty rows the chart is drawn over, and under them the figures its bars read
 * (bottom bar first, as a bar chart draws its categories, so the largest swing is on top). `firstRow` is
 * the 0-based index of the block's first row on the sheet.
 */
function tornadoBlock(s: SensitivityResult, c: SensitivityText, sheet: string, firstRow: number): { rows: ReportRow[]; chart: ReportChart } {
  const shown = s.tornado.slice(0, TORNADO_TOP).reverse();
  const effects = shown.map((b) => tornadoEffects(b));
  const rows: ReportRow[] = [
    row('section', [text(c.chartSection)]),
    ...Array.from({ length: CHART_ROWS }, () => spacer()),
    row('section', [text(c.chartDataSection(shown.length, s.tornado.length))]),
    headerRow([c.estimate, c.effectAtLow, c.effectAtHigh]),
    ...shown.map((b, i) => row('body', [text(estimateLabel(b.estimate)), money(effects[i]?.low as Dec), money(effects[i]?.high as Dec)])),
  ];
  // 1-based sheet rows of the figures: after the heading, the chart's rows, the data heading and the header.
  const dataFirst = firstRow + 1 + CHART_ROWS + 2 + 1;
  const dataLast = dataFirst + shown.length - 1;
  const range = (column: number, values: number[]) => ({ sheet, column, firstRow: dataFirst, lastRow: dataLast, values });
  const chart: ReportChart = {
    name: TORNADO_CHART_NAME,
    title: c.chartTitle,
    axisX: '',
    axisY: c.chartAxis,
    yFormat: 'money',
    anchor: { fromRow: firstRow + 1, fromColumn: 0, toRow: firstRow + 1 + CHART_ROWS, toColumn: CHART_COLUMNS },
    series: [],
    tornado: {
      categories: { sheet, column: 1, firstRow: dataFirst, lastRow: dataLast, values: shown.map((b) => estimateLabel(b.estimate)) },
      low: { name: c.effectAtLow, values: range(2, effects.map((e) => e.low.toNumber())) },
      high: { name: c.effectAtHigh, values: range(3, effects.map((e) => e.high.toNumber())) },
    },
  };
  return { rows, chart };
}

/** Sections d and e: customers with today's net profit and their simulated range. */
function customerRows(title: string, explanation: string, list: readonly CustomerRange[], none: string, c: SensitivityText): ReportRow[] {
  return [
    row('section', [text(title)]),
    headerRow([c.customer, c.name, c.netProfit, c.p10, c.median, c.p90, c.lossChance]),
    ...(list.length === 0
      ? [row('body', [text(none)])]
      : list.map((r) => row('body', [text(r.customer), text(r.name), money(r.netProfit), estimateMoney(r.p10), estimateMoney(r.median), estimateMoney(r.p90), percent(r.lossChance)]))),
    row('note', [text(explanation)]),
  ];
}

/**
 * The customers most likely to lose money: the largest chance of a loss first, then the lower net profit
 * today, then the id, so the order is the same on every run.
 */
export function likeliestLosses(customers: readonly CustomerRange[], top: number): CustomerRange[] {
  return [...customers]
    .filter((r) => r.lossChance > 0)
    .sort((a, b) => b.lossChance - a.lossChance || a.netProfit.comparedTo(b.netProfit) || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0))
    .slice(0, top);
}

/** Section f: per pool the minutes the time equations explain against the minutes paid for. */
function checkRows(s: SensitivityResult, c: SensitivityText): ReportRow[] {
  return [
    row('section', [text(c.checkSection)]),
    headerRow([c.pool, c.explainedMinutes, c.paidMinutes, c.overstatement]),
    ...(s.checks.length === 0
      ? [row('body', [text(c.noChecks)])]
      : s.checks.map((p) => row('body', [text(p.pool), decimal(p.explainedMinutes), decimal(p.paidMinutes), p.overstatement === null ? blank('decimal') : decimal(p.overstatement)]))),
    row('note', [text(c.checkExplanation)]),
  ];
}

/**
 * Builds the Sensitivity sheet of a costed model (`result`) and its sensitivity analysis, amounts in the
 * result's currency, texts in `language`.
 */
export function buildSensitivitySheet(result: CostingResult, sensitivity: SensitivityResult, language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const c = t.sensitivity;
  const name = t.sheetNames.sensitivity;
  const today = result.totals.operatingProfit;
  const byId = new Map(sensitivity.customers.map((r) => [r.customer, r]));
  const lookCloser = sensitivity.lookCloser.flatMap((id) => byId.get(id) ?? []);
  const top: ReportRow[] = [
    row('title', [text(c.title)]),
    row('note', [text(c.note({ simulations: sensitivity.simulations, seed: sensitivity.seed, currency: currencyCode(result.settings.currency) }))]),
    ...tornadoRows(sensitivity, c),
    spacer(),
  ];
  const tornado = sensitivity.tornado.length === 0 ? null : tornadoBlock(sensitivity, c, name, top.length);
  const ranges = likeliestLosses(sensitivity.customers, RANGES_TOP);
  const company = sensitivity.company;
  const rows: ReportRow[] = [
    ...top,
    ...(tornado === null ? [] : [...tornado.rows, spacer()]),
    ...customerRows(c.lookCloserSection, c.lookCloserExplanation, lookCloser, c.noneToLookCloser, c),
    spacer(),
    ...customerRows(c.rangesSection(RANGES_TOP), c.rangesExplanation, ranges, c.noLosses, c),
    spacer(),
    row('section', [text(c.companySection)]),
    headerRow(['', c.todaysProfit, c.p10, c.median, c.p90]),
    row('body', [text(c.operatingProfit), money(today), estimateMoney(company.p10), estimateMoney(company.median), estimateMoney(company.p90)]),
    spacer(),
    ...checkRows(sensitivity, c),
  ];
  return {
    name,
    role: 'sensitivity',
    columnWidths: fitWidths(rows, 12, 48, true),
    freeze: { rows: 2, columns: 0 },
    printOnePageWide: 'landscape',
    rows,
    ...(tornado === null ? {} : { chart: tornado.chart }),
  };
}
