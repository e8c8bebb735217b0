/** The harness itself: a good run is measured and its report opens everywhere. */
import { join } from 'path';
import { cleanupRunner, expectNoStackTrace, reportOpens, runRunner } from './harness';
import { tempDir } from '../xlsx/workbook-files';

afterAll(() => cleanupRunner());

it('runs the sample, measures it and opens its report with every reader', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const out = join(dir, 'report.xlsx');
    const r = await runRunner(['--sample', '--out', out], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expectNoStackTrace(r);
    expect(r.peakMb).toBeGreaterThan(20);
    expect(await reportOpens(out)).toEqual([]);
  } finally {
    cleanup();
  }
}, 300_000);
