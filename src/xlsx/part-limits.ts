/**
 * How much of a part the runner inflates into memory. Worksheets are streamed and need no bound (a token
 * over 64 MB stops them, see part-scan.ts); the parts read whole cannot be streamed, so a zip bomb among
 * them (a few megabytes that inflate to gigabytes) is refused: at once when the zip directory declares
 * more than the bound, and while inflating when the declared size lies (inflating stops at the smaller
 * of the two).
 */
import type JSZip from 'jszip';

/** The shared strings part, kept whole as bytes (see shared-strings.ts): 256 MiB. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

/** Any other part read whole and parsed as a tree (workbook, relationships, content types, styles …): 128 MiB. */
export const MAX_WHOLE_PART_BYTES = 128 * 1024 * 1024;

/** A part inflates to more than the runner reads of such a part. */
export class PartTooLargeError extends Error {
  override name = 'PartTooLargeError';
  constructor(
    readonly part: string,
    /** The bound, in bytes. */
    readonly limit: number,
  ) {
    super(`The part ${part} inflates to more than ${limit / 1024 / 1024} MB, the most the runner reads of it.`);
  }
}

/** The inflated size JSZip read from the zip directory, when the part is as loaded (not yet replaced). */
function declaredSize(file: JSZip.JSZipObject): number | null {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : null;
}

/**
 * A part's bytes through JSZip, inflating no more than `limit` bytes nor more than the directory declares.
 * Throws `PartTooLargeError` past the bound, and an Error (a clause to follow the part's name) when the part
 * inflates to more than declared.
 */
export function readBounded(file: JSZip.JSZipObject, limit: number = MAX_WHOLE_PART_BYTES): Promise<Buffer> {
  const declared = declaredSize(file);
  if (declared !== null && declared > limit) return Promise.reject(new PartTooLargeError(file.name, limit));
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    let total = 0;
    let failed = false;
    const stream = file.nodeStream('nodebuffer');
    const fail = (e: Error): void => {
      failed = true;
      stream.pause();
      pieces.length = 0;
      reject(e);
    };
    stream.on('data', (piece: Buffer) => {
      if (failed) return;
      total += piece.length;
      if (total > limit) return fail(new PartTooLargeError(file.name, limit));
      if (declared !== null && total > declared) return fail(new Error(`it inflates to more than its stated ${declared} bytes`));
      pieces.push(piece);
    });
    stream.on('error', (e: Error) => {
      if (!failed) fail(e);
    });
    stream.on('end', () => {
      if (!failed) resolve(Buffer.concat(pieces, total));
    });
  });
}
