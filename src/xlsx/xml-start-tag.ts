/**
 * The start-tag event of the tokenizer: one object serves every tag of a part, and its attributes are
 * read from the part's text only when a handler asks for them.
 */
import type { StartTag, XmlAttribute } from './xml-types';

/** The declarations of an element that declares nothing: shared, never changed. */
export const NO_DECLARATIONS: Array<[string, string]> = [];

/** Where the tokenizer keeps the raw attributes of the tag being reported. */
export interface AttributeSource {
  resolveAttributes(text: string, count: number, qname: string): XmlAttribute[];
  plainAttribute(text: string, count: number, local: string): string | undefined;
}

/**
 * A start tag as reported. Its attributes are read from the part's text only when asked for: a sheet's
 * cells are millions of tags of which a handler wants one or two attributes, and building every
 * attribute object would cost more than reading the XML. Valid during the handler's call; what it
 * keeps (`attributes`, names) stays valid after.
 */
export class Tag implements StartTag {
  uri = '';
  local = '';
  prefix = '';
  qname = '';
  declarations: Array<[string, string]> = NO_DECLARATIONS;
  selfClosing = false;
  start = 0;
  end = 0;
  private count = 0;
  private resolved: XmlAttribute[] | null = null;
  private text: string | null = null;

  constructor(private readonly tokenizer: AttributeSource) {}

  /** Makes this the event of the next start tag (one object serves every tag of a part). */
  reset(text: string, count: number, uri: string, local: string, prefix: string, qname: string, declarations: Array<[string, string]>, selfClosing: boolean, start: number, end: number): void {
    this.text = text;
    this.count = count;
    this.uri = uri;
    this.local = local;
    this.prefix = prefix;
    this.qname = qname;
    this.declarations = declarations;
    this.selfClosing = selfClosing;
    this.start = start;
    this.end = end;
    this.resolved = null;
  }

  get attributes(): XmlAttribute[] {
    if (this.resolved === null) {
      if (this.text === null) throw new Error('The attributes of a start tag were asked for after its event.');
      this.resolved = this.count === 0 ? [] : this.tokenizer.resolveAttributes(this.text, this.count, this.qname);
    }
    return this.resolved;
  }

  attr(local: string): string | undefined {
    if (this.resolved !== null || this.text === null) {
      for (const a of this.attributes) if (a.local === local && a.uri === '') return a.value;
      return undefined;
    }
    return this.tokenizer.plainAttribute(this.text, this.count, local);
  }

  /** Called once the event is over: the text it points into is about to change. */
  detach(): void {
    this.text = null;
  }
}
