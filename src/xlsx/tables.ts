/**
 * Excel tables (ListObjects) of a workbook, read from their parts: each worksheet's relationships lead to
 * its table parts. The contract falls back to a table when no defined name of a range's name exists.
 */
import type { LoadedWorkbook } from './load-workbook';
import { MAIN_NS } from './namespaces';
import { isKind, parsePart, readRelationships, readXmlPart } from './package';
import { attr, childNamed, childrenNamed } from './xml-tree';

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
      const part = await readXmlPart(loaded.zip, rel.part);
      if (part === null) continue;
      const root = parsePart(part.text, part.name);
      if (root.local !== 'table' || !MAIN_NS.includes(root.uri)) continue;
      const columns = childrenNamed(childNamed(root, 'tableColumns', MAIN_NS), 'tableColumn', MAIN_NS).map((c) => attr(c, 'name') ?? '');
      tables.push({
        name: attr(root, 'name') ?? '',
        displayName: attr(root, 'displayName') ?? attr(root, 'name') ?? '',
        sheet: sheet.name,
        ref: attr(root, 'ref') ?? '',
        headerRow: attr(root, 'headerRowCount') !== '0',
        totalsRow: (attr(root, 'totalsRowCount') ?? '0') !== '0',
        columns,
      });
    }
  }
  return tables;
}
