/// <reference types="office-js" />
/**
 * How the gateway gets at Excel: a function that runs a batch in a request context, `Excel.run` in the
 * add-in and the in-memory fake in the tests. Syncs go through `syncCounted` so every action can report
 * how many round trips it made.
 */
import { type RowSlice, splitBatch } from './chunks';
import { GatewayError, isPayloadTooLarge } from './errors';

/** `Excel.run` with the one signature the gateway uses. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Counts the syncs of one action. */
export class SyncCounter {
  count = 0;

  /** One round trip to Excel. */
  async sync(context: Excel.RequestContext): Promise<void> {
    this.count += 1;
    await context.sync();
  }
}

/** Throws `cancelled` when the user pressed Cancel; called between chunks, never in the middle of one. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new GatewayError('cancelled');
}

/**
 * Runs queued batches of row slices, one sync each: `queue` puts a batch's requests on the context,
 * `done` handles what came back. A batch Excel refuses as too large is halved and queued again, so one
 * oversized chunk slows a run down instead of failing it. Cancel is honoured between batches.
 */
export async function syncBatches<K, P>(
  context: Excel.RequestContext,
  counter: SyncCounter,
  batches: RowSlice<K>[][],
  signal: AbortSignal | undefined,
  queue: (batch: RowSlice<K>[]) => P,
  done: (batch: RowSlice<K>[], queued: P) => void,
): Promise<void> {
  const pending = batches.slice();
  while (pending.length > 0) {
    throwIfCancelled(signal);
    const batch = pending.shift() as RowSlice<K>[];
    const queued = queue(batch);
    try {
      await counter.sync(context);
    } catch (err) {
      const halves = splitBatch(batch);
      if (!isPayloadTooLarge(err) || halves.length < 2) throw err;
      pending.unshift(...halves);
      continue;
    }
    done(batch, queued);
  }
}
