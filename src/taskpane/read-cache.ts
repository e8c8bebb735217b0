/**
 * The last read of the model and what changed since, so that a read following an edit reads only the
 * ranges the edit touched (at a million rows: the few small ranges, not 50+ syncs of the transactions).
 * The watch reports the ranges it saw change (`changed`), a manual recalculation or anything the watch
 * cannot place reports all (`changedAll`). Only a read asked for as `partial` (the pane's follow) reuses;
 * Check, Refresh and the other actions the user starts read every range, and their reads become the new
 * base. A read that fails gives back the changes it took, so the next one reads them.
 */
import type { ReadOptions, ReadOutcome, WorkbookActions } from '../excel/actions';
import type { ContractRangeName } from '../workbook/contract';

export class ReadCache {
  private last: ReadOutcome | null = null;
  private dirty = new Set<ContractRangeName>();
  private all = false;

  /** The watch saw these ranges change. */
  changed(ranges: readonly ContractRangeName[]): void {
    for (const r of ranges) this.dirty.add(r);
  }

  /** Something changed that no event placed: the next read reads every range. */
  changedAll(): void {
    this.all = true;
  }

  /** The gateway's actions with their `readModel` going through this cache. */
  wrap(actions: WorkbookActions): WorkbookActions {
    return { ...actions, readModel: (options) => this.read(actions, options) };
  }

  private async read(actions: WorkbookActions, options: ReadOptions = {}): Promise<ReadOutcome> {
    const taken = { dirty: this.dirty, all: this.all };
    this.dirty = new Set();
    this.all = false;
    const reusable = options.partial === true && !taken.all && this.last !== null;
    try {
      const outcome = await actions.readModel(reusable && this.last !== null ? { ...options, reuse: { outcome: this.last, changed: taken.dirty } } : options);
      this.last = outcome;
      return outcome;
    } catch (err) {
      for (const r of taken.dirty) this.dirty.add(r);
      this.all ||= taken.all;
      throw err;
    }
  }
}
