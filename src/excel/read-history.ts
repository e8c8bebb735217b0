/// <reference types="office-js" />
/**
 * The periods kept in the open workbook's `ABC_History` (issue 20), read for the Compare view and the
 * functions. Read in row chunks like the model (a sample's history is 6,000 rows of 22 columns, more than
 * one response may carry), then handed to the layout's reader: a hand-broken history gives issues at its
 * cells, never a failure.
 */
import { type KeptPeriods, NO_KEPT_PERIODS } from '../engine/compare/kept-periods';
import { nameKey } from '../engine/model';
import type { CellValue } from '../workbook/grid';
import { HISTORY_TABLE, readHistory } from '../workbook/history-layout';
import { READ_CELL_BUDGET, rowsPerChunk } from './chunks';
import { type ExcelRun, SyncCounter } from './context';
import { toGatewayError } from './errors';

/** Reads `ABC_History`; no table of that name is no period kept. */
export async function readKeptPeriods(run: ExcelRun, cellBudget = READ_CELL_BUDGET): Promise<KeptPeriods> {
  const counter = new SyncCounter();
  try {
    return await run(async (context) => {
      const tables = context.workbook.tables.load('items/name');
      await counter.sync(context);
      const item = tables.items.find((t) => nameKey(t.name) === nameKey(HISTORY_TABLE));
      if (item === undefined) return NO_KEPT_PERIODS;
      const ws = item.worksheet.load('name');
      const area = item.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
      await counter.sync(context);
      const sheet = context.workbook.worksheets.getItem(ws.name);
      const step = rowsPerChunk(area.columnCount, cellBudget);
      const rows: CellValue[][] = [];
      for (let start = 0; start < area.rowCount; start += step) {
        const chunk = sheet.getRangeByIndexes(area.rowIndex + start, area.columnIndex, Math.min(step, area.rowCount - start), area.columnCount).load('values');
        await counter.sync(context);
        rows.push(...(chunk.values as CellValue[][]));
      }
      return readHistory({ name: item.name, sheet: ws.name, top: area.rowIndex + 1, left: area.columnIndex + 1, rows });
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}
