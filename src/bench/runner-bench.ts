/**
 * The runner's bench rows (issue 11): on the 1,000,000-row volumes workbook, in one run, the runner
 * (load, read the contract's ranges, compute, write the report) against the floor of any .xlsx reader —
 * inflating the workbook's XML parts with zlib and nothing else — and the runner's peak resident memory.
 * Targets: at most 2× the floor measured in the same run, under 400 MB.
 *
 * The runner runs in a child process, so its peak memory is its own and not the bench's (which has just
 * built the workbook). A second child times the runner's phases, so the table says which dominate.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { inflateRawSync } from 'zlib';
import { compressedData, readZipEntries } from '../xlsx/zip-reader';
import { median, writeResults } from './bench-common';
import { buildBigVolumesWorkbook } from './big-workbook';

const ROWS = 1_000_000;
const RATIO_TARGET = 2;
const RSS_TARGET_MB = 400;

/** What a child reports: wall milliseconds, phases, peak resident memory. */
interface ChildReport {
  ms: number;
  phases: Record<string, number>;
  maxRssMb: number;
  code: number;
}

/** The floor: every XML part of the package inflated by zlib, nothing else. */
export function inflateFloorMs(bytes: Buffer): number {
  const start = performance.now();
  let total = 0;
  for (const entry of readZipEntries(bytes)) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const data = compressedData(bytes, entry);
    total += entry.method === 8 ? inflateRawSync(data, { chunkSize: 1 << 20 }).length : data.length;
  }
  if (total === 0) throw new Error('The workbook has no XML parts.');
  return performance.now() - start;
}

/** Runs this file as a child in `mode` on `book`; the child prints its report as JSON. */
function child(mode: 'runner' | 'phases', book: string, dir: string): ChildReport {
  const out = execFileSync(process.execPath, [__filename, `--child-${mode}`, book, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildReport;
}

/** In the child: the real runner, as `npm run cost` runs it. */
async function runnerChild(book: string, dir: string): Promise<ChildReport> {
  const { main } = await import('../cli/main');
  const start = performance.now();
  const code = await main([book, '--out', join(dir, 'big-report.xlsx')], { out: () => undefined, err: () => undefined });
  const ms = performance.now() - start;
  return { ms, phases: {}, maxRssMb: process.resourceUsage().maxRSS / 1024, code };
}

/** In the child: the runner's steps one by one, timed. */
async function phasesChild(book: string): Promise<ChildReport> {
  const { loadWorkbook } = await import('../xlsx/load-workbook');
  const { readContractRanges } = await import('../xlsx/read-ranges');
  const { analyseWorkbook } = await import('../workbook/analyse');
  const { buildReportSheets } = await import('../workbook/report-layout');
  const { buildReportWorkbook } = await import('../xlsx/write-report');
  const phases: Record<string, number> = {};
  const start = performance.now();
  let at = start;
  const lap = (name: string): void => {
    const now = performance.now();
    phases[name] = now - at;
    at = now;
  };
  const loaded = await loadWorkbook(book);
  lap('load');
  const found = await readContractRanges(loaded);
  lap('read ranges');
  const analysis = analyseWorkbook(found.grids);
  lap('compute');
  if (analysis.result === null) throw new Error('The bench workbook has errors.');
  const sheets = buildReportSheets(analysis.result, 'en');
  lap('report sheets');
  await buildReportWorkbook(loaded, sheets, analysis.result.settings.currency);
  lap('write report');
  return { ms: performance.now() - start, phases, maxRssMb: process.resourceUsage().maxRSS / 1024, code: 0 };
}

/**
 * Measures the runner against the inflate floor and prints its rows; returns the number of targets
 * missed (0 when all are met).
 */
export async function runnerBench(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'abc-runner-bench-'));
  try {
    const book = join(dir, 'big.xlsx');
    const bytes = await buildBigVolumesWorkbook(ROWS);
    writeFileSync(book, bytes);
    // The floor is taken before and after the runner, the median of both sides, so a noisy moment is not the yardstick.
    const floors = [inflateFloorMs(bytes), inflateFloorMs(bytes), inflateFloorMs(bytes)];
    const runner = child('runner', book, dir);
    if (runner.code !== 0) throw new Error(`the runner exited ${runner.code} on the bench workbook`);
    const phases = child('phases', book, dir);
    floors.push(inflateFloorMs(bytes), inflateFloorMs(bytes));
    const floor = median(floors);
    const ratio = runner.ms / floor;
    const ratioOk = ratio <= RATIO_TARGET;
    const rssOk = runner.maxRssMb < RSS_TARGET_MB;
    const parts = Object.entries(phases.phases).sort((a, b) => b[1] - a[1]);
    const share = parts.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ');
    console.log(
      `${ratioOk ? 'PASS' : 'FAIL'}  ${runner.ms.toFixed(0).padStart(7)} ms = ${ratio.toFixed(2)}× the inflate floor of ${floor.toFixed(0)} ms (target ≤ ${RATIO_TARGET}×)  runner on the ${ROWS.toLocaleString('en')}-row .xlsx: load, read, compute, write report`,
    );
    console.log(`${rssOk ? 'PASS' : 'FAIL'}  ${runner.maxRssMb.toFixed(0).padStart(7)} MB peak resident memory of the runner (target < ${RSS_TARGET_MB} MB)`);
    console.log(`      where the runner's time goes (a second run, step by step): ${share}`);
    writeResults({
      runner: {
        rows: ROWS,
        workbookBytes: bytes.length,
        ms: Math.round(runner.ms),
        inflateFloorMs: Math.round(floor),
        ratioToInflateFloor: Number(ratio.toFixed(2)),
        ratioTarget: RATIO_TARGET,
        peakRssMb: Math.round(runner.maxRssMb),
        peakRssTargetMb: RSS_TARGET_MB,
        phasesMs: Object.fromEntries(parts.map(([name, ms]) => [name, Math.round(ms)])),
        met: ratioOk && rssOk,
      },
    });
    return (ratioOk ? 0 : 1) + (rssOk ? 0 : 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node build/bench/runner-bench.js`: the runner's rows alone; with `--child-…`: one measured child. */
if (require.main === module) {
  const [mode, book, dir] = process.argv.slice(2);
  const job =
    mode === '--child-runner' && book !== undefined && dir !== undefined
      ? runnerChild(book, dir).then((r) => console.log(JSON.stringify(r)))
      : mode === '--child-phases' && book !== undefined
        ? phasesChild(book).then((r) => console.log(JSON.stringify(r)))
        : runnerBench().then((missed) => {
            process.exitCode = missed === 0 ? 0 : 1;
          });
  job.catch((e: unknown) => {
    console.error(`runner bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
