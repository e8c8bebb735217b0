/**
 * The pane's "Keep period" and "Compare" (issue 20), without React: keeps this period's figures in
 * ABC_History, lists the kept periods, compares one with this period and writes the ABC Comparison sheet.
 * The workbook comes in as `WorkbookActions`, this period's figures through `CurrentPeriod`, and the
 * sheet's layout through a `ComparisonSheetsBuilder`, so the whole flow runs in Jest on stand-ins.
 * A broken history only adds issues: this period's result is never touched by it.
 */
import { analyseComparison } from '../engine/compare/analysis';
import { compareFigures } from '../engine/compare/bridge';
import type { PeriodFigures } from '../engine/compare/figures';
import { type KeptPeriods, NO_KEPT_PERIODS } from '../engine/compare/kept-periods';
import type { Comparison, ComparisonAnalysis } from '../engine/compare/types';
import type { Issue } from '../engine/issues';
import { nameKey } from '../engine/model';
import type { WorkbookActions } from '../excel/actions';
import { toGatewayError } from '../excel/errors';
import type { ReportLanguage } from '../workbook/report-layout';
import type { ReportSheet } from '../workbook/report-types';
import { periodFiguresFromJson } from '../workbook/period-figures-json';
import type { ComputeOutput } from './compute';
import { type CompareViewModel, compareViewOf } from './compare-view';
import type { Computer } from './computer';
import type { Notice, PaneController } from './controller';
import type { Strings } from './i18n';

/** This period as the last computation left it. */
export interface CurrentPeriod {
  figures: PeriodFigures;
  currency: string;
  /** The report's language, for the Comparison sheet. */
  language: ReportLanguage;
}

/** This period's figures; null when the last computation is gone (the model changed or has errors). */
export type CurrentPeriodSource = () => Promise<CurrentPeriod | null>;

/** Lays out the ABC Comparison sheet(s) of a comparison (in the add-in: report-comparison.ts's buildComparisonSheet). */
export type ComparisonSheetsBuilder = (
  comparison: Comparison,
  analysis: ComparisonAnalysis,
  labels: { earlier: string; now: string },
  currency: string,
  language: ReportLanguage,
) => ReportSheet[];

export interface CompareState {
  busy: boolean;
  /** The kept periods to compare with, in ABC_History's order, this period left out; null before they were read. */
  periods: string[] | null;
  /** Problems of ABC_History, shown as the model's issues are. */
  issues: Issue[];
  view: CompareViewModel | null;
  notice: Notice | null;
}

const INITIAL: CompareState = { busy: false, periods: null, issues: [], view: null, notice: null };

/** Why "Keep period" is off for this output, or null when it is on. */
export function keepBlockedReason(output: ComputeOutput | null, actions: WorkbookActions, strings: Strings): string | null {
  if (actions.keepPeriod === undefined) return strings.keepNotAvailable;
  if (output?.json == null) return strings.keepNeedsResult;
  if (output.json.period === null || output.json.period.trim() === '') return strings.keepNeedsPeriod;
  return null;
}

/**
 * This period's exact figures from computation `resultId` of the pane's worker (null when a newer one
 * replaced it), asked between the pane's own actions since the worker answers one request at a time.
 */
export function periodFiguresFetcher(pane: PaneController, computer: Computer): (resultId: number) => Promise<PeriodFigures | null> {
  return async (resultId) => {
    const fetch = computer.periodFigures;
    if (fetch === undefined) return null;
    const json = await pane.whenIdle((signal) => fetch.call(computer, resultId, signal));
    return json === null ? null : periodFiguresFromJson(json);
  };
}

/** This period as the pane's last computation left it. */
export function currentOfPane(pane: PaneController, computer: Computer): CurrentPeriodSource {
  const fetch = periodFiguresFetcher(pane, computer);
  return async () => {
    const last = pane.getState().output;
    if (last?.json == null) return null;
    const figures = await fetch(last.resultId);
    return figures === null ? null : { figures, currency: last.currency, language: last.language };
  };
}

export class CompareController {
  private state: CompareState = INITIAL;
  private readonly listeners = new Set<(s: CompareState) => void>();
  private kept: KeptPeriods = NO_KEPT_PERIODS;

  constructor(
    private readonly actions: WorkbookActions,
    private readonly current: CurrentPeriodSource,
    private readonly strings: Strings,
    /** Null until the Comparison sheet's layout is plugged in: the comparison is then shown, not written. */
    private readonly buildSheets: ComparisonSheetsBuilder | null = null,
    /** Called after a period was kept, so the worksheet functions read ABC_History again. */
    private readonly onKept: (() => void) | null = null,
  ) {}

