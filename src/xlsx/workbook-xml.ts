/**
 * Reads and rewrites the parts of `xl/workbook.xml` that ExcelJS 4.4 gets wrong: defined names.
 *
 * ExcelJS expands every defined name cell by cell and keeps only `$A$1:$B$2`-style ranges: a whole-column
 * name (`'Transactions'!$A:$D`), a whole-row name, a `#REF!` name or a formula name is silently dropped,
 * a worksheet-scoped name loses its scope, and a name over `$A$1:$D$1048576` costs millions of objects.
 * So the runner reads the names itself from the XML, hides them from ExcelJS, and puts them back verbatim
 * in the workbook it writes. The elements involved hold no nested markup, so a small scanner is enough.
 */

/** A worksheet as listed in `<sheets>`; its index in that list is what `localSheetId` refers to. */
export interface SheetEntry {
  name: string;
  state: string | null;
}

/** One `<definedName>` element. */
export interface DefinedNameEntry {
  name: string;
  /** Index into the `<sheets>` list for a worksheet-scoped name, null for a workbook-scoped one. */
  localSheetId: number | null;
  hidden: boolean;
  /** What the name refers to, e.g. `'Pools'!$A$1:$D$20`, without a leading `=`. */
  formula: string;
  /** All attributes by local name (comment, function, xlm …), to write the name back as it was. */
  attributes: Array<[string, string]>;
}

export interface WorkbookXmlInfo {
  sheets: SheetEntry[];
  definedNames: DefinedNameEntry[];
}

/** Optional namespace prefix of an element (`x:` in files written by the Open XML SDK). */
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, ref: string) => {
    switch (ref) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    }
  });
}

/** Escapes text for an element's content or a double-quoted attribute. */
export function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes of a start tag (the text between the element name and `>`), local names as keys. */
function attributes(tagBody: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagBody.matchAll(ATTRIBUTE)) {
    const qualified = m[1] ?? '';
    const local = qualified.includes(':') && !qualified.startsWith('xmlns') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
    out.set(local, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** Lists the sheets and defined names of a workbook part. */
export function parseWorkbookXml(xml: string): WorkbookXmlInfo {
  const sheets: SheetEntry[] = [];
  const sheetsBlock = new RegExp(`<${PREFIX}sheets\\b[^>]*>([\\s\\S]*?)</${PREFIX}sheets>`).exec(xml);
  if (sheetsBlock !== null) {
    for (const m of (sheetsBlock[1] ?? '').matchAll(new RegExp(`<${PREFIX}sheet\\b([^>]*?)/?>`, 'g'))) {
      const attrs = attributes(m[1] ?? '');
      sheets.push({ name: attrs.get('name') ?? '', state: attrs.get('state') ?? null });
    }
  }
  const definedNames: DefinedNameEntry[] = [];
  const namesBlock = definedNamesBlock(xml);
  if (namesBlock !== null) {
    const element = new RegExp(`<(${PREFIX})definedName\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1definedName>)`, 'g');
    for (const m of namesBlock.inner.matchAll(element)) {
      const attrs = attributes(m[2] ?? '');
      const local = attrs.get('localSheetId');
      const formula = decodeXml(m[3] ?? '').trim().replace(/^=/, '');
      definedNames.push({
        name: attrs.get('name') ?? '',
        localSheetId: local === undefined ? null : parseInt(local, 10),
        hidden: attrs.get('hidden') === '1' || attrs.get('hidden') === 'true',
        formula,
        attributes: [...attrs.entries()].filter(([key]) => !key.startsWith('xmlns')),
      });
    }
  }
  return { sheets, definedNames };
}

/** The `<definedNames>` element: where it starts and ends, and its content. */
function definedNamesBlock(xml: string): { start: number; end: number; inner: string } | null {
  const open = new RegExp(`<(${PREFIX})definedNames\\b[^>]*?(/?)>`).exec(xml);
  if (open === null) return null;
  const start = open.index;
  if (open[2] === '/') return { start, end: start + open[0].length, inner: '' };
  const closeTag = `</${open[1] ?? ''}definedNames>`;
  const close = xml.indexOf(closeTag, start);
  if (close < 0) return null;
  return { start, end: close + closeTag.length, inner: xml.slice(start + open[0].length, close) };
}

/** The workbook part without its defined names (what ExcelJS is given to read). */
export function removeDefinedNames(xml: string): string {
  const block = definedNamesBlock(xml);
  return block === null ? xml : xml.slice(0, block.start) + xml.slice(block.end);
}

/**
 * Replaces the defined names of a workbook part by the given elements (already serialised). They go
 * right after `</sheets>`, which is where the schema wants them in a part ExcelJS wrote (it writes no
 * function groups or external references).
 */
export function replaceDefinedNames(xml: string, elements: readonly string[]): string {
  const without = removeDefinedNames(xml);
  if (elements.length === 0) return without;
  const close = new RegExp(`</(${PREFIX})sheets>`).exec(without);
  if (close === null) throw new Error('The written workbook has no <sheets> element.');
  const prefix = close[1] ?? '';
  const block = `<${prefix}definedNames>${elements.join('')}</${prefix}definedNames>`;
  const at = close.index + close[0].length;
  return without.slice(0, at) + block + without.slice(at);
}

/** Serialises a defined name element. */
export function definedNameXml(name: string, formula: string, options: { localSheetId?: number; hidden?: boolean } = {}): string {
  const local = options.localSheetId === undefined ? '' : ` localSheetId="${options.localSheetId}"`;
  const hidden = options.hidden === true ? ' hidden="1"' : '';
  return `<definedName name="${encodeXml(name)}"${local}${hidden}>${encodeXml(formula)}</definedName>`;
}

/**
 * A name found in the input, serialised again with all its attributes, its `localSheetId` moved to the
 * sheet's new index (the writer may remove old report sheets, which shifts the sheets after them).
 * Serialising rather than copying the element drops a namespace prefix the output does not declare.
 */
export function entryXml(entry: DefinedNameEntry, newLocalSheetId: number | null): string {
  const attrs = entry.attributes
    .filter(([key]) => key !== 'localSheetId')
    .map(([key, value]) => ` ${key}="${encodeXml(value)}"`)
    .join('');
  const local = newLocalSheetId === null ? '' : ` localSheetId="${newLocalSheetId}"`;
  return `<definedName${attrs}${local}>${encodeXml(entry.formula)}</definedName>`;
}
