/**
 * The model the worksheet functions answer from, shared by the task pane and the functions in the one
 * shared runtime. The pane publishes every analysis it computes; the functions subscribe and re-emit
 * their results whenever a new one arrives. Before the pane has published anything (the runtime may
 * start hidden, when a workbook with ABC formulas opens), the store reads the named ranges itself
 * through an injected `ModelSource`, once, and computes the model from them. Pure: the Office.js reading
 * code sits behind `ModelSource`.
 */
import { type Analysis, analyseWorkbook } from '../workbook/analyse';
import type { ContractRangeName } from '../workbook/contract';
import type { RangeGrid } from '../workbook/grid';
import { valueError } from './function-result';
import { type ComputedJson, type ModelIndex, buildModelIndex, buildModelIndexFromJson, unavailableIndex } from './model-index';

/** Reads the contract's named ranges from the open workbook (read only: custom functions may not write). */
export interface ModelSource {
  readGrids(): Promise<ReadonlyMap<ContractRangeName, RangeGrid>>;
}

/** Where a snapshot came from. */
export type SnapshotOrigin = 'published' | 'read' | 'failed';

/** One state of the model; `version` grows by one with every new state. */
export interface ModelSnapshot {
  version: number;
  origin: SnapshotOrigin;
  index: ModelIndex;
}

/** Called with every new snapshot, in version order. */
export type ModelListener = (snapshot: ModelSnapshot) => void;

/** Stops a subscription. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** What analyses a workbook's grids; injectable so tests can count the computations. */
export type Analyse = (grids: ReadonlyMap<ContractRangeName, RangeGrid>) => Pick<Analysis, 'issues' | 'result'>;

/** The latest model, its version and its subscribers. */
export class ModelStore {
  private snapshot: ModelSnapshot | null = null;
  private version = 0;
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<ModelListener>();

  constructor(
    private source: ModelSource | null = null,
    private readonly analyse: Analyse = analyseWorkbook,
  ) {}

  /**
   * Sets where the model is read from when nothing has been published yet. Formulas that were told
   * "no model yet" because they ran before the source was connected are served by a read started here.
   */
  setSource(source: ModelSource | null): void {
    this.source = source;
    const now = this.snapshot;
    if (source !== null && this.listeners.size > 0 && (now === null || now.origin === 'failed')) this.load();
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
  publish(analysis: Pick<Analysis, 'issues' | 'result'>): ModelSnapshot {
    return this.adopt('published', buildModelIndex(analysis));
  }

  /**
   * The same for a computation that arrives as plain data: the issues and the JSON result, as the task
   * pane's Web Worker returns them (`ComputeOutput.issues` and `.json`). Call it after every refresh,
   * also when the model has errors, so that the formulas show them.
   */
  publishJson(computed: ComputedJson): ModelSnapshot {
    return this.adopt('published', buildModelIndexFromJson(computed));
  }

  /**
   * Subscribes to the model. The listener is called at once with the current snapshot when there is
   * one; otherwise the first subscription starts reading the workbook, and every listener gets the
   * result when it is ready. A later snapshot always replaces an earlier one: a read that finishes after
   * a publish is dropped, so no formula ever shows an older model than the latest.
   */
  subscribe(listener: ModelListener): Unsubscribe {
    this.listeners.add(listener);
    const now = this.snapshot;
    if (now !== null) deliver(listener, now);
    if (now === null || now.origin === 'failed') this.load();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The current snapshot, reading the workbook first when there is none yet (or the last read failed). */
  async whenReady(): Promise<ModelSnapshot> {
    const now = this.snapshot;
    if (now !== null && now.origin !== 'failed') return now;
    this.load();
    if (this.loading !== null) await this.loading;
    // `load` leaves a snapshot behind in every case: read, failed, or a publish that overtook the read.
    return this.snapshot as ModelSnapshot;
  }

  /** Starts reading the workbook unless a read is already under way (so it happens once for many formulas). */
  private load(): void {
    if (this.loading !== null) return;
    const source = this.source;
    if (source === null) {
      if (this.snapshot === null) {
        this.adopt('failed', unavailableIndex(valueError('No model yet: open the ABC pane and press Refresh.')));
      }
      return;
    }
    const startedAt = this.version;
    this.loading = (async () => {
      let index: ModelIndex;
      let origin: SnapshotOrigin = 'read';
      try {
        index = buildModelIndex(this.analyse(await source.readGrids()));
      } catch (e) {
        origin = 'failed';
        const reason = e instanceof Error ? e.message : String(e);
        index = unavailableIndex(valueError(`Could not read the model from the workbook (${reason}). Open the ABC pane and press Refresh.`));
      }
      this.loading = null;
      if (this.version === startedAt) this.adopt(origin, index);
    })();
  }

  private adopt(origin: SnapshotOrigin, index: ModelIndex): ModelSnapshot {
    this.version += 1;
    const snapshot: ModelSnapshot = { version: this.version, origin, index };
    this.snapshot = snapshot;
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
