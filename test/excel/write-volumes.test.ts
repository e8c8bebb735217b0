/**
 * Writing imported volumes against the strict fake host: chunks under 4 MB, the name set only where no
 * ABC_Volumes of the user's exists, a user's sheet never overwritten, the note beside the table, a
 * re-import replacing the earlier import's sheet, and Cancel leaving nothing behind.
 */
import { GatewayError } from '../../src/excel/errors';
import type { VolumesTable } from '../../src/excel/actions';
import { IMPORT_OWNER_NAME, IMPORT_OWNER_VALUE, writeVolumes } from '../../src/excel/write-volumes';
import { stringsFor } from '../../src/taskpane/i18n';
import { type FakeSheet, FakeWorkbook, fakeRun } from './fake-excel';

const FOUR_MB = 4 * 1024 * 1024;

function table(rows: VolumesTable['rows'], source = 'lines.csv'): VolumesTable {
  return {
    sheet: 'ABC Imported volumes',
    headers: ['Customer', 'Driver', 'Quantity'],
    rows,
    note: [
      ['Imported from', source],
      ['Rows read', '1,000,000'],
      ['Customer and driver totals', '60,000'],
      ['Imported on', '2025-03-01 09:30'],
    ],
  };
}

function emptyBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  book.payloadLimit = FOUR_MB;
  return book;
}

