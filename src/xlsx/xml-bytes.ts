/**
 * The XML tokenizer of `xml-tokenizer.ts`, reading UTF-8 bytes instead of text, for the parts that are
 * hundreds of megabytes: a million-row sheet is never turned into one UTF-16 string, and text is decoded
 * only where a handler asks for it (the cells it wants).
 *
 * It is the same parser: comments, CDATA, processing instructions and a DOCTYPE are recognised, a `>`
 * inside a quoted value does not end a tag, names are resolved to their namespaces from the declarations
 * in scope, and unbound prefixes, mismatched end tags, duplicate attributes and unknown entities are
 * errors. Markup is ASCII and UTF-8 never uses an ASCII byte inside a multi-byte character, so scanning
 * bytes for `<`, `>` and quotes finds exactly what scanning characters would; the tests hold its events
 * equal to the text tokenizer's on every fixture part.
 */
import { attributeValue, decodeEntities, internUri, normaliseLineEnds, splitName } from './xml-decode';
import { type XmlAttribute, XmlError, XML_NAMESPACE, XMLNS_NAMESPACE } from './xml-types';

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const QUOT = 34;
const APOS = 39;
const AMP = 38;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const CR = 13;
const COLON = 58;

const MORE = -1;
const EMPTY = Buffer.alloc(0);
const COMMENT_END = Buffer.from('-->');
const PI_END = Buffer.from('?>');
const CDATA_END = Buffer.from(']]>');
const CDATA_START = Buffer.from('<![CDATA[');
const DOCTYPE_START = Buffer.from('<!DOCTYPE');

/** Node's own slicing decoders: `toString` checks its arguments on every call, and cells are millions of calls. */
interface FastSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** `s[start, end)` read as Latin-1 (ASCII, for bytes known to be below 0x80). */
export function latin1(s: Uint8Array, start: number, end: number): string {
  return (s as unknown as FastSlices).latin1Slice(start, end);
}

/** `s[start, end)` decoded as UTF-8. */
export function utf8(s: Uint8Array, start: number, end: number): string {
  return (s as unknown as FastSlices).utf8Slice(start, end);
}

/**
 * The next `byte` from `from`, or -1. A loop, not `Buffer#indexOf`: the distances in a sheet are a few
 * bytes, and a call into Node's native search costs more than reading them.
 */
function find(s: Uint8Array, byte: number, from: number): number {
  const n = s.length;
  for (let k = from; k < n; k++) if (s[k] === byte) return k;
  return -1;
}

/** Byte classes, looked up rather than compared: the scan reads every byte of a 200 MB part. */
const SPACE = new Uint8Array(256);
const NAME_END = new Uint8Array(256);
for (const c of [32, 10, 9, CR]) SPACE[c] = NAME_END[c] = 1;
for (const c of [GT, SLASH, EQUALS, QUESTION]) NAME_END[c] = 1;

/** Bytes the fast paths do not take in a value or text: control bytes, non-ASCII, `&`, `<` (and `"`, which ends a value). */
const NOT_PLAIN = new Uint8Array(256);
for (let c = 0; c < 256; c++) if (c < 32 || c > 126 || c === AMP || c === LT || c === QUOT) NOT_PLAIN[c] = 1;

function isSpace(c: number): boolean {
  return SPACE[c] === 1;
}

function startsWithBytes(s: Buffer, at: number, prefix: Buffer): boolean {
  if (at + prefix.length > s.length) return false;
  for (let k = 0; k < prefix.length; k++) if (s[at + k] !== prefix[k]) return false;
  return true;
}

/**
 * Text of `s[start, end)` as a parser reports it: UTF-8 decoded, line ends normalised and, outside CDATA,
 * references decoded. Plain ASCII (nearly every cell) is read as Latin-1, which is the same and faster.
 */
export function textOf(s: Uint8Array, start: number, end: number, cdata = false): string {
  const b = s as Buffer;
  let plain = true;
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c >= 0x80 || c === AMP || c === CR) {
      plain = false;
      break;
    }
  }
  if (plain) return latin1(b, start, end);
  const text = normaliseLineEnds(utf8(b, start, end));
  return cdata ? text : decodeEntities(text);
}

