/**
 * Opens an .xlsx for reading. The file is read into memory once and never opened for writing. Only the
 * package directory and the small workbook part are read here; worksheets are read later, and only those
 * that hold a contract range (see `read-ranges.ts`). The package is kept, compressed, for the report
 * copy, which copies every part it does not change as it is.
 */
import { constants as fsConstants, promises as fs } from 'fs';
import type { FileHandle } from 'fs/promises';
import JSZip from 'jszip';
import { byteKind, byteKindProblem, packageKind, unopenableZipProblem } from './file-kind';
import { type FileProblem, fileProblemText } from './file-problem';
import { CONTENT_TYPES_PART, findPart, isKind, parseRelationships, readPart, readRelationships, readXmlPart, type Relationship, type XmlPart } from './package';
import { PartTooLargeError } from './part-limits';
import { parseWorkbookXml, type WorkbookXmlInfo } from './workbook-xml';
import { checkEntries, checkUniqueNames } from './zip-consistency';
import { readZipEntries, ZipAmbiguityError, type ZipEntry, ZipFormatError } from './zip-reader';

/** The file cannot be used at all: missing, not an .xlsx, damaged. The runner exits with 2. */
export class WorkbookReadError extends Error {
  override name = 'WorkbookReadError';

  /** `message` is the English sentence; the runner renders `problem` in the run's language. */
  constructor(
    readonly problem: FileProblem,
    readonly path: string,
  ) {
    super(fileProblemText(problem, path));
  }
}

/** A sheet of the workbook and where its part is. */
export interface WorkbookSheet {
  name: string;
  /** Position in `<sheets>`, the `localSheetId` of names scoped to it. */
  index: number;
  /** The sheet's part, e.g. `xl/worksheets/sheet1.xml`; null when its relationship is missing. */
  part: string | null;
  /** True for a worksheet (not a chart sheet, dialog or macro sheet). */
  worksheet: boolean;
}

/** A workbook as the runner holds it. */
export interface LoadedWorkbook {
  path: string;
  /** The package as read; parts are decompressed only when asked for. */
  zip: JSZip;
  /** The file's bytes, from which the large parts are inflated by zlib (see `zip-reader.ts`). */
  bytes: Buffer;
  /**
   * The package's entries as its central directory lists them; null when JSZip could open a package
   * whose directory this reader does not take (its parts are then read through JSZip).
   */
  entries: ZipEntry[] | null;
  /**
   * Every entry as JSZip loaded it, by name: a part whose object is still this one is unchanged, and the
   * report copies its compressed bytes instead of deflating it again (see report-zip.ts).
   */
  original: ReadonlyMap<string, JSZip.JSZipObject>;
  /** Path of the workbook part, normally `xl/workbook.xml`. */
  workbookPart: string;
  /** The workbook part's text as read. */
  workbookXml: string;
  /** The workbook part as read, with its encoding (an edited copy is written back in the same one). */
  workbookPartText: XmlPart;
  /** Relationships of the workbook part (sheets, styles, shared strings …). */
  workbookRels: Relationship[];
  /** Sheets (in workbook order) and defined names as written in the workbook part. */
  info: WorkbookXmlInfo;
  /** The sheets with their parts, in workbook order. */
  sheets: WorkbookSheet[];
}

const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads a regular file, turning the operating system's error into a sentence. The file is opened without
 * blocking and its kind is asked of the open handle: opening a FIFO that nothing writes to would otherwise
 * wait forever, and asking the path first would leave a moment to swap the file for one.
 */
async function readBytes(path: string): Promise<Buffer> {
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookReadError({ kind: 'folder' }, path);
    if (!stat.isFile()) throw new WorkbookReadError({ kind: 'not-a-regular-file' }, path);
    return await handle.readFile();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError({ kind: 'no-such-file' }, path);
    if (code === 'EISDIR') throw new WorkbookReadError({ kind: 'folder' }, path);
    // A socket cannot be opened as a file at all.
    if (code === 'ENXIO') throw new WorkbookReadError({ kind: 'not-a-regular-file' }, path);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError({ kind: 'permission-denied' }, path);
    throw new WorkbookReadError({ kind: 'read-failed', detail: describe(e) }, path);
  } finally {
    await handle?.close();
  }
}

