/**
 * What every browser test needs: the task pane built once per Jest run (the first test file to get here
 * builds it, the others wait for it — a webpack build per file would cost minutes on a 2-core machine),
 * served on loopback, and Debian's Chromium started with the flags this machine needs.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { buildForBrowserTest } from './build';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..');
/** Screenshots and measurements the tests leave for a person to look at. */
export const OUTPUT = path.join(ROOT, 'test-output');

/** Chromium's flags here: no sandbox as root, and no network traffic of its own (the network is closed). */
const LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

const available = fs.existsSync(CHROMIUM);
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: the browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium).`);
}
/** `describe` where Chromium is installed, `describe.skip` (with the warning above) where it is not. */
export const describeIfChromium = available ? describe : describe.skip;

/** The build of this Jest run (test/global-setup.js names the run; a lone process names its own). */
const RUN = process.env.ABC_TEST_RUN ?? `solo-${process.pid}`;
const DIST = path.join(OUTPUT, `browser-dist-${RUN}`);
const BUILD_WAIT_MS = 15 * 60_000;

/**
 * The pane and the simulated host built into this run's folder. The first caller takes the lock (an
 * atomic mkdir) and builds; every other caller waits for its `done` (or `failed`) mark.
 */
export async function builtPane(): Promise<string> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const done = path.join(DIST, '.done');
  const failed = path.join(DIST, '.failed');
  try {
    fs.mkdirSync(`${DIST}.lock`);
  } catch {
    const until = Date.now() + BUILD_WAIT_MS;
    while (Date.now() < until) {
      if (fs.existsSync(done)) return DIST;
      if (fs.existsSync(failed)) throw new Error(`The pane's build failed: ${fs.readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`The pane's build in ${DIST} did not finish within ${BUILD_WAIT_MS / 60_000} minutes.`);
  }
  try {
    fs.rmSync(DIST, { recursive: true, force: true });
    await buildForBrowserTest(DIST);
    fs.writeFileSync(done, new Date().toISOString());
  } catch (e) {
    fs.mkdirSync(DIST, { recursive: true });
    fs.writeFileSync(failed, e instanceof Error ? e.message : String(e));
    throw e;
  }
  return DIST;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png' };

/** Serves `dir` on a free loopback port. */
export function serve(dir: string): Promise<http.Server> {
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

/** The pane served and a browser to open it in; `close` ends both. */
export interface PaneServer {
  /** `http://127.0.0.1:<port>`, the folder of taskpane.html. */
  base: string;
  dist: string;
  close(): Promise<void>;
}

/** Builds (once per run) and serves the pane. */
export async function servePane(): Promise<PaneServer> {
  const dist = await builtPane();
  const server = await serve(dist);
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dist,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A browser context whose pages load the simulated Excel host before the pane's scripts. */
export interface SimulatedExcel {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile and the simulated host of `dist` on every page. */
export async function withSimulatedExcel(dist: string): Promise<SimulatedExcel> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'abc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 420, height: 900 } });
  await context.addInitScript({ path: path.join(dist, 'test', 'sim-host.js') });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts a plain Chromium (no simulated host), for pages opened outside Excel. */
export function plainBrowser(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

/** Collects a page's script errors and console errors: a browser test ends by expecting none. */
export function collectProblems(page: Page, into: string[] = []): string[] {
  page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`console: ${m.text()}`);
  });
  return into;
}

/** The served pane and a browser with the simulated host, for the tests of one `describe`. */
export interface PaneSession {
  /** `http://127.0.0.1:<port>`, set once `beforeAll` has run. */
  base: string;
  /** The built pane's folder (functions.json, taskpane.html …), set with `base`. */
  dist: string;
  context: BrowserContext;
}

/** A new page of the session on the pane (`query`: `lang=en-US`, `theme=…`), its problems collected into `problems`. */
export async function openPane(session: PaneSession, query: string, problems: string[] = []): Promise<Page> {
  const page = await session.context.newPage();
  collectProblems(page, problems);
  await page.goto(`${session.base}/taskpane.html?${query}`);
  return page;
}

/**
 * Registers the `beforeAll` that serves the pane and starts Chromium with the simulated host, and the
 * `afterAll` that ends both; the session's fields are filled when the tests run.
 */
export function paneSession(): PaneSession {
  const session = { base: '', dist: '' } as PaneSession;
  let pane: PaneServer | undefined;
  let excel: SimulatedExcel | undefined;
  beforeAll(async () => {
    pane = await servePane();
    excel = await withSimulatedExcel(pane.dist);
    session.base = pane.base;
    session.dist = pane.dist;
    session.context = excel.context;
  });
  afterAll(async () => {
    await excel?.close();
    await pane?.close();
  });
  return session;
}
