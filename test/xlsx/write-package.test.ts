/**
 * The report copy at package level: the input's parts are copied byte for byte, what ExcelJS would lose
 * (a chart, drawings, comments, data validation, VBA, custom XML) survives, and the parts that must
 * change are edited consistently (relationships, content types, styles, sheet entries, names).
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { buildReportSheets } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { loadWorkbook, loadWorkbookBytes } from '../../src/xlsx/load-workbook';
import { readContractRanges } from '../../src/xlsx/read-ranges';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { smallResult } from '../report/fixture';
import { handPackage, packageFiles } from './hand-package';
import { definedNames, sheetNames, tempDir, worksheetXml, writeWorkbook } from './workbook-files';

const FEATURES = join(__dirname, 'fixtures', 'features-libreoffice.xlsx');

/** The parts the report may change; every other part of the input must come out identical. */
const CHANGED = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

async function reportBytes(input: Buffer, sheets: ReportSheet[] = buildReportSheets(smallResult())): Promise<Buffer> {
  return buildReportWorkbook(await loadWorkbookBytes(input, 'in.xlsx'), sheets, 'EUR');
}

/** Parts of `before` that are missing or different in `after`, other than the allowed ones. */
function changedParts(before: Map<string, Buffer>, after: Map<string, Buffer>, allowed: readonly string[]): string[] {
  return [...before.keys()].filter((name) => !allowed.includes(name) && !(after.get(name)?.equals(before.get(name)!) ?? false));
}

/** The attributes of the `<sheet>` entries of a workbook part. */
function sheetEntries(xml: string): Array<Record<string, string>> {
  return [...xml.matchAll(/<(?:x:)?sheet ([^>]*?)\/>/g)].map((m) => Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

/** `count` attribute and number of children of each styles section. */
function styleCounts(xml: string): Array<[string, number, number]> {
  return ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'].map((section) => {
    const block = new RegExp(`<(?:x:)?${section}\\b([^>]*)>([\\s\\S]*?)</(?:x:)?${section}>`).exec(xml);
    const child = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' }[section]!;
    const count = Number(/count="(\d+)"/.exec(block?.[1] ?? '')?.[1] ?? -1);
    return [section, count, (block?.[2] ?? '').split(new RegExp(`<(?:x:)?${child}[\\s/>]`)).length - 1];
  });
}

