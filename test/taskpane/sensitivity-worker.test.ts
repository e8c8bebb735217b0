/**
 * The worker's 'sensitivity' message (issue 21): the analysis runs on the last exact result, once per
 * result, with progress at most once per percent; its figures cross as plain data (exact amounts as text,
 * nearest-rank percentiles from the draws) and are the same inline and through the worker's answers;
 * Cancel stops it. The engine's analyser is injected (a hand-made one, hand-sensitivity.ts).
 */
import { dec } from '../../src/engine/decimal';
import { readContract } from '../../src/workbook/contract';
import { runModel } from '../../src/engine/run';
import { sampleGrids } from '../../src/sample';
import { GatewayError } from '../../src/excel/errors';
import { ComputeSession, type SensitivityOutput } from '../../src/taskpane/compute';
import { sessionComputer, workerComputer } from '../../src/taskpane/computer';
import type { Analyse } from '../../src/taskpane/sensitivity-engine';
import { handAnalyser, handSession, handWorker } from './hand-sensitivity';

const request = () => ({ grids: [...sampleGrids()], readIssues: [], broken: [], language: 'en' as const, report: false });

/** The sample costed by the engine itself. */
function sampleResult() {
  const read = readContract(sampleGrids());
  const run = runModel(read.model, read.issues);
  if (run.result === null) throw new Error('the sample has errors');
  return { model: read.model, result: run.result };
}
const SAMPLE = sampleResult();

const session = handSession;
const workerOn = (s: ComputeSession, terminated: { count: number } = { count: 0 }) => handWorker(() => s, [], terminated);

function ok(output: SensitivityOutput) {
  if (!output.ok) throw new Error(`no sensitivity: ${output.reason}`);
  return output;
}

describe('the sensitivity of the last result', () => {
  test('before any result: noModel; for an older result: stale', async () => {
    const s = session();
    expect(await s.sensitivity(null)).toEqual({ ok: false, reason: 'noModel' });
    const first = s.compute(request());
    s.compute(request());
    expect(await s.sensitivity(first.resultId)).toEqual({ ok: false, reason: 'stale' });
  });

  test('exact figures as text, nearest-rank percentiles from the draws, analysed once per result, progress once per percent', async () => {
    const calls = { progress: [] as Array<[number, number]>, runs: 0 };
    const s = session(handAnalyser(calls));
    const computed = s.compute(request());
    const seen: Array<{ done: number; total: number }> = [];
    const out = ok(await s.sensitivity(computed.resultId, (p) => seen.push(p)));
    expect(out.resultId).toBe(computed.resultId);
    expect(out.currency).toBe('EUR');
    expect(out.figures.simulations).toBe(1000);
    expect(out.figures.customers).toHaveLength(SAMPLE.result.customers.length);
    // 1,000 draws reported once per whole percent, 0 % to 100 %, the last one at the end.
    expect(calls.progress).toHaveLength(1000);
    expect(seen).toHaveLength(101);
    expect(seen[1]).toEqual({ done: 10, total: 1000 });
    expect(seen[seen.length - 1]).toEqual({ done: 1000, total: 1000 });

    const first = SAMPLE.result.customers[0];
    const c = out.figures.customers[0];
    if (first === undefined || c === undefined) throw new Error('no customers');
    expect(c.customer).toBe(first.customer);
    expect(dec(c.netProfit).equals(first.netProfit)).toBe(true);
    const np = first.netProfit.toNumber();
    // P25 of np + (k − 499.5)·10, k = 0…999: rank ⌈0.25·1000⌉ = 250, so k = 249.
    expect(c.percentiles?.[24]).toBeCloseTo(np - 2505, 6);
    expect(c.percentiles?.[0]).toBeCloseTo(np - 4905, 6); // rank 10: k = 9
    expect(c.percentiles?.[98]).toBeCloseTo(np + 4895, 6); // rank 990: k = 989
    expect(c.percentiles).toHaveLength(99);

    const top = out.figures.tornado[0];
    const rows = SAMPLE.model.activities.length;
    expect(out.figures.tornado).toHaveLength(rows);
    expect(top?.row).toBe(rows - 1);
    expect(top?.swing).toBe(String(rows * 2000));
    expect(top?.where).toMatch(/ABC_Activities/);
    expect(dec(top?.profitAtLow ?? 'NaN').minus(SAMPLE.result.totals.operatingProfit).toNumber()).toBe(rows * 1000);

    // Asked again (as the worksheet functions do): the same figures, not analysed again.
    const again = ok(await s.sensitivity(null));
    expect(again.figures).toBe(out.figures);
    expect(calls.runs).toBe(1);
    // A new computation is a new result: analysed afresh.
    s.compute(request());
    await s.sensitivity(null);
    expect(calls.runs).toBe(2);
  });

  test('through the worker\'s answers: the same figures as inline, progress on the way', async () => {
    const inline = sessionComputer(session());
    const computedInline = await inline.compute(request());
    const expected = ok(await inline.sensitivity!(computedInline.resultId, () => undefined));

    const inWorker = workerComputer(workerOn(session()));
    const computed = await inWorker.compute(request());
    const seen: number[] = [];
    const out = ok(await inWorker.sensitivity!(computed.resultId, (p) => seen.push(p.done)));
    expect(out.figures).toEqual(expected.figures);
    expect(seen).toHaveLength(101);
    expect(seen.slice(0, 3)).toEqual([1, 10, 20]);
  });

  test('a failing analysis is the worker\'s failure, with its message', async () => {
    const failing: Analyse = () => {
      throw new Error('ranges went wrong');
    };
    const inWorker = workerComputer(workerOn(session(failing)));
    await inWorker.compute(request());
    await expect(inWorker.sensitivity!(null, () => undefined)).rejects.toEqual(new GatewayError('unknown', [], 'ranges went wrong'));
  });

  test('Cancel: inline the engine stops on the signal; in the worker the worker is terminated', async () => {
    const inline = sessionComputer(session());
    await inline.compute(request());
    const abort = new AbortController();
    await expect(inline.sensitivity!(null, () => abort.abort(), abort.signal)).rejects.toMatchObject({ kind: 'cancelled' });

    const terminated = { count: 0 };
    const inWorker = workerComputer(workerOn(session(), terminated));
    await inWorker.compute(request());
    const stop = new AbortController();
    await expect(inWorker.sensitivity!(null, () => stop.abort(), stop.signal)).rejects.toMatchObject({ kind: 'cancelled' });
    expect(terminated.count).toBe(1);
  });
});
