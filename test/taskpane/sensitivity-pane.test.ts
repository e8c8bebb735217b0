/**
 * The pane's "How sure?" section and ABC.PROFITRANGE / ABC.LOSSCHANCE (issue 21), fed by one worker (the
 * worker's real answers behind a stand-in, its analyser a hand-made one: hand-sensitivity.ts): Run shows the
 * top ten estimates and the look-closer customers with the simulation's progress; the formulas are busy until
 * the same analysis arrives (the worker analyses the result once for the pane and the formulas); a percentile
 * outside 1–99 is #VALUE!; Cancel terminates the worker and the next Run checks the model again first.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { readContract } from '../../src/workbook/contract';
import { runModel } from '../../src/engine/run';
import { lossChance as lossChanceFormula, profitRange as profitRangeFormula } from '../../src/functions/functions';
import { ModelStore } from '../../src/functions/model-store';
import { sampleGrids } from '../../src/sample';
import { workerComputer } from '../../src/taskpane/computer';
import { type FollowingPane, followModel } from '../../src/taskpane/follow-model';
import { stringsFor } from '../../src/taskpane/i18n';
import { SensitivityController, type SensitivityState } from '../../src/taskpane/sensitivity-controller';
import { TORNADO_BARS, barSpan } from '../../src/taskpane/sensitivity-view';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';
import { handAnalyser, handDraws, handSession, handWorker } from './hand-sensitivity';

const SAMPLE = (() => {
  const read = readContract(sampleGrids());
  const run = runModel(read.model, read.issues);
  if (run.result === null) throw new Error('the sample has errors');
  return { model: read.model, result: run.result };
})();

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const STORE_KEY = Symbol.for('customer-profitability-abc.model-store');
let following: FollowingPane | null = null;

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
  };
});
afterEach(async () => {
  await following?.stop();
  following = null;
});

function invocation() {
  const inv = {
    results: [] as unknown[],
    setResult(value: unknown) {
      inv.results.push(value);
    },
    onCanceled: () => undefined as void,
  };
  return inv as typeof inv & CustomFunctions.StreamingInvocation<number>;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** The pane on the fake workbook with the sample inserted, its worker logging each message. */
async function paneWithSample(calls = { progress: [] as Array<[number, number]>, runs: 0 }) {
  const store = new ModelStore();
  (globalThis as unknown as Record<symbol, unknown>)[STORE_KEY] = store;
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  const asked: string[] = [];
  const terminated = { count: 0 };
  const computer = workerComputer(handWorker(() => handSession(handAnalyser(calls)), asked, terminated));
  const noTimers = { set: () => null, clear: () => undefined };
  following = followModel({ actions: createExcelGateway(fakeRun(book)), computer, strings: stringsFor('en'), store, language: 'en', timers: noTimers });
  await following.controller.insertSample();
  const sensitivity = new SensitivityController(following.controller, computer, stringsFor('en'));
  return { pane: following.controller, sensitivity, asked, terminated, calls };
}

const cents = (n: number): number => Math.round(n * 100) / 100;

