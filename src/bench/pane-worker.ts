/**
 * The pane's compute worker for the bench, on a Node worker thread: the same messages and the same
 * ComputeSession as compute.worker.ts, so post → reply is timed as in the pane (a browser Worker and a
 * Node worker thread share V8's serializer and transfer of ArrayBuffers). Each answer also carries how
 * long each step of the computation took, for the bench's breakdown.
 */
import { performance } from 'perf_hooks';
import { parentPort } from 'worker_threads';
import { ComputeSession, type ComputeStep } from '../taskpane/compute';
import type { WorkerMessage } from '../taskpane/computer';

let steps: Partial<Record<ComputeStep, number>> = {};
const session = new ComputeSession(
  () => performance.now(),
  (step, ms) => {
    steps[step] = ms;
  },
);

parentPort?.on('message', (message: WorkerMessage) => {
  steps = {};
  try {
    if (message.kind === 'computePacked') {
      const { output, transfer } = session.computePacked(message.request);
      parentPort?.postMessage({ id: message.id, ok: true, output, steps }, transfer);
    } else if (message.kind === 'compute') parentPort?.postMessage({ id: message.id, ok: true, output: session.compute(message.request), steps });
    else throw new Error(`The bench worker does not answer ${message.kind}.`);
  } catch (err) {
    parentPort?.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
