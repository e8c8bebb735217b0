/**
 * The Web Worker entry: computes off Excel's and the pane's thread, so a large model never freezes either.
 * One request at a time; Cancel terminates the worker (see computer.ts). The worker keeps the last exact
 * result, so a customer's statement, the scenarios and the sensitivity are computed from it here and only
 * the sheet and plain figures cross to the pane (worker-answers.ts).
 */
import { ComputeSession } from './compute';
import { workerHandler } from './worker-answers';
import type { WorkerMessage } from './computer';

/** The worker's own scope, typed narrowly so the file compiles without the WebWorker library. */
interface WorkerScope {
  onmessage: ((event: { data: WorkerMessage }) => void | Promise<void>) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = workerHandler(new ComputeSession(() => performance.now()), (message, transfer) => scope.postMessage(message, transfer ?? []));

scope.onmessage = (event) => handle(event.data);
