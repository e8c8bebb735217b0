/**
 * The swap of a Refresh on report sheets the user has hidden, filtered or sorted, with conditional formats
 * of the user's beside the report, with a co-author refreshing at the same time, and with report names
 * whose temporary names would end in an apostrophe or half a character. Each case failed on the code
 * before (issue 18, item 4) against the strict fake's rules (fake-excel.ts, each with its source).
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { OWNER_NAME, OWNER_VALUE, TEMP_NAME } from '../../src/excel/owner';
import { temporaryName } from '../../src/excel/sheet-names';
import { FOREIGN_GRACE_MS, isLeftoverTemp, tempMarkValue } from '../../src/excel/temp-mark';
import { writeReport } from '../../src/excel/write-report';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { checkSheetName, fakeRun, type FakeSheet, type FakeWorkbook } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

/** The report of the workbook's model as the pane's Refresh computes it. */
async function reportOf(book: FakeWorkbook): Promise<{ sheets: ReportSheet[]; currency: string }> {
  const read = await createExcelGateway(fakeRun(book)).readModel();
  const result = analyseWorkbook(read.grids).result;
  if (result === null) throw new Error('the model must compute');
  return { sheets: buildReportSheets(result), currency: result.settings.currency };
}

function sheet(book: FakeWorkbook, name: string): FakeSheet {
  const ws = book.sheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A workbook with the report written once, and the transaction that then changes (rush orders of 10527). */
async function refreshedOnce(): Promise<FakeWorkbook> {
  const book = sampleWorkbook();
  const { sheets, currency } = await reportOf(book);
  await writeReport(fakeRun(book), sheets, currency);
  book.sheet('Transactions')?.setValues('A3', [[10527, 'Rush orders', 6_500]]);
  return book;
}

/** The values of a report sheet as the layout has them (blank text as blank), for comparing with the sheet. */
function expectedValues(s: ReportSheet): unknown[][] {
  const width = Math.max(...s.rows.map((r) => r.cells.length));
  return s.rows.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r.cells[c]?.value;
    return v === undefined || v === '' ? null : v;
  }));
}

