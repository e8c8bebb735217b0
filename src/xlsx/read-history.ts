/**
 * The `ABC_History` table of a workbook file (issue 20), read as a grid for the layout's reader and merger
 * (workbook/history-layout.ts). Found as the contract's ranges are: a table of that name (case ignored),
 * here on any worksheet; whether it is ours is told by its sheet's owner mark.
 */
import { nameKey } from '../engine/model';
import type { CellValue, RangeGrid } from '../workbook/grid';
import { HISTORY_TABLE } from '../workbook/history-layout';
import type { LoadedWorkbook } from './load-workbook';
import { partStream, tableArea, valueContext } from './read-ranges';
import { ownedSheetRoles } from './report-owner';
import { scanSheet } from './sheet-scan';
import { readTables } from './tables';

/** The history table found: its cells, header row first, and whether its sheet is our history sheet. */
export interface FoundHistory {
  grid: RangeGrid;
  /** True when the sheet carries the owner mark with the role `history`; false: a table of the user's with our name. */
  owned: boolean;
}

/** Reads the workbook's `ABC_History` table, or null when it has none. */
export async function readHistoryTable(loaded: LoadedWorkbook): Promise<FoundHistory | null> {
  const table = (await readTables(loaded)).find((t) => [t.name, t.displayName].some((n) => n !== '' && nameKey(n) === nameKey(HISTORY_TABLE)));
  if (table === undefined) return null;
  const sheet = loaded.sheets.find((s) => s.name === table.sheet);
  const area = tableArea(table);
  if (sheet === undefined || area === null) return null;
  const owned = ownedSheetRoles(loaded).get(sheet.index) === 'history';
  const part = partStream(loaded, sheet.part ?? '');
  const header = table.headerRow ? {} : { header: table.columns };
  const [cells] = part === null ? [{ rows: [] as CellValue[][] }] : await scanSheet(part.stream, [{ area, ...header }], await valueContext(loaded), sheet.name);
  const rows = cells?.rows ?? [];
  const top = table.headerRow ? area.top : area.top - 1;
  return { grid: { name: table.displayName || table.name, sheet: sheet.name, top, left: area.left, rows: table.headerRow ? rows : [table.columns, ...rows] }, owned };
}