/** An attribute value as the parser reports it (see `attributeValue`). */
function valueOf(s: Buffer, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c >= 0x80 || c === AMP || c === CR || c === 10 || c === 9) return attributeValue(utf8(s, start, end));
  }
  return latin1(s, start, end);
}

/** An element name met in the part, with its resolution under the bindings it was last resolved with. */
interface NameEntry {
  bytes: Buffer;
  qname: string;
  prefix: string;
  local: string;
  uri: string;
  /** The bindings version `uri` belongs to; -1 when not resolved. */
  version: number;
}

/** What the byte tokenizer reports. Text is raw bytes: decode it with `textOf` when it is wanted. */
export interface ByteXmlHandler {
  startElement(tag: ByteTag): void;
  /** Also called right after `startElement` for an empty-element tag. `end` is the offset after its `>`. */
  endElement(uri: string, local: string, end: number): void;
  /** A run of character data inside the root, `s[start, end)`; `cdata` for a CDATA section's content. */
  text(s: Buffer, start: number, end: number, cdata: boolean): void;
  /**
   * When set, an unprefixed `<c r=".." s=".." t=".."><v>..</v></c>` (attributes optional but in that order,
   * values and text plain printable ASCII without references) whose default namespace is this URI is
   * reported as one call to `cell` instead of five events. The handler sets it only where such a cell is
   * read exactly as its events would be read; anything else about the cell takes the general path.
   */
  fastCellUri?: string | null;
  /** A cell of the fast path: offsets of the `r`, `s`, `t` values (-1 when absent) and of the `<v>` text. */
  /** Like `fastCellUri`, for an unprefixed `<row ..>` start tag of plain attributes. */
  fastRowUri?: string | null;
  /** A row start tag of the fast path: offsets of its `r` value (-1 when absent). */
  row?(s: Buffer, r0: number, r1: number): void;
  cell?(s: Buffer, r0: number, r1: number, s0: number, s1: number, t0: number, t1: number, v0: number, v1: number): void;
}

/**
 * A start tag as reported: one object serves every tag; valid during the handler's call only. Attribute
 * values are decoded only when asked for.
 */
export class ByteTag {
  uri = '';
  local = '';
  prefix = '';
  qname = '';
  selfClosing = false;
  /** Stream offsets of `<` and of the byte after `>`. */
  start = 0;
  end = 0;
  /** Namespace declarations made on this element: [prefix, uri]. */
  declarations: Array<[string, string]> = NO_DECLARATIONS;
  /** The buffer the tag is in and its attributes' positions (name start, name end, value start, value end). */
  s: Buffer = EMPTY;
  count = 0;
  positions: Int32Array = new Int32Array(0);

  constructor(private readonly tokenizer: ByteXmlTokenizer) {}

  /** Index of the unprefixed attribute `local`, or -1. */
  indexOf(local: string): number {
    const s = this.s;
    const p = this.positions;
    const n = local.length;
    for (let a = 0; a < this.count; a++) {
      const at = p[4 * a]!;
      if (p[4 * a + 1]! - at !== n) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) same = s[at + k] === local.charCodeAt(k);
      if (same) return a;
    }
    return -1;
  }

  /** The decoded value of the unprefixed attribute `local`, or undefined. */
  attr(local: string): string | undefined {
    const a = this.indexOf(local);
    return a < 0 ? undefined : valueOf(this.s, this.positions[4 * a + 2]!, this.positions[4 * a + 3]!);
  }

  /** Every attribute but the namespace declarations, resolved. */
  get attributes(): XmlAttribute[] {
    return this.tokenizer.resolveAttributes(this);
  }
}

const NO_DECLARATIONS: Array<[string, string]> = [];

/** The tokenizer: `write` pieces of UTF-8, then `end`. A piece is read in place, never kept. */
export class ByteXmlTokenizer {
  private buffer: Buffer = EMPTY;
  /** Stream offset of `buffer[0]`. */
  private base = 0;
  private readonly open: NameEntry[] = [];
  private readonly added: number[] = [];
  private readonly prefixes: string[] = ['xml'];
  private readonly uris: string[] = [internUri(XML_NAMESPACE)];
  /** Changes whenever the bindings in scope change, so a cached resolution knows it is stale. */
  private version = 0;
  private versions = 0;
  private readonly names: NameEntry[] = [];
  private positions = new Int32Array(64);
  private seenRoot = false;
  private readonly tag: ByteTag = new ByteTag(this);
  /** The default namespace under the bindings of `defaultVersion`. */
  private defaultUri = '';
  private defaultVersion = -1;

