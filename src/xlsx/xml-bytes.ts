/**
 * The project's XML tokenizer. It reads UTF-8 bytes, for the parts that are hundreds of megabytes: a
 * million-row sheet is never turned into one UTF-16 string, and text is decoded only where a handler asks
 * for it (the cells it wants). `xml-tokenizer.ts` is its front for parts held as text.
 *
 * It reads XML as a parser does, not as text: comments, CDATA, processing instructions and a DOCTYPE are
 * recognised, a `>` inside a quoted value does not end a tag, names are resolved to their namespaces from
 * the declarations in scope (`xml-scope.ts`), and unbound prefixes, mismatched end tags, duplicate
 * attributes and unknown entities are errors. Markup is ASCII and UTF-8 never uses an ASCII byte inside a
 * multi-byte character, so scanning bytes for `<`, `>` and quotes finds exactly what scanning characters
 * would. The tokens a big part repeats a million times may take the shortcuts of `xml-fast-paths.ts`.
 */
import { AMP, APOS, BANG, EQUALS, find, GT, isSpace, LT, NAME_END, QUESTION, QUOT, SLASH, SPACE, startsWithBytes, utf8 } from './xml-byte-text';
import { ByteTag, type ByteXmlHandler } from './xml-byte-events';
import { decodeEntities } from './xml-decode';
import { fastCell, fastItem, fastRows } from './xml-fast-paths';
import { isDeclaration, NameCache, type NameEntry, NamespaceScope, NO_DECLARATIONS, repeatedAttribute, recordAttribute } from './xml-scope';
import { XmlError } from './xml-types';

export { latin1, textOf, utf8 } from './xml-byte-text';
export { ByteTag, type ByteXmlHandler } from './xml-byte-events';

const MORE = -1;
/** Bytes of a new piece joined to the unfinished token before it; a token longer than that joins it all. */
const JOIN_WINDOW = 16 * 1024;
const EMPTY = Buffer.alloc(0);
const COMMENT_END = Buffer.from('-->');
const PI_END = Buffer.from('?>');
const CDATA_END = Buffer.from(']]>');
const CDATA_START = Buffer.from('<![CDATA[');
const DOCTYPE_START = Buffer.from('<!DOCTYPE');
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The tokenizer: `write` pieces of UTF-8, then `end`. A piece is read in place, never kept. Its fields
 * are open to the shortcuts (`FastPathHost`), not to handlers.
 */
export class ByteXmlTokenizer {
  private buffer: Buffer = EMPTY;
  /** Stream offset of `s[0]` for the `s` being scanned (and of the held-back bytes between pieces). */
  base = 0;
  readonly open: NameEntry[] = [];
  readonly added: number[] = [];
  readonly scope = new NamespaceScope();
  readonly names = new NameCache();
  positions: Int32Array = new Int32Array(64);
  /** The name entry of `row`, kept by the row shortcut. */
  rowEntry: NameEntry | null = null;
  private seenRoot = false;
  private readonly tag: ByteTag = new ByteTag(this.scope);

  constructor(readonly handler: ByteXmlHandler) {}

  /** Feeds the next piece. */
  write(piece: Buffer): void {
    const carry = this.buffer;
    if (carry.length === 0) {
      this.consume(piece, 0);
      return;
    }
    // Only the token cut in two is joined, with as much of the piece as it likely needs: copying whole
    // megabyte pieces to finish a 40-byte cell cost a fifth of the scan.
    const take = Math.min(piece.length, JOIN_WINDOW);
    const joined = Buffer.concat([carry, piece.subarray(0, take)]);
    const used = this.scan(joined, false, 0);
    if (used >= carry.length) {
      this.base += carry.length;
      this.buffer = EMPTY;
      this.consume(piece, used - carry.length);
    } else {
      this.base += used;
      this.buffer = Buffer.concat([joined.subarray(used), piece.subarray(take)]);
    }
  }

  /** Scans `s` from `from`, `s[0]` being at `base`; keeps what is left, the start of a token. */
  private consume(s: Buffer, from: number): void {
    const used = this.scan(s, false, from);
    this.base += used;
    // A copy, so the piece it was part of is not kept.
    this.buffer = used === s.length ? EMPTY : Buffer.from(s.subarray(used));
  }

  /** Ends the document: whatever is left must complete it. */
  end(): void {
    const s = this.buffer;
    const used = this.scan(s, true, 0);
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

  /** The namespace URI bound to `prefix` ('' for the default namespace) where the tokenizer is now. */
  lookup(prefix: string): string | undefined {
    return this.scope.lookup(prefix);
  }

  private scan(s: Buffer, final: boolean, from: number): number {
    let i = from;
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
      else if (next === 99 /* c */ && (after = fastCell(this, s, i)) > 0) {
        // A whole cell, reported in one call.
      } else if (next === 114 /* r */ && (after = fastRows(this, s, i)) > 0) {
        // Rows, their cells and their end tags, as far as they are plain.
      } else if (next === 115 /* s */ && (after = fastItem(this, s, i)) > 0) {
        // A whole string item, reported in one call.
      } else after = this.startTag(s, i);
      if (after === MORE) return i;
      i = after;
    }
    return i;
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
          this.handler.endElement(expected.uri, expected.local, this.base + k + 1, this.base + i, expected);
          this.scope.unbind(this.added.pop() ?? 0);
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

  private startTag(s: Buffer, i: number): number {
    const n = s.length;
    let k = i + 1;
    while (k < n && NAME_END[s[k]!] === 0) k++;
    if (k >= n) return MORE;
    const entry = this.names.at(s, i + 1, k);
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
      let colon = false;
      while (k < n && NAME_END[s[k]!] === 0) {
        if (s[k] === 58 /* : */) colon = true;
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
      if (isDeclaration(s, nameStart, nameEnd)) declares = true;
      else if (colon) prefixed = true;
      recordAttribute(this, count, nameStart, nameEnd, k + 1, close);
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
    const scope = this.scope;
    const declarations = declares ? scope.declare(s, pos, count, entry.qname) : NO_DECLARATIONS;
    scope.resolve(entry);
    const repeated = repeatedAttribute(s, pos, count);
    if (repeated >= 0) throw new XmlError(`The attribute ${utf8(s, pos[4 * repeated]!, pos[4 * repeated + 1]!)} appears twice in <${entry.qname}>.`);
    this.seenRoot = true;
    // A prefixed attribute's fault is worded by resolving the attributes, which only then are built.
    if (prefixed && scope.attributesFaulty(s, pos, count)) scope.resolveAttributes(s, pos, count, entry.qname);
    const tag = this.tag;
    tag.uri = entry.uri;
    tag.local = entry.local;
    tag.prefix = entry.prefix;
    tag.qname = entry.qname;
    tag.selfClosing = selfClosing;
    tag.start = this.base + start;
    tag.end = this.base + end;
    tag.declarations = declarations;
    tag.s = s;
    tag.count = count;
    tag.positions = pos;
    this.handler.startElement(tag);
    tag.s = EMPTY;
    if (selfClosing) {
      this.handler.endElement(entry.uri, entry.local, this.base + end, this.base + end, entry);
      scope.unbind(declarations.length);
    } else {
      this.open.push(entry);
      this.added.push(declarations.length);
    }
  }
}
