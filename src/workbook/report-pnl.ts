/**
 * The `ABC Customer P&L` sheet: one row per customer, most profitable first, with the whale curve's
 * cumulative profit share, so a controller can sort, filter and chart it without any formula.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import type { CostingResult, CustomerResult } from '../engine/result';
import { blank, fitWidths, headerRow, integer, money, percent, row, share, text } from './report-cells';
import { noteLine } from './report-common';
import { REPORT_TABLE_NAMES, reportTable, uniqueColumnNames } from './report-tables';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportCell, ReportRow, ReportSheet } from './report-types';
import { type WhaleCells, whaleCurveOfResult } from './whale-curve';

/** Rows above the header: the title and the note. */
const ROWS_ABOVE_HEADER = 2;

/** Dimension headers in the order of `ABC_Customers`, over all customers (they normally share one list). */
export function dimensionHeaders(customers: readonly CustomerResult[]): string[] {
  const seen = new Set<string>();
  const headers: string[] = [];
  for (const c of customers) {
    for (const [header] of c.dimensions) {
      if (!seen.has(header)) {
        seen.add(header);
        headers.push(header);
      }
    }
  }
  return headers;
}

/**
 * The activities a customer's P&L shows: all but the business-sustaining ones, whose cost is never charged
 * to customers (an all-zero column or line says nothing; the summary lists them once). One that did reach
 * a customer is kept, so no charged cost is ever left out of a P&L.
 */
export function chargedActivities(result: CostingResult): string[] {
  return result.activities
    .filter((a) => !a.businessSustaining || result.customers.some((c) => !(c.activityCosts.get(a.activity) ?? ZERO).isZero()))
    .map((a) => a.activity);
}

/** Pools whose unused capacity is charged to at least one customer (UnusedCapacity = assign). */
export function chargedUnusedPools(result: CostingResult): string[] {
  const charged = new Set<string>();
  for (const c of result.customers) for (const pool of c.unusedCapacityCosts.keys()) charged.add(pool);
  return result.pools.map((p) => p.pool).filter((p) => charged.has(p));
}

/**
 * A dimension value as text: the report groups by it, so 1011 and "1011" must look the same. A boolean is
 * written as Excel shows it in the report's language.
 */
function dimensionCell(value: string | number | boolean | null, t: ReportText): ReportCell {
  if (value === null) return blank();
  if (typeof value === 'boolean') return text(value ? t.common.true : t.common.false);
  return text(String(value));
}

/**
 * Where the sheet holds the whale curve: the rank column, the cumulative-share column (the last one) and
 * the first customer row, for the summary's chart to read.
 */
export function pnlWhaleCells(result: CostingResult, language: ReportLanguage = 'en'): WhaleCells {
  const dims = dimensionHeaders(result.customers).length;
  // rank, customer, name; dimensions; six revenue-to-margin columns; activities; unused pools; six to the end.
  const columns = 3 + dims + 6 + chargedActivities(result).length + chargedUnusedPools(result).length + 6;
  return { sheet: reportText(language).sheetNames.pnl, rankColumn: 1, shareColumn: columns, firstRow: ROWS_ABOVE_HEADER + 2 };
}

/**
 * Character units of a landscape page's width at the scale the P&L prints: about 130 at full size, so some
 * 65% (small, still readable) prints 200.
 */
const PRINTED_PAGE_WIDTH = 200;

/**
 * Pages wide the P&L prints at (about 65% or larger): the id columns repeat on each page, the others are
 * shared out over the pages.
 */
export function pagesWide(widths: readonly number[], titleColumns: number): number {
  const title = widths.slice(0, titleColumns).reduce((a, b) => a + b, 0);
  const rest = widths.slice(titleColumns).reduce((a, b) => a + b, 0);
  return Math.max(1, Math.ceil(rest / Math.max(PRINTED_PAGE_WIDTH / 2, PRINTED_PAGE_WIDTH - title)));
}