  constructor(private readonly handler: ByteXmlHandler) {}

  /** Feeds the next piece. */
  write(piece: Buffer): void {
    const s = this.buffer.length === 0 ? piece : Buffer.concat([this.buffer, piece]);
    const used = this.scan(s, false);
    this.base += used;
    // What is left is the start of a token: a copy, so the piece it was part of is not kept.
    this.buffer = used === s.length ? EMPTY : Buffer.from(s.subarray(used));
  }

  /** Ends the document: whatever is left must complete it. */
  end(): void {
    const s = this.buffer;
    const used = this.scan(s, true);
    const rest = s.subarray(used);
    for (const c of rest) {
      if (!isSpace(c)) throw new XmlError(`The XML ends inside a tag or a comment: "${rest.subarray(0, 40).toString('utf8')}".`);
    }
    const last = this.open[this.open.length - 1];
    if (last !== undefined) throw new XmlError(`The XML ends before </${last.qname}>.`);
    if (!this.seenRoot) throw new XmlError('The XML has no root element.');
  }

  /** Bytes held back, waiting for the rest of a token. */
  get pending(): number {
    return this.buffer.length;
  }

  private lookup(prefix: string): string | undefined {
    for (let i = this.prefixes.length - 1; i >= 0; i--) if (this.prefixes[i] === prefix) return this.uris[i];
    return prefix === '' ? '' : undefined;
  }

  private scan(s: Buffer, final: boolean): number {
    let i = 0;
    const n = s.length;
    while (i < n) {
      if (s[i] !== LT) {
        const lt = find(s, LT, i);
        if (lt < 0 && !final) return i;
        const stop = lt < 0 ? n : lt;
        this.textRun(s, i, stop);
        i = stop;
        continue;
      }
      if (i + 1 >= n) return i;
      const next = s[i + 1];
      let after: number;
      if (next === SLASH) after = this.endTag(s, i);
      else if (next === QUESTION) after = this.skipTo(s, i + 2, PI_END);
      else if (next === BANG) after = this.markup(s, i);
      else if (next === 99 /* c */ && (after = this.fastCell(s, i)) > 0) {
        // A whole cell, reported in one call.
      } else if (next === 114 /* r */ && (after = this.fastRow(s, i)) > 0) {
        // A row's start tag, reported in one call.
      } else after = this.startTag(s, i);
      if (after === MORE) return i;
      i = after;
    }
    return i;
  }

  /**
   * The common cell of a sheet in one pass, or 0 when it is not one of those (or not complete in `s`):
   * the general path then reads it. Only printable ASCII without `&` and `<` is accepted in values and
   * text, so nothing needs decoding, normalising or checking beyond what is matched here; `r`, `s`, `t`
   * in that order cannot repeat, and the element declares nothing.
   */
  private fastCell(s: Buffer, i: number): number {
    const handler = this.handler;
    const uri = handler.fastCellUri;
    if (uri === undefined || uri === null || handler.cell === undefined) return 0;
    if (this.defaultVersion !== this.version) {
      this.defaultUri = this.lookup('') ?? '';
      this.defaultVersion = this.version;
    }
    if (this.defaultUri !== uri) return 0;
    const n = s.length;
    let k = i + 2;
    if (k >= n || s[k] !== 32) return 0;
    k++;
    let r0 = -1;
    let r1 = -1;
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
      for (; e < n; e++) {
        const c = s[e]!;
        if (NOT_PLAIN[c] === 1) {
          if (c === QUOT) break;
          return 0;
        }
      }
      if (e + 1 >= n) return 0;
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
    handler.cell(s, r0, r1, s0, s1, t0, t1, v0, k);
    return k + 8;
  }

