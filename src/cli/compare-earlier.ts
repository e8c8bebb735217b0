/**
 * The earlier period of `--compare`: a model workbook costed as it was (its own rates and capacity), a
 * report of one (our reports keep the model's ranges, so it is costed again the same way), or an earlier
 * `--json` result. Told apart by their first bytes, not their names: a result saved as .txt still reads.
 */
import { readFile } from 'fs/promises';
import type { Issue } from '../engine/issues';
import { figuresOfResult, type PeriodFigures } from '../engine/compare/figures';
import { analyseWorkbook } from '../workbook/analyse';
import { figuresFromJson } from '../workbook/figures-from-json';
import type { ReportLanguage } from '../workbook/report-layout';
import { fileProblemText } from '../xlsx/file-problem';
import { type LoadedWorkbook, loadWorkbook, WorkbookReadError } from '../xlsx/load-workbook';
import { readContractRanges } from '../xlsx/read-ranges';
import { NO_KEPT_PERIODS } from '../engine/compare/kept-periods';
import { HISTORY_TABLE, readHistory } from '../workbook/history-layout';
import { readHistoryTable } from '../xlsx/read-history';
import type { CompareRequest } from './args';
import { compareText } from './compare-text';
import { type Output, printIssues } from './print';
import { fileIdentity, sameFile } from './same-file';

/** The earlier period's figures, or why there are none: a sentence (`refused`) and the earlier file's own problems. */
export type EarlierPeriod = { figures: PeriodFigures; issues: Issue[] } | { figures: null; refused: string; issues: Issue[] };

/**
 * The earlier period asked for, read before anything is written: its figures and where they came from; a
 * refusal (nothing is written); or, for a kept period broken by hand, no figures and the history's issues
 * (the current report is still written).
 */
export type EarlierRead = { figures: PeriodFigures; source: string; issues: Issue[] } | { figures: null; refused: string; issues: Issue[] } | { figures: null; issues: Issue[] };

/** The earlier period of `--compare` or `--compare-period`; null when neither is given. `outputs` are the run's files, none of which may be the earlier file. */
export async function readEarlier(
  request: CompareRequest | undefined,
  loaded: LoadedWorkbook,
  outputs: ReadonlyArray<string | null | undefined>,
  language: ReportLanguage,
): Promise<EarlierRead | null> {
  if (request === undefined) return null;
  if (request.period !== null) return earlierFromHistory(loaded, request.period, language);
  const file = request.file as string;
  const earlierId = await fileIdentity(file);
  for (const output of outputs) {
    // Writing the report or the JSON over the earlier period would destroy what this run compares with.
    if (output != null && sameFile(earlierId, await fileIdentity(output))) return { figures: null, refused: compareText(language).outputIsEarlier(output, file), issues: [] };
  }
  const read = await earlierFromFile(file, language);
  return read.figures === null ? read : { figures: read.figures, source: file, issues: read.issues };
}

/** Prints the earlier file's own problems under a heading that names it, so they are not taken for this workbook's. */
export function printEarlierIssues(issues: readonly Issue[], file: string, io: Output, language: ReportLanguage): void {
  if (issues.length === 0) return;
  io.err(compareText(language).earlierIssuesHeading(file));
  printIssues(issues, io, language);
}

/** The contract ranges without which a workbook is no model at all (rather than a model with errors). */
const MODEL_RANGES = ['ABC_Pools', 'ABC_Activities', 'ABC_Customers'] as const;

/** Reads and costs the earlier period in `path`. */
export async function earlierFromFile(path: string, language: ReportLanguage): Promise<EarlierPeriod> {
  const t = compareText(language);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { figures: null, refused: t.cannotRead(path, (e as NodeJS.ErrnoException).code ?? String(e)), issues: [] };
  }
  if (looksLikeJson(bytes)) {
    const read = figuresFromJson(bytes.toString('utf8'), path);
    return read.figures === null ? { figures: null, refused: t.earlierHasErrors(path), issues: read.issues } : { figures: read.figures, issues: read.issues };
  }
  let found;
  try {
    found = await readContractRanges(await loadWorkbook(path));
  } catch (e) {
    if (e instanceof WorkbookReadError) return { figures: null, refused: t.earlierUnreadable(path, fileProblemText(e.problem, e.path, language)), issues: [] };
    throw e;
  }
  if (MODEL_RANGES.every((name) => !found.grids.has(name))) return { figures: null, refused: t.notAModel(path), issues: found.issues };
  const analysis = analyseWorkbook(found.grids);
  const issues = [...found.issues, ...analysis.issues];
  if (analysis.result === null) return { figures: null, refused: t.earlierHasErrors(path), issues };
  return { figures: figuresOfResult(analysis.result), issues };
}

/** A JSON document starts with `{` after white space (and perhaps a byte-order mark); an .xlsx with `PK`. */
function looksLikeJson(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{');
}

/**
 * The period kept in this workbook's `ABC_History` under `period`. A history broken by hand gives its issues
 * and no figures for the broken period, never a stopped run: the current report is still written.
 */
export async function earlierFromHistory(loaded: LoadedWorkbook, period: string, language: ReportLanguage): Promise<EarlierRead> {
  const found = await readHistoryTable(loaded);
  const kept = found === null ? NO_KEPT_PERIODS : readHistory(found.grid);
  const figures = kept.periods.get(period);
  if (figures !== undefined) return { figures, source: HISTORY_TABLE, issues: kept.issues };
  if (kept.issues.length > 0) return { figures: null, issues: kept.issues };
  return { figures: null, refused: compareText(language).noSuchPeriod(period, kept.order), issues: [] };
}
