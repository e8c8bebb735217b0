/**
 * Shortcuts of the byte tokenizer for the tags a big part repeats a million times: a sheet's cells and
 * row start tags, a shared strings part's plain items. Each takes only a form whose every byte it has
 * matched (plain printable ASCII values, no references, no declarations), reports it in one call, and
 * returns the offset after it; for anything else, or a token not complete in `s`, it returns 0 and the
 * general path reads the token, so a bad part fails exactly as it would without them. A handler asks
 * for a shortcut where it reads such a token exactly as it would read its events.
 */
import { AMP, APOS, COLON, EQUALS, GT, LT, NAME_END, NOT_PLAIN, QUOT, SLASH, plainValueEnd, startsWithBytes } from './xml-byte-text';
import type { ByteXmlHandler } from './xml-byte-events';
import { type NameCache, type NameEntry, type NamespaceScope, repeatedAttribute, recordAttribute, startsWithXmlns } from './xml-scope';

/** What the shortcuts need of the tokenizer. */
export interface FastPathHost {
  readonly handler: ByteXmlHandler;
  readonly scope: NamespaceScope;
  readonly names: NameCache;
  /** The open elements and how many bindings each added. */
  readonly open: NameEntry[];
  readonly added: number[];
  /** Attribute positions of the tag being read (see `xml-scope.ts`). */
  positions: Int32Array;
  /** Stream offset of `s[0]`. */
  readonly base: number;
  /** The name entry of `row`, once met by `fastRow`. */
  rowEntry: NameEntry | null;
}

/** What a byte is in a row's attribute name: 0 a name byte, or the `=` after it, a `:`, or one the shortcut does not take. */
const NAME_EQUALS = 1;
const NAME_COLON = 2;
const NAME_REFUSED = 3;
const NAME_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) if (NAME_END[c] === 1 || c === QUOT || c === APOS || c === LT || c === AMP) NAME_BYTE[c] = NAME_REFUSED;
NAME_BYTE[EQUALS] = NAME_EQUALS;
NAME_BYTE[COLON] = NAME_COLON;

const PRESERVE = Buffer.from(' xml:space="preserve">');
const T_SI_END = Buffer.from('</t></si>');

/**
 * `<c r=".." s=".." t=".."><v>..</v></c>`, unprefixed (attributes optional but in that order), in one
 * pass. `r`, `s`, `t` in that order cannot repeat, and the element declares nothing.
 */
export function fastCell(host: FastPathHost, s: Buffer, i: number): number {
  const handler = host.handler;
  const uri = handler.fastCellUri;
  if (uri === undefined || uri === null || handler.cell === undefined || !host.scope.defaultIs(uri)) return 0;
  const n = s.length;
  let k = i + 2;
  if (k >= n || s[k] !== 32) return 0;
  k++;
  let r0 = -1;
  let r1 = -1;
  let column = -1;
  let s0 = -1;
  let s1 = -1;
  let t0 = -1;
  let t1 = -1;
  let next = 0;
  for (;;) {
    if (k + 3 >= n) return 0;
    const a = s[k];
    const slot = a === 114 /* r */ ? 0 : a === 115 /* s */ ? 1 : a === 116 /* t */ ? 2 : 3;
    if (slot < next || slot === 3 || s[k + 1] !== EQUALS || s[k + 2] !== QUOT) return 0;
    const v0 = k + 3;
    let e = v0;
    if (slot === 0) {
      // The column of the usual reference (`B7`) is read on the way: one to three capital letters,
      // which are plain bytes, so the value's scan goes on after them.
      let x = 0;
      column = 0;
      while (e < n && e - v0 < 4 && (x = s[e]!) >= 65 && x <= 90) {
        column = column * 26 + x - 64;
        e++;
      }
      if (e === v0 || e - v0 > 3) column = -1;
    }
    // The value must be plain printable ASCII up to its closing quote (see `plainValueEnd`).
    while (e < n && NOT_PLAIN[s[e]!] === 0) e++;
    if (e + 1 >= n || s[e] !== QUOT) return 0;
    if (slot === 0) {
      r0 = v0;
      r1 = e;
    } else if (slot === 1) {
      s0 = v0;
      s1 = e;
    } else {
      t0 = v0;
      t1 = e;
    }
    next = slot + 1;
    k = e + 1;
    if (s[k] === GT) break;
    if (s[k] !== 32) return 0;
    k++;
  }
  k++;
  if (k + 3 > n || s[k] !== LT || s[k + 1] !== 118 /* v */ || s[k + 2] !== GT) return 0;
  k += 3;
  const v0 = k;
  for (; k < n; k++) {
    const c = s[k]!;
    if (NOT_PLAIN[c] === 1 && c !== QUOT) {
      if (c === LT) break;
      return 0;
    }
  }
  if (k === v0 || k + 8 > n) return 0;
  // `</v></c>`
  if (s[k + 1] !== SLASH || s[k + 2] !== 118 || s[k + 3] !== GT || s[k + 4] !== LT || s[k + 5] !== SLASH || s[k + 6] !== 99 || s[k + 7] !== GT) return 0;
  handler.cell(s, column, r0, r1, s0, s1, t0, t1, v0, k);
  return k + 8;
}