  /** Why "Keep period" is off for the pane's last computation, or null when it is on. */
  keepBlocked(output: ComputeOutput | null): string | null {
    return keepBlockedReason(output, this.actions, this.strings);
  }

  getState(): CompareState {
    return this.state;
  }

  subscribe(listener: (s: CompareState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<CompareState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Runs one action at a time; Excel's refusals become a warning notice. */
  private async busy(work: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: true, notice: null });
    try {
      await work();
    } catch (err) {
      const explained = this.strings.errorsOf[toGatewayError(err).kind]('');
      this.set({ notice: { intent: 'warning', text: `${explained.title} ${explained.action}` } });
    } finally {
      this.set({ busy: false });
    }
  }

  /** Keeps this period under its Period setting; says so, and whether an earlier copy was replaced. */
  keep(): Promise<void> {
    return this.busy(async () => {
      const keepPeriod = this.actions.keepPeriod;
      if (keepPeriod === undefined) return this.warn(this.strings.keepNotAvailable);
      const now = await this.current();
      if (now === null) return this.warn(this.strings.resultChanged);
      const period = now.figures.label;
      if (period === null) return this.warn(this.strings.keepNeedsPeriod);
      // Read first: whether the period was there already is what the controller needs to hear.
      const before = await this.readKept();
      const written = await keepPeriod.call(this.actions, now.figures, period);
      const replaced = before !== null ? hasLabel(before, period) : written.replaced.length > 0;
      const after = await this.readKept(period);
      this.onKept?.();
      // A history the writer refused (a hand-broken table) keeps nothing: its problems are listed, and said.
      if (after !== null && !hasLabel(after, period)) return this.warn(this.strings.periodNotKept(period));
      this.set({ notice: { intent: 'success', text: this.strings.periodKept(period, replaced) } });
    });
  }

  /** Reads the kept periods for the dropdown, this period (`period`, the model's Period setting) left out. */
  load(period: string | null): Promise<void> {
    return this.busy(async () => {
      await this.readKept(period);
    });
  }

  /** Compares the kept period `label` with this period, shows the bridge and lists, and writes the Comparison sheet. */
  compare(label: string): Promise<void> {
    return this.busy(async () => {
      const now = await this.current();
      if (now === null) return this.warn(this.strings.resultChanged);
      const kept = (await this.readKept(now.figures.label)) ?? this.kept;
      const key = kept.order.find((l) => nameKey(l) === nameKey(label));
      const earlier = key === undefined ? undefined : kept.periods.get(key);
      if (key === undefined || earlier === undefined) return this.warn(this.strings.unknownKeptPeriod(label));
      const after = now.figures.label ?? '';
      const comparison = compareFigures(earlier, now.figures);
      const analysis = analyseComparison(comparison, earlier, now.figures);
      this.set({ view: compareViewOf(comparison, analysis, key, after) });
      const sheets = this.buildSheets?.(comparison, analysis, { earlier: key, now: after }, now.currency, now.language) ?? [];
      if (sheets.length === 0) {
        this.set({ notice: { intent: 'success', text: this.strings.comparisonShown(key, after) } });
        return;
      }
      const written = await this.actions.writeReport(sheets, now.currency);
      this.set({ notice: { intent: 'success', text: this.strings.comparisonWritten(key, after, written.sheets.join(', ')) } });
    });
  }

  /** Selects the cell of a history issue. */
  async select(issue: Issue): Promise<void> {
    const { sheet, cell } = issue.where;
    if (sheet === undefined || cell === undefined) return;
    await this.busy(() => this.actions.selectCell(sheet, cell));
  }

  /** Reads ABC_History (null when this workbook keeps no periods) and lists its periods but `current`. */
  private async readKept(current: string | null = null): Promise<KeptPeriods | null> {
    const read = this.actions.readKeptPeriods;
    if (read === undefined) return null;
    const kept = await read.call(this.actions);
    this.kept = kept;
    const here = current === null ? null : nameKey(current);
    this.set({ periods: kept.order.filter((l) => nameKey(l) !== here), issues: kept.issues });
    return kept;
  }

  private warn(text: string): void {
    this.set({ notice: { intent: 'warning', text } });
  }
}

function hasLabel(kept: KeptPeriods, label: string): boolean {
  return kept.order.some((l) => nameKey(l) === nameKey(label));
}
