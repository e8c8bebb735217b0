/**
 * Reading contract ranges straight from the package XML: every kind of cell, namespace prefixes, rows and
 * cells without `r`, merged blocks, both date systems, tables, and a sheet large enough to be streamed
 * in many pieces.
 */
import { join } from 'path';
import { writeFileSync } from 'fs';
import { loadWorkbook, loadWorkbookBytes } from '../../src/xlsx/load-workbook';
import { readContractRanges } from '../../src/xlsx/read-ranges';
import { isDateFormatCode } from '../../src/xlsx/cell-value';
import { handPackage, type HandPackage } from './hand-package';
import { tempDir } from './workbook-files';

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0 &quot;days&quot;"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>';

const SHARED = [
  '<si><t>Customer</t></si>',
  // Rich text: the runs make one text.
  '<si><r><rPr><b/><vertAlign val="superscript"/></rPr><t>Dri</t></r><r><t xml:space="preserve">ver </t></r></si>',
  // A phonetic guide is not part of the text Excel shows.
  '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si>',
  '<si><t>Tom &amp; Jerry_x000D_</t></si>',
];

const DATA_SHEET =
  '<dimension ref="A1:K9"/><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
  // Cells without r follow each other; the first starts in column A.
  '<row r="2"><c><v>1001</v></c><c t="inlineStr"><is><r><t>In</t></r><r><rPr><i/></rPr><t>line</t></r></is></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c>' +
  '<c><f>A2*2</f><v>2002</v></c><c t="str"><f>"="&amp;"1+1"</f><v>=1+1</v></c><c><f>NOW()</f></c><c t="e"><f>NA()</f><v>#N/A</v></c>' +
  '<c t="b"><v>0</v></c><c s="0"><v>-0.5</v></c><c t="inlineStr"><is><t xml:space="preserve"> @x </t></is></c></row>' +
  // A row without r is the one after the previous.
  '<row><c r="A3" s="1"><v>45322</v></c><c r="B3" s="2"><v>45322.5</v></c><c r="C3" s="3"><v>2.5</v></c><c r="D3" s="4"><v>1.25</v></c><c r="E3" t="d"><v>2024-01-31T00:00:00Z</v></c></row>' +
  '<row r="5"><c r="A5" t="inlineStr"><is><t>merged</t></is></c><c r="B5"><v>99</v></c><c r="C5" t="inlineStr"><is><t>kept</t></is></c></row>' +
  '<row r="6"><c r="A6"><v>7</v></c><c r="B6"><v>8</v></c></row>' +
  // Empty and styled rows at the end do not lengthen the range.
  '<row r="8" ht="20" customHeight="1"/><row r="9"><c r="A9" s="2"/></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>';

function dataPackage(prefix: string, extra: Partial<HandPackage> = {}): HandPackage {
  return {
    prefix,
    sheets: [{ name: 'Data sheet', body: DATA_SHEET }],
    sharedStrings: SHARED,
    styles: STYLES,
    names: [{ name: 'ABC_Pools', formula: "'Data sheet'!$A:$K" }],
    ...extra,
  };
}

describe.each([['default namespace', ''], ['x: prefix', 'x:']])('reading cells from the XML (%s)', (_label, prefix) => {
  it('gives every kind of cell as Excel shows it', async () => {
    const loaded = await loadWorkbookBytes(await handPackage(dataPackage(prefix)), 'hand.xlsx');
    const found = await readContractRanges(loaded);
    expect(found.issues).toEqual([]);
    const grid = found.grids.get('ABC_Pools');
    expect(grid).toMatchObject({ name: 'ABC_Pools', sheet: 'Data sheet', top: 1, left: 1 });
    expect(grid?.rows).toEqual([
      ['Customer', 'Driver ', '東京', 'Tom & Jerry\r'],
      [1001, 'Inline', true, { error: '#DIV/0!' }, 2002, '=1+1', { formula: 'NOW()' }, { error: '#N/A' }, false, -0.5, ' @x '],
      [
        new Date(Date.UTC(2024, 0, 31)),
        new Date(Date.UTC(2024, 0, 31, 12)),
        2.5,
        // 30 hours as a date, counted the way the runner always has (serial 0 is 1899-12-30).
        new Date(Date.UTC(1899, 11, 31, 6)),
        new Date(Date.UTC(2024, 0, 31)),
      ],
      [],
      // The merged block A5:B6 shows only its top-left cell; B5's stray value is not visible in Excel.
      ['merged', null, 'kept'],
    ]);
  });
});

