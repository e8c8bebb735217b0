/**
 * The `ABC Actions` sheet (Dutch `ABC Acties`): one row per loss-making customer, the largest loss first,
 * with the three activities that cost it most, the order fee that would make up its loss and the order
 * size at which it would break even (see src/engine/break-even.ts). Amounts stand in cells of their own,
 * never inside a sentence, so Excel shows them with the user's decimal separator.
 */
import { type ActionsResult, type CustomerActions, TOP_ACTIVITIES, breakEvenActions } from '../engine/break-even';
import type { DimensionValue } from '../engine/model';
import type { CostingResult } from '../engine/result';
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import { allWhole, blank, decimal, fitWidths, headerRow, integer, money, percent, quantity, row, spacer, text } from './report-cells';
import { noteLine } from './report-common';
import { REPORT_LANGUAGES, type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportCell, ReportRow, ReportSheet } from './report-types';

/** Which order columns the sheet has: the fee needs OrderDriver, the minimum order size both settings. */
interface Columns {
  orders: boolean;
  lines: boolean;
  /** Whether every customer's orders, and every customer's order lines, are whole numbers (counts). */
  wholeOrders: boolean;
  wholeLines: boolean;
  wholeMinimum: boolean;
}

function columnsOf(actions: ActionsResult): Columns {
  const orders = actions.orderDriver !== null;
  return {
    orders,
    lines: orders && actions.orderLineDriver !== null,
    wholeOrders: allWhole(actions.customers.map((c) => c.orders)),
    wholeLines: allWhole(actions.customers.map((c) => c.lines)),
    wholeMinimum: allWhole(actions.customers.map((c) => (c.minimumOrder?.kind === 'lines' ? c.minimumOrder.shown : null))),
  };
}

function dimensionCell(value: DimensionValue, t: ReportText): ReportCell {
  if (value === null) return blank();
  if (typeof value === 'boolean') return text(value ? t.common.true : t.common.false);
  return text(String(value));
}

function headers(actions: ActionsResult, columns: Columns, a: ReportText['actions']): string[] {
  const activities = Array.from({ length: TOP_ACTIVITIES }, (_, i) => [a.activity(i + 1), a.activityCost(i + 1)]).flat();
  return [
    a.rank,
    a.customer,
    a.name,
    ...(actions.segmentDimension === null ? [] : [actions.segmentDimension]),
    a.netProfit,
    ...activities,
    ...(columns.orders
      ? [
          a.orders(actions.orderDriver ?? ''),
          ...(columns.lines ? [a.lines(actions.orderLineDriver ?? ''), a.linesPerOrder] : []),
          a.averageOrderValue,
          a.fee,
          a.feeShare,
          a.feeAssessment,
        ]
      : []),
    ...(columns.lines ? [a.minimumLines, a.assessment, a.combinedMinimum, a.combinedFee, a.combinedFeeShare, a.combinedAssessment] : []),
  ];
}

/** Whether the fee alone is plausible, as the fee assessment column says it. */
function feeAssessment(c: CustomerActions, a: ReportText['actions']): string | null {
  if (c.feePlausible === null) return null;
  if (c.feeShare === null) return a.feeNoValue;
  return c.feePlausible ? a.feePlausible : a.feeNotPlausible;
}

/** The combined proposal's four cells: minimum lines, fee, its share of the order value, and the verdict. */
function combinedCells(c: CustomerActions, a: ReportText['actions']): ReportCell[] {
  const p = c.combined;
  if (p === null) return [blank('decimal'), blank('money'), blank('percent'), blank()];
  if (p.kind === 'noChange') return [decimal(p.minimumLines), blank('money'), blank('percent'), text(a.combinedNoChange)];
  return [decimal(p.minimumLines), money(p.fee.shown), percentOf(p.feeShare), text(p.plausible ? a.combinedPlausible : p.feeShare === null ? a.feeNoValue : a.combinedNotPlausible)];
}

function percentOf(value: Dec | null): ReportCell {
  return percent(value === null ? null : toNumber(value));
}

/** What the assessment column says about the minimum order size. */
function assessment(c: CustomerActions, a: ReportText['actions']): string | null {
  switch (c.minimumOrder?.kind) {
    case 'lines':
      return c.plausible === null ? null : c.plausible ? a.plausible : a.notPlausible;
    case 'notByOrderSize':
      return a.notByOrderSize;
    case 'noOrders':
      return a.noOrders;
    default:
      return null;
  }
}

function customerRow(c: CustomerActions, actions: ActionsResult, columns: Columns, t: ReportText): ReportRow {
  const a = t.actions;
  const activities = Array.from({ length: TOP_ACTIVITIES }, (_, i) => {
    const top = c.topActivities[i];
    return top === undefined ? [blank(), blank('money')] : [text(top.activity), money(top.amount)];
  }).flat();
  const minimum = c.minimumOrder?.kind === 'lines' ? c.minimumOrder.shown : null;
  return row('body', [
    integer(c.rank),
    text(c.customer),
    text(c.name),
    ...(actions.segmentDimension === null ? [] : [dimensionCell(c.segment, t)]),
    money(c.netProfit),
    ...activities,
    ...(columns.orders
      ? [
          quantity(c.orders, columns.wholeOrders),
          ...(columns.lines ? [quantity(c.lines, columns.wholeLines), decimal(c.linesPerOrder)] : []),
          c.averageOrderValue === null ? blank('money') : money(roundCents(c.averageOrderValue)),
          c.fee === null ? blank('money') : money(c.fee.shown),
          percentOf(c.feeShare),
          text(feeAssessment(c, a)),
        ]
      : []),
    ...(columns.lines ? [quantity(minimum, columns.wholeMinimum), text(assessment(c, a)), ...combinedCells(c, a)] : []),
  ]);
}

