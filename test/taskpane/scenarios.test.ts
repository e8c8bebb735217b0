/**
 * The pane's Scenarios view without React: the controller lists the sample's scenarios, runs the ones
 * ticked in the worker (the real worker module behind a stand-in for `Worker`, and inline), shows figures
 * equal to the engine's own run of the same model to the cent, and writes the ABC Scenarios sheet, updated
 * in place by a second run. ABC.SCENARIO, fed by the same pane, waits for one run of the scenarios in the
 * worker and then gives the engine's figures.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { OWNER_NAME } from '../../src/excel/owner';
import { runModel } from '../../src/engine/run';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import { scenario as scenarioFormula } from '../../src/functions/functions';
import { scenarioFiguresOf } from '../../src/functions/scenario-figures';
import { sampleGrids } from '../../src/sample';
import { ComputeSession } from '../../src/taskpane/compute';
import { type Computer, sessionComputer, type WorkerLike, workerComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { followModel, type FollowingPane } from '../../src/taskpane/follow-model';
import { stringsFor } from '../../src/taskpane/i18n';
import { readContract } from '../../src/workbook/contract';
import { ModelStore } from '../../src/functions/model-store';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';
import { PANE_COMPUTERS, sheetOf, workerOfModule } from './worker-module';

const NAMES = ['Order fee Hospitality', 'EDI order entry retail chains', 'Minimum order 8 lines'];

/** The engine's own run of the sample's scenarios, as the runner would do it. */
function engineFigures() {
  const read = readContract(sampleGrids());
  const base = runModel(read.model, read.issues);
  if (base.result === null) throw new Error(`the sample has errors: ${base.issues.map((i) => i.message).join('; ')}`);
  const run = runScenarios(read.model, base.result);
  expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return run.outcomes.map(scenarioFiguresOf);
}
const EXPECTED = engineFigures();

function pane(book: FakeWorkbook, computer: Computer, language: 'en' | 'nl' = 'en'): PaneController {
  return new PaneController(createExcelGateway(fakeRun(book)), computer, stringsFor(language));
}


const computers = PANE_COMPUTERS;

describe.each(computers)('Run scenarios (%s)', (_, makeComputer) => {
  test('the sample\'s three scenarios, run: the engine\'s figures to the cent and ABC Scenarios written; one run again updates it in place', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, makeComputer());
    await controller.insertSample();
    let s = controller.getState();
    expect(s.output?.scenarios).toEqual(NAMES);
    expect(s.scenarioFigures).toBeNull();

    await controller.runScenarios(NAMES);
    s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.notice).toEqual({ intent: 'success', text: 'Scenarios run: ABC Scenarios written.' });
    expect(s.scenarioFigures).toEqual(EXPECTED);
    expect(EXPECTED.map((f) => f.scenario)).toEqual(NAMES);
    // Today's capacity keeps the freed minutes' cost; resizing removes it: the two differ by exactly that cost.
    for (const f of EXPECTED) {
      const freedCost = f.pools.reduce((cents, p) => cents + Math.round(p.freedCost * 100), 0);
      expect(Math.round(f.operatingProfitResized * 100) - Math.round(f.after.operatingProfit * 100)).toBe(freedCost);
    }

    const sheet = sheetOf(book, 'ABC Scenarios');
    expect(sheet.names.find((n) => n.name === OWNER_NAME)?.formula).toBe('="ABC report: scenarios"');
    const cells = sheet.valuesOf('A1:Z400').flat();
    const names = (values: unknown[]): string[] => NAMES.filter((n) => values.some((v) => typeof v === 'string' && v.includes(n)));
    expect(names(cells)).toEqual(NAMES);
    for (const f of EXPECTED) {
      expect(cells).toContain(f.after.operatingProfit);
      expect(cells).toContain(f.operatingProfitResized);
    }
    const sheets = book.sheets.map((ws) => ws.name);

    // Only the EDI scenario: the same sheet, now without the others.
    await controller.runScenarios([NAMES[1] as string]);
    s = controller.getState();
    expect(s.notice?.text).toBe('Scenarios run: ABC Scenarios written.');
    expect(s.scenarioFigures).toEqual([EXPECTED[1]]);
    expect(book.sheet('ABC Scenarios')).toBe(sheet);
    expect(book.sheets.map((ws) => ws.name)).toEqual(sheets);
    expect(names(sheet.valuesOf('A1:Z400').flat())).toEqual([NAMES[1]]);

    // A new computation (the model may have changed) clears the figures rather than show old ones.
    await controller.check();
    expect(controller.getState().scenarioFigures).toBeNull();
  });
});

