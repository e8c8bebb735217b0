/**
 * "Import transactions" in the built pane against the simulated host: a generated 1,000,000-row Dutch CSV
 * (`;`, decimal commas, a BOM, an extra column) for the sample's customers and drivers is refused while
 * the sample's own ABC_Volumes is there, then imported in the worker with its progress on screen
 * (test-output/import-progress.png; copied to docs/ by hand when the pane changes, so a test run never
 * edits a tracked file); the written ABC_Volumes add up, per driver, to the CSV's totals exactly, and
 * Refresh computes the report from them.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateSampleModel } from '../../src/sample';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

const ROWS = 1_000_000;
const SCREENSHOT = path.join(OUTPUT, 'import-progress.png');

/** What the page's fake workbook exposes to the test. */
interface PageBook {
  names: Array<{ name: string; formula: string }>;
  sheet(name: string): { valuesOf(a: string): unknown[][] } | undefined;
}

/** Writes the CSV and returns the expected totals per driver in tenths (every quantity has one decimal at most). */
function writeCsv(file: string): { tenths: Record<string, number>; customers: number } {
  const model = generateSampleModel();
  const customers = (model.find((s) => s.rangeName === 'ABC_Customers')?.rows.slice(1) ?? []).map((r) => String(r[0]));
  const drivers = [...new Set((model.find((s) => s.rangeName === 'ABC_Activities')?.rows.slice(1) ?? []).map((r) => r[2]).filter((d): d is string => typeof d === 'string' && d !== ''))];
  const tenths: Record<string, number> = {};
  const out = fs.openSync(file, 'w');
  let chunk = '\uFEFFKlant;Kostendrijver;Aantal;Ordernummer\r\n';
  for (let i = 0; i < ROWS; i++) {
    const driver = drivers[i % drivers.length] as string;
    const whole = i % 9;
    const tenth = (i * 7) % 10;
    tenths[driver] = (tenths[driver] ?? 0) + whole * 10 + tenth;
    chunk += `${customers[(i * 31) % customers.length]};${driver};${tenth === 0 ? whole : `${whole},${tenth}`};SO-${i}\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return { tenths, customers: customers.length };
}

describeIfChromium('Import transactions: a million-row CSV into the simulated host', () => {
  jest.setTimeout(300_000);
  const session = paneSession();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abc-import-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('refused while the sample has its own ABC_Volumes; then imported with progress, totals equal to the CSV', async () => {
    const csv = path.join(dir, 'transacties-2024.csv');
    const { tenths } = writeCsv(csv);
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();

    const picker = page.getByTestId('import-file');
    await picker.setInputFiles(csv);
    await page.getByText('The workbook already has volumes the add-in did not import: "ABC_Volumes =Transactions!$A$1:$E$').waitFor();

    // The user removes the sample's name, as the message asks, and imports again.
    await page.evaluate(() => {
      const book = (window as unknown as { __fakeBook: PageBook }).__fakeBook;
      book.names.splice(book.names.findIndex((n) => n.name === 'ABC_Volumes'), 1);
    });
    const started = Date.now();
    await picker.setInputFiles(csv);
    const hint = page.getByText(/^[\d,]+ rows read, \d+% of the file$/);
    await hint.waitFor();
    await page.getByText('Importing transactions').waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.getByText(/^Imported 1,000,000 rows as [\d,]+ customer and driver totals on ABC Imported volumes/).waitFor({ timeout: 240_000 });
    const importMs = Date.now() - started;

    const written = await page.evaluate(() => {
      const book = (window as unknown as { __fakeBook: PageBook }).__fakeBook;
      const formula = book.names.find((n) => n.name === 'ABC_Volumes')?.formula ?? '';
      const rows = Number(/\$C\$(\d+)$/.exec(formula)?.[1] ?? 0);
      const values = book.sheet('ABC Imported volumes')?.valuesOf(`A1:C${rows}`) ?? [];
      const tenths: Record<string, number> = {};
      for (const [, driver, quantity] of values.slice(1)) tenths[String(driver)] = (tenths[String(driver)] ?? 0) + Math.round(Number(quantity) * 10);
      return { formula, header: values[0], tenths, note: book.sheet('ABC Imported volumes')?.valuesOf('E1:F3') };
    });
    expect(written.formula).toMatch(/^='ABC Imported volumes'!\$A\$1:\$C\$\d+$/);
    expect(written.header).toEqual(['Customer', 'Driver', 'Quantity']);
    expect(written.tenths).toEqual(tenths);
    expect(written.note).toEqual([
      ['Imported from', 'transacties-2024.csv'],
      ['Rows read', '1,000,000'],
      ['Customer and driver totals', expect.stringMatching(/^[\d,]+$/)],
    ]);

    await page.getByTestId('refresh').click();
    await page.getByText('Report written').waitFor({ timeout: 120_000 });
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, 'import-1m.json'), JSON.stringify({ rows: ROWS, bytes: fs.statSync(csv).size, importMs }, null, 2));
    // eslint-disable-next-line no-console
    console.log(`imported ${ROWS} rows (${fs.statSync(csv).size} bytes) in ${importMs} ms, written and checked`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
