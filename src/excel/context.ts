/// <reference types="office-js" />
/**
 * How the gateway gets at Excel: a function that runs a batch in a request context, `Excel.run` in the
 * add-in and the in-memory fake in the tests. Every round trip goes through `SyncCounter.sync`, the one
 * place that calls `context.sync()`: it counts the syncs of an action, and it never waits for ever. A sync
 * races a time limit (Excel on the web can stop answering while it opens a workbook with many formulas)
 * and the user's Cancel, so an action always ends, with a message, and the pane is usable again.
 */
import { type RowSlice, SPLIT_ON_GENERAL_EXCEPTION_BYTES, batchBytes, splitBatch } from './chunks';
import { GatewayError, isGeneralException, isPayloadTooLarge } from './errors';

/** `Excel.run` with the one signature the gateway uses. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** How long one sync may go unanswered before the action gives up. */
export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/**
 * How long a sync in flight when Cancel is pressed may still answer. One that does lets the action undo
 * what it started (a normal sync takes milliseconds); one that does not is abandoned, and the pane is free.
 */
export const CANCEL_GRACE_MS = 1_000;

/** What the syncs of one `Excel.run` batch race, set by the wrappers below. */
interface Guard {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Set when a sync of this batch was abandoned: later ones would queue behind it and never answer either. */
  abandoned?: GatewayError;
}

const guards = new WeakMap<object, Guard>();

function guardOf(context: object): Guard {
  let guard = guards.get(context);
  if (guard === undefined) {
    guard = {};
    guards.set(context, guard);
  }
  return guard;
}

/** `run` whose syncs give up after `timeoutMs` without an answer (error kind `timeout`). */
export function withSyncTimeout(run: ExcelRun, timeoutMs: number): ExcelRun {
  return (batch) =>
    run((context) => {
      guardOf(context).timeoutMs = timeoutMs;
      return batch(context);
    });
}

/** `run` whose syncs also end when `signal` aborts (error kind `cancelled`). */
export function withCancel(run: ExcelRun, signal: AbortSignal | undefined): ExcelRun {
  if (signal === undefined) return run;
  return (batch) =>
    run((context) => {
      guardOf(context).signal = signal;
      return batch(context);
    });
}

/** Why a sync is made: an action's own work ends on Cancel; undoing after a failure or Cancel does not. */
export type SyncPurpose = 'work' | 'cleanup';

/** Counts the syncs of one action; every sync of the gateway goes through `sync`. */
export class SyncCounter {
  count = 0;

  /**
   * One round trip to Excel, raced against the time limit and (for `work`) Cancel. After one sync of a
   * batch was abandoned, every later sync of the batch fails at once with the same error.
   */
  async sync(context: Excel.RequestContext, purpose: SyncPurpose = 'work'): Promise<void> {
    const guard = guardOf(context);
    if (guard.abandoned !== undefined) throw guard.abandoned;
    const signal = purpose === 'work' ? guard.signal : undefined;
    throwIfCancelled(signal);
    this.count += 1;
    await answered(context.sync(), guard, guard.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS, signal);
  }
}

/** Waits for `sync`, or abandons it on the time limit or on Cancel (after the grace period). */
function answered(sync: Promise<unknown>, guard: Guard, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const abandon = (error: GatewayError): void => {
      if (settled) return;
      guard.abandoned = error;
      settle(error);
    };
    const onAbort = (): void => {
      timers.push(setTimeout(() => abandon(new GatewayError('cancelled')), CANCEL_GRACE_MS));
    };
    timers.push(setTimeout(() => abandon(new GatewayError('timeout')), timeoutMs));
    signal?.addEventListener('abort', onAbort, { once: true });
    sync.then(
      () => settle(undefined),
      (error: unknown) => settle(error ?? new Error('The sync failed.')),
    );
  });
}

/** Throws `cancelled` when the user pressed Cancel; called between chunks, never in the middle of one. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new GatewayError('cancelled');
}

/** True when Excel's answer says the batch was too large for it, so that a smaller one may pass. */
function refusedAsTooLarge<K>(err: unknown, batch: readonly RowSlice<K>[]): boolean {
  if (isPayloadTooLarge(err)) return true;
  // Excel can answer a large request with its catch-all code; a small one failed for another reason.
  return isGeneralException(err) && batchBytes(batch) >= SPLIT_ON_GENERAL_EXCEPTION_BYTES;
}

/**
 * Runs queued batches of row slices, one sync each: `queue` puts a batch's requests on the context,
 * `done` handles what came back. A batch Excel refuses as too large (by its payload codes, or
 * GeneralException for a large batch) is halved and queued again, so one oversized chunk slows a run down
 * instead of failing it; a batch of one row that is still refused is an error. Cancel is honoured between
 * batches and, through `SyncCounter`, during a sync that does not answer.
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
      if (!refusedAsTooLarge(err, batch) || halves.length < 2) throw err;
      pending.unshift(...halves);
      continue;
    }
    done(batch, queued);
  }
}
