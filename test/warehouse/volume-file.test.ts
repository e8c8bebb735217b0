/**
 * Volumes from transaction files through DuckDB: every format gives the P&L of the same rows in the
 * workbook to the cent, and every kind of bad input is an error with its code and its lines.
 */
import { join } from 'path';
import type { Issue } from '../../src/engine/issues';
import { analyseWorkbook } from '../../src/workbook/analyse';
import type { ContractRangeName } from '../../src/workbook/contract';
import type { RangeGrid } from '../../src/workbook/grid';
import { analyseWithVolumes, type VolumeAnalysis } from '../../src/warehouse/analyse-with-volumes';
import type { VolumeSpec } from '../../src/warehouse/volume-source';
import { duck, figures, literal, sampleParts, tempFolder, writeText } from './sample-files';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempFolder()));
afterEach(() => cleanup());

const file = (path: string, decimal: ',' | '.' | null = null): VolumeSpec => ({ kind: 'file', path, decimal });

/** The sample's other ranges with these lines as its long-form ABC_Volumes: what the file must equal. */
function reference(lines: ReadonlyArray<[string, string, number]>): ReturnType<typeof figures> {
  const grids = new Map(sampleParts().others);
  grids.set('ABC_Volumes', { name: 'ABC_Volumes', sheet: 'Transactions', top: 1, left: 1, rows: [['Customer', 'Driver', 'Quantity'], ...lines] });
  const analysis = analyseWorkbook(grids);
  expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return figures(analysis.result);
}

const errorsOf = (a: VolumeAnalysis): Array<Pick<Issue, 'code' | 'message' | 'where'>> =>
  a.issues.filter((i) => i.severity === 'error').map((i) => ({ code: i.code, message: i.message, where: i.where }));

describe('volumes from a transaction file', () => {
  it('reads a comma-separated export with extra columns and gives the P&L of the same rows in the workbook to the cent', async () => {
    const { others, lines } = sampleParts();
    const csv = ['Order,Customer,Driver,Quantity,Date', ...lines.map(([c, d, q], i) => `SO-${i},${c},${d},${q},2026-01-02`)].join('\n');
    const analysis = await analyseWithVolumes(others, file(writeText(dir, 'lines.csv', `${csv}\n`)), 'en');
    expect(errorsOf(analysis)).toEqual([]);
    expect(analysis.read).toEqual({ label: 'lines.csv', rows: lines.length, totals: analysis.model.volumes.length });
    expect(lines.length).toBe(17884);
    const got = figures(analysis.result);
    expect(got).toEqual(reference(lines));
    // The sample's own figures, as the README quotes them for the whole workbook.
    expect(got.customers).toContain('10527 71068.16 326131.85');
    expect(got.operatingProfit).toBe(figures(analyseWorkbook(sampleParts().all).result).operatingProfit);
  });

  it('reads semicolons, decimal commas with thousands points, a BOM, Dutch headers and quoted fields holding the delimiter', async () => {
    const { others, lines } = sampleParts();
    // Fractions that binary floating point cannot hold exactly, and a thousands separator.
    const changed: Array<[string, string, number]> = lines.map(([c, d, q], i) => [c, d, i % 3 === 0 ? q + 0.1 : i % 3 === 1 ? q + 1234.005 : q]);
    const comma = (q: number): string => {
      const [whole, fraction] = q.toFixed(3).replace(/0+$/, '').replace(/\.$/, '').split('.');
      const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      return fraction === undefined ? grouped : `${grouped},${fraction}`;
    };
    const csv = ['Klant;Omschrijving;Kostendrijver;Aantal', ...changed.map(([c, d, q], i) => `"${c}";"order ${i}; ""spoed""";${d};${comma(q)}`)].join('\r\n');
    expect(csv).toContain(';1.235,005');
    const analysis = await analyseWithVolumes(others, file(writeText(dir, 'regels.csv', `\uFEFF${csv}\r\n`)), 'nl');
    expect(errorsOf(analysis)).toEqual([]);
    expect(analysis.read.rows).toBe(changed.length);
    expect(figures(analysis.result)).toEqual(reference(changed));
  });

  it('reads Parquet written by DuckDB, with text ids and decimal quantities', async () => {
    const { others, lines } = sampleParts();
    const csv = writeText(dir, 'lines.csv', ['Customer,Driver,Quantity', ...lines.map(([c, d, q]) => `${c},${d},${q}.25`)].join('\n'));
    const parquet = join(dir, 'lines.parquet');
    await duck([`COPY (SELECT Customer::VARCHAR AS Customer, Driver, Quantity::DECIMAL(18,2) AS Quantity FROM read_csv(${literal(csv)}, all_varchar=true)) TO ${literal(parquet)} (FORMAT parquet)`]);
    const analysis = await analyseWithVolumes(others, file(parquet), 'en');
    expect(errorsOf(analysis)).toEqual([]);
    expect(analysis.read).toMatchObject({ label: 'lines.parquet', rows: lines.length });
    expect(figures(analysis.result)).toEqual(reference(lines.map(([c, d, q]) => [c, d, q + 0.25])));
  });

  it('keeps customer ids as written: 001 and 1 are two customers', async () => {
    const grids = new Map<ContractRangeName, RangeGrid>([
      ['ABC_Pools', { name: 'ABC_Pools', sheet: 'Pools', top: 1, left: 1, rows: [['Pool', 'Cost', 'Capacity'], ['Service', 1000, 1000]] }],
      ['ABC_Activities', { name: 'ABC_Activities', sheet: 'Activities', top: 1, left: 1, rows: [['Activity', 'Pool', 'Driver', 'Minutes'], ['Order entry', 'Service', 'Orders', 1]] }],
      ['ABC_Customers', { name: 'ABC_Customers', sheet: 'Customers', top: 1, left: 1, rows: [['Customer', 'Revenue', 'COGS'], ['001', 1000, 0], [1, 1000, 0]] }],
    ]);
    const path = writeText(dir, 'lines.csv', 'Customer,Driver,Quantity\n001,Orders,200\n1,Orders,300\n001,Orders,0.5\n');
    const analysis = await analyseWithVolumes(grids, file(path), 'en');
    expect(errorsOf(analysis)).toEqual([]);
    const costs = analysis.result?.customers.map((c) => [c.customer, c.costToServe.toFixed(2)]).sort();
    // 1 minute an order at 1 a minute: 200.5 orders for 001, 300 for 1.
    expect(costs).toEqual([['001', '200.50'], ['1', '300.00']]);
  });
});

