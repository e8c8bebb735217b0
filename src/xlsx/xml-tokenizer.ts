/**
 * The XML tokenizer for parts held as text (the small parts: workbook, styles, tables, charts): a front
 * over the byte tokenizer of `xml-bytes.ts`, which does the reading — the text is encoded as UTF-8 and
 * scanned as bytes, so there is one parser, with one set of rules, for every part.
 *
 * It reads XML as a parser does, not as text: comments, CDATA sections, processing instructions and a
 * DOCTYPE are recognised as such (a `<definedName>` inside a comment is no element), a `>` inside a
 * quoted attribute value does not end the tag, entities and character references are decoded, line ends
 * are normalised, and every element and attribute name is resolved to its namespace from the
 * declarations in scope, wherever they were made. Unbound prefixes, mismatched end tags and unknown
 * entities are errors, as in any conforming parser; a test proves its events equal to those of `saxes`
 * on every fixture. Offsets in the events count UTF-16 code units of the text, as a string's do.
 */
import { ByteTag, ByteXmlTokenizer, textOf } from './xml-bytes';
import { CharOffsets } from './xml-char-offsets';
import type { NameEntry } from './xml-scope';
import type { EndTag, StartTag, XmlAttribute, XmlHandler } from './xml-types';

export * from './xml-types';
export { canonicalUri, decodeEntities } from './xml-decode';

/** The length of `<![CDATA[` and of `]]>`, which the byte tokenizer leaves out of a section's text. */
const CDATA_OPEN = 9;
const CDATA_CLOSE = 3;

/**
 * The start-tag event as the text handlers see it: offsets in characters, attributes built from the
 * byte tag while its event lasts and kept after.
 */
class TextTag implements StartTag {
  uri = '';
  local = '';
  prefix = '';
  qname = '';
  declarations: Array<[string, string]> = [];
  selfClosing = false;
  start = 0;
  end = 0;
  private source: ByteTag | null = null;
  private resolved: XmlAttribute[] | null = null;

  /** Makes this the event of `tag` (one object serves every tag of a part). */
  reset(tag: ByteTag, start: number, end: number): void {
    this.uri = tag.uri;
    this.local = tag.local;
    this.prefix = tag.prefix;
    this.qname = tag.qname;
    this.declarations = tag.declarations;
    this.selfClosing = tag.selfClosing;
    this.start = start;
    this.end = end;
    this.source = tag;
    this.resolved = null;
  }

  get attributes(): XmlAttribute[] {
    if (this.resolved === null) {
      if (this.source === null) throw new Error('The attributes of a start tag were asked for after its event.');
      this.resolved = this.source.attributes;
    }
    return this.resolved;
  }

  attr(local: string): string | undefined {
    if (this.resolved !== null || this.source === null) {
      for (const a of this.attributes) if (a.local === local && a.uri === '') return a.value;
      return undefined;
    }
    return this.source.attr(local);
  }

  /** Called once the event is over: the bytes it points into are about to change. */
  detach(): void {
    this.source = null;
  }
}

/**
 * The tokenizer. `write` pieces of text, then `end`. Offsets in the events count from the first
 * character written, so a whole part written at once gives offsets into that part's text.
 */
export class XmlTokenizer {
  private readonly bytes: ByteXmlTokenizer;
  private readonly offsets = new CharOffsets();
  /** A high surrogate that ended the last piece: it is encoded with the low one that follows. */
  private heldSurrogate = '';
  private readonly tag = new TextTag();
  /** The end tag reported: one object, reused (a handler must not keep it past the call). */
  private readonly endEvent: EndTag = { uri: '', local: '', prefix: '', qname: '', start: 0, end: 0 };

  constructor(handler: XmlHandler) {
    const offsets = this.offsets;
    const tag = this.tag;
    const endEvent = this.endEvent;
    const bytes = new ByteXmlTokenizer({
      startElement(t: ByteTag): void {
        tag.reset(t, offsets.chars(t.start), offsets.chars(t.end));
        try {
          handler.startElement(tag);
        } finally {
          tag.detach();
        }
      },
      endElement(uri: string, local: string, end: number, start: number, entry: NameEntry): void {
        endEvent.uri = uri;
        endEvent.local = local;
        endEvent.prefix = entry.prefix;
        endEvent.qname = entry.qname;
        endEvent.start = offsets.chars(start);
        endEvent.end = offsets.chars(end);
        handler.endElement(endEvent);
      },
      text(s: Buffer, start: number, end: number, cdata: boolean): void {
        const from = bytes.base + start - (cdata ? CDATA_OPEN : 0);
        const to = bytes.base + end + (cdata ? CDATA_CLOSE : 0);
        handler.text(textOf(s, start, end, cdata), offsets.chars(from), offsets.chars(to));
      },
    });
    this.bytes = bytes;
  }

  /** Feeds the next piece of the document. */
  write(text: string): void {
    let piece = this.heldSurrogate === '' ? text : this.heldSurrogate + text;
    this.heldSurrogate = '';
    const last = piece.charCodeAt(piece.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.heldSurrogate = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    if (piece === '') return;
    this.offsets.add(piece);
    this.bytes.write(Buffer.from(piece, 'utf8'));
  }

  /** Ends the document: whatever is left must complete it. */
  end(): void {
    if (this.heldSurrogate !== '') {
      const held = this.heldSurrogate;
      this.heldSurrogate = '';
      this.offsets.add(held);
      this.bytes.write(Buffer.from(held, 'utf8'));
    }
    this.bytes.end();
  }

  /** Text held back, waiting for the rest of a token (in UTF-8 bytes). */
  get pending(): number {
    return this.bytes.pending;
  }

  /** The namespace URI bound to `prefix` ('' for the default namespace) where the tokenizer is now. */
  lookup(prefix: string): string | undefined {
    return this.bytes.lookup(prefix);
  }
}
