/**
 * The Web Worker entry: computes off Excel's and the pane's thread, so a large model never freezes either.
 * One request at a time; Cancel terminates the worker (see computer.ts). The worker keeps the last exact
 * result, so a customer's statement and the scenarios are computed from it here and only the sheet and
 * plain figures cross to the pane.
 */
import { ComputeSession } from './compute';
import { type WorkerMessage, runImport } from './computer';
import { earlierSampleFigures } from './sample-history';

/** The worker's own scope, typed narrowly so the file compiles without the WebWorker library. */
interface WorkerScope {
  onmessage: ((event: { data: WorkerMessage }) => void | Promise<void>) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const session = new ComputeSession(() => performance.now());

/** An answer, with the buffers it hands over instead of copying. */
interface Answer {
  output: unknown;
  transfer?: ArrayBuffer[];
}

async function answer(message: WorkerMessage): Promise<Answer> {
  return message.kind === 'computePacked' ? session.computePacked(message.request) : { output: await answerPlain(message) };
}

function answerPlain(message: Exclude<WorkerMessage, { kind: 'computePacked' }>): unknown {
  switch (message.kind) {
    case 'compute':
      return session.compute(message.request);
    case 'import':
      // Progress goes out as it comes; Cancel terminates this worker (computer.ts).
      return runImport(message.file, message.name, (progress) => scope.postMessage({ id: message.id, progress }));
    case 'statement':
      return session.statement(message.customer);
    case 'scenarios':
      return session.scenarios(message.names);
    case 'scenarioFigures':
      // `null` (no longer the latest result) must arrive as an answer, not as a failure.
      return { load: session.scenarioFigures(message.resultId) };
    case 'periodFigures':
      return { figures: session.periodFigures(message.resultId) };
    case 'earlierSampleFigures':
      return { figures: earlierSampleFigures(message.language) };
  }
}

scope.onmessage = async (event) => {
  const message = event.data;
  try {
    const { output, transfer } = await answer(message);
    scope.postMessage({ id: message.id, ok: true, output }, transfer ?? []);
  } catch (err) {
    scope.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
