/**
 * Reads and edits the workbook part (`xl/workbook.xml`): its sheets and defined names.
 *
 * The names are read from the XML because the contract needs them as written: whole-column names
 * (`'Transactions'!$A:$D`), whole-row names, `#REF!` names and formula names must all be seen, and a
 * worksheet-scoped name must keep its scope. Edits are made in place on the text, so every element the
 * runner does not touch stays byte for byte as it was.
 */
import { attributes, decodeXml, encodeXml, findElement, findElements } from './xml';

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

/** Lists the sheets and defined names of a workbook part. */
export function parseWorkbookXml(xml: string): WorkbookXmlInfo {
  const sheets: SheetEntry[] = [];
  const sheetsBlock = findElement(xml, 'sheets');
  for (const e of findElements(sheetsBlock?.inner ?? '', 'sheet')) {
    const attrs = attributes(e.attrs);
    const sheetId = attrs.get('sheetId');
    sheets.push({
      name: attrs.get('name') ?? '',
      state: attrs.get('state') ?? null,
      sheetId: sheetId === undefined || !/^\d+$/.test(sheetId) ? null : Number(sheetId),
      rId: attrs.get('id') ?? null,
    });
  }
  const definedNames: DefinedNameEntry[] = definedNameSpans(xml).map((e) => {
    const attrs = attributes(e.attrs);
    const local = attrs.get('localSheetId');
    return {
      name: attrs.get('name') ?? '',
      localSheetId: local === undefined ? null : parseInt(local, 10),
      hidden: attrs.get('hidden') === '1' || attrs.get('hidden') === 'true',
      formula: decodeXml(e.inner ?? '').trim().replace(/^=/, ''),
      attributes: [...attrs.entries()].filter(([key]) => !key.startsWith('xmlns')),
    };
  });
  const pr = findElement(xml, 'workbookPr');
  const date1904 = pr !== null && ['1', 'true'].includes(attributes(pr.attrs).get('date1904') ?? '');
  return { sheets, definedNames, date1904 };
}

/** The `<definedName>` elements with their places in the part. */
function definedNameSpans(xml: string) {
  const block = findElement(xml, 'definedNames');
  if (block === null || block.inner === null) return [];
  return findElements(block.inner, 'definedName').map((e) => ({ ...e, start: e.start + block.innerStart, end: e.end + block.innerStart }));
}

/** Serialises a defined name element; `prefix` is the namespace prefix of the part's elements, if any. */
export function definedNameXml(name: string, formula: string, options: { localSheetId?: number; hidden?: boolean; prefix?: string } = {}): string {
  const local = options.localSheetId === undefined ? '' : ` localSheetId="${options.localSheetId}"`;
  const hidden = options.hidden === true ? ' hidden="1"' : '';
  const p = options.prefix ?? '';
  return `<${p}definedName name="${encodeXml(name)}"${local}${hidden}>${encodeXml(formula)}</${p}definedName>`;
}

/**
 * Edits the defined names: removes those for which `drop` is true (by their index in
 * `parseWorkbookXml(xml).definedNames`) and appends `added` (serialised elements). The other elements
 * are kept as written. A missing `<definedNames>` is created where the schema wants it: after
 * `sheets`, `functionGroups` and `externalReferences`.
 */
export function editDefinedNames(xml: string, drop: (index: number) => boolean, added: readonly string[]): string {
  const block = findElement(xml, 'definedNames');
  if (block === null) {
    if (added.length === 0) return xml;
    let at = -1;
    let prefix = '';
    for (const name of ['sheets', 'functionGroups', 'externalReferences']) {
      const e = findElement(xml, name);
      if (e !== null && e.end > at) {
        at = e.end;
        if (name === 'sheets') prefix = e.prefix;
      }
    }
    if (at < 0) throw new Error('The workbook part has no <sheets> element.');
    return `${xml.slice(0, at)}<${prefix}definedNames>${added.join('')}</${prefix}definedNames>${xml.slice(at)}`;
  }
  const spans = definedNameSpans(xml);
  let out = '';
  let cursor = block.innerStart;
  spans.forEach((s, i) => {
    out += xml.slice(cursor, s.start);
    if (!drop(i)) out += xml.slice(s.start, s.end);
    cursor = s.end;
  });
  const inner = block.inner ?? '';
  const innerEnd = block.innerStart + inner.length;
  out += xml.slice(cursor, innerEnd) + added.join('');
  const p = block.prefix;
  if (spans.every((_s, i) => drop(i)) && added.length === 0) return xml.slice(0, block.start) + xml.slice(block.end);
  return `${xml.slice(0, block.start)}<${p}definedNames${block.attrs}>${out}</${p}definedNames>${xml.slice(block.end)}`;
}

/** The `<sheets>` element, for adding or editing `<sheet>` entries. */
export function sheetsBlock(xml: string) {
  const block = findElement(xml, 'sheets');
  if (block === null || block.inner === null) throw new Error('The workbook part has no <sheets> element.');
  const entries = findElements(block.inner, 'sheet').map((e) => ({ ...e, start: e.start + block.innerStart, end: e.end + block.innerStart }));
  return { block, entries };
}
