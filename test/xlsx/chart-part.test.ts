/**
 * The whale curve's chart in the runner's report: the chart and drawing parts parsed namespace-aware (saxes,
 * no code from src/xlsx), their references and cached values against the one description, a re-run that
 * rewrites the same parts, a chart the user added to the summary that is kept, strict conformance, and
 * LibreOffice drawing it (when soffice is installed).
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { whaleCurveOfResult } from '../../src/workbook/whale-curve';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { checkPackage } from '../helpers/package-invariants';
import { smallResult } from '../report/fixture';
import { tempDir, writeWorkbook } from './workbook-files';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Node {
  uri: string;
  local: string;
  attrs: Map<string, string>;
  children: Node[];
  text: string;
}

/** A namespace-aware tree of a part: element names by namespace URI, attributes by `{uri}local`. */
function parse(text: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const node: Node = { uri: tag.uri, local: tag.local, attrs: new Map(Object.values(tag.attributes).map((a) => [`${a.uri === '' ? '' : `{${a.uri}}`}${a.local}`, a.value])), children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    if (root === null) root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(text).close();
  if (root === null) throw new Error('empty part');
  return root;
}

const all = (n: Node, uri: string, local: string): Node[] => [...(n.uri === uri && n.local === local ? [n] : []), ...n.children.flatMap((c) => all(c, uri, local))];
const one = (n: Node, uri: string, local: string): Node => {
  const found = all(n, uri, local);
  if (found.length === 0) throw new Error(`no ${local}`);
  return found[0] as Node;
};

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (file === null) throw new Error(`no part ${name}`);
  return file.async('string');
}

/** The part the `rels` of `source` relate by `id`, resolved. */
async function target(zip: JSZip, source: string, id: string): Promise<string> {
  const folder = source.slice(0, source.lastIndexOf('/'));
  const rels = parse(await part(zip, `${folder}/_rels/${source.slice(folder.length + 1)}.rels`));
  const rel = all(rels, PKG, 'Relationship').find((r) => r.attrs.get('Id') === id);
  const t = rel?.attrs.get('Target') ?? '';
  if (t.startsWith('/')) return t.slice(1);
  const segments = folder.split('/');
  for (const s of t.split('/')) if (s === '..') segments.pop(); else segments.push(s);
  return segments.join('/');
}

async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wb = parse(await part(zip, 'xl/workbook.xml'));
  const sheet = all(wb, MAIN, 'sheet').find((s) => s.attrs.get('name') === name);
  return target(zip, 'xl/workbook.xml', sheet?.attrs.get(`{${REL}}id`) ?? '');
}

async function makeInput(path: string): Promise<void> {
  await writeWorkbook(path, (wb) => {
    wb.addWorksheet('Pools').addRows([['Pool', 'Cost'], ['Sales', 1000]]);
  });
}

async function report(input: string, output: string): Promise<Buffer> {
  const bytes = await buildReportWorkbook(await loadWorkbook(input), buildReportSheets(smallResult()), 'EUR');
  writeFileSync(output, bytes);
  return bytes;
}

/** The summary's drawing and chart parts, found through the relationships from the sheet. */
async function chartOf(zip: JSZip): Promise<{ sheet: string; drawing: string; chart: string }> {
  const sheet = await sheetPart(zip, 'ABC Summary');
  const ws = parse(await part(zip, sheet));
  const drawingEl = one(ws, MAIN, 'drawing');
  // Schema order: drawing is the last child written, after pageMargins and pageSetup.
  expect(ws.children.map((c) => c.local).slice(-3)).toEqual(['pageMargins', 'pageSetup', 'drawing']);
  const drawing = await target(zip, sheet, drawingEl.attrs.get(`{${REL}}id`) ?? '');
  const frame = all(parse(await part(zip, drawing)), XDR, 'graphicFrame').find((f) => one(f, XDR, 'cNvPr').attrs.get('name') === 'ABC whale curve');
  const chart = await target(zip, drawing, one(frame as Node, C, 'chart').attrs.get(`{${REL}}id`) ?? '');
  return { sheet, drawing, chart };
}

