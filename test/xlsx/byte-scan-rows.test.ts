/**
 * The byte scanner's loop over a sheet's rows (`fastRows`: a row's start tag, its cells and `</row>` in
 * one pass, falling back to the general path at the first token not in the plain form) against the old
 * reader (test/xlsx/reference-sheet-scan.ts): random sheets of shortcut and fallback rows and cells, cut
 * into random pieces so that rows, cells and end tags are split between them; and the same sheets read
 * by the long form, where unread columns are only told blank or not.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import type { CellValue } from '../../src/workbook/grid';
import { isBlank } from '../../src/workbook/grid';
import type { ValueContext } from '../../src/xlsx/cell-value';
import { scanSharedStrings } from '../../src/xlsx/shared-strings';
import { type PartStream, scanSheet, UNREAD_CELL } from '../../src/xlsx/sheet-scan';
import { scanSheet as referenceScan } from './reference-sheet-scan';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const AREA = { sheet: 'R', top: 1, left: 1, bottom: 1_048_576, right: 6 };
const STRINGS = ['Orders', ' ', 'SO-1', ''];

const CELLS = [
  '<c r="A1" s="1" t="s"><v>0</v></c>', '<c r="B1"><v>12.5</v></c>', '<c r="C1" t="s"><v>1</v></c>', '<c r="D1" s="2"><v>45000</v></c>',
  '<c r="E1" t="str"><v>a&amp;b</v></c>', '<c r="F1" t="inlineStr"><is><t>hi</t></is></c>', '<c r="B1"><f>1+1</f><v>2</v></c>',
  '<c r="C1"/>', '<c r="D1"><v></v></c>', '<c><v>7</v></c>', '<c r="E1" t="b"><v>1</v></c>', '<c r="F1" t="e"><v>#N/A</v></c>',
  '<c r="A1"  s="1"><v>5</v></c>', '<c r="B1" t="n"><v>1e3</v></c>', '<c r="C1"><v> 4 </v></c>', '<c t="s" r="E1"><v>2</v></c>',
  '<c r="F1" x:foo="1"><v>3</v></c>', '<c r="A1"><v>-0.25</v></c>', '<c r="D1" t="s"><v>3</v></c>', '<c r="E1" s="1"><v>45000</v></c>',
  '<c r="A1" s="x"><v>8</v></c>', '<c r="B1" t="s"><v>x</v></c>', '<c r="C1" t="n"><v> </v></c>', '<c r="D1" s="2" t="s"><v>2</v></c>',
];
const ROWS = [
  (r: number, cs: string) => `<row r="${r}" spans="1:6" x:dy="0.25">${cs}</row>`,
  (r: number, cs: string) => `<row r="${r}" spans="1:6">${cs}</row>`,
  (_r: number, cs: string) => `<row>${cs}</row>`,
  (r: number, cs: string) => `<row r="${r}">${cs}</row >`,
  (r: number, cs: string) => `<row r="${r}" ht="15">${cs}<!-- note --></row>`,
  (r: number) => `<row r="${r}"/>`,
];

function sheetXml(rows: Array<[number, number[]]>): string {
  const body = rows
    .map(([kind, cells], i) => ROWS[kind]!(i + 1, cells.map((c) => CELLS[c]!.replace(/([A-F])1"/, `$1${i + 1}"`)).join('')))
    .join('');
  return `<worksheet xmlns="${MAIN}" xmlns:x="urn:x"><sheetData>${body}</sheetData></worksheet>`;
}

/** The bytes in pieces cut at `cuts` (offsets, any order). */
function pieces(bytes: Buffer, cuts: number[]): PartStream {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return (onPiece) => {
    let from = 0;
    for (const c of [...at, bytes.length]) {
      if (c > from) onPiece(bytes.subarray(from, c));
      from = Math.max(from, c);
    }
    return Promise.resolve();
  };
}

const looks: ValueContext['looks'] = ['number', 'date', 'number'];
const byteCtx = (): ValueContext => ({
  sharedStrings: scanSharedStrings(Buffer.from(`<sst xmlns="${MAIN}">${STRINGS.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`)),
  looks,
  date1904: false,
});
const referenceCtx: ValueContext = {
  sharedStrings: { count: STRINGS.length, get: (i) => STRINGS[i], isBlank: (i) => (STRINGS[i] ?? '').trim() === '' },
  looks,
  date1904: false,
};

