/**
 * The report workbook: the input package with the report sheets added as new worksheet parts (or, for
 * the report sheets of an earlier run, written over their parts in place).
 *
 * The input is not re-serialised: every part the report does not need to change is copied as it is
 * (its compressed bytes, see report-zip.ts), so charts, pivot tables, drawings, comments, data
 * validation, custom XML, VBA, slicers and external links survive. The parts that change are parsed as
 * XML and edited by splicing at their elements' offsets, leaving everything else in them as written, and
 * every element or attribute added is spelled with the prefixes declared where it goes:
 * - the workbook part: new `<sheet>` entries and the ownership markers (hidden sheet-scoped names);
 * - its relationships and `[Content_Types].xml`: one entry per new sheet part;
 * - the styles part: the report's number formats, fonts, fill, borders and cell formats, appended;
 * - the parts of replaced report sheets.
 * Report sheets are appended after the existing sheets and replaced ones keep their place, so the
 * `localSheetId` of every other sheet-scoped name stays valid. `docProps/app.xml` is left as it was:
 * its list of sheet titles is informational, and Excel and LibreOffice rebuild it when they save.
 *
 * A macro-enabled workbook gives a macro-enabled report, which must be named .xlsm (see
 * `reportExtension`); a template or add-in gives a report that is an ordinary workbook of the same kind.
 */
import type JSZip from 'jszip';
import type { Issue } from '../engine/issues';
import { nameKey } from '../engine/model';
import { alignSheetHeaders } from '../workbook/header-alignment';
import { roleOfSheetName } from '../workbook/report-text';
import type { ReportSheet } from '../workbook/report-types';
import type { LoadedWorkbook } from './load-workbook';
import { conformanceOf, namespacesFor, REL_NS } from './namespaces';
import {
  CONTENT_TYPES,
  CONTENT_TYPES_PART,
  ContentTypesEditor,
  findPart,
  folderOf,
  isKind,
  readXmlPart,
  relationshipType,
  RelationshipsEditor,
  relsPathOf,
  writePart,
} from './package';
import { relateDrawing, sheetDrawingPart, writeSheetDrawing } from './chart-part';
import { renderSheetXml, sheetDefinedNames } from './render-sheet';
import { reportZipBytes } from './report-zip';
import { planReportNames } from './report-names';
import { OWNER_NAME, OWNER_VALUE, ownedSheetRoles, ownerValue, planReportSheets } from './report-owner';
import { relateTables, removeTableParts, sheetTableParts, tableIds, writeTableParts } from './table-parts';
import { namedCellFormula } from '../workbook/report-tables';
import { HIDDEN_ROLES } from '../workbook/history-sheet';
import { addReportStyles, usedStyles } from './report-styles';
import { definedNamesEdits, type NewDefinedName, parseWorkbookDocument } from './workbook-xml';
import { appendInside, applyEdits, type Edit, namespacedAttribute, newElementName, setAttributeEdit } from './xml-tree';
import { encodeXml } from './xml';

/** The report cannot be added without overwriting a sheet of the user's. */
export class ReportSheetTakenError extends Error {
  override name = 'ReportSheetTakenError';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.message).join(' '));
  }
}

/** The workbook-scoped names of a sheet's named cells. */
function namedCells(sheet: ReportSheet): NewDefinedName[] {
  return (sheet.namedCells ?? []).map((c) => ({ name: c.name, formula: namedCellFormula(sheet.name, c) }));
}

/** A part name not in the package yet: `<folder>/worksheets/sheet<n>.xml`. */
function newSheetPart(zip: JSZip, workbookPart: string, from: number): string {
  const folder = folderOf(workbookPart);
  for (let n = from; ; n++) {
    const part = `${folder === '' ? '' : `${folder}/`}worksheets/sheet${n}.xml`;
    if (findPart(zip, part) === null) return part;
  }
}

/** The workbook part's content type for the report: a template or add-in becomes an ordinary workbook. */
function reportWorkbookType(inputType: string | null): string {
  switch (inputType) {
    case CONTENT_TYPES.macroWorkbook:
    case CONTENT_TYPES.macroTemplate:
    case CONTENT_TYPES.addIn:
      return CONTENT_TYPES.macroWorkbook;
    default:
      return CONTENT_TYPES.workbook;
  }
}

/**
 * The file extension the report must have: `.xlsm` when the workbook is macro-enabled (its macros are
 * kept, and Excel refuses a macro-enabled package named .xlsx), else `.xlsx`.
 */
