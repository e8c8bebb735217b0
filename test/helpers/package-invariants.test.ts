/**
 * The package checker used on every report (producers.test.ts) must be able to fail: a small sound
 * package passes, and each kind of breakage it exists to catch is reported, naming the part.
 */
import JSZip from 'jszip';
import { checkPackage, workbookContentType } from './package-invariants';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

type Parts = Record<string, string | Buffer>;

/** A minimal sound workbook: one sheet, workbook-root xmlns:r, every part typed. */
function soundParts(): Parts {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${XLSX_TYPE}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
  };
}

async function pack(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The sound parts with `edit` applied to one of them. */
function edited(part: string, edit: (xml: string) => string): Parts {
  const parts = soundParts();
  parts[part] = edit(String(parts[part]));
  return parts;
}

const VBA_DEFAULT = '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>';
const VBA_REL = '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>';

describe('checkPackage', () => {
  it('passes a sound package', async () => {
    expect(await checkPackage(await pack(soundParts()))).toEqual([]);
  });

  it('passes xmlns:r declared on the element that uses it (openpyxl), and a UTF-16 part', async () => {
    const parts = edited('xl/workbook.xml', (x) => x.replace(` xmlns:r="${R}"`, '').replace('<sheet ', `<sheet xmlns:r="${R}" `));
    const utf16 = String(parts['xl/worksheets/sheet1.xml']).replace('UTF-8', 'UTF-16');
    parts['xl/worksheets/sheet1.xml'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]);
    expect(await checkPackage(await pack(parts))).toEqual([]);
  });

  it('reports a prefix used where it is not declared', async () => {
    const parts = edited('xl/workbook.xml', (x) => x.replace(` xmlns:r="${R}"`, ''));
    expect(await checkPackage(await pack(parts))).toEqual([expect.stringMatching(/^xl\/workbook\.xml: .*unbound namespace prefix: "r"/)]);
  });

  it('reports XML that is not well-formed', async () => {
    const parts = edited('xl/worksheets/sheet1.xml', (x) => x.replace('</row>', ''));
    const violations = await checkPackage(await pack(parts));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.startsWith('xl/worksheets/sheet1.xml: not well-formed'))).toBe(true);
  });

  it('reports a relationship whose target is not in the package', async () => {
    const parts = edited('xl/_rels/workbook.xml.rels', (x) => x.replace('sheet1.xml', 'sheet2.xml'));
    expect(await checkPackage(await pack(parts))).toEqual([
      'xl/_rels/workbook.xml.rels: relationship rId1 points to xl/worksheets/sheet2.xml, which is not in the package',
    ]);
  });

  it('reports an r:id that names no relationship of its part', async () => {
    const parts = edited('xl/workbook.xml', (x) => x.replace('r:id="rId1"', 'r:id="rId7"'));
    expect(await checkPackage(await pack(parts))).toEqual(['xl/workbook.xml: <sheet r:id="rId7"> names no relationship of the part']);
  });

  it('reports a part without a content type', async () => {
    const parts = soundParts();
    parts['xl/media/image1.png'] = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    expect(await checkPackage(await pack(parts))).toEqual(['xl/media/image1.png: no content type (no Override and no Default for its extension)']);
  });

  it('reports macros in a package whose workbook is not macro-enabled', async () => {
    const parts = edited('[Content_Types].xml', (x) => x.replace('<Default Extension="xml"', `${VBA_DEFAULT}<Default Extension="xml"`));
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', `${VBA_REL}</Relationships>`);
    parts['xl/vbaProject.bin'] = Buffer.alloc(16);
    expect(await checkPackage(await pack(parts))).toEqual([`xl/vbaProject.bin (macros) in a package whose workbook has the content type ${XLSX_TYPE}`]);
    // The same package with the macro-enabled content type is sound.
    parts['[Content_Types].xml'] = String(parts['[Content_Types].xml']).replace(XLSX_TYPE, XLSM_TYPE);
    const bytes = await pack(parts);
    expect(await checkPackage(bytes)).toEqual([]);
    expect(await workbookContentType(bytes)).toBe(XLSM_TYPE);
  });

  it('reports a macro-enabled workbook without macros', async () => {
    const parts = edited('[Content_Types].xml', (x) => x.replace(XLSX_TYPE, XLSM_TYPE));
    expect(await checkPackage(await pack(parts))).toEqual([`xl/workbook.xml has the macro-enabled content type ${XLSM_TYPE} but the package has no VBA project`]);
  });

  it('reports bytes that are not a zip', async () => {
    expect(await checkPackage(Buffer.from('not a zip'))).toEqual([expect.stringMatching(/^not a zip package/)]);
  });
});