describe('Run scenarios: what the pane says', () => {
  test('without ABC_Scenarios: no scenarios listed, and Run says how to add them, writing nothing', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, sessionComputer());
    await controller.insertSample();
    const at = book.names.findIndex((n) => n.name === 'ABC_Scenarios');
    expect(at).toBeGreaterThanOrEqual(0);
    book.names.splice(at, 1);
    await controller.check();
    expect(controller.getState().output?.scenarios).toEqual([]);
    await controller.runScenarios(NAMES);
    expect(controller.getState().notice).toEqual({ intent: 'warning', text: stringsFor('en').noScenarios });
    expect(stringsFor('en').noScenarios).toContain('"ABC_Scenarios" in the workbook contract');
    expect(book.sheet('ABC Scenarios')).toBeUndefined();
  });

  test('a scenario no longer in the workbook is named; none ticked asks to tick one', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, sessionComputer());
    await controller.insertSample();
    await controller.runScenarios(['Order fee Horeca']);
    expect(controller.getState().notice).toEqual({
      intent: 'warning',
      text: 'The workbook no longer has the scenario "Order fee Horeca". Press Check model to read the scenarios again.',
    });
    await controller.runScenarios([]);
    expect(controller.getState().notice).toEqual({ intent: 'warning', text: 'Tick at least one scenario.' });
    expect(book.sheet('ABC Scenarios')).toBeUndefined();
  });

  test('in Dutch: the Dutch sample, the notice and the sheet in Dutch, the same figures under Dutch names', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, sessionComputer(), 'nl');
    await controller.insertSample();
    expect(book.sheet("Scenario's")).toBeDefined();
    await controller.runScenarios(['Ordertoeslag horeca', 'EDI-orderinvoer winkelketens', 'Minimumorder 8 orderregels']);
    const s = controller.getState();
    expect(s.notice?.text).toMatch(/^Scenario's doorgerekend: ABC .+ geschreven\.$/);
    const unnamed = (figures: typeof EXPECTED | null | undefined) => figures?.map((f) => ({ ...f, scenario: '', pools: f.pools.map((p) => ({ ...p, pool: '' })) }));
    expect(unnamed(s.scenarioFigures)).toEqual(unnamed(EXPECTED));
    expect(s.scenarioFigures?.map((f) => f.pools.map((p) => p.pool))).toEqual([0, 1, 2].map(() => ['Binnendienst', 'Magazijn', 'Transport']));
  });

  test('the session refuses before a computation, and keeps one run of all scenarios per result for the functions', () => {
    const session = new ComputeSession();
    expect(session.scenarios(NAMES)).toEqual({ ok: false, reason: 'noModel' });
    const output = session.compute({ grids: [...sampleGrids()], readIssues: [], broken: [] });
    expect(output.scenarios).toEqual(NAMES);
    const load = session.scenarioFigures(output.resultId);
    expect(load?.figures).toEqual(EXPECTED);
    expect(session.scenarioFigures(output.resultId)).toBe(load);
    const newer = session.compute({ grids: [...sampleGrids()], readIssues: [], broken: [] });
    expect(session.scenarioFigures(output.resultId)).toBeNull();
    expect(session.scenarioFigures(newer.resultId)?.figures).toEqual(EXPECTED);
  });
});

describe('ABC.SCENARIO fed by the pane', () => {
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

  test('formulas are busy until one run of the scenarios in the worker, then give the engine\'s figures', async () => {
    delete (globalThis as unknown as Record<symbol, unknown>)[STORE_KEY];
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const spawn = workerOfModule();
    const asked: string[] = [];
    const counting = (): WorkerLike => {
      const w = spawn();
      const post = w.postMessage.bind(w);
      w.postMessage = (message) => {
        asked.push((message as { kind: string }).kind);
        post(message);
      };
      return w;
    };
    const store = new ModelStore();
    (globalThis as unknown as Record<symbol, unknown>)[STORE_KEY] = store;
    const noTimers = { set: () => null, clear: () => undefined };
    following = followModel({ actions: createExcelGateway(fakeRun(book)), computer: workerComputer(counting), strings: stringsFor('en'), store, language: 'en', timers: noTimers });
    await following.controller.insertSample();
    // The sample's 2025, costed for its kept history (sample-history.ts), then the one computation: no scenarios yet.
    expect(asked).toEqual(['earlierSampleFigures', 'computePacked']);

    const edi = EXPECTED[1];
    const fee = EXPECTED[0];
    if (edi === undefined || fee === undefined) throw new Error('the sample has fewer than two scenarios');
    const freed = invocation();
    const operating = invocation();
    const resized = invocation();
    scenarioFormula(NAMES[1] as string, null, 'freedMinutes', freed);
    scenarioFormula(NAMES[0] as string, null, null, operating);
    scenarioFormula(NAMES[0] as string, null, 'operatingProfitResized', resized);
    expect([freed.results, operating.results, resized.results]).toEqual([[], [], []]);
    await settle();
    expect(asked).toEqual(['earlierSampleFigures', 'computePacked', 'scenarioFigures']);
    const freedMinutes = edi.pools.reduce((m, p) => m + p.freedMinutes, 0);
    expect(freed.results).toHaveLength(1);
    expect(freed.results[0]).toBeCloseTo(freedMinutes, 6);
    expect(freedMinutes).toBeGreaterThan(0);
    expect(operating.results).toEqual([fee.after.operatingProfit]);
    expect(resized.results).toEqual([fee.operatingProfitResized]);

    // A customer the fee reaches: its profit after the fee.
    const customer = fee.customers[0];
    if (customer === undefined) throw new Error('the fee reaches no customer');
    const profit = invocation();
    scenarioFormula(NAMES[0] as string, customer.customer, null, profit);
    expect(profit.results).toEqual([customer.netProfitAfter]);
    expect(asked).toEqual(['earlierSampleFigures', 'computePacked', 'scenarioFigures']);
  });
});
