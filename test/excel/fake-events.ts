/**
 * The events of the fake workbook: worksheet ids and `workbook.worksheets.onChanged` (ExcelApi 1.9), kept
 * apart from fake-excel.ts, which calls `notifyChanged` wherever cells are written. As in Excel:
 * - a handler is registered by `add` and removed by `remove`, each taking effect at the next `sync` of the
 *   context it was added in (Office.js: "the same RequestContext … must be used when removing");
 * - the event fires for every write of cell values, the user's (`FakeSheet.setValues`, `triggerSource`
 *   `Unknown`) and the add-in's own (`range.values`, `range.formulas`: `ThisLocalAddin`, ExcelApi 1.14), so the
 *   add-in has to ignore its own writes itself;
 * - it arrives asynchronously, after the write, never inside the batch that wrote;
 * - its arguments have Excel's shape: `{ type, address, worksheetId, changeType, source, triggerSource }`,
 *   the address without the sheet name (`B7`, `A2:C4`).
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

type Handler = (event: FakeChangedEvent) => Promise<unknown>;

const handlersOf = new WeakMap<FakeWorkbook, Set<Handler>>();
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

function handlers(book: FakeWorkbook): Set<Handler> {
  let set = handlersOf.get(book);
  if (set === undefined) {
    set = new Set();
    handlersOf.set(book, set);
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

/** Tells the registered handlers that cells of a sheet were written (0-based block). */
export function notifyChanged(
  book: FakeWorkbook,
  sheet: FakeSheet,
  area: { top: number; left: number; rows: number; columns: number },
  triggerSource: FakeChangedEvent['triggerSource'],
): void {
  const set = handlersOf.get(book);
  if (set === undefined || set.size === 0 || area.rows < 1 || area.columns < 1) return;
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
  const now = [...set];
  // Excel raises events after the change is done, never inside the caller's own call.
  void Promise.resolve().then(() => {
    for (const h of now) void h(event).catch(() => undefined);
  });
}

/** `workbook.worksheets.onChanged` of a context. */
export function worksheetsOnChanged(ctx: FakeContext): { add(handler: Handler): { context: FakeContext; remove(): void } } {
  return {
    add(handler) {
      ctx.enqueue('worksheets.onChanged.add', undefined, () => {
        handlers(ctx.book).add(handler);
        return 8;
      });
      return {
        context: ctx,
        remove() {
          ctx.enqueue('worksheets.onChanged.remove', undefined, () => {
            handlers(ctx.book).delete(handler);
            return 8;
          });
        },
      };
    },
  };
}
