/**
 * Model workbooks whose text cells hold any Unicode at all — control characters, U+FFFE, lone surrogates,
 * a literal `_x0041_` — stored the way Excel stores them (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a
 * character XML cannot hold is written `_xHHHH_`, and a literal `_xHHHH_` is protected as `_x005F_xHHHH_`.
 * ExcelJS writes placeholders which are then replaced in the XML, so the input is exactly that and no
 * more. Written independently of src/xlsx, so the writer is not checked with itself.
 */
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { writeWorkbook } from '../xlsx/workbook-files';

/** Characters XML 1.0 cannot hold at all. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as Excel writes it into a `<t>` element (a carriage return too: raw, a parser reads it as a line feed). */
export function excelCellXml(text: string): string {
  const escaped = text.replace(/_(?=x[0-9A-Fa-f]{4}_)|\r|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (m) =>
    m === '_' ? '_x005F_' : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escaped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text of an element or attribute with its entities decoded. */
export function xmlText(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9A-Fa-f]+);/g, (_m, x: string, n: string) => String.fromCodePoint(parseInt(n, x === '' ? 10 : 16)))
    .replace(/&amp;/g, '&');
}

/** Cell text as Excel reads it back: entities, then `_xHHHH_` escapes. */
export function excelCellText(xml: string): string {
  return xmlText(xml).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** True when `text` holds a character XML 1.0 cannot hold. */
export function hasXmlForbidden(text: string): boolean {
  return new RegExp(XML_FORBIDDEN.source).test(text);
}

/** The texts of a small model: every text column the contract reads. */
export interface ModelTexts {
  customers: Array<{ id: string; name: string; segment: string }>;
  pool: string;
  activities: [string, string, string];
  drivers: [string, string, string];
}

/** Kaplan & Anderson's department with the given texts; ids must differ (ignoring case and spaces), as must drivers and activities. */
export async function textModelWorkbook(path: string, texts: ModelTexts): Promise<void> {
  const values: string[] = [];
  // A placeholder ExcelJS writes as plain text, replaced afterwards by the text as Excel would store it.
  const ph = (text: string): string => {
    values.push(text);
    return `QQ${values.length - 1}QQ`;
  };
  const { customers, pool, activities, drivers } = texts;
  const minutes = [8, 44, 50];
  await writeWorkbook(
    path,
    (wb) => {
      wb.addWorksheet('Pools').addRows([['Pool', 'Cost', 'Capacity'], [ph(pool), 560000, 7000000]]);
      wb.addWorksheet('Activities').addRows([['Activity', 'Pool', 'Driver', 'Minutes'], ...activities.map((a, i) => [ph(a), ph(pool), ph(drivers[i] ?? ''), minutes[i] ?? 1])]);
      wb.addWorksheet('Customers').addRows([
        ['Customer', 'Name', 'Revenue', 'COGS', 'Segment'],
        ...customers.map((c, i) => [ph(c.id), ph(c.name), 1000000 - i * 1000, 600000, ph(c.segment)]),
      ]);
      wb.addWorksheet('Volumes').addRows([
        ['Customer', 'Driver', 'Quantity'],
        ...customers.flatMap((c, i) => drivers.map((d, j) => [ph(c.id), ph(d), 1000 + 100 * i + j])),
      ]);
      wb.addWorksheet('Settings').addRows([['Setting', 'Value'], ['Currency', 'USD']]);
    },
    [
      { name: 'ABC_Pools', formula: 'Pools!$A$1:$C$2' },
      { name: 'ABC_Activities', formula: 'Activities!$A$1:$D$4' },
      { name: 'ABC_Customers', formula: `Customers!$A$1:$E$${customers.length + 1}` },
      { name: 'ABC_Volumes', formula: `Volumes!$A$1:$C$${customers.length * 3 + 1}` },
      { name: 'ABC_Settings', formula: 'Settings!$A$1:$B$2' },
    ],
  );
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/QQ(\d+)QQ/g, (_m, n: string) => excelCellXml(values[Number(n)] ?? '')));
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Every sheet of a written workbook: its name as written and its part's XML. */
export async function sheetParts(path: string): Promise<Array<{ name: string; xml: string }>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out: Array<{ name: string; xml: string }> = [];
  for (const tag of wb.match(/<sheet [^>]*\/>/g) ?? []) {
    const name = xmlText(/name="([^"]*)"/.exec(tag)?.[1] ?? '');
    const rid = /r:id="([^"]+)"/.exec(tag)?.[1];
    const rel = (rels.match(/<Relationship [^>]*\/>/g) ?? []).find((t) => t.includes(`Id="${rid}"`));
    const target = /Target="([^"]+)"/.exec(rel ?? '')?.[1] ?? '';
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    out.push({ name, xml: (await zip.file(part)?.async('string')) ?? '' });
  }
  return out;
}

/** The inline-string texts of a sheet's cells, by reference, decoded as Excel reads them. */
export function cellTexts(sheetXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([\s\S]*?)<\/t><\/is><\/c>/g)) {
    cells.set(m[1] ?? '', excelCellText(m[2] ?? ''));
  }
  return cells;
}
