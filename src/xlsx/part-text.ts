/**
 * The bytes of an XML part to text and back. OOXML parts are UTF-8 or UTF-16 (either byte order); the
 * encoding is found the way XML says (byte order mark, else the first bytes of `<?xml`, else the
 * declaration's `encoding`), and an edited part is written back in the encoding it came in, so its
 * declaration stays true.
 */
import { isUtf8 } from 'buffer';

/** How a part was encoded. */
export interface PartEncoding {
  charset: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
}

export const UTF8: PartEncoding = { charset: 'utf-8', bom: false };

/** The encoding of a part from its first bytes. */
export function detectEncoding(head: Uint8Array): PartEncoding {
  const [a, b, c, d] = [head[0], head[1], head[2], head[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', bom: true };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', bom: true };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', bom: true };
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return { charset: 'utf-16le', bom: false };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return { charset: 'utf-16be', bom: false };
  return UTF8;
}

/** The part's text decoder; the byte order mark, if any, is not part of the text. */
export function partDecoder(encoding: PartEncoding): TextDecoder {
  return new TextDecoder(encoding.charset, { fatal: true, ignoreBOM: false });
}

/** Decodes a whole part. Bytes that are not valid in its encoding throw. */
export function decodePart(bytes: Uint8Array): { text: string; encoding: PartEncoding } {
  const encoding = detectEncoding(bytes);
  return { text: partDecoder(encoding).decode(bytes), encoding };
}

/** Encodes text as a part in the given encoding, with a byte order mark when the original had one. */
export function encodePart(text: string, encoding: PartEncoding): Buffer {
  if (encoding.charset === 'utf-8') return Buffer.from(encoding.bom ? `\uFEFF${text}` : text, 'utf8');
  const le = Buffer.from(encoding.bom ? `\uFEFF${text}` : text, 'utf16le');
  if (encoding.charset === 'utf-16le') return le;
  for (let i = 0; i + 1 < le.length; i += 2) {
    const t = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = t;
  }
  return le;
}

/** A part's bytes are not text in the encoding they claim (or in any XML allows). */
export class PartEncodingError extends Error {
  override name = 'PartEncodingError';
}

/** Bytes of an incomplete UTF-8 character at the end of `bytes`: 0 to 3. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = bytes[n - back]!;
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Turns a part's pieces, in whatever encoding it has, into UTF-8 pieces for the byte scanner: UTF-8 is
 * checked (with Node's native validator) and passed on as it is, minus a byte order mark; UTF-16 is
 * decoded and encoded again, the slower path that such rare parts may take.
 */
export class Utf8Pieces {
  private head: Buffer | null = null;
  private decoder: TextDecoder | null = null;
  private utf8 = false;
  /** The start of a UTF-8 character cut by the end of the last piece. */
  private carry: Buffer | null = null;

  constructor(private readonly onPiece: (piece: Buffer) => void) {}

  write(piece: Buffer): void {
    if (!this.utf8 && this.decoder === null) {
      // The encoding is told by the first four bytes; a first piece shorter than that waits.
      this.head = this.head === null ? piece : Buffer.concat([this.head, piece]);
      if (this.head.length < 4) return;
      piece = this.head;
      this.head = null;
      const encoding = detectEncoding(piece);
      if (encoding.charset === 'utf-8') {
        this.utf8 = true;
        if (encoding.bom) piece = piece.subarray(3);
      } else {
        this.decoder = partDecoder(encoding);
      }
    }
    this.forward(piece, false);
  }

  end(): void {
    if (this.head !== null) {
      const head = this.head;
      this.head = null;
      const encoding = detectEncoding(head);
      if (encoding.charset === 'utf-8') {
        this.utf8 = true;
        this.forward(encoding.bom ? head.subarray(3) : head, true);
      } else {
        this.decoder = partDecoder(encoding);
        this.forward(head, true);
      }
      return;
    }
    this.forward(Buffer.alloc(0), true);
  }

  private forward(piece: Buffer, last: boolean): void {
    if (this.decoder !== null) {
      let text: string;
      try {
        text = this.decoder.decode(piece, { stream: !last });
      } catch {
        throw new PartEncodingError('not UTF-16');
      }
      if (text.length > 0) this.onPiece(Buffer.from(text, 'utf8'));
      return;
    }
    if (!this.utf8) return;
    let bytes = piece;
    if (this.carry !== null) {
      // Only the character cut in two is joined; the rest of the piece is passed on in place.
      const carry = this.carry;
      const need = charLength(carry[0]!) - carry.length;
      if (bytes.length < need) {
        if (last) throw new PartEncodingError('not UTF-8');
        this.carry = Buffer.concat([carry, bytes]);
        return;
      }
      const joined = Buffer.concat([carry, bytes.subarray(0, need)]);
      if (!isUtf8(joined)) throw new PartEncodingError('not UTF-8');
      this.onPiece(joined);
      bytes = bytes.subarray(need);
      this.carry = null;
    }
    const tail = last ? 0 : incompleteTail(bytes);
    const body = tail === 0 ? bytes : bytes.subarray(0, bytes.length - tail);
    if (!isUtf8(body)) throw new PartEncodingError('not UTF-8');
    if (body.length > 0) this.onPiece(body);
    if (tail > 0) this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
  }
}

/** The length of a UTF-8 character by its lead byte. */
function charLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}
