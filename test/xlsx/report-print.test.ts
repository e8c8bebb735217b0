/**
 * The sample's report as LibreOffice prints it (issue 17, item 4): the P&L in landscape with its title,
 * header and customer columns on every page and an AutoFilter on its header row; counts without decimals.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { generateSampleModel, sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';

jest.setTimeout(240_000);

const dir = mkdtempSync(join(tmpdir(), 'report-print-'));

/** The sample's P&L and Rates added to a workbook of one small sheet, so the PDF holds little else. */
async function sampleReport(): Promise<string> {
  const result = analyseWorkbook(sampleGrids()).result;
  if (result === null) throw new Error('the sample must compute');
  const sheets = buildReportSheets(result).filter((s) => s.role === 'pnl' || s.role === 'rates');
  // A one-sheet input: the PDF then holds little besides the report sheets.
  const input = join(dir, 'in.xlsx');
  writeFileSync(input, await buildBlocksWorkbook(generateSampleModel().filter((b) => b.rangeName === 'ABC_Settings')));
  const out = join(dir, 'report.xlsx');
  writeFileSync(out, await buildReportWorkbook(await loadWorkbook(input), sheets, result.settings.currency));
  return out;
}

describe('the printed report', () => {
  it('marks the P&L: a table over header and customers (its filter buttons, no sheet AutoFilter), print titles, landscape', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await sampleReport()));
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    // A table and a sheet AutoFilter over the same cells cannot coexist: the table brings the filter.
    expect(workbook).not.toContain('_xlnm._FilterDatabase');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">\'ABC Customer P&amp;L\'!$A:$C,\'ABC Customer P&amp;L\'!$1:$3</definedName>');
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const pnl = sheets.find((s) => s.includes('Customer profitability: P&amp;L per customer')) ?? '';
    expect(pnl).not.toContain('<autoFilter');
    expect(pnl).toMatch(/<\/sheetData><pageMargins [^>]*\/><pageSetup orientation="landscape" fitToWidth="4" fitToHeight="0"\/><tableParts count="1"><tablePart r:id="rId1"\/><\/tableParts>/);
    expect(await zip.file('xl/tables/table1.xml')?.async('string')).toContain('name="ABC_PnL" displayName="ABC_PnL" ref="A3:AC253"');
    expect(pnl).toContain("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)('LibreOffice prints the P&L header on every page and counts without decimals', async () => {
    const report = await sampleReport();
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, report], { stdio: 'ignore', timeout: 200_000 });
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    const pnlPages = pages.filter((p) => p.includes('Customer profitability: P&L per customer'));
    const ratesPages = pages.filter((p) => p.includes('Activities and drivers') || p.includes('Total quantity'));
    // Far fewer than the 66 portrait pages before, and every one with the title row, the header and the ids.
    expect(pnlPages.length).toBeGreaterThan(1);
    expect(pnlPages.length).toBeLessThan(30);
    for (const page of pnlPages) expect(page).toMatch(/Rank\s+Customer\s+Name/);
    // The rates' driver quantities are counts: 36,032 order lines, not 36,032.00.
    const rates = ratesPages.join('\n');
    expect(rates).toMatch(/\b36,032\b(?!\.)/);
    expect(rates).not.toMatch(/\b36,032\.00\b/);
  });
  if (!soffice) it('skips the LibreOffice check: soffice is not on PATH', () => expect(soffice).toBe(false));
});
