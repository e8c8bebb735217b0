/**
 * The built task pane in headless Chromium (Debian's package) against the simulated Excel host: insert the
 * sample model, refresh, see the headline figures and the whale curve, break the model, click an error and
 * check that the workbook selected its cell. Saves test-output/taskpane.png.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildForBrowserTest } from './build';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..');
const OUTPUT = path.join(ROOT, 'test-output');
const DIST = path.join(OUTPUT, 'browser-dist');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png' };

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (file.endsWith('favicon.ico')) {
      res.writeHead(204).end();
      return;
    }
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const available = fs.existsSync(CHROMIUM);
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: the browser test needs Debian's Chromium at ${CHROMIUM} (apt-get install chromium).`);
}
const describeIfChromium = available ? describe : describe.skip;

describeIfChromium('the task pane in headless Chromium with a simulated Excel host', () => {
  jest.setTimeout(180_000);
  let server: http.Server;
  let context: BrowserContext;
  let base: string;
  let profile: string;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.rmSync(DIST, { recursive: true, force: true });
    await buildForBrowserTest(DIST);
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'abc-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 420, height: 900 },
    });
    await context.addInitScript({ path: path.join(DIST, 'test', 'sim-host.js') });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile !== undefined) fs.rmSync(profile, { recursive: true, force: true });
  });

  async function open(lang: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${base}/taskpane.html?lang=${lang}`);
    return page;
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
    expect(sheets).toEqual(['Sheet1', 'Pools', 'Activities', 'Customers', 'Transactions', 'Customer costs', 'Settings', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary']);
    const netProfit = await page.getByTestId('figure-net-profit').innerText();
    expect(netProfit).toMatch(/€/);
    const lossMaking = await page.getByTestId('figure-loss-making').innerText();
    expect(lossMaking).toMatch(/\d+ of 250/);
    const points = await page.locator('[data-testid="whale-curve"] path').getAttribute('d');
    expect((points ?? '').split('L').length).toBe(251);
    const notice = await page.getByTestId('notice').innerText();
    const computeMs = Number(/Computed in ([\d,]+) ms/.exec(notice)?.[1]?.replace(/,/g, ''));
    expect(computeMs).toBeGreaterThanOrEqual(0);
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, 'taskpane-measurements.json'), JSON.stringify({ computeMsInWorker: computeMs, notice }, null, 2));
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane.png'), fullPage: true });

    // Break the model: text where Pools!B2 needs a number.
    await page.evaluate(() => {
      (window as unknown as { __fakeBook: { sheet: (n: string) => { setValues: (a: string, v: unknown[][]) => void } } }).__fakeBook
        .sheet('Pools')
        .setValues('B2', [['lots']]);
    });
    await page.getByTestId('check').click();
    const issue = page.locator('[data-code="NOT_A_NUMBER"]');
    await issue.waitFor();
    await issue.getByTestId('issue-link').click();
    await page.waitForFunction(() => (window as unknown as { __fakeBook: { selection: unknown } }).__fakeBook.selection !== null);
    expect(await page.evaluate(() => (window as unknown as { __fakeBook: { selection: unknown } }).__fakeBook.selection)).toEqual({ sheet: 'Pools', address: 'B2' });
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
