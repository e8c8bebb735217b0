/**
 * The shared strings part, read lazily: the part is scanned once (so damage anywhere in it is found, as
 * before) but only where each item starts and ends is kept; an item's text is decoded when a wanted cell
 * uses it. A million-row sheet with a unique order reference per row has a million items that no
 * contract column reads, and they are never turned into strings.
 */
import { isBlank } from '../workbook/grid';
import { MAIN_NS } from './namespaces';
import { canonicalUri } from './xml-decode';
import { type ByteTag, type ByteXmlHandler, ByteXmlTokenizer, textOf, utf8 } from './xml-bytes';
import { decodeCellEscapes } from './xml';

/** The shared strings as the cell reader uses them. */
export interface SharedStringTable {
  readonly count: number;
  /** The text of item `index`, or undefined when there is no such item. */
  get(index: number): string | undefined;
  /** True when item `index` is missing or its text is blank (only white space), as `isBlank` says. */
  isBlank(index: number): boolean;
}

/** A workbook without a shared strings part. */
export const NO_SHARED_STRINGS: SharedStringTable = { count: 0, get: () => undefined, isBlank: () => true };

const MAIN_TRANSITIONAL = canonicalUri(MAIN_NS[0]!);
const MAIN_STRICT = canonicalUri(MAIN_NS[1]!);

function isMain(uri: string): boolean {
  return uri === MAIN_TRANSITIONAL || uri === MAIN_STRICT;
}

/**
 * Collects the text of a string item (`<si>`, `<is>`): its `<t>` elements, rich-text runs included,
 * phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export class ItemText {
  private text: string | null = null;
  private inT = 0;
  private inPhonetic = 0;

  start(): void {
    this.text = '';
  }

  get active(): boolean {
    return this.text !== null;
  }

  open(tag: ByteTag): void {
    if (!isMain(tag.uri)) return;
    if (tag.local === 'rPh') this.inPhonetic++;
    else if (tag.local === 't' && this.inPhonetic === 0) this.inT++;
  }

  close(uri: string, local: string): void {
    if (!isMain(uri)) return;
    if (local === 'rPh') this.inPhonetic--;
    else if (local === 't' && this.inPhonetic === 0) this.inT--;
  }

  add(s: Buffer, start: number, end: number, cdata: boolean): void {
    if (this.inT > 0 && this.text !== null) this.text += textOf(s, start, end, cdata);
  }

  finish(): string {
    const t = decodeCellEscapes(this.text ?? '');
    this.text = null;
    this.inT = 0;
    this.inPhonetic = 0;
    return t;
  }
}

const SI_T = Buffer.from('<si><t>');
const SI_T_PRESERVE = Buffer.from('<si><t xml:space="preserve">');
const T_SI = Buffer.from('</t></si>');

function startsWith(s: Buffer, at: number, end: number, prefix: Buffer): boolean {
  if (at + prefix.length > end) return false;
  for (let k = 0; k < prefix.length; k++) if (s[at + k] !== prefix[k]) return false;
  return true;
}

/** Where the text of a plain item (`<si><t>text</t></si>`) starts, or -1 for any other form. */
function plainTextStart(s: Buffer, start: number, end: number): number {
  if (!startsWith(s, end - T_SI.length, end, T_SI)) return -1;
  if (startsWith(s, start, end, SI_T)) return start + SI_T.length;
  if (startsWith(s, start, end, SI_T_PRESERVE)) return start + SI_T_PRESERVE.length;
  return -1;
}

