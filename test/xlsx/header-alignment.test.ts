/**
 * Header cells over figures in the runner's report file: their cell format aligns right and keeps the header
 * look's wrap, text headers have no horizontal alignment, and the report's cell formats stay one per look.
 * Read back from the styles part itself and by ExcelJS.
 */
import { join } from 'path';
import { readFileSync, writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runModel } from '../../src/engine/run';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { textbookModel } from '../engine/first-stage/textbook-model';
import { tempDir, worksheetXml, writeWorkbook } from './workbook-files';

/** The `<xf>` elements of the styles part's cellXfs, in order. */
async function cellXfs(path: string): Promise<string[]> {
  const styles = await (await JSZip.loadAsync(readFileSync(path))).file('xl/styles.xml')!.async('string');
  const section = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...section.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
}

/** The cell format (`s`) of a cell in a worksheet's XML. */
function styleOf(xml: string, ref: string): number {
  const cell = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml);
  if (cell === null) throw new Error(`no cell ${ref}`);
  return Number(cell[1] ?? 0);
}

describe('header cells over figures in the runner\'s report file', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('align right with the header\'s wrap; text headers and a column without figures do not', async () => {
    const { result } = runModel(textbookModel('reciprocal', 0));
    if (result === null) throw new Error('the textbook model must compute');
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, (wb) => void wb.addWorksheet('Pools').addRows([['Pool', 'Cost'], ['Y', 7260]]));
    const output = join(dir, 'out.xlsx');
    writeFileSync(output, await buildReportWorkbook(await loadWorkbook(input), buildReportSheets(result), 'EUR'));

    const xfs = await cellXfs(output);
    const xml = await worksheetXml(output, 'ABC Cost flow');
    // Row 4: Pool, Role, Accounts (blank without a ledger: nothing to stand over), Own cost.
    const [pool, role, accounts, ownCost] = ['A4', 'B4', 'C4', 'D4'].map((ref) => xfs[styleOf(xml, ref)] ?? '');
    expect(ownCost).toMatch(/<alignment horizontal="right" vertical="bottom" wrapText="1"\/>/);
    expect(ownCost).toContain('applyAlignment="1"');
    for (const text of [pool, role, accounts]) {
      expect(text).toContain('<alignment vertical="bottom" wrapText="1"/>');
      expect(text).not.toContain('horizontal');
    }
    // The support matrix's header (row 12): From left, every receiver and both totals right.
    const matrix = ['A12', 'B12', 'C12', 'D12', 'E12', 'F12', 'G12'].map((ref) => styleOf(xml, ref));
    expect(matrix.map((s) => (xfs[s] ?? '').includes('horizontal="right"'))).toEqual([false, true, true, true, true, true, true]);
    // One cell format per look: the right-aligned header cells share one, and no two formats are the same.
    expect(new Set(matrix.slice(1)).size).toBe(1);
    expect(matrix[1]).toBe(styleOf(xml, 'D4'));
    expect(new Set(xfs).size).toBe(xfs.length);
    // Body figures keep the spreadsheet's own alignment.
    expect(xfs[styleOf(xml, 'D5')]).not.toContain('<alignment');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet('ABC Cost flow')!;
    expect(ws.getCell('D4').alignment).toEqual({ horizontal: 'right', vertical: 'bottom', wrapText: true });
    expect(ws.getCell('A4').alignment).toEqual({ vertical: 'bottom', wrapText: true });
    expect(ws.getCell('D4').font?.bold).toBe(true);
    // Rates: title, two notes (the first stage adds one), the section, then the pools' header in row 5.
    const rates = wb.getWorksheet('ABC Rates')!;
    const poolHeader = rates.getRow(5).values as Array<string | undefined>;
    expect(poolHeader[1]).toBe('Pool');
    expect(rates.getCell('A5').alignment?.horizontal).toBeUndefined();
    expect(rates.getCell('B5').alignment?.horizontal).toBeUndefined();
    expect(poolHeader.indexOf('Cost')).toBeGreaterThan(2);
    expect(rates.getRow(5).getCell(poolHeader.indexOf('Cost')).alignment?.horizontal).toBe('right');
  });
});
