/**
 * Header cells over figures through the add-in's writer: the fake host shows Right on exactly the header
 * cells the layout marks (header-alignment.ts) and nothing on text headers or figures, after a first write
 * and after a Refresh in place, in as many syncs as before; and the fake refuses an alignment Excel refuses.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { alignSheetHeaders } from '../../src/workbook/header-alignment';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { sampleGrids } from '../../src/sample';
import { FakeOfficeError, FakeWorkbook, fakeRun } from './fake-excel';
import { sampleWorkbook } from './helpers';

const result = analyseWorkbook(sampleGrids()).result;
if (result === null) throw new Error('the sample must compute');
const sheets = buildReportSheets(result);
const currency = result.settings.currency;

/** Where the written sheets' horizontal alignment differs from what the marked layout says, as sheet!RrCc: got. */
function misaligned(book: FakeWorkbook): string[] {
  const wrong: string[] = [];
  for (const sheet of alignSheetHeaders(sheets)) {
    const ws = book.sheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.cells.forEach((c, col) => {
        const got = ws?.peek(r, col)?.style.horizontalAlignment;
        if (got !== (c.align === 'right' ? 'Right' : undefined)) wrong.push(`${sheet.name}!R${r + 1}C${col + 1}: ${String(got)}`);
      }),
    );
  }
  return wrong;
}

describe('header cells over figures in the add-in\'s report', () => {
  test('Right on the headers over figures only, in the same syncs, and again after a Refresh in place', async () => {
    const book = sampleWorkbook();
    const out = await createExcelGateway(fakeRun(book), () => true).writeReport(sheets, currency);
    // The syncs of this sample refresh measured before header alignment (15 for the four sheets of
    // number-format-region.test.ts, which the Cost flow sheet made 17): no sync more.
    expect(out.syncs).toBe(17);
    expect(misaligned(book)).toEqual([]);
    // The Cost flow's ledger header (row 4): Pool and Role left, Accounts and Own cost right.
    const flow = book.sheet('ABC Cost flow');
    expect([0, 1, 2, 3].map((c) => flow?.peek(3, c)?.style.horizontalAlignment)).toEqual([undefined, undefined, 'Right', 'Right']);
    expect(flow?.peek(3, 3)?.style.wrapText).toBe(true);
    // The layout's own sheets are not changed by the writer.
    expect(sheets.flatMap((s) => s.rows.flatMap((r) => r.cells)).some((c) => c.align !== undefined)).toBe(false);

    const again = await createExcelGateway(fakeRun(book), () => true).writeReport(sheets, currency);
    expect(again.replaced).toHaveLength(sheets.length);
    expect(misaligned(book)).toEqual([]);
  });

  test('the fake takes the eight alignments Excel documents and refuses any other, as Excel does', async () => {
    const valid = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
    const set = async (value: string): Promise<string | null> => {
      const book = new FakeWorkbook();
      const ws = book.addSheet('Sheet1');
      try {
        await book.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format.horizontalAlignment = value as Excel.HorizontalAlignment;
          await ctx.sync();
        });
      } catch (err) {
        expect(err).toBeInstanceOf(FakeOfficeError);
        expect(ws.peek(1, 1)?.style.horizontalAlignment).toBeUndefined();
        return (err as FakeOfficeError).code;
      }
      expect(ws.peek(1, 1)?.style.horizontalAlignment).toBe(value);
      return null;
    };
    for (const value of valid) expect(await set(value)).toBeNull();
    for (const value of ['right', 'Middle', '', 'Centre']) expect(await set(value)).toBe('InvalidArgument');
  });
});
