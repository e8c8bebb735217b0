/**
 * The pane's real worker module (compute.worker.ts) behind a stand-in for `Worker`: `self` stands in for
 * the worker's scope and messages cross by structured clone, as they do between threads.
 */
import { type Computer, sessionComputer, type WorkerLike, workerComputer } from '../../src/taskpane/computer';
import type { FakeSheet, FakeWorkbook } from '../excel/fake-excel';

/** Loads the worker module once and returns a spawn function for `workerComputer`. */
export function workerOfModule(): () => WorkerLike {
  const scope: { onmessage: ((event: { data: unknown }) => void) | null; postMessage(m: unknown): void } = {
    onmessage: null,
    postMessage: () => undefined,
  };
  (globalThis as unknown as { self: unknown }).self = scope;
  jest.isolateModules(() => {
    require('../../src/taskpane/compute.worker');
  });
  if (scope.onmessage === null) throw new Error('the worker module set no onmessage');
  const handle = scope.onmessage;
  return () => {
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        scope.postMessage = (reply) => void Promise.resolve().then(() => w.onmessage?.({ data: structuredClone(reply) } as MessageEvent));
        handle({ data: structuredClone(message) });
      },
      terminate: () => undefined,
    };
    return w;
  };
}

/** The two ways the pane computes, for `describe.each`: inline, and in the real worker module. */
export const PANE_COMPUTERS: Array<[string, () => Computer]> = [
  ['inline', () => sessionComputer()],
  ['in the worker', () => workerComputer(workerOfModule())],
];

/** A sheet of the fake workbook, or a failure naming the sheets it has. */
export function sheetOf(book: FakeWorkbook, name: string): FakeSheet {
  const ws = book.sheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}; sheets: ${book.sheets.map((s) => s.name).join(', ')}`);
  return ws;
}
