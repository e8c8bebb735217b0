/// <reference types="office-js" />
/**
 * Reads the workbook contract's ranges from the open workbook: for each contract name a workbook-scoped
 * name, else a name scoped to the one sheet that has it, else a table of that name (the shared rule of
 * choose-range-name.ts; names match case-insensitively, as Excel's do). The cells are read in
 * row chunks planned by `planBatches`, one `context.sync()` per batch, so a million-row transaction list
 * stays under Excel on the web's payload limit. A name over whole columns (`Transactions!$A:$D`) is
 * clipped to the sheet's used range first, so it costs the rows that hold data, not a million. Office.js
 * gives a date as its serial number; in the small ranges where a date may be meant (settings, customer
 * dimensions) the cells' number formats are read too, so a date reaches the contract as a date, counted
 * from 1904 when the workbook says so and the host can tell (date-system.ts).
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { chooseRangeName, type NameCandidate } from '../workbook/choose-range-name';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import type { CellValue, RangeGrid } from '../workbook/grid';
import { isDateFormatCode, isPercentFormatCode, serialToDate } from '../workbook/number-formats';
import type { ActionOptions, ReadOptions, ReadOutcome } from './actions';
import { READ_CELL_BUDGET, planBatches } from './chunks';
import { type ExcelRun, SyncCounter, syncBatches } from './context';
import { loadDateSystem, unknownDateSystem } from './date-system';
import { toGatewayError } from './errors';
import { markedRole, OWNER_NAME } from './owner';

const STATEMENT_ROLE = /^statement (.*)$/s;

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

/**
 * Ranges whose number formats are read with the values: a date the user means as a date (the Period
 * setting, a dimension such as a contract date), and a percentage where an amount belongs (a Discounts
 * cell formatted as 2%), which must stop the run as it does in the runner. ABC_Volumes, the large one,
 * never: its formats would double what is read.
 */
const FORMATTED_RANGES: ReadonlySet<ContractRangeName> = new Set([
  'ABC_Pools',
  'ABC_Activities',
  'ABC_Customers',
  'ABC_CustomerCosts',
  'ABC_Settings',
  'ABC_Scenarios',
  // A ledger Amount formatted as a percentage stops the runner (PERCENT_FOR_AMOUNT); the pane must agree.
  'ABC_Resources',
  'ABC_Support',
]);

/**
 * The values of a cell as Office.js reports them, to the contract's `CellValue`. Given the cell's number
 * format, a number shown as a date or time becomes that Date, and one shown as a percentage a
 * `PercentCell`, as the runner reads them from the file. `date1904`: the serial counts from 1904.
 */
