/**
 * The runner's job: read the workbook, compute, write the JSON and the report. Every expected failure
 * becomes an exit code and a sentence; nothing is written half, and the input is only ever read.
 */
import { basename, dirname, extname, join, resolve } from 'path';
import { hasErrors, type Issue } from '../engine/issues';
import type { CostingResult, CustomerResult } from '../engine/result';
import { analyseWorkbook } from '../workbook/analyse';
import { buildReportSheets, type ReportLanguage } from '../workbook/report-layout';
import { buildWithinTextLimit } from '../workbook/report-text-limit';
import type { ReportSheet } from '../workbook/report-types';
import { resultToJson } from '../workbook/result-json';
import { whaleCurveOfResult } from '../workbook/whale-curve';
import { costFlowSvg } from '../workbook/flow-svg';
import { whaleSvgFile } from '../workbook/whale-svg';
import { writeFileAtomic } from '../xlsx/atomic-write';
import { folderProblem } from '../xlsx/file-kind';
import { fileProblemText } from '../xlsx/file-problem';
import { type LoadedWorkbook, loadWorkbook, WorkbookReadError } from '../xlsx/load-workbook';
import { readContractRanges } from '../xlsx/read-ranges';
import { planReportSheets, reportTargets } from '../xlsx/report-owner';
import { buildReportWorkbook, ReportSheetTakenError, reportExtension } from '../xlsx/write-report';
import type { VolumeAnalysis } from '../warehouse/analyse-with-volumes';
import { warehouseText } from '../warehouse/warehouse-text';
import { SAMPLE_WORKBOOK_PATH, type VolumeRequest } from './args';
import { type CliText, cliText } from './cli-text';
import { type Output, printIssues, printSummary } from './print';
import { runnerScenarios, scenarioLines, withScenarioSheet } from './scenarios';
import { fileIdentity, maybeSameFile, sameFile } from './same-file';
import { firstNonFileTarget, notARegularFile, type OutputTarget } from './output-targets';
import { keepPeriod, type KeptPeriod } from './keep';
import { bridgeSvgFile } from '../workbook/bridge-svg';
import type { CompareRequest } from './args';
import { comparisonJson, comparisonLines, withComparisonSheet, compareWithEarlier, type ComparisonMade, optionalRoles, statementEarlierOf } from './compare';
import { printEarlierIssues, readEarlier } from './compare-earlier';
import { sampleWorkbookBytes } from './sample-workbook';
import { runnerSensitivity, sensitivityLines } from './sensitivity';
import type { SensitivityResult } from '../engine/sensitivity/types';
import { buildSensitivitySheet } from '../workbook/report-sensitivity';
import { sensitivityToJson } from '../workbook/sensitivity-json';
import { tornadoSvgFile } from '../workbook/tornado-svg';
import { compareText } from './compare-text';
import { chooseStatementCustomers, earlierStatementIds, type StatementRequest, statementLines, statementSheetsFor } from './statements';

export const EXIT_OK = 0;
export const EXIT_MODEL_ERRORS = 1;
export const EXIT_USAGE = 2;

/** The options of a run, after parsing. */
export interface RunOptions {
  input: string | null;
  sample: boolean;
  out: string | null;
  json: string | null;
  /** `--lang`: the report's language when the workbook's Language setting does not name one; English when neither does. */
  lang?: ReportLanguage;
  /** `--svg`: also write the whale curve as an SVG picture there. */
  svg?: string;
  /** `--svg-flow`: also write the cost flow (ledger to customers) as an SVG picture there; only a model with a first stage has one. */
  svgFlow?: string;
  /** `--statement` / `--statements`: customer statements to add to the report. */
  statements?: StatementRequest;
  /** `--volumes` / `--volumes-sql`: volumes from a transaction file or a query instead of ABC_Volumes. */
  volumes?: VolumeRequest;
  /** `--keep`: keep this period's figures in the report workbook's ABC_History (keep.ts). */
  keep?: boolean;
  /** `--compare` / `--compare-period` / `--label-earlier`: this period against an earlier one or a budget (compare.ts). */
  compare?: CompareRequest;
  /** `--svg-bridge`: also write the company's profit bridge as an SVG picture there (only with a comparison). */
  svgBridge?: string;
  /** `--svg-tornado`: also write the tornado of the estimates as an SVG picture there (only when the model gives its estimates ranges). */
  svgTornado?: string;
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
function checkReportExtension(out: string, extension: '.xlsx' | '.xlsm', t: CliText): void {
  const given = extname(out).toLowerCase();
  if (given !== '.xlsx' && given !== '.xlsm') return;
  if (given === extension) return;
  throw new UsageError(extension === '.xlsm' ? t.macrosNeedXlsm(out) : t.noMacrosNeedXlsx(out));
}

/**
 * The sentence for a failed write of `what` to `path`, saying why in words for the error codes a user can
 * do something about (see `CliText.writeFailures`).
 */
export function writeFailureMessage(what: string, path: string, e: unknown, language: ReportLanguage = 'en'): string {
  const t = cliText(language);
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined) return t.cannotWrite(what, path, e instanceof Error ? e.message : String(e), null);
  return t.cannotWrite(what, path, t.writeFailures[code] ?? null, code);
}

