/**
 * The built task pane opened outside Excel, in headless Chromium (Debian's package): a browser on the
 * add-in's address without office.js (`Office` undefined), and with an office.js that answers
 * `Office.onReady` with host null and no `Office.context`, as it does outside Office. Either way the page
 * says what it is and how to open it in Excel, in the browser's language, instead of a blank page.
 * Saves test-output/outside-office.png.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { collectProblems, describeIfChromium, OUTPUT, type PaneServer, plainBrowser, servePane } from './harness';

/**
 * office.js in a plain browser tab: `Office.onReady` resolves with host and platform null, and there is no
 * `Office.context`. Records the call so the test knows the pane asked.
 */
const OFFICE_WITHOUT_HOST = `
  window.__onReadyCalls = 0;
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady(callback) {
      window.__onReadyCalls += 1;
      const info = { host: null, platform: null };
      if (callback) callback(info);
      return Promise.resolve(info);
    },
  };
`;

const EN =
  'This page is the task pane of an Excel add-in and does nothing in a browser tab on its own: open a workbook in Excel (Windows, Mac or Excel on the web), add the add-in with Home > Add-ins (or upload its manifest.xml), then choose Home > Customer P&L.';
const NL =
  'Deze pagina is het taakvenster van een Excel-invoegtoepassing en doet op zichzelf niets in een browsertabblad: open een werkmap in Excel (Windows, Mac of Excel voor het web), voeg de invoegtoepassing toe via Start > Invoegtoepassingen (of upload het manifest.xml) en kies daarna Start > Klant-W&V.';

/**
 * functions.js, the custom functions' own script in the same page, ends with the `CustomFunctions.associate`
 * calls custom-functions-metadata-plugin appends; outside Excel there is no `CustomFunctions`, so that script
 * stops there. It does not touch the pane (a separate script), so it is the one error allowed here.
 */
const FUNCTIONS_OUTSIDE_EXCEL = 'pageerror: CustomFunctions is not defined';

describeIfChromium('the task pane opened outside Excel, in headless Chromium', () => {
  jest.setTimeout(180_000);
  let pane: PaneServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    pane = await servePane();
    base = pane.base;
    browser = await plainBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await pane?.close();
  });

  /** Opens the pane in a fresh context with the browser's language; `office` is an init script or none. */
  async function open(locale: string, office: string | null): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 420, height: 640 } });
    if (office !== null) await context.addInitScript({ content: office });
    const page = await context.newPage();
    const errors = collectProblems(page);
    await page.goto(`${base}/taskpane.html`);
    return { page, errors };
  }

  test('without office.js at all (Office undefined), the page says what it is and how to open it in Excel', async () => {
    const { page, errors } = await open('en-US', null);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    await page.getByTestId('outside-office').waitFor();
    expect(await page.getByRole('heading').innerText()).toBe('Customer profitability');
    expect(await page.getByTestId('outside-office-how').innerText()).toBe(EN);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Nothing of the pane itself: no buttons that could not work.
    expect(await page.getByRole('button').count()).toBe(0);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'outside-office.png'), fullPage: true });
    expect(errors.filter((e) => e !== FUNCTIONS_OUTSIDE_EXCEL)).toEqual([]);
    await page.context().close();
  });

  test('in Dutch when the browser is Dutch', async () => {
    const { page, errors } = await open('nl-NL', null);
    await page.getByTestId('outside-office').waitFor();
    expect(await page.getByRole('heading').innerText()).toBe('Klantwinstgevendheid');
    expect(await page.getByTestId('outside-office-how').innerText()).toBe(NL);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(errors.filter((e) => e !== FUNCTIONS_OUTSIDE_EXCEL)).toEqual([]);
    await page.context().close();
  });

  test('with office.js answering Office.onReady with host null and no Office.context', async () => {
    const { page, errors } = await open('en-GB', OFFICE_WITHOUT_HOST);
    await page.getByTestId('outside-office').waitFor();
    expect(await page.getByTestId('outside-office-how').innerText()).toBe(EN);
    expect(await page.evaluate(() => (window as unknown as { __onReadyCalls: number }).__onReadyCalls)).toBeGreaterThanOrEqual(1);
    expect(errors.filter((e) => e !== FUNCTIONS_OUTSIDE_EXCEL)).toEqual([]);
    await page.context().close();
  });
});
