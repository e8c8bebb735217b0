/**
 * Names and namespaces for the byte tokenizer: the element names met in a part, the namespace bindings
 * in scope, and the checks a namespace-aware parser makes on a start tag's attributes (declarations of
 * reserved prefixes, unbound prefixes, one expanded name twice).
 *
 * Attributes are given as positions into the tag's bytes: `pos[4a .. 4a + 3]` are the start and end of
 * attribute `a`'s name and of its value (without the quotes).
 */
import { AMP, COLON, latin1, sameBytes, utf8, valueOf } from './xml-byte-text';
import { attributeValue, internUri, splitName } from './xml-decode';
import { type XmlAttribute, XmlError, XML_NAMESPACE, XMLNS_NAMESPACE } from './xml-types';

/** An element name met in the part, with its resolution under the bindings it was last resolved with. */
export interface NameEntry {
  bytes: Buffer;
  qname: string;
  prefix: string;
  local: string;
  uri: string;
  /** The bindings version `uri` belongs to; -1 when not resolved. */
  version: number;
}

/** The declarations of an element that declares nothing: shared, never changed. */
export const NO_DECLARATIONS: Array<[string, string]> = [];

/** Element names met lately, so a sheet's `row`, `c` and `v` are decoded once, not a million times. */
export class NameCache {
  private readonly names: NameEntry[] = [];

  /** The entry of the element name at `s[start, end)`: one met lately when it is one. */
  at(s: Buffer, start: number, end: number): NameEntry {
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
}

/** The attribute that repeats the name of an earlier one of the tag, or -1. */
export function repeatedAttribute(s: Uint8Array, pos: Int32Array, count: number): number {
  for (let a = 1; a < count; a++) {
    const at = pos[4 * a]!;
    const len = pos[4 * a + 1]! - at;
    for (let b = 0; b < a; b++) {
      const bt = pos[4 * b]!;
      if (pos[4 * b + 1]! - bt === len && sameBytes(s, at, bt, len)) return a;
    }
  }
  return -1;
}

/** True when the attribute name at `s[start, end)` declares a namespace (`xmlns`, `xmlns:p`). */
export function isDeclaration(s: Uint8Array, start: number, end: number): boolean {
  return startsWithXmlns(s, start, end) && (end === start + 5 || s[start + 5] === COLON);
}

/** True when the attribute name at `s[start, end)` begins with `xmlns`: declarations and names reserved for them. */
export function startsWithXmlns(s: Uint8Array, start: number, end: number): boolean {
  return s[start] === 120 /* x */ && end - start >= 5 && latin1(s, start, start + 5) === 'xmlns';
}

/** What holds a tag's attribute positions: four per attribute (name start and end, value start and end). */
export interface AttributePositions {
  positions: Int32Array;
}

/** Records attribute number `count`'s positions, growing the array when it is full. */
export function recordAttribute(holder: AttributePositions, count: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
  let p = holder.positions;
  if (4 * count + 4 > p.length) {
    const grown = new Int32Array(p.length * 2);
    grown.set(p);
    p = holder.positions = grown;
  }
  p[4 * count] = nameStart;
  p[4 * count + 1] = nameEnd;
  p[4 * count + 2] = valueStart;
  p[4 * count + 3] = valueEnd;
}

/** The namespace bindings in scope, innermost last. */
export class NamespaceScope {
  private readonly prefixes: string[] = ['xml'];
  private readonly uris: string[] = [internUri(XML_NAMESPACE)];
  /** Changes whenever the bindings in scope change, so a cached resolution knows it is stale. */
  version = 0;
  private versions = 0;
  /** The default namespace under the bindings of `defaultVersion`. */
  private defaultUri = '';
  private defaultVersion = -1;

  /** The namespace URI bound to `prefix` ('' for the default namespace), or undefined when unbound. */
  lookup(prefix: string): string | undefined {
    for (let i = this.prefixes.length - 1; i >= 0; i--) if (this.prefixes[i] === prefix) return this.uris[i];
    return prefix === '' ? '' : undefined;
  }

  /** True when the default namespace in scope is `uri`. */
  defaultIs(uri: string): boolean {
    if (this.defaultVersion !== this.version) {
      this.defaultUri = this.lookup('') ?? '';
      this.defaultVersion = this.version;
    }
    return this.defaultUri === uri;
  }

  /** Binds the namespace declarations among the attributes of `<qname>` and returns them as [prefix, uri]. */
  declare(s: Buffer, pos: Int32Array, count: number, qname: string): Array<[string, string]> {
    const declarations: Array<[string, string]> = [];
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
    return declarations;
  }

  /** Drops the `count` innermost bindings: those of the element being closed. */
  unbind(count: number): void {
    if (count === 0) return;
    this.prefixes.length -= count;
    this.uris.length -= count;
    this.version = ++this.versions;
  }

  /** Resolves an element name under the bindings in scope; an unbound prefix is an error. */
  resolve(entry: NameEntry): void {
    if (entry.version === this.version) return;
    const uri = this.lookup(entry.prefix);
    if (uri === undefined) throw new XmlError(`The prefix "${entry.prefix}" of <${entry.qname}> is not declared.`);
    entry.uri = uri;
    entry.version = this.version;
  }

  /**
   * True when the prefixed attributes may be at fault (an unbound or non-ASCII prefix, a reference in a
   * value, two prefixes of one namespace with one local name): `resolveAttributes` then tells, in words.
   * Every row of a sheet has a prefixed attribute (`x14ac:dyDescent`), and building them costs more.
   */
  attributesFaulty(s: Uint8Array, pos: Int32Array, count: number): boolean {
    const prefixes = this.prefixes;
    let found: string[] | null = null;
    let starts: number[] | null = null;
    for (let a = 0; a < count; a++) {
      const at = pos[4 * a]!;
      const end = pos[4 * a + 1]!;
      let colon = -1;
      for (let k = at; k < end && colon < 0; k++) if (s[k] === COLON) colon = k;
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
      if (bound < 0) return true;
      for (let k = pos[4 * a + 2]!; k < pos[4 * a + 3]!; k++) if (s[k] === AMP) return true;
      const uri = this.uris[bound]!;
      found ??= [];
      starts ??= [];
      for (let b = 0; b < found.length; b++) {
        if (found[b] !== uri) continue;
        const other = starts[b]!;
        let otherColon = pos[4 * other]!;
        while (s[otherColon] !== COLON) otherColon++;
        const otherLength = pos[4 * other + 1]! - otherColon;
        if (otherLength === end - colon && sameBytes(s, otherColon, colon, otherLength)) return true;
      }
      found.push(uri);
      starts.push(a);
    }
    return false;
  }

  /** The attributes of `<qname>` but the declarations, resolved; unbound prefixes and repeated expanded names are errors. */
  resolveAttributes(s: Buffer, pos: Int32Array, count: number, qname: string): XmlAttribute[] {
    const attributes: XmlAttribute[] = [];
    for (let a = 0; a < count; a++) {
      const name = utf8(s, pos[4 * a]!, pos[4 * a + 1]!);
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
      attributes.push({ uri: au, local: al, prefix: ap, qname: name, value: valueOf(s, pos[4 * a + 2]!, pos[4 * a + 3]!) });
    }
    return attributes;
  }
}
