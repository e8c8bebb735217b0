/**
 * The layout of `ABC_History` (issue 20): the periods a controller kept, one table on a hidden sheet, read
 * back into `PeriodFigures` by the Compare view, `--compare-period` and the worksheet functions.
 *
 * One row per fact, its kind told by which of Customer, Activity and Driver are filled:
 * - company (all three blank): currency and the company's totals;
 * - activity (Activity): its pool; activity term (Activity, Driver): cost per unit, minutes, cost per minute;
 * - customer (Customer): name, segment, revenue … net profit; customer activity (Customer, Activity): its
 *   cost; customer driver (Customer, Driver): its quantity.
 * Figures are numbers. A figure a double cannot hold exactly (a cost per unit of 40 digits) is written as the
 * nearest number and, in the Exact column, as `Column=decimal`, which the reader takes instead: it reads back
 * exactly, and the reader refuses an Exact entry that no longer agrees with its cell (edited by hand).
 *
 * The headers are English in every report language: the table holds every period kept, from English and
 * Dutch runs alike, and `ABC_History[Net profit]` must mean the same column whichever language kept the last
 * period. Period labels compare as text, as a cell shows them: the number 2025 and the text "2025" are one
 * period (labels are written as text; a number typed over one reads as its plain digits). A segment of
 * TRUE or FALSE is kept as that text (report cells hold text or numbers).
 */
import { type Dec, dec, toNumber } from '../engine/decimal';
import type { ActivityFigures, CustomerFigures, PeriodFigures, TermFigures } from '../engine/compare/figures';
import type { KeptPeriods } from '../engine/compare/kept-periods';
import { error, type Issue } from '../engine/issues';
import type { HistoryProblem } from '../engine/message-args';
import { msg } from '../engine/messages';
import { type DimensionValue, nameKey } from '../engine/model';
import { cellText, numberText, showValue } from './cells';
import { type CellValue, columnLetters, isBlank, type RangeGrid } from './grid';

/** The table's and the name's: `ABC_History`. */
export const HISTORY_TABLE = 'ABC_History';

/** The most rows the table holds: a sheet's 1,048,576 less the header row. */
export const HISTORY_MAX_ROWS = 1_048_575;

/** The columns, in the order they are written. */
export const HISTORY_COLUMNS = [
  'Period',
  'Customer',
  'Activity',
  'Driver',
  'Name',
  'Segment',
  'Pool',
  'Currency',
  'Revenue',
  'Discounts',
  'COGS',
  'Unused capacity',
  'Direct costs',
  'Unassigned cost',
  'Net profit',
  'Operating profit',
  'Cost',
  'Quantity',
  'Cost per unit',
  'Minutes per unit',
  'Cost per minute',
  'Exact',
] as const;

/** One of the table's columns. */
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

const INDEX = new Map<HistoryColumn, number>(HISTORY_COLUMNS.map((c, i) => [c, i]));
const at = (c: HistoryColumn): number => INDEX.get(c) as number;

/** The label a period is kept and found under: a cell's text (a number in plain digits), trimmed; null when blank. */
export function periodLabel(value: CellValue | undefined): string | null {
  return cellText(value);
}

/** A row of the table with the given cells filled, in column order. */
function row(period: string, cells: Partial<Record<HistoryColumn, CellValue>>, exact: string[]): CellValue[] {
  const out: CellValue[] = HISTORY_COLUMNS.map((c) => cells[c] ?? null);
  out[at('Period')] = period;
  out[at('Exact')] = exact.length === 0 ? null : exact.join('; ');
  return out;
}

/** Figures of a row: each the nearest double, with an Exact entry when the double is not the decimal itself. */
class Figures {
  readonly cells: Partial<Record<HistoryColumn, CellValue>> = {};
  readonly exact: string[] = [];
  text(column: HistoryColumn, value: string | null): this {
    this.cells[column] = value;
    return this;
  }
  value(column: HistoryColumn, value: CellValue): this {
    this.cells[column] = value;
    return this;
  }
  figure(column: HistoryColumn, value: Dec | null): this {
    if (value === null) return this;
    const n = toNumber(value);
    this.cells[column] = n;
    if (!dec(n).eq(value)) this.exact.push(`${column}=${value.toFixed()}`);
    return this;
  }
}