describe('How sure? in the pane', () => {
  test('Run: progress on the way, then the ten largest swings on one axis, the look-closer customers and the company\'s range', async () => {
    const { sensitivity, asked } = await paneWithSample();
    const states: SensitivityState[] = [];
    sensitivity.subscribe((s) => states.push(s));
    await sensitivity.run();
    const s = sensitivity.getState();
    expect(s.notice).toBeNull();
    expect(s.running).toBe(false);
    expect(asked.filter((k) => k === 'sensitivity')).toHaveLength(1);
    // The simulation's progress was shown while it ran.
    const shown = states.flatMap((x) => (x.progress === null ? [] : [x.progress.done]));
    expect(shown.length).toBeGreaterThan(50);
    expect(shown[shown.length - 1]).toBe(1000);

    const view = s.view;
    if (view === null) throw new Error('no view');
    const rows = SAMPLE.model.activities.length;
    expect(rows).toBeGreaterThan(TORNADO_BARS);
    expect(view.bars).toHaveLength(TORNADO_BARS);
    // The hand analyser's swing of row r is (r + 1) × 2,000: the last rows swing most.
    expect(view.bars.map((b) => b.row)).toEqual(Array.from({ length: TORNADO_BARS }, (_, i) => rows - 1 - i));
    expect(view.bars[0]?.swing).toBe(rows * 2000);
    const first = SAMPLE.model.activities[rows - 1];
    expect(view.bars[0]?.activity).toBe(first?.activity);
    const operating = SAMPLE.result.totals.operatingProfit.toNumber();
    expect(view.axis).toEqual({ min: operating - rows * 1000, max: operating + rows * 1000 });
    // The widest bar spans the axis; the tenth is centred, (rows − 9) / rows of it wide.
    expect(barSpan(view.bars[0]!, view.axis)).toEqual({ start: 0, width: 1 });
    const tenth = barSpan(view.bars[9]!, view.axis);
    expect(tenth.width).toBeCloseTo((rows - 9) / rows, 12);
    expect(tenth.start).toBeCloseTo((1 - tenth.width) / 2, 12);

    // Look closer: customers within ±4,995 of zero today have a chance of a loss between 10% and 90%.
    const uncertain = SAMPLE.result.customers.filter((c) => {
      const chance = handDraws(c.netProfit.toNumber()).filter((d) => d < 0).length / 1000;
      return chance > 0.1 && chance < 0.9;
    });
    expect(uncertain.length).toBeGreaterThan(0);
    expect(view.lookCloser.length + view.moreLookCloser).toBe(uncertain.length);
    expect(view.lookCloser.map((c) => c.lossChance)).toEqual([...view.lookCloser.map((c) => c.lossChance)].sort((a, b) => b - a));
    const top = view.lookCloser[0]!;
    const exact = SAMPLE.result.customers.find((c) => c.customer === top.customer)!;
    expect(top.today).toBe(exact.netProfit.toNumber());
    expect([top.p10, top.p90]).toEqual([top.today - 4000, top.today + 4000]);
    expect(view.company).toEqual({ p10: operating - 50_000, median: operating, p90: operating + 50_000 });
    expect([view.simulations, view.seed]).toEqual([1000, 20260101]);
  });

  test('the formulas wait for the same analysis: one run for the pane and the formulas; percentiles by nearest rank, #VALUE! outside 1–99', async () => {
    const { sensitivity, asked, calls } = await paneWithSample();
    const customer = SAMPLE.result.customers[0]!;
    const np = customer.netProfit.toNumber();
    const median = invocation();
    const p25 = invocation();
    const p90 = invocation();
    const chance = invocation();
    profitRangeFormula(customer.customer, null, median);
    profitRangeFormula(customer.customer, 25, p25);
    profitRangeFormula(customer.customer, '90', p90);
    lossChanceFormula(customer.customer, chance);
    // Busy (nothing set) while the worker runs the simulation.
    expect([median.results, p25.results, chance.results]).toEqual([[], [], []]);
    await settle();
    expect(median.results).toEqual([cents(np)]);
    expect(p25.results).toEqual([cents(np - 2505)]);
    expect(p90.results).toEqual([cents(np + 4000)]);
    expect(chance.results).toEqual([handDraws(np).filter((d) => d < 0).length / 1000]);

    for (const bad of [0, 100, 10.5, -5, 'P10']) {
      const wrong = invocation();
      profitRangeFormula(customer.customer, bad, wrong);
      expect(wrong.results).toEqual([expect.objectContaining({ code: '#VALUE!', message: expect.stringContaining('whole number from 1 to 99') })]);
    }
    const unknown = invocation();
    lossChanceFormula('NOPE', unknown);
    expect(unknown.results).toEqual([expect.objectContaining({ code: '#N/A', message: 'Unknown customer "NOPE": ABC_Customers has no such customer id.' })]);

    // The pane's Run afterwards gets the very analysis: the worker does not simulate again.
    await sensitivity.run();
    expect(sensitivity.getState().view?.bars).toHaveLength(TORNADO_BARS);
    expect(asked.filter((k) => k === 'sensitivity')).toHaveLength(2);
    expect(calls.runs).toBe(1);
  });

  test('a new computation takes the figures away; Cancel terminates the worker, and the next Run checks the model first', async () => {
    const { pane, sensitivity, terminated } = await paneWithSample();
    await sensitivity.run();
    expect(sensitivity.getState().view).not.toBeNull();
    await pane.check();
    expect(sensitivity.getState().view).toBeNull();

    // Cancel as the first progress arrives.
    const stop = sensitivity.subscribe((s) => {
      if (s.progress !== null) sensitivity.cancel();
    });
    await sensitivity.run();
    stop();
    expect(terminated.count).toBe(1);
    expect(sensitivity.getState()).toMatchObject({ running: false, view: null, notice: { intent: 'info', text: expect.stringMatching(/cancel/i) } });

    // The new worker holds no result: Run checks the model again, then analyses it.
    await sensitivity.run();
    const s = sensitivity.getState();
    expect(s.notice).toBeNull();
    expect(s.view?.bars).toHaveLength(TORNADO_BARS);
    expect(s.resultId).toBe(pane.getState().output?.resultId);
  });
});
