/**
 * Worksheet functions follow the model, in the built page in headless Chromium against the simulated host:
 * insert the sample, call the page's registered ABC.PROFIT as Excel would (streaming), edit a volume cell
 * through the fake workbook, and see the streamed result change, without Refresh, to the value a direct
 * computation gives. Saves test-output/functions-follow.png.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';
import { sampleGrids } from '../../src/sample';
import { computeModel } from '../../src/taskpane/compute';
import type { CellValue } from '../../src/workbook/grid';

const CUSTOMER = 10527;

/** The customer's net profit computed straight from the sample's grids, with one volume quantity changed. */
function directProfit(row: number, quantity: CellValue): number {
  const grids = new Map(sampleGrids());
  const volumes = grids.get('ABC_Volumes');
  if (volumes === undefined) throw new Error('no volumes');
  const rows = volumes.rows.slice();
  const changed = [...(rows[row - 1] ?? [])];
  changed[2] = quantity;
  rows[row - 1] = changed;
  grids.set('ABC_Volumes', { ...volumes, rows });
  const customer = computeModel({ grids: [...grids], readIssues: [], broken: [] }).json?.customers.find((c) => c.customer === String(CUSTOMER));
  if (customer === undefined) throw new Error('customer missing');
  return customer.netProfit;
}

describeIfChromium('worksheet functions follow the model in headless Chromium', () => {
  jest.setTimeout(180_000);
  const session = paneSession();
  const problems: string[] = [];

  test('editing a volume cell changes a streamed ABC.PROFIT without Refresh', async () => {
    const page: Page = await session.context.newPage();
    collectProblems(page, problems);
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();

    // Excel's call of =ABC.PROFIT(10527): a streaming invocation whose results the page keeps.
    await page.evaluate((customer) => {
      const w = window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => void>; __results: unknown[] };
      w.__results = [];
      w.__customFunctions.PROFIT?.(customer, null, { setResult: (v: unknown) => w.__results.push(v), onCanceled: () => undefined });
    }, CUSTOMER);
    const results = (): Promise<unknown[]> => page.evaluate(() => (window as unknown as { __results: unknown[] }).__results);
    await page.waitForFunction(() => (window as unknown as { __results: unknown[] }).__results.length === 1);
    const rows = sampleGrids().get('ABC_Volumes')?.rows ?? [];
    const row = rows.findIndex((r) => r[0] === CUSTOMER && r[1] === 'Order lines') + 1;
    const quantity = rows[row - 1]?.[2];
    if (row < 2 || typeof quantity !== 'number') throw new Error('no Order lines volume');
    expect(await results()).toEqual([directProfit(row, quantity)]);

    // The user types a new quantity; no button is pressed.
    await page.evaluate(
      ([r, q]) =>
        (window as unknown as { __fakeBook: { sheet: (n: string) => { setValues: (a: string, v: unknown[][]) => void } } }).__fakeBook
          .sheet('Transactions')
          .setValues(`C${r}`, [[q]]),
      [row, quantity + 400],
    );
    await page.waitForFunction(() => (window as unknown as { __results: unknown[] }).__results.length === 2);
    const streamed = await results();
    expect(streamed[1]).toBe(directProfit(row, quantity + 400));
    expect(streamed[1]).not.toBe(streamed[0]);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'functions-follow.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
