/**
 * The built task pane in headless Chromium against the simulated host, with Excel no longer answering: the
 * fake's syncs hang (`__fakeBook.faults.hang`), the page asks for a short sync time limit
 * (`?syncTimeoutMs=`, read by src/excel/host.ts). A Refresh must end in the timeout message with the
 * buttons enabled again, and work once Excel answers. Saves test-output/sync-hang.png.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { describeIfChromium, openPane, OUTPUT, paneSession } from './harness';

describeIfChromium('the task pane when Excel stops answering', () => {
  jest.setTimeout(180_000);
  const session = paneSession();
  const problems: string[] = [];

  async function open(query: string): Promise<Page> {
    return openPane(session, query, problems);
  }

  test('a Refresh whose sync never answers ends in a message within the time limit, and the buttons work again', async () => {
    const page = await open('lang=en-US&syncTimeoutMs=1500');
    await page.getByTestId('issue').first().waitFor();
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();

    await page.evaluate(() => {
      (window as unknown as { __fakeBook: { faults: { hang: boolean } } }).__fakeBook.faults.hang = true;
    });
    await page.getByTestId('refresh').click();
    const error = page.getByTestId('error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.innerText()).toContain('Excel did not answer in time.');
    expect(await page.getByTestId('refresh').isEnabled()).toBe(true);
    expect(await page.getByTestId('check').isEnabled()).toBe(true);
    const hung = await page.evaluate(() => (window as unknown as { __fakeBook: { faults: { log: { hung: number } } } }).__fakeBook.faults.log.hung);
    expect(hung).toBeGreaterThanOrEqual(1);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'sync-hang.png'), fullPage: true });

    // Excel answers again: the same button writes the report.
    await page.evaluate(() => {
      (window as unknown as { __fakeBook: { faults: { hang: boolean } } }).__fakeBook.faults.hang = false;
    });
    await page.getByTestId('refresh').click();
    await page.getByText('Report written').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
