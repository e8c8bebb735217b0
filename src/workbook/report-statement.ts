/**
 * The `ABC Statement <customer>` sheet (Dutch `ABC Klantoverzicht <klant>`): one customer's P&L as a
 * column, next to the average customer of its segment and of the company, and below it the trail of its
 * cost to serve. It is the page a salesperson takes into the conversation with the customer, so every
 * line says what it is and the trail adds up to the cost to serve above it, to the cent.
 */
import { type Dec, roundCents } from '../engine/decimal';
import type { TraceKind } from '../engine/explain/trace-customer';
import { nameKey } from '../engine/model';
import type { CostingResult, CustomerResult } from '../engine/result';
import { blank, decimal, fitWidths, headerRow, integer, money, percent, quantity, rate, row, spacer, text } from './report-cells';
import { noteLine } from './report-common';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportCell, ReportRow, ReportSheet, RowStyle, StatementRole } from './report-types';
import {
  type Group,
  type PnlLines,
  type StatementBook,
  type StatementFigures,
  average,
  perOrder,
  statementBook,
  statementFigures,
} from './statement-figures';
import { statementSheetNames } from './statement-names';

export { statementBook, type StatementBook } from './statement-figures';

/** The role a customer's statement is marked with, so a re-run finds it whatever its name. */
export function statementRole(customer: string): StatementRole {
  return `statement ${customer}`;
}

/** A line of the P&L block: its label, style and how to pick its amount from a group's lines. */
interface PnlLine {
  label: string;
  style: RowStyle;
  pick: (lines: PnlLines) => Dec;
}

function pnlLines(book: StatementBook, t: ReportText): PnlLine[] {
  const p = t.pnl;
  return [
    { label: p.revenue, style: 'body', pick: (l) => l.revenue },
    { label: p.discounts, style: 'body', pick: (l) => l.discounts },
    { label: p.netRevenue, style: 'total', pick: (l) => l.netRevenue },
    { label: p.cogs, style: 'body', pick: (l) => l.cogs },
    { label: p.grossMargin, style: 'total', pick: (l) => l.grossMargin },
    ...book.activities.map((a, i): PnlLine => ({ label: a, style: 'body', pick: (l) => l.activities[i] as Dec })),
    ...book.unusedPools.map((pool, i): PnlLine => ({ label: p.unusedCapacityOf(pool), style: 'body', pick: (l) => l.unused[i] as Dec })),
    { label: p.costToServe, style: 'total', pick: (l) => l.costToServe },
    { label: t.summary.directCosts, style: 'body', pick: (l) => l.directCosts },
    { label: p.netProfit, style: 'total', pick: (l) => l.netProfit },
  ];
}

/** The three (or, without an order driver, two) cells of one line for one group, rounded to cents for display. */
function groupCells(line: PnlLine, group: Group, withOrders: boolean): ReportCell[] {
  const total = line.pick(group.totals);
  const netRevenue = group.totals.netRevenue;
  const perOrderValue = perOrder(total, group);
  const cells = [money(roundCents(average(total, group)))];
  if (withOrders) cells.push(money(perOrderValue === null ? null : roundCents(perOrderValue)));
  cells.push(percent(netRevenue.isZero() ? null : total.dividedBy(netRevenue).toNumber()));
  return cells;
}

/** A segment value as the header shows it (the Summary's roll-ups' label for a blank one). */
function segmentLabel(value: string | number | boolean | null, t: ReportText): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return t.rollups.blank;
  if (typeof value === 'boolean') return value ? t.common.true : t.common.false;
  return String(value);
}

