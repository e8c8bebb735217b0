/**
 * The `ABC Statement <customer>` sheet (Dutch `ABC Klantoverzicht <klant>`): one customer's P&L as a
 * column, next to the average customer of its segment and of the company, and below it the trail of its
 * cost to serve. It is the page a salesperson takes into the conversation with the customer, so every
 * line says what it is and the trail adds up to the cost to serve above it, to the cent.
 */
import type { CustomerFigures } from '../engine/compare/figures';
import type { CustomerChange } from '../engine/compare/types';
import { type Dec, ZERO, roundCents, sum } from '../engine/decimal';
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

/**
 * An earlier period's figures of the customer (issue 20): its column next to this period's and the block
 * splitting its change in net profit. `figures` is null for a customer the earlier period did not have.
 */
export interface StatementEarlier {
  label: string;
  figures: CustomerFigures | null;
  change: CustomerChange;
}

/**
 * A line of the P&L block: its label, style, how to pick its amount from a group's lines and from the
 * earlier period's figures (null: the earlier figures do not split it so, e.g. unused capacity by pool).
 */
interface PnlLine {
  label: string;
  style: RowStyle;
  pick: (lines: PnlLines) => Dec;
  then: (e: CustomerFigures) => Dec | null;
}

/** An activity's cost in the earlier figures, its name matched as the contract matches names. */
function earlierActivityCost(e: CustomerFigures, activity: string): Dec {
  const key = nameKey(activity);
  return sum([...e.activityCosts].filter(([a]) => nameKey(a) === key).map(([, cost]) => cost));
}

function earlierCostToServe(e: CustomerFigures): Dec {
  return sum(e.activityCosts.values()).plus(e.unusedCapacity);
}

/**
 * The P&L lines; `earlierOnly` are activities that charged the customer only in the earlier period, after
 * this period's, so the earlier column adds up too (this period's columns show them at zero).
 */
function pnlLines(book: StatementBook, t: ReportText, earlierOnly: readonly string[] = []): PnlLine[] {
  const p = t.pnl;
  const netRevenue = (e: CustomerFigures): Dec => e.revenue.minus(e.discounts);
  return [
    { label: p.revenue, style: 'body', pick: (l) => l.revenue, then: (e) => e.revenue },
    { label: p.discounts, style: 'body', pick: (l) => l.discounts, then: (e) => e.discounts },
    { label: p.netRevenue, style: 'total', pick: (l) => l.netRevenue, then: netRevenue },
    { label: p.cogs, style: 'body', pick: (l) => l.cogs, then: (e) => e.cogs },
    { label: p.grossMargin, style: 'total', pick: (l) => l.grossMargin, then: (e) => netRevenue(e).minus(e.cogs) },
    ...book.activities.map((a, i): PnlLine => ({ label: a, style: 'body', pick: (l) => l.activities[i] as Dec, then: (e) => earlierActivityCost(e, a) })),
    ...earlierOnly.map((a): PnlLine => ({ label: a, style: 'body', pick: () => ZERO, then: (e) => earlierActivityCost(e, a) })),
    ...book.unusedPools.map((pool, i): PnlLine => ({ label: p.unusedCapacityOf(pool), style: 'body', pick: (l) => l.unused[i] as Dec, then: () => null })),
    { label: p.costToServe, style: 'total', pick: (l) => l.costToServe, then: earlierCostToServe },
    { label: t.summary.directCosts, style: 'body', pick: (l) => l.directCosts, then: (e) => e.directCosts },
    { label: p.netProfit, style: 'total', pick: (l) => l.netProfit, then: (e) => e.netProfit },
  ];
}

