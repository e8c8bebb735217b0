/**
 * The hostile-input suite's way of running the runner: as a real child process (compiled once per test
 * file), with a wall-clock bound and its peak memory measured, and the checks every case makes — the exit
 * status, no stack trace, the input unchanged, and a report that other programs open (a namespace-aware
 * parser, xmllint, openpyxl and LibreOffice, each when installed).
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { checkPackage } from '../helpers/package-invariants';
import { cliEnv, compileCli } from '../cli/compiled-cli';

/** What one run of the runner gave. */
export interface RunOutcome {
  code: number | null;
  out: string;
  err: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** Peak resident memory of the runner's process, in MB (from its own resource usage at exit). */
  peakMb: number;
  /** True when the run was killed for passing its time bound. */
  timedOut: boolean;
}

let compiled: string | null = null;
let compiledDir: string | null = null;

/** The runner compiled to JavaScript, once per test file; `cleanupRunner` removes it. */
export function runnerPath(): string {
  if (compiled === null) {
    compiledDir = mkdtempSync(join(tmpdir(), 'abc-hostile-cli-'));
    compiled = compileCli(compiledDir);
  }
  return compiled;
}

/** Removes the compiled runner (call in afterAll). */
export function cleanupRunner(): void {
  if (compiledDir !== null) rmSync(compiledDir, { recursive: true, force: true });
  compiled = null;
  compiledDir = null;
}

/**
 * Runs the runner with `args`, killing it after `timeoutMs`. Its peak memory is written by a preloaded
 * module at exit, so it is the runner's own (DuckDB's native memory included), not the test's.
 */
export function runRunner(args: readonly string[], options: { timeoutMs?: number; cwd?: string; stdin?: 'ignore' | 'pipe' } = {}): Promise<RunOutcome> {
  const main = runnerPath();
  const dir = mkdtempSync(join(tmpdir(), 'abc-hostile-rss-'));
  const rssFile = join(dir, 'rss');
  const preload = join(dir, 'peak.js');
  writeFileSync(preload, `process.on('exit', () => { try { require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)); } catch {} });\n`);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, main, ...args], {
      cwd: options.cwd,
      env: cliEnv(),
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      let peakKb = 0;
      try {
        peakKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // Killed before exit: no figure.
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8'), ms: Date.now() - started, peakMb: peakKb / 1024, timedOut });
    });
  });
}

/** Fails when the output shows a stack trace or an unexpected failure instead of a sentence. */
export function expectNoStackTrace(outcome: RunOutcome): void {
  const text = `${outcome.out}\n${outcome.err}`;
  expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(text).not.toMatch(/Unexpected failure|TypeError|RangeError|ReferenceError|node:internal/);
}

/** The SHA-256 of a file, to show it was not changed. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** True when a program answers `--version` (LibreOffice, xmllint, python3 with openpyxl). */
function has(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

/** A Python that has openpyxl: the one on PATH may be a version manager's without Debian's packages. */
const python = ['python3', '/usr/bin/python3'].find((p) => has(p, ['-c', 'import openpyxl'])) ?? null;

export const tools = {
  soffice: has('soffice', ['--version']),
  xmllint: has('xmllint', ['--version']),
  openpyxl: python !== null,
};

/**
 * Checks that a written package is readable by others: our namespace-aware package checks (saxes), every
 * XML part through xmllint, the workbook through openpyxl, and a PDF from LibreOffice. Returns the problems
 * found (empty when it opens everywhere). A tool that is not installed is skipped.
 */
export async function reportOpens(path: string): Promise<string[]> {
  const bytes = readFileSync(path);
  const problems = [...(await checkPackage(bytes))];
  const dir = mkdtempSync(join(tmpdir(), 'abc-hostile-open-'));
  try {
    if (tools.xmllint) {
      const zip = await JSZip.loadAsync(bytes);
      for (const name of Object.keys(zip.files)) {
        if (!/\.(xml|rels|vml)$/i.test(name) || zip.files[name]?.dir) continue;
        const file = join(dir, 'parts', `${Object.keys(zip.files).indexOf(name)}.xml`);
        mkdirSync(join(dir, 'parts'), { recursive: true });
        writeFileSync(file, await zip.files[name]!.async('nodebuffer'));
        const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
        if (lint.status !== 0) problems.push(`xmllint refuses ${name}: ${lint.stderr.split('\n')[0] ?? ''}`);
      }
    }
    if (tools.openpyxl) {
      const py = spawnSync(python ?? 'python3', ['-c', 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nfor ws in wb.worksheets:\n    for row in ws.iter_rows(values_only=True):\n        pass\n', path], { encoding: 'utf8' });
      if (py.status !== 0) problems.push(`openpyxl refuses the file: ${py.stderr.trim().split('\n').pop() ?? ''}`);
    }
    if (tools.soffice) {
      const out = join(dir, 'pdf');
      const lo = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path], { encoding: 'utf8', timeout: 180_000 });
      const pdf = join(out, path.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
      let size = 0;
      try {
        size = readFileSync(pdf).length;
      } catch {
        // no PDF
      }
      if (lo.status !== 0 || size === 0) problems.push(`LibreOffice could not open the file (status ${lo.status}): ${lo.stderr.trim().split('\n')[0] ?? ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