/**
 * A sheet row's start tag with plain attributes (printable ASCII values without `&` and `<`, one space
 * apart, no declarations). Names are checked as the general path checks them.
 */
export function fastRow(host: FastPathHost, s: Buffer, i: number): number {
  const handler = host.handler;
  const uri = handler.fastRowUri;
  if (uri === undefined || uri === null || handler.row === undefined) return 0;
  const n = s.length;
  if (i + 5 >= n || s[i + 2] !== 111 /* o */ || s[i + 3] !== 119 /* w */ || s[i + 4] !== 32 || !host.scope.defaultIs(uri)) return 0;
  let k = i + 5;
  let count = 0;
  let prefixed = false;
  let r0 = -1;
  let r1 = -1;
  for (;;) {
    const nameStart = k;
    for (; k < n; k++) {
      const kind = NAME_BYTE[s[k]!]!;
      if (kind === 0) continue;
      if (kind === NAME_EQUALS) break;
      if (kind === NAME_COLON) prefixed = true;
      else return 0;
    }
    if (k === nameStart || k + 1 >= n || s[k + 1] !== QUOT) return 0;
    const nameEnd = k;
    if (startsWithXmlns(s, nameStart, nameEnd)) return 0;
    const e = plainValueEnd(s, k + 2);
    if (e < 0 || e + 1 >= n) return 0;
    recordAttribute(host, count, nameStart, nameEnd, k + 2, e);
    count++;
    if (nameEnd - nameStart === 1 && s[nameStart] === 114 /* r */) {
      r0 = k + 2;
      r1 = e;
    }
    k = e + 1;
    if (s[k] === GT) break;
    if (s[k] !== 32) return 0;
    k++;
  }
  const pos = host.positions;
  if (repeatedAttribute(s, pos, count) >= 0) return 0;
  if (prefixed && host.scope.attributesFaulty(s, pos, count)) return 0;
  // The name is `row`: its entry is kept, not looked up a million times.
  const entry = (host.rowEntry ??= host.names.at(s, i + 1, i + 4));
  entry.uri = uri;
  entry.version = host.scope.version;
  host.open.push(entry);
  host.added.push(0);
  handler.row(s, r0, r1);
  return k + 1;
}

/**
 * A run of sheet rows in one pass: each row's start tag (`fastRow`), its cells (`fastCell`) and its
 * `</row>`, then the next row, with no return to the general scan between them. It stops at the first
 * token not in that plain form (or not complete in `s`) and returns its offset, or 0 when not even the
 * first row's start tag was taken; the general path goes on from there with the row still open, so
 * nothing is read differently.
 */
export function fastRows(host: FastPathHost, s: Buffer, i: number): number {
  let k = fastRow(host, s, i);
  if (k === 0) return 0;
  const n = s.length;
  for (;;) {
    // Cells of the open row.
    while (k + 1 < n && s[k] === LT && s[k + 1] === 99 /* c */) {
      const after = fastCell(host, s, k);
      if (after === 0) return k;
      k = after;
    }
    // Its end tag, exactly `</row>`: the open element is the row `fastRow` pushed, which bound nothing.
    if (k + 6 > n || s[k] !== LT || s[k + 1] !== SLASH || s[k + 2] !== 114 || s[k + 3] !== 111 || s[k + 4] !== 119 || s[k + 5] !== GT) return k;
    const entry = host.open.pop()!;
    host.added.pop();
    host.handler.endElement(entry.uri, entry.local, host.base + k + 6, host.base + k, entry);
    k += 6;
    if (k + 1 >= n || s[k] !== LT || s[k + 1] !== 114 /* r */) return k;
    const next = fastRow(host, s, k);
    if (next === 0) return k;
    k = next;
  }
}

/**
 * A plain shared string item, `<si><t>text</t></si>` (or `<t xml:space="preserve">`) whose text has no
 * `<` or `&`: text the general path would pass on unchecked.
 */
export function fastItem(host: FastPathHost, s: Buffer, i: number): number {
  const handler = host.handler;
  const uri = handler.fastItemUri;
  if (uri === undefined || uri === null || handler.item === undefined) return 0;
  const n = s.length;
  if (i + 7 > n || s[i + 2] !== 105 /* i */ || s[i + 3] !== GT || s[i + 4] !== LT || s[i + 5] !== 116 /* t */) return 0;
  let k = i + 6;
  if (s[k] === GT) k++;
  else if (startsWithBytes(s, k, PRESERVE)) k += PRESERVE.length;
  else return 0;
  if (!host.scope.defaultIs(uri)) return 0;
  const text = k;
  for (; k < n; k++) {
    const c = s[k];
    if (c === LT) break;
    if (c === AMP) return 0;
  }
  if (!startsWithBytes(s, k, T_SI_END)) return 0;
  k += T_SI_END.length;
  handler.item(host.base + i, host.base + k, host.base + text);
  return k;
}
