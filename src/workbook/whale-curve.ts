/**
 * The whale curve, described once: customers ranked by net profit (most profitable first) against their
 * cumulative profit as a share of the total, its peak, and the sentence that says it in words. The P&L
 * sheet's cumulative columns, the summary's chart (runner and add-in), the SVG and the task pane's picture
 * are all drawn from this description, so they cannot disagree.
 *
 * Sums are done in whole cents (the result is rounded to cents), so the last point is exactly the total.
 */
import type { CostingResult } from '../engine/result';
import { type ReportLanguage, reportText } from './report-text';
import type { ReportChart } from './report-types';

/** A customer as the curve needs it: its id and net profit in currency units. */
export interface WhaleCustomer {
  customer: string;
  netProfit: number;
}

/** One customer on the curve. */
export interface WhalePoint {
  /** 1-based rank, most profitable first. */
  rank: number;
  customer: string;
  netProfit: number;
  /** Net profit of this customer and every one ranked above it. */
  cumulative: number;
  /** `cumulative / total`; null when the total is not positive (shares of it would mean nothing). */
  share: number | null;
}

/** The curve and its figures. */
export interface WhaleCurve {
  points: WhalePoint[];
  /** Sum of all customers' net profit. */
  total: number;
  /** False when the total is zero or negative: then every share is null. */
  meaningful: boolean;
  /** The first point where the cumulative profit is highest; null when there are no customers. */
  peak: WhalePoint | null;
  /** Customers with a profit, exactly zero, and a loss; they add up to `points.length`. */
  profitable: number;
  breakEven: number;
  lossMaking: number;
  /** Net profit of the loss-makers (zero or negative): what the tail after the peak gives back. */
  givenBack: number;
  /** `-givenBack / total` (e.g. 1.31 for 131%); null when the total is not positive. */
  givenBackShare: number | null;
}

const cents = (amount: number): number => Math.round(amount * 100);

/**
 * The whale curve of customers in any order: ranked by net profit, highest first; customers with equal
 * profit keep their order (the P&L sheet's order, which the engine already sorted).
 */
export function whaleCurve(customers: readonly WhaleCustomer[]): WhaleCurve {
  const ranked = customers
    .map((c, i) => ({ c, i, p: cents(c.netProfit) }))
    .sort((a, b) => b.p - a.p || a.i - b.i);
  const totalCents = ranked.reduce((s, r) => s + r.p, 0);
  const meaningful = totalCents > 0;
  let running = 0;
  let peak: WhalePoint | null = null;
  let peakCents = 0;
  const points = ranked.map(({ c, p }, i): WhalePoint => {
    running += p;
    const point = { rank: i + 1, customer: c.customer, netProfit: p / 100, cumulative: running / 100, share: meaningful ? running / totalCents : null };
    if (peak === null || running > peakCents) {
      peak = point;
      peakCents = running;
    }
    return point;
  });
  const lossCents = ranked.filter((r) => r.p < 0).reduce((s, r) => s + r.p, 0);
  return {
    points,
    total: totalCents / 100,
    meaningful,
    peak,
    profitable: ranked.filter((r) => r.p > 0).length,
    breakEven: ranked.filter((r) => r.p === 0).length,
    lossMaking: ranked.filter((r) => r.p < 0).length,
    givenBack: lossCents / 100,
    givenBackShare: meaningful ? -lossCents / totalCents : null,
  };
}

/** The whale curve of a costing result's customers. */
export function whaleCurveOfResult(result: CostingResult): WhaleCurve {
  return whaleCurve(result.customers.map((c) => ({ customer: c.customer, netProfit: c.netProfit.toNumber() })));
}

/** The sentence under the chart, in a language. Percentages are whole numbers. */
export function whaleSentence(curve: WhaleCurve, language: ReportLanguage): string {
  const w = reportText(language).whale;
  if (curve.peak === null) return w.noCustomers;
  if (!curve.meaningful) return w.notMeaningful(curve.profitable, curve.lossMaking);
  if (curve.lossMaking === 0) return w.noneGiveBack(curve.profitable, curve.points.length);
  // Rounded apart, peak% − given-back% is still exactly 100: both round the same fraction part.
  const peakPercent = Math.round((curve.peak.share ?? 0) * 100);
  return w.peakAndTail({ peak: curve.peak.rank, peakPercent, tail: curve.lossMaking, givenBackPercent: peakPercent - 100 });
}

/**
 * The curve as plot points: x the share of customers (0..1), y the share of total profit, starting at the
 * origin. Empty when there is nothing meaningful to plot (no customers, or a total that is not positive).
 */
export function whalePlotPoints(curve: WhaleCurve): Array<{ x: number; y: number }> {
  if (!curve.meaningful || curve.points.length === 0) return [];
  const n = curve.points.length;
  return [{ x: 0, y: 0 }, ...curve.points.map((p) => ({ x: p.rank / n, y: p.share ?? 0 }))];
}

/** Where the P&L sheet holds the curve: its name, the rank and cumulative-share columns (1-based), first data row. */
export interface WhaleCells {
  sheet: string;
  rankColumn: number;
  shareColumn: number;
  firstRow: number;
}

/** The name the chart has in both hosts, so a re-run or a Refresh finds it. */
export const WHALE_CHART_NAME = 'ABC whale curve';

/**
 * The chart of the curve, reading the P&L sheet's rank and cumulative-share cells, with the peak as a
 * second, one-point series with a marker and its value. None when there is nothing meaningful to chart.
 */
export function whaleChart(curve: WhaleCurve, cells: WhaleCells, anchor: ReportChart['anchor'], language: ReportLanguage): ReportChart | undefined {
  const peak = curve.peak;
  if (!curve.meaningful || peak === null) return undefined;
  const w = reportText(language).whale;
  const last = cells.firstRow + curve.points.length - 1;
  const peakRow = cells.firstRow + peak.rank - 1;
  const column = (col: number, first: number, lastRow: number, values: number[]) => ({ sheet: cells.sheet, column: col, firstRow: first, lastRow, values });
  return {
    name: WHALE_CHART_NAME,
    title: w.chartTitle,
    axisX: w.axisX,
    axisY: w.axisY,
    yFormat: 'percent',
    anchor,
    series: [
      {
        name: w.series,
        x: column(cells.rankColumn, cells.firstRow, last, curve.points.map((p) => p.rank)),
        y: column(cells.shareColumn, cells.firstRow, last, curve.points.map((p) => p.share ?? 0)),
        line: true,
        marker: false,
        label: false,
      },
      {
        name: w.peak,
        x: column(cells.rankColumn, peakRow, peakRow, [peak.rank]),
        y: column(cells.shareColumn, peakRow, peakRow, [peak.share ?? 0]),
        line: false,
        marker: true,
        label: true,
      },
    ],
  };
}
