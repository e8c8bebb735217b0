/// <reference types="office-js" />
/**
 * Watches the cells of the model: one `workbook.worksheets.onChanged` handler (ExcelApi 1.9) that calls back
 * when a change touches a contract range, and one `workbook.worksheets.onCalculated` handler (ExcelApi 1.8)
 * for a model cell that is a formula: its result moves on recalculation, which onChanged never reports.
 * Where the host gives the calculated cells (`address`, ExcelApi 1.11, checked with `isSetSupported` so the
 * manifest still asks for 1.9 only) a recalculation elsewhere is ignored; an older host's event names the
 * sheet only, and every contract range on that sheet counts as changed. Each call names the contract
 * ranges touched, so the reader can read those again and reuse the others. A change to a contract range (`ABC_Pools` … `ABC_Settings`, by name at either scope or by
 * table), and ignores everything else: the user's other sheets, cells beside the ranges, and the report
 * sheets the add-in writes itself. The add-in's own writes are also told apart by the event's
 * `triggerSource` where Excel gives it (ExcelApi 1.14); where it does not, the caller's rule that a read
 * started after a change covers it (see src/functions/model-feed.ts) keeps them from causing a second read.
 *
 * Where the ranges lie is found once when watching starts and again on `relocate()` (after every read of
 * the model, so a sample inserted or a name moved is followed). A table is watched one row and one column
 * beyond its end, because typing there grows the table.
 */
import { nameKey } from '../engine/model';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import type { ModelWatch } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { toGatewayError } from './errors';

/** A block of cells, 0-based, with its end exclusive. */
interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where a contract range lies on its sheet. */
interface Watched extends Block {
  range: ContractRangeName;
}

const CONTRACT_BY_KEY = new Map(CONTRACT_RANGES.map((n) => [nameKey(n), n]));

/** The part of the event's arguments used here (`Excel.WorksheetChangedEventArgs`). */
interface ChangedArgs {
  address: string;
  worksheetId: string;
  triggerSource?: string;
}


/** Does the host support a requirement set (`Office.context.requirements.isSetSupported`)? */
export type SupportsSet = (name: string, version: string) => boolean;

/**
 * Starts watching the model's cells; `onChange` is called with the contract ranges each change or
 * recalculation touches (the caller debounces). Resolves once both handlers are registered.
 */
export async function watchModel(run: ExcelRun, onChange: (ranges: ContractRangeName[]) => void, supports: SupportsSet = () => false): Promise<ModelWatch> {
  let blocks = new Map<string, Watched[]>();
  // Read once: the event's shape does not change within a session.
  const calculatedAddress = supports('ExcelApi', '1.11');
  const relocate = async (): Promise<void> => {
    blocks = await locateModel(run);
  };
  // Excel has no event for a name redefined in Name Manager, or a table resized: on any other event the
  // ranges are located again (a few small syncs, one check at a time) and those that moved count as changed.
  let checking: Promise<void> | null = null;
  let checkAgain = false;
  const checkMoved = (): void => {
    if (checking !== null) {
      checkAgain = true;
      return;
    }
    const before = blocks;
    checking = locateModel(run)
      .then((now) => {
        blocks = now;
        const moved = movedRanges(before, now);
        if (moved.length > 0) onChange(moved);
      })
      .catch(() => undefined)
      .finally(() => {
        checking = null;
        if (checkAgain) {
          checkAgain = false;
          checkMoved();
        }
      });
  };
  const touched = (worksheetId: string, addresses: readonly string[] | null): void => {
    const onSheet = blocks.get(worksheetId) ?? [];
    const cells = addresses?.map(parseBlock) ?? null;
    // An address this module cannot read is taken as touching the model: one read too many, never one too few.
    const hit = onSheet.filter((b) => cells === null || cells.some((c) => c === null || overlaps(b, c)));
    if (hit.length > 0) onChange([...new Set(hit.map((b) => b.range))]);
    else checkMoved();
  };
  const changed = async (args: ChangedArgs): Promise<void> => {
    if (args.triggerSource === 'ThisLocalAddin') return;
    touched(args.worksheetId, [args.address]);
  };
  // `address` exists only from ExcelApi 1.11 (an optional row of requirements.ts) and is null on some hosts
  // (https://github.com/OfficeDev/office-js/issues/955).
  const calculated = async (args: Excel.WorksheetCalculatedEventArgs): Promise<void> => {
    // No address (an older host, or one that sends null): every range on the sheet may have moved.
    const address = calculatedAddress && typeof args.address === 'string' && args.address !== '' ? args.address.split(',') : null;
    touched(args.worksheetId, address);
  };
  await relocate();
  let registrations: Array<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs | Excel.WorksheetCalculatedEventArgs>> = [];
  try {
    registrations = await run(async (context) => {
      const added = [context.workbook.worksheets.onChanged.add(changed), context.workbook.worksheets.onCalculated.add(calculated)];
      await new SyncCounter().sync(context);
      return added;
    });
  } catch (err) {
    throw toGatewayError(err);
  }
  return {
    relocate,
    async stop() {
      const all = registrations;
      registrations = [];
      const first = all[0];
      if (first === undefined) return;
      // Office.js removes a handler only through the context it was added in (both were added in one).
      for (const r of all) r.remove();
      await new SyncCounter().sync(first.context as Excel.RequestContext);
    },
  };
}