/** The rows of one customer's statement. */
function statementRows(book: StatementBook, f: StatementFigures, t: ReportText): ReportRow[] {
  const s = t.statement;
  const c = f.customer;
  const withOrders = book.orderDriver !== null;
  const width = withOrders ? 3 : 2;
  const groups: Array<{ label: string; group: Group }> = [{ label: s.thisCustomer, group: f.own }];
  const info: ReportRow[] = [
    row('body', [text(s.customer), text(c.customer)]),
    row('body', [text(s.name), text(c.name)]),
  ];
  if (book.orderDriver !== null && f.own.orders !== null) info.push(row('body', [text(s.orders(book.orderDriver)), quantity(f.own.orders)]));
  if (f.segment !== null && book.segmentDimension !== null) {
    const label = segmentLabel(f.segment.value, t);
    groups.push({ label: s.segmentAverage(label), group: f.segment.group });
    info.push(row('body', [text(s.segmentCustomers(book.segmentDimension, label)), integer(f.segment.group.customers)]));
  }
  groups.push({ label: s.companyAverage, group: f.company });
  info.push(row('body', [text(s.companyCustomers), integer(f.company.customers)]));

  const groupHeader = row('header', [
    blank(),
    ...groups.flatMap((g) => [text(g.label), ...Array.from({ length: width - 1 }, () => blank())]),
  ]);
  const columnHeader = headerRow([
    s.line,
    ...groups.flatMap(() => (withOrders ? [s.amount, s.perOrder, s.percentOfNetRevenue] : [s.amount, s.percentOfNetRevenue])),
  ]);
  const pnl = pnlLines(book, t).map((line) =>
    row(line.style, [text(line.label), ...groups.flatMap((g) => groupCells(line, g.group, withOrders))]),
  );

  const trailHeader = headerRow([s.activity, s.driver, s.quantity, s.minutesPerUnit, s.costPerUnit, s.amount, s.pool, s.costPerMinute]);
  const trail = f.trail.map((l) =>
    row('body', [
      text(l.activity),
      text(l.driver ?? s.minutesUsed),
      quantity(l.quantity),
      l.minutesPerUnit === null ? blank('decimal') : decimal(l.minutesPerUnit),
      rate(l.costPerUnit),
      money(l.amount),
      text(l.pool ?? s.byRate),
      l.poolRatePerMinute === null ? blank('rate') : rate(l.poolRatePerMinute),
    ]),
  );
  const trailTotal = totalRow(s.trailTotal, c.costToServe);

  return [
    row('title', [text(s.title(c.customer, c.name))]),
    row('note', [text(noteLine(book.result, t))]),
    ...info,
    spacer(),
    groupHeader,
    columnHeader,
    ...pnl,
    spacer(),
    row('section', [text(s.trailSection)]),
    trailHeader,
    ...trail,
    trailTotal,
    ...originRows(f, s),
    ...directCostRows(c, s),
  ];
}

type StatementText = ReportText['statement'];

/** A block's total line: the label, then the amount in the trail's Amount column. */
function totalRow(label: string, amount: Dec): ReportRow {
  return row('total', [text(label), blank(), blank('decimal'), blank('decimal'), blank('rate'), money(amount)]);
}

/** A header over the first three columns and the trail's Amount column. */
function blockHeader([first, second, third, amount]: [string, string | null, string | null, string]): ReportRow {
  const label = (x: string | null): ReportCell => (x === null ? blank() : text(x));
  return row('header', [label(first), label(second), label(third), blank(), blank(), text(amount)]);
}

/** A pool, account or rate of a trace row as the statement names it. */
function traceName(name: string, kind: TraceKind, s: StatementText): string {
  return kind === 'rate' ? s.rateOf(name) : name;
}

/**
 * With a first stage, the cost to serve traced to the pools where it started (a support pool's part
 * included) and, with a ledger, to the accounts; amounts in the trail's Amount column, each block
 * closed by the cost to serve it adds up to.
 */
function originRows(f: StatementFigures, s: StatementText): ReportRow[] {
  if (f.origins === null) return [];
  const costToServe = f.customer.costToServe;
  const pools = f.origins.pools.map((r) =>
    row('body', [text(traceName(r.from, r.fromKind, s)), text(r.toKind === 'pool' ? r.to : s.byRate), blank(), blank('decimal'), blank('rate'), money(r.amount)]),
  );
  const rows = [spacer(), row('section', [text(s.originSection)]), blockHeader([s.startedIn, s.usedIn, null, s.amount]), ...pools, totalRow(s.trailTotal, costToServe)];
  if (f.origins.accounts === null) return rows;
  const accounts = f.origins.accounts.map((r) =>
    r.fromKind === 'rate'
      ? row('body', [text(s.rateOf(r.from)), blank(), text(s.byRate), blank('decimal'), blank('rate'), money(r.amount)])
      : row('body', [text(r.from), text(r.description ?? null), text(r.to), blank('decimal'), blank('rate'), money(r.amount)]),
  );
  return [...rows, spacer(), blockHeader([s.account, s.description, s.bookedTo, s.amount]), ...accounts, totalRow(s.trailTotal, costToServe)];
}

