/**
 * A namespace-aware XML tokenizer for the parts of an .xlsx package, fed text in pieces.
 *
 * It reads XML as a parser does, not as text: comments, CDATA sections, processing instructions and a
 * DOCTYPE are recognised as such (a `<definedName>` inside a comment is no element), a `>` inside a
 * quoted attribute value does not end the tag, entities and character references are decoded, line ends
 * are normalised, and every element and attribute name is resolved to its namespace from the
 * declarations in scope, wherever they were made (on the root, or on the element itself as openpyxl
 * does). Unbound prefixes, mismatched end tags and unknown entities are errors, as in any conforming
 * parser; a test proves its events equal to those of `saxes` on every fixture.
 *
 * It scans with `charCodeAt` and `indexOf`, no regular expressions, because a million-row sheet is
 * hundreds of megabytes of XML and the scan has to stay close to the cost of inflating it.
 */
import { attributeValue, decodeEntities, internUri, normaliseLineEnds, splitName } from './xml-decode';
import { type AttributeSource, NO_DECLARATIONS, Tag } from './xml-start-tag';
import { type EndTag, type XmlAttribute, XmlError, type XmlHandler, type XmlName, XML_NAMESPACE, XMLNS_NAMESPACE } from './xml-types';

export * from './xml-types';
export { canonicalUri, decodeEntities } from './xml-decode';

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const QUOT = 34;
const APOS = 39;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const CR = 13;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === CR;
}

/** Characters that end a name in a tag. */
function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === CR || c === GT || c === SLASH || c === EQUALS || c === QUESTION;
}


/** Returned by a token reader that needs more text than the buffer holds. */
const MORE = -1;

function growPositions(pos: Int32Array): Int32Array {
  const grown = new Int32Array(pos.length * 2);
  grown.set(pos);
  return grown;
}

/**
 * The tokenizer. `write` pieces of text, then `end`. Offsets in the events count from the first
 * character written, so a whole part written at once gives offsets into that part's text.
 */
