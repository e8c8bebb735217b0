/**
 * Where the computation runs: in a Web Worker in the add-in, inline where no worker exists (unit tests).
 * Cancel terminates the worker mid-computation; a fresh one is started for the next request.
 */
import { GatewayError } from '../excel/errors';
import { type ComputeOutput, type ComputeRequest, computeModel } from './compute';

/** Runs computations. */
export interface Computer {
  compute(request: ComputeRequest, signal?: AbortSignal): Promise<ComputeOutput>;
}

/** Computes on the calling thread. */
export const inlineComputer: Computer = {
  compute: async (request, signal) => {
    if (signal?.aborted === true) throw new GatewayError('cancelled');
    return computeModel(request);
  },
};

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
  return {
    compute(request, signal) {
      return new Promise<ComputeOutput>((resolve, reject) => {
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
          const data = event.data as { id: number; ok: boolean; output?: ComputeOutput; message?: string };
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
        w.postMessage({ id, request });
      });
    },
  };
}
