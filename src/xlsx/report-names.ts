/**
 * The report's table and cell names (report-tables.ts) against the workbook's: Excel keeps tables and
 * defined names in one namespace, so a user's own `ABC_PnL` (a table, or a name) would be overwritten or
 * make the file one Excel repairs. An earlier report's names are the report's own: a workbook-scoped name
 * that refers to a report sheet the add-in owns, a table on a report sheet being replaced.
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { REPORT_DEFINED_NAMES, sheetOfReference, sheetReportNames } from '../workbook/report-tables';
import type { ReportSheet } from '../workbook/report-types';
import type { LoadedWorkbook } from './load-workbook';
import { readTables } from './tables';

/** What to do with the workbook's names that the report uses. */
export interface ReportNamesPlan {
  /** The user's tables and names with a report name: the run stops rather than overwrite them. */
  issues: Issue[];
  /** Indexes (in `info.definedNames`) of an earlier report's names, replaced by the new ones. */
  earlier: Set<number>;
}

/**
 * Plans the report's names: `owned` are the indexes of the sheets that carry the report's mark, `replaced`
 * those the new report is written over (their tables go with their old content).
 */
export async function planReportNames(
  loaded: LoadedWorkbook,
  sheets: readonly ReportSheet[],
  owned: ReadonlySet<number>,
  replaced: ReadonlySet<number>,
): Promise<ReportNamesPlan> {
  const wanted = new Set(sheets.flatMap(sheetReportNames).map(nameKey));
  const ours = new Set(REPORT_DEFINED_NAMES.map(nameKey));
  const ownedNames = new Set(loaded.sheets.filter((s) => owned.has(s.index)).map((s) => nameKey(s.name)));
  const issues: Issue[] = [];
  const earlier = new Set<number>();
  loaded.info.definedNames.forEach((d, i) => {
    const key = nameKey(d.name);
    if (d.localSheetId !== null || !ours.has(key)) return;
    const sheet = sheetOfReference(d.formula);
    if (sheet !== null && ownedNames.has(nameKey(sheet))) earlier.add(i);
    else if (wanted.has(key)) issues.push(error('REPORT_NAME_TAKEN', msg('reportNameTaken', { name: d.name }), { range: d.name }));
  });
  if (wanted.size > 0) {
    const replacedNames = new Set(loaded.sheets.filter((s) => replaced.has(s.index)).map((s) => nameKey(s.name)));
    for (const t of await readTables(loaded)) {
      const named = wanted.has(nameKey(t.name)) || wanted.has(nameKey(t.displayName));
      if (!named || replacedNames.has(nameKey(t.sheet))) continue;
      issues.push(error('REPORT_NAME_TAKEN', msg('reportNameTaken', { name: t.name }), { range: t.name, sheet: t.sheet, cell: t.ref }));
    }
  }
  return { issues, earlier };
}