/**
 * The rows (no header) that keep `figures` as the period `period`: the company row, each activity with its
 * terms, each customer with its activity costs and driver quantities.
 */
export function historyRows(figures: PeriodFigures, period: string): CellValue[][] {
  const rows: CellValue[][] = [];
  const add = (f: Figures): void => {
    rows.push(row(period, f.cells, f.exact));
  };
  const t = figures.totals;
  add(
    new Figures()
      .text('Currency', figures.currency)
      .figure('Revenue', t.revenue)
      .figure('Discounts', t.discounts)
      .figure('COGS', t.cogs)
      .figure('Unused capacity', t.unusedCapacityCost)
      .figure('Direct costs', t.directCosts)
      .figure('Unassigned cost', t.unassignedCost)
      .figure('Operating profit', t.operatingProfit),
  );
  // A driver's name as the model spells it, for the quantity rows (the figures key quantities by nameKey).
  const driverNames = new Map<string, string>();
  for (const a of figures.activities) {
    add(new Figures().text('Activity', a.activity).text('Pool', a.pool));
    for (const term of a.terms) {
      if (!driverNames.has(nameKey(term.driver))) driverNames.set(nameKey(term.driver), term.driver);
      add(
        new Figures()
          .text('Activity', a.activity)
          .text('Driver', term.driver)
          .figure('Cost per unit', term.costPerUnit)
          .figure('Minutes per unit', term.minutes)
          .figure('Cost per minute', term.ratePerMinute),
      );
    }
  }
  for (const c of figures.customers) {
    add(
      new Figures()
        .text('Customer', c.customer)
        .text('Name', c.name)
        // A TRUE/FALSE segment is kept as its text: report cells hold text or numbers.
        .value('Segment', typeof c.segment === 'boolean' ? (c.segment ? 'TRUE' : 'FALSE') : c.segment)
        .figure('Revenue', c.revenue)
        .figure('Discounts', c.discounts)
        .figure('COGS', c.cogs)
        .figure('Unused capacity', c.unusedCapacity)
        .figure('Direct costs', c.directCosts)
        .figure('Net profit', c.netProfit),
    );
    for (const [activity, cost] of c.activityCosts) add(new Figures().text('Customer', c.customer).text('Activity', activity).figure('Cost', cost));
    for (const [key, quantity] of c.quantities) add(new Figures().text('Customer', c.customer).text('Driver', driverNames.get(key) ?? key).figure('Quantity', quantity));
  }
  return rows;
}

/** The history after keeping a period: its earlier rows, if any, replaced; how many rows went; problems that stop the keep. */
export interface MergedHistory {
  /** Body rows in `HISTORY_COLUMNS` order. */
  rows: CellValue[][];
  /** Rows of an earlier copy of the period that were replaced (0: the period is new). */
  replaced: number;
  /** A history whose rows cannot be told apart by period: nothing may be kept over it. */
  issues: Issue[];
}

/**
 * Keeps `newRows` as `period` in the history `existing` (the table as read, header row first; null when
 * there is none): the period's earlier rows go, the other periods' rows stay as they are (put in this
 * layout's column order when a user moved a column). Without a Period column the rows cannot be told
 * apart and nothing is kept (HISTORY_UNREADABLE at the header row); columns the layout does not know are
 * dropped. More rows than a sheet holds (`limit`, smaller only in tests) keep nothing either (HISTORY_TOO_LARGE).
 */