describe('bad transaction files', () => {
  const sample = (): Map<ContractRangeName, RangeGrid> => sampleParts().others;

  it('stops at lines that are not rows, with their count and physical line numbers (after a quoted line break)', async () => {
    const path = writeText(dir, 'lines.csv', 'Customer,Driver,Quantity,Note\n10008,Orders,1,"two\nlines"\ngarbage\n10008,Orders,1,x\n10008,Orders,1,x,extra\n');
    await expect(analyseWithVolumes(sample(), file(path), 'en')).rejects.toThrow(
      'lines.csv: 2 lines are not a row of 4 fields separated by ",": lines 4 and 6 (line 4: "garbage"). Nothing was computed; correct or remove them and run again.',
    );
  });

  it('lists the first 20 of many such lines', async () => {
    const body = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? '10008,Orders,1' : 'junk')).join('\n');
    const path = writeText(dir, 'lines.csv', `Customer,Driver,Quantity\n${body}\n`);
    const first20 = Array.from({ length: 20 }, (_, i) => 3 + 2 * i).join(', ');
    expect(first20.endsWith('39, 41')).toBe(true);
    await expect(analyseWithVolumes(sample(), file(path), 'en')).rejects.toThrow(
      `lines.csv: 25 lines are not a row of 3 fields separated by ",": 25 lines, the first 20: ${first20} (line 3: "junk").`,
    );
  });

  it('reports text, negative numbers and blank ids in the rows, each kind with its lines', async () => {
    const path = writeText(dir, 'lines.csv', 'Customer,Driver,Quantity\n10008,Orders,1\n10008,Orders,abc\n10008,Orders,-2\n,Orders,1\n10008,Orders,1e\n10008,,3\n');
    const analysis = await analyseWithVolumes(sample(), file(path), 'en');
    expect(analysis.result).toBeNull();
    expect(errorsOf(analysis)).toEqual([
      { code: 'NOT_A_NUMBER', message: 'Quantity must be a number; found "abc".', where: { range: 'lines.csv', value: 'lines 3 and 6' } },
      { code: 'NEGATIVE_VALUE', message: 'Quantity must not be negative; found -2.', where: { range: 'lines.csv', value: 'line 4' } },
      { code: 'MISSING_VALUE', message: 'Customer is blank; every row needs a customer id.', where: { range: 'lines.csv', value: 'line 5' } },
      { code: 'MISSING_VALUE', message: 'Driver is blank; every row needs a driver.', where: { range: 'lines.csv', value: 'line 7' } },
    ]);
  });

  it('reports a customer missing from ABC_Customers at its first line, with its number of lines', async () => {
    // The sample's own rows after the stranger's, so the stranger is the only problem.
    const sampleLines = sampleParts().lines.map((l) => l.join(',')).join('\n');
    const path = writeText(dir, 'lines.csv', `Customer,Driver,Quantity\n10008,Orders,1\n99999,Orders,1\n99999,Order lines,4\n99999,Orders,1\n${sampleLines}\n`);
    const analysis = await analyseWithVolumes(sample(), file(path), 'en');
    expect(analysis.result).toBeNull();
    expect(errorsOf(analysis)).toEqual([
      { code: 'UNKNOWN_CUSTOMER', message: 'Customer "99999" in lines.csv is not in ABC_Customers (3 rows; the first is shown).', where: { range: 'lines.csv', value: 'line 3' } },
    ]);
  });

  it('names the missing columns with their English and Dutch headers', async () => {
    const path = writeText(dir, 'lines.csv', 'Klant;Hoeveelheid\n10008;1\n');
    const analysis = await analyseWithVolumes(sample(), file(path), 'en');
    expect(errorsOf(analysis)).toEqual([
      { code: 'MISSING_COLUMN', message: 'lines.csv has no column Driver / Kostendrijver.', where: { range: 'lines.csv', value: 'line 1' } },
      { code: 'MISSING_COLUMN', message: 'lines.csv has no column Quantity / Aantal.', where: { range: 'lines.csv', value: 'line 1' } },
    ]);
  });

  it('refuses a truncated Parquet file in one sentence', async () => {
    const csv = writeText(dir, 'lines.csv', 'Customer,Driver,Quantity\n10008,Orders,1\n');
    const parquet = join(dir, 'lines.parquet');
    await duck([`COPY (SELECT * FROM read_csv(${literal(csv)})) TO ${literal(parquet)} (FORMAT parquet)`]);
    const { readFileSync, writeFileSync } = await import('fs');
    const bytes = readFileSync(parquet);
    writeFileSync(parquet, bytes.subarray(0, bytes.length - 10));
    await expect(analyseWithVolumes(sample(), file(parquet), 'en')).rejects.toThrow(
      `${parquet} is not a complete Parquet file: its end is missing (cut off while copying or writing?). Export it again.`,
    );
  });

  it('stops on quantities that read two ways, and reads them as told with --decimal', async () => {
    const path = writeText(dir, 'lines.csv', 'Customer,Driver,Quantity\n10008,Orders,1\n10008,Order lines,"1,500"\n10008,Order lines,"2,250"\n');
    const analysis = await analyseWithVolumes(sample(), file(path), 'en');
    expect(errorsOf(analysis)).toEqual([
      {
        code: 'AMBIGUOUS_NUMBER_TEXT',
        message: 'Quantity holds the text 1,500, which could be 1500 or 1.500; enter a real number (a number cell, without thousands separators).',
        where: { range: 'lines.csv', value: 'lines 3 and 4' },
      },
    ]);
    const quantity = async (decimal: ',' | '.'): Promise<string | undefined> => {
      const a = await analyseWithVolumes(sample(), file(path, decimal), 'en');
      return a.model.volumes.find((v) => v.driver === 'Order lines')?.quantity.toString();
    };
    expect(await quantity(',')).toBe('3.75');
    expect(await quantity('.')).toBe('3750');
  });

  it('stops on a file that writes decimals both ways, showing the first of each', async () => {
    const path = writeText(dir, 'lines.csv', 'Customer;Driver;Quantity\n10008;Orders;1\n10008;Orders;2,5\n10008;Orders;7\n10008;Orders;2.25\n');
    const analysis = await analyseWithVolumes(sample(), file(path), 'en');
    expect(errorsOf(analysis)).toEqual([
      {
        code: 'AMBIGUOUS_NUMBER_TEXT',
        message: 'Quantity holds the text 2.25, which could be 225 or 2.25; enter a real number (a number cell, without thousands separators).',
        where: { range: 'lines.csv', value: 'lines 3 and 5' },
      },
    ]);
  });
});
