/**
 * Opens an .xlsx for reading. The file is read into memory once and never opened for writing; ExcelJS
 * is given a copy of the package without defined names (see `workbook-xml.ts` for why), and the names
 * are kept aside from the original XML.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseWorkbookXml, removeDefinedNames, type WorkbookXmlInfo } from './workbook-xml';

/** The file cannot be used at all: missing, not an .xlsx, damaged. The runner exits with 2. */
export class WorkbookReadError extends Error {
  override name = 'WorkbookReadError';
}

/** A workbook as the runner holds it. */
export interface LoadedWorkbook {
  path: string;
  /** Cells, styles and sheets, loaded by ExcelJS from the package without its defined names. */
  workbook: ExcelJS.Workbook;
  /** Sheets (in workbook order) and defined names as written in the input's `xl/workbook.xml`. */
  info: WorkbookXmlInfo;
}

const WORKBOOK_PART = 'xl/workbook.xml';

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads a file, turning the operating system's error into a sentence. */
async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError(`Cannot read ${path}: no such file.`);
    if (code === 'EISDIR') throw new WorkbookReadError(`Cannot read ${path}: it is a folder, not a workbook.`);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError(`Cannot read ${path}: permission denied.`);
    throw new WorkbookReadError(`Cannot read ${path}: ${describe(e)}`);
  }
}

/** Loads a workbook from bytes. `path` is only used in messages. */
export async function loadWorkbookBytes(bytes: Buffer, path: string): Promise<LoadedWorkbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookReadError(
      `${path} is not an .xlsx workbook (an .xls file or a password-protected workbook must first be saved as an unprotected .xlsx).`,
    );
  }
  const part = zip.file(WORKBOOK_PART);
  if (part === null) throw new WorkbookReadError(`${path} is not an .xlsx workbook: it has no ${WORKBOOK_PART}.`);
  const xml = await part.async('string');
  const info = parseWorkbookXml(xml);
  zip.file(WORKBOOK_PART, removeDefinedNames(xml));
  // Stored, not deflated: this copy only lives in memory for ExcelJS to parse.
  const withoutNames = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(withoutNames as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError(`${path} could not be read as an .xlsx workbook: ${describe(e)}`);
  }
  return { path, workbook, info };
}

/** Loads a workbook from a file, which is opened for reading only. */
export async function loadWorkbook(path: string): Promise<LoadedWorkbook> {
  return loadWorkbookBytes(await readBytes(path), path);
}