/**
 * The headline sentences, each a text followed by its figure: how many customers lose money and how much,
 * the fee that fixes the worst one, and the percentile the minimum order sizes are judged by.
 */
function headlines(actions: ActionsResult, columns: Columns, a: ReportText['actions']): Array<[string, ReportCell | null]> {
  const worst = actions.customers[0];
  if (worst === undefined) return [[a.none, null]];
  const name = worst.name ?? worst.customer;
  const lines: Array<[string, ReportCell | null]> = [[a.lossSummary(actions.customers.length), money(actions.totalLoss)]];
  if (!columns.orders) lines.push([a.worstIs(name), null]);
  else if (worst.fee === null) lines.push([a.worstNoOrders(name), null]);
  else lines.push([a.worstFee(name), money(worst.fee.shown)]);
  if (columns.lines && actions.linesPerOrderP90 !== null) lines.push([a.percentile, decimal(actions.linesPerOrderP90)]);
  if (columns.orders) lines.push([a.feeShareLimit, percentOf(actions.plausibleFeeShare)]);
  if (columns.lines && actions.combinedMinimumLines !== null) lines.push([a.combinedLines, decimal(actions.combinedMinimumLines)]);
  return lines;
}

/**
 * The first column whose left edge lies beyond `chars` characters, so a sentence in column A is not cut
 * off by the figure that follows it (Excel stops a text's overflow at the next filled cell).
 */
function columnAfter(widths: readonly number[], chars: number): number {
  let edge = 0;
  for (let i = 0; i < widths.length; i++) {
    if (edge >= chars) return i;
    edge += widths[i] ?? 0;
  }
  return Math.max(widths.length, 1);
}

/** Builds the actions sheet of a result in a language (English by default). */
export function buildActionsSheet(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet {
  return actionsSheet(result, breakEvenActions(result), language);
}

/** The table of customers in a language, its column widths and the sentences above it. */
function layout(actions: ActionsResult, language: ReportLanguage): { table: ReportRow[]; widths: number[]; sentences: Array<[string, ReportCell | null]>; valueColumn: number } {
  const t = reportText(language);
  const columns = columnsOf(actions);
  const table = actions.customers.length === 0 ? [] : [headerRow(headers(actions, columns, t.actions)), ...actions.customers.map((c) => customerRow(c, actions, columns, t))];
  const widths = fitWidths(table, 8, 40);
  const sentences = headlines(actions, columns, t.actions);
  return { table, widths, sentences, valueColumn: columnAfter(widths, Math.max(...sentences.map(([label]) => label.length)) + 1) };
}

/** How the fee is weighed, how the combined proposal is made and which drivers follow orders: only above a table that shows them. */
function methodNotes(actions: ActionsResult, columns: Columns, a: ReportText['actions']): ReportRow[] {
  if (actions.customers.length === 0) return [];
  return [
    ...(columns.orders ? [row('note', [text(a.methodFee)])] : []),
    ...(columns.lines ? [row('note', [text(a.methodCombined)])] : []),
    ...(columns.lines && actions.orderFollowingDrivers.length > 0 ? [row('note', [text(a.following(actions.orderFollowingDrivers.join(', ')))])] : []),
  ];
}

/** The sheet for actions already computed (the JSON shows the same ones). */
export function actionsSheet(result: CostingResult, actions: ActionsResult, language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const a = t.actions;
  const { table, widths, sentences } = layout(actions, language);
  // The figures stand in the same cells in every language, so formulas pointing at them survive a switch.
  const valueColumn = Math.max(...REPORT_LANGUAGES.map((l) => layout(actions, l).valueColumn));
  const pad = Array.from({ length: valueColumn - 1 }, () => blank());
  const missing = actions.missingSettings;
  const columns = columnsOf(actions);
  const top: ReportRow[] = [
    row('title', [text(a.title)]),
    row('note', [text(noteLine(result, t))]),
    row('note', [text(a.method)]),
    ...(missing.length === 0
      ? []
      : [row('note', [text(a.missingSettings({ orderDriver: missing.includes('OrderDriver'), orderLineDriver: missing.includes('OrderLineDriver') }))])]),
    ...methodNotes(actions, columns, a),
    spacer(),
    ...sentences.map(([label, value]) => row('body', value === null ? [text(label)] : [text(label), ...pad, value])),
  ];
  const rows = table.length === 0 ? top : [...top, spacer(), ...table];
  return {
    name: t.sheetNames.actions,
    role: 'actions',
    // No one-page-wide printing: 17 columns of a long list print unreadably small; it prints across pages like the P&L.
    columnWidths: widths.length === 0 ? [12] : widths,
    freeze: { rows: table.length === 0 ? 0 : top.length + 2, columns: table.length === 0 ? 0 : 3 },
    rows,
  };
}
