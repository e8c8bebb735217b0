/**
 * A hand-made sensitivity analyser for the pane's tests while the engine's is written elsewhere: its numbers
 * follow from the model and result by simple rules the tests can check by hand. Customer i's draws are its
 * net profit plus (k − 499.5) × 10 for k = 0 … 999 (so nearest rank puts P25 at net profit − 2,505), its
 * P10 / median / P90 are the fields written below, and the chance of a loss is the share of draws below zero.
 * Each activity row with a non-zero value gets one tornado bar moving operating profit by ±(row + 1) × 1,000.
 */
import { dec, sum } from '../../src/engine/decimal';
import type { CustomerRange, SensitivityResult, TornadoBar } from '../../src/engine/sensitivity/types';
import { ComputeSession } from '../../src/taskpane/compute';
import type { WorkerLike } from '../../src/taskpane/computer';
import type { Analyse } from '../../src/taskpane/sensitivity-engine';
import { workerHandler } from '../../src/taskpane/worker-answers';

export const HAND_SIMULATIONS = 1000;

/** The draws of a customer with today's net profit `np`. */
export function handDraws(np: number): number[] {
  return Array.from({ length: HAND_SIMULATIONS }, (_, k) => np + (k - 499.5) * 10);
}

/** The analyser, with what it was called with. */
export function handAnalyser(calls: { progress: Array<[number, number]>; runs: number } = { progress: [], runs: 0 }): Analyse {
  return (model, result, options) => {
    calls.runs += 1;
    for (let done = 1; done <= HAND_SIMULATIONS; done++) {
      if (options?.signal?.aborted === true) throw new Error('aborted');
      options?.onProgress?.(done, HAND_SIMULATIONS);
      calls.progress.push([done, HAND_SIMULATIONS]);
    }
    const customers: Array<CustomerRange & { draws: number[] }> = result.customers.map((c) => {
      const np = c.netProfit.toNumber();
      const draws = handDraws(np);
      return {
        customer: c.customer,
        name: model.customers.find((m) => m.id === c.customer)?.name ?? null,
        netProfit: c.netProfit,
        p10: np - 4000,
        median: np,
        p90: np + 4000,
        lossChance: draws.filter((d) => d < 0).length / HAND_SIMULATIONS,
        draws,
      };
    });
    const operating = result.totals.operatingProfit;
    const tornado: TornadoBar[] = model.activities
      .map((term, row) => {
        const width = dec((row + 1) * 1000);
        const estimate = { row, activity: term.activity, pool: term.pool, driver: term.driver, kind: term.kind, value: term.value, low: term.value.times(0.8), high: term.value.times(1.2), group: term.group ?? null, where: term.where };
        return { estimate, profitAtLow: operating.plus(width), profitAtHigh: operating.minus(width), swing: width.times(2), lossMakersAtLow: dec(-1000), lossMakersAtHigh: dec(-1000).minus(width) };
      })
      .reverse();
    const opNumber = operating.toNumber();
    return {
      estimates: tornado.map((b) => b.estimate),
      tornado,
      simulations: HAND_SIMULATIONS,
      seed: 20260101,
      customers,
      company: { p10: opNumber - 50_000, median: opNumber, p90: opNumber + 50_000 },
      lookCloser: customers.filter((c) => c.lossChance > 0.1 && c.lossChance < 0.9).map((c) => c.customer),
      checks: [{ pool: 'Warehouse', explainedMinutes: sum([dec(1), dec(2)]), paidMinutes: null, overstatement: null }],
    };
  };
}

/** A session whose analyser is `analyse`. */
export function handSession(analyse: Analyse = handAnalyser()): ComputeSession {
  return new ComputeSession(undefined, undefined, { analyse: async () => analyse });
}

/**
 * The worker's answers (worker-answers.ts) behind a stand-in for `Worker`, messages crossing by structured
 * clone; each spawn (a fresh worker after a Cancel) gets a fresh session from `makeSession`, as a new worker
 * starts without the last result. `log` hears each message's kind; `terminated` counts terminations.
 */
export function handWorker(
  makeSession: () => ComputeSession = () => handSession(),
  log: string[] = [],
  terminated: { count: number } = { count: 0 },
): () => WorkerLike {
  return () => {
    const session = makeSession();
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        log.push((message as { kind: string }).kind);
        const handle = workerHandler(session, (reply) => void Promise.resolve().then(() => w.onmessage?.({ data: structuredClone(reply) } as MessageEvent)));
        void handle(structuredClone(message) as Parameters<typeof handle>[0]);
      },
      terminate: () => {
        terminated.count += 1;
      },
    };
    return w;
  };
}
