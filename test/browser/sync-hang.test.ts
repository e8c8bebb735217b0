/**
 * The built task pane in headless Chromium against the simulated host, with Excel no longer answering: the
 * fake's syncs hang (`__fakeBook.faults.hang`), the page asks for a short sync time limit
 * (`?syncTimeoutMs=`, read by src/excel/host.ts). A Refresh must end in the timeout message with the
 * buttons enabled again, and work once Excel answers. Saves test-output/sync-hang.png.
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
// Its own build folder: the other browser test empties its own while it builds.
const DIST = path.join(OUTPUT, 'browser-dist-sync-hang');

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

describeIfChromium('the task pane when Excel stops answering', () => {
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

  async function open(query: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${base}/taskpane.html?${query}`);
    return page;
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
