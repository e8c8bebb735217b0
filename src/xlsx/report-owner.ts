/**
 * Which report sheets belong to the add-in and may be replaced on the next run.
 *
 * The marker is a hidden, worksheet-scoped defined name `ABC_ReportOwner` on each report sheet, whose
 * value is a text constant. It was chosen over a cell or a custom property because it survives renaming
 * and moving the sheet, is invisible to the user, costs no cell the user could overwrite, and Office.js
 * can read it too (`worksheet.names.getItemOrNullObject('ABC_ReportOwner')`, hidden names included).
 * A sheet named like a report sheet without the marker is the user's, and is never overwritten.
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { REPORT_SHEET_ORDER } from '../workbook/report-layout';
import { OWNER_NAME } from '../workbook/report-owner';
import type { LoadedWorkbook, WorkbookSheet } from './load-workbook';
import { findSheet } from './read-ranges';

export { OWNER_NAME, OWNER_VALUE } from '../workbook/report-owner';

/** Names (as in the workbook) of the sheets that carry the marker. */
export function ownedSheets(loaded: Pick<LoadedWorkbook, 'info'>): Set<string> {
  const owned = new Set<string>();
  for (const d of loaded.info.definedNames) {
    if (d.localSheetId === null || nameKey(d.name) !== nameKey(OWNER_NAME)) continue;
    const sheet = loaded.info.sheets[d.localSheetId];
    if (sheet !== undefined) owned.add(sheet.name);
  }
  return owned;
}

/** What to do with existing sheets that carry a report sheet's name (Excel compares sheet names ignoring case). */
export interface ReportSheetPlan {
  /** Our earlier report sheets, to be replaced in place. */
  replace: WorkbookSheet[];
  /** The user's sheets with one of our names: the run must stop rather than overwrite them. */
  issues: Issue[];
}

/** Looks for the report sheets' names among the workbook's sheets. */
export function planReportSheets(loaded: Pick<LoadedWorkbook, 'info' | 'sheets'>, names: readonly string[] = REPORT_SHEET_ORDER): ReportSheetPlan {
  const owned = ownedSheets(loaded);
  const replace: WorkbookSheet[] = [];
  const issues: Issue[] = [];
  for (const name of names) {
    const ws = findSheet(loaded, name);
    if (ws === undefined) continue;
    if (owned.has(ws.name)) {
      replace.push(ws);
    } else {
      issues.push(
        error(
          'REPORT_SHEET_TAKEN',
          msg('reportSheetTaken', { sheet: ws.name }),
          { sheet: ws.name, value: `sheet "${ws.name}"` },
        ),
      );
    }
  }
  return { replace, issues };
}
