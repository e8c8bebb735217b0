/** What the package tests share: the small model workbook as raw entries, and the checks of a refused run. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { kaplanWorkbook } from '../cli/kaplan-workbook';
import { expectNoStackTrace, type RunOutcome, runRunner, sha256File } from './harness';
import { entriesOf, type RawEntry } from './package-zip';

/** The entries of the runner's small valid model workbook, written into `dir`. */
export async function modelEntries(dir: string): Promise<RawEntry[]> {
  const path = join(dir, 'model-source.xlsx');
  await kaplanWorkbook(path);
  return entriesOf(readFileSync(path));
}

/** The first worksheet's entry (the model's data is on the sheets). */
export function firstSheet(entries: readonly RawEntry[]): RawEntry {
  const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  if (sheet === undefined) throw new Error('no worksheet');
  return sheet;
}

/**
 * Runs the runner on `bytes` written to `dir/name` and checks what every refused input must give: exit 2,
 * one sentence and no stack trace, within the bounds, no report, the input unchanged.
 */
export async function expectRefused(dir: string, bytes: Buffer, bounds: { ms: number; mb: number }, name = 'book.xlsx'): Promise<RunOutcome> {
  const input = join(dir, name);
  writeFileSync(input, bytes);
  const before = sha256File(input);
  const out = join(dir, 'report.xlsx');
  const r = await runRunner([input, '--out', out], { timeoutMs: Math.max(bounds.ms * 3, 30_000) });
  expect(r.timedOut).toBe(false);
  expectNoStackTrace(r);
  expect(r.code).toBe(2);
  expect(`${r.out}${r.err}`.trim().split('\n')).toHaveLength(1);
  expect(r.ms).toBeLessThan(bounds.ms);
  expect(r.peakMb).toBeLessThan(bounds.mb);
  expect(sha256File(input)).toBe(before);
  expect(() => readFileSync(out)).toThrow();
  // The figures for the report to the lead: PACKAGE_FIGURES=1 npx jest test/hostile/package-…
  if (process.env.PACKAGE_FIGURES !== undefined) process.stdout.write(`${expect.getState().currentTestName}: ${r.ms} ms, ${r.peakMb.toFixed(0)} MB\n`);
  return r;
}
