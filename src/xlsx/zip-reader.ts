/**
 * Reads entries of a zip package straight from its bytes with Node's own zlib, for the parts that are
 * large (a million-row sheet, its shared strings). JSZip inflates in JavaScript on the main thread;
 * zlib's streaming inflate runs on libuv's thread pool, so a part is inflated while the previous piece
 * of it is being scanned, and the scan, not the inflate, sets the pace.
 *
 * The central directory is the authority on sizes and offsets (local headers of entries written with a
 * data descriptor carry zeros), zip64 records are honoured, and an entry whose inflated size differs
 * from the directory's is refused: a cut-off or damaged part never yields a shorter sheet.
 */
import { createInflateRaw } from 'zlib';
import { MAX_WHOLE_PART_BYTES, PartTooLargeError } from './part-limits';
import { CENTRAL_SIGNATURE, EOCD_SIGNATURE, FLAG_ENCRYPTED, FLAG_UTF8, LOCAL_SIGNATURE, MAX_16, MAX_32, ZIP64_EOCD_SIGNATURE, ZIP64_EXTRA, ZIP64_LOCATOR_SIGNATURE } from './zip-format';

/** The zip structure cannot be read: truncated, damaged, encrypted, or a compression we do not read. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** Why readers could disagree about a package's content. */
export type ZipAmbiguity = 'duplicate' | 'local-header' | 'directory-count';

/**
 * The package can be read, but not in one way only: two entries of one part name, a local header that
 * contradicts the directory, entries past the count of the end record. Readers differ in which they take,
 * so a figure costed from one could contradict the report another shows; never read as a fallback.
 */
export class ZipAmbiguityError extends Error {
  override name = 'ZipAmbiguityError';
  constructor(
    readonly reason: ZipAmbiguity,
    /** The part concerned ('' when none is). */
    readonly part: string,
  ) {
    super(`The zip is ambiguous (${reason}) at ${part}.`);
  }
}

/** One file of the package as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** The general-purpose flags (bit 3: sizes in a data descriptor; bit 11: UTF-8 name). */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** MS-DOS time and date, kept for a copy of the entry. */
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

function u16(bytes: Buffer, at: number): number {
  return bytes.readUInt16LE(at);
}

function u32(bytes: Buffer, at: number): number {
  return bytes.readUInt32LE(at);
}

/** A 64-bit size or offset; one that JavaScript cannot hold exactly is a damaged file here. */
function u64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('A zip64 size or offset is out of range.');
  return Number(value);
}

/** The end-of-central-directory record: searched backwards, past a comment of up to 64 KB. */
function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    // The comment length must reach exactly to the end of the file, so a signature inside a comment is passed over.
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(bytes, at + 20) === bytes.length) return at;
  }
  throw new ZipFormatError('The end of the zip directory is missing (the file is cut off or is no zip).');
}

/** Where the central directory is and how many entries it has, zip64 records included. */
function directoryOf(bytes: Buffer): { offset: number; count: number; size: number } {
  const eocd = findEndRecord(bytes);
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  const locator = eocd - 20;
  if ((count === MAX_16 || size === MAX_32 || offset === MAX_32) && locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR_SIGNATURE) {
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('The zip64 directory record is missing.');
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    offset = u64(bytes, record + 48);
  }
  if (offset + size > bytes.length) throw new ZipFormatError('The zip directory lies beyond the end of the file (the file is cut off).');
  return { offset, count, size };
}

/** Replaces 32-bit fields saturated at 0xFFFFFFFF by the values of the zip64 extra field, in the order the format gives. */
function applyZip64(bytes: Buffer, extraStart: number, extraEnd: number, entry: ZipEntry): void {
  const needs = [entry.size === MAX_32, entry.compressedSize === MAX_32, entry.localOffset === MAX_32];
  if (!needs.some(Boolean)) return;
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) throw new ZipFormatError(`The zip64 field of ${entry.name} is too short.`);
        const value = u64(bytes, field);
        field += 8;
        return value;
      };
      if (needs[0]) entry.size = next();
      if (needs[1]) entry.compressedSize = next();
      if (needs[2]) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw new ZipFormatError(`The entry ${entry.name} needs a zip64 field and has none.`);
}

