/**
 * The one rule for text that reaches a report (the .xlsx package, the whale SVG): characters XML 1.0
 * forbids — C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone surrogates
 * — are never written raw, since a single one makes the whole part unreadable (xmllint, LibreOffice and
 * openpyxl refuse it; Excel offers to "repair" it away). Where they go depends on where the text goes:
 * - cell text keeps them as Excel's own escapes `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), so
 *   Excel reads the original back; a literal `_xHHHH_` is protected as `_x005F_xHHHH_` for the same reason;
 * - names (sheet names, defined names) and every other text (attributes, chart titles, SVG) cannot carry
 *   escapes: there the character is replaced.
 * Cell text is also cut to Excel's limit (`MAX_CELL_TEXT`). Every writer goes through this module.
 */

/** Characters XML 1.0 cannot hold, as one global pattern. */
const FORBIDDEN_SOURCE = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const FORBIDDEN = new RegExp(FORBIDDEN_SOURCE, 'g');
/**
 * What cell text escapes: a forbidden character; a carriage return, which a parser's end-of-line handling
 * would read as a line feed (Excel writes it `_x000D_` too); and the underscore of a literal `_xHHHH_`,
 * which Excel would read as an escape.
 */
const CELL_ESCAPED = new RegExp(`_(?=x[0-9A-Fa-f]{4}_)|\\r|${FORBIDDEN_SOURCE}`, 'g');

/** Excel's most characters in a cell, counted in UTF-16 units. */
export const MAX_CELL_TEXT = 32_767;

/** What replaces a forbidden character where no escape exists (names, attributes, titles). */
export const REPLACEMENT = '\uFFFD';

/** True when `text` holds a character XML 1.0 cannot hold. */
export function hasForbiddenXmlChar(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(text);
}

/** `text` with every character XML 1.0 cannot hold replaced by `replacement`. */
export function replaceForbiddenXmlChars(text: string, replacement = REPLACEMENT): string {
  return text.replace(FORBIDDEN, replacement);
}

/**
 * Escapes `&`, `<`, `>` and `"` of text already free of forbidden characters, and a carriage return as a
 * character reference: written raw, a parser reads it as a line feed.
 */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/**
 * Text for an element's content or a double-quoted attribute anywhere but a cell: forbidden characters
 * replaced (U+FFFD), markup escaped. Always well-formed, whatever `text` holds.
 */
export function encodeXml(text: string): string {
  return escapeMarkup(replaceForbiddenXmlChars(text));
}

/** `_xHHHH_` of one UTF-16 unit. */
function escapeOf(unit: string): string {
  return `_x${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/**
 * `text` with Excel's escapes and no markup escaping: forbidden characters as `_xHHHH_` and a literal
 * `_xHHHH_` as `_x005F_xHHHH_`, so that `decodeCellEscapes` gives `text` back exactly.
 */
export function escapeCellChars(text: string): string {
  return text.replace(CELL_ESCAPED, (m) => (m === '_' ? '_x005F_' : escapeOf(m)));
}

/**
 * Cell text (a `<t>` element) as Excel writes it: Excel's escapes (`escapeCellChars`) and markup escaped,
 * so Excel (and openpyxl, LibreOffice) read back exactly `text`. Cut cell text to `MAX_CELL_TEXT` before
 * (see `cutCellText`): the limit counts the text, not its escapes.
 */
export function encodeCellText(text: string): string {
  return escapeMarkup(escapeCellChars(text));
}

/** Decodes Excel's `_xHHHH_` escapes of cell text (`_x000D_` is a carriage return, `_x005F_` an underscore). */
export function decodeCellEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first `n` UTF-16 units of `text`, one fewer when the last would be the first half of a surrogate pair. */
export function cutUnits(text: string, n: number): string {
  if (text.length <= n) return text;
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff && n > 0 ? n - 1 : n);
}

/** Cell text within Excel's limit: the first `MAX_CELL_TEXT` units, never half a surrogate pair. */
export function cutCellText(text: string): string {
  return cutUnits(text, MAX_CELL_TEXT);
}