/** Writes a file, turning an operating-system failure into a usage error with the path. */
async function writeOutput(path: string, data: string | Uint8Array, what: string, language: ReportLanguage): Promise<void> {
  // Checked again at the write: a target may have become a pipe or device since the run began.
  if ((await notARegularFile(path)) !== null) throw new UsageError(cliText(language).cannotWrite(what, path, cliText(language).writeFailures.ENOTREGULAR ?? null, null));
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    throw new UsageError(writeFailureMessage(what, path, e, language));
  }
}

/** Builds the sample model's workbook (2025 kept in its history), in the language of --lang, and returns its path. */
async function writeSampleWorkbook(language: ReportLanguage): Promise<string> {
  await writeOutput(SAMPLE_WORKBOOK_PATH, await sampleWorkbookBytes(language, SAMPLE_WORKBOOK_PATH), cliText(language).files.sample, language);
  return SAMPLE_WORKBOOK_PATH;
}

/**
 * The report sheets (with the scenario sheet when there are scenarios) and the statements chosen, every
 * text within Excel's limit: a longer one is cut, with a warning to print that the Summary lists too.
 */
function runnerSheets(
  result: CostingResult,
  outcomes: Parameters<typeof withScenarioSheet>[1],
  choice: { customers: readonly CustomerResult[]; gone: string[] } | null,
  loaded: LoadedWorkbook,
  language: ReportLanguage,
  made: ComparisonMade | null,
  sensitivity: SensitivityResult | null,
): { sheets: ReportSheet[]; issues: Issue[] } {
  return buildWithinTextLimit(result, (shown) => {
    // The comparison after every other report sheet, as Cost flow: a workbook that gains it gets it appended.
    const sensitivitySheets = sensitivity === null ? [] : [buildSensitivitySheet(shown, sensitivity, language)];
    const reportSheets = withComparisonSheet([...withScenarioSheet(buildReportSheets(shown, language), outcomes, shown, language), ...sensitivitySheets], made, loaded, shown.settings.currency, language);
    if (choice === null) return reportSheets;
    const reportNames = reportSheets.map((s) => s.name);
    return [...reportSheets, ...statementSheetsFor(shown, choice.customers, language, loaded, reportNames, choice.gone, made === null ? undefined : statementEarlierOf(made))];
  });
}

/**
 * Refuses outputs that would overwrite the input or each other, comparing files rather than spellings
 * (see same-file.ts), and a folder given as the input.
 */
async function checkPaths(input: string, out: string, json: string | null, language: ReportLanguage): Promise<void> {
  const t = cliText(language);
  const [inputId, outId, jsonId] = await Promise.all([fileIdentity(input), fileIdentity(out), json === null ? null : fileIdentity(json)]);
  if (inputId.folder) throw new UsageError(fileProblemText(await folderProblem(input), input, language));
  if (sameFile(inputId, outId)) throw new UsageError(t.outIsInput(out, input));
  if (json !== null && jsonId !== null) {
    if (sameFile(inputId, jsonId)) throw new UsageError(t.jsonIsInput(json, input));
    if (maybeSameFile(outId, jsonId)) throw new UsageError(t.jsonIsReport(json, out));
  }
}

/** Refuses, before anything is written, an output that exists and is not a regular file (see output-targets.ts). */
async function refuseNonFileOutputs(options: RunOptions, out: string, language: ReportLanguage): Promise<void> {
  const targets: OutputTarget[] = [{ flag: '--out', path: out }];
  if (options.json !== null) targets.push({ flag: '--json', path: options.json });
  if (options.svg !== undefined) targets.push({ flag: '--svg', path: options.svg });
  if (options.svgFlow !== undefined) targets.push({ flag: '--svg-flow', path: options.svgFlow });
  if (options.svgBridge !== undefined) targets.push({ flag: '--svg-bridge', path: options.svgBridge });
  if (options.svgTornado !== undefined) targets.push({ flag: '--svg-tornado', path: options.svgTornado });
  if (options.sample) targets.push({ flag: '--sample', path: SAMPLE_WORKBOOK_PATH });
  const bad = await firstNonFileTarget(targets);
  if (bad !== null) throw new UsageError(cliText(language).outputNotAFile(bad.flag, bad.path, bad.kind));
}

