/**
 * "Import transactions" through the pane's controller against the fake workbook: the sample's
 * transactions exported as a Dutch CSV and imported give the same P&L to the cent as the sample's own
 * ABC_Volumes; a bad file writes nothing and lists its bad rows; progress is in bytes and rows. And the
 * typed-array packing of the grids sent to the worker reads back cell for cell.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { sessionComputer } from '../../src/taskpane/computer';
import { PaneController, type PaneState } from '../../src/taskpane/controller';
import { packGrid } from '../../src/taskpane/grid-columns';
import { unpackGrid } from './unpack-grid';
import { stringsFor } from '../../src/taskpane/i18n';
import { generateSampleModel } from '../../src/sample';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';
import { fakeRun, type FakeWorkbook } from '../excel/fake-excel';
import { sampleWorkbook, trimmed } from '../excel/helpers';

function pane(book: FakeWorkbook): { controller: PaneController; states: PaneState[] } {
  const controller = new PaneController(createExcelGateway(fakeRun(book)), sessionComputer(), stringsFor('en'));
  controller.now = () => new Date(2025, 2, 1, 9, 30);
  const states: PaneState[] = [];
  controller.subscribe((s) => states.push(s));
  return { controller, states };
}

/** A Blob with a name, as the file picker gives. */
function file(text: string, name: string): Blob & { name: string } {
  return Object.assign(new Blob([text]), { name });
}

/** The sample's transactions as a Dutch export: `;`, decimal commas, a BOM, an extra column, quoted names. */
function sampleCsv(): { text: string; rows: number } {
  const volumes = generateSampleModel().find((s) => s.rangeName === 'ABC_Volumes');
  if (volumes === undefined) throw new Error('no volumes in the sample');
  const lines = ['\uFEFFKlant;Kostendrijver;Aantal;Referentie'];
  for (const row of volumes.rows.slice(1)) lines.push(`${String(row[0])};"${String(row[1])}";${String(row[2]).replace('.', ',')};${String(row[3])}`);
  return { text: lines.join('\r\n') + '\r\n', rows: volumes.rows.length - 1 };
}

describe('importing transactions in the pane', () => {
  test("the sample's transactions as a Dutch CSV give the same P&L to the cent as the sample's own ABC_Volumes", async () => {
    const original = sampleWorkbook();
    const before = pane(original);
    await before.controller.check();
    const expected = before.controller.getState().output?.json;
    if (expected === null || expected === undefined) throw new Error('the sample did not compute');

    const book = sampleWorkbook();
    // The user removed the sample's ABC_Volumes, as the pane asks before an import may set it.
    book.names.splice(book.names.findIndex((n) => n.name === 'ABC_Volumes'), 1);
    const { controller, states } = pane(book);
    const csv = sampleCsv();
    await controller.importTransactions(file(csv.text, 'transacties.csv'));
    const s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.importReport).toBeNull();
    expect(s.notice?.text).toMatch(new RegExp(`^Imported ${csv.rows} rows as \\d+ customer and driver totals on ABC Imported volumes; ABC_Volumes points at them\\.$`));
    expect(book.names.find((n) => n.name === 'ABC_Volumes')?.formula).toMatch(/^='ABC Imported volumes'!\$A\$1:\$C\$\d+$/);
    expect(book.sheet('ABC Imported volumes')?.valuesOf('E1:F4')).toEqual([
      ['Imported from', 'transacties.csv'],
      ['Rows read', String(csv.rows)],
      ['Customer and driver totals', expect.stringMatching(/^\d+$/)],
      ['Imported on', '2025-03-01 09:30'],
    ]);
    const json = s.output?.json;
    expect(json?.customers.map((c) => [c.customer, c.netProfit])).toEqual(expected.customers.map((c) => [c.customer, c.netProfit]));
    expect(json?.totals).toEqual(expected.totals);
    // Progress: bytes of the file and rows read, ending at the whole file.
    const importing = states.flatMap((st) => (st.progress?.stage === 'importing' ? [st.progress] : []));
    const last = importing[importing.length - 1];
    expect(last?.done).toBe(new Blob([csv.text]).size);
    expect(last?.total).toBe(new Blob([csv.text]).size);
    expect(last?.rows).toBe(csv.rows);
  });

  test('a file with bad rows writes nothing and lists them with their lines', async () => {
    const book = sampleWorkbook();
    book.names.splice(book.names.findIndex((n) => n.name === 'ABC_Volumes'), 1);
    const sheetsBefore = book.sheets.map((s) => s.name);
    const { controller } = pane(book);
    await controller.importTransactions(file('Customer,Driver,Quantity\n10527,Orders,3\n10527,,1\n10559,Orders,-1\n', 'bad.csv'));
    expect(controller.getState().importReport).toEqual({
      title: 'Nothing was imported from bad.csv.',
      lines: ['2 rows cannot be counted; fix them and import again.', 'Line 3: no driver.', 'Line 4: quantity -1 is negative.'],
    });
    expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(book.names.some((n) => n.name === 'ABC_Volumes')).toBe(false);
  });

  test("with the sample's own ABC_Volumes still there the import stops and names it", async () => {
    const book = sampleWorkbook();
    const { controller } = pane(book);
    await controller.importTransactions(file('Customer,Driver,Quantity\n10527,Orders,3\n', 'lines.csv'));
    const s = controller.getState();
    expect(s.error?.kind).toBe('volumesExist');
    expect(s.error?.items).toEqual([expect.stringMatching(/^ABC_Volumes =Transactions!\$A\$1:\$E\$\d+$/)]);
    expect(book.sheet('ABC Imported volumes')).toBeUndefined();
  });
});

describe('grids packed into typed arrays for the worker', () => {
  test('numbers, texts, blanks, error values, booleans, dates and suspect cells read back cell for cell', () => {
    const rows: CellValue[][] = [
      ['Customer', 'Driver', 'Quantity', 'Note'],
      [1001, 'Orders', 0.1, null],
      ['001', 'Orders', '12.5', 'x'],
      [{ error: '#N/A' }, true, new Date(Date.UTC(2024, 2, 31)), { percent: 0.02 }],
      [],
      [1001, null, 1e-7],
      ['  C-2 ', 'Order  lines', { formula: 'A1+1' }, { stored: '900,5' }],
      [null, null, null, 'only a note'],
    ];
    const grid: RangeGrid = { name: 'ABC_Volumes', sheet: 'Transactions', top: 3, left: 2, rows };
    const { packed, transfer } = packGrid(grid);
    // Codes of every column (8 rows × 4 bytes) and the numbers of the two columns that have any (8 × 8 bytes).
    expect(transfer.map((b) => b.byteLength)).toEqual([32, 64, 32, 32, 64, 32]);
    expect(packed.side).toHaveLength(6);
    const back = unpackGrid(structuredClone(packed));
    expect(back).toEqual({ ...grid, rows: trimmed(rows) });
    expect(Object.is((back.rows[5] as CellValue[])[2], 1e-7)).toBe(true);
  });
});