/** The entries of a zip package, in directory order. Throws `ZipFormatError` for a damaged directory. */
export function readZipEntries(bytes: Buffer): ZipEntry[] {
  const { offset, count } = directoryOf(bytes);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('The zip directory is damaged.');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > bytes.length) throw new ZipFormatError('The zip directory is damaged.');
    // Names without the UTF-8 flag are CP437; package part names are ASCII, where the two agree.
    const name = bytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1', at + 46, nameEnd);
    const entry: ZipEntry = {
      name,
      flags,
      method: u16(bytes, at + 10),
      time: u16(bytes, at + 12),
      date: u16(bytes, at + 14),
      crc32: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    applyZip64(bytes, nameEnd, nameEnd + extraLength, entry);
    if (flags & FLAG_ENCRYPTED) throw new ZipFormatError(`The entry ${name} is encrypted.`);
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  // More entries after those counted: a reader that reads on (JSZip does) sees parts this one does not.
  if (at + 4 <= bytes.length && u32(bytes, at) === CENTRAL_SIGNATURE) throw new ZipAmbiguityError('directory-count', '');
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
export function compressedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) throw new ZipFormatError(`The local header of ${entry.name} is missing.`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`The entry ${entry.name} is cut off.`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Pieces handed to the reader of a part: about a megabyte, so the scan's work per call dwarfs the call. */
export const PIECE_SIZE = 1 << 20;

/**
 * Streams an entry's inflated bytes to `onPiece`, in order. Deflated entries are inflated by zlib on the
 * thread pool while `onPiece` runs; an exception in `onPiece` stops the stream and rejects. A piece is
 * valid only during the call (the caller copies what it keeps).
 */
export function streamEntry(bytes: Buffer, entry: ZipEntry, onPiece: (piece: Buffer) => void): Promise<void> {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) return Promise.reject(new ZipFormatError(`The stored entry ${entry.name} has two different sizes.`));
    return new Promise((resolve, reject) => {
      try {
        for (let at = 0; at < data.length; at += PIECE_SIZE) onPiece(data.subarray(at, Math.min(data.length, at + PIECE_SIZE)));
        resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
  if (entry.method !== 8) return Promise.reject(new ZipFormatError(`The entry ${entry.name} uses compression method ${entry.method}, which .xlsx files do not use.`));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: PIECE_SIZE });
    let produced = 0;
    let done = false;
    const fail = (e: unknown): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    inflate.on('data', (piece: Buffer) => {
      if (done) return;
      produced += piece.length;
      if (produced > entry.size) return fail(new ZipFormatError(`The entry ${entry.name} inflates to more than its stated ${entry.size} bytes.`));
      try {
        onPiece(piece);
      } catch (e) {
        fail(e);
      }
    });
    inflate.on('error', (e: Error) => fail(new ZipFormatError(`The entry ${entry.name} is damaged: ${e.message}`)));
    inflate.on('end', () => {
      if (done) return;
      if (produced !== entry.size) return fail(new ZipFormatError(`The entry ${entry.name} inflates to ${produced} bytes, not the stated ${entry.size}.`));
      done = true;
      resolve();
    });
    inflate.end(data);
  });
}

/**
 * An entry's inflated bytes, whole: for parts read more than once (shared strings) or small ones. Throws
 * `PartTooLargeError` when the directory declares more than `limit` bytes, before inflating any.
 */
export async function readEntry(bytes: Buffer, entry: ZipEntry, limit: number = MAX_WHOLE_PART_BYTES): Promise<Buffer> {
  if (entry.size > limit) throw new PartTooLargeError(entry.name, limit);
  // The stated size is checked against what the inflate gives, so allocating it up front is safe.
  const whole = Buffer.allocUnsafe(entry.size);
  let at = 0;
  await streamEntry(bytes, entry, (piece) => {
    piece.copy(whole, at);
    at += piece.length;
  });
  return whole;
}

/** An entry by name, ignoring case when there is no exact match (part names ignore case). */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | null {
  const exact = entries.find((e) => e.name === name);
  if (exact !== undefined) return exact;
  const key = name.toLowerCase();
  return entries.find((e) => e.name.toLowerCase() === key && !e.name.endsWith('/')) ?? null;
}