async function runJob(options: RunOptions, io: Output): Promise<number> {
  // Until the workbook is read, --lang speaks; then its Language setting, when it has one.
  let language: ReportLanguage = options.lang ?? 'en';
  let t = cliText(language);
  const inputPath = options.sample ? SAMPLE_WORKBOOK_PATH : options.input;
  if (inputPath === null) throw new UsageError(t.noWorkbook);
  let out = options.out ?? defaultReportPath(inputPath);
  await refuseNonFileOutputs(options, out, language);
  const input = options.sample ? await writeSampleWorkbook(language) : inputPath;
  await checkPaths(input, out, options.json, language);

  let loaded;
  let found;
  try {
    loaded = await loadWorkbook(input);
    found = await readContractRanges(loaded);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(fileProblemText(e.problem, e.path, language));
    throw e;
  }
  const extension = await reportExtension(loaded);
  if (options.out !== null) checkReportExtension(out, extension, t);
  else if (extension === '.xlsm') {
    out = defaultReportPath(input, extension);
    await refuseNonFileOutputs(options, out, language);
    await checkPaths(input, out, options.json, language);
  }
  // The picture must not land on the workbook or the report (an easy slip with tab completion).
  for (const [flag, picture] of [['--svg', options.svg], ['--svg-flow', options.svgFlow], ['--svg-bridge', options.svgBridge], ['--svg-tornado', options.svgTornado]] as const) {
    if (picture !== undefined && [input, out].some((p) => resolve(p) === resolve(picture))) throw new UsageError(t.svgIsInputOrReport(picture, flag));
  }
  const volumeFile = options.volumes?.kind === 'file' ? options.volumes.path : options.volumes?.sqlPath;
  // A report or JSON written over the transaction file would destroy the data it was computed from.
  for (const [flag, path] of [['--out', out], ['--json', options.json]] as const) {
    if (volumeFile !== undefined && path !== null && sameFile(await fileIdentity(volumeFile), await fileIdentity(path))) {
      throw new UsageError(warehouseText(language).outIsVolumes(flag, path, volumeFile));
    }
  }
  const earlier = await readEarlier(options.compare, loaded, [out, options.json, options.svg, options.svgFlow, options.svgBridge], language);
  if (earlier !== null && 'refused' in earlier) {
    printEarlierIssues(earlier.issues, options.compare?.file ?? '', io, language);
    throw new UsageError(earlier.refused);
  }
  let analysis: ReturnType<typeof analyseWorkbook> | VolumeAnalysis;
  if (options.volumes === undefined) analysis = analyseWorkbook(found.grids);
  else {
    // Loaded on demand: DuckDB's native library is only needed for --volumes and --volumes-sql.
    const { analyseWithVolumes } = await import('../warehouse/analyse-with-volumes');
    const { VolumeSourceError } = await import('../warehouse/volume-source-error');
    try {
      analysis = await analyseWithVolumes(found.grids, options.volumes, language);
    } catch (e) {
      if (e instanceof VolumeSourceError) throw new UsageError(e.message);
      throw e;
    }
  }
  language = analysis.settings.language ?? language;
  t = cliText(language);
  const volumeRead = 'read' in analysis ? (analysis as VolumeAnalysis).read : null;
  if (volumeRead !== null && volumeRead.label !== '') {
    const n = (x: number): string => x.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-US');
    io.out(warehouseText(language).volumesRead(volumeRead.label, n(volumeRead.rows), n(volumeRead.totals)));
    // ABC_Volumes is replaced: a problem with the workbook's own (a broken name) is no problem of this run.
    found.issues = found.issues.filter((i) => i.where.range !== 'ABC_Volumes');
  }
  // A name that exists but is broken was reported with its reference; "missing" would contradict it.
  const modelIssues = analysis.issues.filter((i) => !(i.code === 'MISSING_RANGE' && found.broken.has(i.where.range ?? '')));
  const issues: Issue[] = [...found.issues, ...modelIssues, ...planReportSheets(loaded, reportTargets(language, optionalRoles(analysis.model, earlier, loaded))).issues];
  // Scenarios run on the computed model; a change taking a figure out of range stops the run like any error.
  const scenarioRun = analysis.result === null || hasErrors(issues) ? { outcomes: null, issues: [] } : runnerScenarios(analysis.model, analysis.result);
  issues.push(...scenarioRun.issues);
  const compared = earlier?.figures != null && analysis.result !== null && !hasErrors(issues) ? compareWithEarlier(earlier.figures, analysis.result, options.compare?.label ?? null, earlier.source, language) : null;
  issues.push(...(compared?.issues ?? []));
  const failed = hasErrors(issues);
  // ABC_History broken by hand never stops the current report: its problems are told, after the decision.
  if (earlier !== null) issues.push(...earlier.issues.filter((i) => i.code.startsWith('HISTORY_')));
  const made = failed ? null : (compared?.made ?? null);
  const sensitivity = failed || analysis.result === null ? null : runnerSensitivity(analysis.model, analysis.result);
  const result = failed ? null : analysis.result;

  let report: Buffer | null = null;
  let statements: { count: number; gone: string[]; capped: boolean; ms: number } | null = null;
  let kept: KeptPeriod | null = null;
  if (result !== null) {
    // Statements of an earlier run are written again even when not asked for: old figures must not stay.
    const earlier = earlierStatementIds(loaded);
    const choice = options.statements !== undefined || earlier.length > 0 ? chooseStatementCustomers(result, options.statements ?? { customers: [], mode: null }, language, earlier) : null;
    if (choice !== null && 'error' in choice) throw new UsageError(choice.error);
    const started = Date.now();
    const fitted = runnerSheets(result, scenarioRun.outcomes, choice, loaded, language, made, sensitivity);
    const sheets = fitted.sheets;
    issues.push(...fitted.issues);
    if (options.keep === true) {
      kept = await keepPeriod(loaded, result, language);
      issues.push(...kept.issues);
      if (kept.sheet !== null) sheets.push(kept.sheet);
    }
    if (choice !== null) statements = { count: choice.customers.length, gone: choice.gone, capped: choice.capped, ms: -started };
    try {
      report = await buildReportWorkbook(loaded, sheets, result.settings.currency);
      if (statements !== null) statements.ms += Date.now();
    } catch (e) {
      if (!(e instanceof ReportSheetTakenError)) throw e;
      issues.push(...e.issues);
    }
  }

  if (options.json !== null) {
    await writeOutput(options.json, `${JSON.stringify(resultToJson({ issues, result: report === null ? null : result, ...(report !== null && scenarioRun.outcomes !== null ? { scenarios: scenarioRun.outcomes } : {}) }, report === null || made === null ? undefined : comparisonJson(made), report === null || sensitivity === null ? undefined : sensitivityToJson(sensitivity)), null, 2)}\n`, t.files.json, language);
  }
  printIssues(issues, io, language);
  if (volumeRead !== null && issues.some((i) => i.code === 'AMBIGUOUS_NUMBER_TEXT' && i.where.range === volumeRead.label)) {
    io.err(warehouseText(language).decimalHint);
  }
  if (result === null || report === null) {
    io.err(t.noReportWritten(options.json));
    return EXIT_MODEL_ERRORS;
  }
  await writeOutput(out, report, t.files.report, language);
  if (options.svg !== undefined) await writeOutput(options.svg, whaleSvgFile(whaleCurveOfResult(result), language), t.files.svg, language);
  if (options.svgFlow !== undefined) {
    // Without a ledger or support pools there is no flow to draw: said, and nothing written, the run still good.
    const flow = costFlowSvg(result, language);
    if (flow === null) io.err(t.noCostFlow(options.svgFlow));
    else await writeOutput(options.svgFlow, flow, t.files.svgFlow, language);
  }
  if (options.svgBridge !== undefined) {
    if (made === null) io.err(compareText(language).notCompared(options.svgBridge));
    else await writeOutput(options.svgBridge, bridgeSvgFile(made.comparison, made.labels, result.settings.currency, language), t.files.svgBridge, language);
  }
  if (options.svgTornado !== undefined) {
    if (sensitivity === null) io.err(t.noTornado(options.svgTornado));
    else await writeOutput(options.svgTornado, tornadoSvgFile(sensitivity, result.settings.currency, language), t.files.svgTornado, language);
  }
  printSummary(result, io, language);
  if (made !== null) for (const line of comparisonLines(made, result.settings.currency, language)) io.out(line);
  else if (earlier !== null && earlier.figures === null) io.err(compareText(language).historyBroken);
  if (sensitivity !== null) for (const line of sensitivityLines(sensitivity, result.settings.currency, language)) io.out(line);
  for (const line of scenarioLines(scenarioRun.outcomes ?? [], result.settings.currency, language)) io.out(line);
  if (statements !== null) {
    for (const line of statementLines(statements.count, statements.capped, result.customers.length, statements.ms, language, statements.gone)) io.out(line);
  }
  if (kept?.kept != null) io.out(t.keptPeriod(kept.kept.period, kept.kept.customers, kept.kept.rows, kept.kept.replaced));
  io.out(t.reportWritten(out, options.json));
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
    io.err(cliText(options.lang ?? 'en').unexpectedFailure(e instanceof Error ? e.message : String(e)));
    return EXIT_MODEL_ERRORS;
  }
}
