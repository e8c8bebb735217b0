/**
 * Finds the contract's ranges in a loaded workbook and reads their cells into `RangeGrid`s.
 * A workbook-scoped defined name wins; an Excel table of the same name is the fallback (names match
 * case-insensitively, as Excel's do). A name that exists but cannot be used is reported with the name,
 * so the user is not told "missing" about a range they can see in the Name Manager.
 */
import type ExcelJS from 'exceljs';
import { error, type Issue } from '../engine/issues';
import { nameKey } from '../engine/model';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import type { CellValue, RangeGrid } from '../workbook/grid';
import { cellValueOf } from './cell-value';
import type { LoadedWorkbook } from './load-workbook';
import { type Area, parseReference } from './reference';

/** The grids found, and the problems with names that exist but cannot be read. */
export interface RangeGrids {
  grids: Map<ContractRangeName, RangeGrid>;
  issues: Issue[];
  /** Contract names reported in `issues`: the contract must not call them missing as well. */
  broken: Set<string>;
}

/** A worksheet by name: exact first, then ignoring case as Excel does. */
export function findWorksheet(workbook: ExcelJS.Workbook, sheet: string): ExcelJS.Worksheet | undefined {
  const exact = workbook.getWorksheet(sheet);
  if (exact !== undefined) return exact;
  const key = sheet.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

/** The last row and column that hold anything, the bound for whole-column and whole-row references. */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  return { rows: ws.rowCount, columns: ws.columnCount };
}

/**
 * Reads an area's values. The area is clipped to the sheet's used extent first, so `$A:$D` costs the
 * rows that hold data, not a million; the cells beyond are blank and the contract skips blank rows.
 */
export function readArea(ws: ExcelJS.Worksheet, area: Area, name: string): RangeGrid {
  const extent = usedExtent(ws);
  const bottom = Math.min(area.bottom, extent.rows);
  const right = Math.min(area.right, extent.columns);
  const rows: CellValue[][] = [];
  for (let r = area.top; r <= bottom; r++) {
    const row = ws.findRow(r);
    const values: CellValue[] = [];
    if (row !== undefined) {
      for (let c = area.left; c <= right; c++) values.push(cellValueOf(row.findCell(c)));
    }
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    rows.push(values);
  }
  return { name, sheet: ws.name, top: area.top, left: area.left, rows };
}

/** What ExcelJS keeps of a loaded table (its `Table` type describes tables being created). */
interface LoadedTableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: Array<{ name?: string }>;
}

/** Tables of a worksheet as ExcelJS loaded them. */
function tablesOf(ws: ExcelJS.Worksheet): LoadedTableModel[] {
  const tables = (ws as unknown as { tables?: Record<string, { model?: LoadedTableModel }> }).tables ?? {};
  return Object.values(tables).flatMap((t) => (t.model === undefined ? [] : [t.model]));
}

/** Reads a table: its header row (or its column names when the header row is hidden) and its data, no totals row. */
function readTable(ws: ExcelJS.Worksheet, table: LoadedTableModel, name: string): RangeGrid | null {
  const ref = parseReference(`'${ws.name.replace(/'/g, "''")}'!${table.tableRef ?? table.ref ?? ''}`);
  if (!ref.ok) return null;
  const area = { ...ref.area };
  if (table.totalsRow === true && area.bottom > area.top) area.bottom -= 1;
  const grid = readArea(ws, area, name);
  if (table.headerRow === false) {
    const headers = (table.columns ?? []).map((c) => c.name ?? null);
    return { ...grid, top: grid.top - 1, rows: [headers, ...grid.rows] };
  }
  return grid;
}

/** Finds one contract range: a defined name, else a table, else nothing. */
function findRange(loaded: LoadedWorkbook, contractName: ContractRangeName): { grid: RangeGrid } | { issue: Issue } | null {
  const key = nameKey(contractName);
  const defined = loaded.info.definedNames.find((d) => d.localSheetId === null && nameKey(d.name) === key);
  if (defined !== undefined) {
    const where = { range: contractName, value: defined.formula };
    const parsed = parseReference(defined.formula);
    if (!parsed.ok) {
      return { issue: error('INVALID_RANGE_REFERENCE', `The name ${defined.name} ${parsed.reason}.`, where) };
    }
    const ws = findWorksheet(loaded.workbook, parsed.area.sheet);
    if (ws === undefined) {
      return {
        issue: error('INVALID_RANGE_REFERENCE', `The name ${defined.name} refers to a sheet "${parsed.area.sheet}" that does not exist.`, where),
      };
    }
    return { grid: readArea(ws, parsed.area, defined.name) };
  }
  for (const ws of loaded.workbook.worksheets) {
    for (const table of tablesOf(ws)) {
      const names = [table.name, table.displayName].filter((n): n is string => n !== undefined);
      if (names.some((n) => nameKey(n) === key)) {
        const grid = readTable(ws, table, table.displayName ?? table.name ?? contractName);
        if (grid !== null) return { grid };
      }
    }
  }
  return null;
}

/** Finds and reads every contract range of the workbook. */
export function readContractRanges(loaded: LoadedWorkbook): RangeGrids {
  const grids = new Map<ContractRangeName, RangeGrid>();
  const issues: Issue[] = [];
  const broken = new Set<string>();
  for (const name of CONTRACT_RANGES) {
    const found = findRange(loaded, name);
    if (found === null) continue;
    if ('grid' in found) {
      grids.set(name, found.grid);
    } else {
      issues.push(found.issue);
      broken.add(name);
    }
  }
  return { grids, issues, broken };
}