/** Shared strings kept as their part's UTF-8 bytes and the span of each item. */
class LazySharedStrings implements SharedStringTable {
  private readonly decoded: Array<string | undefined>;

  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
    /** 1 for an item known not to be blank. */
    private readonly visible: Uint8Array,
    readonly count: number,
    /** The root's start tag and end tag: an item is decoded inside them, with the root's namespace declarations. */
    private readonly rootOpen: Buffer,
    private readonly rootClose: Buffer,
  ) {
    // Filled, not `new Array(count)`: a large array made with a length is a hash table in V8, and every
    // string cell of a million-row sheet looks its item up here.
    this.decoded = [];
    for (let i = 0; i < count; i++) this.decoded.push(undefined);
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const known = this.decoded[index];
    if (known !== undefined) return known;
    const text = this.decode(index);
    this.decoded[index] = text;
    return text;
  }

  isBlank(index: number): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return true;
    if (this.visible[index] === 1) return false;
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    const at = plainTextStart(this.bytes, start, end);
    // A visible ASCII character first (not markup, not a reference) settles it without decoding.
    if (at >= 0) {
      const c = this.bytes[at]!;
      if (c > 32 && c < 127 && c !== 60 && c !== 38) return false;
    }
    return isBlank(this.get(index) ?? null);
  }

  private decode(index: number): string {
    const s = this.bytes;
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    const at = plainTextStart(s, start, end);
    if (at >= 0) {
      const stop = end - T_SI.length;
      let plain = true;
      for (let k = at; k < stop && plain; k++) plain = s[k] !== 60;
      if (plain) return decodeCellEscapes(textOf(s, at, stop));
    }
    // Any other form is read by the tokenizer, inside the root element so its prefixes resolve.
    const item = new ItemText();
    let depth = 0;
    let text = '';
    const tokenizer = new ByteXmlTokenizer({
      startElement(tag) {
        depth++;
        if (depth === 2) item.start();
        else if (item.active) item.open(tag);
      },
      endElement(uri, local) {
        if (depth === 2) text = item.finish();
        else if (item.active) item.close(uri, local);
        depth--;
      },
      text(b, from, to, cdata) {
        if (item.active) item.add(b, from, to, cdata);
      },
    });
    tokenizer.write(Buffer.concat([this.rootOpen, s.subarray(start, end), this.rootClose]));
    tokenizer.end();
    return text;
  }
}

/**
 * Scans a shared strings part (its UTF-8 bytes, whole) and returns its table. Throws `XmlError` when the
 * part is not well-formed.
 */
export function scanSharedStrings(bytes: Buffer): SharedStringTable {
  let starts = new Uint32Array(1024);
  let ends = new Uint32Array(1024);
  let count = 0;
  let depth = 0;
  let itemStart = -1;
  let rootOpen = Buffer.alloc(0);
  let rootClose = Buffer.alloc(0);
  /** The namespace of a root in the main namespace: its plain items may take the tokenizer's fast path. */
  let rootMain: string | null = null;
  let visible = new Uint8Array(1024);
  /** Records an item; `text` is where a plain item's text starts (-1 for any other item). */
  const add = (start: number, end: number, text = -1): void => {
    if (count === starts.length) {
      const grownStarts = new Uint32Array(count * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Uint32Array(count * 2);
      grownEnds.set(ends);
      ends = grownEnds;
      const grownVisible = new Uint8Array(count * 2);
      grownVisible.set(visible);
      visible = grownVisible;
    }
    starts[count] = start;
    ends[count] = end;
    // A plain item starting with a visible ASCII character is not blank: told now, while its bytes are
    // at hand, so a million cells of a column nobody reads need not look into the part again.
    const c = text < 0 ? 0 : bytes[text]!;
    visible[count] = c > 32 && c < 127 && c !== 60 && c !== 38 ? 1 : 0;
    count++;
  };
  const handler: ByteXmlHandler = {
    fastItemUri: null,
    item: add,
    startElement(tag) {
      depth++;
      if (depth === 1) {
        rootOpen = Buffer.from(`${utf8(bytes, tag.start, tag.selfClosing ? tag.end - 2 : tag.end - 1)}>`);
        rootClose = Buffer.from(`</${tag.qname}>`);
        rootMain = isMain(tag.uri) ? tag.uri : null;
      } else if (depth === 2 && isMain(tag.uri) && tag.local === 'si') {
        itemStart = tag.start;
      }
      handler.fastItemUri = depth === 1 ? rootMain : null;
    },
    endElement(uri, local, end) {
      if (depth === 2 && itemStart >= 0 && isMain(uri) && local === 'si') {
        add(itemStart, end);
        itemStart = -1;
      }
      depth--;
      handler.fastItemUri = depth === 1 ? rootMain : null;
    },
    text() {
      // Text is read when an item is used.
    },
  };
  const tokenizer = new ByteXmlTokenizer(handler);
  tokenizer.write(bytes);
  tokenizer.end();
  return new LazySharedStrings(bytes, starts, ends, visible, count, rootOpen, rootClose);
}
