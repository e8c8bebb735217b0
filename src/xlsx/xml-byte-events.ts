/**
 * What the byte tokenizer (`xml-bytes.ts`) reports: its handler's calls and the start-tag event, whose
 * attributes are read from the part's bytes only when asked for.
 */
import { valueOf } from './xml-byte-text';
import { type NameEntry, type NamespaceScope, NO_DECLARATIONS } from './xml-scope';
import type { XmlAttribute } from './xml-types';

const EMPTY = Buffer.alloc(0);

/** What the byte tokenizer reports. Text is raw bytes: decode it with `textOf` when it is wanted. */
export interface ByteXmlHandler {
  startElement(tag: ByteTag): void;
  /**
   * Also called right after `startElement` for an empty-element tag. `end` is the stream offset after its
   * `>`, `start` that of its `</` (`end` for an empty-element tag); `entry` is the element's name.
   */
  endElement(uri: string, local: string, end: number, start: number, entry: NameEntry): void;
  /** A run of character data inside the root, `s[start, end)`; `cdata` for a CDATA section's content. */
  text(s: Buffer, start: number, end: number, cdata: boolean): void;
  /**
   * When set, an unprefixed `<c r=".." s=".." t=".."><v>..</v></c>` (see `fastCell`) whose default
   * namespace is this URI is reported as one call to `cell` instead of five events.
   */
  fastCellUri?: string | null;
  /**
   * A cell of the fast path: the column of its `r` value when that starts with one to three capital
   * letters (else -1), offsets of the `r`, `s`, `t` values (-1 when absent) and of the `<v>` text.
   */
  cell?(s: Buffer, column: number, r0: number, r1: number, s0: number, s1: number, t0: number, t1: number, v0: number, v1: number): void;
  /** Like `fastCellUri`, for an unprefixed `<row ..>` start tag of plain attributes. */
  fastRowUri?: string | null;
  /** A row start tag of the fast path: offsets of its `r` value (-1 when absent). */
  row?(s: Buffer, r0: number, r1: number): void;
  /** Like `fastCellUri`, for a plain shared string item (see `fastItem`). */
  fastItemUri?: string | null;
  /** A string item of the fast path: the stream offsets of its `<`, of the byte after its `</si>` and of its text. */
  item?(start: number, end: number, text: number): void;
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

  constructor(private readonly scope: NamespaceScope) {}

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
    return this.scope.resolveAttributes(this.s, this.positions, this.count, this.qname);
  }
}