/** The direct customer costs item by item, when the customer has any. */
function directCostRows(c: CustomerResult, s: StatementText): ReportRow[] {
  if (c.directCostItems.length === 0) return [];
  const items = c.directCostItems.map((i) => row('body', [text(i.item), blank(), blank('decimal'), blank('decimal'), blank('rate'), money(i.amount)]));
  return [spacer(), row('section', [text(s.directSection)]), blockHeader([s.item, null, null, s.amount]), ...items, totalRow(s.directSection, c.directCosts)];
}

/**
 * The statement sheets of the given customers (ids as in the result), in that order, with every text in
 * `language`. `taken` names the sheets the new ones must not collide with (ignoring case): the workbook's
 * other sheets and the other report sheets. Pass a `book` made once when writing many statements.
 * `gone` are ids of statements of an earlier run whose customer is no longer in the model: their sheets
 * are replaced by one line saying so, after the others, rather than left with old figures.
 */
export function buildStatementSheets(
  result: CostingResult,
  customers: readonly CustomerResult[],
  language: ReportLanguage = 'en',
  taken: Iterable<string> = [],
  book: StatementBook = statementBook(result),
  gone: readonly string[] = [],
): ReportSheet[] {
  const t = reportText(language);
  const names = statementSheetNames(t.statement.sheetPrefix, [...customers.map((c) => c.customer), ...gone], taken);
  const emptied = gone.map((id, i): ReportSheet => {
    const rows = [row('title', [text(t.statement.title(id, null))]), row('note', [text(t.statement.gone(id))])];
    return { name: names[customers.length + i] as string, role: statementRole(id), columnWidths: [40], freeze: { rows: 0, columns: 0 }, rows };
  });
  const written = customers.map((c, i): ReportSheet => {
    const rows = statementRows(book, statementFigures(book, c), t);
    const widths = fitWidths(rows, 10, 40);
    return {
      name: names[i] as string,
      role: statementRole(c.customer),
      columnWidths: widths,
      printOnePageWide: 'landscape',
      freeze: { rows: 0, columns: 1 },
      rows,
    };
  });
  return [...written, ...emptied];
}

/** The customer whose id (or, failing that, whose name) is `query`, matched as the contract matches names. */
export function findCustomer(result: CostingResult, query: string): CustomerResult | null {
  const key = nameKey(query);
  return (
    result.customers.find((c) => nameKey(c.customer) === key) ??
    (() => {
      const byName = result.customers.filter((c) => c.name !== null && nameKey(c.name) === key);
      return byName.length === 1 ? (byName[0] as CustomerResult) : null;
    })()
  );
}

/** Edit distance between two short texts (for "did you mean"). */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/**
 * Customers whose id or name is close to `query`: containing it, or within two edits of it; at most
 * `limit`, closest first, as `id (name)`.
 */
export function closeCustomers(result: CostingResult, query: string, limit = 5): string[] {
  const key = nameKey(query);
  const scored = result.customers.flatMap((c) => {
    const texts = [c.customer, ...(c.name === null ? [] : [c.name])].map(nameKey);
    const best = Math.min(...texts.map((x) => (x.includes(key) || key.includes(x) ? 0 : distance(x, key))));
    const spread = Math.min(...texts.map((x) => Math.abs(x.length - key.length)));
    return best <= 2 ? [{ c, best, spread }] : [];
  });
  scored.sort((a, b) => a.best - b.best || a.spread - b.spread);
  return scored.slice(0, limit).map(({ c }) => (c.name === null ? c.customer : `${c.customer} (${c.name})`));
}
