/**
 * Excel tables (ListObjects) of a workbook, read from their parts: each worksheet's relationships lead to
 * its table parts. The contract falls back to a table when no defined name of a range's name exists.
 */
import type { LoadedWorkbook } from './load-workbook';
import { findPart, isKind, readRelationships } from './package';
import { attributes, findElement, findElements } from './xml';

/** A table as the contract needs it. */
export interface TableInfo {
  name: string;
  displayName: string;
  /** The sheet that holds it. */
  sheet: string;
  /** Its block, header and totals rows included, e.g. `B2:D9`. */
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
  /** Column names, for a table whose header row is hidden. */
  columns: string[];
}

/** Every table of the workbook's worksheets, in sheet order. */
export async function readTables(loaded: LoadedWorkbook): Promise<TableInfo[]> {
  const tables: TableInfo[] = [];
  for (const sheet of loaded.sheets) {
    if (!sheet.worksheet || sheet.part === null) continue;
    for (const rel of await readRelationships(loaded.zip, sheet.part)) {
      if (!isKind(rel, 'table') || rel.part === null) continue;
      const file = findPart(loaded.zip, rel.part);
      if (file === null) continue;
      const xml = await file.async('string');
      const root = findElement(xml, 'table');
      if (root === null) continue;
      const a = attributes(root.attrs);
      const columns = findElements(findElement(xml, 'tableColumns')?.inner ?? '', 'tableColumn').map((c) => attributes(c.attrs).get('name') ?? '');
      tables.push({
        name: a.get('name') ?? '',
        displayName: a.get('displayName') ?? a.get('name') ?? '',
        sheet: sheet.name,
        ref: a.get('ref') ?? '',
        headerRow: a.get('headerRowCount') !== '0',
        totalsRow: (a.get('totalsRowCount') ?? '0') !== '0',
        columns,
      });
    }
  }
  return tables;
}
