/// <reference types="office-js" />
/**
 * Writes the report sheets (the layout `buildReportSheets` describes, the same the runner's .xlsx writer
 * renders) into the open workbook.
 *
 * Ownership: a sheet carrying the hidden worksheet-scoped name `ABC_ReportOwner` is the add-in's (or the
 * runner's: the same mark); a sheet of the user's with a report sheet's name stops the run before anything
 * is written. The mark names the sheet's role (`"ABC report: pnl"`), so an owned sheet is found by its role
 * whatever its name: a report in the other language renames it in place (Excel rewrites the references to a
 * renamed sheet) instead of adding a second set. Old marks, which name no role, are told by the sheet's
 * name in English or Dutch (see owner.ts).
 *
 * References survive a refresh: a report sheet the add-in owns is updated in place, never deleted and
 * re-created, because Excel turns every reference to a deleted sheet (a formula `='ABC Summary'!B3`, a
 * VLOOKUP, a defined name, a chart series) into `#REF!` for good; a new sheet of the same name does not
 * bring them back.
 *
 * Whole or nothing, in three steps:
 * 1. The new content is written into temporary sheets (marked with the owner mark and `ABC_ReportTemp`), in
 *    as many syncs as it takes. A failure or Cancel here deletes them and leaves the old report untouched.
 * 2. The swap, in two syncs: first every sheet to update gets the mark `ABC_ReportIncomplete` and a notice
 *    in A1 saying it is incomplete; then each temporary sheet's content is copied over its owned sheet
 *    (`Range.copyFrom`, values and formats, all but A1) and what lies below and right of the new content
 *    is cleared (a report with fewer customers). Column widths and freeze panes are set on the sheet.
 * 3. The finish, one sync: A1 is copied (the notice goes), the incomplete marks are removed, an old owner
 *    mark becomes the role's, an owned sheet whose name differs (the other language) is renamed, the
 *    temporary sheets deleted; a report sheet that did not exist yet is the temporary sheet renamed.
 * A failure during 2 or 3 leaves sheets that say at the top that they are incomplete; the pane says so and
 * the next Refresh finishes them. Leftover temporary sheets of a refresh that died (the pane closed, the
 * connection lost) are found by their mark at the start of the next refresh and deleted, very hidden ones
 * included (Excel refuses to delete a very hidden sheet, so it is made hidden first).
 *
 * Protection is checked before anything is written: a protected workbook structure (sheets cannot be
 * added) or a protected report sheet stops the run with the sheet named.
 */
import { nameKey } from '../engine/model';
import { alignSheetHeaders } from '../workbook/header-alignment';
import { numberFormat } from '../workbook/report-layout';
import type { ReportSheet } from '../workbook/report-types';
import { WHALE_CHART_NAME } from '../workbook/whale-curve';
import type { ActionOptions, WriteOutcome } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { INCOMPLETE_NOTICE, OWNER_NAME, OWNER_VALUE, TEMP_NAME, ownerValue, planOwnedSheets, reportLanguageOf, targetRole } from './owner';
import { type Placement, planInterimNames, temporaryName } from './report-placements';
import { type SheetInfo, listSheets, queueDeleteLeftovers, removeSheets } from './report-sheets';
import { queueCopyContent, queueFinish, queueMarkIncomplete } from './report-swap';
import { NumberFormatCheck } from './format-check';
import { loadExistingNames, takenNames } from './report-tables';
import { formatSheet } from './sheet-format';
import { SESSION_ID, isLeftoverTemp, tempMarkValue } from './temp-mark';
import type { SupportsSet } from './watch-model';
import { type WriteCell, safeFormat, writeBlock } from './write-cells';
import { BRIDGE_CHART_NAME, withStaleComparisonEmptied } from '../workbook/report-comparison';
import { TORNADO_CHART_NAME } from '../workbook/report-sensitivity';
import { removeReportChart, writeReportChart } from './write-chart';

/** The cells of a report sheet with their number formats. */
function reportCells(sheet: ReportSheet, currency: string): WriteCell[][] {
  return sheet.rows.map((row) => row.cells.map((c) => ({ value: c.value, numberFormat: numberFormat(c.format, currency) })));
}

/**
 * Writes the report; see the module comment for the rules. Headers over figures are aligned right here, for
 * every sheet whichever builder made it, as the runner's writer does (header-alignment.ts).
 */
