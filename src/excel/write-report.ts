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
import { columnLetters } from '../workbook/grid';
import { numberFormat } from '../workbook/report-layout';
import type { ReportRow, ReportSheet, RowStyle } from '../workbook/report-types';
import { WHALE_CHART_NAME } from '../workbook/whale-curve';
import type { ActionOptions, WriteOutcome } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import {
  INCOMPLETE_NAME,
  INCOMPLETE_NOTICE,
  INCOMPLETE_VALUE,
  OWNER_NAME,
  OWNER_VALUE,
  TEMP_NAME,
  TEMP_VALUE,
  markedRole,
  ownerValue,
  planOwnedSheets,
  reportLanguageOf,
  targetRole,
} from './owner';
import { type WriteCell, setColumnWidths, writeBlock } from './write-cells';
import { removeReportChart, writeReportChart } from './write-chart';

/** Excel's last row; whole rows below a report are cleared as `n:1048576`. */
const LAST_ROW = 1_048_576;
/** Excel's number of columns (XFD). */
const LAST_COLUMN = 16_384;

/** Rows whose styling is queued per sync; styling requests are small. */
const STYLE_ROWS_PER_SYNC = 400;

/** A sheet of the workbook as a refresh sees it. */
export interface SheetInfo {
  name: string;
  /** Carries the owner mark: the add-in's. */
  owned: boolean;
  /** The owner mark's formula (`="ABC report: pnl"`), null without the mark. */
  mark: string | null;
  /** The role of an owned sheet: the one its mark names, else (an old mark) the one its name has; else null. */
  role: string | null;
  /** Carries the temporary mark: a leftover of a refresh that did not finish. */
  temporary: boolean;
  /** Carries the incomplete mark: an update in place that did not finish. */
  incomplete: boolean;
  visibility: string;
  protected: boolean;
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
    const mark = (name: string): Excel.NamedItem => ws.names.getItemOrNullObject(name).load('isNullObject');
    const owner = ws.names.getItemOrNullObject(OWNER_NAME).load('isNullObject,formula');
    return { ws, owner, temporary: mark(TEMP_NAME), incomplete: mark(INCOMPLETE_NAME), protection: ws.protection.load('protected') };
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
      incomplete: !m.incomplete.isNullObject,
      visibility: String(m.ws.visibility),
      protected: m.protection.protected,
    })),
  };
}

/** Queues the deletion of leftover sheets; a very hidden sheet must be made hidden before Excel deletes it. */
function queueDeleteLeftovers(context: Excel.RequestContext, leftovers: readonly SheetInfo[]): void {
  for (const s of leftovers) {
    const ws = context.workbook.worksheets.getItem(s.name);
    if (s.visibility === 'VeryHidden') ws.visibility = 'Hidden';
    ws.delete();
  }
}

/** A sheet name not yet in use, for writing before the swap. */
function temporaryName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const candidate = `~${i} ${name}`.slice(0, 31);
    if (!taken.has(nameKey(candidate))) {
      taken.add(nameKey(candidate));
      return candidate;
    }
  }
}

/** The cells of a report sheet with their number formats. */
function reportCells(sheet: ReportSheet, currency: string): WriteCell[][] {
  return sheet.rows.map((row) => row.cells.map((c) => ({ value: c.value, numberFormat: numberFormat(c.format, currency) })));
}

/** Queues the font, fill and borders of one row style, as the runner's .xlsx writer draws them. */
function styleRange(range: Excel.Range, style: RowStyle): void {
  switch (style) {
    case 'title':
      range.format.font.bold = true;
      range.format.font.size = 14;
      break;
    case 'note':
      range.format.font.italic = true;
      range.format.font.color = '#595959';
      break;
    case 'section':
      range.format.font.bold = true;
      range.format.font.size = 12;
      break;
    case 'header': {
      range.format.font.bold = true;
      range.format.fill.color = '#D9E1F2';
      range.format.wrapText = true;
      range.format.verticalAlignment = 'Bottom';
      const edge = range.format.borders.getItem('EdgeBottom');
      edge.style = 'Continuous';
      edge.color = '#808080';
      break;
    }
    case 'total': {
      range.format.font.bold = true;
      const edge = range.format.borders.getItem('EdgeTop');
      edge.style = 'Continuous';
      edge.color = '#808080';
      break;
    }
    case 'body':
      break;
  }
}

