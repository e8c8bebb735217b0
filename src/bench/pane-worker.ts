/**
 * The pane's compute worker for the bench, on a Node worker thread: the same messages and the same
 * ComputeSession as compute.worker.ts, so post → reply is timed as in the pane (a browser Worker and a
 * Node worker thread share V8's serializer and transfer of ArrayBuffers).
 */
import { parentPort } from 'worker_threads';
import { ComputeSession } from '../taskpane/compute';
import type { WorkerMessage } from '../taskpane/computer';
import { unpackGrid } from '../taskpane/grid-columns';

const session = new ComputeSession();

parentPort?.on('message', (message: WorkerMessage) => {
  try {
    let output: unknown;
    if (message.kind === 'computePacked') {
      output = session.compute({ ...message.request, grids: message.request.grids.map(([name, packed]) => [name, unpackGrid(packed)]) });
    } else if (message.kind === 'compute') output = session.compute(message.request);
    else throw new Error(`The bench worker does not answer ${message.kind}.`);
    parentPort?.postMessage({ id: message.id, ok: true, output });
  } catch (err) {
    parentPort?.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