/** Builds the customer P&L sheet in a language (English by default). */
export function buildCustomerPnlSheet(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const h = t.pnl;
  const dims = dimensionHeaders(result.customers);
  const activities = chargedActivities(result);
  const unusedPools = chargedUnusedPools(result);
  const totalNetProfit = sum(result.customers.map((c) => c.netProfit));

  const headers = [
    h.rank,
    h.customer,
    h.name,
    ...dims,
    h.revenue,
    h.discounts,
    h.netRevenue,
    h.cogs,
    h.grossMargin,
    h.grossMarginPercent,
    ...activities,
    ...unusedPools.map((p) => h.unusedCapacityOf(p)),
    h.costToServe,
    h.directCosts,
    h.netProfit,
    h.netProfitPercent,
    h.cumulativeNetProfit,
    h.cumulativeProfitShare,
  ];
  // The model's names (dimensions, activities, pools) sit between the report's own columns.
  const modelFirst = 3;
  const modelEnd = 3 + dims.length + 6 + activities.length + unusedPools.length;
  const isModel = (i: number): boolean => (i >= modelFirst && i < modelFirst + dims.length) || (i >= modelFirst + dims.length + 6 && i < modelEnd);
  const columnNames = uniqueColumnNames(headers, (i) => !isModel(i));
  // The header cells are the table's column names: Excel keeps the two the same.
  const header = headerRow(columnNames);

  const body: ReportRow[] = [];
  // The cumulative columns are the whale curve's points, as the summary's chart reads them.
  const curve = whaleCurveOfResult(result).points;
  let cumulative: Dec = ZERO;
  result.customers.forEach((c, index) => {
    cumulative = cumulative.plus(c.netProfit);
    const point = curve[index];
    if (point === undefined || point.customer !== c.customer) throw new Error(`The whale curve's order differs from the P&L's at rank ${index + 1}.`);
    const dimValues = new Map(c.dimensions);
    body.push(
      row('body', [
        integer(index + 1),
        text(c.customer),
        text(c.name),
        ...dims.map((d) => dimensionCell(dimValues.get(d) ?? null, t)),
        money(c.revenue),
        money(c.discounts),
        money(c.netRevenue),
        money(c.cogs),
        money(c.grossMargin),
        share(c.grossMargin, c.netRevenue),
        ...activities.map((a) => money(c.activityCosts.get(a) ?? ZERO)),
        ...unusedPools.map((p) => money(c.unusedCapacityCosts.get(p) ?? ZERO)),
        money(c.costToServe),
        money(c.directCosts),
        money(c.netProfit),
        share(c.netProfit, c.netRevenue),
        money(cumulative),
        percent(point.share),
      ]),
    );
  });

  const column = (pick: (c: CustomerResult) => Dec): Dec => sum(result.customers.map(pick));
  const netRevenue = column((c) => c.netRevenue);
  const grossMargin = column((c) => c.grossMargin);
  const totals = row('total', [
    blank('integer'),
    text(t.common.total),
    text(h.customerCount(result.customers.length)),
    ...dims.map(() => blank()),
    money(column((c) => c.revenue)),
    money(column((c) => c.discounts)),
    money(netRevenue),
    money(column((c) => c.cogs)),
    money(grossMargin),
    share(grossMargin, netRevenue),
    ...activities.map((a) => money(column((c) => c.activityCosts.get(a) ?? ZERO))),
    ...unusedPools.map((p) => money(column((c) => c.unusedCapacityCosts.get(p) ?? ZERO))),
    money(column((c) => c.costToServe)),
    money(column((c) => c.directCosts)),
    money(totalNetProfit),
    share(totalNetProfit, netRevenue),
    blank('money'),
    blank('percent'),
  ]);

  const rows: ReportRow[] = [
    row('title', [text(h.title)]),
    row('note', [text(noteLine(result, t))]),
    header,
    ...body,
    totals,
  ];
  const headerRowNumber = ROWS_ABOVE_HEADER + 1;
  const widths = fitWidths(rows, 8, 32);
  return {
    name: t.sheetNames.pnl,
    role: 'pnl',
    columnWidths: widths,
    // Rank, customer and name stay in view and on every printed page, as the header does.
    freeze: { rows: headerRowNumber, columns: 3 },
    // Too wide for one page at a readable size: landscape, full size, across pages.
    printOrientation: 'landscape',
    printPagesWide: pagesWide(widths, 3),
    printTitles: { rows: headerRowNumber, columns: 3 },
    // The customers only, as a table with its own filter buttons (no sheet AutoFilter beside it): the totals
    // row stays under them whatever the sort, and `ABC_PnL[Net profit]` keeps its meaning after a Refresh.
    tables: reportTable(REPORT_TABLE_NAMES.pnl, headerRowNumber, columnNames, body.length),
    rows,
  };
}
