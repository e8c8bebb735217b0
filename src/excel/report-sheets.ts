/// <reference types="office-js" />
/**
 * The workbook's sheets as a refresh sees them: listed with the report's marks, visibility and protection;
 * leftovers of a refresh that died deleted; the sheets of a failed or cancelled action removed.
 */
import { nameKey } from '../engine/model';
import { SyncCounter } from './context';
import { INCOMPLETE_NAME, OWNER_NAME, TEMP_NAME, markedRole } from './owner';

/** A sheet of the workbook as a refresh sees it. */
export interface SheetInfo {
  name: string;
  /** Carries the owner mark: the add-in's. */
  owned: boolean;
  /** The owner mark's formula (`="ABC report: pnl"`), null without the mark. */
  mark: string | null;
  /** The role of an owned sheet: the one its mark names, else (an old mark) the one its name has; else null. */
  role: string | null;
  /** Carries the temporary mark: a sheet an action writes before its swap (this one's, another session's, or a leftover). */
  temporary: boolean;
  /** The temporary mark's formula (`="temporary <session> <time>"`, see temp-mark.ts), null without the mark. */
  tempMark: string | null;
  /** Carries the incomplete mark: an update in place that did not finish. */
  incomplete: boolean;
  visibility: string;
  protected: boolean;
  /** The sheet's AutoFilter hides rows or holds a sort: cells written over it would land in the wrong rows. */
  filtered: boolean;
  /** Rows and columns from A1 to the last cell holding a value: the old report's area, whose formats a refresh may clear. */
  extent: { rows: number; columns: number };
}

/** The sheets of the workbook with their marks, visibility and protection, and the workbook's protection: two syncs. */
export async function listSheets(
  context: Excel.RequestContext,
  counter: SyncCounter,
): Promise<{ sheets: SheetInfo[]; workbookProtected: boolean }> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  const protection = context.workbook.protection.load('protected');
  await counter.sync(context);
  const marks = sheets.items.map((ws) => {
    const mark = (name: string): Excel.NamedItem => ws.names.getItemOrNullObject(name).load('isNullObject,formula');
    return {
      ws,
      owner: mark(OWNER_NAME),
      temporary: mark(TEMP_NAME),
      incomplete: mark(INCOMPLETE_NAME),
      protection: ws.protection.load('protected'),
      // AutoFilter (ExcelApi 1.9): filter criteria or a sort on the sheet (isDataFiltered covers both).
      filter: ws.autoFilter.load('enabled,isDataFiltered'),
      used: ws.getUsedRangeOrNullObject(true).load('isNullObject,rowIndex,columnIndex,rowCount,columnCount'),
    };
  });
  await counter.sync(context);
  return {
    workbookProtected: protection.protected,
    sheets: marks.map((m) => ({
      name: m.ws.name,
      owned: !m.owner.isNullObject,
      mark: m.owner.isNullObject ? null : String(m.owner.formula),
      role: m.owner.isNullObject ? null : markedRole(String(m.owner.formula), m.ws.name),
      temporary: !m.temporary.isNullObject,
      tempMark: m.temporary.isNullObject ? null : String(m.temporary.formula),
      incomplete: !m.incomplete.isNullObject,
      visibility: String(m.ws.visibility),
      protected: m.protection.protected,
      filtered: m.filter.enabled && m.filter.isDataFiltered,
      extent: m.used.isNullObject ? { rows: 0, columns: 0 } : { rows: m.used.rowIndex + m.used.rowCount, columns: m.used.columnIndex + m.used.columnCount },
    })),
  };
}

/** Queues the deletion of leftover sheets; a very hidden sheet must be made hidden before Excel deletes it. */
export function queueDeleteLeftovers(context: Excel.RequestContext, leftovers: readonly SheetInfo[]): void {
  for (const s of leftovers) {
    const ws = context.workbook.worksheets.getItem(s.name);
    if (s.visibility === 'VeryHidden') ws.visibility = 'Hidden';
    ws.delete();
  }
}

/** Deletes sheets the action added, when it failed or was cancelled; a failure here is not worth hiding the first. */
export async function removeSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  // Not cancellable (it is what Cancel asks for), but still time-limited, and skipped at once when a sync
  // of this batch never answered.
  const counter = new SyncCounter();
  try {
    const sheets = context.workbook.worksheets.load('items/name');
    await counter.sync(context, 'cleanup');
    const doomed = new Set(names.map(nameKey));
    for (const ws of sheets.items) if (doomed.has(nameKey(ws.name))) ws.delete();
    await counter.sync(context, 'cleanup');
  } catch {
    // The original error is what the user needs to see.
  }
}