export function mergeHistory(existing: RangeGrid | null, period: string, newRows: readonly CellValue[][], limit = HISTORY_MAX_ROWS): MergedHistory {
  if (existing === null || existing.rows.length === 0) return withinSheet({ rows: [...newRows], replaced: 0, issues: [] }, null, limit);
  const [header = [], ...body] = existing.rows;
  const columns = headerColumns(header);
  const periodColumn = columns.get('Period');
  if (periodColumn === undefined) return { rows: [], replaced: 0, issues: [missingColumn(existing, 'Period')] };
  let replaced = 0;
  const rows: CellValue[][] = [];
  for (const r of body) {
    if (r.every((v) => isBlank(v))) continue;
    if (periodLabel(r[periodColumn]) === period) {
      replaced++;
      continue;
    }
    rows.push(HISTORY_COLUMNS.map((c) => {
      const i = columns.get(c);
      return i === undefined ? null : (r[i] ?? null);
    }));
  }
  return withinSheet({ rows: [...rows, ...newRows], replaced, issues: [] }, existing, limit);
}

/** The merged history, or nothing kept (HISTORY_TOO_LARGE) when its rows would not fit on a sheet. */
function withinSheet(merged: MergedHistory, existing: RangeGrid | null, limit: number): MergedHistory {
  if (merged.rows.length <= limit) return merged;
  const where = existing === null ? { range: HISTORY_TABLE } : { range: HISTORY_TABLE, sheet: existing.sheet, cell: `${columnLetters(existing.left)}${existing.top}` };
  return { rows: [], replaced: 0, issues: [error('HISTORY_TOO_LARGE', msg('historyTooLarge', { rows: merged.rows.length, limit }), where)] };
}

/** Column name → 0-based index in a header row (case and surrounding spaces ignored; the first of a repeat). */
function headerColumns(header: readonly CellValue[]): Map<HistoryColumn, number> {
  const byKey = new Map(HISTORY_COLUMNS.map((c) => [nameKey(c), c]));
  const columns = new Map<HistoryColumn, number>();
  header.forEach((v, i) => {
    const text = cellText(v);
    const column = text === null ? undefined : byKey.get(nameKey(text));
    if (column !== undefined && !columns.has(column)) columns.set(column, i);
  });
  return columns;
}

function missingColumn(grid: RangeGrid, column: HistoryColumn): Issue {
  const cell = `${columnLetters(grid.left)}${grid.top}`;
  return error('HISTORY_UNREADABLE', msg('historyUnreadable', { column, found: '(none)', problem: 'missingColumn' }), { range: HISTORY_TABLE, sheet: grid.sheet, cell });
}

/** A period being read: its parts by key, in the order met. */
interface PeriodDraft {
  label: string;
  company: PeriodFigures['totals'] | null;
  currency: string | null;
  activities: Map<string, ActivityFigures>;
  customers: Map<string, { figures: CustomerFigures; costs: Map<string, Dec>; quantities: Map<string, Dec> }>;
  /** Missing parents already reported (`noCustomer` and its customer, `noActivity` and its activity). */
  orphans: Set<string>;
}

/** The columns every row is told by; the figures are looked up by name. */
const KEY_COLUMNS: readonly HistoryColumn[] = ['Period', 'Customer', 'Activity', 'Driver'];

/**
 * Reads `ABC_History` (the table, header row first) back into the periods kept, in the order they first
 * appear. A cell that cannot be read gives HISTORY_UNREADABLE at that cell, and its period is left out (a
 * half-read period would compare wrongly); the other periods are read as usual. Never throws on content.
 */
