/**
 * "Import transactions" on CSV files: delimiters, decimal comma or point, BOM, quotes, Dutch headers,
 * exact sums, bad rows with their lines, Cancel, and a character split between two slices.
 */
import { bytesSource } from '../../src/taskpane/import/byte-source';
import type { ImportOutcome, ImportedVolumes } from '../../src/taskpane/import/import-types';
import { ImportCancelled, readCsv } from '../../src/taskpane/import/read-csv';

function csv(text: string, name = 'lines.csv'): ReturnType<typeof bytesSource> {
  return bytesSource(new TextEncoder().encode(text), name);
}

/** The volumes as `customer|driver → quantity`, failing the test when the import was refused. */
function table(outcome: ImportOutcome): Record<string, string> {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return tableOf(outcome.volumes);
}

function tableOf(v: ImportedVolumes): Record<string, string> {
  return Object.fromEntries(v.cells.map((c) => [`${v.customers[c.customer]}|${v.drivers[c.driver]}`, c.quantity]));
}

describe('reading CSV transaction files', () => {
  test('comma-separated, English headers, other columns ignored, rows of one customer and driver added up', async () => {
    const out = await readCsv(csv('Date,Customer,Driver,Quantity,Note\n2024-01-02,C1,Orders,2,x\n2024-01-03,C2,Orders,5,\n2024-01-04,C1,Orders,3,y\n2024-01-04,C1,Order lines,10,\n'));
    expect(table(out)).toEqual({ 'C1|Orders': '5', 'C1|Order lines': '10', 'C2|Orders': '5' });
    expect(out.ok && out.volumes.rows).toBe(4);
    expect(out.ok && out.volumes.source).toBe('lines.csv');
  });

  test('semicolons, decimal commas, a BOM and Dutch headers in another order', async () => {
    const out = await readCsv(csv('\uFEFFAantal;Klant;Kostendrijver\n12,5;1001;Orderregels\n0,25;1001;Orderregels\n3;1002;Orders\n'));
    expect(table(out)).toEqual({ '1001|Orderregels': '12.75', '1002|Orders': '3' });
  });

  test('tabs and pipes are recognised as delimiters', async () => {
    expect(table(await readCsv(csv('Customer\tDriver\tQuantity\nA\tOrders\t1\nA\tOrders\t2\n')))).toEqual({ 'A|Orders': '3' });
    expect(table(await readCsv(csv('Customer|Driver|Quantity\nA|Orders|4\n')))).toEqual({ 'A|Orders': '4' });
  });

  test('quoted fields: delimiters, quotes and a decimal comma inside quotes', async () => {
    const out = await readCsv(csv('Customer,Driver,Quantity\n"Jansen, B.V.","Orders",1\n"Say ""hi""",Orders,"2,5"\n"Jansen, B.V.",Orders,"1,5"\n'));
    expect(table(out)).toEqual({ 'Jansen, B.V.|Orders': '2.5', 'Say "hi"|Orders': '2.5' });
  });

  test('ten thousand times 0.1 is exactly 1000, and 1e-7 and 10^12 add up exactly', async () => {
    const lines = ['Customer,Driver,Quantity'];
    for (let i = 0; i < 10_000; i++) lines.push('C,Minutes,0.1');
    lines.push('D,Units,1e-7', 'D,Units,1000000000000', 'D,Units,0.0000001');
    const out = await readCsv(csv(lines.join('\n')));
    expect(table(out)).toEqual({ 'C|Minutes': '1000', 'D|Units': '1000000000000.0000002' });
  });

  test('names match as the contract matches them and keep their first spelling; ids keep leading zeros', async () => {
    const out = await readCsv(csv('customer,DRIVER,  quantity \n C-2 ,Order  lines,1\nc-2,order lines,2\n001,Orders,1\n1,Orders,1\n'));
    expect(table(out)).toEqual({ 'C-2|Order  lines': '3', '001|Orders': '1', '1|Orders': '1' });
  });

  test('1.234 is 1.234 in a file whose other decimals use a point, 1234 thousandths with a comma mark likewise', async () => {
    expect(table(await readCsv(csv('Customer,Driver,Quantity\nA,Kg,1.234\nA,Kg,0.5\n')))).toEqual({ 'A|Kg': '1.734' });
    expect(table(await readCsv(csv('Customer;Driver;Quantity\nA;Kg;1,234\nA;Kg;2,5\n')))).toEqual({ 'A|Kg': '3.734' });
  });

  test('1.234 in a file with no other decimals is ambiguous: a bad row with its line, nothing to write', async () => {
    const out = await readCsv(csv('Customer,Driver,Quantity\nA,Kg,3\nA,Kg,1.234\n'));
    expect(out).toEqual({
      ok: false,
      source: 'lines.csv',
      problems: [{ code: 'badRows', count: 1 }],
      rows: 2,
      badRowCount: 1,
      badRows: [{ line: 3, reason: 'ambiguous', value: '1.234' }],
    });
  });

  test('bad rows are counted, the first 20 listed by line, and nothing is written', async () => {
    const lines = ['Customer;Driver;Quantity', 'A;Orders;1', ';Orders;1', 'A;;1', 'A;Orders;-2', 'A;Orders;twelve', 'A;Orders;1e13', 'A;Orders;1.234,5', '', 'A;Orders;#N/A'];
    for (let i = 0; i < 30; i++) lines.push('B;Orders;x');
    const out = await readCsv(csv(lines.join('\n')));
    if (out.ok) throw new Error('accepted');
    expect(out.problems).toEqual([{ code: 'badRows', count: 37 }]);
    expect(out.badRowCount).toBe(37);
    expect(out.rows).toBe(38);
    expect(out.badRows.slice(0, 8)).toEqual([
      { line: 3, reason: 'customerMissing', value: '' },
      { line: 4, reason: 'driverMissing', value: '' },
      { line: 5, reason: 'negative', value: '-2' },
      { line: 6, reason: 'notANumber', value: 'twelve' },
      { line: 7, reason: 'outOfRange', value: '1e13' },
      { line: 8, reason: 'thousands', value: '1.234,5' },
      { line: 10, reason: 'notANumber', value: '#N/A' },
      { line: 11, reason: 'notANumber', value: 'x' },
    ]);
    expect(out.badRows).toHaveLength(20);
    expect(out.badRows[19]).toEqual({ line: 23, reason: 'notANumber', value: 'x' });
  });

  test('a file without the contract columns names what is missing and what it has', async () => {
    const out = await readCsv(csv('Klant,Datum,Bedrag\n1,2024-01-01,5\n'));
    expect(out).toEqual({
      ok: false,
      source: 'lines.csv',
      problems: [{ code: 'missingColumns', missing: ['Driver / Kostendrijver', 'Quantity / Aantal'], found: ['Klant', 'Datum', 'Bedrag'] }],
      rows: 0,
      badRowCount: 0,
      badRows: [],
    });
  });

  test('a column given twice (Customer and Klant) stops the import', async () => {
    const out = await readCsv(csv('Customer,Klant,Driver,Quantity\n1,1,Orders,1\n'));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems).toEqual([{ code: 'duplicateColumn', header: 'Klant', first: 'Customer' }]);
  });

  test('headers only, or an empty file: no rows to import', async () => {
    expect(!(await readCsv(csv('Customer,Driver,Quantity\n'))).ok).toBe(true);
    const headersOnly = await readCsv(csv('Customer,Driver,Quantity\n\n'));
    expect(!headersOnly.ok && headersOnly.problems).toEqual([{ code: 'noRows' }]);
    const empty = await readCsv(csv(''));
    expect(!empty.ok && empty.problems).toEqual([{ code: 'noRows' }]);
  });

  test('a total of 10^13 or more is beyond the contract: named with its customer and driver', async () => {
    const out = await readCsv(csv('Customer,Driver,Quantity\nA,Grams,9999999999999\nA,Grams,1\n'));
    expect(!out.ok && out.problems).toEqual([{ code: 'totalOutOfRange', customer: 'A', driver: 'Grams', total: '10000000000000' }]);
  });

  test('slices of 7 bytes: lines, quotes and a multi-byte character split between slices read as one', async () => {
    const text = '\uFEFFCustomer;Driver;Quantity\r\n"Café ""Zuid""";Bestellingen;1,5\r\nCafé "Zuid";Bestellingen;2\r\nÉén;Orders;3\r\n';
    const progress: number[] = [];
    const out = await readCsv(csv(text), { sliceBytes: 7, onProgress: (p) => progress.push(p.bytes) });
    expect(table(out)).toEqual({ 'Café "Zuid"|Bestellingen': '3.5', 'Één|Orders': '3' });
    const size = new TextEncoder().encode(text).length;
    expect(progress[progress.length - 1]).toBe(size);
    expect(progress).toHaveLength(Math.ceil(size / 7));
  });

  test('Cancel stops the read between slices', async () => {
    const abort = new AbortController();
    const lines = ['Customer,Driver,Quantity', ...Array.from({ length: 5_000 }, (_, i) => `C${i % 7},Orders,1`)];
    const read = readCsv(csv(lines.join('\n')), {
      sliceBytes: 1024,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.bytes >= 4096) abort.abort();
      },
    });
    await expect(read).rejects.toBeInstanceOf(ImportCancelled);
  });
});