describe('the report copy at package level', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('keeps the chart, drawing, comment and data validation of a workbook made with LibreOffice', async () => {
    const input = readFileSync(FEATURES);
    const out = join(dir, 'report.xlsx');
    const json = join(dir, 'result.json');
    const code = await main([FEATURES, '--out', out, '--json', json], { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).totals).toMatchObject({ netProfit: 137120, unusedCapacityCost: 97120, operatingProfit: 40000 });

    const before = await packageFiles(input);
    const after = await packageFiles(readFileSync(out));
    for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']) {
      expect({ part, kept: after.get(part)?.equals(before.get(part)!) }).toEqual({ part, kept: true });
    }
    expect(changedParts(before, after, CHANGED)).toEqual([]);
    // The sheets that hold them still lead to them.
    expect(after.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString()).toMatch(/Target="\.\.\/drawings\/drawing1\.xml"/);
    expect(after.get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/<drawing r:id="/);
    expect(after.get('xl/worksheets/sheet4.xml')!.toString()).toContain('<formula1>&quot;Orders,Inquiries,Credit checks&quot;</formula1>');
    const types = after.get('[Content_Types].xml')!.toString();
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/comments1.xml"');
    expect(await sheetNames(out)).toEqual(['Pools', 'Activities', 'Customers', 'Volumes', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
  });

  it('copies every part of the input byte for byte and adds four worksheet parts and their tables', async () => {
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, (wb) => {
      wb.addWorksheet('Pools').addRows([['Pool', 'Cost'], ['Sales', 1000]]);
      wb.addWorksheet('Notes').getCell('B2').value = { richText: [{ text: 'bold', font: { bold: true } }] };
    });
    const before = await packageFiles(readFileSync(input));
    const bytes = await reportBytes(readFileSync(input));
    const after = await packageFiles(bytes);
    expect(changedParts(before, after, CHANGED)).toEqual([]);
    // The summary's whale-curve chart comes with its drawing and the summary's relationships (chart-part.test.ts).
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
      // The P&L's table, the rates' two (report-tables.ts), related from their sheets.
      'xl/tables/table1.xml',
      'xl/tables/table2.xml',
      'xl/tables/table3.xml',
      'xl/worksheets/_rels/sheet3.xml.rels',
      'xl/worksheets/_rels/sheet4.xml.rels',
      'xl/worksheets/_rels/sheet5.xml.rels',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/sheet5.xml',
      'xl/worksheets/sheet6.xml',
    ]);
    const rels = after.get('xl/_rels/workbook.xml.rels')!.toString();
    const types = after.get('[Content_Types].xml')!.toString();
    for (const n of [3, 4, 5, 6]) {
      expect(rels).toMatch(new RegExp(`Type="[^"]*/worksheet" Target="worksheets/sheet${n}\\.xml"`));
      expect(types).toContain(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    }
    const entries = sheetEntries(after.get('xl/workbook.xml')!.toString());
    expect(entries.map((e) => [e.name, e.sheetId])).toEqual([
      ['Pools', '1'],
      ['Notes', '2'],
      ['ABC Customer P&amp;L', '3'],
      ['ABC Rates', '4'],
      ['ABC Summary', '5'],
      ['ABC Actions', '6'],
    ]);
    expect(new Set(entries.map((e) => e['r:id'])).size).toBe(6);
    for (const [section, count, children] of styleCounts(after.get('xl/styles.xml')!.toString())) expect({ section, count }).toEqual({ section, count: children });
  });

  it('replaces its own sheets in place on a second run: same entries, relationships and parts', async () => {
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, (wb) => void wb.addWorksheet('Pools').addRows([['Pool'], ['Sales']]), [
      { name: 'Keep', formula: 'Pools!$A$1', localSheetId: 0 },
    ]);
    const first = await reportBytes(readFileSync(input));
    const second = await reportBytes(first);
    const [a, b] = [await packageFiles(first), await packageFiles(second)];
    expect(sheetEntries(b.get('xl/workbook.xml')!.toString())).toEqual(sheetEntries(a.get('xl/workbook.xml')!.toString()));
    expect(b.get('xl/_rels/workbook.xml.rels')!.equals(a.get('xl/_rels/workbook.xml.rels')!)).toBe(true);
    expect(b.get('[Content_Types].xml')!.equals(a.get('[Content_Types].xml')!)).toBe(true);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    // Report sheet parts are rewritten; the user's parts are not.
    expect(changedParts(a, b, [...CHANGED, 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml'])).toEqual([]);
    const out = join(dir, 'second.xlsx');
    writeFileSync(out, second);
    expect((await definedNames(out)).map((n) => [n.name, n.localSheetId])).toEqual([
      ['Keep', '0'],
      ['ABC_ReportOwner', '1'],
      ['ABC_ReportOwner', '2'],
      ['ABC_ReportOwner', '3'],
      ['ABC_ReportOwner', '4'],
      // The P&L's print titles and the headline figures' names, once each after the second run too.
      ['_xlnm.Print_Titles', '1'],
      ...['Revenue', 'NetRevenue', 'GrossMargin', 'CostToServe', 'CustomersNetProfit', 'UnusedCapacity', 'NotCharged', 'OperatingProfit', 'CustomerCount', 'LossMakingCustomers'].map(
        (n) => [`ABC_${n}`, null],
      ),
    ]);
    // The tables are written again in the same parts with the same ids (an earlier report's are freed).
    for (const n of [1, 2, 3]) expect(b.get(`xl/tables/table${n}.xml`)!.equals(a.get(`xl/tables/table${n}.xml`)!)).toBe(true);
  });

  it('writes into a package with x: prefixes, no styles part and no names, keeping its VBA and custom XML', async () => {
    const vba = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1, 2, 3, 255, 254]);
    const custom = '<?xml version="1.0" encoding="UTF-8"?><data xmlns="urn:example">ünïcode</data>';
    const input = await handPackage(
      {
        prefix: 'x:',
        sheets: [{ name: 'Pools', body: '<sheetData><row><c t="inlineStr"><is><t>Pool</t></is></c></row></sheetData>' }],
        extra: [
          { path: 'xl/vbaProject.bin', content: vba, contentType: 'application/vnd.ms-office.vbaProject', relType: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject' },
          { path: 'customXml/item1.xml', content: custom },
        ],
      },
      ['xl/vbaProject.bin'],
    );
    const before = await packageFiles(input);
    const after = await packageFiles(await reportBytes(input));
    expect(changedParts(before, after, CHANGED)).toEqual([]);
    expect(after.get('xl/vbaProject.bin')!.equals(vba)).toBe(true);

    const workbook = after.get('xl/workbook.xml')!.toString();
    expect(workbook).toMatch(/<x:sheet name="ABC Rates" sheetId="3" r:id="rId\d+"\/>/);
    expect(workbook).toContain('<x:definedNames><x:definedName name="ABC_ReportOwner" localSheetId="1" hidden="1">');
    // definedNames comes after sheets and before calcPr, as the schema orders them.
    expect(workbook.indexOf('</x:sheets>')).toBeLessThan(workbook.indexOf('<x:definedNames>'));
    expect(workbook.indexOf('</x:definedNames>')).toBeLessThan(workbook.indexOf('<x:calcPr'));
    // A styles part was created and registered.
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString()).toMatch(/Type="[^"]*\/styles" Target="styles\.xml"/);
    expect(after.get('[Content_Types].xml')!.toString()).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    const styles = after.get('xl/styles.xml')!.toString();
    for (const [section, count, children] of styleCounts(styles)) expect({ section, count }).toEqual({ section, count: children });
    expect(styles).toMatch(/<fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill>/);

    // And the result reads back: the user's cells through the runner's reader, the report's with ExcelJS.
    const out = join(dir, 'out.xlsm');
    writeFileSync(out, await reportBytes(input));
    const loaded = await loadWorkbook(out);
    expect(loaded.sheets.map((s) => s.name)).toEqual(['Pools', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
    expect(after.get('xl/worksheets/sheet4.xml')!.toString()).toContain('<t>Activity-based customer profitability: summary</t>');
  });

  it('adds number formats after the ids in use, reuses equal ones, and keeps the counts right', async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="167" formatCode="#,##0.0000"/></numFmts>' +
      '<fonts count="1"><font><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>';
    const input = await handPackage({ sheets: [{ name: 'Data', body: '<sheetData/>' }], styles });
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, await reportBytes(input));
    const xml = (await packageFiles(readFileSync(out))).get('xl/styles.xml')!.toString();
    const formats = [...xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(formats).toEqual([
      [164, '0.000'],
      [165, '0.0%'],
      [167, '#,##0.0000'],
      [166, '&quot;€ &quot;#,##0.00;[Red]&quot;€ &quot;-#,##0.00'],
    ]);
    for (const [section, count, children] of styleCounts(xml)) expect({ section, count }).toEqual({ section, count: children });
    // The report's fonts are the workbook's own (Arial 10), made bold or bigger.
    expect(xml).toContain('<font><b/><sz val="14"/><name val="Arial"/><family val="2"/></font>');
    // The user's cell formats keep their indexes.
    expect(xml).toContain('<cellXfs count="');
    expect(xml).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf numFmtId="164"/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const pnl = wb.getWorksheet('ABC Customer P&L')!;
    expect(pnl.getCell('E4').numFmt).toBe('"€ "#,##0.00;[Red]"€ "-#,##0.00');
    expect(pnl.getCell('J4').numFmt).toBe('0.0%');
    expect(wb.getWorksheet('ABC Rates')!.getCell('E5').numFmt).toBe('#,##0.0000');
  });

  it('writes any text as a text cell: formulas-looking, invalid XML characters, escapes, emoji across pieces', async () => {
    const texts = ['=SUM(A1)', '+1', '-1', '@x', 'a\u0001b\u0000c', '_x0041_ stays', '  padded  ', 'line\nbreak', 'Tom & <Jerry> "q"', '😀 ünï €'];
    const many = Array.from({ length: 3000 }, (_v, i) => `😀${i}😀`);
    const sheet: ReportSheet = {
      name: 'ABC Summary',
      columnWidths: [30],
      freeze: { rows: 1, columns: 0 },
      rows: [...texts, ...many].map((value, i) => ({ style: i === 0 ? 'header' : 'body', cells: [{ value, format: 'text' }] })),
    };
    const input = await handPackage({ sheets: [{ name: 'Data', body: '<sheetData/>' }] });
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, await reportBytes(input, [sheet]));
    const xml = await worksheetXml(out, 'ABC Summary');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    // Excel's escapes, which Excel reads back as the characters (issue 16: no longer replaced by U+FFFD).
    expect(xml).toContain('<t>a_x0001_b_x0000_c</t>');
    expect(xml).toContain('<t>_x005F_x0041_ stays</t>');
    expect(xml).toContain('<t xml:space="preserve">  padded  </t>');
    expect(xml).toContain('<t>Tom &amp; &lt;Jerry&gt; &quot;q&quot;</t>');

    // Read back by the runner's reader (which decodes Excel's _xHHHH_ escapes as Excel does).
    const bytes = readFileSync(out);
    const zipped = await packageFiles(bytes);
    const withName = zipped.get('xl/workbook.xml')!.toString().replace('</definedNames>', `<definedName name="ABC_Pools">'ABC Summary'!$A:$A</definedName></definedNames>`);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file('xl/workbook.xml', Buffer.from(withName, 'utf8'));
    const again = await zip.generateAsync({ type: 'nodebuffer' });
    const rows = (await readContractRanges(await loadWorkbookBytes(again, 'again.xlsx'))).grids.get('ABC_Pools')!.rows.map((r) => r[0]);
    expect(rows).toEqual([...texts, ...many]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('ABC Summary')!;
    expect(ws.getCell('A1').value).toBe('=SUM(A1)');
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A10').value).toBe('😀 ünï €');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
