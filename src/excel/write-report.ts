/// <reference types="office-js" />
/**
 * Writes the report sheets (the layout `buildReportSheets` describes, the same the runner's .xlsx writer
 * renders) into the open workbook.
 *
 * Ownership: a sheet carrying the hidden worksheet-scoped name `ABC_ReportOwner` is the add-in's and is
 * replaced; a sheet of the user's with a report sheet's name stops the run before anything is written.
 * Whole or nothing: the new sheets are written under temporary names and only swapped in (old ones
 * deleted, new ones renamed) in the last sync, so a failed or cancelled refresh leaves the old report.
 */
import { nameKey } from '../engine/model';
import { numberFormat } from '../workbook/report-layout';
import type { ReportRow, ReportSheet, RowStyle } from '../workbook/report-types';
import type { ActionOptions, WriteOutcome } from './actions';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { OWNER_NAME, OWNER_VALUE } from './owner';
import { type WriteCell, setColumnWidths, writeBlock } from './write-cells';

/** Rows whose styling is queued per sync; styling requests are small. */
const STYLE_ROWS_PER_SYNC = 400;

/** The sheets of the workbook with their ownership mark, in one sync after the names are known. */
export async function listSheets(
  context: Excel.RequestContext,
  counter: SyncCounter,
): Promise<Array<{ name: string; owned: boolean }>> {
  const sheets = context.workbook.worksheets.load('items/name');
  await counter.sync(context);
  const marks = sheets.items.map((ws) => {
    const mark = ws.names.getItemOrNullObject(OWNER_NAME);
    mark.load('isNullObject');
    return { ws, mark };
  });
  await counter.sync(context);
  return marks.map(({ ws, mark }) => ({ name: ws.name, owned: !mark.isNullObject }));
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
  const { rows, columns } = sheet.freeze;
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
  await counter.sync(context);
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
      const existing = await listSheets(context, counter);
      const byKey = new Map(existing.map((s) => [nameKey(s.name), s]));
      const taken = sheets.flatMap((s) => {
        const found = byKey.get(nameKey(s.name));
        return found !== undefined && !found.owned ? [found.name] : [];
      });
      if (taken.length > 0) throw new GatewayError('sheetTaken', taken);
      const replaced = sheets.flatMap((s) => {
        const found = byKey.get(nameKey(s.name));
        return found !== undefined ? [found.name] : [];
      });

      const names = new Set(byKey.keys());
      const temporary = sheets.map((s) => temporaryName(s.name, names));
      const total = sheets.reduce((n, s) => n + s.rows.length, 0);
      try {
        for (const name of temporary) {
          const ws = context.workbook.worksheets.add(name);
          ws.names.add(OWNER_NAME, `=${OWNER_VALUE}`).visible = false;
        }
        await counter.sync(context);
        let before = 0;
        for (let i = 0; i < sheets.length; i++) {
          const sheet = sheets[i] as ReportSheet;
          const name = temporary[i] as string;
          before += await writeBlock(context, counter, name, reportCells(sheet, currency), { options, stage: 'writing', before, total }, undefined, cellBudget);
          await formatSheet(context, counter, name, sheet);
        }
      } catch (err) {
        await removeSheets(context, temporary);
        throw err;
      }
      // The swap: the last moment the user's view changes, all in one request.
      for (const name of replaced) context.workbook.worksheets.getItem(name).delete();
      temporary.forEach((name, i) => {
        context.workbook.worksheets.getItem(name).name = (sheets[i] as ReportSheet).name;
      });
      const first = sheets[0];
      if (first !== undefined) context.workbook.worksheets.getItem(first.name).activate();
      await counter.sync(context);
      return { sheets: sheets.map((s) => s.name), replaced, syncs: counter.count };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** Deletes sheets the action added, when it failed or was cancelled; a failure here is not worth hiding the first. */
export async function removeSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const doomed = new Set(names.map(nameKey));
    for (const ws of sheets.items) if (doomed.has(nameKey(ws.name))) ws.delete();
    await context.sync();
  } catch {
    // The original error is what the user needs to see.
  }
}
