/**
 * The events of the fake workbook: worksheet ids, `workbook.worksheets.onChanged` (ExcelApi 1.9) and
 * `workbook.worksheets.onCalculated` (ExcelApi 1.8), kept apart from fake-excel.ts, which calls
 * `notifyChanged` wherever cells are written. As in Excel:
 * - a handler is registered by `add` and removed by `remove`, each taking effect at the next `sync` of the
 *   context it was added in (Office.js: "the same RequestContext … must be used when removing");
 * - the event fires for every write of cell values, the user's (`FakeSheet.setValues`, `triggerSource`
 *   `Unknown`) and the add-in's own (`range.values`, `range.formulas`: `ThisLocalAddin`, ExcelApi 1.14), so the
 *   add-in has to ignore its own writes itself;
 * - it arrives asynchronously, after the write, never inside the batch that wrote;
 * - its arguments have Excel's shape: `{ type, address, worksheetId, changeType, source, triggerSource }`,
 *   the address without the sheet name (`B7`, `A2:C4`).
 * - a recalculation raises onCalculated, never onChanged: a formula cell whose result moved is not a change
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs lists edits only;
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-oncalculated-member
 *   "Occurs when any worksheet in the workbook is calculated"). After every write the fake raises it on each
 *   sheet holding a formula that may depend on the written sheet (the same sheet, or one naming it), a
 *   coarse stand-in for Excel's dependency tree that never misses a dependent;
 * - its `address` is the comma-separated list of the cells that were calculated, and exists only from
 *   ExcelApi 1.11 (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcalculatedeventargs#excel-excel-worksheetcalculatedeventargs-address-member);
 *   `hostBefore1_11` makes the fake an older host whose event has none.
 * No Node or DOM imports: the browser test bundles this file too.
 */
import type { FakeContext, FakeSheet, FakeWorkbook } from './fake-excel';

/** The arguments of a changed event, as `Excel.WorksheetChangedEventArgs` has them. */
export interface FakeChangedEvent {
  type: 'WorksheetChanged';
  address: string;
  worksheetId: string;
  changeType: 'RangeEdited';
  source: 'Local';
  triggerSource: 'ThisLocalAddin' | 'Unknown';
}

/** The arguments of a calculated event, as `Excel.WorksheetCalculatedEventArgs` has them. */
export interface FakeCalculatedEvent {
  type: 'WorksheetCalculated';
  worksheetId: string;
  /** ExcelApi 1.11; absent on an older host. */
  address?: string;
}

type Handler = (event: FakeChangedEvent) => Promise<unknown>;
type CalculatedHandler = (event: FakeCalculatedEvent) => Promise<unknown>;

const handlersOf = new WeakMap<FakeWorkbook, Set<Handler>>();
const calculatedOf = new WeakMap<FakeWorkbook, Set<CalculatedHandler>>();
const olderHosts = new WeakSet<FakeWorkbook>();

/** Makes the book an Excel below ExcelApi 1.11: its calculated events carry no address, and loading the application's separators fails (ApiNotFound). */
export function hostBefore1_11(book: FakeWorkbook): void {
  olderHosts.add(book);
}

/** True when the book plays an Excel below ExcelApi 1.11 (`hostBefore1_11`). */
export function isBefore1_11(book: FakeWorkbook): boolean {
  return olderHosts.has(book);
}

/** The number of calculated handlers registered on the workbook. */
export function calculatedHandlerCount(book: FakeWorkbook): number {
  return calculatedOf.get(book)?.size ?? 0;
}
const idOf = new WeakMap<FakeSheet, string>();
let nextSheet = 1;

/** The sheet's id, as `Worksheet.id` gives it: stable for the sheet's life, unchanged by a rename. */
export function sheetId(sheet: FakeSheet): string {
  let id = idOf.get(sheet);
  if (id === undefined) {
    id = `{00000000-0001-0000-${String(nextSheet++).padStart(4, '0')}-000000000000}`;
    idOf.set(sheet, id);
  }
  return id;
}

/** The number of handlers registered on the workbook (for tests: a stopped watch leaves none). */
export function changedHandlerCount(book: FakeWorkbook): number {
  return handlersOf.get(book)?.size ?? 0;
}

function handlersIn<H>(map: WeakMap<FakeWorkbook, Set<H>>, book: FakeWorkbook): Set<H> {
  let set = map.get(book);
  if (set === undefined) {
    set = new Set();
    map.set(book, set);
  }
  return set;
}

