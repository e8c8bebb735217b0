/**
 * .xlsx packages written part by part, for what a spreadsheet library would not produce: namespace
 * prefixes (`x:`, as the Open XML SDK writes), cells and rows without `r`, rich text with phonetic runs,
 * a workbook without a styles part, binary parts. Independent of src/xlsx.
 */
import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

export interface HandSheet {
  name: string;
  /** The worksheet's content inside the root element, e.g. `<sheetData>…</sheetData>`, unprefixed. */
  body: string;
}

export interface HandPackage {
  /** Element prefix with colon (`x:`) or '' for the default namespace. */
  prefix?: string;
  sheets: HandSheet[];
  names?: Array<{ name: string; formula: string; localSheetId?: number }>;
  /** `<si>` items, unprefixed; no shared strings part when absent. */
  sharedStrings?: string[];
  /** The whole styles part, unprefixed; no styles part when absent. */
  styles?: string;
  date1904?: boolean;
  /** Further parts (path → content), e.g. a VBA project or custom XML, with their content types. */
  extra?: Array<{ path: string; content: string | Buffer; contentType?: string; relType?: string }>;
}

/** Puts the prefix on every element of an unprefixed fragment (attributes stay as they are). */
export function prefixed(xml: string, p: string): string {
  if (p === '') return xml;
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, `<$1${p}$2`);
}

/** The parts of the package described. */
export function handParts(spec: HandPackage): Map<string, string | Buffer> {
  const p = spec.prefix ?? '';
  const ns = p === '' ? `xmlns="${MAIN}"` : `xmlns:${p.slice(0, -1)}="${MAIN}"`;
  const parts = new Map<string, string | Buffer>();
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheets = spec.sheets.map((s, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    parts.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL}">${prefixed(s.body, p)}</${p}worksheet>`);
    overrides.push(`<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    return `<sheet name="${s.name.replace(/&/g, '&amp;')}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`;
  });
  if (spec.sharedStrings !== undefined) {
    parts.set(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns} count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${prefixed(spec.sharedStrings.join(''), p)}</${p}sst>`,
    );
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    rels.push(`<Relationship Id="rIdSST" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    parts.set('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}>${prefixed(spec.styles, p)}</${p}styleSheet>`);
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    rels.push(`<Relationship Id="rIdST" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  const defaults: string[] = [];
  for (const e of spec.extra ?? []) {
    parts.set(e.path, e.content);
    if (e.contentType !== undefined) overrides.push(`<Override PartName="/${e.path}" ContentType="${e.contentType}"/>`);
    if (e.relType !== undefined) rels.push(`<Relationship Id="rIdX${rels.length}" Type="${e.relType}" Target="${e.path.replace(/^xl\//, '')}"/>`);
  }
  const names = (spec.names ?? [])
    .map((n) => `<definedName name="${n.name}"${n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`}>${n.formula.replace(/&/g, '&amp;')}</definedName>`)
    .join('');
  const workbook =
    `<workbookPr${spec.date1904 === true ? ' date1904="1"' : ''}/><bookViews><workbookView/></bookViews><sheets>${sheets.join('')}</sheets>` +
    (names === '' ? '' : `<definedNames>${names}</definedNames>`) +
    '<calcPr calcId="191029"/>';
  parts.set('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL}">${prefixed(workbook, p)}</${p}workbook>`);
  parts.set('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  parts.set(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  defaults.push(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`);
  parts.set(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT}">${defaults.join('')}` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  return parts;
}

/** The bytes of the package; parts named in `store` are stored uncompressed. */
export async function handPackage(spec: HandPackage, store: readonly string[] = []): Promise<Buffer> {
  const zip = new JSZip();
  const parts = handParts(spec);
  // [Content_Types].xml first, as Office writes it.
  // Text goes in as UTF-8 bytes: JSZip would split an emoji that falls on the boundary of its pieces.
  const bytes = (c: string | Buffer): Buffer => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  zip.file('[Content_Types].xml', bytes(parts.get('[Content_Types].xml')!));
  for (const [path, content] of parts) {
    if (path === '[Content_Types].xml') continue;
    zip.file(path, bytes(content), { compression: store.includes(path) ? 'STORE' : 'DEFLATE' });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every file of a package by path, decompressed. */
export async function packageFiles(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}
