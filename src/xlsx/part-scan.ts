/**
 * Streams a part through the byte tokenizer: its pieces checked as UTF-8 (or decoded from UTF-16) on the
 * way, every failure turned into one error that names the part.
 */
import { PartEncodingError, Utf8Pieces } from './part-text';
import { type ByteXmlHandler, ByteXmlTokenizer } from './xml-bytes';
import { XmlError } from './xml-types';
import { ZipFormatError } from './zip-reader';

/** More bytes than this without a complete token means the part is not what it claims to be. */
const MAX_PENDING = 64 * 1024 * 1024;

/** A part could not be scanned: damaged compression, bad encoding, or XML that is not well-formed. */
export class PartScanError extends Error {
  override name = 'PartScanError';
}

/** Hands a part's bytes, piece by piece and in order, to `onPiece`; resolves when the part is done. */
export type PartStream = (onPiece: (piece: Buffer) => void) => Promise<void>;

/** The error to report for a failure while scanning the part `what`. */
function scanError(e: unknown, what: string): Error {
  if (e instanceof PartScanError) return e;
  if (e instanceof XmlError) return new PartScanError(`${what} is not well-formed XML: ${e.message}`);
  if (e instanceof PartEncodingError) return new PartScanError(`${what} is neither UTF-8 nor UTF-16 text.`);
  if (e instanceof ZipFormatError) return new PartScanError(`${what} is damaged: ${e.message}`);
  return e instanceof Error ? e : new Error(String(e));
}

/** Streams a part through the byte tokenizer, which reports to `handler`. */
export async function scanXmlPart(stream: PartStream, handler: ByteXmlHandler, what: string): Promise<void> {
  const tokenizer = new ByteXmlTokenizer(handler);
  const pieces = new Utf8Pieces((piece) => {
    tokenizer.write(piece);
    if (tokenizer.pending > MAX_PENDING) throw new PartScanError(`${what} has a token larger than ${MAX_PENDING / 1024 / 1024} MB; it cannot be read.`);
  });
  try {
    await stream((piece) => pieces.write(piece));
    pieces.end();
    tokenizer.end();
  } catch (e) {
    throw scanError(e, what);
  }
}

/** A part's bytes as text pieces for `Utf8Pieces` in one go: for a part already in memory. */
export function wholePart(bytes: Buffer): PartStream {
  return (onPiece) => {
    onPiece(bytes);
    return Promise.resolve();
  };
}
