/**
 * Number formats on a host whose region has other separators than en-US. The fake's `region` reproduces
 * https://github.com/OfficeDev/office-js/issues/1553 (Excel for Mac, region Germany: `Range.numberFormat`
 * read with the local separators) and https://github.com/OfficeDev/office-js/issues/1632 (Excel on the web:
 * `numberFormatLocal` garbled too); see FakeRegion.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import type { WriteOutcome } from '../../src/excel/actions';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets, numberFormat } from '../../src/workbook/report-layout';
import type { ReportSheet } from '../../src/workbook/report-types';
import { generateSampleModel, sampleGrids } from '../../src/sample';
import { hostBefore1_11 } from './fake-events';
import { type FakeRegion, FakeWorkbook, fakeRun } from './fake-excel';
import { sampleWorkbook } from './helpers';

const result = analyseWorkbook(sampleGrids()).result;
if (result === null) throw new Error('the sample must compute');
const sheets = buildReportSheets(result);
const currency = result.settings.currency;
const MONEY = numberFormat('money', currency);

/** Excel for Mac 16.45 with region Germany (#1553). */
const GERMAN_MAC: FakeRegion = { decimal: ',', group: '.', numberFormatReadLocally: true };

function refresh(book: FakeWorkbook, supports: (name: string, version: string) => boolean = () => true): Promise<WriteOutcome> {
  return createExcelGateway(fakeRun(book), supports).writeReport(sheets, currency);
}

/** Every written number's format on the report sheets, against what the layout says, as [sheet, row, column, kept]. */
function wrongFormats(book: FakeWorkbook, report: readonly ReportSheet[] = sheets): string[] {
  const wrong: string[] = [];
  for (const sheet of report) {
    const ws = book.sheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.cells.forEach((c, col) => {
        if (typeof c.value !== 'number') return;
        const kept = ws?.peek(r, col)?.numberFormat;
        if (kept !== numberFormat(c.format, currency)) wrong.push(`${sheet.name}!R${r + 1}C${col + 1}: ${kept}`);
      }),
    );
  }
  return wrong;
}

