/**
 * When to read the model again, so that the worksheet functions follow the workbook without a Refresh and
 * the workbook is read once per change, not once per listener:
 * - a change to a model cell (`changed`) or a manual recalculation (`recalculated`) makes the model stale;
 *   after a quiet period (`debounceMs`, restarted by every further change) one computation is run;
 * - a read that started after the last change covers it: the pane's own check, refresh or sample insert
 *   makes the feed's read unnecessary, and a change arriving while a read is under way is followed by one
 *   more read after it, never by a read beside it;
 * - a formula waiting for a first model (`wanted`) is served by the first computation whoever starts it,
 *   so the pane's check at start-up and the functions never read twice.
 * Every computation of the model, whoever starts it, runs inside `track`, which is how the feed knows what
 * each one covers. Pure: the computation is injected (`connect`) and so are the timers.
 */
import type { ModelRequests } from './model-store';

/** The timers the feed uses; the global ones by default, Jest's fake ones in tests. */
export interface FeedTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The host's timers, looked up at each call (so Jest's fake timers are seen) and typed without DOM or Node. */
const host = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
const GLOBAL_TIMERS: FeedTimers = {
  set: (callback, ms) => host.setTimeout(callback, ms),
  clear: (handle) => host.clearTimeout(handle),
};

/** Quiet period after the last change before the model is read again. */
export const DEFAULT_DEBOUNCE_MS = 500;

/** Wait before reading again after a read Excel did not answer (timeout, lost connection, cell edit). */
export const DEFAULT_RETRY_MS = 30_000;

export class ModelFeed implements ModelRequests {
  /** Changes seen so far. */
  private changes = 0;
  /** The `changes` count at the start of the latest computation that succeeded; -1 before any. */
  private covered = -1;
  /** The `changes` count at the start of each computation under way. */
  private readonly underway: number[] = [];
  private timer: unknown = null;
  private run: (() => Promise<void>) | null = null;
  private running = false;
  private dueAgain = false;

  constructor(
    readonly debounceMs = DEFAULT_DEBOUNCE_MS,
    private readonly timers: FeedTimers = GLOBAL_TIMERS,
    readonly retryMs = DEFAULT_RETRY_MS,
  ) {}

  /** Sets how to read and compute the model now (the pane: after its running action, inside `track`). */
  connect(run: (() => Promise<void>) | null): void {
    this.run = run;
  }

  /** True when a computation that started after the last change has succeeded. */
  get fresh(): boolean {
    return this.covered >= this.changes;
  }

  /** A model cell changed. */
  changed(): void {
    this.changes += 1;
    this.arm();
  }

  /** Excel recalculated by hand: the model is read again as after a change. */
  recalculated(): void {
    this.changed();
  }

  /** A formula waits for a first model; served by the computation under way, or one after the quiet period. */
  wanted(): void {
    if (this.covered < 0 && this.underway.length === 0 && this.timer === null) this.arm();
  }

  /** Runs one computation of the model, recording which changes it covers. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const at = this.changes;
    this.underway.push(at);
    try {
      const result = await work();
      this.covered = Math.max(this.covered, at);
      return result;
    } finally {
      this.underway.splice(this.underway.indexOf(at), 1);
    }
  }

  /**
   * A read failed for a reason that may pass (Excel did not answer in time, the connection dropped, a
   * cell was being edited): unless a change re-arms it sooner, read again after `retryMs`, so formulas
   * waiting for a model do not wait for ever.
   */
  retryLater(): void {
    if (this.fresh || this.timer !== null) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.due();
    }, this.retryMs);
  }

  /** Stops the pending timer (the pane is going away). */
  dispose(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.run = null;
  }

  private arm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.due();
    }, this.debounceMs);
  }

  private due(): void {
    if (this.fresh) return;
    // A read under way that started after the last change will cover it.
    if (this.underway.some((at) => at >= this.changes)) return;
    const run = this.run;
    if (run === null) return;
    if (this.running) {
      this.dueAgain = true;
      return;
    }
    this.running = true;
    let failed = false;
    void run()
      .catch(() => {
        // The failure is the pane's to show (and the store's, as #VALUE!); the next change tries again.
        failed = true;
      })
      .finally(() => {
        this.running = false;
        const again = this.dueAgain;
        this.dueAgain = false;
        if (again && !failed) this.due();
      });
  }
}
