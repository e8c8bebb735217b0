/**
 * The pane's "How sure?" section without React (issue 21): Run asks the worker for the sensitivity of the
 * pane's last computation — the tornado and the seeded simulation — with the simulation's progress and
 * Cancel, and keeps the figures until a new computation makes them another model's. The worksheet functions
 * fetch the same analysis (`sensitivityFetcher`): the worker analyses a result once, for both.
 */
import { toGatewayError } from '../excel/errors';
import type { SensitivityFiguresJson } from '../functions/sensitivity-figures';
import type { SensitivityOutput, SensitivityProgress } from './compute';
import type { Computer } from './computer';
import type { Notice, PaneController } from './controller';
import type { Strings } from './i18n';
import { type SensitivityViewModel, sensitivityViewOf } from './sensitivity-view';

export interface SensitivityState {
  running: boolean;
  /** Draws done of all while the simulation runs; null before the first progress. */
  progress: SensitivityProgress | null;
  view: SensitivityViewModel | null;
  /** The computation the view is of: it goes when the pane computes again. */
  resultId: number | null;
  notice: Notice | null;
}

const INITIAL: SensitivityState = { running: false, progress: null, view: null, resultId: null, notice: null };

/**
 * The sensitivity of computation `resultId` of the pane's worker (null when a newer computation replaced it),
 * asked between the pane's own actions since the worker answers one request at a time.
 */
export function sensitivityFetcher(pane: PaneController, computer: Computer): (resultId: number) => Promise<SensitivityFiguresJson | null> {
  return async (resultId) => {
    const fetch = computer.sensitivity;
    if (fetch === undefined) throw new Error('This pane cannot run the simulation.');
    const answer = await pane.whenIdle((signal) => fetch.call(computer, resultId, () => undefined, signal));
    return answer?.ok === true ? answer.figures : null;
  };
}

export class SensitivityController {
  private state: SensitivityState = INITIAL;
  private readonly listeners = new Set<(s: SensitivityState) => void>();

  constructor(
    private readonly pane: PaneController,
    private readonly computer: Computer,
    private readonly strings: Strings,
  ) {
    // Figures of an earlier computation could differ from the model now shown: they go with it.
    pane.subscribe((s) => {
      if (this.state.view !== null && s.output?.resultId !== this.state.resultId) this.set({ view: null, resultId: null });
    });
  }

  getState(): SensitivityState {
    return this.state;
  }

  subscribe(listener: (s: SensitivityState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SensitivityState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /**
   * Runs the analysis on the pane's last computation. A worker that no longer holds it (restarted after a
   * Cancel) has the model checked again first, once.
   */
  async run(): Promise<void> {
    if (this.state.running) return;
    const ask = this.computer.sensitivity;
    if (ask === undefined) return this.warn(this.strings.sensitivityNotAvailable);
    this.set({ running: true, progress: null, notice: null });
    try {
      let answer = await this.ask(ask);
      if (answer?.ok === false) {
        await this.pane.check();
        answer = await this.ask(ask);
      }
      if (answer === null) return;
      if (!answer.ok) return this.warn(this.strings.fixErrorsFirst);
      this.set({ view: sensitivityViewOf(answer.figures), resultId: answer.resultId });
    } catch (err) {
      const e = toGatewayError(err);
      const explained = this.strings.errorsOf[e.kind](e.items.map((s) => `"${s}"`).join(', '));
      const detail = e.kind === 'unknown' && e.detail !== null ? ` ${e.detail}` : '';
      this.set({ notice: { intent: e.kind === 'cancelled' ? 'info' : 'warning', text: `${explained.title} ${explained.action}${detail}` } });
    } finally {
      this.set({ running: false, progress: null });
    }
  }

  /** Stops the simulation (the worker is terminated, as an import's Cancel does). */
  cancel(): void {
    this.pane.cancel();
  }

  /** The sensitivity of the pane's last computation, or null when no model was computed (or an action came first). */
  private async ask(ask: NonNullable<Computer['sensitivity']>): Promise<SensitivityOutput | null> {
    const output = this.pane.getState().output;
    if (output === null) return { ok: false, reason: 'noModel' };
    return this.pane.whenIdle((signal) => ask.call(this.computer, output.resultId, (progress) => this.set({ progress }), signal));
  }

  private warn(text: string): void {
    this.set({ notice: { intent: 'warning', text } });
  }
}