describe('the whale-curve chart part', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it("reads the P&L's rank and cumulative-share cells, caches the description's values, and marks the peak", async () => {
    const input = join(dir, 'in.xlsx');
    await makeInput(input);
    const bytes = await report(input, join(dir, 'out.xlsx'));
    expect(await checkPackage(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const { drawing, chart } = await chartOf(zip);
    expect([drawing, chart]).toEqual(['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml']);
    const types = await part(zip, '[Content_Types].xml');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');

    const anchor = one(parse(await part(zip, drawing)), XDR, 'twoCellAnchor');
    const from = one(anchor, XDR, 'from');
    expect([one(from, XDR, 'col').text, one(from, XDR, 'row').text]).toEqual(['0', '24']);

    const curve = whaleCurveOfResult(smallResult());
    const series = all(parse(await part(zip, chart)), C, 'ser');
    expect(series).toHaveLength(2);
    const refs = series.map((s) => [one(one(s, C, 'xVal'), C, 'f').text, one(one(s, C, 'yVal'), C, 'f').text]);
    // smallResult: rank in A, 3 + 1 dimension + 6 + 3 charged activities (its business-sustaining one has no column) + 6 columns: column 19, S, is the share (its header is checked in whale-curve.test.ts).
    const peakRow = 3 + (curve.peak?.rank ?? 0);
    expect(refs).toEqual([
      ["'ABC Customer P&L'!$A$4:$A$6", "'ABC Customer P&L'!$S$4:$S$6"],
      [`'ABC Customer P&L'!$A$${peakRow}`, `'ABC Customer P&L'!$S$${peakRow}`],
    ]);
    const cached = (s: Node, axis: string): number[] => all(one(s, C, axis), C, 'v').map((v) => Number(v.text));
    expect(cached(series[0] as Node, 'yVal')).toEqual(curve.points.map((p) => p.share));
    expect(cached(series[0] as Node, 'xVal')).toEqual([1, 2, 3]);
    expect(cached(series[1] as Node, 'yVal')).toEqual([curve.peak?.share]);
    expect(one(one(series[1] as Node, C, 'marker'), C, 'symbol').attrs.get('val')).toBe('circle');
    expect(one(one(series[1] as Node, C, 'dLbls'), C, 'showVal').attrs.get('val')).toBe('1');
  });

  it('a re-run rewrites the same parts; a chart the user added to the summary is kept and still attached', async () => {
    const input = join(dir, 'in.xlsx');
    const first = join(dir, 'first.xlsx');
    await makeInput(input);
    const zip = await JSZip.loadAsync(await report(input, first));
    // The user adds a chart of their own to the summary: Excel puts it into the sheet's drawing.
    const drawingText = await part(zip, 'xl/drawings/drawing1.xml');
    const userAnchor =
      '<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="7" name="My margin chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      '<c:chart r:id="rId9"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
    zip.file('xl/drawings/drawing1.xml', drawingText.replace('</xdr:wsDr>', `${userAnchor}</xdr:wsDr>`));
    const rels = await part(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    zip.file('xl/drawings/_rels/drawing1.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rId9" Type="${REL}/chart" Target="../charts/chart9.xml"/></Relationships>`));
    const userChart = (await part(zip, 'xl/charts/chart1.xml')).replace('Whale curve: cumulative net profit', 'My margin chart');
    zip.file('xl/charts/chart9.xml', userChart);
    const types = await part(zip, '[Content_Types].xml');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/charts/chart9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'));
    const edited = join(dir, 'edited.xlsx');
    writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await checkPackage(readFileSync(edited))).toEqual([]);

    const bytes = await report(edited, join(dir, 'second.xlsx'));
    expect(await checkPackage(bytes)).toEqual([]);
    const again = await JSZip.loadAsync(bytes);
    expect(Object.keys(again.files).filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart9.xml',
      'xl/drawings/drawing1.xml',
    ]);
    expect(await chartOf(again)).toMatchObject({ drawing: 'xl/drawings/drawing1.xml', chart: 'xl/charts/chart1.xml' });
    const frames = all(parse(await part(again, 'xl/drawings/drawing1.xml')), XDR, 'cNvPr').map((e) => e.attrs.get('name'));
    expect(frames).toEqual(['My margin chart', 'ABC whale curve']);
    expect(await target(again, 'xl/drawings/drawing1.xml', 'rId9')).toBe('xl/charts/chart9.xml');
    expect(await part(again, 'xl/charts/chart9.xml')).toBe(userChart);
  });

  it('a re-run with no chart (total profit of zero or less) removes the chart, and the drawing when nothing else is on it', async () => {
    const input = join(dir, 'in.xlsx');
    const first = join(dir, 'first.xlsx');
    await makeInput(input);
    await report(input, first);
    const noChart = buildReportSheets(smallResult()).map((s) => ({ ...s, chart: undefined }));
    const bytes = await buildReportWorkbook(await loadWorkbook(first), noChart, 'EUR');
    expect(await checkPackage(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => /^xl\/(charts|drawings)\//.test(f) && zip.files[f]?.dir !== true)).toEqual([]);
    const types = await part(zip, '[Content_Types].xml');
    expect(types).not.toMatch(/chart|drawing/);
    const ws = parse(await part(zip, await sheetPart(zip, 'ABC Summary')));
    expect(all(ws, MAIN, 'drawing')).toEqual([]);
  });

  it("a re-run with no chart keeps the user's own chart in the drawing and removes only the report's", async () => {
    const input = join(dir, 'in.xlsx');
    await makeInput(input);
    const zip = await JSZip.loadAsync(await report(input, join(dir, 'first.xlsx')));
    const drawingText = await part(zip, 'xl/drawings/drawing1.xml');
    const userAnchor =
      '<xdr:oneCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:ext cx="100" cy="100"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="7" name="My chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      '<c:chart r:id="rId9"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>';
    zip.file('xl/drawings/drawing1.xml', drawingText.replace('</xdr:wsDr>', `${userAnchor}</xdr:wsDr>`));
    const rels = await part(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    zip.file('xl/drawings/_rels/drawing1.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rId9" Type="${REL}/chart" Target="../charts/chart9.xml"/></Relationships>`));
    zip.file('xl/charts/chart9.xml', await part(zip, 'xl/charts/chart1.xml'));
    // Excel gives a chart it saved a style part of its own, related from the chart.
    zip.file('xl/charts/_rels/chart1.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>`);
    zip.file('xl/charts/style1.xml', '<?xml version="1.0" encoding="UTF-8"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>');
    const types = await part(zip, '[Content_Types].xml');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/charts/chart9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/></Types>',
      ),
    );
    const edited = join(dir, 'edited.xlsx');
    writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await checkPackage(readFileSync(edited))).toEqual([]);

    const noChart = buildReportSheets(smallResult()).map((s) => ({ ...s, chart: undefined }));
    const bytes = await buildReportWorkbook(await loadWorkbook(edited), noChart, 'EUR');
    expect(await checkPackage(bytes)).toEqual([]);
    const again = await JSZip.loadAsync(bytes);
    expect(Object.keys(again.files).filter((f) => /^xl\/(charts|drawings)\/.+\.xml/.test(f)).sort()).toEqual([
      'xl/charts/chart9.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
    ]);
    const frames = all(parse(await part(again, 'xl/drawings/drawing1.xml')), XDR, 'cNvPr').map((e) => e.attrs.get('name'));
    expect(frames).toEqual(['My chart']);
    const againTypes = await part(again, '[Content_Types].xml');
    expect(againTypes).not.toContain('/xl/charts/chart1.xml');
    expect(againTypes).not.toContain('/xl/charts/style1.xml');
    expect(await target(again, 'xl/drawings/drawing1.xml', 'rId9')).toBe('xl/charts/chart9.xml');
  });

  it('the summary, rates and statements print one page wide in landscape; the P&L landscape as many pages wide as its columns need', async () => {
    const input = join(dir, 'in.xlsx');
    await makeInput(input);
    const zip = await JSZip.loadAsync(await report(input, join(dir, 'out.xlsx')));
    const print = async (sheet: string): Promise<[string | undefined, string | undefined, string | undefined, string | undefined]> => {
      const ws = parse(await part(zip, await sheetPart(zip, sheet)));
      const setUp = all(ws, MAIN, 'pageSetUpPr')[0];
      const page = all(ws, MAIN, 'pageSetup')[0];
      return [setUp?.attrs.get('fitToPage'), page?.attrs.get('orientation'), page?.attrs.get('fitToWidth'), page?.attrs.get('fitToHeight')];
    };
    expect(await print('ABC Summary')).toEqual(['1', 'landscape', '1', '0']);
    expect(await print('ABC Rates')).toEqual(['1', 'landscape', '1', '0']);
    expect(await print('ABC Customer P&L')).toEqual(['1', 'landscape', '2', '0']);
    // Schema order: sheetPr first; pageSetup right after pageMargins.
    const summary = parse(await part(zip, await sheetPart(zip, 'ABC Summary')));
    expect(summary.children[0]?.local).toBe('sheetPr');
    const order = summary.children.map((c) => c.local);
    expect(order.indexOf('pageSetup')).toBe(order.indexOf('pageMargins') + 1);
  });

  it('a strict workbook gets strict chart and drawing namespaces and relationship types', async () => {
    const input = join(__dirname, '../fixtures/producers/hand-c-strict.xlsx');
    const bytes = await buildReportWorkbook(await loadWorkbook(input), buildReportSheets(smallResult()), 'EUR');
    expect(await checkPackage(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    const chartPart = names.find((n) => /charts\/chart\d+\.xml$/.test(n)) ?? '';
    const drawingPart = names.find((n) => /drawings\/drawing\d+\.xml$/.test(n)) ?? '';
    expect(parse(await part(zip, chartPart)).uri).toBe('http://purl.oclc.org/ooxml/drawingml/chart');
    expect(parse(await part(zip, drawingPart)).uri).toBe('http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing');
    const drawingRels = await part(zip, drawingPart.replace(/drawings\//, 'drawings/_rels/') + '.rels');
    expect(drawingRels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/chart"');
    const sheetRels = (await Promise.all(names.filter((n) => /worksheets\/_rels\//.test(n) && n.endsWith('.rels')).map((n) => part(zip, n)))).join('');
    expect(sheetRels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/drawing"');
    // The report's tables too, in the strict relationship type.
    expect(sheetRels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/table"');
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)('LibreOffice opens the report and draws the chart on the summary page', async () => {
    const input = join(dir, 'in.xlsx');
    await makeInput(input);
    await report(input, join(dir, 'out.xlsx'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'out.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', [join(dir, 'out.pdf'), '-'], { encoding: 'utf8' });
    // The axis title and the legend's "Peak" exist only in the chart: LibreOffice drew it.
    expect(text).toContain('Customers, most profitable first');
    expect(text).toMatch(/\bPeak\b/);
    // One page wide: the summary's labels and their amounts print on the same page (pages end at form feeds).
    const summaryPage = text.split('\f').find((page) => page.includes('Headline figures')) ?? '';
    expect(summaryPage).toContain('Net revenue');
    expect(summaryPage).toMatch(/\d{1,3}(,\d{3})*\.\d{2}/);
    expect(summaryPage).toContain('Customers, most profitable first');
  }, 180_000);
  if (!soffice) it('skips the LibreOffice check: soffice is not on PATH', () => expect(soffice).toBe(false));
});
