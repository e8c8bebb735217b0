/**
 * The report workbook: the input package with the report sheets added as new worksheet parts (or, for
 * the report sheets of an earlier run, written over their parts in place).
 *
 * The input is not re-serialised: every part the report does not need to change is copied as it is
 * (JSZip passes the compressed bytes through), so charts, pivot tables, drawings, comments, data
 * validation, custom XML, VBA, slicers and external links survive. The parts that change are edited as
 * text, leaving everything else in them as written:
 * - the workbook part: new `<sheet>` entries and the ownership markers (hidden sheet-scoped names);
 * - its relationships and `[Content_Types].xml`: one entry per new sheet part;
 * - the styles part: the report's number formats, fonts, fill, borders and cell formats, appended;
 * - the parts of replaced report sheets.
 * Report sheets are appended after the existing sheets and replaced ones keep their place, so the
 * `localSheetId` of every other sheet-scoped name stays valid. `docProps/app.xml` is left as it was:
 * its list of sheet titles is informational, and Excel and LibreOffice rebuild it when they save.
 */
import type JSZip from 'jszip';
import type { Issue } from '../engine/issues';
import { nameKey } from '../engine/model';
import type { ReportSheet } from '../workbook/report-types';
import type { LoadedWorkbook } from './load-workbook';
import {
  appendToRoot,
  CONTENT_TYPES,
  CONTENT_TYPES_PART,
  findPart,
  folderOf,
  isKind,
  newRelationshipId,
  parseRelationships,
  readPart,
  relationshipType,
  relationshipXml,
  RELATIONSHIP_NAMESPACES,
  relsPathOf,
  setOverride,
  targetFor,
  type Relationship,
} from './package';
import { renderSheetXml } from './render-sheet';
import { OWNER_NAME, OWNER_VALUE, planReportSheets } from './report-owner';
import { addReportStyles, usedStyles } from './report-styles';
import { definedNameXml, editDefinedNames, sheetsBlock } from './workbook-xml';
import { encodeXml, findElements, namespacePrefix, setAttribute } from './xml';

/** The report cannot be added without overwriting a sheet of the user's. */
export class ReportSheetTakenError extends Error {
  override name = 'ReportSheetTakenError';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.message).join(' '));
  }
}

const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** The package's relationships of the workbook part, kept in step while parts are added. */
class WorkbookRelationships {
  private xml: string;
  private rels: Relationship[];
  constructor(
    xml: string | null,
    private readonly workbookPart: string,
  ) {
    this.xml = xml ?? EMPTY_RELATIONSHIPS;
    this.rels = parseRelationships(this.xml, workbookPart);
  }

  find(predicate: (r: Relationship) => boolean): Relationship | undefined {
    return this.rels.find(predicate);
  }

  /** Adds a relationship to `part` and returns its id. */
  add(kind: 'worksheet' | 'styles', part: string): string {
    const id = newRelationshipId(this.rels);
    const target = targetFor(this.workbookPart, part);
    this.xml = appendToRoot(this.xml, 'Relationships', relationshipXml(id, kind, target));
    this.rels.push({ id, type: relationshipType(kind), target, part });
    return id;
  }

  /** Makes the relationship `id` a worksheet relationship (an owned sheet that was something else). */
  makeWorksheet(id: string): void {
    const e = findElements(this.xml, 'Relationship').find((r) => /\sId\s*=\s*["']([^"']*)["']/.exec(` ${r.attrs}`)?.[1] === id);
    if (e === undefined) return;
    const attrs = setAttribute(e.attrs, 'Type', relationshipType('worksheet'));
    this.xml = `${this.xml.slice(0, e.start)}<${e.prefix}Relationship${attrs}/>${this.xml.slice(e.end)}`;
  }

  text(): string {
    return this.xml;
  }
}

/** A part name not in the package yet: `<folder>/worksheets/sheet<n>.xml`. */
function newSheetPart(zip: JSZip, workbookPart: string, from: number): string {
  const folder = folderOf(workbookPart);
  for (let n = from; ; n++) {
    const part = `${folder === '' ? '' : `${folder}/`}worksheets/sheet${n}.xml`;
    if (findPart(zip, part) === null) return part;
  }
}

/**
 * Writes a part under its existing name when it has one (part names ignore case). The text is handed
 * over as UTF-8 bytes: JSZip encodes a long string in pieces and would break a character made of two
 * UTF-16 units (an emoji) that falls on a piece boundary.
 */
function writePart(zip: JSZip, part: string, text: string): string {
  const name = findPart(zip, part)?.name ?? part;
  zip.file(name, Buffer.from(text, 'utf8'));
  return name;
}

/**
 * Adds the report sheets to the loaded package and returns the bytes of the copy. The loaded package
 * object is changed (it is the in-memory copy), so call this once per load; the input file is not touched.
 * Throws `ReportSheetTakenError` when a user's sheet has one of the report's names.
 */
