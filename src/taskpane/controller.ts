/**
 * What the pane does, without React: read, compute, write, insert, cancel, select, and the state the view
 * draws. The view subscribes; the workbook comes in as `WorkbookActions`, the computation as a `Computer`,
 * so the whole flow runs in Jest against the fake workbook and in the browser against Excel.
 */
import type { ActionOptions, ModelLanguage, Progress, ReadOptions, WorkbookActions, WriteOutcome } from '../excel/actions';
import { GatewayError, type GatewayErrorKind, toGatewayError } from '../excel/errors';
import type { Issue } from '../engine/issues';
import { DEFAULT_SAMPLE_SEED, generateSampleModel } from '../sample';
import type { RangeSummary } from '../workbook/contract';
import type { ScenarioFiguresJson } from '../functions/scenario-figures';
import type { ScenarioLoad } from '../functions/scenario-source';
import type { ComputeOutput, ScenariosOutput } from './compute';
import type { Computer } from './computer';
import type { Strings } from './i18n';
import { volumesTable } from './import/volumes-table';
import { BAD_ROWS_LISTED, type ImportOutcome } from './import/import-types';
import { keepEarlierSample } from './sample-history';

/** A line of feedback under the buttons. */
export interface Notice {
  intent: 'success' | 'info' | 'warning';
  text: string;
}

/** An error of Excel, ready to show. */
export interface ShownError {
  kind: GatewayErrorKind;
  items: readonly string[];
  detail: string | null;
}

export interface PaneState {
  busy: boolean;
  progress: Progress | null;
  /** Ranges found and issues of the last check or refresh. */
  ranges: RangeSummary[] | null;
  issues: Issue[];
  /** The last successful computation (with figures). */
  output: ComputeOutput | null;
  notice: Notice | null;
  error: ShownError | null;
  /** The figures of the scenarios last run, of the model as it is now (a new computation clears them). */
  scenarioFigures: ScenarioFiguresJson[] | null;
  /** Why the last import wrote nothing: a title and one line per problem and bad row; null when none. */
  importReport: { title: string; lines: string[] } | null;
  /**
   * Do the worksheet functions follow edits: `yes`, `retrying` (watching the workbook failed and is tried
   * again) or `no` (it kept failing: they follow Check and Refresh only). The pane says so when not `yes`.
   */
  functionsFollow: FunctionsFollow;
  /** A read following an edit is under way in the background (the buttons stay enabled). */
  updating: boolean;
}

/** Whether the worksheet functions follow the model's edits. */
export type FunctionsFollow = 'yes' | 'retrying' | 'no';

const INITIAL: PaneState = {
  busy: false,
  progress: null,
  ranges: null,
  issues: [],
  output: null,
  notice: null,
  error: null,
  scenarioFigures: null,
  importReport: null,
  functionsFollow: 'yes',
  updating: false,
};

export class PaneController {
  private state: PaneState = INITIAL;
  private readonly listeners = new Set<(s: PaneState) => void>();
  private abort: AbortController | null = null;
  /** Settles when the running action ends. */
  private idle: Promise<void> = Promise.resolve();
  /** The read following an edit, under way in the background; an action the user starts stops it. */
  private background: { abort: AbortController; done: Promise<void> } | null = null;

  constructor(
    private readonly actions: WorkbookActions,
    private readonly computer: Computer,
    private readonly strings: Strings,
    private readonly formatMs: (ms: number) => string = (ms) => String(Math.round(ms)),
    /** Called after every computation, errors included, so the custom functions answer from the same model. */
    private readonly onComputed: ((output: ComputeOutput) => void) | null = null,
    /** Runs each read-and-compute, so the functions' feed knows which changes it covers (see model-feed.ts). */
    private readonly track: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
  ) {}

  getState(): PaneState {
    return this.state;
  }

