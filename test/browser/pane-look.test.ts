/**
 * The pane follows Office's theme and keeps the keyboard focus, in the built page in headless Chromium
 * against the simulated host: dark under Excel's Black theme (test-output/taskpane-dark.png), high contrast
 * under forced colours, light when the host tells no theme; and a button that has the focus keeps it while
 * the pane re-reads the model in the background after an edit (busy buttons are aria-disabled, not disabled).
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { describeIfChromium, openPane, OUTPUT, paneSession } from './harness';

describeIfChromium('the pane’s look and focus in headless Chromium', () => {
  jest.setTimeout(180_000);
  const session = paneSession();
  const problems: string[] = [];

  async function open(query: string): Promise<Page> {
    const page = await openPane(session, query, problems);
    await page.getByTestId('issue').first().waitFor();
    return page;
  }

  /** The computed background and text colour of the pane's main area, and the look it took. */
  function colours(page: Page): Promise<{ background: string; color: string; look: string | null; scheme: string }> {
    return page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      const style = getComputedStyle(main);
      return {
        background: style.backgroundColor,
        color: style.color,
        look: document.querySelector('[data-look]')?.getAttribute('data-look') ?? null,
        scheme: document.documentElement.style.colorScheme,
      };
    });
  }

  test('Excel’s Black theme: a dark pane', async () => {
    const page = await open('lang=en-US&theme=black');
    // webDarkTheme's colorNeutralBackground1 (#292929) and colorNeutralForeground1 (#ffffff).
    expect(await colours(page)).toEqual({ background: 'rgb(41, 41, 41)', color: 'rgb(255, 255, 255)', look: 'dark', scheme: 'dark' });
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('Colorful, and a host that tells no theme: light; forced colours: high contrast, as they change', async () => {
    const page = await open('lang=en-US');
    expect(await colours(page)).toEqual({ background: 'rgb(255, 255, 255)', color: 'rgb(36, 36, 36)', look: 'light', scheme: 'light' });
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForFunction(() => document.querySelector('[data-look]')?.getAttribute('data-look') === 'highContrast');
    expect((await colours(page)).scheme).toBe('dark');
    await page.emulateMedia({ forcedColors: 'none' });
    await page.waitForFunction(() => document.querySelector('[data-look]')?.getAttribute('data-look') === 'light');
    await page.close();

    const none = await open('lang=en-US&theme=none');
    expect((await colours(none)).look).toBe('light');
    expect(problems).toEqual([]);
    await none.close();
  });

  test('a busy button keeps the keyboard focus, and a re-read after an edit leaves the buttons alone', async () => {
    const page = await open('lang=en-US');
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();
    const check = page.getByTestId('check');
    await check.focus();
    // Every change of the button's busy state, with where the focus was at that moment.
    await page.evaluate(() => {
      const button = document.querySelector('[data-testid="check"]') as HTMLElement;
      const log: Array<{ ariaDisabled: string | null; disabled: boolean; focused: boolean }> = [];
      (window as unknown as { __focusLog: typeof log }).__focusLog = log;
      new MutationObserver(() =>
        log.push({ ariaDisabled: button.getAttribute('aria-disabled'), disabled: button.hasAttribute('disabled'), focused: document.activeElement === button }),
      ).observe(button, { attributes: true, attributeFilter: ['aria-disabled', 'disabled'] });
    });
    type Entry = { ariaDisabled: string | null; disabled: boolean; focused: boolean };
    // Check model from the keyboard: the pane is busy, the button says so and keeps the focus.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const log = (window as unknown as { __focusLog: Entry[] }).__focusLog;
      const busy = (e: Entry | undefined): boolean => e !== undefined && (e.ariaDisabled === 'true' || e.disabled);
      return log.some(busy) && !busy(log[log.length - 1]);
    });
    const log = await page.evaluate(() => (window as unknown as { __focusLog: Entry[] }).__focusLog);
    expect(log.filter((e) => e.ariaDisabled === 'true').length).toBeGreaterThan(0);
    expect(log.filter((e) => e.disabled || !e.focused)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check');

    // The user types a new quantity in the workbook; the pane follows on its own, in the background: the
    // buttons are never made busy by it (the follow runs half a second after the edit).
    await page.evaluate(() => {
      (window as unknown as { __focusLog: Entry[] }).__focusLog.length = 0;
      (window as unknown as { __fakeBook: { sheet: (n: string) => { setValues: (a: string, v: unknown[][]) => void } } }).__fakeBook
        .sheet('Transactions')
        .setValues('C2', [[1234]]);
    });
    await page.waitForTimeout(2_500);
    expect(await page.evaluate(() => (window as unknown as { __focusLog: Entry[] }).__focusLog)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check');
    expect(problems).toEqual([]);
    await page.close();
  });
});
