/**
 * Zip packages written byte by byte for the package tests, so that what no zip library would write (two
 * entries of one name, a local header that contradicts the directory, a declared size that lies, a part
 * of gigabytes that costs megabytes) can be made. Independent of src/xlsx.
 */
import { constants, crc32, deflateRawSync } from 'zlib';
import JSZip from 'jszip';

/** One entry as it goes into the file. */
export interface RawEntry {
  name: string;
  method: 0 | 8;
  /** The bytes as stored in the file (deflated when method is 8). */
  body: Buffer;
  /** The inflated size written in the headers. */
  size: number;
  crc: number;
  /** What the local header says instead of the directory, to make them disagree. */
  local?: { name?: string; method?: number; compressedSize?: number; size?: number };
}

/** An entry of `data`, deflated. */
export function deflatedEntry(name: string, data: Buffer | string): RawEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, method: 8, body: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * A deflated entry of `mib` MiB of `unit` repeated, made without deflating them all: a block flushed
 * whole (Z_FULL_FLUSH) refers to nothing before it, so copies of it in a row are a valid stream. The CRC
 * is computed only when asked (`crc`), as gigabytes take seconds; readers that list or copy do not check it.
 */
export function repeatedEntry(name: string, mib: number, options: { unit?: string; crc?: boolean } = {}): RawEntry {
  let piece = Buffer.from(options.unit ?? '\0', 'utf8');
  while (piece.length < 1 << 20) piece = Buffer.concat([piece, piece]);
  piece = piece.subarray(0, 1 << 20);
  const block = deflateRawSync(piece, { finishFlush: constants.Z_FULL_FLUSH });
  const blocks: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    blocks.push(block);
    if (options.crc === true) crc = crc32(piece, crc);
  }
  blocks.push(deflateRawSync(Buffer.alloc(0)));
  return { name, method: 8, body: Buffer.concat(blocks), size: mib * 2 ** 20, crc };
}

/** `entries` with the entry of the same name as `entry` replaced by it (appended when there is none). */
export function replaced(entries: readonly RawEntry[], entry: RawEntry): RawEntry[] {
  const at = entries.findIndex((e) => e.name === entry.name);
  return at < 0 ? [...entries, entry] : entries.map((e, i) => (i === at ? entry : e));
}

/** The entries of a package made by JSZip (an ExcelJS workbook, say), deflated again one by one. */
export async function entriesOf(bytes: Buffer): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const entries: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    entries.push(deflatedEntry(name, await zip.files[name]!.async('nodebuffer')));
  }
  return entries;
}

const MAX_32 = 0xffffffff;

function zip64Extra(values: readonly number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

/** The file: local headers and data, the central directory, zip64 records when anything needs them. */
export function buildZip(entries: readonly RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.local?.name ?? e.name, 'utf8');
    const big = e.size >= MAX_32 || e.body.length >= MAX_32;
    const localExtra = big ? zip64Extra([e.local?.size ?? e.size, e.local?.compressedSize ?? e.body.length]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.local?.method ?? e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(big ? MAX_32 : (e.local?.compressedSize ?? e.body.length), 18);
    local.writeUInt32LE(big ? MAX_32 : (e.local?.size ?? e.size), 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    chunks.push(local, localName, localExtra, e.body);
    const wide = [e.size >= MAX_32 ? e.size : null, e.body.length >= MAX_32 ? e.body.length : null, offset >= MAX_32 ? offset : null].filter((v): v is number => v !== null);
    const extra = wide.length > 0 ? zip64Extra(wide) : Buffer.alloc(0);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(wide.length > 0 ? 45 : 20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(Math.min(e.body.length, MAX_32), 20);
    c.writeUInt32LE(Math.min(e.size, MAX_32), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(Math.min(offset, MAX_32), 42);
    central.push(c, name, extra);
    offset += local.length + localName.length + localExtra.length + e.body.length;
  }
  const directory = Buffer.concat(central);
  const directoryOffset = offset;
  const needs64 = entries.length >= 0xffff || directoryOffset >= MAX_32 || directory.length >= MAX_32;
  chunks.push(directory);
  if (needs64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    chunks.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(Math.min(directory.length, MAX_32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}
