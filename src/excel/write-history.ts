/// <reference types="office-js" />
/**
 * Keep period in the open workbook (issue 20): the period's rows merged into `ABC_History`, the table on the
 * hidden sheet "ABC History" (nl "ABC Historie") that carries the owner mark with the role `history`, as the
 * runner's `--keep` writes it (workbook/history-sheet.ts).
 *
 * The table is never deleted and added again: Excel turns every structured reference to a deleted table
 * into #REF! for good. An existing one is reshaped in place (rows added or deleted at its end, as a report
 * table is, report-tables.ts) and its cells written over; a new one is written on a new sheet. The earlier
 * rows are read, merged and written in the same run, so a period kept again replaces its rows.
 * A table of the user's named ABC_History, or a sheet of the user's with the history sheet's name, stops
 * the keep before anything is written; so does a table whose rows cannot be told apart by period
 * (HISTORY_UNREADABLE, returned as an issue). The sheet is hidden again when a user showed it.
 */
import type { Issue } from '../engine/issues';
import { nameKey } from '../engine/model';
import type { CellValue, RangeGrid } from '../workbook/grid';
import { HISTORY_TABLE, historyRows, mergeHistory } from '../workbook/history-layout';
import type { PeriodFigures } from '../engine/compare/figures';
import { historySheet } from '../workbook/history-sheet';
import { numberFormat } from '../workbook/report-layout';
import type { ReportLanguage } from '../workbook/report-text';
import type { ReportTable } from '../workbook/report-types';
import type { ActionOptions, WriteOutcome } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { OWNER_NAME, ownerValue } from './owner';
import { listSheets } from './report-sheets';
import { type ExistingTable, queueAddTable, queueReshapeTable } from './report-tables';
import { formatSheet } from './sheet-format';
import { writeBlock } from './write-cells';

/** What a keep did: the history sheet's name, its rows and those of the period's earlier copy; or why nothing was kept. */
export interface HistoryOutcome {
  /** Rows of the table after the keep (all periods); 0 when nothing was written. */
  rows: number;
  /** Rows of an earlier copy of the period that were replaced. */
  replaced: number;
  sheet: string | null;
  /** Problems that stopped the keep (HISTORY_UNREADABLE); nothing was written when there are any. */
  issues: Issue[];
  syncs: number;
}

/**
 * Keeps `rows` (the layout's rows of one period, `historyRows`) as `period` in the workbook's `ABC_History`;
 * see the module comment. Throws GatewayError `nameTaken` / `sheetTaken` for a user's table or sheet of ours.
 */
export async function writeHistory(
  run: ExcelRun,
  period: string,
  rows: readonly CellValue[][],
  language: ReportLanguage = 'en',
  options: ActionOptions = {},
): Promise<HistoryOutcome> {
  const counter = new SyncCounter();
  try {
    return await run(async (context) => {
      const found = await listSheets(context, counter);
      const tables = context.workbook.tables.load('items/name');
      await counter.sync(context);
      const item = tables.items.find((t) => nameKey(t.name) === nameKey(HISTORY_TABLE));
      let existing: { table: ExistingTable; grid: RangeGrid } | null = null;
      if (item !== undefined) {
        const ws = item.worksheet.load('name');
        const columns = item.columns.load('items/name');
        const range = item.getRange().load('values,rowIndex,columnIndex,rowCount');
        await counter.sync(context);
        const sheet = found.sheets.find((s) => s.name === ws.name);
        if (sheet?.role !== 'history') throw new GatewayError('nameTaken', [item.name]);
        existing = {
          table: { name: item.name, sheet: ws.name, columns: columns.items.map((c) => c.name), bodyRows: range.rowCount - 1, top: range.rowIndex, left: range.columnIndex, filtered: false },
          grid: { name: item.name, sheet: ws.name, top: range.rowIndex + 1, left: range.columnIndex + 1, rows: range.values as CellValue[][] },
        };
      }
      const merged = mergeHistory(existing?.grid ?? null, period, rows);
      if (merged.issues.length > 0) return { rows: 0, replaced: 0, sheet: null, issues: merged.issues, syncs: counter.count };

      const layout = historySheet(merged.rows, language);
      const table = layout.tables?.[0] as ReportTable;
      // The sheet that holds the table, else an owned history sheet without it; a sheet of the user's with the name stops the keep.
      const target = existing?.table.sheet ?? found.sheets.find((s) => s.role === 'history')?.name ?? null;
      const holder = found.sheets.find((s) => nameKey(s.name) === nameKey(layout.name));
      if (holder !== undefined && holder.name !== target) throw new GatewayError('sheetTaken', [holder.name]);
      if (target === null) {
        const ws = context.workbook.worksheets.add(layout.name);
        ws.names.add(OWNER_NAME, `=${ownerValue('history')}`).visible = false;
      } else if (target !== layout.name) {
        // Kept earlier in the other language: the sheet takes this one's name, as report sheets do.
        context.workbook.worksheets.getItem(target).name = layout.name;
      }
      const ws = context.workbook.worksheets.getItem(layout.name);
      // Reshaped before the cells land: the new rows inside the table, the rows beyond it gone with it.
      if (existing !== null && existing.table.top === 0 && existing.table.left === 0) queueReshapeTable(ws, existing.table, table);
      else if (existing !== null) ws.tables.getItem(existing.table.name).delete();
      await counter.sync(context);
      const cells = layout.rows.map((r) => r.cells.map((c) => ({ value: c.value, numberFormat: numberFormat(c.format, '') })));
      await writeBlock(context, counter, layout.name, cells, { options, stage: 'writing', before: 0, total: cells.length });
      // Formatted while visible (new, or shown by the user): some Excel builds refuse freeze panes on a hidden
      // sheet (office-js#1463); a hidden one keeps the widths and panes it was given, its new cells their formats.
      const shown = target === null || found.sheets.find((s) => s.name === target)?.visibility === 'Visible';
      if (shown) await formatSheet(context, counter, layout.name, layout);
      if (existing === null || existing.table.top !== 0 || existing.table.left !== 0) queueAddTable(ws, table);
      ws.visibility = 'Hidden';
      await counter.sync(context);
      return { rows: merged.rows.length, replaced: merged.replaced, sheet: layout.name, issues: [], syncs: counter.count };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/**
 * The pane's Keep period: `figures` kept as `period`, as a write's outcome (`replaced` names the history
 * sheet when an earlier copy of the period was replaced). A keep the history refused (a hand-broken table)
 * writes nothing and names no sheet: the pane reads the history again, finds the period missing and shows
 * the history's problems at their cells.
 */
export async function keepPeriod(run: ExcelRun, figures: PeriodFigures, period: string, language: ReportLanguage, options: ActionOptions = {}): Promise<WriteOutcome> {
  const outcome = await writeHistory(run, period, historyRows(figures, period), language, options);
  if (outcome.sheet === null) return { sheets: [], replaced: [], syncs: outcome.syncs };
  return { sheets: [outcome.sheet], replaced: outcome.replaced > 0 ? [outcome.sheet] : [], syncs: outcome.syncs };
}