/** The contract ranges whose blocks differ between two locations of the model (moved, grown, gone or new). */
function movedRanges(before: ReadonlyMap<string, Watched[]>, now: ReadonlyMap<string, Watched[]>): ContractRangeName[] {
  const where = (bySheet: ReadonlyMap<string, Watched[]>): Map<ContractRangeName, string> => {
    const out = new Map<ContractRangeName, string[]>();
    for (const [sheet, list] of bySheet) for (const b of list) out.set(b.range, [...(out.get(b.range) ?? []), `${sheet}:${b.top},${b.left},${b.bottom},${b.right}`]);
    return new Map([...out].map(([r, list]) => [r, list.sort().join(';')]));
  };
  const a = where(before);
  const b = where(now);
  return CONTRACT_RANGES.filter((r) => a.get(r) !== b.get(r));
}

/** Finds the blocks of every contract range by worksheet id: named ranges at both scopes, and tables. */
async function locateModel(run: ExcelRun): Promise<Map<string, Watched[]>> {
  try {
    return await run(async (context) => {
      // Every sync through the counter: it is where a sync that never answers is given up on.
      const counter = new SyncCounter();
      const names = context.workbook.names.load('items/name,items/type');
      const tables = context.workbook.tables.load('items/name');
      const sheets = context.workbook.worksheets.load('items/name');
      await counter.sync(context);
      const sheetNames = sheets.items.map((ws) => ws.names.load('items/name,items/type'));
      await counter.sync(context);

      const found: Array<{ contract: ContractRangeName; range: Excel.Range; table: boolean }> = [];
      for (const item of [...names.items, ...sheetNames.flatMap((list) => list.items)]) {
        // Every contract name at every scope: watching one that loses to another costs at most a read.
        const contract = CONTRACT_BY_KEY.get(nameKey(item.name));
        if (contract !== undefined && item.type === 'Range') found.push({ contract, range: item.getRange(), table: false });
      }
      for (const table of tables.items) {
        const contract = CONTRACT_BY_KEY.get(nameKey(table.name));
        if (contract !== undefined) found.push({ contract, range: table.getRange(), table: true });
      }
      for (const f of found) {
        f.range.load('rowIndex,columnIndex,rowCount,columnCount');
        f.range.worksheet.load('id');
      }
      await counter.sync(context);

      const bySheet = new Map<string, Watched[]>();
      for (const { contract, range, table } of found) {
        const grow = table ? 1 : 0;
        const block: Watched = {
          range: contract,
          top: range.rowIndex,
          left: range.columnIndex,
          bottom: range.rowIndex + range.rowCount + grow,
          right: range.columnIndex + range.columnCount + grow,
        };
        const id = range.worksheet.id;
        bySheet.set(id, [...(bySheet.get(id) ?? []), block]);
      }
      return bySheet;
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

function overlaps(a: Block, b: Block): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** `B7`, `A2:C4`, `A:D` or `3:5` (a sheet name before `!` is dropped) as a block; null otherwise. */
export function parseBlock(address: string): Block | null {
  const t = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const m = /^([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})?(\d+)?)?$/.exec(t);
  if (m === null) return null;
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  // Both ends must be of one kind: cells, whole columns or whole rows.
  if ((c1 === undefined) !== (c2 === undefined) || (r1 === undefined) !== (r2 === undefined)) return null;
  if (c1 === undefined && r1 === undefined) return null;
  const top = r1 === undefined ? 0 : Number(r1) - 1;
  const bottom = r2 === undefined ? MAX_ROWS - 1 : Number(r2) - 1;
  const left = c1 === undefined ? 0 : columnIndex(c1);
  const right = c2 === undefined ? MAX_COLUMNS - 1 : columnIndex(c2);
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom) + 1, right: Math.max(left, right) + 1 };
}
