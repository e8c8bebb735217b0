/**
 * What the pane does, without React: read, compute, write, insert, cancel, select, and the state the view
 * draws. The view subscribes; the workbook comes in as `WorkbookActions`, the computation as a `Computer`,
 * so the whole flow runs in Jest against the fake workbook and in the browser against Excel.
 */
import type { ActionOptions, ModelLanguage, Progress, WorkbookActions } from '../excel/actions';
import { GatewayError, type GatewayErrorKind, toGatewayError } from '../excel/errors';
import type { Issue } from '../engine/issues';
import { generateSampleModel } from '../sample';
import type { RangeSummary } from '../workbook/contract';
import type { ComputeOutput } from './compute';
import type { Computer } from './computer';
import type { Strings } from './i18n';

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
}

const INITIAL: PaneState = { busy: false, progress: null, ranges: null, issues: [], output: null, notice: null, error: null };

export class PaneController {
  private state: PaneState = INITIAL;
  private readonly listeners = new Set<(s: PaneState) => void>();
  private abort: AbortController | null = null;

  constructor(
    private readonly actions: WorkbookActions,
    private readonly computer: Computer,
    private readonly strings: Strings,
    private readonly formatMs: (ms: number) => string = (ms) => String(Math.round(ms)),
    /** Called after every computation, errors included, so the custom functions answer from the same model. */
    private readonly onComputed: ((output: ComputeOutput) => void) | null = null,
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

  /** Runs a long action with progress, Cancel and error reporting; one at a time. */
  private async busy(work: (options: ActionOptions) => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    const abort = new AbortController();
    this.abort = abort;
    this.set({ busy: true, progress: null, notice: null, error: null });
    try {
      await work({ signal: abort.signal, onProgress: (progress) => this.set({ progress }) });
    } catch (err) {
      const e = toGatewayError(err);
      if (e.kind === 'cancelled') this.set({ notice: { intent: 'info', text: `${this.strings.errorsOf.cancelled('').title} ${this.strings.errorsOf.cancelled('').action}` } });
      else this.set({ error: { kind: e.kind, items: e.items, detail: e.detail } });
    } finally {
      this.abort = null;
      this.set({ busy: false, progress: null });
    }
  }

  /** Reads and computes; returns the output, or null when the model has errors. */
  private async compute(options: ActionOptions): Promise<ComputeOutput | null> {
    const read = await this.actions.readModel(options);
    options.onProgress?.({ stage: 'computing', done: 0, total: 0 });
    const output = await this.computer.compute({ grids: [...read.grids], readIssues: read.issues, broken: read.broken }, options.signal);
    this.onComputed?.(output);
    this.set({ ranges: output.ranges, issues: output.issues, output: output.json === null ? this.state.output : output });
    if (output.json === null) {
      this.set({ output: null, notice: { intent: 'warning', text: this.strings.fixErrorsFirst } });
      return null;
    }
    return output;
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
      const output = await this.compute(options);
      if (output === null || output.sheets === null) return;
      const written = await this.actions.writeReport(output.sheets, output.currency, options);
      this.set({ notice: { intent: 'success', text: this.strings.reportWritten(written.sheets.join(', '), this.formatMs(output.computeMs)) } });
    });
  }

  /** Writes the sample wholesaler into the workbook, then checks it. */
  insertSample(): Promise<void> {
    return this.busy(async (options) => {
      await this.actions.insertSample(generateSampleModel(), options);
      await this.compute(options);
      this.set({ notice: { intent: 'success', text: this.strings.sampleInserted } });
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
