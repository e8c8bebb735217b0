/**
 * What the pane's Web Worker answers to each message (compute.worker.ts holds only the scope around it), on
 * a session given to it, so a test can run the very same answers on a session with its own analyser.
 */
import type { ComputeSession } from './compute';
import { type WorkerMessage, runImport } from './computer';
import { earlierSampleFigures } from './sample-history';

/** An answer, with the buffers it hands over instead of copying. */
export interface Answer {
  output: unknown;
  transfer?: ArrayBuffer[];
}

/** Answers one message; `post` sends a progress message (`{ id, progress }`) before the answer. */
export async function answerMessage(session: ComputeSession, message: WorkerMessage, post: (message: unknown) => void): Promise<Answer> {
  return message.kind === 'computePacked' ? session.computePacked(message.request) : { output: await answerPlain(session, message, post) };
}

function answerPlain(session: ComputeSession, message: Exclude<WorkerMessage, { kind: 'computePacked' }>, post: (message: unknown) => void): unknown {
  switch (message.kind) {
    case 'compute':
      return session.compute(message.request);
    case 'import':
      // Progress goes out as it comes; Cancel terminates this worker (computer.ts).
      return runImport(message.file, message.name, (progress) => post({ id: message.id, progress }));
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
    case 'sensitivity':
      // Progress goes out as an import's; Cancel terminates this worker.
      return session.sensitivity(message.resultId, (progress) => post({ id: message.id, progress }));
  }
}

/** The worker's message handler: answers, or the failure's message, posted with the message's id. */
export function workerHandler(session: ComputeSession, post: (message: unknown, transfer?: Transferable[]) => void): (message: WorkerMessage) => Promise<void> {
  return async (message) => {
    try {
      const { output, transfer } = await answerMessage(session, message, post);
      post({ id: message.id, ok: true, output }, transfer ?? []);
    } catch (err) {
      post({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
