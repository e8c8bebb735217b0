/**
 * Reads and edits the workbook part (`xl/workbook.xml`): its sheets and defined names.
 *
 * The names are read from the XML because the contract needs them as written: whole-column names
 * (`'Transactions'!$A:$D`), whole-row names, `#REF!` names and formula names must all be seen, and a
 * worksheet-scoped name must keep its scope. Edits are splices at the elements' offsets, so every
 * element the runner does not touch stays byte for byte as it was.
 */
import { MAIN_NS, REL_NS } from './namespaces';
import { parsePart } from './package';
import { encodeXml } from './xml';
import { appendInside, applyEdits, attr, childNamed, childrenNamed, type Edit, newElementName, removeElement, type XmlElement } from './xml-tree';

/** A sheet as listed in `<sheets>`; its index in that list is what `localSheetId` refers to. */
export interface SheetEntry {
  name: string;
  state: string | null;
  /** The `sheetId` attribute; new sheets get a larger one. */
  sheetId: number | null;
  /** The relationship id (`r:id`) that leads to the sheet's part. */
  rId: string | null;
}

/** One `<definedName>` element. */
export interface DefinedNameEntry {
  name: string;
  /** Index into the `<sheets>` list for a worksheet-scoped name, null for a workbook-scoped one. */
  localSheetId: number | null;
  hidden: boolean;
  /** What the name refers to, e.g. `'Pools'!$A$1:$D$20`, without a leading `=`. */
  formula: string;
  /** All attributes by local name (comment, function, xlm …). */
  attributes: Array<[string, string]>;
}

export interface WorkbookXmlInfo {
  sheets: SheetEntry[];
  definedNames: DefinedNameEntry[];
  /** True when dates count from 1904 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
}

/** The workbook part parsed, with the elements the runner reads or edits. */
export interface WorkbookDocument {
  root: XmlElement;
  sheets: XmlElement;
  sheetElements: XmlElement[];
  definedNames: XmlElement | undefined;
  definedNameElements: XmlElement[];
}

const ROOT_NAME = 'the workbook part';

/** Parses the workbook part. Throws `PartFormatError` when it is not well-formed or has no `<sheets>`. */
export function parseWorkbookDocument(xml: string, partName = ROOT_NAME): WorkbookDocument {
  const root = parsePart(xml, partName);
  const sheets = childNamed(root, 'sheets', MAIN_NS);
  if (root.local !== 'workbook' || !MAIN_NS.includes(root.uri) || sheets === undefined) {
    throw new Error(`${partName} is not a SpreadsheetML workbook: it has no <workbook> with <sheets>.`);
  }
  const definedNames = childNamed(root, 'definedNames', MAIN_NS);
  return {
    root,
    sheets,
    sheetElements: childrenNamed(sheets, 'sheet', MAIN_NS),
    definedNames,
    definedNameElements: childrenNamed(definedNames, 'definedName', MAIN_NS),
  };
}

/** Lists the sheets and defined names of a workbook part. */
export function parseWorkbookXml(xml: string, partName = ROOT_NAME): WorkbookXmlInfo {
  const doc = parseWorkbookDocument(xml, partName);
  const sheets: SheetEntry[] = doc.sheetElements.map((e) => {
    const sheetId = attr(e, 'sheetId');
    return {
      name: attr(e, 'name') ?? '',
      state: attr(e, 'state') ?? null,
      sheetId: sheetId === undefined || !/^\d+$/.test(sheetId) ? null : Number(sheetId),
      rId: attr(e, 'id', REL_NS) ?? null,
    };
  });
  const definedNames: DefinedNameEntry[] = doc.definedNameElements.map((e) => {
    const local = attr(e, 'localSheetId');
    const hidden = attr(e, 'hidden');
    return {
      name: attr(e, 'name') ?? '',
      localSheetId: local === undefined || !/^\d+$/.test(local.trim()) ? null : Number(local.trim()),
      hidden: hidden === '1' || hidden === 'true',
      formula: e.text.trim().replace(/^=/, ''),
      attributes: e.attributes.filter((a) => a.uri === '').map((a): [string, string] => [a.local, a.value]),
    };
  });
  const pr = childNamed(doc.root, 'workbookPr', MAIN_NS);
  const date1904 = pr !== undefined && ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  return { sheets, definedNames, date1904 };
}

/** A defined name to add. */
export interface NewDefinedName {
  name: string;
  formula: string;
  localSheetId?: number;
  hidden?: boolean;
}

/** Elements of the schema that come after `definedNames` in `<workbook>`, in order. */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Serialises new defined names as children of `parent` (the `<definedNames>` element, or the root). */
function definedNamesXml(parent: XmlElement, uri: string, added: readonly NewDefinedName[]): string {
  const el = newElementName(parent, uri, 'definedName');
  return added
    .map((d) => {
      const local = d.localSheetId === undefined ? '' : ` localSheetId="${d.localSheetId}"`;
      const hidden = d.hidden === true ? ' hidden="1"' : '';
      return `${el.open} name="${encodeXml(d.name)}"${local}${hidden}>${encodeXml(d.formula)}${el.close}`;
    })
    .join('');
}

/**
 * Edits of the defined names: removes those for which `drop` is true (by their index in
 * `parseWorkbookXml(xml).definedNames`) and appends `added`. A missing `<definedNames>` is created where
 * the schema wants it (before `calcPr` and what follows it); one left empty is removed.
 */
export function definedNamesEdits(xml: string, doc: WorkbookDocument, drop: (index: number) => boolean, added: readonly NewDefinedName[]): Edit[] {
  const uri = doc.root.uri;
  const edits: Edit[] = [];
  const block = doc.definedNames;
  if (block === undefined) {
    if (added.length === 0) return edits;
    const later = doc.root.children.find((c) => MAIN_NS.includes(c.uri) && AFTER_DEFINED_NAMES.includes(c.local));
    const el = newElementName(doc.root, uri, 'definedNames');
    // The new block's own declaration (if any) is in scope for its children, so they take its name form.
    const inner = definedNamesXml(doc.root, uri, added);
    const text = `${el.open}>${inner}${el.close}`;
    if (later !== undefined) edits.push({ start: later.start, end: later.start, text });
    else edits.push(...appendInside(xml, doc.root, text));
    return edits;
  }
  const kept = doc.definedNameElements.filter((_e, i) => !drop(i));
  if (kept.length === 0 && added.length === 0) return [removeElement(block)];
  doc.definedNameElements.forEach((e, i) => {
    if (drop(i)) edits.push(removeElement(e));
  });
  if (added.length > 0) edits.push(...appendInside(xml, block, definedNamesXml(block, uri, added)));
  return edits;
}

/** Replaces the defined names of a workbook part (see `definedNamesEdits`) and returns the new text. */
export function editDefinedNames(xml: string, drop: (index: number) => boolean, added: readonly NewDefinedName[]): string {
  const doc = parseWorkbookDocument(xml);
  return applyEdits(xml, definedNamesEdits(xml, doc, drop, added));
}