function area(s: ReportSheet): string {
  const width = Math.max(...s.rows.map((r) => r.cells.length));
  let letters = '';
  for (let n = width; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `A1:${letters}${s.rows.length}`;
}

describe('hidden, filtered and sorted report sheets', () => {
  test('a hidden and a very hidden report sheet are updated, stay hidden, and the first visible one is shown', async () => {
    const book = await refreshedOnce();
    book.setVisibility(sheet(book, 'ABC Customer P&L'), 'VeryHidden');
    book.setVisibility(sheet(book, 'ABC Rates'), 'Hidden');
    const { sheets, currency } = await reportOf(book);
    const out = await writeReport(fakeRun(book), sheets, currency);
    expect(out.replaced).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    expect(sheet(book, 'ABC Customer P&L').visibility).toBe('VeryHidden');
    expect(sheet(book, 'ABC Rates').visibility).toBe('Hidden');
    for (const s of sheets) expect(sheet(book, s.name).valuesOf(area(s))).toEqual(expectedValues(s));
    // Excel activates no hidden sheet: the Summary, the first report sheet the user can see.
    expect(book.activeSheet).toBe('ABC Summary');
    expect(book.hiddenNamesOf('ABC Customer P&L').map((n) => n.name)).toEqual([OWNER_NAME]);
  });

  test('a filtered and sorted P&L of before tables has its filter and sort cleared and said so; every row lands in its place', async () => {
    const book = await refreshedOnce();
    const pl = sheet(book, 'ABC Customer P&L');
    // A P&L written before the report's tables: a sheet AutoFilter, filtered and sorted by the user.
    book.tables.splice(0, book.tables.length);
    pl.setAutoFilter('A3:L60', [5, 6, 7, 20], true);
    const { sheets, currency } = await reportOf(book);
    const out = await writeReport(fakeRun(book), sheets, currency);
    expect(out.filtersCleared).toEqual(['ABC Customer P&L']);
    const layout = sheets.find((s) => s.name === 'ABC Customer P&L') as ReportSheet;
    expect(pl.valuesOf(area(layout))).toEqual(expectedValues(layout));
    // The sheet's AutoFilter gives way to the table ABC_PnL over the header and customer rows (A3:AC253).
    expect(pl.autoFilter).toBeNull();
    expect(book.tables.map((t) => [t.name, t.sheet.name, t.top, t.left, t.rows, t.columns])).toContainEqual(['ABC_PnL', 'ABC Customer P&L', 2, 0, 251, 29]);
    expect((await writeReport(fakeRun(book), sheets, currency)).filtersCleared).toEqual([]);
  });

  test("the user's conditional formats below and right of the report are kept", async () => {
    const book = await refreshedOnce();
    const summary = sheet(book, 'ABC Summary');
    const used = summary.usedArea();
    if (used === null) throw new Error('empty summary');
    const below = used.rows + 5;
    summary.addConditionalFormat(`A${below}:C${below + 2}`, 'traffic lights');
    summary.addConditionalFormat('Z1:Z4', 'data bars');
    const { sheets, currency } = await reportOf(book);
    await writeReport(fakeRun(book), sheets, currency);
    expect(summary.conditionalFormatCells('traffic lights')).toHaveLength(9);
    expect(summary.conditionalFormatCells('data bars')).toEqual(['Z1', 'Z2', 'Z3', 'Z4']);
  });
});

describe('co-authors refreshing the same workbook', () => {
  /** Adds a temporary sheet as another session's Refresh writes it, marked at `at`. */
  function foreignTemp(book: FakeWorkbook, name: string, at: number): void {
    const ws = book.addSheet(name);
    ws.setValues('A1', [['half-written by a co-author']]);
    ws.addName(OWNER_NAME, `=${OWNER_VALUE}`).visible = false;
    ws.addName(TEMP_NAME, `=${tempMarkValue('coauthor', at)}`).visible = false;
  }

  test("another session's temporary sheet is left alone while young, deleted as a leftover when old", async () => {
    const book = await refreshedOnce();
    foreignTemp(book, '~1 ABC Summary', Date.now() - 60_000);
    foreignTemp(book, '~1 ABC Rates', Date.now() - FOREIGN_GRACE_MS - 60_000);
    const { sheets, currency } = await reportOf(book);
    await writeReport(fakeRun(book), sheets, currency, { session: 'me' });
    expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith('~'))).toEqual(['~1 ABC Summary']);
    expect(sheet(book, '~1 ABC Summary').valuesOf('A1')).toEqual([['half-written by a co-author']]);
  });

  test("a co-author's whole Refresh while this one writes its temporary sheets leaves them alone; both finish", async () => {
    const book = await refreshedOnce();
    const { sheets, currency } = await reportOf(book);
    let bob: Promise<unknown> | null = null;
    // Alice's run: after its third request (its temporary sheets added), Bob's Refresh runs from start to end.
    const alice = (batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<unknown> =>
      fakeRun(book)(async (context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (++n === 3) {
            bob = writeReport(fakeRun(book), sheets, currency, { session: 'bob' });
            await bob;
          }
        };
        return batch(context);
      });
    await writeReport(alice as never, sheets, currency, { session: 'alice' });
    await expect(bob).resolves.toMatchObject({ replaced: ['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow'] });
    expect(book.sheets.filter((s) => s.names.some((n) => n.name === TEMP_NAME)).map((s) => s.name)).toEqual([]);
    for (const s of sheets) expect(sheet(book, s.name).valuesOf(area(s))).toEqual(expectedValues(s));
  });

  test('marks: this session and marks without a session are leftovers; another session only after the grace time', () => {
    const now = 1_765_000_000_000;
    expect(isLeftoverTemp('="temporary"', 'me', now)).toBe(true);
    expect(isLeftoverTemp(`=${tempMarkValue('me', now - 1000)}`, 'me', now)).toBe(true);
    expect(isLeftoverTemp(`=${tempMarkValue('you', now - 1000)}`, 'me', now)).toBe(false);
    expect(isLeftoverTemp(`=${tempMarkValue('you', now - FOREIGN_GRACE_MS - 1)}`, 'me', now)).toBe(true);
  });
});

describe('temporary sheet names Excel accepts', () => {
  test("a name cut at 31 characters never ends in an apostrophe or half a character", () => {
    const apostrophe = `${'A'.repeat(27)}'s`;
    const emoji = `${'B'.repeat(27)}\u{1F600}x`;
    for (const name of [apostrophe, emoji]) {
      checkSheetName(name);
      const temp = temporaryName(name, new Set());
      expect(() => checkSheetName(temp)).not.toThrow();
    }
    expect(temporaryName(apostrophe, new Set())).toBe(`~1 ${'A'.repeat(27)}`);
    expect(temporaryName(emoji, new Set())).toBe(`~1 ${'B'.repeat(27)}`);
  });

  test('a report sheet of such a name is written (Excel refused its temporary sheet before)', async () => {
    const book = sampleWorkbook();
    const { sheets, currency } = await reportOf(book);
    const summary = sheets.find((s) => s.role === 'summary') as ReportSheet;
    // Without its chart, whose series name the summary by its usual name.
    const renamed: ReportSheet = { ...summary, name: `${'A'.repeat(27)}'s`, chart: undefined };
    const out = await writeReport(fakeRun(book), [renamed], currency);
    expect(out.sheets).toEqual([renamed.name]);
    expect(sheet(book, renamed.name).valuesOf(area(renamed))).toEqual(expectedValues(renamed));
  });
});
