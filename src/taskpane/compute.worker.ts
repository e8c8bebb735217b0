/**
 * The Web Worker entry: computes off Excel's and the pane's thread, so a large model never freezes either.
 * One request at a time; Cancel terminates the worker (see computer.ts). The worker keeps the last exact
 * result, so a customer's statement is laid out from it here and only the sheet crosses to the pane.
 */
import { ComputeSession } from './compute';
import type { WorkerMessage } from './computer';

/** The worker's own scope, typed narrowly so the file compiles without the WebWorker library. */
interface WorkerScope {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const session = new ComputeSession(() => performance.now());

scope.onmessage = (event) => {
  const message = event.data;
  try {
    const output = message.kind === 'statement' ? session.statement(message.customer) : session.compute(message.request);
    scope.postMessage({ id: message.id, ok: true, output });
  } catch (err) {
    scope.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
