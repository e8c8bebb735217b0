/**
 * The real production build for a company's URL (`npm run build -- --env url=https://excel.example.com/abc/`,
 * the same webpack configuration, into a temporary folder): no "localhost" in any file it writes, a
 * manifest that passes the checks of manifest.xml with every address under the base URL and every file it
 * names present, and — served under /abc/ with the headers docs/deploy.md prescribes — a pane that loads
 * every file from the sub-path, runs the sample in its worker under the Content-Security-Policy, and asks
 * nothing of any other server but office.js from Microsoft's CDN.
 *
 * Slow (one production webpack build, one to two minutes on 2 cores): the browser tests' development build
 * cannot be reused, since this one is minified, hashed and has the office.js tag.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, FOREVER, headersFor, REVALIDATE } from '../../scripts/hosting-headers';
import { officeVersion } from '../../scripts/manifest-for-url';
import { buildForProduction, buildSimHost } from '../browser/build';
import { CHROMIUM, collectProblems, describeIfChromium } from '../browser/harness';
import { child, describeManifestChecks, manifestUrls, parseManifest } from '../helpers/manifest-checks';

const ROOT = path.resolve(__dirname, '..', '..');
const BASE = 'https://excel.example.com/abc/';
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

let work = '';
let dist = '';

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'abc-deploy-'));
  dist = path.join(work, 'dist');
  // The URL without its trailing slash, as a person might type it: the build adds the slash.
  await buildForProduction(dist, BASE.slice(0, -1));
}, 10 * 60_000);

afterAll(() => {
  if (work !== '') fs.rmSync(work, { recursive: true, force: true });
});

describe('the production build for https://excel.example.com/abc/', () => {
  test('no file it writes mentions localhost', () => {
    const files = filesUnder(dist);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /localhost/i.test(fs.readFileSync(path.join(dist, f), 'latin1')))).toEqual([]);
  });

  test('writes manifest.xml with every address under the base, every file it names present, the version from package.json', () => {
    const root = parseManifest(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8'));
    expect(child(root, 'Version')?.text).toBe(officeVersion(PKG.version));
    const named = [...new Set(manifestUrls(root).filter((u) => u.startsWith(BASE)).map((u) => u.slice(BASE.length)))].sort();
    expect(named).toEqual(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'functions.js', 'functions.json', 'taskpane.html']);
    for (const file of named) expect(fs.existsSync(path.join(dist, file))).toBe(true);
  });

  test('taskpane.html loads its scripts by relative names (so any sub-path works), the functions first, the pane script with a content hash', () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    // The functions before the pane: they register before any of the pane's code runs (webpack.config.js).
    expect(scripts).toEqual([OFFICE_JS, 'functions.js', expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    for (const script of scripts.slice(1)) expect(fs.existsSync(path.join(dist, script as string))).toBe(true);
    expect(headersFor(scripts[2] as string)['Cache-Control']).toBe(FOREVER);
    for (const fixed of ['taskpane.html', 'functions.js', 'functions.json', 'compute-worker.js', 'manifest.xml', 'assets/icon-32.png']) {
      expect(headersFor(fixed)['Cache-Control']).toBe(REVALIDATE);
    }
  });
});

describeManifestChecks('the built dist/manifest.xml, checked as manifest.xml is', () => ({ xml: fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8'), base: BASE, filesRoot: dist }));

describe('docs/deploy.md', () => {
  test('quotes the Content-Security-Policy the test serves, and the cache rules', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');
    expect(doc).toContain(CONTENT_SECURITY_POLICY);
    expect(doc).toContain(`Cache-Control: ${FOREVER}`);
    expect(doc).toContain(`Cache-Control: ${REVALIDATE}`);
  });
});

describeIfChromium('the production build served under /abc/ with the headers of docs/deploy.md, in headless Chromium', () => {
  jest.setTimeout(240_000);

  /** Serves `dist` under /abc/ only, with each file's headers; records every path asked for and its status. */
  function serveUnderSubPath(served: Array<{ path: string; status: number }>): Promise<http.Server> {
    const server = http.createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = pathname.startsWith('/abc/') ? pathname.slice('/abc/'.length) : null;
      const full = file === null ? '' : path.join(dist, file);
      const status = file !== null && full.startsWith(dist) && fs.existsSync(full) && fs.statSync(full).isFile() ? 200 : 404;
      served.push({ path: pathname, status });
      if (status === 404) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, headersFor(file as string));
      fs.createReadStream(full).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }

  test('every file loads from the sub-path, the sample computes in the worker, nothing is refused, no other server is asked', async () => {
    const sim = path.join(work, 'sim');
    await buildSimHost(sim);
    const served: Array<{ path: string; status: number }> = [];
    const server = await serveUnderSubPath(served);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
    try {
      const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
      // The simulated Excel host stands in for Office; office.js itself (no network here) is answered empty.
      await context.addInitScript({ path: path.join(sim, 'sim-host.js') });
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const elsewhere: string[] = [];
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js: the simulated host defines Office */' });
        if (url.startsWith(origin)) return route.continue();
        elsewhere.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await page.goto(`${origin}/abc/taskpane.html?lang=en-US`);
      await page.getByTestId('insert-sample').click();
      await page.getByText('Sample model inserted').waitFor();
      await page.getByTestId('refresh').click();
      await page.getByText('Report written').waitFor();
      await page.getByTestId('whale-curve').waitFor();
      expect(await page.getByTestId('figure-loss-making').innerText()).toMatch(/\d+ of 250/);

      expect(workers).toEqual([`${origin}/abc/compute-worker.js`]);
      expect(served.filter((s) => s.status !== 200)).toEqual([]);
      const paths = served.map((s) => s.path);
      expect(paths).toEqual(expect.arrayContaining(['/abc/taskpane.html', '/abc/functions.js', '/abc/compute-worker.js']));
      expect(paths.some((p) => /^\/abc\/taskpane\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
      expect(paths.filter((p) => !p.startsWith('/abc/'))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
