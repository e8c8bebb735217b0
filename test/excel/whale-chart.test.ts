/**
 * The whale curve in the add-in: Refresh draws it on the summary with Excel's chart API, from the same
 * description the runner writes as a chart part, and a second Refresh updates that chart instead of adding
 * another (the simulated host records charts per sheet).
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { columnLetters } from '../../src/workbook/grid';
import { pnlWhaleCells } from '../../src/workbook/report-pnl';
import { buildReportSheets } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { whaleCurveOfResult } from '../../src/workbook/whale-curve';
import { chartRangeText, fakeRun, type FakeWorkbook } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

async function refresh(book: FakeWorkbook): Promise<{ sheets: ReportSheet[]; peak: number; customers: number; shareColumn: number }> {
  const gateway = createExcelGateway(fakeRun(book));
  const read = await gateway.readModel();
  const result = analyseWorkbook(read.grids).result;
  if (result === null) throw new Error('the model must compute');
  const sheets = buildReportSheets(result);
  await gateway.writeReport(sheets, result.settings.currency);
  const curve = whaleCurveOfResult(result);
  const col = pnlWhaleCells(result).shareColumn;
  return { sheets, peak: curve.peak?.rank ?? 0, customers: curve.points.length, shareColumn: col };
}

describe('the whale-curve chart in the add-in', () => {
  it('is created once on the summary, reads the P&L cells, marks the peak, and is updated by a second Refresh', async () => {
    const book = await sampleWorkbook();
    const first = await refresh(book);
    const summary = book.sheet('ABC Summary');
    expect(summary?.charts).toHaveLength(1);
    const chart = summary?.charts[0];
    expect(chart?.name).toBe('ABC whale curve');
    expect(chart?.title).toBe('Whale curve: cumulative net profit');
    const spec = first.sheets.find((s) => s.name === 'ABC Summary')?.chart;
    expect(chart?.position).toEqual({ start: `A${(spec?.anchor.fromRow ?? 0) + 1}`, end: `B${spec?.anchor.toRow}` });
    const last = 3 + first.customers;
    const c = columnLetters(first.shareColumn);
    expect(chart?.series.map((s) => [s.name, chartRangeText(s.x), chartRangeText(s.y), s.markerStyle, s.hasDataLabels])).toEqual([
      ['Cumulative net profit', "'ABC Customer P&L'!A4:A" + last, `'ABC Customer P&L'!${c}4:${c}${last}`, 'None', false],
      ['Peak', `'ABC Customer P&L'!A${3 + first.peak}`, `'ABC Customer P&L'!${c}${3 + first.peak}`, 'Circle', true],
    ]);
    // The sample: 250 customers, the 139 most profitable at the peak.
    expect([first.customers, first.peak]).toEqual([250, 139]);
    // The cells the series read hold the description's shares.
    const pnl = book.sheet('ABC Customer P&L');
    const peakShare = pnl?.peek(2 + first.peak, first.shareColumn - 1)?.value;
    expect(peakShare).toBeCloseTo(1.98, 2);

    // A user's own chart on the summary, then a Refresh with the user's title changed: one whale chart, updated.
    chart!.title = 'changed by the user';
    summary?.charts.push({ name: 'My chart', type: 'Pie', title: 'mine', position: null, series: [] });
    await refresh(book);
    expect(book.sheet('ABC Summary')?.charts.map((x) => [x.name, x.title])).toEqual([
      ['ABC whale curve', 'Whale curve: cumulative net profit'],
      ['My chart', 'mine'],
    ]);
    expect(book.sheet('ABC Summary')?.charts[0]?.series).toHaveLength(2);
  });

  it('the summary and the rates print one page wide in landscape, the P&L across pages with titles and its table, after a first Refresh and after one in place', async () => {
    const book = sampleWorkbook();
    const oneWide = { orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } };
    await refresh(book);
    expect(book.sheet('ABC Summary')?.print).toEqual(oneWide);
    expect(book.sheet('ABC Rates')?.print).toEqual(oneWide);
    // The P&L: landscape at full size, its title, header and customer columns on every page, the table
    // ABC_PnL over the header and the 250 customers (not the totals row), whose filter buttons replace the
    // sheet's AutoFilter (the two cannot overlap).
    const pnlPrint = { orientation: 'Landscape', zoom: { horizontalFitToPages: 4, verticalFitToPages: 0 }, titleRows: 'A1:XFD3', titleColumns: 'A1:C1048576' };
    expect(book.sheet('ABC Customer P&L')?.print).toEqual(pnlPrint);
    const pnlTable = (): unknown => book.tables.map((t) => [t.name, t.sheet.name, t.top, t.left, t.rows, t.columns]).find((t) => t[0] === 'ABC_PnL');
    expect(pnlTable()).toEqual(['ABC_PnL', 'ABC Customer P&L', 2, 0, 251, 29]);
    expect(book.sheet('ABC Customer P&L')?.autoFilterAddress).toBeNull();
    expect(book.sheet('ABC Customer P&L')?.frozen).toEqual({ rows: 3, columns: 3 });
    // The user prints the summary otherwise; a Refresh in place sets it back, since copyFrom brings no page settings.
    const summary = book.sheet('ABC Summary');
    if (summary !== undefined) summary.print = { orientation: 'Portrait', zoom: { scale: 50 } };
    // The user filters cells beside the P&L's table: the Refresh in place removes that filter, keeps the table.
    const pnl = book.sheet('ABC Customer P&L');
    if (pnl !== undefined) pnl.setAutoFilter('AE10:AF20', []);
    await refresh(book);
    expect(book.sheet('ABC Summary')?.print).toEqual(oneWide);
    expect(book.sheet('ABC Customer P&L')?.print).toEqual(pnlPrint);
    expect(pnlTable()).toEqual(['ABC_PnL', 'ABC Customer P&L', 2, 0, 251, 29]);
    expect(book.sheet('ABC Customer P&L')?.autoFilterAddress).toBeNull();
  });

  it("a Refresh with no whale curve (total profit of zero or less) deletes the report's chart and keeps the user's", async () => {
    const book = sampleWorkbook();
    const { sheets } = await refresh(book);
    const summary = book.sheet('ABC Summary');
    summary?.charts.push({ name: 'My chart', type: 'Pie', title: 'mine', position: null, series: [] });
    const gateway = createExcelGateway(fakeRun(book));
    await gateway.writeReport(
      sheets.map((s) => ({ ...s, chart: undefined })),
      'EUR',
    );
    expect(book.sheet('ABC Summary')?.charts.map((x) => x.name)).toEqual(['My chart']);
  });
});