export function toCellValue(value: unknown, valueType: string | undefined, numberFormat?: string, date1904 = false): CellValue {
  if (valueType === 'Error') return { error: String(value) };
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (numberFormat === undefined) return value;
    if (isDateFormatCode(numberFormat)) return serialToDate(value, date1904);
    return isPercentFormatCode(numberFormat) ? { percent: value } : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** Where a located range lies, as one comparable text: a range reused must cover exactly these cells. */
function extentOf(loc: Located): string {
  return JSON.stringify([loc.foundName, loc.sheet, loc.rowIndex, loc.columnIndex, loc.rowCount, loc.columnCount]);
}

/**
 * Reads the contract's ranges. Options: cancel between chunks, progress in rows, and `reuse`: the ranges an
 * earlier read holds that did not change are taken from it. The names are always resolved again (a couple
 * of syncs), so a range whose name was redefined, or whose table or used rows grew, is read again whatever
 * the watch said.
 */
export async function readModel(run: ExcelRun, options: ReadOptions = {}, cellBudget = READ_CELL_BUDGET): Promise<ReadOutcome> {
  const counter = new SyncCounter();
  try {
    return await run(async (context) => {
      // Asked in the first sync of locateRanges: no round trip of its own.
      const dateSystemOf = loadDateSystem(context);
      const { located, issues, broken, statements } = await locateRanges(context, counter);
      const dateSystem = dateSystemOf();
      const grids = new Map<ContractRangeName, RangeGrid>();
      const extents = new Map<ContractRangeName, string>();
      const reused: ContractRangeName[] = [];
      const toRead: Located[] = [];
      for (const loc of located) {
        const extent = extentOf(loc);
        extents.set(loc.contractName, extent);
        const before = options.reuse;
        const grid = before?.outcome.grids.get(loc.contractName);
        if (before !== undefined && grid !== undefined && !before.changed.has(loc.contractName) && before.outcome.extents?.get(loc.contractName) === extent) {
          grids.set(loc.contractName, grid);
          reused.push(loc.contractName);
          continue;
        }
        grids.set(loc.contractName, { name: loc.foundName, sheet: loc.sheet, top: loc.rowIndex + 1, left: loc.columnIndex + 1, rows: [] });
        toRead.push(loc);
      }
      await readCells(context, counter, toRead, grids, options, cellBudget, 'date1904' in dateSystem && dateSystem.date1904);
      const unknown = unknownDateSystem(grids, dateSystem);
      if (unknown !== null) issues.push(unknown);
      return { grids, issues, broken, statements, syncs: counter.count, extents, reused };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** A range to locate: the cells a chosen name or table covers, with its sheet's used range. */
interface Pending {
  contractName: ContractRangeName;
  foundName: string;
  range: Excel.Range;
  used: Excel.Range;
  dropTotals: boolean;
}

/** A defined name found in the workbook, workbook- or sheet-scoped, with its proxy. */
interface FoundName extends NameCandidate {
  item: Excel.NamedItem;
}

/** Queues the loads that locate a range and clip it to its sheet's used range. */
function locate(contractName: ContractRangeName, foundName: string, range: Excel.Range, dropTotals: boolean): Pending {
  range.load('rowIndex,columnIndex,rowCount,columnCount');
  range.worksheet.load('name');
  const used = range.worksheet.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,rowCount,columnIndex,columnCount');
  return { contractName, foundName, range, used, dropTotals };
}

/** A chosen name that is a range is located; any other kind of name is INVALID_RANGE_REFERENCE. */
function locateName(contractName: ContractRangeName, found: FoundName): Pending | Issue {
  if (found.item.type !== 'Range') {
    return error('INVALID_RANGE_REFERENCE', msg('nameNotARange', { name: found.name, formula: found.formula }), {
      range: contractName,
      value: found.formula,
    });
  }
  return locate(contractName, found.name, found.item.getRange(), false);
}

const NAME_PROPS = 'items/name,items/type,items/formula';

/**
 * Finds each contract range and its extent by the rule of choose-range-name.ts: a workbook-scoped name,
 * else the name of the one sheet that has it, else a table. Two syncs whatever the number of ranges: the
 * first lists the workbook's names, tables and sheets; the second reads every sheet's own names and
 * locates the workbook-scoped names and tables. A range found only by a sheet-scoped name costs a third.
 */
async function locateRanges(
  context: Excel.RequestContext,
  counter: SyncCounter,
): Promise<{ located: Located[]; issues: Issue[]; broken: ContractRangeName[]; statements: string[] }> {
  const names = context.workbook.names.load(NAME_PROPS);
  const tables = context.workbook.tables.load('items/name,items/showTotals');
  const sheets = context.workbook.worksheets.load('items/name');
  await counter.sync(context);

  const issues: Issue[] = [];
  const broken: ContractRangeName[] = [];
  const fail = (contractName: ContractRangeName, issue: Issue): void => {
    issues.push(issue);
    broken.push(contractName);
  };
  const workbookNames: FoundName[] = names.items.map((item) => ({ name: item.name, scopeSheet: null, formula: String(item.formula), item }));
  const sheetNames = sheets.items.map((ws) => ({ sheet: ws.name, names: ws.names.load(NAME_PROPS) }));

  // A workbook-scoped name wins whatever the sheets hold, so it and any table (used only when no sheet
  // has the name either) are located in the same sync as the sheets' names are read.
  const early = new Map<ContractRangeName, Pending | Issue>();
  for (const contractName of CONTRACT_RANGES) {
    const key = nameKey(contractName);
    const named = chooseRangeName(contractName, workbookNames);
    if (named !== null && 'chosen' in named) {
      early.set(contractName, locateName(contractName, named.chosen));
      continue;
    }
    const table = tables.items.find((t) => nameKey(t.name) === key);
    if (table !== undefined) early.set(contractName, locate(contractName, table.name, table.getRange(), table.showTotals));
  }
  await counter.sync(context);

  const candidates: FoundName[] = [
    ...workbookNames,
    ...sheetNames.flatMap(({ sheet, names: list }) =>
      list.items.map((item): FoundName => ({ name: item.name, scopeSheet: sheet, formula: String(item.formula), item })),
    ),
  ];
  const pending: Pending[] = [];
  let late = false;
  for (const contractName of CONTRACT_RANGES) {
    const choice = chooseRangeName(contractName, candidates);
    let outcome: Pending | Issue | undefined;
    if (choice === null) outcome = early.get(contractName); // the table, if any
    else if ('issue' in choice) outcome = choice.issue;
    else if (choice.chosen.scopeSheet === null) outcome = early.get(contractName);
    else {
      outcome = locateName(contractName, choice.chosen);
      late ||= !('code' in outcome);
    }
    if (outcome === undefined) continue;
    if ('code' in outcome) fail(contractName, outcome);
    else pending.push(outcome);
  }
  if (late) await counter.sync(context);

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
  // The sheets' names are read anyway: the owner marks among them tell which statements the workbook holds.
  const statements = candidates.flatMap((c) => {
    if (c.scopeSheet === null || nameKey(c.name) !== nameKey(OWNER_NAME)) return [];
    const id = STATEMENT_ROLE.exec(markedRole(c.formula, c.scopeSheet) ?? '')?.[1];
    return id === undefined ? [] : [id];
  });
  return { located, issues, broken, statements };
}

/** Reads the cells batch by batch; a batch Excel finds too large is split and retried. */
async function readCells(
  context: Excel.RequestContext,
  counter: SyncCounter,
  located: readonly Located[],
  grids: Map<ContractRangeName, RangeGrid>,
  options: ActionOptions,
  cellBudget: number,
  date1904: boolean,
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
          .load(FORMATTED_RANGES.has(slice.key) ? 'values,valueTypes,numberFormat' : 'values,valueTypes');
        return { slice, range };
      }),
    (_batch, loaded) => {
      for (const { slice, range } of loaded) {
        const grid = grids.get(slice.key) as RangeGrid;
        const types = range.valueTypes;
        const formats: unknown[][] | undefined = FORMATTED_RANGES.has(slice.key) ? range.numberFormat : undefined;
        range.values.forEach((row, r) => {
          const cells = row.map((v, c) => {
            const format = formats?.[r]?.[c];
            return toCellValue(v, types[r]?.[c], typeof format === 'string' ? format : undefined, date1904);
          });
          while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
          grid.rows[slice.start + r] = cells;
        });
        done += slice.rows;
      }
      options.onProgress?.({ stage: 'reading', done, total });
    },
  );
}
