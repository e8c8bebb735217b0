/**
 * The Comparison sheet in the runner's .xlsx (Kaplan & Anderson's department, two periods, with D): the
 * waterfall's chart part parsed back namespace-aware, a stacked bar chart with full overlap whose series
 * read the figures under the chart and cache them, the base without fill, no legend; the whale curve's
 * chart on the summary untouched beside it; workbook text as strings; and LibreOffice opening the file
 * and drawing the chart (when soffice is installed).
 */
import { execFileSync, spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { dec } from '../../src/engine/decimal';
import { buildComparisonSheet } from '../../src/workbook/report-comparison';
import { buildReportSheets } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { handAnalysis, kaplanComparison } from '../helpers/kaplan-periods';
import { checkPackage } from '../helpers/package-invariants';
import { allNs, oneNs, parseNs } from '../helpers/xml-ns';
import { tempDir, writeWorkbook, zipPartText } from './workbook-files';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const kaplan = kaplanComparison({ withD: true, scale: 0.01 });
// D's name looks like a formula: it is the workbook's text and must be written as a string.
const comparison = { ...kaplan.comparison, customers: kaplan.comparison.customers.map((c) => (c.customer === 'D' ? { ...c, name: '=HYPERLINK("x")' } : c)) };
const analysis = handAnalysis(
  comparison,
  { A: { kind: 'revenue', amount: dec(10000) }, B: { kind: 'costPerMinute', activity: 'Process customer orders', pool: 'Customer service', rateBefore: dec('0.8'), rateAfter: dec('0.85'), amount: dec(-80) }, C: { kind: 'new' }, D: { kind: 'revenue', amount: dec(-1800) } },
  Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 0)),
);

function layout(): ReportSheet[] {
  return [...buildReportSheets(kaplan.after), buildComparisonSheet(comparison, analysis, { earlier: '2025', now: '2026' }, 'EUR')];
}

async function write(dir: string): Promise<{ bytes: Buffer; sheets: ReportSheet[] }> {
  const input = join(dir, 'in.xlsx');
  await writeWorkbook(input, (wb) => {
    wb.addWorksheet('Notes').addRows([['Two periods compared']]);
  });
  const sheets = layout();
  const bytes = await buildReportWorkbook(await loadWorkbook(input), sheets, 'EUR');
  writeFileSync(join(dir, 'out.xlsx'), bytes);
  return { bytes, sheets };
}

const text = zipPartText;

describe('the Comparison sheet in the runner\'s workbook', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('holds the waterfall as a stacked bar chart whose series read and cache the figures under it', async () => {
    const { bytes, sheets } = await write(dir);
    expect(await checkPackage(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const charts = await Promise.all(parts.map(async (p) => parseNs(await text(zip, p))));
    const bar = charts.find((c) => allNs(c, C, 'barChart').length > 0);
    // The whale curve is still a scatter chart, beside the waterfall.
    expect(charts.filter((c) => allNs(c, C, 'scatterChart').length > 0)).toHaveLength(1);
    if (bar === undefined) throw new Error('no bar chart');
    const val = (el: ReturnType<typeof oneNs>, local: string): string | undefined => oneNs(el, C, local).attrs.get('val');
    expect([val(bar, 'barDir'), val(bar, 'grouping'), val(bar, 'overlap')]).toEqual(['col', 'stacked', '100']);
    expect(allNs(bar, C, 'legend')).toHaveLength(0);
    const spec = sheets[sheets.length - 1]?.chart?.waterfall;
    if (spec === undefined) throw new Error('no waterfall');
    const series = allNs(bar, C, 'ser');
    expect(series.map((s) => oneNs(oneNs(s, C, 'tx'), C, 'v').text)).toEqual(['Base (not drawn)', 'Increase', 'Decrease', 'Total']);
    // The base has no fill and no outline; the others a solid colour.
    expect(oneNs(series[0]!, C, 'spPr').children.map((c) => c.local)).toEqual(['noFill', 'ln']);
    expect(series.slice(1).map((s) => oneNs(oneNs(s, C, 'spPr'), A, 'srgbClr').attrs.get('val'))).toEqual(['2E9E4F', 'C0392B', '8C8C8C']);
    const { firstRow: f, lastRow: l } = spec.categories;
    series.forEach((s, i) => {
      const cat = oneNs(s, C, 'cat');
      expect(oneNs(cat, C, 'f').text).toBe(`'ABC Comparison'!$A$${f}:$A$${l}`);
      expect(allNs(oneNs(cat, C, 'strCache'), C, 'v').map((v) => v.text)).toEqual(spec.categories.values);
      const v = oneNs(s, C, 'val');
      const col = 'BCDE'[i];
      expect(oneNs(v, C, 'f').text).toBe(`'ABC Comparison'!$${col}$${f}:$${col}$${l}`);
      expect(allNs(oneNs(v, C, 'numCache'), C, 'v').map((x) => Number(x.text))).toEqual(spec.series[i]?.values.values);
    });
    // Kaplan at a hundredth: 55,400 → 58,650; revenue +9,200 floats on a base of 55,400.
    expect(spec.series.map((s) => s.values.values[1])).toEqual([55400, 9200, 0, 0]);
    expect(spec.series[3]?.values.values).toEqual([55400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 58650]);

    // D's formula-looking name is an inline string cell, never a formula, wherever the sheet lists D.
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).map(async (p) => parseNs(await text(zip, p))));
    const cells = sheetXml.flatMap((ws) => allNs(ws, MAIN, 'c')).filter((c) => allNs(c, MAIN, 't').some((t) => t.text === '=HYPERLINK("x")'));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect([c.attrs.get('t'), allNs(c, MAIN, 'f').length]).toEqual(['inlineStr', 0]);
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)('LibreOffice opens the workbook and draws the waterfall', async () => {
    await write(dir);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'out.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const pdf = execFileSync('pdftotext', [join(dir, 'out.pdf'), '-'], { encoding: 'utf8' });
    // The chart's title exists only in the chart: LibreOffice drew it.
    expect(pdf).toContain('Operating profit: 2025 to 2026');
    expect(pdf).toContain('Parts add up to the change');
  }, 180_000);
  if (!soffice) it('skips the LibreOffice check: soffice is not on PATH', () => expect(soffice).toBe(false));
});