/** The workbook part, found through the package relationships as the conventions say. */
async function workbookPartOf(zip: JSZip): Promise<string> {
  const rels = await readPart(zip, '_rels/.rels');
  const main = rels === null ? undefined : parseRelationships(rels, '').find((r) => isKind(r, 'officeDocument') && r.part !== null);
  return main?.part ?? DEFAULT_WORKBOOK_PART;
}

/**
 * The central directory, checked (see zip-consistency.ts), or null when only JSZip's more forgiving
 * reading could open the package. An ambiguous package is never handed to JSZip instead.
 */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  try {
    const entries = readZipEntries(bytes);
    checkEntries(bytes, entries);
    return entries;
  } catch (e) {
    if (e instanceof ZipFormatError) return null;
    throw e;
  }
}

/**
 * Opens the package with JSZip, which keeps one entry of two with the same name: the names it was given
 * are counted on the way, so a duplicate is refused on this path too.
 */
async function loadZip(bytes: Buffer): Promise<JSZip> {
  const zip = new JSZip();
  const names: string[] = [];
  const file = zip.file.bind(zip) as (...args: unknown[]) => unknown;
  // JSZip's loader adds each entry with file(name, data, options); reading a file back passes one argument.
  (zip as unknown as { file: (...args: unknown[]) => unknown }).file = (...args: unknown[]) => {
    if (args.length >= 2 && typeof args[0] === 'string') names.push(args[0]);
    return file(...args);
  };
  try {
    await zip.loadAsync(bytes);
  } finally {
    delete (zip as unknown as { file?: unknown }).file;
  }
  checkUniqueNames(names);
  return zip;
}

/** The sentence's data for an ambiguous package. */
function ambiguityProblem(e: ZipAmbiguityError): FileProblem {
  return { kind: 'ambiguous-zip', reason: e.reason, part: e.part };
}

/** Loads a workbook from bytes. `path` is only used in messages. */
export async function loadWorkbookBytes(bytes: Buffer, path: string): Promise<LoadedWorkbook> {
  // Told by content, not by name: see file-kind.ts.
  const kind = byteKind(bytes);
  const notWorkbook = byteKindProblem(kind);
  if (notWorkbook !== null) throw new WorkbookReadError(notWorkbook, path);
  let zip: JSZip;
  let entries: ZipEntry[] | null;
  try {
    entries = zipEntries(bytes);
    zip = await loadZip(bytes);
  } catch (e) {
    if (e instanceof ZipAmbiguityError) throw new WorkbookReadError(ambiguityProblem(e), path);
    throw new WorkbookReadError(unopenableZipProblem(kind), path);
  }
  const otherPackage = await packageKind(zip);
  if (otherPackage !== null) throw new WorkbookReadError({ kind: otherPackage }, path);
  try {
    const workbookPart = await workbookPartOf(zip);
    const file = findPart(zip, workbookPart);
    if (file === null) throw new WorkbookReadError({ kind: 'no-workbook-part', part: workbookPart }, path);
    const workbookPartText = (await readXmlPart(zip, file.name))!;
    const workbookXml = workbookPartText.text;
    const info = parseWorkbookXml(workbookXml, file.name);
    const workbookRels = await readRelationships(zip, file.name);
    // Read here, where its damage or size becomes a sentence; the report reads it again to edit it.
    await readXmlPart(zip, CONTENT_TYPES_PART);
    const sheets = info.sheets.map((s, index) => {
      const rel = workbookRels.find((r) => r.id === s.rId);
      return { name: s.name, index, part: rel?.part ?? null, worksheet: rel !== undefined && isKind(rel, 'worksheet') };
    });
    return { path, zip, bytes, entries, original: new Map(Object.entries(zip.files)), workbookPart: file.name, workbookXml, workbookPartText, workbookRels, info, sheets };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof PartTooLargeError) throw new WorkbookReadError({ kind: 'part-too-large', part: e.part, limitMb: e.limit / 1024 / 1024 }, path);
    throw new WorkbookReadError({ kind: 'damaged-part', detail: describe(e) }, path);
  }
}

/** Loads a workbook from a file, which is opened for reading only. */
export async function loadWorkbook(path: string): Promise<LoadedWorkbook> {
  return loadWorkbookBytes(await readBytes(path), path);
}
