/**
 * What a file handed to the runner really is, told from its content rather than its name: people rename
 * files, ERP systems write HTML or CSV under the name `.xls`, and a password-protected `.xlsx` is not a
 * zip at all. Each kind that cannot be costed gets one sentence (file-problem.ts) saying what the file is and what to do,
 * instead of a zip library's error or, worse, "missing range" errors for a workbook that was never read.
 */
import { promises as fs } from 'fs';
import { extname } from 'path';
import type JSZip from 'jszip';
import type { FileProblem } from './file-problem';
import { readBounded } from './part-limits';

/** Kinds told from the first bytes, before any attempt to open the file as a zip. */
export type ByteKind =
  | 'zip'
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'ole-other'
  | 'pdf'
  | 'html'
  | 'spreadsheetml-2003'
  | 'flat-ods'
  | 'xml'
  | 'text'
  | 'unknown';

/** Kinds of zip packages that hold something other than an .xlsx workbook. */
export type PackageKind = 'xlsb' | 'ods' | 'opendocument-other' | 'numbers' | 'docx' | 'pptx' | 'zipped-workbook';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Local file header, end of central directory of an empty archive, spanned-archive marker. */
const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
/** Enough of the head to tell text from binary and to find the root element of a markup file. */
const SNIFF_BYTES = 8192;

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const XLSB_CONTENT_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

function startsWithBytes(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * OLE compound files (the container of .xls and of encrypted Office files) store their stream names in
 * UTF-16LE in directory sectors that may lie anywhere in the file; the names are distinctive enough that
 * searching the bytes for them is as good as walking the directory.
 */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  // With the terminating NUL of the directory entry, so the same word in a document's UTF-16 text does not count.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(`${name}\0`, 'utf16le'));
}

function oleKind(bytes: Uint8Array): ByteKind {
  if (hasStreamName(bytes, 'EncryptionInfo') || hasStreamName(bytes, 'EncryptedPackage')) return 'encrypted';
  // BIFF8 (Excel 97-2003) names its stream Workbook, BIFF5 (Excel 5/95) Book.
  if (hasStreamName(bytes, 'Workbook') || hasStreamName(bytes, 'Book')) return 'xls';
  return 'ole-other';
}

/** The head decoded as text, or null when it looks binary (NUL bytes or many control characters). */
function headAsText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (startsWithBytes(head, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(head.subarray(3));
  if (startsWithBytes(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWithBytes(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head.subarray(2));
  let control = 0;
  for (const b of head) {
    if (b === 0) return null;
    // Tab, line feed, form feed and carriage return are text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  if (control * 100 > head.length) return null;
  return new TextDecoder('utf-8').decode(head);
}

function markupKind(lowerHead: string): ByteKind {
  if (lowerHead.includes('urn:schemas-microsoft-com:office:spreadsheet') || lowerHead.includes('progid="excel.sheet"')) return 'spreadsheetml-2003';
  if (lowerHead.includes(ODS_MIMETYPE)) return 'flat-ods';
  if (lowerHead.startsWith('<!doctype html') || lowerHead.includes('<html') || lowerHead.startsWith('<table')) return 'html';
  return 'xml';
}

/** What the bytes are, as far as their first bytes (and, for OLE files, their stream names) tell. */
export function byteKind(bytes: Uint8Array): ByteKind {
  if (bytes.length === 0) return 'empty';
  if (ZIP_MAGICS.some((m) => startsWithBytes(bytes, m))) return 'zip';
  if (startsWithBytes(bytes, OLE_MAGIC)) return oleKind(bytes);
  if (startsWithBytes(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  const text = headAsText(bytes);
  if (text === null) return 'unknown';
  const lower = text.trimStart().toLowerCase();
  return lower.startsWith('<') ? markupKind(lower) : 'text';
}

/** The package's files (folders left out); callers compare their names ignoring case, as the packaging conventions do. */
function entryNames(zip: JSZip): string[] {
  return Object.keys(zip.files).filter((name) => !(zip.files[name]?.dir ?? false));
}

async function entryText(zip: JSZip, names: readonly string[], wanted: string): Promise<string | null> {
  const name = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  const file = name === undefined ? null : zip.file(name);
  if (file === null) return null;
  try {
    return (await readBounded(file)).toString('utf8');
  } catch {
    // A damaged entry tells nothing about the kind; the workbook reader reports the damage itself.
    return null;
  }
}

/**
 * What a zip package holds when it is not an .xlsx (or .xlsm, .xltx …) workbook; null when it may be one,
 * so that the workbook reader goes on and reports anything else it finds.
 */
export async function packageKind(zip: JSZip): Promise<PackageKind | null> {
  const names = entryNames(zip);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const mimetype = await entryText(zip, names, 'mimetype');
  if (mimetype !== null) {
    const type = mimetype.trim();
    if (type.startsWith(ODS_MIMETYPE)) return 'ods';
    if (type.startsWith('application/vnd.oasis.opendocument.')) return 'opendocument-other';
  }
  const contentTypes = (await entryText(zip, names, '[Content_Types].xml')) ?? '';
  if (contentTypes.includes(XLSB_CONTENT_TYPE) || (lower.has('xl/workbook.bin') && !lower.has('xl/workbook.xml'))) return 'xlsb';
  if (lower.has('xl/workbook.xml') || lower.has('[content_types].xml') || lower.has('_rels/.rels')) {
    if (lower.has('word/document.xml')) return 'docx';
    if (lower.has('ppt/presentation.xml')) return 'pptx';
    return null;
  }
  // Numbers since 2013 keeps its document in Index/*.iwa (sometimes zipped again as Index.zip); Numbers '09 in index.xml.gz.
  if ([...lower].some((n) => (n.startsWith('index/') && n.endsWith('.iwa')) || n === 'index.zip' || n === 'index.xml.gz')) return 'numbers';
  const xlsxInside = names.filter((n) => ['.xlsx', '.xlsm'].includes(extname(n).toLowerCase()));
  if (xlsxInside.length > 0 && xlsxInside.length === names.length) return 'zipped-workbook';
  return null;
}

/** The problem of a file that is not a workbook the runner reads; null for `zip` and `unknown`, which are tried as zips. */
export function byteKindProblem(kind: ByteKind): FileProblem | null {
  return kind === 'zip' || kind === 'unknown' ? null : { kind };
}

/** The problem of a zip that cannot be opened: damaged or cut off (`zip`), or no zip at all (`unknown`). */
export function unopenableZipProblem(kind: ByteKind): FileProblem {
  return { kind: kind === 'zip' ? 'damaged-zip' : 'not-a-zip' };
}

/**
 * The problem of a folder given as the workbook. On a Mac a Numbers document may be a folder (a
 * package) that looks like a single file in Finder.
 */
export async function folderProblem(path: string): Promise<FileProblem> {
  let entries: string[] = [];
  try {
    entries = (await fs.readdir(path)).map((e) => e.toLowerCase());
  } catch {
    // Unreadable: it is still a folder, which is all the message needs to say.
  }
  if (extname(path).toLowerCase() === '.numbers' || entries.includes('index.zip') || (entries.includes('index') && entries.includes('metadata'))) {
    return { kind: 'numbers' };
  }
  return { kind: 'folder' };
}