describe('number formats on a host of another region', () => {
  test('a Refresh on a German Mac leaves no garbled money format (office-js#1553)', async () => {
    const book = sampleWorkbook();
    book.region = GERMAN_MAC;
    const out = await refresh(book);
    expect(wrongFormats(book)).toEqual([]);
    // The first customer's net revenue (R4C7), which the old code left as "€ "#.##0,00;….
    expect(book.sheet('ABC Customer P&L')?.peek(3, 6)).toMatchObject({ numberFormat: MONEY });
    expect(typeof book.sheet('ABC Customer P&L')?.peek(3, 6)?.value).toBe('number');
    expect(out.formatsNotSet ?? []).toEqual([]);
  });

  test('a second Refresh in place on a German Mac keeps them right as well', async () => {
    const book = sampleWorkbook();
    book.region = GERMAN_MAC;
    await refresh(book);
    const out = await refresh(book);
    expect(out.replaced).toHaveLength(sheets.length);
    expect(wrongFormats(book)).toEqual([]);
  });

  test('a normal host: no sync more than before, and the German Mac one sync more', async () => {
    const plain = sampleWorkbook();
    const normal = await refresh(plain);
    expect(normal.syncs).toBe(SYNCS_OF_A_SAMPLE_REFRESH);
    expect(normal.formatsNotSet ?? []).toEqual([]);
    // Without the cost flow sheet, the two syncs it takes (values, then styles) go.
    expect(sheets[4]?.role).toBe('costFlow');
    expect((await createExcelGateway(fakeRun(sampleWorkbook())).writeReport(sheets.slice(0, 4), currency)).syncs).toBe(SYNCS_OF_A_SAMPLE_REFRESH - 2);
    const german = sampleWorkbook();
    german.region = GERMAN_MAC;
    expect((await refresh(german)).syncs).toBe(SYNCS_OF_A_SAMPLE_REFRESH + 1);
    // A German host that takes the invariant codes right needs no repair either.
    const fine = sampleWorkbook();
    fine.region = { ...GERMAN_MAC, numberFormatReadLocally: false };
    expect((await refresh(fine)).syncs).toBe(SYNCS_OF_A_SAMPLE_REFRESH);
    expect(wrongFormats(fine)).toEqual([]);
  });

  test('Excel\'s own separators (a space for thousands, office-js#3244) are used for the local code', async () => {
    const book = sampleWorkbook();
    book.region = { ...GERMAN_MAC, excelSeparators: { decimal: ',', group: ' ' } };
    const out = await refresh(book);
    expect(wrongFormats(book)).toEqual([]);
    expect(out.formatsNotSet ?? []).toEqual([]);
  });

  test('without ExcelApi 1.11 the write completes and names every format it could not set', async () => {
    const book = sampleWorkbook();
    book.region = GERMAN_MAC;
    hostBefore1_11(book);
    const out = await refresh(book, (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) < 11);
    expect(out.sheets).toEqual(sheets.map((s) => s.name));
    expect(out.formatsNotSet).toEqual(expect.arrayContaining([{ sheet: 'ABC Customer P&L', code: MONEY }, { sheet: 'ABC Summary', code: '0.0%' }]));
    // Each code once per sheet, named by the report sheet's final name.
    const keys = (out.formatsNotSet ?? []).map((f) => `${f.sheet}|${f.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect((out.formatsNotSet ?? []).every((f) => sheets.some((s) => s.name === f.sheet))).toBe(true);
  });

  test('a host that garbles the local code too (office-js#1632): named, not hidden', async () => {
    const book = sampleWorkbook();
    book.region = { ...GERMAN_MAC, numberFormatLocalIgnored: true };
    const out = await refresh(book);
    expect(out.sheets).toEqual(sheets.map((s) => s.name));
    expect(out.formatsNotSet).toEqual(expect.arrayContaining([{ sheet: 'ABC Customer P&L', code: MONEY }]));
  });
});

describe('the sample model on a host of another region', () => {
  const sample = generateSampleModel();
  const pools = sample.find((s) => s.sheet === 'Pools');
  if (pools === undefined) throw new Error('the sample has a Pools sheet');

  async function inserted(region: FakeRegion, supports1_11: boolean): Promise<{ book: FakeWorkbook; out: WriteOutcome }> {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    book.region = region;
    if (!supports1_11) hostBefore1_11(book);
    const out = await createExcelGateway(fakeRun(book), () => supports1_11).insertSample(sample);
    return { book, out };
  }

  test('its money and one-decimal columns are set again locally on a German Mac', async () => {
    const plain = await inserted({ ...GERMAN_MAC, numberFormatReadLocally: false }, true);
    const { book, out } = await inserted(GERMAN_MAC, true);
    expect(out.formatsNotSet).toEqual([]);
    expect(out.syncs).toBe(plain.out.syncs + 1);
    // Pools: B money, C count, E one decimal (sample/sheets.ts), on the first data row.
    const ws = book.sheet('Pools');
    expect([1, 2, 4].map((c) => ws?.peek(1, c)?.numberFormat)).toEqual([1, 2, 4].map((c) => pools.numberFormats?.[c]));
    // The pools' Cost cells are blank (the ledger fills them): the money that is there is the ledger's Amount, column C.
    const ledger = sample.find((s) => s.sheet === 'Ledger');
    expect(ledger?.numberFormats?.[2]).toBe(pools.numberFormats?.[1]);
    expect(book.sheet('Ledger')?.peek(1, 2)).toMatchObject({ value: ledger?.rows[1]?.[2], numberFormat: pools.numberFormats?.[1] });
  });

  test('without ExcelApi 1.11 the formats it could not set are named', async () => {
    const { out } = await inserted(GERMAN_MAC, false);
    expect(out.formatsNotSet).toEqual(
      expect.arrayContaining([{ sheet: 'Pools', code: pools.numberFormats?.[1] }, { sheet: 'Pools', code: '0.0' }, { sheet: 'Ledger', code: pools.numberFormats?.[1] }]),
    );
  });
});

/**
 * The syncs of writing the sample's report into a workbook without one, as measured without the check: 14
 * before the report's tables, 15 since (they are added once the sheets have their names), 17 since the sample
 * has a first stage: its fifth sheet, ABC Cost flow (117 rows, 23 of them styled), takes one sync for its
 * values (one chunk) and one for its styles, widths and freeze panes; the first four sheets still take 15.
 */
const SYNCS_OF_A_SAMPLE_REFRESH = 17;