async function referenceGrid(xml: string): Promise<CellValue[][]> {
  const zip = new JSZip();
  zip.file('sheet.xml', xml);
  const [cells] = await referenceScan(zip.file('sheet.xml')!, [AREA], referenceCtx, 'R');
  return cells!.rows;
}

const sheets = fc.array(fc.tuple(fc.nat(ROWS.length - 1), fc.array(fc.nat(CELLS.length - 1), { maxLength: 7 })), { minLength: 1, maxLength: 8 });
const cuts = fc.array(fc.nat(4000), { maxLength: 12 });

describe('the byte scanner’s loop over rows', () => {
  it('gives the old reader’s grid for 200 random sheets cut into random pieces', async () => {
    let cells = 0;
    await fc.assert(
      fc.asyncProperty(sheets, cuts, async (rows, at) => {
        const xml = sheetXml(rows);
        const [scanned] = await scanSheet(pieces(Buffer.from(xml), at), [{ area: AREA }], byteCtx(), 'R');
        const reference = await referenceGrid(xml);
        expect(scanned!.rows).toEqual(reference);
        cells += reference.flat().filter((v) => v !== null).length;
      }),
      { numRuns: 200 },
    );
    // Not an empty comparison.
    expect(cells).toBeGreaterThan(200);
  });

  it('tells unread columns blank or not as their values are, for 200 random sheets cut into random pieces', async () => {
    const picked = [true, false, true, false, false, true];
    await fc.assert(
      fc.asyncProperty(sheets, cuts, async (drawn, at) => {
        // One cell per column (a later blank one would not unset an earlier one's presence) and every one with its `r`.
        const rows = drawn.map(([kind, cells]): [number, number[]] => [kind, cells.filter((c, i) => CELLS[c]!.includes(' r="') && cells.findIndex((d) => CELLS[d]!.match(/r="(.)/)?.[1] === CELLS[c]!.match(/r="(.)/)?.[1]) === i)]);
        const xml = sheetXml(rows);
        const [scanned] = await scanSheet(pieces(Buffer.from(xml), at), [{ area: AREA, pickColumns: () => picked }], byteCtx(), 'R');
        const reference = await referenceGrid(xml);
        // The header row is read whole; below it an unread column holds UNREAD_CELL where the value is not blank.
        const expected = reference.map((row, r) => row.map((v, c) => (r === 0 || picked[c] ? v : isBlank(v) ? null : UNREAD_CELL)));
        // Rows left holding nothing at the end are dropped, as the scanner drops them.
        while (expected.length > 0 && expected[expected.length - 1]!.every((v) => v === null)) expected.pop();
        const width = (grid: CellValue[][]): CellValue[][] => grid.map((row) => Array.from({ length: 6 }, (_, c) => row[c] ?? null));
        expect(width(scanned!.rows)).toEqual(width(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('fails on a bad row exactly as the general path does, wherever the pieces are cut', async () => {
    const bad = [
      ['<row r="1"><c r="A1"><v>1</v></c></rows>', 'The end tag </rows> does not close <row>.'],
      ['<row r="1"><c r="A1"><v>1</v></c></row><row r="2" r="3"></row>', 'The attribute r appears twice in <row>.'],
      ['<row r="1" y:a="1"><c r="A1"><v>1</v></c></row>', 'The prefix "y" of the attribute y:a in <row> is not declared.'],
      ['<row r="1"><c r="A1"><v>1&bad;</v></c></row>', 'The entity "&bad;" is not defined.'],
    ];
    for (const [rows, message] of bad) {
      const xml = Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`);
      for (const cut of [0, 30, 70, 75, 80, 95, 100]) {
        await expect(scanSheet(pieces(xml, [cut]), [{ area: AREA }], byteCtx(), 'R')).rejects.toThrow(`The sheet R is not well-formed XML: ${message!}`);
      }
    }
  });
});
