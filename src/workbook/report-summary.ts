/**
 * The `ABC Summary` sheet: headline figures, the reconciliation that proves no cost was lost or counted
 * twice (every Difference must read 0.00), net profit by each customer dimension, and the warnings of the run.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import { formatWhere } from '../engine/issues';
import type { CostingResult } from '../engine/result';
import { fitWidths, headerRow, integer, money, percent, row, share, spacer, text } from './report-cells';
import { REPORT_SHEET_NAMES, noteLine } from './report-common';
import { rollupRows } from './report-rollups';
import type { ReportCell, ReportRow, ReportSheet } from './report-types';

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

function headline(result: CostingResult): ReportRow[] {
  const t = result.totals;
  const d = profitDistribution(result);
  return [
    row('section', [text('Headline figures')]),
    headerRow(['Figure', 'Value']),
    line('Revenue', money(t.revenue)),
    line('Discounts', money(t.discounts)),
    line('Net revenue', money(t.netRevenue)),
    line('Cost of goods sold', money(t.cogs)),
    line('Gross margin', money(t.grossMargin)),
    line('Gross margin %', share(t.grossMargin, t.netRevenue)),
    line('Cost to serve', money(t.costToServe)),
    line('Direct customer costs', money(t.directCosts)),
    line('Net profit of customers', money(t.netProfit)),
    line('Net profit %', share(t.netProfit, t.netRevenue)),
    line('Unused capacity cost (not charged to customers)', money(t.unusedCapacityCost)),
    line('Unassigned cost', money(t.unassignedCost)),
    line('Operating profit', money(t.operatingProfit), 'total'),
    line('Customers', integer(d.customers)),
    line('Loss-making customers', integer(d.lossMaking)),
    line('Share of loss-making customers', percent(d.customers === 0 ? null : d.lossMaking / d.customers)),
    line('Net profit of loss-making customers', money(d.lossMakingProfit)),
    line(`Share of profit earned by the top 20% (${d.topCount} customer${d.topCount === 1 ? '' : 's'})`, percent(d.topShare)),
  ];
}

function poolReconciliation(result: CostingResult): ReportRow[] {
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
    row('section', [text('Reconciliation per pool: cost = activities + unused capacity + unassigned')]),
    headerRow(['Pool', 'Cost', "Activities' cost", 'of which not charged to customers', 'Unused capacity cost', 'Unassigned (shares below 100%)', 'Difference']),
    ...lines,
  ];
}

function companyReconciliation(result: CostingResult): ReportRow[] {
  const t = result.totals;
  const customerProfit = sum(result.customers.map((c) => c.netProfit));
  const fromCustomers = customerProfit.minus(t.unusedCapacityCost).minus(t.unassignedCost);
  const poolCosts = sum(result.pools.map((p) => p.cost));
  const rateCosts = sum(result.activities.filter((a) => a.method === 'rate').map((a) => a.cost));
  const directCosts = sum(result.customers.map((c) => c.directCosts));
  const fromLedger = t.netRevenue.minus(t.cogs).minus(poolCosts).minus(rateCosts).minus(directCosts);
  return [
    row('section', [text('Reconciliation of the company result')]),
    headerRow(['Line', 'Amount']),
    line('Sum of customer net profit', money(customerProfit)),
    line('Less unused capacity cost not charged to customers', money(t.unusedCapacityCost.negated())),
    line('Less unassigned cost', money(t.unassignedCost.negated())),
    line('Operating profit', money(fromCustomers), 'total'),
    line('Difference to the reported operating profit', money(fromCustomers.minus(t.operatingProfit))),
    spacer(),
    line('Net revenue', money(t.netRevenue)),
    line('Less cost of goods sold', money(t.cogs.negated())),
    line('Less pool costs', money(poolCosts.negated())),
    line('Less rate activity costs', money(rateCosts.negated())),
    line('Less direct customer costs', money(directCosts.negated())),
    line('Operating profit', money(fromLedger), 'total'),
    line('Difference to the reported operating profit', money(fromLedger.minus(t.operatingProfit))),
  ];
}

function warnings(result: CostingResult): ReportRow[] {
  const list = result.issues.map((i) => row('body', [text(i.code), text(formatWhere(i.where)), text(i.message)]));
  return [
    row('section', [text('Warnings')]),
    headerRow(['Code', 'Location', 'Message']),
    ...(list.length > 0 ? list : [row('body', [text('No warnings.')])]),
  ];
}

/** Builds the summary sheet. */
export function buildSummarySheet(result: CostingResult): ReportSheet {
  const rows: ReportRow[] = [
    row('title', [text('Activity-based customer profitability: summary')]),
    row('note', [text(noteLine(result))]),
    ...headline(result),
    spacer(),
    ...poolReconciliation(result),
    spacer(),
    ...companyReconciliation(result),
    spacer(),
    ...rollupRows(result),
    ...warnings(result),
  ];
  const widths = fitWidths(rows, 12, 60);
  return { name: REPORT_SHEET_NAMES.summary, columnWidths: widths, freeze: { rows: 2, columns: 0 }, rows };
}