  /**
   * A sheet row's start tag with plain attributes (printable ASCII values without `&` and `<`, one space
   * apart, no declarations), or 0 for the general path. Names are checked as `element` checks them.
   */
  private fastRow(s: Buffer, i: number): number {
    const handler = this.handler;
    const uri = handler.fastRowUri;
    if (uri === undefined || uri === null || handler.row === undefined) return 0;
    const n = s.length;
    if (i + 5 >= n || s[i + 2] !== 111 /* o */ || s[i + 3] !== 119 /* w */ || s[i + 4] !== 32) return 0;
    if (this.defaultVersion !== this.version) {
      this.defaultUri = this.lookup('') ?? '';
      this.defaultVersion = this.version;
    }
    if (this.defaultUri !== uri) return 0;
    let k = i + 5;
    let count = 0;
    let prefixed = false;
    let r0 = -1;
    let r1 = -1;
    for (;;) {
      const nameStart = k;
      for (; k < n; k++) {
        const c = s[k]!;
        if (c === EQUALS) break;
        if (NAME_END[c] === 1 || c === QUOT || c === APOS || c === LT || c === AMP) return 0;
        if (c === COLON) prefixed = true;
      }
      if (k === nameStart || k + 1 >= n || s[k + 1] !== QUOT) return 0;
      const nameEnd = k;
      if (s[nameStart] === 120 /* x */ && nameEnd - nameStart >= 5 && latin1(s, nameStart, nameStart + 5) === 'xmlns') return 0;
      let e = k + 2;
      for (; e < n; e++) {
        const c = s[e]!;
        if (NOT_PLAIN[c] === 1) {
          if (c === QUOT) break;
          return 0;
        }
      }
      if (e + 1 >= n) return 0;
      if (4 * count + 4 > this.positions.length) {
        const grown = new Int32Array(this.positions.length * 2);
        grown.set(this.positions);
        this.positions = grown;
      }
      const p = this.positions;
      p[4 * count] = nameStart;
      p[4 * count + 1] = nameEnd;
      p[4 * count + 2] = k + 2;
      p[4 * count + 3] = e;
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
    const pos = this.positions;
    for (let a = 1; a < count; a++) {
      const at = pos[4 * a]!;
      const len = pos[4 * a + 1]! - at;
      for (let b = 0; b < a; b++) {
        const bt = pos[4 * b]!;
        if (pos[4 * b + 1]! - bt !== len) continue;
        let same = true;
        for (let c = 0; c < len && same; c++) same = s[at + c] === s[bt + c];
        if (same) return 0;
      }
    }
    if (prefixed && this.attributesFaulty(s, count)) return 0;
    const entry = this.nameAt(s, i + 1, i + 4);
    entry.uri = uri;
    entry.version = this.version;
    this.open.push(entry);
    this.added.push(0);
    handler.row(s, r0, r1);
    return k + 1;
  }

  private textRun(s: Buffer, from: number, to: number): void {
    if (this.open.length === 0) {
      for (let k = from; k < to; k++) {
        if (!isSpace(s[k]!)) throw new XmlError(`Text outside the root element: "${s.subarray(k, Math.min(to, k + 30)).toString('utf8')}".`);
      }
      return;
    }
    // References are checked here, wanted or not, as any parser checks them.
    for (let k = from; k < to; k++) {
      if (s[k] === AMP) {
        decodeEntities(utf8(s, from, to));
        break;
      }
    }
    this.handler.text(s, from, to, false);
  }

  private skipTo(s: Buffer, from: number, terminator: Buffer): number {
    const at = s.indexOf(terminator, from);
    return at < 0 ? MORE : at + terminator.length;
  }

  private markup(s: Buffer, i: number): number {
    if (s.length < i + 9) {
      if (s[i + 2] === 45 && s[i + 3] === 45) {
        const close = s.indexOf(COMMENT_END, i + 4);
        if (close >= 0) return close + 3;
      }
      return MORE;
    }
    if (s[i + 2] === 45 && s[i + 3] === 45) return this.skipTo(s, i + 4, COMMENT_END);
    if (startsWithBytes(s, i, CDATA_START)) {
      const close = s.indexOf(CDATA_END, i + 9);
      if (close < 0) return MORE;
      if (this.open.length === 0) throw new XmlError('A CDATA section outside the root element.');
      this.handler.text(s, i + 9, close, true);
      return close + 3;
    }
    if (startsWithBytes(s, i, DOCTYPE_START)) {
      let depth = 0;
      for (let k = i + 9; k < s.length; k++) {
        const c = s[k];
        if (c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACKET) depth--;
        else if (c === GT && depth <= 0) return k + 1;
      }
      return MORE;
    }
    throw new XmlError(`Unexpected markup "${s.subarray(i, i + 12).toString('utf8')}".`);
  }

  private endTag(s: Buffer, i: number): number {
    const n = s.length;
    const expected = this.open[this.open.length - 1];
    // The open element's name is compared in place; the end tag is searched for its `>` only to complain.
    if (expected !== undefined) {
      const b = expected.bytes;
      let k = i + 2;
      let same = k + b.length <= n;
      for (let j = 0; j < b.length && same; j++) same = s[k + j] === b[j];
      if (same) {
        k += b.length;
        while (k < n && SPACE[s[k]!] === 1) k++;
        if (k >= n) return MORE;
        if (s[k] === GT) {
          this.open.pop();
          this.handler.endElement(expected.uri, expected.local, this.base + k + 1);
          this.unbind(this.added.pop() ?? 0);
          return k + 1;
        }
      }
    }
    const gt = find(s, GT, i + 2);
    if (gt < 0) return MORE;
    let nameEnd = i + 2;
    while (nameEnd < gt && !isSpace(s[nameEnd]!)) nameEnd++;
    const qname = utf8(s, i + 2, nameEnd);
    if (expected === undefined) throw new XmlError(`The end tag </${qname}> has no start tag.`);
    if (qname !== expected.qname) throw new XmlError(`The end tag </${qname}> does not close <${expected.qname}>.`);
    throw new XmlError(`Unexpected text in the end tag </${expected.qname}>.`);
  }

  private unbind(count: number): void {
    if (count === 0) return;
    this.prefixes.length -= count;
    this.uris.length -= count;
    this.version = ++this.versions;
  }

  /** The entry of the element name at `s[start, end)`: one met lately when it is one. */
  private nameAt(s: Buffer, start: number, end: number): NameEntry {
    const names = this.names;
    const length = end - start;
    for (let r = names.length - 1; r >= 0; r--) {
      const entry = names[r]!;
      const b = entry.bytes;
      if (b.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = s[start + k] === b[k];
      if (same) return entry;
    }
    const qname = utf8(s, start, end);
    if (qname === '') throw new XmlError(`A "<" is not followed by a name: "${s.subarray(start - 1, start + 19).toString('utf8')}".`);
    const [prefix, local] = splitName(qname);
    const entry: NameEntry = { bytes: Buffer.from(s.subarray(start, end)), qname, prefix, local, uri: '', version: -1 };
    if (names.length >= 32) names.shift();
    names.push(entry);
    return entry;
  }

  private startTag(s: Buffer, i: number): number {
    const n = s.length;
    let k = i + 1;
    while (k < n && NAME_END[s[k]!] === 0) k++;
    if (k >= n) return MORE;
    const entry = this.nameAt(s, i + 1, k);
    if (this.open.length === 0 && this.seenRoot) throw new XmlError(`A second root element <${entry.qname}>.`);
    let count = 0;
    let declares = false;
    let prefixed = false;
    let selfClosing = false;
    for (;;) {
      while (k < n && SPACE[s[k]!] === 1) k++;
      if (k >= n) return MORE;
      const c = s[k];
      if (c === GT) {
        k++;
        break;
      }
      if (c === SLASH) {
        if (k + 1 >= n) return MORE;
        if (s[k + 1] !== GT) throw new XmlError(`Unexpected "/" in the tag <${entry.qname}>.`);
        selfClosing = true;
        k += 2;
        break;
      }
      const nameStart = k;
      let colon = -1;
      while (k < n && NAME_END[s[k]!] === 0) {
        if (s[k] === COLON && colon < 0) colon = k;
        k++;
      }
      if (k >= n) return MORE;
      const nameEnd = k;
      if (nameEnd === nameStart) throw new XmlError(`Unexpected "${String.fromCharCode(s[k]!)}" in the tag <${entry.qname}>.`);
      while (k < n && isSpace(s[k]!)) k++;
      if (k >= n) return MORE;
      if (s[k] !== EQUALS) throw new XmlError(`The attribute ${utf8(s, nameStart, nameEnd)} of <${entry.qname}> has no value.`);
      k++;
      while (k < n && isSpace(s[k]!)) k++;
      if (k >= n) return MORE;
      const quote = s[k];
      if (quote !== QUOT && quote !== APOS) throw new XmlError(`The value of ${utf8(s, nameStart, nameEnd)} in <${entry.qname}> is not quoted.`);
      let close = k + 1;
      for (; close < n; close++) {
        const v = s[close];
        if (v === quote) break;
        if (v === LT) throw new XmlError(`The value of ${utf8(s, nameStart, nameEnd)} in <${entry.qname}> holds a "<".`);
      }
      if (close >= n) return MORE;
      if (s[nameStart] === 120 /* x */ && nameEnd - nameStart >= 5 && latin1(s, nameStart, nameStart + 5) === 'xmlns' && (nameEnd === nameStart + 5 || colon === nameStart + 5)) declares = true;
      else if (colon >= 0) prefixed = true;
      if (4 * count + 4 > this.positions.length) {
        const grown = new Int32Array(this.positions.length * 2);
        grown.set(this.positions);
        this.positions = grown;
      }
      const p = this.positions;
      p[4 * count] = nameStart;
      p[4 * count + 1] = nameEnd;
      p[4 * count + 2] = k + 1;
      p[4 * count + 3] = close;
      count++;
      k = close + 1;
      if (k >= n) return MORE;
      const after = s[k]!;
      if (!isSpace(after) && after !== GT && after !== SLASH) throw new XmlError(`Attributes of <${entry.qname}> must be separated by white space.`);
    }
    this.element(s, entry, count, declares, prefixed, selfClosing, i, k);
    return k;
  }

  private element(s: Buffer, entry: NameEntry, count: number, declares: boolean, prefixed: boolean, selfClosing: boolean, start: number, end: number): void {
    const pos = this.positions;
    const qname = entry.qname;
    let declarations = NO_DECLARATIONS;
    if (declares) {
      declarations = [];
      for (let a = 0; a < count; a++) {
        const name = utf8(s, pos[4 * a]!, pos[4 * a + 1]!);
        if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        const uri = internUri(attributeValue(utf8(s, pos[4 * a + 2]!, pos[4 * a + 3]!)));
        if (prefix !== '' && uri === '') throw new XmlError(`The prefix "${prefix}" is declared with an empty namespace in <${qname}>.`);
        if (prefix === 'xmlns' || (prefix === 'xml') !== (uri === XML_NAMESPACE) || uri === XMLNS_NAMESPACE) {
          throw new XmlError(`<${qname}> declares the reserved prefix or namespace "${prefix || uri}".`);
        }
        for (const [p] of declarations) if (p === prefix) throw new XmlError(`<${qname}> declares the prefix "${prefix}" twice.`);
        declarations.push([prefix, uri]);
      }
      for (const [prefix, uri] of declarations) {
        this.prefixes.push(prefix);
        this.uris.push(uri);
      }
      if (declarations.length > 0) this.version = ++this.versions;
    }
    if (entry.version !== this.version) {
      const uri = this.lookup(entry.prefix);
      if (uri === undefined) throw new XmlError(`The prefix "${entry.prefix}" of <${qname}> is not declared.`);
      entry.uri = uri;
      entry.version = this.version;
    }
    for (let a = 1; a < count; a++) {
      const at = pos[4 * a]!;
      const len = pos[4 * a + 1]! - at;
      for (let b = 0; b < a; b++) {
        const bt = pos[4 * b]!;
        if (pos[4 * b + 1]! - bt !== len) continue;
        let same = true;
        for (let c = 0; c < len && same; c++) same = s[at + c] === s[bt + c];
        if (same) throw new XmlError(`The attribute ${utf8(s, at, at + len)} appears twice in <${qname}>.`);
      }
    }
    this.seenRoot = true;
    const tag = this.tag;
    tag.uri = entry.uri;
    tag.local = entry.local;
    tag.prefix = entry.prefix;
    tag.qname = qname;
    tag.selfClosing = selfClosing;
    tag.start = this.base + start;
    tag.end = this.base + end;
    tag.declarations = declarations;
    tag.s = s;
    tag.count = count;
    tag.positions = pos;
    if (prefixed) this.checkAttributes(s, count);
    this.handler.startElement(tag);
    tag.s = EMPTY;
    if (selfClosing) {
      this.handler.endElement(entry.uri, entry.local, this.base + end);
      this.unbind(declarations.length);
    } else {
      this.open.push(entry);
      this.added.push(declarations.length);
    }
  }

  /**
   * Checks the prefixed attributes of the tag being reported as `resolveAttributes` does, without building
   * them: every row of a sheet has one (`x14ac:dyDescent`). Any fault is left to `resolveAttributes` to word.
   */
  private checkAttributes(s: Buffer, count: number): void {
    if (this.attributesFaulty(s, count)) this.resolveAttributes(this.tag);
  }

  /** True when the prefixed attributes at `positions` may be at fault: `resolveAttributes` then tells. */
  private attributesFaulty(s: Buffer, count: number): boolean {
    const pos = this.positions;
    const prefixes = this.prefixes;
    let faulty = false;
    let found: string[] | null = null;
    let starts: number[] | null = null;
    for (let a = 0; a < count && !faulty; a++) {
      const at = pos[4 * a]!;
      const end = pos[4 * a + 1]!;
      let colon = -1;
      for (let k = at; k < end; k++) {
        if (s[k] === COLON) {
          colon = k;
          break;
        }
      }
      if (colon < 0) continue;
      const length = colon - at;
      if (length === 5 && latin1(s, at, colon) === 'xmlns') continue;
      let bound = -1;
      for (let p = prefixes.length - 1; p >= 0 && bound < 0; p--) {
        const prefix = prefixes[p]!;
        if (prefix.length !== length) continue;
        let same = true;
        for (let k = 0; k < length && same; k++) same = s[at + k] === prefix.charCodeAt(k);
        if (same) bound = p;
      }
      // A prefix that is not ASCII is compared by `resolveAttributes`, which also words an unbound one.
      if (bound < 0) {
        faulty = true;
        break;
      }
      // A reference in the value is checked by decoding it, as `resolveAttributes` would.
      for (let k = pos[4 * a + 2]!; k < pos[4 * a + 3]! && !faulty; k++) faulty = s[k] === AMP;
      const uri = this.uris[bound]!;
      found ??= [];
      starts ??= [];
      // Two prefixes bound to the same namespace with the same local name are one attribute twice.
      for (let b = 0; b < found.length && !faulty; b++) {
        if (found[b] !== uri) continue;
        const other = starts[b]!;
        const otherColon = s.indexOf(COLON, pos[4 * other]!);
        const otherLength = pos[4 * other + 1]! - otherColon;
        if (otherLength !== end - colon) continue;
        let same = true;
        for (let k = 1; k < otherLength && same; k++) same = s[otherColon + k] === s[colon + k];
        if (same) faulty = true;
      }
      found.push(uri);
      starts.push(a);
    }
    return faulty;
  }

  /** The attributes of the tag being reported, resolved; unbound prefixes and repeated expanded names are errors. */
  resolveAttributes(tag: ByteTag): XmlAttribute[] {
    const s = tag.s;
    const pos = tag.positions;
    const attributes: XmlAttribute[] = [];
    for (let a = 0; a < tag.count; a++) {
      const name = utf8(s, pos[4 * a]!, pos[4 * a + 1]!);
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const [ap, al] = splitName(name);
      let au = '';
      if (ap !== '') {
        const bound = this.lookup(ap);
        if (bound === undefined) throw new XmlError(`The prefix "${ap}" of the attribute ${name} in <${tag.qname}> is not declared.`);
        au = bound;
      }
      for (const other of attributes) {
        if (other.local === al && other.uri === au) throw new XmlError(`The attribute ${name} appears twice in <${tag.qname}>.`);
      }
      attributes.push({ uri: au, local: al, prefix: ap, qname: name, value: valueOf(s, pos[4 * a + 2]!, pos[4 * a + 3]!) });
    }
    return attributes;
  }
}
