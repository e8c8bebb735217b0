/**
 * The model the worksheet functions answer from, shared by the task pane and the functions in the one
 * shared runtime. The pane publishes every computation (its Web Worker's, errors included); the functions
 * subscribe and re-emit their results whenever a new one arrives. The store never reads or computes
 * itself: when a formula waits and there is no model yet, it asks whoever is connected (the pane's
 * `ModelFeed`) for one, and until it comes the formula sets no result, which Excel shows as #BUSY!, never
 * a stale or made-up number. A model's scenario outcomes are run by whoever published it, on the first
 * `ABC.SCENARIO` that asks, and kept with that model (scenario-source.ts). Pure: no Office, no timers.
 */
import type { KeptPeriods } from '../engine/compare/kept-periods';
import { valueError } from './function-result';
import { LazyLoad, type Loader } from './lazy-load';
import { type ComputedJson, type ModelIndex, buildModelIndex, buildModelIndexFromJson, unavailableIndex } from './model-index';

/** What the store asks of the side that reads and computes the model. */
export interface ModelRequests {
  /** A formula waits and there is no model yet. */
  wanted(): void;
  /**
   * Excel called a formula again that it had just cancelled, as it does for every streaming function on a
   * manual recalculation (Ctrl+Alt+F9): the model may have changed in ways no event told.
   */
  recalculated(): void;
}

/** Where a snapshot came from. */
export type SnapshotOrigin = 'published' | 'failed';

/** One state of the model; `version` grows by one with every new state. */
export interface ModelSnapshot {
  version: number;
  origin: SnapshotOrigin;
  index: ModelIndex;
  /**
   * The periods kept in ABC_History (`ABC.PROFIT` with a period, `ABC.CHANGE`), read when a formula first
   * asks, once per model version and again after a period is kept; null when no reader is connected.
   */
  kept: LazyLoad<KeptPeriods> | null;
}

/** Called with every new snapshot, in version order. */
export type ModelListener = (snapshot: ModelSnapshot) => void;

/** Stops a subscription. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** The latest model, its version and its subscribers. */
export class ModelStore {
  private snapshot: ModelSnapshot | null = null;
  private version = 0;
  private readonly listeners = new Set<ModelListener>();
  private requests: ModelRequests | null = null;
  /** Formulas (by function and arguments) cancelled since the last snapshot, with how many times. */
  private readonly cancelled = new Map<string, number>();
  /** Reads ABC_History (in the pane: through the workbook's actions); null: no kept periods can be read. */
  private keptReader: Loader<KeptPeriods> | null = null;

  /** Connects the reader of the kept periods (tests inject one); the next formula that needs them reads them. */
  connectHistory(reader: Loader<KeptPeriods> | null): void {
    this.keptReader = reader;
    this.historyChanged();
  }

  /** ABC_History changed (a period was kept): the formulas that use it answer again from a new read. */
  historyChanged(): void {
    const now = this.snapshot;
    if (now === null) return;
    const snapshot: ModelSnapshot = { ...now, kept: this.keptLoad() };
    this.snapshot = snapshot;
    for (const listener of [...this.listeners]) deliver(listener, snapshot);
  }

  /** A fresh read of the kept periods that answers the waiting formulas when it settles. */
  private keptLoad(): LazyLoad<KeptPeriods> | null {
    const reader = this.keptReader;
    if (reader === null) return null;
    const load = new LazyLoad(reader);
    load.onSettled = () => this.redeliver((s) => s.kept === load);
    return load;
  }

  /** Tells every subscriber the current snapshot again, if it still `is` the one a load settled for. */
  private redeliver(is: (snapshot: ModelSnapshot) => boolean): void {
    const now = this.snapshot;
    if (now !== null && is(now)) for (const listener of [...this.listeners]) deliver(listener, now);
  }

  /**
   * Connects the side that computes the model. Formulas that are already waiting for a first model are
   * served by the request made here.
   */
  connect(requests: ModelRequests | null): void {
    this.requests = requests;
    if (requests !== null && this.snapshot === null && this.listeners.size > 0) requests.wanted();
  }

