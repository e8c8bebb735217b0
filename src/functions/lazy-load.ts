/**
 * Something the worksheet functions need only when a formula asks, loaded at most once per model version:
 * the periods kept in ABC_History (read from the workbook) and this period's figures for a comparison
 * (fetched from the pane's Web Worker). The first `current()` starts the load; until it settles a formula
 * sets nothing (Excel shows #BUSY!), and `onSettled` lets the store answer the waiting formulas. Pure.
 */

/** Where a load is. */
export type LoadState<T> = { status: 'pending' } | { status: 'ready'; value: T } | { status: 'failed'; detail: string };

/** Loads the value; null (or a promise of null) when the model it was asked for is no longer the latest. */
export type Loader<T> = () => T | null | Promise<T | null>;

export class LazyLoad<T> {
  private state: LoadState<T> | null = null;
  /** Called once when a load started by `current` settles. */
  onSettled: (() => void) | null = null;

  constructor(private readonly load: Loader<T>) {}

  /** The value's state; the first call starts the load. */
  current(): LoadState<T> {
    if (this.state !== null) return this.state;
    this.state = { status: 'pending' };
    let loaded: T | null | Promise<T | null>;
    try {
      loaded = this.load();
    } catch (e) {
      this.state = failure(e);
      return this.state;
    }
    if (!(loaded instanceof Promise)) {
      if (loaded !== null) this.state = { status: 'ready', value: loaded };
      return this.state;
    }
    loaded.then(
      (value) => {
        // A newer model is on its way with its own load; the formulas wait for that one.
        if (value === null) return;
        this.state = { status: 'ready', value };
        this.onSettled?.();
      },
      (e: unknown) => {
        this.state = failure(e);
        this.onSettled?.();
      },
    );
    return this.state;
  }
}

function failure(e: unknown): LoadState<never> {
  return { status: 'failed', detail: e instanceof Error ? e.message : String(e) };
}
