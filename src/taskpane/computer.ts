/**
 * Where the computation runs: in a Web Worker in the add-in, inline where no worker exists (unit tests).
 * Cancel terminates the worker mid-computation; a fresh one is started for the next request.
 */
import { GatewayError } from '../excel/errors';
import type { ScenarioLoad } from '../functions/scenario-source';
import { type ComputeOutput, type ComputeRequest, ComputeSession, type ScenariosOutput, type StatementOutput } from './compute';

/** Runs computations. */
export interface Computer {
  compute(request: ComputeRequest, signal?: AbortSignal): Promise<ComputeOutput>;
  /**
   * One customer's statement sheet from the last computation's result (see `ComputeSession.statement`).
   * Optional so a stand-in that only computes still is a Computer; the pane's own computers have it.
   */
  statement?(customer: string, signal?: AbortSignal): Promise<StatementOutput>;
  /** The scenarios named, run on the last computation's result (see `ComputeSession.scenarios`); optional as `statement` is. */
  scenarios?(names: readonly string[], signal?: AbortSignal): Promise<ScenariosOutput>;
  /** Every scenario's figures for the worksheet functions, null when `resultId` is no longer the last result. */
  scenarioFigures?(resultId: number, signal?: AbortSignal): Promise<ScenarioLoad | null>;
}

/** What the pane posts to the worker. */
export type WorkerMessage =
  | { id: number; kind: 'compute'; request: ComputeRequest }
  | { id: number; kind: 'statement'; customer: string }
  | { id: number; kind: 'scenarios'; names: string[] }
  | { id: number; kind: 'scenarioFigures'; resultId: number };

/** Computes on the calling thread, each computer with its own last result. */
export function sessionComputer(session: ComputeSession = new ComputeSession()): Computer {
  return {
    compute: async (request, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      return session.compute(request);
    },
    statement: async (customer, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      return session.statement(customer);
    },
    scenarios: async (names, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      return session.scenarios(names);
    },
    scenarioFigures: async (resultId, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      return session.scenarioFigures(resultId);
    },
  };
}

/** Computes on the calling thread. */
export const inlineComputer: Computer = sessionComputer();

/** The part of `Worker` used here, so tests can stand in. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Computes in a worker made by `spawn` (in the add-in: `() => new Worker('compute-worker.js')`). */
export function workerComputer(spawn: () => WorkerLike): Computer {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  function ask<T>(message: (id: number) => WorkerMessage, signal: AbortSignal | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(new GatewayError('cancelled'));
        return;
      }
      const w = worker ?? spawn();
      worker = w;
      const id = nextId++;
      const onAbort = (): void => {
        w.terminate();
        worker = null;
        reject(new GatewayError('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      w.onmessage = (event: MessageEvent) => {
        const data = event.data as { id: number; ok: boolean; output?: T; message?: string };
        if (data.id !== id) return;
        signal?.removeEventListener('abort', onAbort);
        if (data.ok && data.output !== undefined) resolve(data.output);
        else reject(new GatewayError('unknown', [], data.message ?? 'The computation failed.'));
      };
      w.onerror = (event: ErrorEvent) => {
        signal?.removeEventListener('abort', onAbort);
        w.terminate();
        worker = null;
        reject(new GatewayError('unknown', [], event.message));
      };
      w.postMessage(message(id));
    });
  }
  return {
    compute: (request, signal) => ask<ComputeOutput>((id) => ({ id, kind: 'compute', request }), signal),
    // A worker started since (after a Cancel) holds no result and answers `noModel`.
    statement: (customer, signal) => ask<StatementOutput>((id) => ({ id, kind: 'statement', customer }), signal),
    scenarios: (names, signal) => ask<ScenariosOutput>((id) => ({ id, kind: 'scenarios', names: [...names] }), signal),
    scenarioFigures: (resultId, signal) =>
      ask<{ load: ScenarioLoad | null }>((id) => ({ id, kind: 'scenarioFigures', resultId }), signal).then((answer) => answer.load),
  };
}
