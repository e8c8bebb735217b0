/**
 * Text from the workbook reaches the terminal too: the runner prints customer ids, pool and driver names
 * in its problems and summary. A control character there is an escape sequence to the terminal (ESC [2J
 * clears the screen, ESC ]… sets the window title, a carriage return overwrites the line), so a workbook
 * could make the printed output say what it does not. Controls other than tab and line feed are printed
 * as visible `\uXXXX`.
 */
import { PassThrough } from 'stream';
import { join } from 'path';
import { streamOutput } from '../../src/cli/stream-output';
import { cleanupRunner, expectNoStackTrace, runRunner, sha256File } from './harness';
import { textModelWorkbook } from './text-workbook';
import { tempDir } from '../xlsx/workbook-files';

afterAll(() => cleanupRunner());

it('prints control characters as visible escapes', () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const io = streamOutput(stdout, stderr);
  io.out('id \u001b[2J\u0007\r\u009b1m\u007f end\tand\nnext');
  expect(String(stdout.read())).toBe('id \\u001b[2J\\u0007\\u000d\\u009b1m\\u007f end\tand\nnext\n');
});

it('never writes a workbook\'s escape sequence to the terminal', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const input = join(dir, 'escape.xlsx');
    // The same id twice: the error names it.
    const id = 'X\u001b]0;owned\u0007\u001b[2J\rOK';
    await textModelWorkbook(input, {
      customers: [
        { id, name: 'one', segment: 'S' },
        { id, name: 'two', segment: 'S' },
      ],
      pool: 'P\u001b[31m',
      activities: ['a0', 'a1', 'a2'],
      drivers: ['d0', 'd1', 'd2'],
    });
    const before = sha256File(input);
    const r = await runRunner([input, '--out', join(dir, 'out.xlsx')], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expectNoStackTrace(r);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.peakMb).toBeLessThan(400);
    expect(sha256File(input)).toBe(before);
    expect(r.err).toContain('DUPLICATE_CUSTOMER');
    expect(r.err).toContain('X\\u001b]0;owned\\u0007\\u001b[2J\\u000dOK');
    expect(`${r.out}${r.err}`).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  } finally {
    cleanup();
  }
}, 120_000);
