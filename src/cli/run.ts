/**
 * The runner's job: read the workbook, compute, write the JSON and the report. Every expected failure
 * becomes an exit code and a sentence; nothing is written half, and the input is only ever read.
 */
import { basename, dirname, extname, join, resolve } from 'path';
import { hasErrors, type Issue } from '../engine/issues';
import { analyseWorkbook } from '../workbook/analyse';
import { buildReportSheets } from '../workbook/report-layout';
import { resultToJson } from '../workbook/result-json';
import { writeFileAtomic } from '../xlsx/atomic-write';
import { loadWorkbook, WorkbookReadError } from '../xlsx/load-workbook';
import { readContractRanges } from '../xlsx/read-ranges';
import { planReportSheets } from '../xlsx/report-owner';
import { buildReportWorkbook, ReportSheetTakenError } from '../xlsx/write-report';
import { SAMPLE_WORKBOOK_PATH } from './args';
import { type Output, printIssues, printSummary } from './print';

export const EXIT_OK = 0;
export const EXIT_MODEL_ERRORS = 1;
export const EXIT_USAGE = 2;

/** The options of a run, after parsing. */
export interface RunOptions {
  input: string | null;
  sample: boolean;
  out: string | null;
  json: string | null;
}

/** A failure that ends the run with exit status 2 and one line of explanation. */
class UsageError extends Error {}

/** The default report path: next to the input, `<name>-report.xlsx`. */
export function defaultReportPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-report.xlsx`);
}

/** Writes a file, turning an operating-system failure into a usage error with the path. */
async function writeOutput(path: string, data: string | Uint8Array, what: string): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot write the ${what} ${path}${code === undefined ? '' : ` (${code})`}.`);
  }
}

/** Builds the sample model's workbook and returns its path. */
async function writeSampleWorkbook(): Promise<string> {
  // Loaded on demand: the sample generator and its writer (ExcelJS) are only needed for --sample.
  const { generateSampleModel } = await import('../sample/index');
  const { buildBlocksWorkbook } = await import('../xlsx/write-sample');
  await writeOutput(SAMPLE_WORKBOOK_PATH, await buildBlocksWorkbook(generateSampleModel()), 'sample workbook');
  return SAMPLE_WORKBOOK_PATH;
}

/** Refuses outputs that would overwrite the input or each other. */
function checkPaths(input: string, out: string, json: string | null): void {
  const same = (a: string, b: string): boolean => resolve(a) === resolve(b);
  if (same(input, out)) throw new UsageError(`--out ${out} is the input workbook; the input is never overwritten.`);
  if (json !== null && same(input, json)) throw new UsageError(`--json ${json} is the input workbook; the input is never overwritten.`);
  if (json !== null && same(out, json)) throw new UsageError(`--json and --out name the same file ${out}.`);
}

async function runJob(options: RunOptions, io: Output): Promise<number> {
  const input = options.sample ? await writeSampleWorkbook() : options.input;
  if (input === null) throw new UsageError('No workbook given.');
  const out = options.out ?? defaultReportPath(input);
  checkPaths(input, out, options.json);

  let loaded;
  let found;
  try {
    loaded = await loadWorkbook(input);
    found = await readContractRanges(loaded);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(e.message);
    throw e;
  }
  const analysis = analyseWorkbook(found.grids);
  // A name that exists but is broken was reported with its reference; "missing" would contradict it.
  const modelIssues = analysis.issues.filter((i) => !(i.code === 'MISSING_RANGE' && found.broken.has(i.where.range ?? '')));
  const issues: Issue[] = [...found.issues, ...modelIssues, ...planReportSheets(loaded).issues];
  const failed = hasErrors(issues);
  const result = failed ? null : analysis.result;

  let report: Buffer | null = null;
  if (result !== null) {
    try {
      report = await buildReportWorkbook(loaded, buildReportSheets(result), result.settings.currency);
    } catch (e) {
      if (!(e instanceof ReportSheetTakenError)) throw e;
      issues.push(...e.issues);
    }
  }

  if (options.json !== null) {
    await writeOutput(options.json, `${JSON.stringify(resultToJson({ issues, result: report === null ? null : result }), null, 2)}\n`, 'JSON file');
  }
  printIssues(issues, io);
  if (result === null || report === null) {
    io.err(`No report written${options.json === null ? '' : `; the problems are also in ${options.json}`}.`);
    return EXIT_MODEL_ERRORS;
  }
  await writeOutput(out, report, 'report workbook');
  printSummary(result, io);
  io.out(`Report written to ${out}${options.json === null ? '' : `, JSON to ${options.json}`}.`);
  return EXIT_OK;
}

/** Runs the job; returns the exit status. Never throws: an unexpected failure is one line, not a stack trace. */
export async function runCost(options: RunOptions, io: Output): Promise<number> {
  try {
    return await runJob(options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT_USAGE;
    }
    io.err(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_MODEL_ERRORS;
  }
}
