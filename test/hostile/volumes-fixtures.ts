/**
 * What the hostile volume cases share: the Kaplan workbook with two plain customers (1001 and 1002), a
 * volume file for them, and the checks every case makes on a run that must stop with one sentence.
 */
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { kaplanWorkbook } from '../cli/kaplan-workbook';
import { expectNoStackTrace, runRunner, sha256File, type RunOutcome } from './harness';

/** A run's time and memory bounds: the runner reads small files here, so anything near these is a hang or a leak. */
export const BOUND = { ms: 30_000, mb: 400 };

/** Writes the workbook (without ABC_Volumes being needed) and returns its path. */
export async function volumesBook(dir: string): Promise<string> {
  const book = join(dir, 'book.xlsx');
  await kaplanWorkbook(book, { second: { id: 1002, name: 'Beta', segment: 'Retail' } });
  return book;
}

/** The two customers' driver rows as CSV lines, 457 Orders in all when `extraOrders` is 7. */
export function volumeLines(): string[] {
  return ['1001,Orders,300', '1001,Inquiries,10', '1001,Credit checks,15', '1002,Orders,150', '1002,Inquiries,4', '1002,Credit checks,10'];
}

/**
 * Runs the runner on `args` (report and JSON into `dir`) and checks what every refused case must: the
 * exit status, no stack trace, the bounds, the inputs unchanged and nothing written.
 */
export async function runRefused(dir: string, inputs: readonly string[], args: readonly string[], code = 2): Promise<RunOutcome> {
  const before = inputs.map((p) => sha256File(p));
  const files = readdirSync(dir).sort();
  const r = await runRunner([...args, '--out', join(dir, 'report.xlsx'), '--json', join(dir, 'result.json')], { timeoutMs: 60_000 });
  expect(r.timedOut).toBe(false);
  expect({ code: r.code, err: r.err }).toMatchObject({ code });
  expectNoStackTrace(r);
  expect(r.ms).toBeLessThan(BOUND.ms);
  expect(r.peakMb).toBeLessThan(BOUND.mb);
  expect(inputs.map((p) => sha256File(p))).toEqual(before);
  expect(existsSync(join(dir, 'report.xlsx'))).toBe(false);
  expect(existsSync(join(dir, 'result.json'))).toBe(false);
  expect(readdirSync(dir).sort()).toEqual(files);
  return r;
}