function letters(column: number): string {
  let n = column + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Tells the registered handlers that cells of a sheet were written (0-based block), then recalculates. */
export function notifyChanged(
  book: FakeWorkbook,
  sheet: FakeSheet,
  area: { top: number; left: number; rows: number; columns: number },
  triggerSource: FakeChangedEvent['triggerSource'],
): void {
  if (area.rows < 1 || area.columns < 1) return;
  const now = [...(handlersOf.get(book) ?? [])];
  const first = `${letters(area.left)}${area.top + 1}`;
  const last = `${letters(area.left + area.columns - 1)}${area.top + area.rows}`;
  const event: FakeChangedEvent = {
    type: 'WorksheetChanged',
    address: first === last ? first : `${first}:${last}`,
    worksheetId: sheetId(sheet),
    changeType: 'RangeEdited',
    source: 'Local',
    triggerSource,
  };
  const calculated = calculatedEvents(book, sheet, area);
  const then = [...(calculatedOf.get(book) ?? [])];
  // Excel raises events after the change is done, never inside the caller's own call; the calculation follows the change.
  void Promise.resolve().then(() => {
    for (const h of now) void h(event).catch(() => undefined);
    for (const e of calculated) for (const h of then) void h(e).catch(() => undefined);
  });
}

type Area = { top: number; left: number; rows: number; columns: number };

const QUALIFIED_REF = /(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * May a formula on `host` depend on cells written on `written`? A formula whose references to that sheet are
 * all plain cell references depends only when one overlaps; any other mention of the sheet, or a formula on
 * the sheet itself, is taken to depend (the fake never misses a dependent, it may add one).
 */
function mayDepend(formula: string, host: FakeSheet, written: FakeSheet, area: Area): boolean {
  if (host === written) return true;
  if (!formula.includes(written.name)) return false;
  let rest = formula;
  let overlaps = false;
  for (const m of formula.matchAll(QUALIFIED_REF)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (sheet !== written.name) continue;
    rest = rest.replace(m[0], '');
    const top = Number(m[4]) - 1;
    const bottom = Number(m[6] ?? m[4]) - 1;
    const left = columnOf(m[3] as string);
    const right = columnOf(m[5] ?? (m[3] as string));
    overlaps ||= top < area.top + area.rows && area.top <= bottom && left < area.left + area.columns && area.left <= right;
  }
  return overlaps || rest.includes(written.name);
}

/** One calculated event per sheet holding a formula that may depend on the cells written. */
function calculatedEvents(book: FakeWorkbook, written: FakeSheet, area: Area): FakeCalculatedEvent[] {
  if ((calculatedOf.get(book)?.size ?? 0) === 0) return [];
  const events: FakeCalculatedEvent[] = [];
  for (const other of book.sheets) {
    const cells: string[] = [];
    for (const [key, cell] of other.cells) {
      if (cell.formula === null || !mayDepend(cell.formula, other, written, area)) continue;
      const [row = 0, column = 0] = key.split(',').map(Number);
      cells.push(`${letters(column)}${row + 1}`);
    }
    if (cells.length === 0) continue;
    const e: FakeCalculatedEvent = { type: 'WorksheetCalculated', worksheetId: sheetId(other) };
    if (!olderHosts.has(book)) e.address = cells.join(',');
    events.push(e);
  }
  return events;
}

/** A handler collection of a context: added and removed at the context's next sync. */
function eventOf<H>(ctx: FakeContext, label: string, map: WeakMap<FakeWorkbook, Set<H>>): { add(handler: H): { context: FakeContext; remove(): void } } {
  return {
    add(handler) {
      ctx.enqueue(`${label}.add`, undefined, () => {
        handlersIn(map, ctx.book).add(handler);
        return 8;
      });
      return {
        context: ctx,
        remove() {
          ctx.enqueue(`${label}.remove`, undefined, () => {
            handlersIn(map, ctx.book).delete(handler);
            return 8;
          });
        },
      };
    },
  };
}

/** `workbook.worksheets.onChanged` of a context. */
export function worksheetsOnChanged(ctx: FakeContext): { add(handler: Handler): { context: FakeContext; remove(): void } } {
  return eventOf(ctx, 'worksheets.onChanged', handlersOf);
}

/** `workbook.worksheets.onCalculated` of a context (ExcelApi 1.8). */
export function worksheetsOnCalculated(ctx: FakeContext): { add(handler: CalculatedHandler): { context: FakeContext; remove(): void } } {
  return eventOf(ctx, 'worksheets.onCalculated', calculatedOf);
}
