/**
 * Text to and from XML: escaping for elements and attributes, and Excel's `_xHHHH_` escapes of cell
 * text. Reading XML is the tokenizer's job (`xml-tokenizer.ts`); nothing here scans markup.
 */

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