/** The columns a row's style covers: the whole row for header and total bands, else the written cells. */
function styledWidth(row: ReportRow): number {
  if (row.style === 'header' || row.style === 'total') return row.cells.length;
  let last = 0;
  row.cells.forEach((c, i) => {
    if (c.value !== null) last = i + 1;
  });
  return last;
}

/** Styles, widths and freeze panes of a written sheet: after the values, in few syncs. */
async function formatSheet(context: Excel.RequestContext, counter: SyncCounter, sheetName: string, sheet: ReportSheet): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  let queued = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] as ReportRow;
    const width = styledWidth(row);
    if (row.style === 'body' || width === 0) continue;
    styleRange(ws.getRangeByIndexes(r, 0, 1, width), row.style);
    if (++queued >= STYLE_ROWS_PER_SYNC) {
      await counter.sync(context);
      queued = 0;
    }
  }
  setColumnWidths(ws, sheet.columnWidths);
  freeze(ws, sheet, false);
  printSetup(ws, sheet);
  await counter.sync(context);
}

/** One page wide when the layout asks for it (Excel's "Fit All Columns on One Page": 0 pages tall is as many as needed). */
function printSetup(ws: Excel.Worksheet, sheet: ReportSheet): void {
  if (sheet.printOnePageWide === undefined) return;
  ws.pageLayout.orientation = sheet.printOnePageWide === 'landscape' ? 'Landscape' : 'Portrait';
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
}

/**
 * Owned sheets renamed to a name another renamed sheet still holds (their names swapped) pass through an
 * unused name first, since Excel refuses a name in use; otherwise each is renamed directly.
 */
function planInterimNames(placements: Placement[], taken: Set<string>): void {
  const renamed = placements.filter((p) => p.owned !== null && nameKey(p.owned.name) !== nameKey(p.sheet.name));
  const held = new Set(renamed.map((p) => nameKey((p.owned as SheetInfo).name)));
  if (!renamed.some((p) => held.has(nameKey(p.sheet.name)))) return;
  for (const p of renamed) p.interim = temporaryName(p.sheet.name, taken);
}

