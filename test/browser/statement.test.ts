/**
 * The statement picker in the built pane against the simulated host: insert the sample, Refresh, type part
 * of a customer's name, choose the customer, Write statement; the statement sheet is in the workbook with
 * the customer's net profit; after a change to the model a second write updates it without adding a sheet. Saves
 * test-output/statement.png.
 */
import fs from 'fs';
import path from 'path';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

/** What the page's fake workbook exposes to the test. */
interface PageBook {
  sheets: Array<{ name: string }>;
  sheet(name: string): { valuesOf(a: string): unknown[][] } | undefined;
}

describeIfChromium('the statement picker writes one customer statement', () => {
  jest.setTimeout(180_000);
  const session = paneSession();

  test('find Verhoeven by part of its name, Write statement: ABC Statement 10527 with net profit 326,131.85', async () => {
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();
    await page.getByTestId('refresh').click();
    await page.getByText('Report written').waitFor();
    const sheetNames = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheets.map((s) => s.name));
    const refreshed = await sheetNames();

    const write = page.getByTestId('write-statement');
    expect(await write.isDisabled()).toBe(true);
    const picker = page.getByTestId('statement-customer');
    await picker.click();
    await picker.pressSequentially('verhoeven bedr');
    // The picker's own list (the Compare view's choice of kept periods has options too).
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(['10527 — Verhoeven Bedrijfsrestaurants B.V.']);
    await options.first().click();
    expect(await picker.inputValue()).toBe('10527 — Verhoeven Bedrijfsrestaurants B.V.');
    await write.click();
    await page.getByText('Statement written: ABC Statement 10527.').waitFor();

    const netProfit = (): Promise<unknown> =>
      page.evaluate(() => {
        const ws = (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('ABC Statement 10527');
        return ws?.valuesOf('A1:B80').find((r) => r[0] === 'Net profit')?.[1] ?? null;
      });
    expect(await netProfit()).toBe(326131.85);
    expect(await sheetNames()).toEqual([...refreshed, 'ABC Statement 10527']);

    // 10527 gets 1,000 more rush orders and its statement is written again: the same sheet, updated in place.
    await page.evaluate(() => {
      const book = (window as unknown as { __fakeBook: { sheet(n: string): { setValues(a: string, v: unknown[][]): void } } }).__fakeBook;
      book.sheet('Transactions').setValues('A3', [[10527, 'Rush orders', 1000]]);
    });
    await write.click();
    await page.waitForFunction(() => {
      const ws = (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('ABC Statement 10527');
      return ws?.valuesOf('A1:B80').find((r) => r[0] === 'Net profit')?.[1] !== 326131.85;
    });
    await page.getByText('Statement written: ABC Statement 10527.').waitFor();
    expect(await netProfit()).toBe(204786.68);
    expect(await sheetNames()).toEqual([...refreshed, 'ABC Statement 10527']);

    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'statement.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
