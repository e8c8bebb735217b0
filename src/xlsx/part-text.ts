/**
 * The bytes of an XML part to text and back. OOXML parts are UTF-8 or UTF-16 (either byte order); the
 * encoding is found the way XML says (byte order mark, else the first bytes of `<?xml`, else the
 * declaration's `encoding`), and an edited part is written back in the encoding it came in, so its
 * declaration stays true.
 */

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