/** One report sheet of a refresh: where it is written first and where it ends up. */
interface Placement {
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

/** Rows and columns of a report sheet's content. */
function extent(sheet: ReportSheet): { rows: number; columns: number } {
  return { rows: sheet.rows.length, columns: Math.max(1, ...sheet.rows.map((r) => r.cells.length)) };
}

/** Freeze panes of a sheet as the layout says, replacing whatever the sheet had. */
function freeze(ws: Excel.Worksheet, sheet: ReportSheet, replace: boolean): void {
  const { rows, columns } = sheet.freeze;
  if (replace) ws.freezePanes.unfreeze();
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
}

/** Swap step 2a: every sheet to update says it is incomplete before any of its cells change. */
function queueMarkIncomplete(context: Excel.RequestContext, updates: readonly Placement[], notice: string): void {
  for (const p of updates) {
    const owned = p.owned as SheetInfo;
    const ws = context.workbook.worksheets.getItem(owned.name);
    if (!owned.incomplete) ws.names.add(INCOMPLETE_NAME, `=${INCOMPLETE_VALUE}`).visible = false;
    const a1 = ws.getRange('A1');
    a1.numberFormat = [['@']];
    a1.values = [[notice]];
  }
}

/** Swap step 2b: the new content over the owned sheet (all but A1, which keeps the notice), the rest cleared. */
function queueCopyContent(context: Excel.RequestContext, p: Placement): void {
  const owned = p.owned as SheetInfo;
  const ws = context.workbook.worksheets.getItem(owned.name);
  const from = context.workbook.worksheets.getItem(p.temporary);
  const { rows, columns } = extent(p.sheet);
  if (rows < LAST_ROW) ws.getRange(`${rows + 1}:${LAST_ROW}`).clear('All');
  if (columns < LAST_COLUMN) ws.getRange(`${columnLetters(columns + 1)}:${columnLetters(LAST_COLUMN)}`).clear('All');
  if (rows > 1) ws.getRangeByIndexes(1, 0, rows - 1, columns).copyFrom(from.getRangeByIndexes(1, 0, rows - 1, columns), 'All');
  if (columns > 1) ws.getRangeByIndexes(0, 1, 1, columns - 1).copyFrom(from.getRangeByIndexes(0, 1, 1, columns - 1), 'All');
  setColumnWidths(ws, p.sheet.columnWidths);
  freeze(ws, p.sheet, true);
  // Page settings are the sheet's, not its cells': copyFrom does not bring them.
  printSetup(ws, p.sheet);
}

/** Swap step 3: A1 back, marks off or renewed, owned sheets renamed, temporary sheets deleted or renamed into place. */
function queueFinish(context: Excel.RequestContext, placements: readonly Placement[]): void {
  const sheets = context.workbook.worksheets;
  for (const p of placements) {
    if (p.owned === null) continue;
    const ws = sheets.getItem(p.owned.name);
    ws.getRange('A1').copyFrom(sheets.getItem(p.temporary).getRange('A1'), 'All');
    ws.names.getItem(INCOMPLETE_NAME).delete();
    // The role's mark before any rename, so a sheet renamed by a batch that then fails is still found.
    if (p.owned.mark !== `=${p.mark}`) {
      ws.names.getItem(OWNER_NAME).delete();
      ws.names.add(OWNER_NAME, `=${p.mark}`).visible = false;
    }
    if (p.interim !== null) ws.name = p.interim;
    else if (nameKey(p.owned.name) !== nameKey(p.sheet.name)) ws.name = p.sheet.name;
  }
  for (const p of placements) if (p.owned !== null && p.interim !== null) sheets.getItem(p.interim).name = p.sheet.name;
  for (const p of placements) {
    const temp = sheets.getItem(p.temporary);
    if (p.owned !== null) temp.delete();
    else {
      // Renamed first, unmarked after: a failure in between leaves a marked leftover, never an unmarked stray.
      temp.name = p.sheet.name;
      temp.names.getItem(TEMP_NAME).delete();
    }
  }
}

/** Writes the report; see the module comment for the rules. */
export async function writeReport(
  run: ExcelRun,
  sheets: readonly ReportSheet[],
  currency: string,
  options: ActionOptions = {},
  cellBudget?: number,
): Promise<WriteOutcome> {
  const counter = new SyncCounter();
  try {
    return await run(async (context) => {
      const found = await listSheets(context, counter);
      const leftovers = found.sheets.filter((s) => s.temporary);
      const targets = sheets.map((s) => ({ name: s.name, role: targetRole(s) }));
      const plan = planOwnedSheets(found.sheets.filter((s) => !s.temporary), targets);
      if (plan.taken.length > 0) throw new GatewayError('sheetTaken', plan.taken.map((s) => s.name));
      if (found.workbookProtected) throw new GatewayError('protected', []);
      const locked = plan.owned.flatMap((s) => (s !== null && s.protected ? [s.name] : []));
      if (locked.length > 0) throw new GatewayError('protected', locked);

      const names = new Set(found.sheets.map((s) => nameKey(s.name)));
      const placements: Placement[] = sheets.map((sheet, i) => {
        const role = targets[i]?.role ?? null;
        return { sheet, temporary: temporaryName(sheet.name, names), owned: plan.owned[i] ?? null, mark: role === null ? OWNER_VALUE : ownerValue(role), interim: null };
      });
      planInterimNames(placements, names);
      const temporary = placements.map((p) => p.temporary);
      const notice = INCOMPLETE_NOTICE[reportLanguageOf(sheets)];
      const total = sheets.reduce((n, s) => n + s.rows.length, 0);
      try {
        queueDeleteLeftovers(context, leftovers);
        for (const p of placements) {
          const ws = context.workbook.worksheets.add(p.temporary);
          ws.names.add(OWNER_NAME, `=${p.mark}`).visible = false;
          ws.names.add(TEMP_NAME, `=${TEMP_VALUE}`).visible = false;
        }
        await counter.sync(context);
        let before = 0;
        for (const p of placements) {
          before += await writeBlock(context, counter, p.temporary, reportCells(p.sheet, currency), { options, stage: 'writing', before, total }, undefined, cellBudget);
          await formatSheet(context, counter, p.temporary, p.sheet);
        }
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
          for (const p of updates) queueCopyContent(context, p);
          await counter.sync(context);
        }
        queueFinish(context, placements);
        const first = sheets[0];
        if (first !== undefined) context.workbook.worksheets.getItem(first.name).activate();
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
      }
      return { sheets: sheets.map((s) => s.name), replaced: updates.map((p) => (p.owned as SheetInfo).name), syncs: counter.count };
    });
  } catch (err) {
    throw toGatewayError(err);
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
