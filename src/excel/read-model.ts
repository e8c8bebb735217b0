/// <reference types="office-js" />
/**
 * Reads the workbook contract's ranges from the open workbook: for each contract name a workbook-scoped
 * name, else a table of that name (names match case-insensitively, as Excel's do). The cells are read in
 * row chunks planned by `planBatches`, one `context.sync()` per batch, so a million-row transaction list
 * stays under Excel on the web's payload limit. A name over whole columns (`Transactions!$A:$D`) is
 * clipped to the sheet's used range first, so it costs the rows that hold data, not a million.
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import type { CellValue, RangeGrid } from '../workbook/grid';
import type { ActionOptions, ReadOutcome } from './actions';
import { READ_CELL_BUDGET, planBatches } from './chunks';
import { type ExcelRun, SyncCounter, syncBatches } from './context';
import { toGatewayError } from './errors';

/** Where a contract range lies, once its name or table has been resolved and clipped. */
interface Located {
  contractName: ContractRangeName;
  /** The name or table as spelled in the workbook. */
  foundName: string;
  sheet: string;
  /** 0-based, of the header row and first column. */
  rowIndex: number;
  columnIndex: number;
  /** After clipping to the used range; 0 when the sheet is empty below the header. */
  rowCount: number;
  columnCount: number;
}

/** The values of a cell as Office.js reports them, to the contract's `CellValue`. */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === 'Error') return { error: String(value) };
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** Reads the contract's ranges. Options: cancel between chunks, progress in rows. */
export async function readModel(run: ExcelRun, options: ActionOptions = {}, cellBudget = READ_CELL_BUDGET): Promise<ReadOutcome> {
  const counter = new SyncCounter();
  try {
    return await run(async (context) => {
      const { located, issues, broken } = await locateRanges(context, counter);
      const grids = new Map<ContractRangeName, RangeGrid>();
      for (const loc of located) {
        grids.set(loc.contractName, { name: loc.foundName, sheet: loc.sheet, top: loc.rowIndex + 1, left: loc.columnIndex + 1, rows: [] });
      }
      await readCells(context, counter, located, grids, options, cellBudget);
      return { grids, issues, broken, syncs: counter.count };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** Finds each contract range and its extent: two syncs whatever the number of ranges. */
async function locateRanges(
  context: Excel.RequestContext,
  counter: SyncCounter,
): Promise<{ located: Located[]; issues: Issue[]; broken: ContractRangeName[] }> {
  const names = context.workbook.names.load('items/name,items/type,items/formula');
  const tables = context.workbook.tables.load('items/name,items/showTotals');
  await counter.sync(context);

  const issues: Issue[] = [];
  const broken: ContractRangeName[] = [];
  const pending: Array<{
    contractName: ContractRangeName;
    foundName: string;
    range: Excel.Range;
    used: Excel.Range;
    dropTotals: boolean;
  }> = [];
  for (const contractName of CONTRACT_RANGES) {
    const key = nameKey(contractName);
    const named = names.items.find((n) => nameKey(n.name) === key);
    let range: Excel.Range;
    let foundName: string;
    let dropTotals = false;
    if (named !== undefined) {
      if (named.type !== 'Range') {
        issues.push(
          error('INVALID_RANGE_REFERENCE', msg('nameNotARange', { name: named.name, formula: String(named.formula) }), {
            range: contractName,
            value: String(named.formula),
          }),
        );
        broken.push(contractName);
        continue;
      }
      range = named.getRange();
      foundName = named.name;
    } else {
      const table = tables.items.find((t) => nameKey(t.name) === key);
      if (table === undefined) continue;
      range = table.getRange();
      foundName = table.name;
      dropTotals = table.showTotals;
    }
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    range.worksheet.load('name');
    const used = range.worksheet.getUsedRangeOrNullObject(true);
    used.load('isNullObject,rowIndex,rowCount,columnIndex,columnCount');
    pending.push({ contractName, foundName, range, used, dropTotals });
  }
  if (pending.length > 0) await counter.sync(context);

  const located = pending.map((p): Located => {
    const r = p.range;
    const rowCount = r.rowCount - (p.dropTotals && r.rowCount > 1 ? 1 : 0);
    let bottom = r.rowIndex + rowCount; // exclusive
    let right = r.columnIndex + r.columnCount;
    if (p.used.isNullObject) {
      bottom = r.rowIndex;
      right = r.columnIndex + 1;
    } else {
      bottom = Math.min(bottom, p.used.rowIndex + p.used.rowCount);
      right = Math.min(right, p.used.columnIndex + p.used.columnCount);
    }
    return {
      contractName: p.contractName,
      foundName: p.foundName,
      sheet: r.worksheet.name,
      rowIndex: r.rowIndex,
      columnIndex: r.columnIndex,
      rowCount: Math.max(0, bottom - r.rowIndex),
      columnCount: Math.max(1, right - r.columnIndex),
    };
  });
  return { located, issues, broken };
}

/** Reads the cells batch by batch; a batch Excel finds too large is split and retried. */
async function readCells(
  context: Excel.RequestContext,
  counter: SyncCounter,
  located: readonly Located[],
  grids: Map<ContractRangeName, RangeGrid>,
  options: ActionOptions,
  cellBudget: number,
): Promise<void> {
  const byName = new Map(located.map((l) => [l.contractName, l]));
  const total = located.reduce((n, l) => n + l.rowCount, 0);
  let done = 0;
  options.onProgress?.({ stage: 'reading', done, total });
  const queue = planBatches(
    located.map((l) => ({ key: l.contractName, rows: l.rowCount, columns: l.columnCount })),
    cellBudget,
  );
  await syncBatches(
    context,
    counter,
    queue,
    options.signal,
    (batch) =>
      batch.map((slice) => {
        const loc = byName.get(slice.key) as Located;
        const range = context.workbook.worksheets
          .getItem(loc.sheet)
          .getRangeByIndexes(loc.rowIndex + slice.start, loc.columnIndex, slice.rows, slice.columns)
          .load('values,valueTypes');
        return { slice, range };
      }),
    (_batch, loaded) => {
      for (const { slice, range } of loaded) {
        const grid = grids.get(slice.key) as RangeGrid;
        const types = range.valueTypes;
        range.values.forEach((row, r) => {
          const cells = row.map((v, c) => toCellValue(v, types[r]?.[c]));
          while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
          grid.rows[slice.start + r] = cells;
        });
        done += slice.rows;
      }
      options.onProgress?.({ stage: 'reading', done, total });
    },
  );
}
