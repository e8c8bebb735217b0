/**
 * Where the computation runs: in a Web Worker in the add-in, inline where no worker exists (unit tests).
 * Cancel terminates the worker mid-computation; a fresh one is started for the next request.
 */
import { GatewayError } from '../excel/errors';
import type { ScenarioLoad } from '../functions/scenario-source';
import type { PeriodFiguresJson } from '../workbook/period-figures-json';
import type { MessageLanguage } from '../engine/messages';
import { earlierSampleFigures } from './sample-history';
import {
  type ComputeOutput,
  type ComputeRequest,
  ComputeSession,
  type PackedComputeOutput,
  type PackedComputeRequest,
  type ScenariosOutput,
  type SensitivityOutput,
  type SensitivityProgress,
  type StatementOutput,
  unpackComputeOutput,
} from './compute';
import { packGrids } from './grid-columns';
import { blobSource } from './import/byte-source';
import { importTransactions } from './import/import-file';
import type { ImportOutcome, ImportProgress } from './import/import-types';
import { ImportCancelled } from './import/read-csv';
import type { ParquetLibrary } from './import/read-parquet';

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
  /** This period's figures from computation `resultId` (see `ComputeSession.periodFigures`); optional as `statement` is. */
  periodFigures?(resultId: number, signal?: AbortSignal): Promise<PeriodFiguresJson | null>;
  /** The sample's earlier period (2025) costed, for Insert sample model to keep (sample-history.ts); optional as `statement` is. */
  earlierSampleFigures?(language: MessageLanguage, signal?: AbortSignal): Promise<PeriodFiguresJson>;
  /**
   * The sensitivity of computation `resultId` (null: the last one) with the simulation's progress (see
   * `ComputeSession.sensitivity`); optional as `statement` is.
   */
  sensitivity?(resultId: number | null, onProgress: (progress: SensitivityProgress) => void, signal?: AbortSignal): Promise<SensitivityOutput>;
  /** Reads a transaction file (CSV or Parquet) into aggregated volumes (import/import-file.ts); optional as `statement` is. */
  importFile?(file: Blob, name: string, onProgress: (progress: ImportProgress) => void, signal?: AbortSignal): Promise<ImportOutcome>;
}

export type { PackedComputeRequest } from './compute';

/** What the pane posts to the worker. */
export type WorkerMessage =
  | { id: number; kind: 'compute'; request: ComputeRequest }
  | { id: number; kind: 'computePacked'; request: PackedComputeRequest }
  | { id: number; kind: 'import'; file: Blob; name: string }
  | { id: number; kind: 'statement'; customer: string }
  | { id: number; kind: 'scenarios'; names: string[] }
  | { id: number; kind: 'scenarioFigures'; resultId: number }
  | { id: number; kind: 'periodFigures'; resultId: number }
  | { id: number; kind: 'sensitivity'; resultId: number | null }
  | { id: number; kind: 'earlierSampleFigures'; language: MessageLanguage };

/** hyparquet, loaded when a Parquet file is imported. */
export const loadHyparquet = (): Promise<ParquetLibrary> => import('hyparquet');

/** Runs an import where the caller is; a cancelled read is the gateway's `cancelled`. */
export async function runImport(file: Blob, name: string, onProgress: (progress: ImportProgress) => void, signal?: AbortSignal): Promise<ImportOutcome> {
  try {
    return await importTransactions(blobSource(file, name), loadHyparquet, { onProgress, signal });
  } catch (err) {
    if (err instanceof ImportCancelled) throw new GatewayError('cancelled');
    throw err;
  }
}

/** Computes on the calling thread, each computer with its own last result. */
export function sessionComputer(session: ComputeSession = new ComputeSession()): Computer {
  return {
    importFile: (file, name, onProgress, signal) => runImport(file, name, onProgress, signal),
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
    periodFigures: async (resultId, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      return session.periodFigures(resultId);
    },
    earlierSampleFigures: async (language, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      return earlierSampleFigures(language);
    },
    sensitivity: async (resultId, onProgress, signal) => {
      if (signal?.aborted === true) throw new GatewayError('cancelled');
      try {
        return await session.sensitivity(resultId, onProgress, signal);
      } catch (err) {
        // However the engine stops on the signal, the user pressed Cancel.
        if (aborted(signal)) throw new GatewayError('cancelled');
        throw err;
      }
    },
  };
}

/** Read through a function: a check of `aborted` before an await must not narrow the one after it. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Computes on the calling thread. */
export const inlineComputer: Computer = sessionComputer();

/** The part of `Worker` used here, so tests can stand in. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Computes in a worker made by `spawn` (in the add-in: `() => new Worker('compute-worker.js')`). */
export function workerComputer(spawn: () => WorkerLike): Computer {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  /**
   * Posts a message and waits for its answer. `transfer`: buffers handed over, not copied; `onProgress`
   * takes the progress messages the worker sends before it answers.
   */
  function ask<T, P = ImportProgress>(
    message: (id: number) => WorkerMessage,
    signal: AbortSignal | undefined,
    transfer: Transferable[] = [],
    onProgress?: (progress: P) => void,
  ): Promise<T> {
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
        const data = event.data as { id: number; ok: boolean; output?: T; message?: string; progress?: P };
        if (data.id !== id) return;
        if (data.progress !== undefined) {
          onProgress?.(data.progress);
          return;
        }
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
      w.postMessage(message(id), transfer);
    });
  }
  return {
    // The grids go as typed arrays, transferred: a million-row ABC_Volumes is no million-array clone; the
    // report sheets come back the same way.
    compute: (request, signal) => {
      const { packed, transfer } = packGrids(request.grids);
      return ask<PackedComputeOutput>((id) => ({ id, kind: 'computePacked', request: { ...request, grids: packed } }), signal, transfer).then(unpackComputeOutput);
    },
    importFile: (file, name, onProgress, signal) => ask<ImportOutcome>((id) => ({ id, kind: 'import', file, name }), signal, [], onProgress),
    // A worker started since (after a Cancel) holds no result and answers `noModel`.
    statement: (customer, signal) => ask<StatementOutput>((id) => ({ id, kind: 'statement', customer }), signal),
    scenarios: (names, signal) => ask<ScenariosOutput>((id) => ({ id, kind: 'scenarios', names: [...names] }), signal),
    scenarioFigures: (resultId, signal) =>
      ask<{ load: ScenarioLoad | null }>((id) => ({ id, kind: 'scenarioFigures', resultId }), signal).then((answer) => answer.load),
    periodFigures: (resultId, signal) =>
      ask<{ figures: PeriodFiguresJson | null }>((id) => ({ id, kind: 'periodFigures', resultId }), signal).then((answer) => answer.figures),
    earlierSampleFigures: (language, signal) =>
      ask<{ figures: PeriodFiguresJson }>((id) => ({ id, kind: 'earlierSampleFigures', language }), signal).then((answer) => answer.figures),
    // Progress as an import's; Cancel terminates the worker mid-simulation.
    sensitivity: (resultId, onProgress, signal) =>
      ask<SensitivityOutput, SensitivityProgress>((id) => ({ id, kind: 'sensitivity', resultId }), signal, [], onProgress),
  };
}
