/**
 * Where each report sheet of a refresh is written first (a temporary sheet) and where it ends up (an owned
 * sheet updated in place, or the temporary sheet renamed), with the names that keep renames clear of each
 * other.
 */
import { nameKey } from '../engine/model';
import type { ReportSheet } from '../workbook/report-types';
import type { SheetInfo } from './report-sheets';
import { temporaryName } from './sheet-names';

export { temporaryName };

/** One report sheet of a refresh: where it is written first and where it ends up. */
export interface Placement {
  sheet: ReportSheet;
  temporary: string;
  /** The owned sheet updated in place, or null for a report sheet the workbook does not have yet. */
  owned: SheetInfo | null;
  /** The owner mark's value for this sheet: its role's, or the old value for a sheet of no known role. */
  mark: string;
  /**
   * A name the owned sheet passes through when renamed to a name another renamed sheet still holds (owned
   * sheets whose names were swapped); null when it is renamed directly or not at all.
   */
  interim: string | null;
}

/**
 * Owned sheets renamed to a name another renamed sheet still holds (their names swapped) pass through an
 * unused name first, since Excel refuses a name in use; otherwise each is renamed directly.
 */
export function planInterimNames(placements: Placement[], taken: Set<string>): void {
  const renamed = placements.filter((p) => p.owned !== null && nameKey(p.owned.name) !== nameKey(p.sheet.name));
  const held = new Set(renamed.map((p) => nameKey((p.owned as SheetInfo).name)));
  if (!renamed.some((p) => held.has(nameKey(p.sheet.name)))) return;
  for (const p of renamed) p.interim = temporaryName(p.sheet.name, taken);
}
