import { generateSampleModel, sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { planBatches } from '../../src/excel/chunks';
import { readModel, toCellValue } from '../../src/excel/read-model';
import { fakeRun, FakeWorkbook } from './fake-excel';
import { sampleWorkbook, trimmed } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;

describe('reading the contract through Office.js', () => {
  test('reads every range of the sample in few syncs, each far below the 5 MB limit', async () => {
    const book = sampleWorkbook();
    const out = await readModel(fakeRun(book));
    const expected = sampleGrids();
    expect([...out.grids.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, grid] of expected) {
      const got = out.grids.get(name);
      expect(got?.sheet).toBe(grid.sheet);
      expect(got?.top).toBe(1);
      expect(got?.rows).toEqual(trimmed(grid.rows));
    }
    // 2 syncs to locate the ranges; 17,885 x 5 transaction cells + the rest = 2 batches of <= 60,000 cells.
    expect(out.syncs).toBe(4);
    expect(book.syncs).toBe(5); // and the empty closing sync of Excel.run
    for (const s of book.syncLog) {
      expect(s.requestBytes).toBeLessThan(FIVE_MB / 4);
      expect(s.responseBytes).toBeLessThan(FIVE_MB / 2);
    }
    // Same figures as computing the generated grids directly.
    const direct = analyseWorkbook(expected).result;
    const viaExcel = analyseWorkbook(out.grids).result;
    expect(viaExcel?.totals.netProfit.toString()).toBe(direct?.totals.netProfit.toString());
    expect(viaExcel?.customers.length).toBe(250);
  });

  test('reads in row chunks of the cell budget: one sync per batch, never per cell', async () => {
    const book = sampleWorkbook();
    const progress: number[] = [];
    const out = await readModel(fakeRun(book), { onProgress: (p) => progress.push(p.done) }, 5_000);
    const sheets = generateSampleModel();
    const batches = planBatches(
      sheets.map((s) => ({ key: s.rangeName, rows: s.rows.length, columns: Math.max(...s.rows.map((r) => r.length)) })),
      5_000,
    );
    expect(batches.length).toBe(19); // ceil(91,709 cells / 5,000)
    expect(out.syncs).toBe(2 + batches.length);
    const transactions = sheets.find((s) => s.rangeName === 'ABC_Volumes');
    expect(out.grids.get('ABC_Volumes')?.rows).toEqual(trimmed(transactions?.rows ?? []));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(sheets.reduce((n, s) => n + s.rows.length, 0));
  });

  test('a batch Excel refuses as too large is split and read again', async () => {
    const book = sampleWorkbook();
    book.payloadLimit = 400_000;
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Volumes')?.rows.length).toBe(17_885);
    const refused = book.syncLog.filter((s) => s.responseBytes > book.payloadLimit);
    expect(refused.length).toBeGreaterThan(0);
    expect(out.syncs).toBeGreaterThan(4);
  });

  test('a whole-column name is clipped to the used range', async () => {
    const book = new FakeWorkbook();
    const ws = book.addSheet('Transactions');
    ws.setValues('A1', [['Customer', 'Driver', 'Quantity'], ['C1', 'Orders', 3], ['C2', 'Orders', 4]]);
    book.addName('abc_volumes', "='Transactions'!$A:$D");
    const out = await readModel(fakeRun(book));
    const grid = out.grids.get('ABC_Volumes');
    expect(grid).toMatchObject({ name: 'abc_volumes', sheet: 'Transactions', top: 1, left: 1 });
    expect(grid?.rows).toEqual([['Customer', 'Driver', 'Quantity'], ['C1', 'Orders', 3], ['C2', 'Orders', 4]]);
    expect(Math.max(...book.syncLog.map((s) => s.responseBytes))).toBeLessThan(2_000);
  });

  test('a table stands in for a missing name; its totals row is left out', async () => {
    const book = new FakeWorkbook();
    const ws = book.addSheet('Klanten');
    ws.setValues('B3', [['Klant', 'Omzet', 'Kostprijs omzet'], [1001, 500, 300], [1002, 200, 150], ['Totaal', 700, 450]]);
    book.addTable('ABC_Customers', 'Klanten', 'B3:D6', { showTotals: true });
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Customers')).toEqual({
      name: 'ABC_Customers',
      sheet: 'Klanten',
      top: 3,
      left: 2,
      rows: [['Klant', 'Omzet', 'Kostprijs omzet'], [1001, 500, 300], [1002, 200, 150]],
    });
  });

  test('error values arrive as errors, text that looks like one stays text', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Pools').setValues('A1', [['Pool', 'Cost'], ['Sales', { error: '#N/A' }], ['#REF!', 10]]);
    book.addName('ABC_Pools', '=Pools!$A$1:$B$3');
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Pools')?.rows).toEqual([['Pool', 'Cost'], ['Sales', { error: '#N/A' }], ['#REF!', 10]]);
  });

  test('a contract name that is not a range is reported, not called missing', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    book.addName('ABC_Settings', '="EUR"');
    const out = await readModel(fakeRun(book));
    expect(out.grids.has('ABC_Settings')).toBe(false);
    expect(out.broken).toEqual(['ABC_Settings']);
    expect(out.issues).toEqual([
      expect.objectContaining({ code: 'INVALID_RANGE_REFERENCE', where: { range: 'ABC_Settings', value: '="EUR"' } }),
    ]);
  });

  test('Cancel stops between chunks', async () => {
    const book = sampleWorkbook();
    const controller = new AbortController();
    const run = readModel(fakeRun(book), { signal: controller.signal, onProgress: (p) => p.done > 0 && controller.abort() }, 5_000);
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    expect(book.syncs).toBe(3); // locate, locate, first batch
  });
});

