/**
 * Writes a zip package with Node's zlib. Entries copied from the input keep their compressed bytes, CRC,
 * sizes and method (a part of gigabytes is never inflated to be copied); new or changed entries are
 * deflated. ZIP64 fields are written exactly when a value does not fit its 32-bit (or, for the entry
 * count, 16-bit) field (APPNOTE 4.3.14, 4.4, 4.5.3): JSZip never writes them, which corrupted a part over
 * 4 GiB and miscounted a package of more than 65,534 entries.
 */
import { crc32, deflateRawSync } from 'zlib';
import { CENTRAL_SIGNATURE, EOCD_SIGNATURE, FLAG_UTF8, LOCAL_SIGNATURE, MAX_16, MAX_32, ZIP64_EOCD_SIGNATURE, ZIP64_EXTRA, ZIP64_LOCATOR_SIGNATURE } from './zip-format';

/** An entry to write: copied as compressed bytes, or new content to deflate. */
export type ZipWriteEntry =
  | {
      kind: 'copy';
      name: string;
      /** The general-purpose flags of the original (only the name's UTF-8 bit and deflate's option bits are kept). */
      flags: number;
      method: number;
      time: number;
      date: number;
      crc32: number;
      size: number;
      /** The entry's bytes as stored in the input. */
      data: Buffer;
    }
  | { kind: 'new'; name: string; content: Buffer; date: Date };

/** Bits 1 and 2 say how hard a deflated entry was compressed; harmless to keep, so kept. */
const KEPT_FLAGS = FLAG_UTF8 | 0x0006;
const VERSION_20 = 20;
const VERSION_ZIP64 = 45;

/** One entry as it is laid out. */
interface Laid {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  body: Buffer;
  offset: number;
}

/** MS-DOS time and date fields of a moment (local time, two-second steps, from 1980). */
export function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

function laidOut(entry: ZipWriteEntry, offset: number): Laid {
  if (entry.kind === 'copy') {
    // A name without the UTF-8 flag was read as latin1 (one byte per character), so this gives its bytes back.
    const name = Buffer.from(entry.name, entry.flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    const { flags, method, time, date, size } = entry;
    return { name, flags: flags & KEPT_FLAGS, method, time, date, crc: entry.crc32 >>> 0, size, body: entry.data, offset };
  }
  const { time, date } = dosDateTime(entry.date);
  const body = deflateRawSync(entry.content, { level: 6 });
  return { name: Buffer.from(entry.name, 'utf8'), flags: FLAG_UTF8, method: 8, time, date, crc: crc32(entry.content) >>> 0, size: entry.content.length, body, offset };
}

/** A ZIP64 extended information field holding `values` (8 bytes each, in the order the format gives). */
function zip64Field(values: readonly number[]): Buffer {
  const field = Buffer.alloc(4 + 8 * values.length);
  field.writeUInt16LE(ZIP64_EXTRA, 0);
  field.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => field.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return field;
}

/** The local header; a ZIP64 one carries both sizes in its extra field (APPNOTE 4.5.3). */
function localHeader(e: Laid): Buffer {
  const zip64 = e.size >= MAX_32 || e.body.length >= MAX_32;
  const extra = zip64 ? zip64Field([e.size, e.body.length]) : Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_20, 4);
  header.writeUInt16LE(e.flags, 6);
  header.writeUInt16LE(e.method, 8);
  header.writeUInt16LE(e.time, 10);
  header.writeUInt16LE(e.date, 12);
  header.writeUInt32LE(e.crc, 14);
  header.writeUInt32LE(zip64 ? MAX_32 : e.body.length, 18);
  header.writeUInt32LE(zip64 ? MAX_32 : e.size, 22);
  header.writeUInt16LE(e.name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, e.name, extra]);
}

/** The central directory header; its ZIP64 field holds only the values that do not fit (APPNOTE 4.5.3). */
function centralHeader(e: Laid): Buffer {
  const wide = [e.size, e.body.length, e.offset].map((v) => (v >= MAX_32 ? v : null));
  const values = wide.filter((v): v is number => v !== null);
  const extra = values.length > 0 ? zip64Field(values) : Buffer.alloc(0);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  header.writeUInt16LE(VERSION_ZIP64, 4);
  header.writeUInt16LE(values.length > 0 ? VERSION_ZIP64 : VERSION_20, 6);
  header.writeUInt16LE(e.flags, 8);
  header.writeUInt16LE(e.method, 10);
  header.writeUInt16LE(e.time, 12);
  header.writeUInt16LE(e.date, 14);
  header.writeUInt32LE(e.crc, 16);
  header.writeUInt32LE(Math.min(e.body.length, MAX_32), 20);
  header.writeUInt32LE(Math.min(e.size, MAX_32), 24);
  header.writeUInt16LE(e.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(Math.min(e.offset, MAX_32), 42);
  return Buffer.concat([header, e.name, extra]);
}

/** The end of the file: ZIP64 end record and locator when a count, size or offset needs them, then the end record. */
function endRecords(count: number, directorySize: number, directoryOffset: number): Buffer[] {
  const records: Buffer[] = [];
  if (count >= MAX_16 || directorySize >= MAX_32 || directoryOffset >= MAX_32) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(ZIP64_EOCD_SIGNATURE, 0);
    // The size of the record after this field (APPNOTE 4.3.14.1).
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(VERSION_ZIP64, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(ZIP64_LOCATOR_SIGNATURE, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
    locator.writeUInt32LE(1, 16);
    records.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(Math.min(count, MAX_16), 8);
  end.writeUInt16LE(Math.min(count, MAX_16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
  records.push(end);
  return records;
}

/**
 * The zip file of `entries`, in their order. Sizes and offsets over 4 GiB and more than 65,534 entries
 * are written through ZIP64 records; a package that needs none gets none (older readers stay happy).
 */
export function writeZip(entries: readonly ZipWriteEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const laid: Laid[] = [];
  let offset = 0;
  for (const entry of entries) {
    const e = laidOut(entry, offset);
    const header = localHeader(e);
    chunks.push(header, e.body);
    offset += header.length + e.body.length;
    laid.push(e);
  }
  const directory = laid.map(centralHeader);
  const directorySize = directory.reduce((sum, h) => sum + h.length, 0);
  return Buffer.concat([...chunks, ...directory, ...endRecords(laid.length, directorySize, offset)]);
}
