/**
 * The runner's job: read the workbook, compute, write the JSON and the report. Every expected failure
 * becomes an exit code and a sentence; nothing is written half, and the input is only ever read.
 */
import { basename, dirname, extname, join } from 'path';
import { hasErrors, type Issue } from '../engine/issues';
import { analyseWorkbook } from '../workbook/analyse';
import { buildReportSheets } from '../workbook/report-layout';
import { resultToJson } from '../workbook/result-json';
import { writeFileAtomic } from '../xlsx/atomic-write';
import { folderMessage } from '../xlsx/file-kind';
import { loadWorkbook, WorkbookReadError } from '../xlsx/load-workbook';
import { readContractRanges } from '../xlsx/read-ranges';
import { planReportSheets } from '../xlsx/report-owner';
import { buildReportWorkbook, ReportSheetTakenError, reportExtension } from '../xlsx/write-report';
import { SAMPLE_WORKBOOK_PATH } from './args';
import { type Output, printIssues, printSummary } from './print';
import { fileIdentity, maybeSameFile, sameFile } from './same-file';

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

/**
 * The default report path: next to the input, `<name>-report.xlsx`, or `.xlsm` for a macro-enabled
 * workbook, whose report keeps its macros (see `reportExtension`).
 */
export function defaultReportPath(input: string, extension: '.xlsx' | '.xlsm' = '.xlsx'): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-report${extension}`);
}

/**
 * Refuses a report name whose extension contradicts its content: Excel will not open a macro-enabled
 * package named .xlsx, nor an ordinary one named .xlsm. Other extensions are the user's business.
 */
function checkReportExtension(out: string, extension: '.xlsx' | '.xlsm'): void {
  const given = extname(out).toLowerCase();
  if (given !== '.xlsx' && given !== '.xlsm') return;
  if (given === extension) return;
  if (extension === '.xlsm') {
    throw new UsageError(`The workbook has macros (VBA), which its report keeps, so the report must be named .xlsm; --out ${out} ends in .xlsx.`);
  }
  throw new UsageError(`The workbook has no macros, so its report must be named .xlsx; --out ${out} ends in .xlsm.`);
}

/** Why a file could not be written, in words, for the error codes a user can do something about. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full; free some space and run again',
  EDQUOT: 'the disk quota is used up; free some space and run again',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied (is the file open in another program?)',
  EBUSY: 'the file is in use (is it open in Excel?)',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'the disk reported an input/output error',
};

/** The sentence for a failed write of `what` to `path`. */
export function writeFailureMessage(what: string, path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined) return `Cannot write the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}.`;
  const reason = WRITE_FAILURES[code];
  return reason === undefined ? `Cannot write the ${what} ${path} (${code}).` : `Cannot write the ${what} ${path}: ${reason} (${code}).`;
}

/** Writes a file, turning an operating-system failure into a usage error with the path. */
async function writeOutput(path: string, data: string | Uint8Array, what: string): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    throw new UsageError(writeFailureMessage(what, path, e));
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

/**
 * Refuses outputs that would overwrite the input or each other, comparing files rather than spellings
 * (see same-file.ts), and a folder given as the input.
 */
async function checkPaths(input: string, out: string, json: string | null): Promise<void> {
  const [inputId, outId, jsonId] = await Promise.all([fileIdentity(input), fileIdentity(out), json === null ? null : fileIdentity(json)]);
  if (inputId.folder) throw new UsageError(await folderMessage(input));
  if (sameFile(inputId, outId)) throw new UsageError(`--out ${out} is the input workbook ${input}; the input is never overwritten.`);
  if (json !== null && jsonId !== null) {
    if (sameFile(inputId, jsonId)) throw new UsageError(`--json ${json} is the input workbook ${input}; the input is never overwritten.`);
    if (maybeSameFile(outId, jsonId)) throw new UsageError(`--json ${json} and the report ${out} are the same file; give them different names.`);
  }
}

async function runJob(options: RunOptions, io: Output): Promise<number> {
  const input = options.sample ? await writeSampleWorkbook() : options.input;
  if (input === null) throw new UsageError('No workbook given.');
  let out = options.out ?? defaultReportPath(input);
  await checkPaths(input, out, options.json);

  let loaded;
  let found;
  try {
    loaded = await loadWorkbook(input);
    found = await readContractRanges(loaded);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(e.message);
    throw e;
  }
  const extension = await reportExtension(loaded);
  if (options.out !== null) checkReportExtension(out, extension);
  else if (extension === '.xlsm') {
    out = defaultReportPath(input, extension);
    await checkPaths(input, out, options.json);
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