describe('number formats as some Excel builds report them (issue 18, item 6)', () => {
  test('a ledger Amount and a support Quantity formatted as a percentage stop the run at their cells, as in the runner', async () => {
    // The user typed 2% and 40%: Excel holds 0.02 and 0.4 and shows the percentages. Before, the add-in read
    // no formats of ABC_Resources and ABC_Support and took them as plain amounts, where the runner stops.
    const book = sampleWorkbook();
    book.sheet('Ledger')?.setValues('C2', [[0.02]]).setNumberFormat('C2', '0%');
    book.sheet('Support')?.setValues('D2', [[0.4]]).setNumberFormat('D2', '0%');
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Resources')?.rows[1]?.[2]).toEqual({ percent: 0.02 });
    expect(out.grids.get('ABC_Support')?.rows[1]?.[3]).toEqual({ percent: 0.4 });
    const analysis = analyseWorkbook(out.grids);
    expect(analysis.result).toBeNull();
    expect(analysis.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([
      ['PERCENT_FOR_AMOUNT', 'Ledger', 'C2'],
      ['PERCENT_FOR_AMOUNT', 'Support', 'D2'],
    ]);
  });

  test("a cost in a cell whose format comes back as a localized General ('Standaard') stays a number", async () => {
    // The sample's pools take their cost from the ledger (their Cost cells are blank): its Amount column is the cost.
    const book = sampleWorkbook();
    const ledger = book.sheet('Ledger');
    if (ledger === undefined) throw new Error('no Ledger sheet');
    ledger.setNumberFormat('C2:C4', 'Standaard');
    ledger.setNumberFormat('C5', 'Général');
    const out = await readModel(fakeRun(book));
    const rows = out.grids.get('ABC_Resources')?.rows ?? [];
    expect(rows[0]?.[2]).toBe('Amount');
    const amounts = sampleGrids().get('ABC_Resources')?.rows.slice(1, 5).map((r) => r[2]);
    expect(amounts).toHaveLength(4);
    for (const a of amounts ?? []) expect(typeof a).toBe('number');
    expect(rows.slice(1, 5).map((r) => r[2])).toEqual(amounts);
    expect(toCellValue(41_000, 'Double', 'Standaard')).toBe(41_000);
    expect(toCellValue(45_658, 'Double', 'd-m-yyyy')).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });
});
