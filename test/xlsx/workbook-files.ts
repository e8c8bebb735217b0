/**
 * Test workbooks made with ExcelJS, with defined names patched into the XML by hand (ExcelJS cannot
 * write whole-column, sheet-scoped or broken names), and readers for the XML of written workbooks.
 * Deliberately independent of src/xlsx, so the tests do not check the code with itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface NameSpec {
  name: string;
  formula: string;
  localSheetId?: number;
  hidden?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes the workbook built by `build` to `path`, with `names` as its defined names. */
export async function writeWorkbook(path: string, build: (wb: ExcelJS.Workbook) => void, names: NameSpec[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  if (names.length > 0) {
    let xml = await zip.file('xl/workbook.xml')!.async('string');
    const elements = names
      .map((n) => {
        const local = n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`;
        const hidden = n.hidden === true ? ' hidden="1"' : '';
        return `<definedName name="${esc(n.name)}"${local}${hidden}>${esc(n.formula)}</definedName>`;
      })
      .join('');
    xml = xml.replace('</sheets>', `</sheets><definedNames>${elements}</definedNames>`);
    zip.file('xl/workbook.xml', xml);
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A fresh temporary folder and a function to remove it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'abc-xlsx-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** sha256 of a file. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The text of `xl/workbook.xml`. */
export async function workbookXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file('xl/workbook.xml')!.async('string');
}

/** The defined names of a written workbook, as written. */
export async function definedNames(path: string): Promise<Array<{ name: string; localSheetId: string | null; hidden: boolean; formula: string }>> {
  const xml = await workbookXml(path);
  return [...xml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const attrs = m[1] ?? '';
    return {
      name: /name="([^"]*)"/.exec(attrs)?.[1] ?? '',
      localSheetId: /localSheetId="(\d+)"/.exec(attrs)?.[1] ?? null,
      hidden: /hidden="1"/.test(attrs),
      formula: (m[2] ?? '').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
    };
  });
}

/** Sheet names in workbook order. */
export async function sheetNames(path: string): Promise<string[]> {
  const xml = await workbookXml(path);
  return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

/** The XML of a worksheet, found by its name through the workbook's relationships. */
export async function worksheetXml(path: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const escaped = esc(sheet);
  const tag = [...wb.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]).find((t) => t.includes(`name="${escaped}"`));
  const rid = tag === undefined ? undefined : /r:id="([^"]+)"/.exec(tag)?.[1];
  if (rid === undefined) throw new Error(`no sheet ${sheet}`);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rel = [...rels.matchAll(/<Relationship [^>]*\/>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel === undefined ? undefined : /Target="([^"]+)"/.exec(rel)?.[1];
  if (target === undefined) throw new Error(`no part for ${sheet}`);
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return zip.file(part)!.async('string');
}

/** The text of a part of a loaded package; throws when the part is missing. */
export async function zipPartText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (file === null) throw new Error(`no part ${name}`);
  return file.async('string');
}
