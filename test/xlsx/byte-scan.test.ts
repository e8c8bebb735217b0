import fc from 'fast-check';
/**
 * The byte scanner (issue 11) against the reader it replaced (test/xlsx/reference-sheet-scan.ts, the old
 * code kept as an oracle): on every worksheet of every fixture workbook, and of hand-made packages with
 * prefixes, strict namespaces, inline strings, rows and cells without `r`, UTF-16, comments and CDATA,
 * both give the same grid; and the byte tokenizer gives the same events as the text tokenizer.
 */
import { readdirSync, readFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import type { CellValue } from '../../src/workbook/grid';
import { numberLooks, type ValueContext } from '../../src/xlsx/cell-value';
import { decodePart } from '../../src/xlsx/part-text';
import { loadWorkbookBytes, type LoadedWorkbook } from '../../src/xlsx/load-workbook';
import { findPart, isKind, readXmlPart } from '../../src/xlsx/package';
import { volumeColumns } from '../../src/xlsx/read-ranges';
import { scanSharedStrings } from '../../src/xlsx/shared-strings';
import { scanSheet, UNREAD_CELL, wholePart } from '../../src/xlsx/sheet-scan';
import { ByteXmlTokenizer, textOf } from '../../src/xlsx/xml-bytes';
import { XmlTokenizer } from '../../src/xlsx/xml-tokenizer';
import { findEntry, streamEntry } from '../../src/xlsx/zip-reader';
import { handPackage } from './hand-package';
import { readSharedStrings as referenceStrings, scanSheet as referenceScan } from './reference-sheet-scan';

const WHOLE_SHEET = { sheet: '', top: 1, left: 1, bottom: 1_048_576, right: 16_384 };

const FIXTURES = [
  ...readdirSync(join(__dirname, '..', 'fixtures', 'producers'))
    .filter((f) => /\.xls[xm]$/.test(f))
    .map((f) => join(__dirname, '..', 'fixtures', 'producers', f)),
  join(__dirname, '..', 'fixtures', 'outside-libreoffice.xlsx'),
  join(__dirname, 'fixtures', 'features-libreoffice.xlsx'),
];

/** The value context as the old reader built it (shared strings as an array). */
async function referenceContext(loaded: LoadedWorkbook): Promise<ValueContext> {
  const stylesRel = loaded.workbookRels.find((r) => isKind(r, 'styles') && r.part !== null);
  const stringsRel = loaded.workbookRels.find((r) => isKind(r, 'sharedStrings') && r.part !== null);
  const styles = stylesRel?.part == null ? null : await readXmlPart(loaded.zip, stylesRel.part);
  const file = stringsRel?.part == null ? null : findPart(loaded.zip, stringsRel.part);
  const strings = file === null ? [] : await referenceStrings(file);
  return {
    sharedStrings: { count: strings.length, get: (i) => strings[i], isBlank: (i) => (strings[i] ?? '').trim() === '' },
    looks: numberLooks(styles?.text ?? null),
    date1904: loaded.info.date1904,
  };
}

/** The value context the byte scanner gets, with lazily decoded shared strings. */
async function byteContext(loaded: LoadedWorkbook, reference: ValueContext): Promise<ValueContext> {
  const stringsRel = loaded.workbookRels.find((r) => isKind(r, 'sharedStrings') && r.part !== null);
  const file = stringsRel?.part == null ? null : findPart(loaded.zip, stringsRel.part);
  if (file === null) return reference;
  const part = await readXmlPart(loaded.zip, file.name);
  return { ...reference, sharedStrings: scanSharedStrings(Buffer.from(part!.text, 'utf8')) };
}

/** Every worksheet's whole grid, by both readers. */
async function bothGrids(bytes: Buffer, name: string): Promise<Array<{ sheet: string; bytes: CellValue[][]; reference: CellValue[][] }>> {
  const loaded = await loadWorkbookBytes(bytes, name);
  const refCtx = await referenceContext(loaded);
  const ctx = await byteContext(loaded, refCtx);
  const out = [];
  for (const sheet of loaded.sheets.filter((s) => s.worksheet && s.part !== null)) {
    const file = findPart(loaded.zip, sheet.part!)!;
    const [reference] = await referenceScan(file, [WHOLE_SHEET], refCtx, sheet.name);
    const entry = findEntry(loaded.entries!, sheet.part!)!;
    const [scanned] = await scanSheet((onPiece) => streamEntry(loaded.bytes, entry, onPiece), [{ area: WHOLE_SHEET }], ctx, sheet.name);
    out.push({ sheet: sheet.name, bytes: scanned!.rows, reference: reference!.rows });
  }
  return out;
}

describe('the byte scanner on random sheets', () => {
  // Cells and rows of the kinds the scanner's shortcuts take, and of the kinds that must fall back to its
  // general path (entities, formulas, inline text, odd spacing, no r, a prefixed attribute).
  const CELLS = [
    '<c r="A1" s="1" t="s"><v>0</v></c>', '<c r="B1"><v>12.5</v></c>', '<c r="C1" t="s"><v>1</v></c>', '<c r="D1"><v>45000</v></c>',
    '<c r="E1" t="str"><v>a&amp;b</v></c>', '<c r="F1" t="inlineStr"><is><t>hi</t></is></c>', '<c r="B1"><f>1+1</f><v>2</v></c>',
    '<c r="C1"/>', '<c r="D1"><v></v></c>', '<c><v>7</v></c>', '<c r="E1" t="b"><v>1</v></c>', '<c r="F1" t="e"><v>#N/A</v></c>',
    '<c r="A1"  s="1"><v>5</v></c>', '<c r="B1" t="n"><v>1e3</v></c>', '<c r="C1"><v> 4 </v></c>', '<c t="s" r="E1"><v>2</v></c>',
    '<c r="F1" r:foo="1"><v>3</v></c>', '<c r="A1"><v>-0.25</v></c>', '<c r="D1" t="s"><v>2</v></c>',
  ];
  const ROWS = [(r: number, cs: string) => `<row r="${r}" spans="1:6" r:dy="0.25">${cs}</row>`, (_r: number, cs: string) => `<row>${cs}</row>`, (r: number, cs: string) => `<row  r="${r}" ht="15">${cs}</row>`, (r: number) => `<row r="${r}"/>`];

  it('gives the old reader’s grid for 150 random sheets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(ROWS.length - 1), fc.array(fc.nat(CELLS.length - 1), { maxLength: 6 })), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const body = `<sheetData>${rows
            .map(([kind, cells], i) => (ROWS[kind] as (r: number, cs: string) => string)(i + 1, cells.map((c) => (CELLS[c] as string).replace(/([A-F])1"/, `$1${i + 1}"`)).join('')))
            .join('')}</sheetData>`;
          const strings = ['<si><t>a</t></si>', '<si><t xml:space="preserve"> </t></si>', '<si><t>Qty</t></si>'];
          const bytes = await handPackage({ prefix: '', sheets: [{ name: 'Random', body }], sharedStrings: strings });
          const [grid] = await bothGrids(bytes, 'random.xlsx');
          expect(grid!.bytes).toEqual(grid!.reference);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the byte scanner', () => {
  it.each(FIXTURES.map((f) => [f.split('/').slice(-2).join('/'), f]))('gives the old reader’s grids on %s', async (_name, path) => {
    const grids = await bothGrids(readFileSync(path), path);
    expect(grids.length).toBeGreaterThan(0);
    for (const g of grids) expect({ sheet: g.sheet, rows: g.bytes }).toEqual({ sheet: g.sheet, rows: g.reference });
    // Not an empty comparison: the corpus' sheets hold cells.
    expect(grids.some((g) => g.reference.length > 1)).toBe(true);
  });

  it.each([
    ['default namespace', ''],
    ['x: prefix', 'x:'],
  ])('gives the same grids for hand-made cells (%s): no r, inline and rich text, CDATA, comments, formulas, errors', async (_kind, prefix) => {
    const body =
      '<sheetData><row><c t="inlineStr"><is><t>Customer</t></is></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3"><v> 12.50 </v></c><c><v><![CDATA[7]]></v></c><c t="str"><f>A1</f><v>a&amp;b_x000D_</v></c></row>' +
      '<row><c r="$B$4" t="e"><v>#N/A</v></c><c r="C4"><f>1+1</f></c><c r="D4" t="b"><v>1</v></c><c r="E4"><v>1e3</v></c><c r="F4"><v>-0.1</v><!-- note --></c></row>' +
      '<row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" t="inlineStr"><is><r><t>Ab</t></r><r><t xml:space="preserve"> c</t></r><rPh><t>X</t></rPh></is></c>' +
      '<c r="C5"><v>123456789012345678</v></c><c r="D5"><v>0.30000000000000004</v></c><c r="E5"><v>1,5</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>';
    const strings = ['<si><t>Driver</t></si>', '<si><r><t>Quan</t></r><r><t>tity</t></r></si>', '<si><t xml:space="preserve">  </t></si>'];
    const bytes = await handPackage({ prefix, sheets: [{ name: 'Hand', body }], sharedStrings: strings });
    const [grid] = await bothGrids(bytes, 'hand.xlsx');
    expect(grid!.bytes).toEqual(grid!.reference);
    expect(grid!.bytes).toEqual([
      ['Customer', 'Driver', 'Quantity'],
      [],
      [12.5, 7, 'a&b\r'],
      [null, { error: '#N/A' }, { formula: '1+1' }, true, 1000, -0.1],
      ['  ', null, 123456789012345680, 0.30000000000000004, { stored: '1,5' }],
    ]);
  });

  it('reads a UTF-16 sheet through the slower path to the same grid', async () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zoë 😀</t></is></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const ctx: ValueContext = { sharedStrings: scanSharedStrings(Buffer.from('<sst/>')), looks: [], date1904: false };
    // Pieces of 3 bytes: every character is cut somewhere.
    const stream = async (onPiece: (piece: Buffer) => void): Promise<void> => {
      for (let i = 0; i < utf16.length; i += 3) onPiece(utf16.subarray(i, i + 3));
    };
    const [grid] = await scanSheet(stream, [{ area: WHOLE_SHEET }], ctx, 'U');
    expect(grid!.rows).toEqual([['Zoë 😀', 2]]);
  });

  it('refuses bytes that are not UTF-8, and XML that is not well-formed, naming the sheet', async () => {
    const ctx: ValueContext = { sharedStrings: scanSharedStrings(Buffer.from('<sst/>')), looks: [], date1904: false };
    const bad = Buffer.concat([Buffer.from('<worksheet><sheetData><row><c t="inlineStr"><is><t>'), Buffer.from([0xc3, 0x28]), Buffer.from('</t></is></c></row></sheetData></worksheet>')]);
    await expect(scanSheet(wholePart(bad), [{ area: WHOLE_SHEET }], ctx, 'Data')).rejects.toThrow('The sheet Data is neither UTF-8 nor UTF-16 text.');
    const open = Buffer.from('<worksheet><sheetData><row></sheetData></worksheet>');
    await expect(scanSheet(wholePart(open), [{ area: WHOLE_SHEET }], ctx, 'Data')).rejects.toThrow('The sheet Data is not well-formed XML: The end tag </sheetData> does not close <row>.');
    const unbound = Buffer.from('<worksheet><y:sheetData/></worksheet>');
    await expect(scanSheet(wholePart(unbound), [{ area: WHOLE_SHEET }], ctx, 'Data')).rejects.toThrow('The prefix "y" of <y:sheetData> is not declared.');
  });

  it('decodes only the columns the long form reads; an unread column still keeps its row', async () => {
    const rows = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Klant</t></is></c><c r="C1" t="inlineStr"><is><t>Driver</t></is></c><c r="D1" t="inlineStr"><is><t> quantity </t></is></c><c r="E1" t="inlineStr"><is><t>Order</t></is></c></row>',
      '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2"><v>1001</v></c><c r="C2" t="s"><v>0</v></c><c r="D2"><v>3</v></c><c r="E2" t="s"><v>1</v></c></row>',
      // Only the unread order reference: the row is not blank, so the contract sees it (and its missing customer).
      '<row r="3"><c r="E3" t="s"><v>2</v></c></row>',
      // A reference of only spaces is blank, as it is when read.
      '<row r="4"><c r="E4" t="s"><v>3</v></c><c r="A4"><v> </v></c></row>',
      '<row r="5"><c r="B5"><v>1002</v></c><c r="C5" t="s"><v>0</v></c><c r="D5"><v>0.5</v></c></row>',
    ];
    const ctx: ValueContext = {
      sharedStrings: scanSharedStrings(Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Orders</t></si><si><t>SO-1</t></si><si><t>SO-2</t></si><si><t xml:space="preserve">  </t></si></sst>')),
      looks: ['number', 'date'],
      date1904: false,
    };
    const sheet = Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    const area = { sheet: 'T', top: 1, left: 1, bottom: 1_048_576, right: 5 };
    const [picked] = await scanSheet(wholePart(sheet), [{ area, pickColumns: volumeColumns }], ctx, 'T');
    expect(picked!.rows).toEqual([
      ['Date', 'Klant', 'Driver', ' quantity ', 'Order'],
      [UNREAD_CELL, 1001, 'Orders', 3, UNREAD_CELL],
      [null, null, null, null, UNREAD_CELL],
      [],
      [null, 1002, 'Orders', 0.5],
    ]);
    // The same sheet in the wide form (no Driver or Quantity header) is read whole.
    expect(volumeColumns(['Customer', 'Orders', 'Returns'])).toBeNull();
    expect(volumeColumns(['Customer', 'Kostendrijver', 'Aantal', 'Note'])).toEqual([true, true, true, false]);
    const [whole] = await scanSheet(wholePart(sheet), [{ area }], ctx, 'T');
    expect(whole!.rows[1]).toEqual([new Date(Date.UTC(2023, 2, 15)), 1001, 'Orders', 3, 'SO-1']);
  });

  it('gives the text tokenizer’s events on every XML part of the corpus', async () => {
    let parts = 0;
    for (const path of FIXTURES) {
      const zip = await JSZip.loadAsync(readFileSync(path));
      for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
        const text = decodePart(await zip.file(name)!.async('uint8array')).text;
        const expected: string[] = [];
        new XmlTokenizer({
          startElement: (t) => expected.push(`<${t.uri}|${t.local}|${t.attributes.map((a) => `${a.uri}|${a.local}=${a.value}`).join(',')}`),
          endElement: (t) => expected.push(`>${t.uri}|${t.local}`),
          text: (t) => expected.push(`"${t}`),
        }).write(text.replace(/^\uFEFF/, ''));
        const got: string[] = [];
        const bytes = Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8');
        const tokenizer = new ByteXmlTokenizer({
          startElement: (t) => got.push(`<${t.uri}|${t.local}|${t.attributes.map((a) => `${a.uri}|${a.local}=${a.value}`).join(',')}`),
          endElement: (uri, local) => got.push(`>${uri}|${local}`),
          text: (s, a, b, cdata) => got.push(`"${textOf(s, a, b, cdata)}`),
        });
        // Pieces of 7 bytes: tokens and characters are cut everywhere.
        for (let i = 0; i < bytes.length; i += 7) tokenizer.write(bytes.subarray(i, i + 7));
        tokenizer.end();
        // Text runs cut by a piece boundary arrive in two events; the text is the same.
        expect(joinText(got)).toEqual(joinText(expected));
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(100);
  });
});

/** Adjacent text events as one. */
function joinText(events: string[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.startsWith('"') && last !== undefined && last.startsWith('"')) out[out.length - 1] = last + e.slice(1);
    else out.push(e);
  }
  return out;
}