export async function buildReportWorkbook(loaded: LoadedWorkbook, sheets: readonly ReportSheet[], currency: string): Promise<Buffer> {
  const plan = planReportSheets(loaded, sheets.map((s) => s.name));
  if (plan.issues.length > 0) throw new ReportSheetTakenError(plan.issues);
  const { zip, workbookPart, info } = loaded;

  const rels = new WorkbookRelationships(await readPart(zip, relsPathOf(workbookPart)), workbookPart);
  let contentTypes = await readPart(zip, CONTENT_TYPES_PART);
  if (contentTypes === null) throw new Error(`The workbook has no ${CONTENT_TYPES_PART}.`);

  const stylesRel = rels.find((r) => isKind(r, 'styles') && r.part !== null);
  const stylesOriginal = stylesRel?.part == null ? null : await readPart(zip, stylesRel.part);
  const styles = addReportStyles(stylesOriginal, usedStyles(sheets), currency);
  let stylesPart = stylesRel?.part ?? null;
  if (stylesPart === null || stylesOriginal === null) {
    stylesPart ??= folderOf(workbookPart) === '' ? 'styles.xml' : `${folderOf(workbookPart)}/styles.xml`;
    if (stylesRel === undefined) rels.add('styles', stylesPart);
  }
  stylesPart = writePart(zip, stylesPart, styles.xml);
  contentTypes = setOverride(contentTypes, stylesPart, CONTENT_TYPES.styles);

  const workbookXml = loaded.workbookXml;
  const { block, entries } = sheetsBlock(workbookXml);
  const p = block.prefix;
  const relPrefix = namespacePrefix(workbookXml, RELATIONSHIP_NAMESPACES);
  const relAttr = (id: string): string =>
    relPrefix === null ? ` xmlns:r="${RELATIONSHIP_NAMESPACES[0]}" r:id="${encodeXml(id)}"` : ` ${relPrefix}:id="${encodeXml(id)}"`;
  let sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId ?? 0));
  const edited = new Map<number, string>();
  const added: string[] = [];
  const owned: number[] = [];
  const replaced = new Set<number>();
  let nextPart = info.sheets.length + 1;

  for (const sheet of sheets) {
    const xml = renderSheetXml(sheet, styles.xf);
    const old = plan.replace.find((ws) => nameKey(ws.name) === nameKey(sheet.name));
    if (old === undefined) {
      const part = writePart(zip, newSheetPart(zip, workbookPart, nextPart++), xml);
      contentTypes = setOverride(contentTypes, part, CONTENT_TYPES.worksheet);
      const id = rels.add('worksheet', part);
      added.push(`<${p}sheet name="${encodeXml(sheet.name)}" sheetId="${++sheetId}"${relAttr(id)}/>`);
      owned.push(info.sheets.length + added.length - 1);
      continue;
    }
    // An earlier report sheet: same entry, same place, same relationship; new content.
    const entry = entries[old.index];
    let attrs = entry?.attrs ?? '';
    let part = old.part;
    const oldRel = rels.find((r) => r.id === info.sheets[old.index]?.rId);
    if (part === null || oldRel === undefined) {
      part = newSheetPart(zip, workbookPart, nextPart++);
      const id = rels.add('worksheet', part);
      attrs = attrs.replace(/\s[\w.-]*:id\s*=\s*(?:"[^"]*"|'[^']*')/, '') + relAttr(id);
    } else if (!isKind(oldRel, 'worksheet')) {
      rels.makeWorksheet(oldRel.id);
    }
    if (old.name !== sheet.name) attrs = setAttribute(attrs, 'name', sheet.name);
    if (part !== old.part) {
      writePart(zip, part, xml);
    } else {
      part = writePart(zip, part, xml);
      // The old part's own relationships (a drawing the user put on the report sheet) no longer apply.
      const ownRels = findPart(zip, relsPathOf(part));
      if (ownRels !== null) zip.remove(ownRels.name);
    }
    contentTypes = setOverride(contentTypes, part, CONTENT_TYPES.worksheet);
    if (entry !== undefined && attrs !== entry.attrs) edited.set(old.index, `<${entry.prefix}sheet${attrs}/>`);
    owned.push(old.index);
    replaced.add(old.index);
  }

  let sheetsInner = '';
  let cursor = block.innerStart;
  entries.forEach((e, i) => {
    sheetsInner += workbookXml.slice(cursor, e.start) + (edited.get(i) ?? workbookXml.slice(e.start, e.end));
    cursor = e.end;
  });
  sheetsInner += workbookXml.slice(cursor, block.innerStart + (block.inner ?? '').length) + added.join('');
  let newWorkbook = `${workbookXml.slice(0, block.start)}<${p}sheets${block.attrs}>${sheetsInner}</${p}sheets>${workbookXml.slice(block.end)}`;
  // Names scoped to a replaced report sheet (its old marker, a print area) go with its old content.
  const markers = owned.sort((a, b) => a - b).map((index) => definedNameXml(OWNER_NAME, OWNER_VALUE, { localSheetId: index, hidden: true, prefix: p }));
  newWorkbook = editDefinedNames(newWorkbook, (i) => replaced.has(info.definedNames[i]?.localSheetId ?? -1), markers);

  writePart(zip, workbookPart, newWorkbook);
  writePart(zip, relsPathOf(workbookPart), rels.text());
  writePart(zip, CONTENT_TYPES_PART, contentTypes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
