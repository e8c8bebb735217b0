/**
 * The report's Excel tables as package parts (`xl/tables/tableN.xml`), related from their sheet and listed
 * in `[Content_Types].xml`. A table's `id` and part name are unique in the package, the user's own tables
 * included; a replaced report sheet's old tables go with its old content.
 */
import type JSZip from 'jszip';
import { tableRange } from '../workbook/report-tables';
import type { ReportTable } from '../workbook/report-types';
import type { LoadedWorkbook } from './load-workbook';
import { MAIN_NS, type Conformance, namespacesFor } from './namespaces';
import {
  type ContentTypesEditor,
  findPart,
  folderOf,
  isKind,
  parsePart,
  readRelationships,
  readXmlPart,
  RelationshipsEditor,
  relationshipType,
  relsPathOf,
  writePart,
} from './package';
import { attr } from './xml-tree';
import { encodeXml } from './xml';

/** The content type of a table part (the same in strict files). */
export const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** The table parts a worksheet part relates to. */
export async function sheetTableParts(zip: JSZip, sheetPart: string): Promise<string[]> {
  return (await readRelationships(zip, sheetPart)).flatMap((r) => (isKind(r, 'table') && r.part !== null ? [r.part] : []));
}

/**
 * The ids of the tables of the workbook's worksheets, but those on the sheets `skip` (by index): a new
 * table's id must differ from all of them.
 */
export async function tableIds(loaded: Pick<LoadedWorkbook, 'zip' | 'sheets'>, skip: ReadonlySet<number> = new Set()): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const sheet of loaded.sheets) {
    if (sheet.part === null || skip.has(sheet.index)) continue;
    for (const part of await sheetTableParts(loaded.zip, sheet.part)) {
      const xml = await readXmlPart(loaded.zip, part);
      if (xml === null) continue;
      const root = parsePart(xml.text, xml.name);
      const id = Number(attr(root, 'id') ?? NaN);
      if (root.local === 'table' && MAIN_NS.includes(root.uri) && Number.isInteger(id)) ids.add(id);
    }
  }
  return ids;
}

/** Removes table parts (an old report sheet's) and their content types. */
export function removeTableParts(zip: JSZip, contentTypes: ContentTypesEditor, parts: readonly string[]): void {
  for (const part of parts) {
    const file = findPart(zip, part);
    if (file !== null) zip.remove(file.name);
    contentTypes.removeOverride(part);
  }
}

/**
 * The XML of a table part. No totals row (the report's totals lie below the table, exact figures rather
 * than SUBTOTAL formulas); the lightest built-in style without stripes, so the report's own row styles show,
 * as the add-in sets it (`TableStyleLight1`).
 */
export function tablePartXml(table: ReportTable, id: number, conformance: Conformance): string {
  const ref = tableRange(table);
  const name = encodeXml(table.name);
  const columns = table.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${encodeXml(encodeColumnName(c))}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${encodeXml(namespacesFor(conformance).main)}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>'
  );
}

/**
 * A column name as the table part stores it: a line break or tab of the header cell is written as Excel
 * writes it (`_x000a_`), and a literal `_xHHHH_` is escaped (`_x005F_`), so the name matches the cell.
 */
function encodeColumnName(name: string): string {
  return name.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\t\n\r]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/**
 * Writes a report sheet's tables as new parts, with ids not in `ids` (which gains them), and returns their
 * part names in the table order.
 */
export function writeTableParts(
  zip: JSZip,
  contentTypes: ContentTypesEditor,
  workbookPart: string,
  tables: readonly ReportTable[],
  ids: Set<number>,
  conformance: Conformance,
): string[] {
  const folder = folderOf(workbookPart);
  let n = 1;
  return tables.map((table) => {
    let id = 1;
    while (ids.has(id)) id++;
    ids.add(id);
    let part: string;
    do part = `${folder === '' ? '' : `${folder}/`}tables/table${n++}.xml`;
    while (findPart(zip, part) !== null);
    const written = writePart(zip, part, tablePartXml(table, id, conformance));
    contentTypes.setOverride(written, TABLE_CONTENT_TYPE);
    return written;
  });
}

/** The path from a part's folder to another part: `../tables/table1.xml` from `xl/worksheets/sheet1.xml`. */
function relativeTarget(from: string, to: string): string {
  const a = folderOf(from).split('/').filter((s) => s !== '');
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/**
 * Relates a sheet part to its table parts, after what `relateDrawing` wrote (a fresh relationships part of
 * a report sheet), and returns the relationship ids in the table order.
 */
export async function relateTables(zip: JSZip, sheetPart: string, tableParts: readonly string[], conformance: Conformance): Promise<string[]> {
  if (tableParts.length === 0) return [];
  const rels = new RelationshipsEditor(await readXmlPart(zip, relsPathOf(sheetPart)), sheetPart);
  // Relative (`../tables/table1.xml`), as Excel writes it: some readers (ExcelJS) find a sheet's tables only so.
  const ids = tableParts.map((p) => rels.add(relationshipType('table', conformance), p, relativeTarget(sheetPart, p)));
  rels.save(zip);
  return ids;
}