  /** The latest snapshot, or null when there is none yet. */
  get current(): ModelSnapshot | null {
    return this.snapshot;
  }

  /** The number of active subscriptions (one per live ABC formula). */
  get subscriberCount(): number {
    return this.listeners.size;
  }

  /**
   * Makes an analysis the current model and tells every subscriber, synchronously. For a result computed
   * in this thread (its values are real decimals); see `publishJson` for one that crossed a worker.
   */
  publish(analysis: Parameters<typeof buildModelIndex>[0]): ModelSnapshot {
    return this.adopt('published', buildModelIndex(analysis));
  }

  /**
   * The same for a computation that arrives as plain data: the issues and the JSON result, as the task
   * pane's Web Worker returns them (`ComputeOutput.issues` and `.json`). Call it after every computation,
   * also when the model has errors, so that the formulas show them.
   */
  publishJson(computed: ComputedJson): ModelSnapshot {
    return this.adopt('published', buildModelIndexFromJson(computed));
  }

  /** The model could not be read: every formula gives #VALUE! with this message until the next publish. */
  fail(message: string): ModelSnapshot {
    return this.adopt('failed', unavailableIndex(valueError(message)));
  }

  /**
   * Subscribes a formula to the model. The listener is called at once with the current snapshot when there
   * is one; otherwise the model is requested and the listener first hears of it when it is published.
   * `formula` (the function and its arguments) lets the store notice Excel calling again a formula it has
   * just cancelled, which is how a manual recalculation shows itself.
   */
  subscribe(listener: ModelListener, formula?: string): Unsubscribe {
    this.listeners.add(listener);
    if (formula !== undefined) this.noticeRecall(formula);
    const now = this.snapshot;
    if (now !== null) deliver(listener, now);
    else this.requests?.wanted();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(listener);
      if (formula !== undefined) this.cancelled.set(formula, (this.cancelled.get(formula) ?? 0) + 1);
    };
  }

  private noticeRecall(formula: string): void {
    const count = this.cancelled.get(formula) ?? 0;
    if (count === 0) return;
    if (count === 1) this.cancelled.delete(formula);
    else this.cancelled.set(formula, count - 1);
    this.requests?.recalculated();
  }

  private adopt(origin: SnapshotOrigin, index: ModelIndex): ModelSnapshot {
    this.version += 1;
    const snapshot: ModelSnapshot = { version: this.version, origin, index, kept: this.keptLoad() };
    this.snapshot = snapshot;
    // A formula cancelled before this model and typed again after it is a new formula, not a recalculation.
    this.cancelled.clear();
    if (index.status === 'ready') {
      // The scenarios are computed when a formula first asks; the formulas waiting for them (ABC.SCENARIO
      // sets nothing meanwhile) answer when they arrive, unless a newer model came first.
      index.scenarios.onSettled = () => this.redeliver((s) => s.index === index);
      if (index.figures !== undefined) index.figures.onSettled = () => this.redeliver((s) => s.index === index);
      if (index.sensitivity !== undefined) index.sensitivity.onSettled = () => this.redeliver((s) => s.index === index);
    }
    for (const listener of [...this.listeners]) deliver(listener, snapshot);
    return snapshot;
  }
}

function deliver(listener: ModelListener, snapshot: ModelSnapshot): void {
  try {
    listener(snapshot);
  } catch {
    // One broken subscriber must not keep the others on an old model.
  }
}

const STORE_KEY = Symbol.for('customer-profitability-abc.model-store');

/**
 * The store of this runtime. Kept on `globalThis` rather than in a module variable because the task pane
 * and the functions are separate webpack entries: each bundles its own copy of this module, yet both run
 * in the one shared runtime and must see the same store.
 */
export function sharedModelStore(): ModelStore {
  const slot = globalThis as unknown as Record<symbol, ModelStore | undefined>;
  let store = slot[STORE_KEY];
  if (store === undefined) {
    store = new ModelStore();
    slot[STORE_KEY] = store;
  }
  return store;
}
