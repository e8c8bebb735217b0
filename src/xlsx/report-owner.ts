/**
 * Which report sheets belong to the add-in and may be replaced on the next run.
 *
 * The marker is a hidden, worksheet-scoped defined name `ABC_ReportOwner` on each report sheet, whose
 * value is a text constant. It was chosen over a cell or a custom property because it survives renaming
 * and moving the sheet, is invisible to the user, costs no cell the user could overwrite, and Office.js
 * can read it too (`worksheet.names.getItemOrNullObject('ABC_ReportOwner')`, hidden names included).
 * A sheet named like a report sheet without the marker is the user's, and is never overwritten.
 *
 * The marker names the sheet's role (see workbook/report-owner.ts), so an earlier report sheet is found
 * by its role whatever its name or language, and renamed when the new report calls it differently;
 * sheets marked before the role was written are told by their name, in any language.
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { REPORT_ROLES, type ReportLanguage, reportSheetNames, roleOfSheetName } from '../workbook/report-layout';
import { OWNER_NAME, ownerRole } from '../workbook/report-owner';
import type { ReportRole } from '../workbook/report-types';
import type { LoadedWorkbook, WorkbookSheet } from './load-workbook';
import { findSheet } from './read-ranges';

export { OWNER_NAME, OWNER_VALUE, ownerRole, ownerValue } from '../workbook/report-owner';

/**
 * The sheets that carry the marker, by their index, with the role it names; for a mark that names none
 * (written before roles), the role its sheet's name has in any language, or null.
 */
export function ownedSheetRoles(loaded: Pick<LoadedWorkbook, 'info'>): Map<number, string | null> {
  const owned = new Map<number, string | null>();
  for (const d of loaded.info.definedNames) {
    if (d.localSheetId === null || nameKey(d.name) !== nameKey(OWNER_NAME)) continue;
    const sheet = loaded.info.sheets[d.localSheetId];
    if (sheet !== undefined) owned.set(d.localSheetId, ownerRole(d.formula) ?? roleOfSheetName(sheet.name));
  }
  return owned;
}

/** Names (as in the workbook) of the sheets that carry the marker. */
export function ownedSheets(loaded: Pick<LoadedWorkbook, 'info'>): Set<string> {
  const owned = new Set<string>();
  for (const index of ownedSheetRoles(loaded).keys()) {
    const sheet = loaded.info.sheets[index];
    if (sheet !== undefined) owned.add(sheet.name);
  }
  return owned;
}

/** A report sheet to be written: its name, and its role when known (the mark that finds it again). */
export interface ReportTarget {
  name: string;
  role: string | null;
}

/** The report sheets of a language as targets, in the order they are added. */
export function reportTargets(language: ReportLanguage = 'en', optional: readonly ReportRole[] = []): ReportTarget[] {
  const names = reportSheetNames(language);
  return [...REPORT_ROLES, ...optional].map((role) => ({ name: names[role], role }));
}

/** What to do with existing sheets that carry a report sheet's name (Excel compares sheet names ignoring case). */
export interface ReportSheetPlan {
  /** Our earlier report sheets, to be replaced in place. */
  replace: WorkbookSheet[];
  /** The earlier sheet each target replaces, by the target's name as `nameKey` gives it. */
  byTarget: Map<string, WorkbookSheet>;
  /** The user's sheets with one of our names: the run must stop rather than overwrite them. */
  issues: Issue[];
}

/** Of several sheets marked with one role (a copied sheet keeps the mark), the one named as wanted, else as the role, else the first. */
function pickSheet(candidates: readonly WorkbookSheet[], target: ReportTarget): WorkbookSheet | undefined {
  const key = target.name.toLowerCase();
  return (
    candidates.find((ws) => ws.name.toLowerCase() === key) ??
    candidates.find((ws) => roleOfSheetName(ws.name) === target.role) ??
    candidates[0]
  );
}

/**
 * Finds the earlier report sheet each target replaces: the sheet marked with its role (renamed when its
 * name differs), else an owned sheet of its name. A sheet that holds a target's name and is not ours, or
 * is ours but replaced by no target, stops the run: two sheets cannot share a name. Targets given as bare
 * names get the role their name has.
 */
export function planReportSheets(
  loaded: Pick<LoadedWorkbook, 'info' | 'sheets'>,
  wanted: ReadonlyArray<string | ReportTarget> = reportTargets('en'),
): ReportSheetPlan {
  const targets = wanted.map((t) => (typeof t === 'string' ? { name: t, role: roleOfSheetName(t) } : t));
  const owned = ownedSheetRoles(loaded);
  const byTarget = new Map<string, WorkbookSheet>();
  const claimed = new Set<number>();
  for (const target of targets) {
    if (target.role === null) continue;
    const candidates = loaded.sheets.filter((ws) => owned.get(ws.index) === target.role && !claimed.has(ws.index));
    const ws = pickSheet(candidates, target);
    if (ws === undefined) continue;
    claimed.add(ws.index);
    byTarget.set(nameKey(target.name), ws);
  }
  const issues: Issue[] = [];
  for (const target of targets) {
    const ws = findSheet(loaded, target.name);
    if (ws === undefined) continue;
    const mine = byTarget.get(nameKey(target.name));
    if (mine === ws) continue;
    // Claimed by another target: it is renamed to that target's name, so this name becomes free.
    if (claimed.has(ws.index)) continue;
    if (mine === undefined && owned.has(ws.index)) {
      claimed.add(ws.index);
      byTarget.set(nameKey(target.name), ws);
    } else {
      issues.push(
        error(
          'REPORT_SHEET_TAKEN',
          msg('reportSheetTaken', { sheet: ws.name }),
          // Its first cell: a location Excel can go to, in no language.
          { sheet: ws.name, cell: 'A1' },
        ),
      );
    }
  }
  const replace = targets.flatMap((t) => {
    const ws = byTarget.get(nameKey(t.name));
    return ws === undefined ? [] : [ws];
  });
  return { replace, byTarget, issues };
}
