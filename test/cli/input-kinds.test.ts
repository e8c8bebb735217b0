/**
 * Files that are not .xlsx workbooks, told by their content whatever their name: each ends the run with
 * exit status 2 and one sentence saying what the file is and what to do. The inputs are built in memory,
 * each just enough of its format to carry the marks the runner looks for.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { byteKind } from '../../src/xlsx/file-kind';
import { tempDir, writeWorkbook } from '../xlsx/workbook-files';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * An OLE compound file reduced to what matters here: the header's magic and directory entries (128 bytes
 * each, the name in UTF-16LE with its terminating NUL) in the sector after the 512-byte header.
 */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.concat([OLE_MAGIC, Buffer.alloc(512 - OLE_MAGIC.length)]);
  const entries = ['Root Entry', ...streams].map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(`${name}\0`, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...entries]);
}

async function zipOf(entries: Array<[string, string | Buffer]>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of entries) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The package parts Excel writes for an .xlsb, with a few bytes standing in for the binary parts. */
function xlsbEntries(): Array<[string, string | Buffer]> {
  return [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
    ],
    ['xl/workbook.bin', Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00])],
    ['xl/worksheets/sheet1.bin', Buffer.from([0x81, 0x01, 0x00])],
  ];
}

describe('input that is not an .xlsx workbook', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  /** Writes `bytes` as `name`, runs on it and expects exit 2 with exactly `sentence` (`{path}` stands for the file). */
  async function expectRefused(name: string, bytes: Buffer | string, sentence: string): Promise<void> {
    const own = mkdtempSync(join(dir, 'case-'));
    const path = join(own, name);
    writeFileSync(path, bytes);
    const { code, out, err } = await run([path, '--json', join(own, 'result.json')]);
    expect({ name, code, out, err }).toEqual({ name, code: 2, out: '', err: sentence.replace('{path}', path) });
    // Nothing is written, not even the JSON: the run stops before it knows anything about a model.
    expect(readdirSync(own)).toEqual([name]);
  }

  it('refuses an .xlsb, which has a workbook part but a binary one, instead of reporting missing ranges', async () => {
    await expectRefused(
      'model.xlsb',
      await zipOf(xlsbEntries()),
      '{path} is an Excel binary workbook (.xlsb): binary workbooks are not supported; save it as .xlsx (Excel Workbook) in Excel.',
    );
  });

  it('knows an .xlsb by its content type and its workbook.bin even when it is named .xlsx', async () => {
    // Only the workbook.bin, no content types: the package layout alone tells.
    await expectRefused(
      'renamed.xlsx',
      await zipOf([['xl/workbook.bin', Buffer.from([0x83, 0x01, 0x00])]]),
      '{path} is an Excel binary workbook (.xlsb): binary workbooks are not supported; save it as .xlsx (Excel Workbook) in Excel.',
    );
  });

  it('refuses an Excel 97-2003 .xls (an OLE compound file with a Workbook stream)', async () => {
    await expectRefused(
      'old.xls',
      oleFile(['Workbook', '\u0005SummaryInformation']),
      '{path} is an Excel 97-2003 workbook (.xls), which the runner cannot read; open it in Excel and save it as .xlsx (Excel Workbook).',
    );
    // Excel 5/95 calls the stream Book.
    await expectRefused(
      'older.xls',
      oleFile(['Book']),
      '{path} is an Excel 97-2003 workbook (.xls), which the runner cannot read; open it in Excel and save it as .xlsx (Excel Workbook).',
    );
  });

  it('refuses a password-protected .xlsx (an OLE compound file with EncryptionInfo and EncryptedPackage)', async () => {
    await expectRefused(
      'secret.xlsx',
      oleFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']),
      '{path} is password-protected (encrypted), so it cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it.',
    );
  });

  it('tells an OLE file that is neither an .xls nor encrypted (a Word 97 document) apart', async () => {
    await expectRefused(
      'letter.xls',
      oleFile(['WordDocument', '1Table']),
      '{path} is an old-format Office file, not an .xlsx workbook; open it in the program that made it and save the model as .xlsx (Excel Workbook).',
    );
  });

  it('refuses an OpenDocument spreadsheet (.ods) by its mimetype entry', async () => {
    await expectRefused(
      'model.ods',
      await zipOf([
        ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
        ['content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
        ['META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
      ]),
      '{path} is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx (Excel 2007-365) in LibreOffice.',
    );
    await expectRefused(
      'notes.xlsx',
      await zipOf([['mimetype', 'application/vnd.oasis.opendocument.text']]),
      '{path} is an OpenDocument file but not a spreadsheet; run on the workbook (.xlsx) that holds the model.',
    );
  });

  it('refuses an Apple Numbers file, saved as one file (a zip) or as a package folder', async () => {
    const numbers = 'is an Apple Numbers (iWork) file, not an .xlsx workbook; in Numbers choose File > Export To > Excel and run on the .xlsx it makes.';
    await expectRefused(
      'budget.numbers',
      await zipOf([
        ['Index/Document.iwa', Buffer.from([0x00, 0x1f, 0x08])],
        ['Metadata/Properties.plist', 'bplist00'],
        ['preview.jpg', Buffer.from([0xff, 0xd8, 0xff])],
      ]),
      `{path} ${numbers}`,
    );
    const folder = join(dir, 'plan.numbers');
    mkdirSync(join(folder, 'Metadata'), { recursive: true });
    writeFileSync(join(folder, 'Index.zip'), await zipOf([['Document.iwa', Buffer.from([0x00])]]));
    const { code, err } = await run([folder]);
    expect({ code, err }).toEqual({ code: 2, err: `${folder} ${numbers}` });
  });

  it('refuses CSV and other text, whatever the name and encoding', async () => {
    const text = '{path} is not an .xlsx workbook but a text file (such as CSV); open it in Excel and save it as .xlsx (Excel Workbook).';
    await expectRefused('export.xlsx', 'Customer;Revenue\r\n1001;1000\r\n', text);
    // Windows-1252 with an é: not UTF-8, still text.
    await expectRefused('latin.csv', Buffer.from([...Buffer.from('Klant;Omzet\nCaf'), 0xe9, ...Buffer.from(';12\n')]), text);
    // Excel's "Unicode Text": UTF-16LE with a byte order mark, full of NUL bytes.
    await expectRefused('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Customer\tRevenue\r\n', 'utf16le')]), text);
  });

  it('refuses HTML and Excel 2003 XML that ERP systems name .xls', async () => {
    await expectRefused(
      'erp-export.xls',
      '\n<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1001</td></tr></table></body></html>',
      '{path} is not an .xlsx workbook but a web page (HTML, as some programs export under the name .xls); open it in Excel and save it as .xlsx (Excel Workbook).',
    );
    await expectRefused(
      'erp-export-2.xls',
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
      '{path} is not an .xlsx workbook but an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx (Excel Workbook).',
    );
  });

  it('refuses an empty file', async () => {
    await expectRefused('empty.xlsx', Buffer.alloc(0), '{path} is an empty file (0 bytes), not a workbook; save or copy the workbook again and run on the new copy.');
  });

  it('refuses a truncated .xlsx as damaged, and a zip without a workbook part as not a workbook', async () => {
    const good = join(dir, 'good.xlsx');
    await writeWorkbook(good, (wb) => void wb.addWorksheet('Data').addRow([1, 2]));
    const whole = readFileSync(good);
    await expectRefused(
      'cut.xlsx',
      whole.subarray(0, Math.floor(whole.length / 2)),
      '{path} is a damaged or incomplete .xlsx file (its zip structure cannot be read); copy it again, or open it in Excel, let Excel repair it and save it.',
    );
    await expectRefused(
      'photos.xlsx',
      await zipOf([['readme.txt', 'holiday']]),
      '{path} is a zip file but not an .xlsx workbook (it has no xl/workbook.xml); save the model as .xlsx (Excel Workbook) and run on that file.',
    );
    await expectRefused(
      'model.zip',
      await zipOf([['model.xlsx', whole]]),
      '{path} is a zip archive holding a workbook, not a workbook itself; unzip it and run on the .xlsx inside.',
    );
    await expectRefused(
      'report.xlsx',
      await zipOf([
        ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
        ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
      ]),
      '{path} is a Word document, not a workbook; run on the Excel workbook (.xlsx) that holds the model.',
    );
  });

  it('refuses other binary content and PDF', async () => {
    await expectRefused(
      'chart.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      '{path} is not an .xlsx workbook (its content is neither a zip package nor text); save the model as .xlsx (Excel Workbook) and run on that file.',
    );
    await expectRefused('model.pdf', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', '{path} is a PDF document, not a workbook; run on the Excel workbook (.xlsx) that holds the model.');
  });

  it('reads a real .xlsx whatever its name: a workbook named .xls gets to the model checks', async () => {
    const path = join(dir, 'model.xls');
    await writeWorkbook(path, (wb) => void wb.addWorksheet('Data').addRow([1, 2]));
    const { code, err } = await run([path]);
    // Exit 1, the model's problems, not exit 2: the file was read as the workbook it is.
    expect(code).toBe(1);
    expect(err).toContain('ERROR MISSING_RANGE at ABC_Pools');
    expect(existsSync(join(dir, 'model-report.xlsx'))).toBe(false);
  });
});

describe('byteKind', () => {
  it('tells kinds by content', () => {
    expect(byteKind(Buffer.from('PK\x03\x04rest'))).toBe('zip');
    expect(byteKind(Buffer.from('PK\x05\x06'))).toBe('zip');
    expect(byteKind(oleFile(['Workbook']))).toBe('xls');
    expect(byteKind(oleFile(['EncryptedPackage']))).toBe('encrypted');
    expect(byteKind(Buffer.from('\uFEFFa,b\n1,2\n'))).toBe('text');
    expect(byteKind(Buffer.from('<?xml version="1.0"?><root/>'))).toBe('xml');
    expect(byteKind(Buffer.from('<office:document xmlns:office="x" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'))).toBe('flat-ods');
  });

  it('does not take the word Workbook in a document text for an .xls stream', () => {
    // In a Word 97 file the text is UTF-16LE too, but not followed by the NUL that ends a directory entry name.
    const doc = Buffer.concat([oleFile(['WordDocument']), Buffer.from('My Workbook notes', 'utf16le')]);
    expect(byteKind(doc)).toBe('ole-other');
  });
});