/** Activities with an earlier cost for the customer that are not among this period's statement lines. */
function earlierOnlyActivities(book: StatementBook, earlier: StatementEarlier | undefined): string[] {
  if (earlier?.figures == null) return [];
  const now = new Set(book.activities.map(nameKey));
  const seen = new Set<string>();
  return [...earlier.figures.activityCosts].flatMap(([a, cost]) => {
    const key = nameKey(a);
    if (now.has(key) || seen.has(key) || cost.isZero()) return [];
    seen.add(key);
    return [a];
  });
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

/** The rows of one customer's statement; with `earlier`, its column of that period and the change block. */
function statementRows(book: StatementBook, f: StatementFigures, t: ReportText, earlier?: StatementEarlier): ReportRow[] {
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

  // The earlier period's column stands right after this customer's, an amount only.
  const afterOwn = <T>(cells: T[][], earlierCell: () => T): T[] =>
    cells.flatMap((c, i) => (i === 0 && earlier !== undefined ? [...c, earlierCell()] : c));
  const groupHeader = row('header', [
    blank(),
    ...afterOwn(
      groups.map((g) => [text(g.label), ...Array.from({ length: width - 1 }, () => blank())]),
      () => text(s.earlierColumn(earlier?.label ?? '')),
    ),
  ]);
  const columnHeader = headerRow([
    s.line,
    ...afterOwn(
      groups.map(() => (withOrders ? [s.amount, s.perOrder, s.percentOfNetRevenue] : [s.amount, s.percentOfNetRevenue])),
      () => s.amount,
    ),
  ]);
  const pnl = pnlLines(book, t, earlierOnlyActivities(book, earlier)).map((line) =>
    row(line.style, [
      text(line.label),
      ...afterOwn(
        groups.map((g) => groupCells(line, g.group, withOrders)),
        () => {
          const then = earlier?.figures == null ? null : line.then(earlier.figures);
          return money(then === null ? null : roundCents(then));
        },
      ),
    ]),
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
    ...(earlier === undefined ? [] : changeRows(earlier, t)),
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

/**
 * The customer's change in net profit against the earlier period, part by part (profit effects: more
 * cost is negative), in the P&L's amount column; the parts add up to the total line, the change.
 */
function changeRows(earlier: StatementEarlier, t: ReportText): ReportRow[] {
  const s = t.statement;
  const { bridge } = earlier.change;
  // A part of nothing is 0, never the −0 a negated zero would show.
  const line = (label: string, amount: Dec): ReportRow => row('body', [text(label), money(amount.isZero() ? ZERO : amount)]);
  const parts = [
    line(t.pnl.revenue, bridge.revenue),
    line(t.pnl.discounts, bridge.discounts),
    line(t.pnl.cogs, bridge.cogs),
    ...earlier.change.activities.flatMap((a) => [
      ...(a.volume.isZero() ? [] : [line(s.changeVolume(a.activity), a.volume)]),
      ...(a.rate.isZero() ? [] : [line(s.changeRate(a.activity), a.rate)]),
    ]),
    ...(bridge.unusedCapacity.isZero() ? [] : [line(s.changeUnused, bridge.unusedCapacity)]),
    line(t.summary.directCosts, bridge.directCosts),
  ];
  return [
    spacer(),
    row('section', [text(s.changeSection(earlier.label))]),
    headerRow([s.changePart, s.profitEffect]),
    ...parts,
    row('total', [text(s.changeTotal), money(earlier.change.change)]),
    ...(earlier.change.status === 'new' ? [row('note', [text(s.newCustomer(earlier.label))])] : []),
  ];
}

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
 * `earlierOf` gives a customer's figures of an earlier period (issue 20), if any: its statement then has
 * a column of them next to this period's and a block splitting the change; without it nothing changes.
 */
export function buildStatementSheets(
  result: CostingResult,
  customers: readonly CustomerResult[],
  language: ReportLanguage = 'en',
  taken: Iterable<string> = [],
  book: StatementBook = statementBook(result),
  gone: readonly string[] = [],
  earlierOf?: (customer: CustomerResult) => StatementEarlier | undefined,
): ReportSheet[] {
  const t = reportText(language);
  const names = statementSheetNames(t.statement.sheetPrefix, [...customers.map((c) => c.customer), ...gone], taken);
  const emptied = gone.map((id, i): ReportSheet => {
    const rows = [row('title', [text(t.statement.title(id, null))]), row('note', [text(t.statement.gone(id))])];
    return { name: names[customers.length + i] as string, role: statementRole(id), columnWidths: [40], freeze: { rows: 0, columns: 0 }, rows };
  });
  const written = customers.map((c, i): ReportSheet => {
    const rows = statementRows(book, statementFigures(book, c), t, earlierOf?.(c));
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
