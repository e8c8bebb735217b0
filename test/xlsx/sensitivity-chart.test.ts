/**
 * The Sensitivity sheet in the runner's .xlsx (Kaplan & Anderson's department, test/helpers/kaplan-sensitivity.ts):
 * the tornado's chart part parsed back namespace-aware, horizontal clustered bars overlapping fully whose
 * two series read the figures under the chart and cache them, blue at Low and orange at High, with a
 * legend; the whale curve's chart on the summary untouched beside it; workbook text as strings; a re-run
 * rewrites the same chart part; and LibreOffice opening the file and drawing the chart (when soffice is
 * installed).
 */
import { execFileSync, spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { buildSensitivitySheet } from '../../src/workbook/report-sensitivity';
import type { ReportSheet } from '../../src/workbook/report-types';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { kaplanSensitivity } from '../helpers/kaplan-sensitivity';
import { checkPackage } from '../helpers/package-invariants';
import { allNs, oneNs, parseNs } from '../helpers/xml-ns';
import { tempDir, writeWorkbook, zipPartText } from './workbook-files';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const fixture = kaplanSensitivity();
// An estimate's activity that looks like a formula: workbook text, written as a string.
const sensitivity = {
  ...fixture.sensitivity,
  tornado: fixture.sensitivity.tornado.map((b, i) => (i === 2 ? { ...b, estimate: { ...b.estimate, activity: '=HYPERLINK("x")' } } : b)),
};

function layout(language: 'en' | 'nl' = 'en'): ReportSheet[] {
  return [...buildReportSheets(fixture.result), buildSensitivitySheet(fixture.result, sensitivity, language)];
}

async function write(dir: string, input?: string): Promise<{ bytes: Buffer; sheets: ReportSheet[] }> {
  const source = input ?? join(dir, 'in.xlsx');
  if (input === undefined) await writeWorkbook(source, (wb) => void wb.addWorksheet('Notes').addRows([['How sure are we']]));
  const sheets = layout();
  const bytes = await buildReportWorkbook(await loadWorkbook(source), sheets, 'EUR');
  writeFileSync(join(dir, 'out.xlsx'), bytes);
  return { bytes, sheets };
}

const text = zipPartText;

const chartParts = (zip: JSZip): string[] => Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort();

describe("the Sensitivity sheet in the runner's workbook", () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('holds the tornado as horizontal overlapping bars whose two series read and cache the figures under it', async () => {
    const { bytes, sheets } = await write(dir);
    expect(await checkPackage(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const charts = await Promise.all(chartParts(zip).map(async (p) => parseNs(await text(zip, p))));
    expect(charts.filter((c) => allNs(c, C, 'scatterChart').length > 0)).toHaveLength(1);
    const bar = charts.find((c) => allNs(c, C, 'barChart').length > 0);
    if (bar === undefined) throw new Error('no bar chart');
    const val = (local: string): string | undefined => oneNs(bar, C, local).attrs.get('val');
    expect([val('barDir'), val('grouping'), val('overlap'), val('gapWidth')]).toEqual(['bar', 'clustered', '100', '40']);
    expect(oneNs(oneNs(bar, C, 'catAx'), C, 'tickLblPos').attrs.get('val')).toBe('low');
    expect(allNs(bar, C, 'legend')).toHaveLength(1);
    const spec = sheets[sheets.length - 1]?.chart?.tornado;
    if (spec === undefined) throw new Error('no tornado');
    const series = allNs(bar, C, 'ser');
    expect(series.map((s) => oneNs(oneNs(s, C, 'tx'), C, 'v').text)).toEqual(['At Low', 'At High']);
    expect(series.map((s) => oneNs(oneNs(s, C, 'spPr'), A, 'srgbClr').attrs.get('val'))).toEqual(['1F6FB2', 'E08A1E']);
    const { firstRow: f, lastRow: l } = spec.categories;
    series.forEach((s, i) => {
      const cat = oneNs(s, C, 'cat');
      expect(oneNs(cat, C, 'f').text).toBe(`'ABC Sensitivity'!$A$${f}:$A$${l}`);
      expect(allNs(oneNs(cat, C, 'strCache'), C, 'v').map((v) => v.text)).toEqual(['=HYPERLINK("x") · Credit checks', 'Handle customer inquiries · Inquiries', 'Process customer orders · Orders']);
      const v = oneNs(s, C, 'val');
      const col = 'BC'[i];
      expect(oneNs(v, C, 'f').text).toBe(`'ABC Sensitivity'!$${col}$${f}:$${col}$${l}`);
      expect(allNs(oneNs(v, C, 'numCache'), C, 'v').map((x) => Number(x.text))).toEqual(i === 0 ? [12.75, 127.5, 1292] : [-12.75, -255, -1292]);
    });

    // The formula-looking activity is an inline string wherever the sheet lists it, never a formula.
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).map(async (p) => parseNs(await text(zip, p))));
    const cells = sheetXml.flatMap((ws) => allNs(ws, MAIN, 'c')).filter((c) => allNs(c, MAIN, 't').some((t) => t.text.startsWith('=HYPERLINK("x")')));
    expect(cells.length).toBe(2);
    for (const c of cells) expect([c.attrs.get('t'), allNs(c, MAIN, 'f').length]).toEqual(['inlineStr', 0]);
  });

  it('a re-run rewrites the same chart part with the same bytes, with nothing added', async () => {
    const once = await JSZip.loadAsync((await write(dir)).bytes);
    const twice = await JSZip.loadAsync(await buildReportWorkbook(await loadWorkbook(join(dir, 'out.xlsx')), layout(), 'EUR'));
    expect(chartParts(twice)).toEqual(chartParts(once));
    expect(chartParts(twice)).toHaveLength(2);
    for (const p of chartParts(once)) expect(await text(twice, p)).toBe(await text(once, p));
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)('LibreOffice opens the workbook and draws the tornado', async () => {
    await write(dir);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'out.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const pdf = execFileSync('pdftotext', [join(dir, 'out.pdf'), '-'], { encoding: 'utf8' });
    // The chart's title exists only in the chart: LibreOffice drew it.
    expect(pdf).toContain("Operating profit's change with each estimate at Low and at High");
    expect(pdf).toContain('Look closer before acting');
  }, 180_000);
  if (!soffice) it('skips the LibreOffice check: soffice is not on PATH', () => expect(soffice).toBe(false));
});