export async function reportExtension(loaded: Pick<LoadedWorkbook, 'zip' | 'workbookPart'>): Promise<'.xlsx' | '.xlsm'> {
  const part = await readXmlPart(loaded.zip, CONTENT_TYPES_PART);
  if (part === null) return '.xlsx';
  return reportWorkbookType(new ContentTypesEditor(part).typeOf(loaded.workbookPart)) === CONTENT_TYPES.macroWorkbook ? '.xlsm' : '.xlsx';
}

/**
 * Adds the report sheets to the loaded package and returns the bytes of the copy. The loaded package
 * object is changed (it is the in-memory copy), so call this once per load; the input file is not touched.
 * Headers over figures are aligned right here, for every sheet whichever builder made it, as the add-in's
 * writer does (header-alignment.ts). Throws `ReportSheetTakenError` when a user's sheet has one of the
 * report's names.
 */
export async function buildReportWorkbook(loaded: LoadedWorkbook, laid: readonly ReportSheet[], currency: string): Promise<Buffer> {
  const sheets = alignSheetHeaders(laid);
  const plan = planReportSheets(loaded, sheets.map((s) => ({ name: s.name, role: s.role ?? roleOfSheetName(s.name) })));
  if (plan.issues.length > 0) throw new ReportSheetTakenError(plan.issues);
  const replacedSheets = new Set([...plan.byTarget.values()].map((s) => s.index));
  const names = await planReportNames(loaded, sheets, new Set(ownedSheetRoles(loaded).keys()), replacedSheets);
  if (names.issues.length > 0) throw new ReportSheetTakenError(names.issues);
  // The ids of the tables that stay: an earlier report's are freed with its sheets.
  const usedTableIds = await tableIds(loaded, replacedSheets);
  const { zip, workbookPart, info } = loaded;
  const workbookXml = loaded.workbookXml;
  const doc = parseWorkbookDocument(workbookXml, workbookPart);
  const conformance = conformanceOf(doc.root.uri);
  const ns = namespacesFor(conformance);

  const rels = new RelationshipsEditor(await readXmlPart(zip, relsPathOf(workbookPart)), workbookPart);
  const contentTypesPart = await readXmlPart(zip, CONTENT_TYPES_PART);
  if (contentTypesPart === null) throw new Error(`The workbook has no ${CONTENT_TYPES_PART}.`);
  const contentTypes = new ContentTypesEditor(contentTypesPart);
  const workbookType = contentTypes.typeOf(workbookPart);
  if (reportWorkbookType(workbookType) !== workbookType) contentTypes.setOverride(workbookPart, reportWorkbookType(workbookType));

  const stylesRel = rels.find((r) => isKind(r, 'styles') && r.part !== null);
  const stylesOriginal = stylesRel?.part == null ? null : await readXmlPart(zip, stylesRel.part);
  const styles = addReportStyles(stylesOriginal?.text ?? null, usedStyles(sheets), currency, ns.main);
  let stylesPart = stylesOriginal?.name ?? stylesRel?.part ?? null;
  if (stylesPart === null) {
    stylesPart = folderOf(workbookPart) === '' ? 'styles.xml' : `${folderOf(workbookPart)}/styles.xml`;
    rels.add(relationshipType('styles', conformance), stylesPart);
  }
  stylesPart = writePart(zip, stylesPart, styles.xml, stylesOriginal?.encoding);
  contentTypes.setOverride(stylesPart, CONTENT_TYPES.styles);

  // The relationship attribute of new sheets: in the namespace the workbook's sheets already use.
  const relNs = doc.sheetElements.flatMap((e) => e.attributes.filter((a) => a.local === 'id' && REL_NS.includes(a.uri)).map((a) => a.uri))[0] ?? ns.rel;
  const sheetName = newElementName(doc.sheets, doc.root.uri, 'sheet');
  let sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId ?? 0));
  const edits: Edit[] = [];
  const added: string[] = [];
  // Sheet index → the value of its mark.
  const owned = new Map<number, string>();
  const replaced = new Set<number>();
  // Each report sheet's print titles and AutoFilter names, scoped to its index.
  const sheetNames: NewDefinedName[] = [];
  // The headline figures' workbook-scoped names (`ABC_OperatingProfit`).
  const cellNames: NewDefinedName[] = [];
  let nextPart = info.sheets.length + 1;

  for (const sheet of sheets) {
    const xmlWith = (drawingRelId: string | null, tableRelIds: readonly string[]): string => renderSheetXml(sheet, styles.xf, conformance, drawingRelId, tableRelIds);
    const old = plan.byTarget.get(nameKey(sheet.name));
    // An earlier report sheet's tables go with its old content, first, so the new ones take their parts.
    if (old?.part != null) removeTableParts(zip, contentTypes, await sheetTableParts(zip, old.part));
    const tables = writeTableParts(zip, contentTypes, workbookPart, sheet.tables ?? [], usedTableIds, conformance);
    const role = sheet.role ?? roleOfSheetName(sheet.name);
    const mark = role === null ? OWNER_VALUE : ownerValue(role);
    // Found by its mark's role, so an earlier sheet in another language is renamed rather than duplicated.
    if (old === undefined) {
      const newPart = newSheetPart(zip, workbookPart, nextPart++);
      const drawing = await writeSheetDrawing(zip, contentTypes, workbookPart, sheet.chart, null, conformance);
      const drawingId = relateDrawing(zip, newPart, drawing.drawingPart, conformance);
      const part = writePart(zip, newPart, xmlWith(drawingId, await relateTables(zip, newPart, tables, conformance)));
      contentTypes.setOverride(part, CONTENT_TYPES.worksheet);
      const id = rels.add(relationshipType('worksheet', conformance), part);
      const state = HIDDEN_ROLES.has(role ?? '') ? ' state="hidden"' : '';
      added.push(`${sheetName.open} name="${encodeXml(sheet.name)}" sheetId="${++sheetId}"${state}${namespacedAttribute(doc.sheets, relNs, 'id', id)}/>`);
      owned.set(info.sheets.length + added.length - 1, mark);
      sheetNames.push(...sheetDefinedNames(sheet, info.sheets.length + added.length - 1));
      cellNames.push(...namedCells(sheet));
      continue;
    }
    // An earlier report sheet: same entry, same place, same relationship; new content.
    const entry = doc.sheetElements[old.index];
    let part = old.part;
    const oldRel = rels.find((r) => r.id === info.sheets[old.index]?.rId);
    if (part === null || oldRel === undefined) {
      part = newSheetPart(zip, workbookPart, nextPart++);
      const id = rels.add(relationshipType('worksheet', conformance), part);
      if (entry !== undefined) {
        const idAttr = entry.attributes.find((a) => a.local === 'id' && REL_NS.includes(a.uri));
        edits.push(
          idAttr === undefined
            ? { start: entry.startTagEnd - (entry.selfClosing ? 2 : 1), end: entry.startTagEnd - (entry.selfClosing ? 2 : 1), text: namespacedAttribute(entry, relNs, 'id', id) }
            : setAttributeEdit(workbookXml, entry, idAttr.qname, id),
        );
      }
    } else if (!isKind(oldRel, 'worksheet')) {
      rels.retype(oldRel.id, relationshipType('worksheet', conformance));
    }
    if (entry !== undefined && old.name !== sheet.name) edits.push(setAttributeEdit(workbookXml, entry, 'name', sheet.name));
    // A history sheet a user made visible is hidden again: it holds data, not a page to read.
    if (entry !== undefined && HIDDEN_ROLES.has(role ?? '')) edits.push(setAttributeEdit(workbookXml, entry, 'state', 'hidden'));
    // The sheet's drawing is kept: the report's chart in it replaced, what the user drew left (chart-part.ts).
    const reused = part === old.part;
    const drawing = await writeSheetDrawing(zip, contentTypes, workbookPart, sheet.chart, reused ? await sheetDrawingPart(zip, part) : null, conformance);
    part = findPart(zip, part)?.name ?? part;
    if (reused) {
      // The old part's other relationships (comments, tables on the report sheet) no longer apply.
      const ownRels = findPart(zip, relsPathOf(part));
      if (ownRels !== null) zip.remove(ownRels.name);
    }
    const drawingId = relateDrawing(zip, part, drawing.drawingPart, conformance);
    part = writePart(zip, part, xmlWith(drawingId, await relateTables(zip, part, tables, conformance)));
    contentTypes.setOverride(part, CONTENT_TYPES.worksheet);
    owned.set(old.index, mark);
    replaced.add(old.index);
    sheetNames.push(...sheetDefinedNames(sheet, old.index));
    cellNames.push(...namedCells(sheet));
  }

  if (added.length > 0) edits.push(...appendInside(workbookXml, doc.sheets, added.join('')));
  // Names scoped to a replaced report sheet (its old marker, a print area, print titles, a filter) go with its
  // old content; the new ones are written for it.
  const markers: NewDefinedName[] = [...owned]
    .sort(([a], [b]) => a - b)
    .map(([index, formula]) => ({ name: OWNER_NAME, formula, localSheetId: index, hidden: true }));
  const drop = (i: number): boolean => replaced.has(info.definedNames[i]?.localSheetId ?? -1) || names.earlier.has(i);
  edits.push(...definedNamesEdits(workbookXml, doc, drop, [...markers, ...sheetNames, ...cellNames]));

  writePart(zip, workbookPart, applyEdits(workbookXml, edits), loaded.workbookPartText.encoding);
  rels.save(zip);
  contentTypes.save(zip);
  return reportZipBytes(loaded);
}