describe('reading from the package', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('counts dates from 1904 when the workbook says so', async () => {
    const loaded = await loadWorkbookBytes(await handPackage({ ...dataPackage(''), date1904: true }), 'mac.xlsx');
    const rows = (await readContractRanges(loaded)).grids.get('ABC_Pools')?.rows;
    expect(rows?.[2]?.[0]).toEqual(new Date(Date.UTC(2028, 1, 1)));
  });

  it('reads several ranges of one sheet, cut to their blocks, and a table whose header row is hidden', async () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Pool</t></is></c><c r="B1" t="inlineStr"><is><t>Cost</t></is></c><c r="D1" t="inlineStr"><is><t>Setting</t></is></c><c r="E1" t="inlineStr"><is><t>Value</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Sales</t></is></c><c r="B2"><v>100</v></c><c r="C2"><v>-1</v></c><c r="D2" t="inlineStr"><is><t>Currency</t></is></c><c r="E2" t="inlineStr"><is><t>USD</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Stock</t></is></c><c r="B3"><v>200</v></c></row></sheetData>';
    const table =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Table1" displayName="abc_customers" ref="B2:C3" headerRowCount="0">' +
      '<tableColumns count="2"><tableColumn id="1" name="Customer"/><tableColumn id="2" name="Revenue"/></tableColumns></table>';
    const bytes = await handPackage({
      sheets: [
        { name: 'Model', body: sheet },
        { name: 'Customers', body: '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>A</t></is></c><c r="C2"><v>10</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>B</t></is></c><c r="C3"><v>20</v></c></row></sheetData><tableParts count="1"><tablePart r:id="rIdT"/></tableParts>' },
      ],
      names: [
        { name: 'ABC_Pools', formula: 'Model!$A:$B' },
        { name: 'ABC_Settings', formula: 'model!$D$1:$E$9' },
      ],
      extra: [
        { path: 'xl/tables/table1.xml', content: table, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml' },
        {
          path: 'xl/worksheets/_rels/sheet2.xml.rels',
          content:
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
        },
      ],
    });
    const path = join(dir, 'model.xlsx');
    writeFileSync(path, bytes);
    const found = await readContractRanges(await loadWorkbook(path));
    expect(found.grids.get('ABC_Pools')?.rows).toEqual([['Pool', 'Cost'], ['Sales', 100], ['Stock', 200]]);
    expect(found.grids.get('ABC_Settings')).toEqual({ name: 'ABC_Settings', sheet: 'Model', top: 1, left: 4, rows: [['Setting', 'Value'], ['Currency', 'USD']] });
    expect(found.grids.get('ABC_Customers')).toEqual({
      name: 'abc_customers',
      sheet: 'Customers',
      top: 1,
      left: 2,
      rows: [['Customer', 'Revenue'], ['A', 10], ['B', 20]],
    });
  });

  it('streams a sheet of many pieces without losing a cell or splitting a character', async () => {
    const count = 40_000;
    const names = ['Café €', 'Zoë 😀', 'Ærø ñ'];
    const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Customer</t></is></c><c r="B1" t="inlineStr"><is><t>Quantity</t></is></c></row>'];
    for (let i = 0; i < count; i++) {
      const r = i + 2;
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${names[i % 3]} ${i}</t></is></c><c r="B${r}"><v>${i % 10}</v></c></row>`);
    }
    const bytes = await handPackage({ sheets: [{ name: 'Big', body: `<sheetData>${rows.join('\n')}</sheetData>` }], names: [{ name: 'ABC_Volumes', formula: 'Big!$A:$B' }] });
    const grid = (await readContractRanges(await loadWorkbookBytes(bytes, 'big.xlsx'))).grids.get('ABC_Volumes');
    expect(grid?.rows).toHaveLength(count + 1);
    const data = grid!.rows.slice(1);
    expect(data.every((row, i) => row[0] === `${names[i % 3]} ${i}` && row[1] === i % 10)).toBe(true);
  });

  it('reads a sheet part without rows as empty', async () => {
    const bytes = await handPackage({ sheets: [{ name: 'Empty', body: '<sheetData/>' }], names: [{ name: 'ABC_Pools', formula: 'Empty!$A$1:$D$9' }] });
    const found = await readContractRanges(await loadWorkbookBytes(bytes, 'empty.xlsx'));
    expect(found.grids.get('ABC_Pools')?.rows).toEqual([]);
  });
});

describe('isDateFormatCode', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', true],
    ['h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['yyyy-mm-dd;@', true],
    ['General', false],
    ['0.0 "days"', false],
    ['"€ "#,##0.00;[Red]"€ "-#,##0.00', false],
    ['#,##0 \\d', false],
    ['0.00E+00', false],
    ['@', false],
    // General in the user's language, as some Excel builds give Range.numberFormat: never a date.
    ['Standaard', false],
    ['Standard', false],
    ['Général', false],
    ['Estándar', false],
    ['Allgemein', false],
    ['d/m/yyyy h:mm', true],
    ['mmm d, yyyy', true],
    ['[$-ja-JP]ggge"年"m"月"d"日"', true],
    ['bbbb-mm-dd', true],
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });
});
