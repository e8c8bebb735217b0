/**
 * The marks of the add-in's report sheets, and which existing sheet each report sheet of a refresh updates.
 *
 * The owner mark is shared with the headless runner (src/workbook/report-owner.ts): a hidden
 * worksheet-scoped name whose value names the sheet's role (`"ABC report: pnl"`), so a sheet is found by
 * its role whatever its name or language; a sheet marked before the value named the role (`OWNER_VALUE`)
 * is told by its name, in English or Dutch, as the runner does (src/xlsx/report-owner.ts).
 */
import { nameKey } from '../engine/model';
import { ownerRole } from '../workbook/report-owner';
import { REPORT_LANGUAGES, type ReportLanguage, reportSheetNames, roleOfSheetName } from '../workbook/report-text';
import type { ReportRole, ReportSheet, StatementRole } from '../workbook/report-types';

export { OWNER_NAME, OWNER_VALUE, ownerValue } from '../workbook/report-owner';

/**
 * The mark of a sheet a refresh writes before the swap (besides the owner mark): a hidden worksheet-scoped
 * name. A sheet carrying it at the start of a refresh is a leftover of a refresh that died half-way and is
 * deleted; its name (`~1 ABC Summary`) is never the reason, since a sheet of the user's may have one like it.
 */
export const TEMP_NAME = 'ABC_ReportTemp';
export const TEMP_VALUE = '"temporary"';

/**
 * The mark of a report sheet whose update in place was interrupted: a hidden worksheet-scoped name, put on
 * before the first cell changes and taken off after the last, with the incomplete notice in A1 meanwhile.
 */
export const INCOMPLETE_NAME = 'ABC_ReportIncomplete';
export const INCOMPLETE_VALUE = '"incomplete"';

/** What A1 of a half-updated report sheet says, in the report's language (typed: both must be there). */
export const INCOMPLETE_NOTICE: { readonly [L in ReportLanguage]: string } = {
  en: 'INCOMPLETE: the last Refresh stopped before this report was fully updated. Press Refresh report in the Customer P&L pane to finish it.',
  nl: 'ONVOLLEDIG: de laatste vernieuwing is gestopt voordat dit rapport helemaal was bijgewerkt. Kies Rapport vernieuwen in het venster Klant-W&V om het af te maken.',
};

/**
 * The role of a sheet carrying the owner mark whose formula is `formula`: the role the mark names, else
 * (an old mark) the role the sheet's name has in any language, else null. The runner's rule, from the
 * same shared functions.
 */
export function markedRole(formula: string, sheetName: string): string | null {
  return ownerRole(formula) ?? roleOfSheetName(sheetName);
}

/** The role a report sheet to be written is marked with: its own, else the one its name has. */
export function targetRole(sheet: Pick<ReportSheet, 'name' | 'role'>): ReportRole | StatementRole | null {
  return sheet.role ?? roleOfSheetName(sheet.name);
}

/**
 * The language a report was laid out in, told by its sheet names (the layout names each role in its
 * language); English when no sheet says.
 */
export function reportLanguageOf(sheets: ReadonlyArray<Pick<ReportSheet, 'name' | 'role'>>): ReportLanguage {
  for (const sheet of sheets) {
    const role = targetRole(sheet);
    if (role === null) continue;
    const language = REPORT_LANGUAGES.find((l) => (reportSheetNames(l) as Record<string, string | undefined>)[role] === sheet.name);
    if (language !== undefined) return language;
  }
  return 'en';
}

/** A sheet of the workbook as the plan sees it (temporary leftovers left out). */
export interface PlannedSheet {
  name: string;
  /** Carries the owner mark. */
  owned: boolean;
  /** The role of an owned sheet (`markedRole`); null for the user's sheets and owned sheets of no known role. */
  role: string | null;
}

/** What a refresh does with the existing sheets. */
export interface OwnedSheetPlan<S extends PlannedSheet> {
  /** For each report sheet (by its index), the owned sheet updated in place (renamed when its name differs), or null. */
  owned: Array<S | null>;
  /** Sheets that hold a report sheet's name and may not be overwritten: the refresh stops, naming them. */
  taken: S[];
}

/** Of several sheets marked with one role (a copied sheet keeps the mark), the one named as wanted, else as the role, else the first. */
function pick<S extends PlannedSheet>(candidates: readonly S[], name: string, role: string): S | undefined {
  const key = nameKey(name);
  return candidates.find((s) => nameKey(s.name) === key) ?? candidates.find((s) => roleOfSheetName(s.name) === role) ?? candidates[0];
}

/**
 * Finds the owned sheet each report sheet updates, as the runner does (src/xlsx/report-owner.ts): the
 * sheet marked with its role, else an owned sheet of its name. A sheet holding a report sheet's name that
 * is not ours, or ours but updated by no report sheet and not renamed away, is taken: two sheets cannot
 * share a name.
 */
export function planOwnedSheets<S extends PlannedSheet>(
  existing: readonly S[],
  targets: ReadonlyArray<{ name: string; role: string | null }>,
): OwnedSheetPlan<S> {
  const owned: Array<S | null> = targets.map(() => null);
  const claimed = new Set<S>();
  targets.forEach((t, i) => {
    if (t.role === null) return;
    const candidates = existing.filter((s) => s.owned && s.role === t.role && !claimed.has(s));
    const s = pick(candidates, t.name, t.role);
    if (s === undefined) return;
    claimed.add(s);
    owned[i] = s;
  });
  const taken: S[] = [];
  targets.forEach((t, i) => {
    const holder = existing.find((s) => nameKey(s.name) === nameKey(t.name));
    // Held by nobody, by the sheet this target updates, or by one another target renames away.
    if (holder === undefined || owned[i] === holder || claimed.has(holder)) return;
    if (owned[i] === null && holder.owned) {
      claimed.add(holder);
      owned[i] = holder;
    } else taken.push(holder);
  });
  return { owned, taken };
}
