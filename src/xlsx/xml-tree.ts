/**
 * A small element tree of a part, for the parts the runner reads whole (workbook, relationships, content
 * types, styles, tables). Every element keeps where it stands in the text, so a part is edited by
 * splicing at those offsets: everything the runner does not change stays as written, byte for byte.
 *
 * New elements and attributes are written with names that are valid where they are put: the prefix the
 * part already binds to the namespace at that place, or a declaration on the new element itself when
 * none is in scope (openpyxl declares `xmlns:r` on each `<sheet>`, not on the root).
 */
import { encodeXml } from './xml';
import { type EndTag, type StartTag, type XmlAttribute, XmlError, type XmlName, XmlTokenizer } from './xml-tokenizer';

/** An element of a parsed part. */
export interface XmlElement extends XmlName {
  qname: string;
  attributes: XmlAttribute[];
  /** Namespace declarations made on this element: [prefix ('' for default), uri]. */
  declarations: Array<[string, string]>;
  selfClosing: boolean;
  parent: XmlElement | null;
  children: XmlElement[];
  /** The element's own text (its text and CDATA children, decoded), without that of its children. */
  text: string;
  /** Offsets in the part's text: `<`, after the start tag's `>`, the end tag's `</`, after its `>`. */
  start: number;
  startTagEnd: number;
  endTagStart: number;
  end: number;
}

/** Parses a whole part into its root element. Throws `XmlError` when the part is not well-formed XML. */
export function parseXml(text: string): XmlElement {
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const tokenizer = new XmlTokenizer({
    startElement(tag: StartTag) {
      const parent = stack[stack.length - 1] ?? null;
      const el: XmlElement = {
        uri: tag.uri,
        local: tag.local,
        prefix: tag.prefix,
        qname: tag.qname,
        attributes: tag.attributes,
        declarations: tag.declarations,
        selfClosing: tag.selfClosing,
        parent,
        children: [],
        text: '',
        start: tag.start,
        startTagEnd: tag.end,
        endTagStart: tag.end,
        end: tag.end,
      };
      if (parent === null) root = el;
      else parent.children.push(el);
      stack.push(el);
    },
    endElement(tag: EndTag) {
      const el = stack.pop();
      if (el === undefined) return;
      el.endTagStart = tag.start;
      el.end = tag.end;
    },
    text(t: string) {
      const el = stack[stack.length - 1];
      if (el !== undefined) el.text += t;
    },
  });
  tokenizer.write(text);
  tokenizer.end();
  if (root === null) throw new XmlError('The part has no root element.');
  return root;
}

/** The value of the unqualified attribute `local`, or of `local` in one of `uris`. */
export function attr(el: Pick<XmlElement, 'attributes'>, local: string, uris: readonly string[] = ['']): string | undefined {
  for (const a of el.attributes) if (a.local === local && uris.includes(a.uri)) return a.value;
  return undefined;
}

/** The children of `el` with local name `local` in one of `uris`. */
export function childrenNamed(el: XmlElement | null | undefined, local: string, uris: readonly string[]): XmlElement[] {
  if (el === null || el === undefined) return [];
  return el.children.filter((c) => c.local === local && uris.includes(c.uri));
}

/** The first child of `el` with local name `local` in one of `uris`. */
export function childNamed(el: XmlElement | null | undefined, local: string, uris: readonly string[]): XmlElement | undefined {
  return el?.children.find((c) => c.local === local && uris.includes(c.uri));
}

/** The namespace bound to `prefix` where `el` stands, or undefined. */
export function namespaceAt(el: XmlElement, prefix: string): string | undefined {
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    for (const [p, uri] of e.declarations) if (p === prefix) return uri;
  }
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  return prefix === '' ? '' : undefined;
}

/** A prefix (not the default namespace) bound to `uri` in scope at `el` and not shadowed, or undefined. */
function prefixAt(el: XmlElement, uri: string): string | undefined {
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    for (const [p, u] of e.declarations) if (u === uri && p !== '' && namespaceAt(el, p) === uri) return p;
  }
  return undefined;
}