export async function writeReport(
  run: ExcelRun,
  laid: readonly ReportSheet[],
  currency: string,
  options: ActionOptions = {},
  cellBudget?: number,
  supports: SupportsSet = () => false,
): Promise<WriteOutcome> {
  const counter = new SyncCounter();
  const aligned = alignSheetHeaders(laid);
  try {
    return await run(async (context) => {
      const found = await listSheets(context, counter);
      // An earlier comparison would no longer match the sheets written now: it is emptied with them.
      const hadComparison = found.sheets.some((s) => s.owned && !s.temporary && s.role === 'comparison');
      const sheets = withStaleComparisonEmptied(aligned, hadComparison, reportLanguageOf(aligned));
      const session = options.session ?? SESSION_ID;
      const now = Date.now();
      // Another session's temporary sheets (a co-author's Refresh still running) are left alone.
      const leftovers = found.sheets.filter((s) => s.temporary && isLeftoverTemp(s.tempMark ?? '', session, now));
      const targets = sheets.map((s) => ({ name: s.name, role: targetRole(s) }));
      const plan = planOwnedSheets(found.sheets.filter((s) => !s.temporary), targets);
      if (plan.taken.length > 0) throw new GatewayError('sheetTaken', plan.taken.map((s) => s.name));
      if (found.workbookProtected) throw new GatewayError('protected', []);
      const locked = plan.owned.flatMap((s) => (s !== null && s.protected ? [s.name] : []));
      if (locked.length > 0) throw new GatewayError('protected', locked);
      // The report's tables and figure names: a user's of those names stops the run; ours are kept, reshaped.
      const existing = await loadExistingNames(context, counter);
      const taken = takenNames(existing, sheets, found.sheets.filter((s) => s.owned && !s.temporary).map((s) => s.name));
      if (taken.length > 0) throw new GatewayError('nameTaken', taken);

      const names = new Set(found.sheets.map((s) => nameKey(s.name)));
      const placements: Placement[] = sheets.map((sheet, i) => {
        const role = targets[i]?.role ?? null;
        return { sheet, temporary: temporaryName(sheet.name, names), owned: plan.owned[i] ?? null, mark: role === null ? OWNER_VALUE : ownerValue(role), interim: null };
      });
      planInterimNames(placements, names);
      const temporary = placements.map((p) => p.temporary);
      const notice = INCOMPLETE_NOTICE[reportLanguageOf(sheets)];
      const total = sheets.reduce((n, s) => n + s.rows.length, 0);
      // Number formats a host of another region garbled are set again locally (format-check.ts).
      const formats = new NumberFormatCheck(context, supports);
      let formatsNotSet: Array<{ sheet: string; code: string }> = [];
      try {
        queueDeleteLeftovers(context, leftovers);
        for (const p of placements) {
          const ws = context.workbook.worksheets.add(p.temporary);
          ws.names.add(OWNER_NAME, `=${p.mark}`).visible = false;
          ws.names.add(TEMP_NAME, `=${tempMarkValue(session, now)}`).visible = false;
        }
        await counter.sync(context);
        let before = 0;
        for (const p of placements) {
          const cells = reportCells(p.sheet, currency);
          before += await writeBlock(context, counter, p.temporary, cells, { options, stage: 'writing', before, total }, undefined, cellBudget);
          formats.probe(context, p.temporary, cells.map((row) => row.map(safeFormat)));
          await formatSheet(context, counter, p.temporary, p.sheet);
        }
        const byTemporary = new Map(placements.map((p) => [p.temporary, p.sheet.name]));
        formatsNotSet = (await formats.settle(context, counter)).map((f) => ({ ...f, sheet: byTemporary.get(f.sheet) ?? f.sheet }));
      } catch (err) {
        await removeSheets(context, temporary);
        throw err;
      }
      // The swap: from here on the user's report changes; a failure leaves sheets that say so.
      const updates = placements.filter((p) => p.owned !== null);
      try {
        if (updates.length > 0) {
          queueMarkIncomplete(context, updates, notice);
          await counter.sync(context);
          for (const p of updates) queueCopyContent(context, p, existing.tables.filter((t) => nameKey(t.sheet) === nameKey((p.owned as SheetInfo).name)));
          await counter.sync(context);
        }
        queueFinish(context, placements, existing);
        // Excel refuses to activate a hidden sheet: the first report sheet the user can see is shown.
        const shown = placements.find((p) => p.owned === null || p.owned.visibility === 'Visible');
        if (shown !== undefined) context.workbook.worksheets.getItem(shown.sheet.name).activate();
        await counter.sync(context);
      } catch (err) {
        await removeSheets(context, updates.map((p) => p.temporary));
        const cause = toGatewayError(err);
        // Named as they were: a failure before the renames (the likelier) leaves them under their old names.
        throw new GatewayError('reportIncomplete', updates.map((p) => (p.owned as SheetInfo).name), cause.detail ?? cause.kind);
      }
      // Charts once every sheet has its final name, so their series read the report's cells by it. The
      // report is complete without them; a failure here is reported as it is.
      for (const s of sheets) {
        if (s.chart !== undefined) await writeReportChart(context, counter, s.name, s.chart);
        else if (s.role === 'summary') await removeReportChart(context, counter, s.name, WHALE_CHART_NAME);
        else if (s.role === 'comparison') await removeReportChart(context, counter, s.name, BRIDGE_CHART_NAME);
        else if (s.role === 'sensitivity') await removeReportChart(context, counter, s.name, TORNADO_CHART_NAME);
      }
      // A sheet's AutoFilter or a report table's own filter: both are cleared before the new cells land.
      const tableFiltered = (p: (typeof updates)[number]): boolean =>
        existing.tables.some((t) => t.filtered && nameKey(t.sheet) === nameKey((p.owned as SheetInfo).name));
      const filtersCleared = updates.flatMap((p) => ((p.owned as SheetInfo).filtered || tableFiltered(p) ? [p.sheet.name] : []));
      return { sheets: sheets.map((s) => s.name), replaced: updates.map((p) => (p.owned as SheetInfo).name), syncs: counter.count, filtersCleared, formatsNotSet };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}