async function refusal(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof GatewayError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('writing imported volumes', () => {
  test('60,000 totals with long names: every request under 4 MB, ABC_Volumes over the table, the note beside it, marked as the import\'s', async () => {
    const book = emptyBook();
    const long = 'x'.repeat(60);
    const rows: VolumesTable['rows'] = [];
    for (let c = 0; c < 5_000; c++) for (let d = 0; d < 12; d++) rows.push([`Customer ${c} ${long}`, `Driver ${d}`, c + d + 0.5]);
    rows.push(['001', '=1+1', '1000000000000.0000001']);
    const out = await writeVolumes(fakeRun(book), table(rows));
    expect(out.sheets).toEqual(['ABC Imported volumes']);
    expect(book.names.map((n) => [n.name, n.formula])).toEqual([['ABC_Volumes', "='ABC Imported volumes'!$A$1:$C$60002"]]);
    const ws = book.sheet('ABC Imported volumes');
    if (ws === undefined) throw new Error('no sheet');
    expect(ws.valuesOf('A1:C2')).toEqual([
      ['Customer', 'Driver', 'Quantity'],
      [`Customer 0 ${long}`, 'Driver 0', 0.5],
    ]);
    expect(ws.valuesOf('A60001:C60002')).toEqual([
      [`Customer 4999 ${long}`, 'Driver 11', 5010.5],
      // Text stays text (no formula, leading zeros kept); a total no double holds stays its exact text.
      ['001', '=1+1', '1000000000000.0000001'],
    ]);
    expect(ws.at('B60002')?.formula).toBeNull();
    expect(ws.valuesOf('E1:F4')).toEqual([
      ['Imported from', 'lines.csv'],
      ['Rows read', '1,000,000'],
      ['Customer and driver totals', '60,000'],
      ['Imported on', '2025-03-01 09:30'],
    ]);
    expect(book.hiddenNamesOf('ABC Imported volumes').map((n) => [n.name, n.formula])).toEqual([[IMPORT_OWNER_NAME, `=${IMPORT_OWNER_VALUE}`]]);
    const largest = Math.max(...book.syncLog.map((s) => s.requestBytes));
    expect(largest).toBeLessThan(FOUR_MB);
    expect(largest).toBeGreaterThan(256 * 1024);
    expect(book.syncLog.length).toBeGreaterThan(5);
  });

  test("the user's ABC_Volumes (a name, a sheet's own name, a table) stops the import, naming it; nothing is added", async () => {
    const book = emptyBook();
    book.addSheet('Transactions').setValues('A1', [['Customer', 'Driver', 'Quantity'], ['A', 'Orders', 1]]);
    book.addName('ABC_Volumes', "=Transactions!$A$1:$C$2");
    const e = await refusal(writeVolumes(fakeRun(book), table([['A', 'Orders', 2]])));
    expect(e.kind).toBe('volumesExist');
    expect(e.items).toEqual(['ABC_Volumes =Transactions!$A$1:$C$2']);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Transactions']);
    expect(book.names.map((n) => n.formula)).toEqual(['=Transactions!$A$1:$C$2']);

    const scoped = emptyBook();
    scoped.addSheet('Jan').addName('ABC_Volumes', '=Jan!$A$1:$C$9');
    scoped.addTable('abc_volumes', 'Sheet1', 'A1:C3');
    const both = await refusal(writeVolumes(fakeRun(scoped), table([['A', 'Orders', 2]])));
    expect(both.kind).toBe('volumesExist');
    expect(both.items).toEqual(['abc_volumes (table)', 'Jan!ABC_Volumes =Jan!$A$1:$C$9']);
    expect(scoped.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Jan']);
  });

  test("a re-import replaces the earlier import's sheet and re-points the name; a user's sheet of that name is left alone", async () => {
    const book = emptyBook();
    await writeVolumes(fakeRun(book), table([['A', 'Orders', 1]], 'first.csv'));
    await writeVolumes(fakeRun(book), table([['B', 'Orders', 2], ['C', 'Orders', 3]], 'second.csv'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'ABC Imported volumes']);
    expect(book.names.map((n) => [n.name, n.formula])).toEqual([['ABC_Volumes', "='ABC Imported volumes'!$A$1:$C$3"]]);
    expect(book.sheet('ABC Imported volumes')?.valuesOf('A2:C3')).toEqual([
      ['B', 'Orders', 2],
      ['C', 'Orders', 3],
    ]);
    expect(book.sheet('ABC Imported volumes')?.valuesOf('F1')).toEqual([['second.csv']]);

    const mine = emptyBook();
    mine.addSheet('ABC Imported volumes').setValues('A1', [['my own notes']]);
    const out = await writeVolumes(fakeRun(mine), table([['A', 'Orders', 1]]));
    expect(out.sheets).toEqual(['ABC Imported volumes (2)']);
    expect(mine.sheet('ABC Imported volumes')?.valuesOf('A1:B1')).toEqual([['my own notes', null]]);
    expect(mine.names.map((n) => n.formula)).toEqual(["='ABC Imported volumes (2)'!$A$1:$C$2"]);
  });

  test("a re-import updates the import's sheet in place: the user's formulas over it keep working, old rows go", async () => {
    const book = emptyBook();
    await writeVolumes(fakeRun(book), table([['A', 'Orders', 1], ['B', 'Orders', 5], ['C', 'Orders', 9]], 'first.csv'));
    const sheet1 = book.sheet('Sheet1') as FakeSheet;
    sheet1.setFormulas('A1', [["='ABC Imported volumes'!C2"], ['=VLOOKUP("B", \'ABC Imported volumes\'!$A:$C, 3, FALSE)']]);
    expect(sheet1.valuesOf('A1:A2')).toEqual([[1], [5]]);
    const out = await writeVolumes(fakeRun(book), table([['A', 'Orders', 2], ['B', 'Orders', 7]], 'second.csv'));
    expect(out).toMatchObject({ sheets: ['ABC Imported volumes'], replaced: ['ABC Imported volumes'] });
    // Deleting the sheet turned these into #REF! for good; updated in place they follow the new figures.
    expect(sheet1.valuesOf('A1:A2')).toEqual([[2], [7]]);
    const ws = book.sheet('ABC Imported volumes') as FakeSheet;
    expect(ws.valuesOf('A1:C4')).toEqual([['Customer', 'Driver', 'Quantity'], ['A', 'Orders', 2], ['B', 'Orders', 7], [null, null, null]]);
    expect(ws.valuesOf('F1')).toEqual([['second.csv']]);
    expect(book.names.map((n) => [n.name, n.formula])).toEqual([['ABC_Volumes', "='ABC Imported volumes'!$A$1:$C$3"]]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'ABC Imported volumes']);
    expect(book.hiddenNamesOf('ABC Imported volumes').map((n) => n.name)).toEqual([IMPORT_OWNER_NAME]);
  });

  test('a hidden, filtered import sheet is updated in place, stays hidden, and every row lands in its place', async () => {
    const book = emptyBook();
    await writeVolumes(fakeRun(book), table([['A', 'Orders', 1], ['B', 'Orders', 5], ['C', 'Orders', 9]]));
    const ws = book.sheet('ABC Imported volumes') as FakeSheet;
    ws.setAutoFilter('A1:C4', [2, 3], true);
    book.setVisibility(ws, 'Hidden');
    await writeVolumes(fakeRun(book), table([['A', 'Orders', 2], ['B', 'Orders', 7], ['C', 'Orders', 8]]));
    expect(ws.valuesOf('A2:C4')).toEqual([['A', 'Orders', 2], ['B', 'Orders', 7], ['C', 'Orders', 8]]);
    expect(ws.visibility).toBe('Hidden');
    expect(ws.autoFilter?.hiddenRows.size).toBe(0);
  });

  test('more rows than a sheet holds stop the import before the first request', async () => {
    const book = emptyBook();
    const rows: VolumesTable['rows'] = Array.from({ length: 1_048_576 }, (_, i) => [`C${i}`, 'Orders', 1]);
    const e = await refusal(writeVolumes(fakeRun(book), table(rows)));
    expect(e.kind).toBe('tooManyRows');
    expect(e.items).toEqual(['1,048,577']);
    expect(book.syncLog).toEqual([]);
    expect(stringsFor('en').errorsOf.tooManyRows('1,048,577').title).toContain('1,048,577 rows');
    expect(stringsFor('nl').errorsOf.tooManyRows('1.048.577').title).toContain('1.048.577 rijen');
    // One row fewer fits.
    expect(rows.pop()).toBeDefined();
    await expect(writeVolumes(fakeRun(book), table(rows.slice(0, 10)))).resolves.toMatchObject({ sheets: ['ABC Imported volumes'] });
  });

  test('Cancel during the write removes the new sheet and sets no name', async () => {
    const book = emptyBook();
    const abort = new AbortController();
    const rows: VolumesTable['rows'] = Array.from({ length: 100_000 }, (_, i) => [`C${i}`, 'Orders', i]);
    const write = writeVolumes(fakeRun(book), table(rows), {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.done > 30_000) abort.abort();
      },
    });
    const e = await refusal(write);
    expect(e.kind).toBe('cancelled');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(book.names).toEqual([]);
  });
});
