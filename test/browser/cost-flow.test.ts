/**
 * The pane's cost flow in headless Chromium with the simulated host: the textbook model of two support
 * pools serving each other (Y 7,260, Z 4,000) and two operating pools (A 12,000, B 16,000), each with a
 * ledger, checked: the methods side by side and the picture. Saves test-output/cost-flow-pane.png.
 */
import path from 'path';
import { describeIfChromium, openPane, OUTPUT, paneSession } from './harness';

type Cell = string | number;

/** The textbook model as sheets and names, in the order the contract reads them. */
const SHEETS: Array<[sheet: string, name: string, rows: Cell[][]]> = [
  ['Pools', 'ABC_Pools', [['Pool', 'Cost'], ['Y', 7260], ['Z', 4000], ['A', 12000], ['B', 16000]]],
  ['Activities', 'ABC_Activities', [['Activity', 'Pool', 'Driver', 'Share'], ['Machining', 'A', 'Orders', 1], ['Assembly', 'B', 'Orders', 1]]],
  ['Customers', 'ABC_Customers', [['Customer', 'Name', 'Revenue', 'COGS', 'Segment'], ['C1', 'First', 30000, 10000, 'Retail'], ['C2', 'Second', 60000, 20000, 'Horeca']]],
  ['Volumes', 'ABC_Volumes', [['Customer', 'Driver', 'Quantity'], ['C1', 'Orders', 1], ['C2', 'Orders', 3]]],
  ['Ledger', 'ABC_Resources', [['Account', 'Description', 'Amount', 'Pool'], ['4100', 'Salaries', 7260, 'Y'], ['4100', 'Salaries', 4000, 'Z'], ['4100', 'Salaries', 12000, 'A'], ['4400', 'Energy', 16000, 'B']]],
  ['Support', 'ABC_Support', [['From', 'To', 'Share'], ['Y', 'A', 0.4], ['Y', 'B', 0.4], ['Y', 'Z', 0.2], ['Z', 'A', 0.2], ['Z', 'B', 0.5], ['Z', 'Y', 0.3]]],
  ['Settings', 'ABC_Settings', [['Setting', 'Value'], ['Currency', 'EUR']]],
];

describeIfChromium('the cost flow in the task pane', () => {
  jest.setTimeout(180_000);
  const session = paneSession();
  const problems: string[] = [];

  test('shows the support methods side by side and the picture of the textbook model', async () => {
    const page = await openPane(session, 'lang=en-US', problems);
    await page.getByTestId('issue').first().waitFor();
    await page.evaluate((sheets) => {
      interface Book {
        addSheet: (n: string) => { setValues: (a: string, v: unknown[][]) => void };
        addName: (n: string, f: string) => void;
      }
      const book = (window as unknown as { __fakeBook: Book }).__fakeBook;
      for (const [sheet, name, rows] of sheets) {
        book.addSheet(sheet).setValues('A1', rows);
        const last = String.fromCharCode(64 + (rows[0]?.length ?? 1));
        book.addName(name, `${sheet}!$A$1:$${last}$${rows.length}`);
      }
    }, SHEETS);
    await page.getByTestId('check').click();
    await page.getByTestId('cost-flow').waitFor();

    const rows = await page.getByTestId('support-methods-row').allInnerTexts();
    // Reciprocal A 16,760 and B 22,500 (chosen); step-down 16,461.71 / 22,798.29; direct 16,772.86 / 22,487.14.
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['A', '€16,760.00', '€16,461.71', '€16,772.86', '€311.15'],
      ['B', '€22,500.00', '€22,798.29', '€22,487.14', '€311.15'],
    ]);
    expect(await page.locator('[data-testid="support-methods"] th[data-chosen="true"]').innerText()).toBe('Reciprocal (chosen)');

    const picture = page.getByTestId('cost-flow-picture');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="cost-flow-picture"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
    const svg = decodeURIComponent((await picture.getAttribute('src'))?.replace(/^data:image\/svg\+xml;charset=utf-8,/, '') ?? '');
    for (const label of ['>4100 Salaries € 23,260.00<', '>Y € 7,260.00<', '>A € 16,760.00<', '>Assembly € 22,500.00<', '>Horeca € 29,445.00<']) expect(svg).toContain(label);

    await page.getByTestId('cost-flow').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT, 'cost-flow-pane.png'), fullPage: true });
    // At full size the picture keeps its 1,200 pixels in a frame that scrolls.
    await page.getByTestId('cost-flow-size').click();
    await page.getByText('Fit to the pane').waitFor();
    expect(await picture.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width)).toBe(1200);
    await page.getByTestId('cost-flow').screenshot({ path: path.join(OUTPUT, 'cost-flow-pane-full-size.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
