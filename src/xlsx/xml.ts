/**
 * The little XML the package code needs: entities, attributes, text content and element blocks found by
 * regular expressions. SpreadsheetML parts are machine-written and their elements of interest hold no
 * comments or CDATA, so a scanner is enough and keeps every byte it does not touch.
 */

/** Optional namespace prefix of an element (`x:` in files written by the Open XML SDK). */
export const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
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

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return, lone
 * surrogates, U+FFFE and U+FFFF). They cannot be written at all, so they become U+FFFD.
 */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cell text for SpreadsheetML: invalid characters replaced, entities escaped, and a literal `_xHHHH_`
 * protected as `_x005F_xHHHH_`, because Excel reads `_xHHHH_` in cell text as an escaped character.
 */
export function encodeCellText(text: string): string {
  return encodeXml(text.replace(INVALID_XML_CHARS, '\uFFFD').replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** Decodes Excel's `_xHHHH_` escapes of cell text (`_x000D_` is a carriage return, `_x005F_` an underscore). */
export function decodeCellEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag (the text between the element name and `>`), by local name. */
export function attributes(tagBody: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagBody.matchAll(ATTRIBUTE)) {
    const qualified = m[1] ?? '';
    const local = qualified.includes(':') && !qualified.startsWith('xmlns') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
    out.set(local, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** An element found in a part: where it starts and ends, its start tag's attributes and its content. */
export interface ElementSpan {
  start: number;
  end: number;
  /** The namespace prefix as written, with its colon (`x:`), or ''. */
  prefix: string;
  /** The attribute text of the start tag. */
  attrs: string;
  /** The content between start and end tag; null for an empty-element tag. */
  inner: string | null;
  /** Offset of the content (or of the end of the empty-element tag). */
  innerStart: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first element `name` (any prefix) at or after `from`. Elements of that name must not nest, which
 * holds for every element this is used on.
 */
export function findElement(xml: string, name: string, from = 0): ElementSpan | null {
  const open = new RegExp(`<(${PREFIX})${escapeRegExp(name)}(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (m === null) return null;
  const prefix = m[1] ?? '';
  const attrs = m[2] ?? '';
  const startEnd = m.index + m[0].length;
  if (m[3] === '/') return { start: m.index, end: startEnd, prefix, attrs, inner: null, innerStart: startEnd };
  const closeTag = `</${prefix}${name}>`;
  const close = xml.indexOf(closeTag, startEnd);
  if (close < 0) return null;
  return { start: m.index, end: close + closeTag.length, prefix, attrs, inner: xml.slice(startEnd, close), innerStart: startEnd };
}

/** Every element `name` (any prefix) inside `xml`, in order; same restriction as `findElement`. */
export function findElements(xml: string, name: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  let from = 0;
  for (;;) {
    const e = findElement(xml, name, from);
    if (e === null) return out;
    out.push(e);
    from = e.end;
  }
}

/** The prefix bound to a namespace URI in the part (`r` for relationships, usually), or null. */
export function namespacePrefix(xml: string, uris: readonly string[]): string | null {
  for (const m of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    if (uris.includes(m[2] ?? '')) return m[1] ?? null;
  }
  return null;
}

/** Sets (or adds) an attribute in the attribute text of a start tag. */
export function setAttribute(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const encoded = `"${encodeXml(value)}"`;
  return re.test(attrs) ? attrs.replace(re, (_m, lead: string) => `${lead}${encoded}`) : `${attrs.replace(/\s*$/, '')} ${name}=${encoded}`;
}
