/**
 * Issue 16, item 4: an output that exists and is not a regular file — a device, a named pipe, a socket, a
 * folder — is refused with exit 2 before anything is written, instead of being replaced by a file (as root,
 * the atomic rename replaced /dev/null) or written to after the JSON already was.
 */
import { spawnSync } from 'child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from 'fs';
import { createServer, type Server } from 'net';
import { join } from 'path';
import { kaplanWorkbook } from '../cli/kaplan-workbook';
import { tempDir } from '../xlsx/workbook-files';
import { cleanupRunner, expectNoStackTrace, runRunner, sha256File } from './harness';

let dir: string;
let cleanup: () => void;
let input: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  input = join(dir, 'model.xlsx');
  await kaplanWorkbook(input);
});
afterAll(() => {
  cleanup();
  cleanupRunner();
});

/** Runs with `args` and expects a refusal naming `flag`, `path` and what it is, with nothing written. */
async function expectRefused(args: string[], flag: string, path: string, what: RegExp): Promise<void> {
  const before = sha256File(input);
  const files = readdirSync(dir).sort();
  const r = await runRunner([input, ...args], { timeoutMs: 30_000 });
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(2);
  expectNoStackTrace(r);
  expect(r.err).toContain(`${flag} ${path}`);
  expect(r.err).toMatch(what);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.peakMb).toBeLessThan(400);
  expect(sha256File(input)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(files);
}

const isRoot = process.getuid?.() === 0;

/**
 * A character device of our own, the same as /dev/null (1, 3): the test must not risk the system's
 * /dev/null on a machine where the fix is missing.
 */
function makeNullDevice(path: string): void {
  expect(spawnSync('mknod', ['-m', '666', path, 'c', '1', '3']).status).toBe(0);
}

(isRoot ? it : it.skip)('refuses a device as --out, --json or --svg and leaves the device a device', async () => {
  const device = join(dir, 'null');
  makeNullDevice(device);
  try {
    await expectRefused(['--out', device], '--out', device, /device/);
    await expectRefused(['--out', join(dir, 'r.xlsx'), '--json', device], '--json', device, /device/);
    await expectRefused(['--out', join(dir, 'r.xlsx'), '--svg', device], '--svg', device, /device/);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  } finally {
    spawnSync('rm', ['-f', device]);
  }
});

(isRoot ? it : it.skip)('refuses a symbolic link to a device', async () => {
  const device = join(dir, 'null2');
  makeNullDevice(device);
  const link = join(dir, 'null-link.xlsx');
  symlinkSync(device, link);
  try {
    await expectRefused(['--out', link], '--out', link, /device/);
  } finally {
    spawnSync('rm', ['-f', link, device]);
  }
});

it('refuses a named pipe as --json without blocking on it, and writes no report', async () => {
  const fifo = join(dir, 'result.json');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  try {
    await expectRefused(['--out', join(dir, 'r.xlsx'), '--json', fifo], '--json', fifo, /named pipe/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  } finally {
    spawnSync('rm', ['-f', fifo]);
  }
});

it('refuses a socket as --svg', async () => {
  const socket = join(dir, 'whale.svg');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  try {
    await expectRefused(['--out', join(dir, 'r.xlsx'), '--svg', socket], '--svg', socket, /socket/);
    expect(lstatSync(socket).isSocket()).toBe(true);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

it('refuses a folder as --out before the JSON is written', async () => {
  const folder = join(dir, 'report.xlsx');
  mkdirSync(folder);
  const json = join(dir, 'result.json');
  try {
    await expectRefused(['--out', folder, '--json', json], '--out', folder, /folder/);
    expect(existsSync(json)).toBe(false);
  } finally {
    spawnSync('rm', ['-rf', folder]);
  }
});

it('says it in Dutch with --lang nl', async () => {
  const fifo = join(dir, 'uitkomst.json');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  try {
    const r = await runRunner([input, '--lang', 'nl', '--out', join(dir, 'r.xlsx'), '--json', fifo], { timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`--json ${fifo} is een named pipe (FIFO), geen bestand; er is niets geschreven. Geef de naam van een bestand.`);
  } finally {
    spawnSync('rm', ['-f', fifo]);
  }
});
