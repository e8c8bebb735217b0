/**
 * The `ABC Summary` sheet: headline figures, the reconciliation that proves no cost was lost or counted
 * twice (every Difference must read 0.00), net profit by each customer dimension, and the warnings of the run.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import { formatWhere, type Issue } from '../engine/issues';
import { renderMessage } from '../engine/messages';
import { companyFromCosts } from '../engine/company-from-costs';
import type { CostingResult } from '../engine/result';
import { blank, fitWidths, headerRow, integer, money, percent, row, share, spacer, text } from './report-cells';
import { noteLine } from './report-common';
import { supportUnassigned } from './report-cost-flow';
import { rollupRows } from './report-rollups';
import { REPORT_CELL_NAMES } from './report-tables';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import { pnlWhaleCells } from './report-pnl';
import type { ReportCell, ReportChart, ReportRow, ReportSheet } from './report-types';
import { whaleChart, whaleCurveOfResult, whaleSentence } from './whale-curve';

/** Rows left empty under the whale curve's heading for its chart, and the columns it spans. */
const CHART_ROWS = 20;
const CHART_COLUMNS = 2;

/**
 * The whale curve's block: a heading, empty rows the chart is drawn over (when there is one to draw), and
 * the sentence that says it in words under it. Returns the rows and the chart placed on them, given the
 * 0-based index of the block's first row.
 */
function whaleBlock(result: CostingResult, language: ReportLanguage, firstRow: number): { rows: ReportRow[]; chart?: ReportChart } {
  const t = reportText(language);
  const curve = whaleCurveOfResult(result);
  const anchor = { fromRow: firstRow + 1, fromColumn: 0, toRow: firstRow + 1 + CHART_ROWS, toColumn: CHART_COLUMNS };
  const chart = whaleChart(curve, pnlWhaleCells(result, language), anchor, language);
  const room = chart === undefined ? [] : Array.from({ length: CHART_ROWS }, () => spacer());
  const rows = [row('section', [text(t.whale.section)]), ...room, row('note', [text(whaleSentence(curve, language))])];
  return chart === undefined ? { rows } : { rows, chart };
}

/** Share of the customers counted as "the most profitable fifth" of the whale curve. */
const TOP_FRACTION = 0.2;

/** Figures of the whale curve: loss makers and the profit share of the most profitable fifth. */
export interface ProfitDistribution {
  customers: number;
  lossMaking: number;
  /** Net profit of the loss-making customers (negative or zero). */
  lossMakingProfit: Dec;
  /** How many customers make up the top fifth (rounded up, at least one when there are customers). */
  topCount: number;
  /** Their net profit divided by the sum of all customers' net profit; null when that sum is zero. */
  topShare: number | null;
}

/** Computes the whale-curve figures from customers sorted by net profit, highest first. */
export function profitDistribution(result: CostingResult): ProfitDistribution {
  const profits = result.customers.map((c) => c.netProfit);
  const losses = profits.filter((p) => p.isNegative() && !p.isZero());
  const topCount = Math.ceil(profits.length * TOP_FRACTION);
  const total = sum(profits);
  const top = sum(profits.slice(0, topCount));
  return {
    customers: profits.length,
    lossMaking: losses.length,
    lossMakingProfit: sum(losses),
    topCount,
    topShare: total.isZero() ? null : top.dividedBy(total).toNumber(),
  };
}

/** A two-column line: label and value. */
function line(label: string, value: ReportCell, style: 'body' | 'total' = 'body'): ReportRow {
  return row(style, [text(label), value]);
}

/** The headline rows that carry a named figure (in column B), with its name. */
type Named = Map<ReportRow, string>;

function headline(result: CostingResult, s: ReportText['summary'], named: Named): ReportRow[] {
  const t = result.totals;
  const d = profitDistribution(result);
  const n = (r: ReportRow, name: string): ReportRow => {
    named.set(r, name);
    return r;
  };
  const N = REPORT_CELL_NAMES;
  return [
    row('section', [text(s.headlineSection)]),
    headerRow([s.figure, s.value]),
    n(line(s.revenue, money(t.revenue)), N.revenue),
    line(s.discounts, money(t.discounts)),
    n(line(s.netRevenue, money(t.netRevenue)), N.netRevenue),
    line(s.cogs, money(t.cogs)),
    n(line(s.grossMargin, money(t.grossMargin)), N.grossMargin),
    line(s.grossMarginPercent, share(t.grossMargin, t.netRevenue)),
    n(line(s.costToServe, money(t.costToServe)), N.costToServe),
    line(s.directCosts, money(t.directCosts)),
    n(line(s.customersNetProfit, money(t.netProfit)), N.customersNetProfit),
    line(s.netProfitPercent, share(t.netProfit, t.netRevenue)),
    n(line(s.unusedCapacityCost, money(t.unusedCapacityCost)), N.unusedCapacity),
    n(line(s.unassignedCost, money(t.unassignedCost)), N.notCharged),
    // Support cost no operating pool received is part of the cost not charged: a sub-line says how much.
    ...(supportUnassigned(result).isZero() ? [] : [line(s.supportUnassigned, money(supportUnassigned(result)))]),
    n(line(s.operatingProfit, money(t.operatingProfit), 'total'), N.operatingProfit),
    n(line(s.customers, integer(d.customers)), N.customerCount),
    n(line(s.lossMakingCustomers, integer(d.lossMaking)), N.lossMakingCustomers),
    line(s.lossMakingShare, percent(d.customers === 0 ? null : d.lossMaking / d.customers)),
    line(s.lossMakingProfit, money(d.lossMakingProfit)),
    line(s.topShare(d.topCount), percent(d.topShare)),
  ];
}

