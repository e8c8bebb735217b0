/**
 * The built task pane in headless Chromium (Debian's package) against the simulated Excel host: insert the
 * sample model, refresh, see the headline figures and the whale curve, break the model, click an error and
 * check that the workbook selected its cell. Saves test-output/taskpane.png.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { describeIfChromium, openPane, OUTPUT, paneSession } from './harness';

describeIfChromium('the task pane in headless Chromium with a simulated Excel host', () => {
  jest.setTimeout(180_000);
  const session = paneSession();
  const problems: string[] = [];

  async function open(lang: string): Promise<Page> {
    return openPane(session, `lang=${lang}`, problems);
  }

  test('insert the sample, refresh, figures and whale curve, click an error to select its cell', async () => {
    const page = await open('en-US');
    // An empty workbook: the first check reports the missing ranges.
    await page.getByTestId('issue').first().waitFor();
    expect(await page.locator('[data-code="MISSING_RANGE"]').count()).toBe(4);

    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();
    expect(await page.getByTestId('range-ABC_Volumes').innerText()).toContain('17,884');

    await page.getByTestId('refresh').click();
    await page.getByText('Report written').waitFor();
    await page.getByTestId('whale-curve').waitFor();
    const sheets = await page.evaluate(() => (window as unknown as { __fakeBook: { sheets: Array<{ name: string }> } }).__fakeBook.sheets.map((s) => s.name));
    // The sample has a ledger and support pools: its Ledger and Support sheets, its 2025 kept in the hidden
    // ABC History, and the report's Cost flow last.
    expect(sheets).toEqual([
      'Sheet1', 'Pools', 'Activities', 'Customers', 'Transactions', 'Customer costs', 'Settings', 'Scenarios', 'Ledger', 'Support', 'ABC History',
      'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow',
    ]);
    const netProfit = await page.getByTestId('figure-net-profit').innerText();
    expect(netProfit).toMatch(/€/);
    const lossMaking = await page.getByTestId('figure-loss-making').innerText();
    expect(lossMaking).toMatch(/\d+ of 250/);
    // The sentence under the curve is the summary sheet's: the peak and the tail that gives profit back.
    expect(await page.getByTestId('whale-sentence').innerText()).toBe('The 139 most profitable customers earn 198% of total profit; the last 111 give 98% of it back.');
    const points = await page.locator('[data-testid="whale-curve"] path').getAttribute('d');
    expect((points ?? '').split('L').length).toBe(251);
    const notice = await page.getByTestId('notice').innerText();
    const computeMs = Number(/Computed in ([\d,]+) ms/.exec(notice)?.[1]?.replace(/,/g, ''));
    expect(computeMs).toBeGreaterThanOrEqual(0);
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, 'taskpane-measurements.json'), JSON.stringify({ computeMsInWorker: computeMs, notice }, null, 2));
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane.png'), fullPage: true });

    // Break the model: text where Ledger!C2 needs a number (a ledger Amount: the pools' Cost cells are blank).
    await page.evaluate(() => {
      (window as unknown as { __fakeBook: { sheet: (n: string) => { setValues: (a: string, v: unknown[][]) => void } } }).__fakeBook
        .sheet('Ledger')
        .setValues('C2', [['lots']]);
    });
    await page.getByTestId('check').click();
    const issue = page.locator('[data-code="NOT_A_NUMBER"]');
    await issue.waitFor();
    await issue.getByTestId('issue-link').click();
    await page.waitForFunction(() => (window as unknown as { __fakeBook: { selection: unknown } }).__fakeBook.selection !== null);
    expect(await page.evaluate(() => (window as unknown as { __fakeBook: { selection: unknown } }).__fakeBook.selection)).toEqual({ sheet: 'Ledger', address: 'C2' });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-error.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('speaks Dutch in a Dutch Excel, with Dutch number formats', async () => {
    const page = await open('nl-NL');
    // An empty workbook: the missing ranges are told in Dutch, detail included.
    const missing = page.locator('[data-code="MISSING_RANGE"]').first();
    await missing.waitFor();
    expect(await missing.innerText()).toContain('De werkmap heeft geen benoemd bereik of tabel ABC_');
    await page.getByText('Voorbeeldmodel invoegen').click();
    await page.getByText('Voorbeeldmodel ingevoegd').waitFor();
    expect(await page.getByTestId('range-ABC_Volumes').innerText()).toContain('17.884');
    await page.getByText('Model controleren').click();
    await page.getByTestId('figure-net-revenue').waitFor();
    expect(await page.getByTestId('figure-net-revenue').innerText()).toMatch(/Netto-omzet\s+€\s?[\d.]+/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
