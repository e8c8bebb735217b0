/**
 * The runner with --volumes and --volumes-sql: what it prints, its exit status, and that bad input
 * writes nothing.
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { generateSampleModel } from '../../src/sample/index';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';
import { sampleParts, tempFolder, writeText } from '../warehouse/sample-files';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the runner with a transaction file', () => {
  let dir: string;
  let cleanup: () => void;
  let book: string;
  let report: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempFolder());
    book = join(dir, 'book.xlsx');
    // The sample workbook without ABC_Volumes: the file brings them.
    writeFileSync(book, await buildBlocksWorkbook(generateSampleModel().filter((b) => b.rangeName !== 'ABC_Volumes')));
  });
  afterAll(() => cleanup());
  beforeEach(() => {
    report = join(dir, `report-${Math.random().toString(36).slice(2)}.xlsx`);
  });

  const sampleCsv = (): string => ['Customer,Driver,Quantity', ...sampleParts().lines.map((l) => l.join(','))].join('\n');

  it("computes the sample's P&L from the file, says where the volumes came from, and writes the report", async () => {
    const lines = writeText(dir, 'lines.csv', sampleCsv());
    const { code, out, err } = await run([book, '--volumes', lines, '--out', report]);
    expect(err).not.toContain('ERROR');
    expect(code).toBe(0);
    expect(out).toContain('Volumes from lines.csv: 17,884 rows, 2,345 customer and driver totals (ABC_Volumes of the workbook is not read).');
    // The same totals as the workbook with the same rows in its own ABC_Volumes.
    const whole = join(dir, 'whole.xlsx');
    writeFileSync(whole, await buildBlocksWorkbook(generateSampleModel()));
    const own = await run([whole, '--out', join(dir, 'whole-report.xlsx')]);
    const totals = (text: string): string => text.slice(text.indexOf('Totals'), text.indexOf('Reconciliation'));
    expect(totals(own.out)).toContain('Operating profit');
    expect(totals(out)).toBe(totals(own.out));
    expect(out).toContain(`Report written to ${report}.`);
    expect(existsSync(report)).toBe(true);
  });

  it('prints the note in Dutch with --lang nl', async () => {
    const lines = writeText(dir, 'regels.csv', sampleCsv());
    const { code, out } = await run([book, '--volumes', lines, '--out', report, '--lang', 'nl']);
    expect(code).toBe(0);
    expect(out).toContain('Volumes uit regels.csv: 17.884 rijen, 2.345 totalen per klant en kostendrijver (ABC_Volumes van de werkmap wordt niet gelezen).');
  });

  it('stops with exit status 2 and writes nothing for garbage lines', async () => {
    const lines = writeText(dir, 'garbage.csv', `${sampleCsv()}\nthis is not a row\n`);
    const { code, err } = await run([book, '--volumes', lines, '--out', report]);
    expect(code).toBe(2);
    expect(err).toBe('garbage.csv: 1 line is not a row of 3 fields separated by ",": line 17886 (line 17886: "this is not a row"). Nothing was computed; correct or remove it and run again.');
    expect(existsSync(report)).toBe(false);
  });

  it('stops with exit status 1 and writes nothing for text in the quantity column, naming its lines', async () => {
    const lines = writeText(dir, 'text.csv', `Customer,Driver,Quantity\n10008,Orders,twelve\n${sampleCsv().split('\n').slice(1).join('\n')}`);
    const json = join(dir, 'problems.json');
    const { code, err } = await run([book, '--volumes', lines, '--out', report, '--json', json]);
    expect(code).toBe(1);
    expect(err).toContain('  ERROR NOT_A_NUMBER at text.csv line 2: Quantity must be a number; found "twelve".');
    expect(err).toContain('No report written');
    expect(existsSync(report)).toBe(false);
    expect(existsSync(json)).toBe(true);
  });

  it('hints at --decimal when quantities read two ways', async () => {
    const lines = writeText(dir, 'ambiguous.csv', `Customer;Driver;Quantity\n10008;Orders;1.500\n`);
    const { code, err } = await run([book, '--volumes', lines, '--out', report]);
    expect(code).toBe(1);
    expect(err).toContain('ERROR AMBIGUOUS_NUMBER_TEXT at ambiguous.csv line 2: Quantity holds the text 1.500, which could be 1500 or 1.500');
    expect(err).toContain('Give the decimal mark of the file with --decimal , or --decimal .');
    expect(existsSync(report)).toBe(false);
  });

  it('refuses an output over the transaction file, and a file that does not exist', async () => {
    const lines = writeText(dir, 'keep.csv', sampleCsv());
    expect(await run([book, '--volumes', lines, '--out', lines])).toMatchObject({ code: 2, err: `--out ${lines} is the volume file ${lines}; it is never overwritten.` });
    expect(await run([book, '--volumes', join(dir, 'none.csv'), '--out', report])).toMatchObject({ code: 2, err: `${join(dir, 'none.csv')} does not exist.` });
  });

  it('checks the volume options together before reading anything', async () => {
    expect(await run([book, '--volumes', 'a.csv', '--volumes-sql', 'q.sql'])).toMatchObject({ code: 2, err: 'Give either --volumes or --volumes-sql, not both. Run with --help for usage.' });
    expect(await run([book, '--volumes', 'a.csv', '--db', 'x.duckdb'])).toMatchObject({ code: 2, err: '--db names the database for --volumes-sql; give that too. Run with --help for usage.' });
    expect(await run([book, '--decimal', ';', '--volumes', 'a.csv'])).toMatchObject({ code: 2, err: '--decimal must be , or . (the decimal mark of the volume file); got ;. Run with --help for usage.' });
    expect(await run([book, '--decimal', ','])).toMatchObject({ code: 2, err: '--decimal applies to --volumes or --volumes-sql; give one of them. Run with --help for usage.' });
    expect(await run([book, '--volumes'])).toMatchObject({ code: 2, err: '--volumes needs a file name. Run with --help for usage.' });
  });
});
