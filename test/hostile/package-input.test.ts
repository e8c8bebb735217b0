/**
 * Issue 16, item 6: an input that is not a regular file (a FIFO nobody writes to, a device, /dev/stdin)
 * is refused at once with one sentence and exit 2, instead of waiting forever for bytes.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { FILE_PROBLEM_KINDS, fileProblemText } from '../../src/xlsx/file-problem';
import { tempDir } from '../xlsx/workbook-files';
import { cleanupRunner, expectNoStackTrace, runRunner } from './harness';

afterAll(() => cleanupRunner());

const BOUND_MS = 20_000;

async function expectRefused(input: string, stdin: 'ignore' | 'pipe' = 'ignore'): Promise<string> {
  const { dir, cleanup } = tempDir();
  try {
    const out = join(dir, 'report.xlsx');
    const r = await runRunner([input, '--out', out], { timeoutMs: BOUND_MS, stdin });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expectNoStackTrace(r);
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.peakMb).toBeLessThan(300);
    expect(existsSync(out)).toBe(false);
    const text = `${r.out}${r.err}`.trim();
    expect(text.split('\n')).toHaveLength(1);
    return text;
  } finally {
    cleanup();
  }
}

it('refuses a FIFO that nothing writes to, instead of hanging', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const fifo = join(dir, 'book.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await expectRefused(fifo)).toBe(fileProblemText({ kind: 'not-a-regular-file' }, fifo));
  } finally {
    cleanup();
  }
}, 60_000);

it('refuses a device and /dev/stdin', async () => {
  expect(await expectRefused('/dev/null')).toBe(fileProblemText({ kind: 'not-a-regular-file' }, '/dev/null'));
  expect(await expectRefused('/dev/zero')).toBe(fileProblemText({ kind: 'not-a-regular-file' }, '/dev/zero'));
  // A pipe left open and empty: the case that hung.
  expect(await expectRefused('/dev/stdin', 'pipe')).toBe(fileProblemText({ kind: 'not-a-regular-file' }, '/dev/stdin'));
}, 60_000);

it('says it in Dutch too', () => {
  expect(FILE_PROBLEM_KINDS).toContain('not-a-regular-file');
  expect(fileProblemText({ kind: 'not-a-regular-file' }, 'x', 'nl')).not.toBe(fileProblemText({ kind: 'not-a-regular-file' }, 'x', 'en'));
});
