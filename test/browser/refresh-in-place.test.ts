/**
 * The done-when scenario of a Refresh that keeps references, in the built pane against the strict simulated
 * host: insert the sample, refresh, put formulas on Sheet1 that point at the P&L and the Summary, change a
 * volume, refresh twice more; the formulas show the new figures and never #REF!. Saves
 * test-output/refresh-in-place.png.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

/** What the page's fake workbook exposes to the test. */
interface PageBook {
  sheets: Array<{ name: string }>;
  sheet(name: string): {
    setValues(a: string, v: unknown[][]): void;
    setFormulas(a: string, f: string[][]): void;
    valuesOf(a: string): unknown[][];
    at(a: string): { formula: string | null } | undefined;
  };
}

describeIfChromium('a Refresh in the task pane keeps the references to the report', () => {
  jest.setTimeout(180_000);
  const session = paneSession();

  async function refresh(page: Page): Promise<void> {
    await page.getByTestId('refresh').click();
    await page.getByText('Report written').waitFor();
  }

  /** A page with the sample inserted and its report written once. */
  async function sampleWithReport(): Promise<{ page: Page; problems: string[] }> {
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();
    await refresh(page);
    return { page, problems };
  }

  test('formulas on Sheet1 into the P&L and the Summary show the new figures after two Refreshes, never #REF!', async () => {
    const { page, problems } = await sampleWithReport();

    // Where the figures are: the P&L's net profit column and the summary's "Cost to serve" row.
    const cells = await page.evaluate(() => {
      const book = (window as unknown as { __fakeBook: PageBook }).__fakeBook;
      const header = book.sheet('ABC Customer P&L').valuesOf('A3:AD3')[0] ?? [];
      const column = header.indexOf('Net profit');
      const labels = book.sheet('ABC Summary').valuesOf('A1:A40').map((r) => r[0]);
      const row = labels.indexOf('Cost to serve') + 1;
      const letters = column < 26 ? String.fromCharCode(65 + column) : `A${String.fromCharCode(65 + column - 26)}`;
      return { pl: `'ABC Customer P&L'!${letters}4`, summary: `'ABC Summary'!B${row}`, ok: column > 0 && row > 0 };
    });
    expect(cells.ok).toBe(true);
    const dashboard = (): Promise<unknown[][]> =>
      page.evaluate(() => (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('Sheet1').valuesOf('A1:A2'));
    const reportFigures = (): Promise<unknown[][]> =>
      page.evaluate(
        ({ pl, summary }) => {
          const book = (window as unknown as { __fakeBook: PageBook }).__fakeBook;
          const at = (ref: string): unknown => {
            const [sheet, cell] = [ref.slice(1, ref.lastIndexOf('!') - 1), ref.slice(ref.lastIndexOf('!') + 1)];
            return book.sheet(sheet).valuesOf(cell)[0]?.[0];
          };
          return [[at(pl)], [at(summary)]];
        },
        cells,
      );
    await page.evaluate(({ pl, summary }) => {
      (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('Sheet1').setFormulas('A1', [[`=${pl}`], [`=${summary}`]]);
    }, cells);
    const before = await dashboard();
    expect(before).toEqual(await reportFigures());
    const sheetNames = await page.evaluate(() => (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheets.map((s) => s.name));

    for (const quantity of [1_000, 2_000]) {
      // Customer 10527 (the most profitable) gets more rush orders: a time-driven cost, so the figures move.
      await page.evaluate((q) => {
        (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('Transactions').setValues('A3', [[10527, 'Rush orders', q]]);
      }, quantity);
      await refresh(page);
      const now = await dashboard();
      expect(now).toEqual(await reportFigures());
      expect(now.flat().every((v) => typeof v === 'number')).toBe(true);
    }
    const after = await dashboard();
    expect(after[1]).not.toEqual(before[1]);
    expect(await page.evaluate(() => (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('Sheet1').at('A1')?.formula)).toBe(`=${cells.pl}`);
    expect(await page.evaluate(() => (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheets.map((s) => s.name))).toEqual(sheetNames);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'refresh-in-place.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a Refresh killed half-way leaves the previous report readable, and the next one leaves no extra sheets', async () => {
    const { page, problems } = await sampleWithReport();
    const snapshot = (): Promise<{ sheets: string[]; pl: unknown[][]; summary: unknown[][] }> =>
      page.evaluate(() => {
        const book = (window as unknown as { __fakeBook: PageBook }).__fakeBook;
        return { sheets: book.sheets.map((s) => s.name), pl: book.sheet('ABC Customer P&L').valuesOf('A1:Z260'), summary: book.sheet('ABC Summary').valuesOf('A1:C40') };
      });
    const first = await snapshot();

    // The connection drops at the second write of the new report's cells, after the volumes changed.
    await page.evaluate(() => {
      const book = (window as unknown as { __fakeBook: PageBook & { fault: ((op: string) => unknown) | null } }).__fakeBook;
      book.sheet('Transactions').setValues('A3', [[10527, 'Rush orders', 1500]]);
      let writes = 0;
      book.fault = (op) => (op === 'range.values' && ++writes === 2 ? Object.assign(new Error('The network connection was lost.'), { code: 'ConnectionFailure' }) : null);
    });
    await page.getByTestId('refresh').click();
    await page.getByTestId('error').getByText('The connection to Excel was lost.').waitFor();
    expect(await page.getByTestId('refresh').isEnabled()).toBe(true);
    // The old report is there and whole: the same sheets, the same figures.
    const killed = await snapshot();
    expect(killed.pl).toEqual(first.pl);
    expect(killed.summary).toEqual(first.summary);
    await page.screenshot({ path: path.join(OUTPUT, 'refresh-killed.png'), fullPage: true });

    await page.evaluate(() => {
      (window as unknown as { __fakeBook: { fault: unknown } }).__fakeBook.fault = null;
    });
    await refresh(page);
    const second = await snapshot();
    expect(second.sheets).toEqual(first.sheets);
    expect(second.pl).not.toEqual(first.pl);
    expect(problems).toEqual([]);
    await page.close();
  });
});