export function readHistory(grid: RangeGrid): KeptPeriods {
  const issues: Issue[] = [];
  const [header = [], ...body] = grid.rows;
  const columns = headerColumns(header);
  const missing = KEY_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) return { periods: new Map(), order: [], issues: missing.map((c) => missingColumn(grid, c)) };

  const where = (r: number, column: HistoryColumn): { range: string; sheet: string; cell: string } => ({
    range: HISTORY_TABLE,
    sheet: grid.sheet,
    cell: `${columnLetters(grid.left + (columns.get(column) ?? 0))}${grid.top + r}`,
  });
  const drafts = new Map<string, PeriodDraft>();
  const broken = new Set<string>();
  const order: string[] = [];

  body.forEach((cells, index) => {
    const r = index + 1;
    if (cells.every((v) => isBlank(v))) return;
    const get = (c: HistoryColumn): CellValue => {
      const i = columns.get(c);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const fail = (column: HistoryColumn, problem: HistoryProblem, label: string | null): void => {
      issues.push(error('HISTORY_UNREADABLE', msg('historyUnreadable', { column, found: showValue(get(column)), problem }), where(r, column)));
      if (label !== null) broken.add(label);
    };
    const label = periodLabel(get('Period'));
    if (label === null) return fail('Period', 'noPeriod', null);
    let draft = drafts.get(label);
    if (draft === undefined) {
      draft = { label, company: null, currency: null, activities: new Map(), customers: new Map(), orphans: new Set() };
      drafts.set(label, draft);
      order.push(label);
    }
    const reading = readRow(get, columns);
    if (reading.problem !== null) fail(reading.problem.column, reading.problem.problem, label);
    // A row with a bad figure still counts as its customer's or activity's row, so the rows under it do not
    // each report it missing; a missing parent is reported at its first orphan only.
    const problem = addRow(draft, reading);
    if (problem === null) return;
    const orphan = problem.problem === 'noActivity' ? `activity ${reading.activity ?? ''}` : problem.problem === 'noCustomer' ? `customer ${reading.customer ?? ''}` : null;
    if (orphan !== null && draft.orphans.has(orphan)) return;
    if (orphan !== null) draft.orphans.add(orphan);
    fail(problem.column, problem.problem, label);
  });

  const periods = new Map<string, PeriodFigures>();
  for (const label of order) {
    const draft = drafts.get(label) as PeriodDraft;
    if (broken.has(label)) continue;
    if (draft.company === null) {
      const first = body.findIndex((cells) => periodLabel(cells[columns.get('Period') as number]) === label);
      issues.push(error('HISTORY_UNREADABLE', msg('historyUnreadable', { column: 'Period', found: label, problem: 'noCompanyRow' }), where(first + 1, 'Period')));
      continue;
    }
    periods.set(label, finish(draft, draft.company));
  }
  return { periods, order: order.filter((l) => periods.has(l)), issues };
}

/** A row read: its key texts, its other texts and its figures (Exact entries applied). */
interface RowReading {
  customer: string | null;
  activity: string | null;
  driver: string | null;
  text: (c: HistoryColumn) => string | null;
  value: (c: HistoryColumn) => CellValue;
  figure: (c: HistoryColumn) => Dec | null;
  /** The first cell that cannot be read; its figure counts as blank. */
  problem: RowProblem | null;
}

type RowProblem = { column: HistoryColumn; problem: HistoryProblem };

const TEXT_COLUMNS: readonly HistoryColumn[] = ['Customer', 'Activity', 'Driver', 'Name', 'Pool', 'Currency', 'Exact'];
const FIGURE_COLUMNS: readonly HistoryColumn[] = HISTORY_COLUMNS.filter((c) => !TEXT_COLUMNS.includes(c) && c !== 'Period' && c !== 'Segment');

/** Reads a row's cells: texts as text, figures as numbers (a number column holding anything else is a problem). */
function readRow(get: (c: HistoryColumn) => CellValue, columns: ReadonlyMap<HistoryColumn, number>): RowReading {
  let problem: RowProblem | null = null;
  const found = (column: HistoryColumn, why: HistoryProblem): void => {
    problem ??= { column, problem: why };
  };
  for (const c of TEXT_COLUMNS) {
    const v = get(c);
    if (!isBlank(v) && typeof v !== 'string' && typeof v !== 'number') found(c, 'notText');
  }
  const figures = new Map<HistoryColumn, Dec>();
  for (const c of FIGURE_COLUMNS) {
    const v = get(c);
    if (isBlank(v)) continue;
    if (typeof v === 'number' && Number.isFinite(v)) figures.set(c, dec(v));
    else found(c, 'notANumber');
  }
  const exact = cellText(get('Exact'));
  for (const entry of exact === null ? [] : exact.split(';')) {
    const m = /^\s*([^=]+?)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(entry);
    const column = m === null ? undefined : HISTORY_COLUMNS.find((c) => nameKey(c) === nameKey(m[1] ?? ''));
    const shown = column === undefined ? undefined : figures.get(column);
    // The exact decimal must still be what the cell shows: a cell edited since makes the entry stale.
    if (m === null || column === undefined || !columns.has(column) || shown === undefined || !dec(toNumber(dec(m[2] as string))).eq(shown)) {
      found('Exact', 'exact');
      break;
    }
    figures.set(column, dec(m[2] as string));
  }
  return {
    customer: textOf(get('Customer')),
    activity: textOf(get('Activity')),
    driver: textOf(get('Driver')),
    text: (c) => textOf(get(c)),
    value: get,
    figure: (c) => figures.get(c) ?? null,
    problem,
  };
}

