/**
 * The Web Worker entry: computes off Excel's and the pane's thread, so a large model never freezes either.
 * One request at a time; Cancel terminates the worker (see computer.ts).
 */
import { type ComputeRequest, computeModel } from './compute';

/** The worker's own scope, typed narrowly so the file compiles without the WebWorker library. */
interface WorkerScope {
  onmessage: ((event: { data: { id: number; request: ComputeRequest } }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    const output = computeModel(request, () => performance.now());
    scope.postMessage({ id, ok: true, output });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
