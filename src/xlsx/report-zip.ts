/**
 * The report's bytes from the edited package: every part still as loaded is copied as its compressed
 * bytes from the input file (found through our zip reader's directory), every part written by the report
 * is deflated anew, and the whole goes through our zip writer, which writes ZIP64 records when needed.
 */
import type JSZip from 'jszip';
import type { LoadedWorkbook } from './load-workbook';
import { partKey } from './zip-consistency';
import { compressedData, type ZipEntry } from './zip-reader';
import { dosDateTime, writeZip, type ZipWriteEntry } from './zip-writer';

/** The compressed form JSZip keeps of a part as loaded (its internal CompressedObject). */
interface JSZipCompressed {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

/** JSZip's compressed form of a loaded part, when it has one (a package our reader left to JSZip). */
function jszipCompressed(file: JSZip.JSZipObject): JSZipCompressed | null {
  const data = (file as unknown as { _data?: Partial<JSZipCompressed> })._data;
  if (data === undefined || !(data.compressedContent instanceof Uint8Array) || typeof data.compression?.magic !== 'string') return null;
  return data as JSZipCompressed;
}

/** A part as loaded, copied: from the input's bytes through our directory, else from JSZip's compressed form. */
function copied(loaded: Pick<LoadedWorkbook, 'bytes'>, file: JSZip.JSZipObject, entry: ZipEntry | undefined): ZipWriteEntry | null {
  if (entry !== undefined) return { kind: 'copy', name: entry.name, flags: entry.flags, method: entry.method, time: entry.time, date: entry.date, crc32: entry.crc32, size: entry.size, data: compressedData(loaded.bytes, entry) };
  const data = jszipCompressed(file);
  if (data === null) return null;
  const method = data.compression.magic.charCodeAt(0);
  return { kind: 'copy', name: file.name, flags: 0x0800, method, ...dosDateTime(file.date), crc32: data.crc32, size: data.uncompressedSize, data: Buffer.from(data.compressedContent.buffer, data.compressedContent.byteOffset, data.compressedSize) };
}

/**
 * The bytes of the package as the report left it. Folders JSZip added while parts were written are left
 * out: a package lists parts, not folders.
 */
export async function reportZipBytes(loaded: Pick<LoadedWorkbook, 'zip' | 'bytes' | 'entries' | 'original'>): Promise<Buffer> {
  const byKey = new Map((loaded.entries ?? []).map((e) => [partKey(e.name), e]));
  const written: ZipWriteEntry[] = [];
  for (const [name, file] of Object.entries(loaded.zip.files)) {
    const unchanged = loaded.original.get(name) === file;
    if (unchanged) {
      const copy = copied(loaded, file, byKey.get(partKey(name)));
      if (copy !== null) {
        written.push(copy);
        continue;
      }
    }
    if (file.dir) {
      if (unchanged) written.push({ kind: 'new', name: name.endsWith('/') ? name : `${name}/`, content: Buffer.alloc(0), date: file.date });
      continue;
    }
    written.push({ kind: 'new', name, content: await file.async('nodebuffer'), date: file.date });
  }
  return writeZip(written);
}