  subscribe(listener: (s: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Says whether the worksheet functions follow edits (follow-model.ts, as its watch starts or fails). */
  setFunctionsFollow(functionsFollow: FunctionsFollow): void {
    if (this.state.functionsFollow !== functionsFollow) this.set({ functionsFollow });
  }

  /** Runs a long action with progress, Cancel and error reporting; one at a time. */
  private async busy(work: (options: ActionOptions) => Promise<void>, quiet = false): Promise<void> {
    if (this.state.busy) return;
    const abort = new AbortController();
    this.abort = abort;
    let finished = (): void => undefined;
    this.idle = new Promise((resolve) => {
      finished = resolve;
    });
    // A quiet action (the scenarios a formula asks for) keeps the last notice: the user did not ask for it.
    this.set(quiet ? { busy: true, progress: null } : { busy: true, progress: null, notice: null, error: null });
    try {
      // The user's action reads the model itself: a read following an edit in the background is stopped.
      // A quiet one reads nothing, so it waits for that read instead.
      const behind = this.background;
      if (behind !== null) {
        if (!quiet) behind.abort.abort();
        await behind.done;
      }
      const options: ActionOptions = { signal: abort.signal, onProgress: (progress) => this.set({ progress }) };
      await this.retryAfterCellEdit(() => work(options), abort.signal);
    } catch (err) {
      const e = toGatewayError(err);
      if (e.kind === 'cancelled') this.set({ notice: { intent: 'info', text: `${this.strings.errorsOf.cancelled('').title} ${this.strings.errorsOf.cancelled('').action}` } });
      else this.set({ error: { kind: e.kind, items: e.items, detail: e.detail } });
    } finally {
      this.abort = null;
      this.set({ busy: false, progress: null });
      finished();
    }
  }

  /**
   * How often, and how far apart, an action is tried again that Excel refused because a cell is being
   * edited. The gateway asks Excel to wait instead (delayForCellEdit), but a host without that option
   * refuses; each attempt starts over, so nothing is done twice.
   */
  cellEditRetry = { attempts: 5, delayMs: 3_000 };

  private async retryAfterCellEdit(attempt: () => Promise<void>, signal: AbortSignal): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        await attempt();
        return;
      } catch (err) {
        if (toGatewayError(err).kind !== 'editMode' || tries > this.cellEditRetry.attempts) throw err;
      }
      this.set({ notice: { intent: 'info', text: this.strings.waitingForCellEdit } });
      await pause(this.cellEditRetry.delayMs, signal);
      this.set({ notice: null });
    }
  }

  /** Reads and computes; returns the output, or null when the model has errors. `report`: lay out the report sheets too (Refresh). */
  private async compute(options: ReadOptions, report = false): Promise<ComputeOutput | null> {
    const output = await this.track(async () => {
      const read = await this.actions.readModel(options);
      options.onProgress?.({ stage: 'computing', done: 0, total: 0 });
      // The report is in the pane's language (Office's display language) unless the workbook's setting says otherwise.
      const request = { grids: [...read.grids], readIssues: read.issues, broken: read.broken, language: this.strings.language, statements: read.statements ?? [], report };
      const computed = await this.computer.compute(request, options.signal);
      this.onComputed?.(computed);
      return computed;
    });
    // Figures of scenarios run on an earlier computation could differ from this one's: they go.
    this.set({ ranges: output.ranges, issues: output.issues, output: output.json === null ? this.state.output : output, scenarioFigures: null });
    if (output.json === null) {
      this.set({ output: null, notice: { intent: 'warning', text: this.strings.fixErrorsFirst } });
      return null;
    }
    return output;
  }

  /**
   * Reads and computes again because the model changed (called by the worksheet functions' feed): waits
   * for the running action, then, if `needed` still says so (that action may have read the change), updates
   * the model status and figures quietly.
   */
  async follow(needed: () => boolean = () => true): Promise<void> {
    while (this.state.busy || this.background !== null) await (this.background?.done ?? this.idle);
    if (!needed()) return;
    // In the background: the buttons stay enabled, the last notice stays (the user did not ask for this
    // read), and an action the user starts stops it (see `busy`), its own read covering the edit.
    const abort = new AbortController();
    let finished = (): void => undefined;
    this.background = {
      abort,
      done: new Promise((resolve) => {
        finished = resolve;
      }),
    };
    this.set({ updating: true });
    try {
      // The ranges the watch saw unchanged may be reused (read-cache.ts).
      await this.retryAfterCellEdit(async () => {
        await this.compute({ signal: abort.signal, partial: true });
      }, abort.signal);
    } catch (err) {
      const e = toGatewayError(err);
      if (e.kind !== 'cancelled') this.set({ error: { kind: e.kind, items: e.items, detail: e.detail } });
    } finally {
      this.background = null;
      this.set({ updating: false });
      finished();
    }
  }

  /** Reads the model and shows its status and figures, writing nothing. */
  check(): Promise<void> {
    return this.busy(async (options) => {
      const output = await this.compute(options);
      if (output !== null) this.set({ notice: { intent: 'success', text: this.strings.computed(this.formatMs(output.computeMs)) } });
    });
  }

  /** Reads, computes in the worker and writes the report sheets. */
  refresh(): Promise<void> {
    return this.busy(async (options) => {
      const output = await this.compute(options, true);
      if (output === null || output.sheets === null) return;
      const written = await this.actions.writeReport(output.sheets, output.currency, options);
      this.set({ notice: this.writtenNotice(this.strings.reportWritten(written.sheets.join(', '), this.formatMs(output.computeMs)), written) });
    });
  }

  /**
   * Writes one customer's statement sheet (`customer`: its id, or a name only one customer has): reads and
   * computes first, as Refresh does, so the statement shows the model as it is now; the worker lays the
   * sheet out from that exact result. Only that sheet is written: the customer's earlier statement is
   * updated in place (found by its role mark), the other report sheets are left as they are.
   */
  writeStatement(customer: string): Promise<void> {
    return this.busy(async (options) => {
      const statement = this.computer.statement;
      if (statement === undefined) throw new GatewayError('unknown', [], 'This pane cannot lay out statements.');
      const output = await this.compute(options);
      if (output === null) return;
      const laid = await statement.call(this.computer, customer, options.signal);
      if (!laid.ok) {
        const text = laid.reason === 'unknownCustomer' ? this.strings.unknownCustomer(customer, laid.close) : this.strings.fixErrorsFirst;
        this.set({ notice: { intent: 'warning', text } });
        return;
      }
      const written = await this.actions.writeReport([laid.sheet], laid.currency, options);
      this.set({ notice: this.writtenNotice(this.strings.statementWritten(written.sheets.join(', ')), written) });
    });
  }

  /**
   * Runs the scenarios named (their Scenario names) and writes the scenarios sheet: reads and computes
   * first, as Refresh does, then the worker runs just those scenarios on that exact result. Their figures
   * are shown even when the sheet cannot be written.
   */
  runScenarios(names: readonly string[]): Promise<void> {
    return this.busy(async (options) => {
      const run = this.computer.scenarios;
      if (run === undefined) throw new GatewayError('unknown', [], 'This pane cannot run scenarios.');
      const output = await this.compute(options);
      if (output === null) return;
      const ran = await run.call(this.computer, names, options.signal);
      if (!ran.ok) {
        // Bad scenario rows join the model's list, where a click selects the cell to fix.
        if (ran.reason === 'errors') this.set({ issues: [...output.issues, ...ran.issues] });
        this.set({ notice: { intent: 'warning', text: this.refusal(ran) } });
        return;
      }
      this.set({ scenarioFigures: ran.figures });
      const written = await this.actions.writeReport([ran.sheet], ran.currency, options);
      this.set({ notice: this.writtenNotice(this.strings.scenariosWritten(written.sheets.join(', ')), written) });
    });
  }

  /**
   * The notice after report sheets were written: success, or information when the write cleared a sheet's
   * filter and sort, since the rows the user had chosen are visible again and they should know why.
   */
  private writtenNotice(text: string, written: WriteOutcome): Notice {
    const cleared = written.filtersCleared ?? [];
    const formats = formatsBySheet(written.formatsNotSet ?? []);
    const said = [text, ...(cleared.length > 0 ? [this.strings.filtersCleared(cleared.join(', '))] : []), ...(formats === '' ? [] : [this.strings.formatsNotSet(formats)])].join(' ');
    // Cells that may look wrong are a warning: a controller must not read them unawares.
    if (formats !== '') return { intent: 'warning', text: said };
    return { intent: cleared.length === 0 ? 'success' : 'info', text: said };
  }

  /** Why the scenarios were not run, in the pane's words. */
  private refusal(ran: Exclude<ScenariosOutput, { ok: true }>): string {
    switch (ran.reason) {
      case 'errors':
        return this.strings.scenarioErrors;
      case 'unknownScenarios':
        return this.strings.unknownScenarios(ran.names);
      case 'noScenarios':
        return this.strings.noScenarios;
      case 'noneChosen':
        return this.strings.noScenarioChosen;
      case 'noModel':
        return this.strings.fixErrorsFirst;
    }
  }

  /**
   * Every scenario's figures for the worksheet functions (`ABC.SCENARIO`), from the computation `resultId`
   * of the worker; null when a newer computation replaced it. A failure is the formulas' to show.
   */
  async scenarioFiguresFor(resultId: number): Promise<ScenarioLoad | null> {
    const load = this.computer.scenarioFigures;
    if (load === undefined) throw new GatewayError('unknown', [], 'This pane cannot run scenarios.');
    return this.whenIdle((signal) => load.call(this.computer, resultId, signal));
  }

  /**
   * Runs a request to the worker once no action runs, quietly (the last notice stays): the worker answers
   * one request at a time. Null when it could not run (an action started first); a failure is the caller's.
   */
  async whenIdle<T>(work: (signal: AbortSignal) => Promise<T | null>): Promise<T | null> {
    while (this.state.busy) await this.idle;
    let done: T | null = null;
    let failure: unknown = null;
    await this.busy(async (options) => {
      options.onProgress?.({ stage: 'computing', done: 0, total: 0 });
      try {
        done = await work(options.signal ?? new AbortController().signal);
      } catch (err) {
        failure = err;
      }
    }, true);
    if (failure !== null) throw toGatewayError(failure);
    return done;
  }

  /**
   * "Import transactions": reads the file in the worker (progress in bytes and rows, Cancel), writes the
   * aggregated volumes as ABC_Volumes on their own sheet, then checks the model. A file that does not fit
   * the contract writes nothing and says why, with the first bad rows and their lines.
   */
  importTransactions(file: Blob & { name: string }): Promise<void> {
    return this.busy(async (options) => {
      const read = this.computer.importFile;
      const write = this.actions.writeVolumes;
      if (read === undefined || write === undefined) throw new GatewayError('unknown', [], 'This pane cannot import transactions.');
      this.set({ importReport: null });
      options.onProgress?.({ stage: 'importing', done: 0, total: file.size, rows: 0 });
      const outcome = await read.call(this.computer, file, file.name, (p) => options.onProgress?.({ stage: 'importing', done: p.bytes, total: p.totalBytes, rows: p.rows }), options.signal);
      if (!outcome.ok) {
        this.set({ importReport: this.importRefusal(outcome) });
        return;
      }
      const table = volumesTable(outcome.volumes, this.strings, this.now(), this.formatInteger);
      const written = await write.call(this.actions, table, options);
      await this.compute(options);
      const text = this.strings.importWritten(this.formatInteger(outcome.volumes.rows), this.formatInteger(outcome.volumes.cells.length), written.sheets.join(', '));
      this.set({ notice: { intent: 'success', text } });
    });
  }

  /** The lines that say why an import wrote nothing. */
  private importRefusal(outcome: Extract<ImportOutcome, { ok: false }>): { title: string; lines: string[] } {
    const lines = [...outcome.problems.map((p) => this.strings.importProblem(p, this.formatInteger)), ...outcome.badRows.map((r) => this.strings.badRow(r))];
    if (outcome.badRowCount > outcome.badRows.length) lines.push(this.strings.moreBadRows(String(Math.min(BAD_ROWS_LISTED, outcome.badRows.length)), this.formatInteger(outcome.badRowCount)));
    return { title: this.strings.importRefused(outcome.source), lines };
  }

  /** Whole numbers as the pane shows them; set by the pane to its locale's format. */
  formatInteger: (n: number) => string = (n) => String(n);

  /** The clock of the import note; tests set it. */
  now: () => Date = () => new Date();

  /** Writes the sample wholesaler into the workbook, in the pane's language, then checks it. */
  insertSample(): Promise<void> {
    return this.busy(async (options) => {
      const written = await this.actions.insertSample(generateSampleModel(DEFAULT_SAMPLE_SEED, this.strings.language), options);
      await keepEarlierSample(this.actions, this.computer, this.strings.language, options);
      await this.compute(options);
      this.set({ notice: this.writtenNotice(this.strings.sampleInserted, written) });
    });
  }

  /** Writes the contract's empty tables, then shows what is still missing. */
  insertEmpty(language: ModelLanguage): Promise<void> {
    return this.busy(async (options) => {
      await this.actions.insertEmptyModel(language, options);
      await this.compute(options);
      this.set({ notice: { intent: 'info', text: this.strings.emptyInserted } });
    });
  }

  /** Cancel: the running action stops at its next chunk and undoes what it started. */
  cancel(): void {
    this.abort?.abort();
  }

  /** Selects the cell of an issue in the workbook. */
  async select(issue: Issue): Promise<void> {
    const { sheet, cell } = issue.where;
    if (sheet === undefined || cell === undefined) return;
    try {
      await this.actions.selectCell(sheet, cell);
    } catch (err) {
      const e = err instanceof GatewayError ? err : toGatewayError(err);
      this.set({ error: { kind: e.kind, items: e.items, detail: e.detail } });
    }
  }
}

/** Waits `ms`, or ends with `cancelled` as soon as the user presses Cancel. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new GatewayError('cancelled'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new GatewayError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Number formats Excel did not keep, by sheet: `ABC Summary: 0.0%, #,##0; ABC Rates: …` (empty: none). */
function formatsBySheet(failures: ReadonlyArray<{ sheet: string; code: string }>): string {
  const bySheet = new Map<string, string[]>();
  for (const f of failures) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f.code]);
  return [...bySheet].map(([sheet, codes]) => `${sheet}: ${codes.join(', ')}`).join('; ');
}