/**
 * The start of a new element in namespace `uri`, to be put inside `parent`: `<name` plus, when no name
 * for the namespace is in scope there, its declaration. Close it with `closeTag` of the same result.
 */
export function newElementName(parent: XmlElement, uri: string, local: string): { open: string; close: string } {
  if (namespaceAt(parent, '') === uri) return { open: `<${local}`, close: `</${local}>` };
  const p = prefixAt(parent, uri);
  if (p !== undefined) return { open: `<${p}:${local}`, close: `</${p}:${local}>` };
  return { open: `<${local} xmlns="${encodeXml(uri)}"`, close: `</${local}>` };
}

/**
 * The text of an attribute in namespace `uri` for an element put inside `parent`: ` p:local="value"`,
 * with a declaration of a fresh prefix on the element itself when none is in scope.
 */
export function namespacedAttribute(parent: XmlElement, uri: string, local: string, value: string, wanted = 'r'): string {
  const p = prefixAt(parent, uri);
  if (p !== undefined) return ` ${p}:${local}="${encodeXml(value)}"`;
  let fresh = wanted;
  for (let n = 1; namespaceAt(parent, fresh) !== undefined; n++) fresh = `${wanted}${n}`;
  return ` xmlns:${fresh}="${encodeXml(uri)}" ${fresh}:${local}="${encodeXml(value)}"`;
}

/** A change to a part's text: replace `[start, end)` by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap (inserts at one offset keep their order). */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor) throw new Error('Overlapping edits of a part.');
    out += source.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + source.slice(cursor);
}

/**
 * Edits that append `inner` as the last content of `el`. An empty-element tag (`<definedNames/>`) is
 * opened up into a start and end tag with the same name.
 */
export function appendInside(source: string, el: XmlElement, inner: string): Edit[] {
  if (!el.selfClosing) return [{ start: el.endTagStart, end: el.endTagStart, text: inner }];
  const tag = source.slice(el.start, el.startTagEnd);
  const slash = tag.lastIndexOf('/');
  return [{ start: el.start, end: el.startTagEnd, text: `${tag.slice(0, slash)}>${inner}</${el.qname}>` }];
}

/**
 * An edit that sets the unqualified attribute `name` of `el`'s start tag to `value`: the existing one is
 * replaced where it stands, or the attribute is added before the tag's end.
 */
export function setAttributeEdit(source: string, el: XmlElement, name: string, value: string): Edit {
  const tag = source.slice(el.start, el.startTagEnd);
  const encoded = `"${encodeXml(value)}"`;
  const span = attributeSpan(tag, name);
  if (span !== null) return { start: el.start + span.valueStart, end: el.start + span.valueEnd, text: encoded };
  const close = el.selfClosing ? tag.lastIndexOf('/') : tag.length - 1;
  let at = close;
  while (at > 0 && isSpace(tag[at - 1])) at--;
  return { start: el.start + at, end: el.start + at, text: ` ${name}=${encoded}` };
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}

/** Where an attribute's quoted value stands in a start tag's text, found by walking the tag as XML. */
function attributeSpan(tag: string, name: string): { valueStart: number; valueEnd: number } | null {
  let k = 1;
  while (k < tag.length && !isSpace(tag[k]) && tag[k] !== '/' && tag[k] !== '>') k++;
  for (;;) {
    while (k < tag.length && isSpace(tag[k])) k++;
    if (k >= tag.length || tag[k] === '>' || tag[k] === '/') return null;
    const nameStart = k;
    while (k < tag.length && !isSpace(tag[k]) && tag[k] !== '=') k++;
    const found = tag.slice(nameStart, k);
    while (tag[k] !== '=' && k < tag.length) k++;
    k++;
    while (k < tag.length && isSpace(tag[k])) k++;
    const quote = tag[k];
    const close = tag.indexOf(quote ?? '"', k + 1);
    if (close < 0) return null;
    if (found === name) return { valueStart: k, valueEnd: close + 1 };
    k = close + 1;
  }
}

/** Edits that remove an element entirely. */
export function removeElement(el: XmlElement): Edit {
  return { start: el.start, end: el.end, text: '' };
}