const ZERO_FIGURE = dec(0);

/** A text cell as written (names are kept with their spaces, as the model had them); a number in plain digits; blank is null. */
function textOf(value: CellValue): string | null {
  if (typeof value === 'number') return numberText(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Adds a read row to its period; the problem when it does not fit there. */
function addRow(draft: PeriodDraft, row: RowReading): RowProblem | null {
  const money = (c: HistoryColumn): Dec => row.figure(c) ?? ZERO_FIGURE;
  const { customer, activity, driver } = row;
  if (customer === null && activity === null && driver === null) {
    if (draft.company !== null) return { column: 'Period', problem: 'twice' };
    draft.currency = row.text('Currency');
    draft.company = {
      revenue: money('Revenue'),
      discounts: money('Discounts'),
      cogs: money('COGS'),
      directCosts: money('Direct costs'),
      unusedCapacityCost: money('Unused capacity'),
      unassignedCost: money('Unassigned cost'),
      operatingProfit: money('Operating profit'),
    };
    return null;
  }
  if (customer === null && activity !== null) {
    const known = draft.activities.get(activity);
    if (driver === null) {
      if (known !== undefined) return { column: 'Activity', problem: 'twice' };
      draft.activities.set(activity, { activity, pool: row.text('Pool'), terms: [] });
      return null;
    }
    if (known === undefined) return { column: 'Activity', problem: 'noActivity' };
    if (known.terms.some((t) => nameKey(t.driver) === nameKey(driver))) return { column: 'Driver', problem: 'twice' };
    const term: TermFigures = { driver, costPerUnit: money('Cost per unit'), minutes: row.figure('Minutes per unit'), ratePerMinute: row.figure('Cost per minute') };
    known.terms.push(term);
    return null;
  }
  if (customer === null) return { column: 'Driver', problem: 'rowKind' };
  const known = draft.customers.get(customer);
  if (activity === null && driver === null) {
    if (known !== undefined) return { column: 'Customer', problem: 'twice' };
    draft.customers.set(customer, {
      figures: {
        customer,
        name: row.text('Name'),
        segment: segmentOf(row.value('Segment')),
        revenue: money('Revenue'),
        discounts: money('Discounts'),
        cogs: money('COGS'),
        activityCosts: new Map(),
        unusedCapacity: money('Unused capacity'),
        directCosts: money('Direct costs'),
        netProfit: money('Net profit'),
        quantities: new Map(),
      },
      costs: new Map(),
      quantities: new Map(),
    });
    return null;
  }
  if (known === undefined) return { column: 'Customer', problem: 'noCustomer' };
  if (activity !== null && driver !== null) return { column: 'Driver', problem: 'rowKind' };
  const [map, key, column] = activity !== null ? [known.costs, activity, 'Cost' as const] : [known.quantities, nameKey(driver as string), 'Quantity' as const];
  if (map.has(key)) return { column: activity !== null ? 'Activity' : 'Driver', problem: 'twice' };
  map.set(key, money(column));
  return null;
}

/** A segment as the cell holds it: text, number or TRUE/FALSE; blank is none. */
function segmentOf(value: CellValue): DimensionValue {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function finish(draft: PeriodDraft, totals: PeriodFigures['totals']): PeriodFigures {
  return {
    label: draft.label,
    currency: draft.currency,
    activities: [...draft.activities.values()],
    customers: [...draft.customers.values()].map((c) => ({ ...c.figures, activityCosts: c.costs, quantities: c.quantities })),
    totals,
  };
}