export class XmlTokenizer implements AttributeSource {
  private buffer = '';
  /** Stream offset of `buffer[0]`. */
  private base = 0;
  /** The qualified names of the open elements. */
  private readonly open: string[] = [];
  /** Their resolved names, for their end tags. */
  private readonly openUris: string[] = [];
  private readonly openLocals: string[] = [];
  private readonly openPrefixes: string[] = [];
  /** The end tag reported: one object, reused (a handler must not keep it past the call). */
  private readonly endEvent: EndTag = { uri: '', local: '', prefix: '', qname: '', start: 0, end: 0 };
  /** The start-tag event, reused for every tag. */
  private readonly tag: Tag = new Tag(this);
  /** Element names met lately: a sheet's tags are `row`, `c` and `v` over and over. */
  private readonly recentNames: string[] = [];
  /** Where the attributes of the tag being read stand: name start and end, value start and end. */
  private positions: Int32Array = new Int32Array(64);
  /** How many namespace bindings each open element added. */
  private readonly added: number[] = [];
  /** Namespace bindings in scope, innermost last: prefix, uri. */
  private readonly prefixes: string[] = ['xml'];
  private readonly uris: string[] = [internUri(XML_NAMESPACE)];
  private seenRoot = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of the document. */
  write(text: string): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const used = this.scan(false);
    if (used > 0) {
      this.buffer = this.buffer.slice(used);
      this.base += used;
    }
  }

  /** Ends the document: whatever is left must complete it. */
  end(): void {
    const used = this.scan(true);
    const rest = this.buffer.slice(used);
    if (rest.trim() !== '') throw new XmlError(`The XML ends inside a tag or a comment: "${rest.slice(0, 40)}".`);
    if (this.open.length > 0) throw new XmlError(`The XML ends before </${this.open[this.open.length - 1]}>.`);
    if (!this.seenRoot) throw new XmlError('The XML has no root element.');
  }

  /** The namespace URI bound to `prefix` ('' for the default namespace) where the tokenizer is now. */
  lookup(prefix: string): string | undefined {
    for (let i = this.prefixes.length - 1; i >= 0; i--) if (this.prefixes[i] === prefix) return this.uris[i];
    return prefix === '' ? '' : undefined;
  }

  /** Consumes as many whole tokens as the buffer holds; returns how many characters were consumed. */
  private scan(final: boolean): number {
    const s = this.buffer;
    let i = 0;
    while (i < s.length) {
      if (s.charCodeAt(i) !== LT) {
        const lt = s.indexOf('<', i);
        if (lt < 0 && !final) return i;
        const stop = lt < 0 ? s.length : lt;
        this.textRun(s, i, stop);
        i = stop;
        continue;
      }
      const next = s.charCodeAt(i + 1);
      let after: number;
      if (i + 1 >= s.length) after = MORE;
      else if (next === SLASH) after = this.endTag(s, i);
      else if (next === QUESTION) after = this.skipTo(s, i, '?>');
      else if (next === BANG) after = this.markup(s, i);
      else after = this.startTag(s, i);
      if (after === MORE) return i;
      i = after;
    }
    return i;
  }

  private textRun(s: string, from: number, to: number): void {
    if (this.open.length === 0) {
      for (let k = from; k < to; k++) {
        if (!isSpace(s.charCodeAt(k))) throw new XmlError(`Text outside the root element: "${s.slice(k, Math.min(to, k + 30))}".`);
      }
      return;
    }
    this.handler.text(decodeEntities(normaliseLineEnds(s.slice(from, to))), this.base + from, this.base + to);
  }

  private skipTo(s: string, from: number, terminator: string): number {
    const at = s.indexOf(terminator, from + 2);
    return at < 0 ? MORE : at + terminator.length;
  }

  /** `<!--`, `<![CDATA[` or `<!DOCTYPE`. */
  private markup(s: string, i: number): number {
    if (s.length < i + 9) {
      if (s.startsWith('<!--', i) && s.indexOf('-->', i + 4) >= 0) return s.indexOf('-->', i + 4) + 3;
      return MORE;
    }
    if (s.startsWith('<!--', i)) return this.skipTo(s, i + 2, '-->');
    if (s.startsWith('<![CDATA[', i)) {
      const close = s.indexOf(']]>', i + 9);
      if (close < 0) return MORE;
      if (this.open.length === 0) throw new XmlError('A CDATA section outside the root element.');
      this.handler.text(normaliseLineEnds(s.slice(i + 9, close)), this.base + i, this.base + close + 3);
      return close + 3;
    }
    if (s.startsWith('<!DOCTYPE', i)) {
      // The internal subset may hold '>' inside brackets; entity declarations in it are not honoured, so
      // an entity they declare is reported as undefined where it is used.
      let depth = 0;
      for (let k = i + 9; k < s.length; k++) {
        const c = s.charCodeAt(k);
        if (c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACKET) depth--;
        else if (c === GT && depth <= 0) return k + 1;
      }
      return MORE;
    }
    throw new XmlError(`Unexpected markup "${s.slice(i, i + 12)}".`);
  }

  private endTag(s: string, i: number): number {
    const gt = s.indexOf('>', i + 2);
    if (gt < 0) return MORE;
    let nameEnd = i + 2;
    while (nameEnd < gt && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    const expected = this.open.pop();
    // The end tag is compared in place with the open element's name; it is copied out only to complain.
    if (expected === undefined || nameEnd - i - 2 !== expected.length || !s.startsWith(expected, i + 2)) {
      const qname = s.slice(i + 2, nameEnd);
      throw new XmlError(expected === undefined ? `The end tag </${qname}> has no start tag.` : `The end tag </${qname}> does not close <${expected}>.`);
    }
    for (let k = nameEnd; k < gt; k++) if (!isSpace(s.charCodeAt(k))) throw new XmlError(`Unexpected text in the end tag </${expected}>.`);
    const qname = expected;
    const event = this.endEvent;
    event.uri = this.openUris.pop()!;
    event.local = this.openLocals.pop()!;
    event.prefix = this.openPrefixes.pop()!;
    event.qname = qname;
    event.start = this.base + i;
    event.end = this.base + gt + 1;
    this.handler.endElement(event);
    this.unbind(this.added.pop() ?? 0);
    return gt + 1;
  }

  private resolveElement(prefix: string, qname: string): string {
    const uri = this.lookup(prefix);
    if (uri === undefined) throw new XmlError(`The prefix "${prefix}" of <${qname}> is not declared.`);
    return uri;
  }

  private unbind(count: number): void {
    // Setting an array's length is slow in V8, and almost every element declares nothing.
    if (count === 0) return;
    this.prefixes.length -= count;
    this.uris.length -= count;
  }

  private startTag(s: string, i: number): number {
    let k = i + 1;
    while (k < s.length && !endsName(s.charCodeAt(k))) k++;
    if (k >= s.length) return MORE;
    const qname = this.nameAt(s, i + 1, k);
    if (qname === '') throw new XmlError(`A "<" is not followed by a name: "${s.slice(i, i + 20)}".`);
    if (this.open.length === 0 && this.seenRoot) throw new XmlError(`A second root element <${qname}>.`);
    const pos = this.positions;
    let count = 0;
    let declares = false;
    let prefixed = false;
    let selfClosing = false;
    for (;;) {
      while (k < s.length && isSpace(s.charCodeAt(k))) k++;
      if (k >= s.length) return MORE;
      const c = s.charCodeAt(k);
      if (c === GT) {
        k++;
        break;
      }
      if (c === SLASH) {
        if (k + 1 >= s.length) return MORE;
        if (s.charCodeAt(k + 1) !== GT) throw new XmlError(`Unexpected "/" in the tag <${qname}>.`);
        selfClosing = true;
        k += 2;
        break;
      }
      const nameStart = k;
      let colon = -1;
      while (k < s.length && !endsName(s.charCodeAt(k))) {
        if (s.charCodeAt(k) === 58 && colon < 0) colon = k;
        k++;
      }
      if (k >= s.length) return MORE;
      const nameEnd = k;
      if (nameEnd === nameStart) throw new XmlError(`Unexpected "${s[k]}" in the tag <${qname}>.`);
      while (k < s.length && isSpace(s.charCodeAt(k))) k++;
      if (k >= s.length) return MORE;
      if (s.charCodeAt(k) !== EQUALS) throw new XmlError(`The attribute ${s.slice(nameStart, nameEnd)} of <${qname}> has no value.`);
      k++;
      while (k < s.length && isSpace(s.charCodeAt(k))) k++;
      if (k >= s.length) return MORE;
      const quote = s.charCodeAt(k);
      if (quote !== QUOT && quote !== APOS) throw new XmlError(`The value of ${s.slice(nameStart, nameEnd)} in <${qname}> is not quoted.`);
      const close = s.indexOf(quote === QUOT ? '"' : "'", k + 1);
      if (close < 0) return MORE;
      const lt = s.indexOf('<', k + 1);
      if (lt >= 0 && lt < close) throw new XmlError(`The value of ${s.slice(nameStart, nameEnd)} in <${qname}> holds a "<".`);
      if (s.charCodeAt(nameStart) === 120 /* x */ && s.startsWith('xmlns', nameStart) && (nameEnd === nameStart + 5 || colon === nameStart + 5)) declares = true;
      else if (colon >= 0) prefixed = true;
      if (4 * count + 4 > pos.length) this.positions = growPositions(pos);
      const p = this.positions;
      p[4 * count] = nameStart;
      p[4 * count + 1] = nameEnd;
      p[4 * count + 2] = k + 1;
      p[4 * count + 3] = close;
      count++;
      k = close + 1;
      const after = s.charCodeAt(k);
      if (k < s.length && !isSpace(after) && after !== GT && after !== SLASH) throw new XmlError(`Attributes of <${qname}> must be separated by white space.`);
    }
    this.element(s, qname, count, declares, prefixed, selfClosing, i, k);
    return k;
  }

  private element(s: string, qname: string, count: number, declares: boolean, prefixed: boolean, selfClosing: boolean, start: number, end: number): void {
    const pos = this.positions;
    let declarations = NO_DECLARATIONS;
    if (declares) {
      declarations = [];
      for (let a = 0; a < count; a++) {
        const name = s.slice(pos[4 * a]!, pos[4 * a + 1]!);
        if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        const uri = internUri(attributeValue(s.slice(pos[4 * a + 2]!, pos[4 * a + 3]!)));
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
    }
    const [prefix, local] = splitName(qname);
    const uri = this.resolveElement(prefix, qname);
    // Same name twice is an error in any parser; plain names are compared in place, without slicing.
    for (let a = 1; a < count; a++) {
      const at = pos[4 * a]!;
      const len = pos[4 * a + 1]! - at;
      for (let b = 0; b < a; b++) {
        const bt = pos[4 * b]!;
        if (pos[4 * b + 1]! - bt !== len) continue;
        let same = true;
        for (let c = 0; c < len && same; c++) same = s.charCodeAt(at + c) === s.charCodeAt(bt + c);
        if (same) throw new XmlError(`The attribute ${s.slice(at, at + len)} appears twice in <${qname}>.`);
      }
    }
    this.seenRoot = true;
    const tag = this.tag;
    tag.reset(s, count, uri, local, prefix, qname, declarations, selfClosing, this.base + start, this.base + end);
    // Prefixed attributes are resolved now, so an unbound prefix is refused as any parser refuses it.
    if (prefixed) void tag.attributes;
    this.handler.startElement(tag);
    tag.detach();
    if (selfClosing) {
      const event = this.endEvent;
      event.uri = uri;
      event.local = local;
      event.prefix = prefix;
      event.qname = qname;
      event.start = tag.end;
      event.end = tag.end;
      this.handler.endElement(event);
      this.unbind(declarations.length);
    } else {
      this.open.push(qname);
      this.openUris.push(uri);
      this.openLocals.push(local);
      this.openPrefixes.push(prefix);
      this.added.push(declarations.length);
    }
  }

  /** The name written at `[start, end)`: a string met lately when it is one, so no copy is made. */
  private nameAt(s: string, start: number, end: number): string {
    const recent = this.recentNames;
    const length = end - start;
    for (let r = 0; r < recent.length; r++) {
      const name = recent[r]!;
      if (name.length === length && s.startsWith(name, start)) return name;
    }
    const name = s.slice(start, end);
    if (recent.length >= 8) recent.shift();
    recent.push((' ' + name).slice(1));
    return recent[recent.length - 1]!;
  }

  /** The attributes of the tag being reported, resolved (the tag's text is still in `s`). */
  resolveAttributes(s: string, count: number, qname: string): XmlAttribute[] {
    const pos = this.positions;
    const attributes: XmlAttribute[] = [];
    for (let a = 0; a < count; a++) {
      const name = s.slice(pos[4 * a]!, pos[4 * a + 1]!);
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const [ap, al] = splitName(name);
      let au = '';
      if (ap !== '') {
        const bound = this.lookup(ap);
        if (bound === undefined) throw new XmlError(`The prefix "${ap}" of the attribute ${name} in <${qname}> is not declared.`);
        au = bound;
      }
      for (const other of attributes) {
        if (other.local === al && other.uri === au) throw new XmlError(`The attribute ${name} appears twice in <${qname}>.`);
      }
      attributes.push({ uri: au, local: al, prefix: ap, qname: name, value: attributeValue(s.slice(pos[4 * a + 2]!, pos[4 * a + 3]!)) });
    }
    return attributes;
  }

  /** The value of the unprefixed attribute `local` of the tag being reported, or undefined. */
  plainAttribute(s: string, count: number, local: string): string | undefined {
    const pos = this.positions;
    for (let a = 0; a < count; a++) {
      const start = pos[4 * a]!;
      if (pos[4 * a + 1]! - start === local.length && s.startsWith(local, start)) return attributeValue(s.slice(pos[4 * a + 2]!, pos[4 * a + 3]!));
    }
    return undefined;
  }

  /** Characters held back, waiting for the rest of a token. */
  get pending(): number {
    return this.buffer.length;
  }
}