function poolReconciliation(result: CostingResult, s: ReportText['summary']): ReportRow[] {
  // A controller ties the headline "unassigned cost" back to the pools: it is the shares below 100% plus
  // the activities whose cost reaches no customer (business-sustaining, or a driver nobody used).
  const notCharged = (pool: string): Dec =>
    sum(result.activities.filter((a) => a.pool === pool).map((a) => a.unassignedCost));
  const lines = result.pools.map((p) => {
    const unused = p.unusedCost ?? ZERO;
    const difference = p.cost.minus(p.activitiesCost).minus(unused).minus(p.unassignedCost);
    return row('body', [
      text(p.pool),
      money(p.cost),
      money(p.activitiesCost),
      money(notCharged(p.pool)),
      money(unused),
      money(p.unassignedCost),
      money(difference),
    ]);
  });
  return [
    row('section', [text(s.poolSection)]),
    headerRow([s.pool, s.cost, s.activitiesCost, s.notCharged, s.poolUnusedCost, s.poolUnassigned, s.difference]),
    ...lines,
  ];
}

/**
 * The business-sustaining activities, once: their cost is never charged to customers, so the P&L and the
 * statements leave them out and this table says where that cost went (it is part of the cost not charged).
 */
function businessSustaining(result: CostingResult, t: ReportText): ReportRow[] {
  const s = t.summary;
  const list = result.activities.filter((a) => a.businessSustaining);
  if (list.length === 0) return [];
  return [
    row('section', [text(s.businessSustainingSection)]),
    headerRow([s.activity, s.pool, s.cost]),
    ...list.map((a) => row('body', [text(a.activity), text(a.pool), money(a.cost)])),
    row('total', [text(t.common.total), blank(), money(sum(list.map((a) => a.cost)))]),
    spacer(),
  ];
}

function companyReconciliation(result: CostingResult, s: ReportText['summary']): ReportRow[] {
  const t = result.totals;
  const customerProfit = sum(result.customers.map((c) => c.netProfit));
  const fromCustomers = customerProfit.minus(t.unusedCapacityCost).minus(t.unassignedCost);
  const { poolCosts, rateCharges: rateCosts, directCosts, operatingProfit: fromLedger } = companyFromCosts(result);
  return [
    row('section', [text(s.companySection)]),
    headerRow([s.line, s.amount]),
    line(s.sumOfCustomerProfit, money(customerProfit)),
    line(s.lessUnusedCapacity, money(t.unusedCapacityCost.negated())),
    line(s.lessUnassigned, money(t.unassignedCost.negated())),
    line(s.operatingProfit, money(fromCustomers), 'total'),
    line(s.differenceToReported, money(fromCustomers.minus(t.operatingProfit))),
    spacer(),
    line(s.netRevenue, money(t.netRevenue)),
    line(s.lessCogs, money(t.cogs.negated())),
    line(result.firstStage === undefined ? s.lessPoolCosts : s.lessLedgerTotal, money(poolCosts.negated())),
    line(s.lessRateCosts, money(rateCosts.negated())),
    line(s.lessDirectCosts, money(directCosts.negated())),
    line(s.operatingProfit, money(fromLedger), 'total'),
    line(s.differenceToReported, money(fromLedger.minus(t.operatingProfit))),
  ];
}

/** An issue's message in the report's language; English is `Issue.message` itself, as it always was. */
function messageIn(issue: Issue, language: ReportLanguage): string {
  return language === 'en' ? issue.message : renderMessage(issue.text, language);
}

function warnings(result: CostingResult, language: ReportLanguage, s: ReportText['summary']): ReportRow[] {
  const list = result.issues.map((i) => row('body', [text(i.code), text(formatWhere(i.where)), text(messageIn(i, language))]));
  return [
    row('section', [text(s.warningsSection)]),
    headerRow([s.code, s.location, s.message]),
    ...(list.length > 0 ? list : [row('body', [text(s.noWarnings)])]),
  ];
}

/** Builds the summary sheet in a language (English by default). */
export function buildSummarySheet(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const named: Named = new Map();
  const top: ReportRow[] = [row('title', [text(t.summary.title)]), row('note', [text(noteLine(result, t))]), ...headline(result, t.summary, named), spacer()];
  const whale = whaleBlock(result, language, top.length);
  const warningList = warnings(result, language, t.summary);
  const rows: ReportRow[] = [
    ...top,
    ...whale.rows,
    spacer(),
    ...poolReconciliation(result, t.summary),
    spacer(),
    ...businessSustaining(result, t),
    ...companyReconciliation(result, t.summary),
    spacer(),
    ...rollupRows(result, language),
    ...warningList,
  ];
  // Each table reads on its own: the figures decide the widths and long headers wrap over them; a warning's
  // message runs on to the right over empty cells, so it widens no column of the tables above it.
  const warningRows = new Set(warningList);
  const widths = fitWidths(rows.map((r) => (warningRows.has(r) ? row(r.style, r.cells.slice(0, 2)) : r)), 12, 60, true);
  const namedCells = [...named].map(([r, name]) => ({ name, row: rows.indexOf(r) + 1, column: 2 }));
  const sheet: ReportSheet = { name: t.sheetNames.summary, role: 'summary', columnWidths: widths, freeze: { rows: 2, columns: 0 }, rows, printOnePageWide: 'landscape', namedCells };
  if (whale.chart !== undefined) sheet.chart = whale.chart;
  return sheet;
}
