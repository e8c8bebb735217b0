/**
 * Checks that a package can be read in one way only. A zip says what each entry is twice (central
 * directory and local header) and does not forbid two entries of one name; readers differ in which they
 * believe (JSZip keeps the last of two names and the directory's sizes, Python the first and checks the
 * local name, Excel repairs). Costing from one reading while the report shows another would contradict
 * itself, so such a package is refused rather than read.
 */
import { type ZipEntry, ZipAmbiguityError, ZipFormatError } from './zip-reader';
import { FLAG_DESCRIPTOR, FLAG_UTF8, LOCAL_SIGNATURE, MAX_32, ZIP64_EXTRA } from './zip-format';


/**
 * The key two names share when they name one part: letter case ignored (part names ignore it), and
 * empty, `.` and `..` segments resolved as JSZip resolves them when it loads.
 */
export function partKey(name: string): string {
  const segments: string[] = [];
  for (const segment of name.toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/') + (name.endsWith('/') ? '/' : '');
}

/** Throws `ZipAmbiguityError` for the second of two names that are one part. */
export function checkUniqueNames(names: Iterable<string>): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = partKey(name);
    if (seen.has(key)) throw new ZipAmbiguityError('duplicate', name);
    seen.add(key);
  }
}

/** The sizes of a local header whose 32-bit fields are saturated, from its zip64 extra field. */
function localZip64Sizes(bytes: Buffer, extraStart: number, extraEnd: number): { size: number; compressedSize: number } | null {
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + bytes.readUInt16LE(at + 2)) {
    if (bytes.readUInt16LE(at) !== ZIP64_EXTRA || bytes.readUInt16LE(at + 2) < 16 || at + 20 > extraEnd) continue;
    return { size: Number(bytes.readBigUInt64LE(at + 4)), compressedSize: Number(bytes.readBigUInt64LE(at + 12)) };
  }
  return null;
}

/** Throws `ZipAmbiguityError` when the local header of `entry` names or describes another entry. */
function checkLocalHeader(bytes: Buffer, entry: ZipEntry): void {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipFormatError(`The local header of ${entry.name} is missing.`);
  const nameLength = bytes.readUInt16LE(at + 26);
  const extraLength = bytes.readUInt16LE(at + 28);
  if (at + 30 + nameLength + extraLength > bytes.length) throw new ZipFormatError(`The entry ${entry.name} is cut off.`);
  // Decoded as the directory's name is, so equal names are equal bytes.
  const localName = bytes.toString(entry.flags & FLAG_UTF8 ? 'utf8' : 'latin1', at + 30, at + 30 + nameLength);
  if (localName !== entry.name || bytes.readUInt16LE(at + 8) !== entry.method) throw new ZipAmbiguityError('local-header', entry.name);
  // With a data descriptor the local sizes are zeros by design; the directory's are the ones.
  if (entry.flags & FLAG_DESCRIPTOR) return;
  let sizes: { size: number; compressedSize: number } | null = { compressedSize: bytes.readUInt32LE(at + 18), size: bytes.readUInt32LE(at + 22) };
  if (sizes.size === MAX_32 || sizes.compressedSize === MAX_32) sizes = localZip64Sizes(bytes, at + 30 + nameLength, at + 30 + nameLength + extraLength);
  if (sizes === null || sizes.size !== entry.size || sizes.compressedSize !== entry.compressedSize) throw new ZipAmbiguityError('local-header', entry.name);
}

/**
 * Checks the entries `readZipEntries` gave: no two name one part, and every local header agrees with the
 * directory on name, method and (without a data descriptor) sizes. Throws `ZipAmbiguityError`.
 */
export function checkEntries(bytes: Buffer, entries: readonly ZipEntry[]): void {
  checkUniqueNames(entries.map((e) => e.name));
  for (const entry of entries) checkLocalHeader(bytes, entry);
}
