/**
 * ABC.SCENARIO on the order desk (test/functions/models.ts) with two scenarios whose effect is computed by
 * hand: order lines entered in 2 minutes instead of 3, and a €2 fee per order for customer 1002. Every
 * figure is also compared with the engine's own outcome (runScenarios) to the cent; errors with their
 * Excel error value and message; the scenarios run once per model, when a formula first asks.
 */
import { dec } from '../../src/engine/decimal';
import type { ModelInput } from '../../src/engine/model';
import { runModel } from '../../src/engine/run';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import type { ScenarioChangeInput, ScenarioScope, ScenarioValue } from '../../src/engine/scenarios/types';
import { scenario as scenarioFunction } from '../../src/functions/abc-functions';
import { excelErrorText, type FunctionValue, isFunctionError } from '../../src/functions/function-result';
import { buildModelIndex, buildModelIndexFromJson, type ModelIndex } from '../../src/functions/model-index';
import { ModelStore } from '../../src/functions/model-store';
import { scenarioFiguresOf } from '../../src/functions/scenario-figures';
import type { ScenarioLoad } from '../../src/functions/scenario-source';
import { resultToJson } from '../../src/workbook/result-json';
import { buildModel } from '../helpers/model';
import { evaluateFormula } from './formula';
import { ORDER_DESK } from './models';

let row = 1;
function change(scenario: string, scope: ScenarioScope, kind: ScenarioChangeInput['change'], target: string | null, value: ScenarioValue): ScenarioChangeInput {
  row += 1;
  const at = (column: string): ScenarioChangeInput['where'] => ({ range: 'ABC_Scenarios', sheet: 'Scenarios', cell: `${column}${row}` });
  return { scenario, scope, change: kind, target, value, where: at('A'), scopeWhere: at('B'), targetWhere: at('D'), valueWhere: at('E') };
}

const ALL: ScenarioScope = { kind: 'all' };
const number = (n: number): ScenarioValue => ({ kind: 'number', value: dec(n) });

/** The order desk with 6,000 minutes per FTE and two scenarios. */
function deskWithScenarios(rows: ScenarioChangeInput[]): ModelInput {
  const model = buildModel({ ...ORDER_DESK, settings: { minutesPerFte: dec(6_000) } });
  return { ...model, scenarios: rows };
}

const LINES = 'Lines in 2 minutes';
const FEE = 'Order fee 1002';
const MODEL = deskWithScenarios([
  change(LINES, ALL, 'minutes', 'Order entry / Order lines', number(2)),
  change(FEE, { kind: 'customer', customer: '1002' }, 'fee', 'Orders', number(2)),
]);
const BASE = runModel(MODEL);
if (BASE.result === null) throw new Error(`the order desk has errors: ${BASE.issues.map((i) => i.message).join('; ')}`);
const BASELINE = BASE.result;
const OUTCOMES = runScenarios(MODEL, BASELINE);

/** The index as the runner or a Node host builds it: the model at hand, the scenarios run in place. */
function nodeIndex(model: ModelInput = MODEL): ModelIndex {
  const run = runModel(model);
  return buildModelIndex({ issues: run.issues, result: run.result, model });
}

/** The index as the pane publishes it: the JSON result, and the scenarios loaded from elsewhere (the worker). */
function paneIndex(): ModelIndex {
  const json = structuredClone(resultToJson({ issues: BASE.issues, result: BASELINE }));
  const load: ScenarioLoad = structuredClone({ figures: OUTCOMES.outcomes.map(scenarioFiguresOf), issues: OUTCOMES.issues });
  return buildModelIndexFromJson({ issues: BASE.issues, json, scenarios: () => load });
}

function value(index: ModelIndex, formula: string): number {
  const v = evaluateFormula(index, formula);
  if (isFunctionError(v)) throw new Error(`${formula} gave ${excelErrorText(v.kind)}: ${v.message}`);
  if (typeof v !== 'number') throw new Error(`${formula} gave a table`);
  return v;
}

function failure(index: ModelIndex, formula: string): { error: string; message: string } {
  const v = evaluateFormula(index, formula);
  if (!isFunctionError(v)) throw new Error(`${formula} gave ${v}`);
  return { error: excelErrorText(v.kind), message: v.message };
}

describe.each([
  ['computed in place (Node)', nodeIndex],
  ['loaded as plain figures (the pane)', paneIndex],
])('ABC.SCENARIO, %s', (_, makeIndex) => {
  const index = makeIndex();
  const profit = (customer: string): number => value(index, `ABC.PROFIT("${customer}")`);
  // Before: order entry uses 32,400 + 12,000 minutes, quotes 1,800, of 115,200 at 5/6 a minute.
  const before = BASELINE.totals;
  const operatingBefore = before.operatingProfit.toNumber();

  test('order lines in 2 minutes: 12,000 minutes freed (2 FTE at 6,000 a person), worth 10,000.00 only when capacity is resized', () => {
    expect(value(index, `ABC.SCENARIO("${LINES}",,"freedMinutes")`)).toBe(12_000);
    expect(value(index, `ABC.SCENARIO("${LINES}",,"freedFte")`)).toBe(2);
    // With today's capacity the minutes' cost stays (as unused capacity): the operating profit does not move.
    expect(value(index, `ABC.SCENARIO("${LINES}")`)).toBe(operatingBefore);
    expect(value(index, `ABC.SCENARIO("${LINES}",,"operatingProfit")`)).toBe(operatingBefore);
    expect(value(index, `ABC.SCENARIO("${LINES}",,"operatingProfitResized")`)).toBe(operatingBefore + 10_000);
    // 1001 enters 9,000 lines (7,500.00 less cost), 1002 3,000 (2,500.00); customers together 10,000.00 better.
    expect(value(index, `ABC.SCENARIO("${LINES}", 1001)`)).toBeCloseTo(profit('1001') + 7_500, 6);
    expect(value(index, `ABC.SCENARIO("${LINES}", "1002", "netProfit")`)).toBeCloseTo(profit('1002') + 2_500, 6);
    expect(value(index, `ABC.SCENARIO("${LINES}",,"netProfit")`)).toBeCloseTo(before.netProfit.toNumber() + 10_000, 6);
    expect(value(index, `ABC.SCENARIO("${LINES}",,"costToServe")`)).toBeCloseTo(before.costToServe.toNumber() - 10_000, 6);
    expect(value(index, `ABC.SCENARIO("${LINES}",,"netRevenue")`)).toBe(before.netRevenue.toNumber());
    expect(value(index, `ABC.SCENARIO("${LINES}",,"fees")`)).toBe(0);
    // A customer the scenario leaves alone keeps its profit.
    expect(value(index, `ABC.SCENARIO("${LINES}", "Z-9")`)).toBe(profit('Z-9'));
  });

  test('a fee of 2.00 per order for 1002: 600 orders, 1,200.00 more revenue and profit, no minutes freed', () => {
    expect(value(index, `ABC.SCENARIO("${FEE}", 1002, "fees")`)).toBe(1_200);
    expect(value(index, `ABC.SCENARIO("${FEE}", 1001, "fees")`)).toBe(0);
    expect(value(index, `ABC.SCENARIO("${FEE}", 1002)`)).toBeCloseTo(profit('1002') + 1_200, 6);
    expect(value(index, `ABC.SCENARIO("${FEE}", 1001)`)).toBe(profit('1001'));
    expect(value(index, `ABC.SCENARIO("${FEE}")`)).toBeCloseTo(operatingBefore + 1_200, 6);
    expect(value(index, `ABC.SCENARIO("${FEE}",,"netRevenue")`)).toBeCloseTo(before.netRevenue.toNumber() + 1_200, 6);
    expect(value(index, `ABC.SCENARIO("${FEE}",,"freedMinutes")`)).toBe(0);
    expect(value(index, `ABC.SCENARIO("${FEE}",,"freedFte")`)).toBe(0);
  });

  test('every figure equals the engine outcome to the cent; Dutch figure names and any case give the same', () => {
    for (const o of OUTCOMES.outcomes) {
      const company: Array<[string, string, number]> = [
        ['netRevenue', 'Netto-omzet', o.after.netRevenue.toNumber()],
        ['costToServe', 'COST TO SERVE', o.after.costToServe.toNumber()],
        ['netProfit', 'Nettowinst', o.after.customerNetProfit.toNumber()],
        // The Dutch name before the glossary (docs/glossary.md), still accepted.
        ['netProfit', 'nettoresultaat', o.after.customerNetProfit.toNumber()],
        ['costToServe', 'Bedieningskosten', o.after.costToServe.toNumber()],
        ['fees', 'Vergoedingen', o.after.fees.toNumber()],
        ['operatingProfit', 'bedrijfsresultaat', o.after.operatingProfit.toNumber()],
        ['operatingProfitResized', 'Bedrijfsresultaat bijgesteld', o.operatingProfitResized.toNumber()],
      ];
      for (const [english, dutch, expected] of company) {
        expect(value(index, `ABC.SCENARIO("${o.scenario}",,"${english}")`)).toBe(expected);
        expect(value(index, `ABC.SCENARIO("${o.scenario.toUpperCase()}",,"${dutch}")`)).toBe(expected);
      }
      for (const c of o.customers) {
        expect(value(index, `ABC.SCENARIO("${o.scenario}","${c.customer}")`)).toBe(c.netProfitAfter.toNumber());
        expect(value(index, `ABC.SCENARIO("${o.scenario}","${c.customer}","vergoedingen")`)).toBe(c.fees.toNumber());
      }
    }
    expect(OUTCOMES.outcomes.map((o) => o.customers.length)).toEqual([2, 1]);
  });

  test('errors: unknown scenario and customer #N/A, a bad or misplaced figure #VALUE!, each with its message', () => {
    expect(failure(index, 'ABC.SCENARIO("Fee for all")')).toEqual({
      error: '#N/A',
      message: `Unknown scenario "Fee for all": ABC_Scenarios has "${LINES}", "${FEE}".`,
    });
    expect(failure(index, `ABC.SCENARIO("${FEE}", 9999)`)).toEqual({ error: '#N/A', message: 'Unknown customer "9999": ABC_Customers has no such customer id.' });
    expect(failure(index, `ABC.SCENARIO("${FEE}",,"profit")`)).toEqual({
      error: '#VALUE!',
      message:
        'Unknown figure "profit": give one of netRevenue, costToServe, netProfit, fees, operatingProfit, operatingProfitResized, freedMinutes, freedFte ' +
        '(in Dutch nettoOmzet, bedieningskosten, nettowinst, vergoedingen, bedrijfsresultaat, bedrijfsresultaatBijgesteld, vrijgekomenMinuten, vrijgekomenFte).',
    });
    expect(failure(index, `ABC.SCENARIO("${FEE}", 1002, "operatingProfit")`)).toEqual({
      error: '#VALUE!',
      message: '"operatingProfit" is a figure of the company: leave the customer out. A customer\'s figures are netProfit and fees.',
    });
    expect(failure(index, 'ABC.SCENARIO("")')).toEqual({ error: '#VALUE!', message: 'Give the name of a scenario of ABC_Scenarios.' });
    expect(failure(index, `ABC.SCENARIO("${FEE}", 1002, "fees", 1)`)).toEqual({ error: '#VALUE!', message: 'ABC.SCENARIO takes at most 3 arguments.' });
  });
});

describe('ABC.SCENARIO when there are no figures', () => {
  test('a workbook without ABC_Scenarios: #N/A saying how to add them', () => {
    const plain = buildModel(ORDER_DESK);
    expect(failure(nodeIndex(plain), 'ABC.SCENARIO("Anything")')).toEqual({
      error: '#N/A',
      message: 'The workbook has no scenarios: add the range ABC_Scenarios (see "ABC_Scenarios" in the workbook contract).',
    });
  });

  test('a bad scenario row stops the model, as a bad row of any range does: #VALUE! with its cell from every function', () => {
    const model = deskWithScenarios([change('Fewer claims', ALL, 'quantity', 'Complaints', { kind: 'percent', fraction: dec(-0.5) })]);
    const index = nodeIndex(model);
    const f = failure(index, 'ABC.SCENARIO("Fewer claims")');
    expect(f.error).toBe('#VALUE!');
    expect(f.message).toMatch(/^The model has errors\. At Scenarios!D\d+ \(ABC_Scenarios\): Unknown driver "Complaints"/);
    expect(failure(index, 'ABC.PROFIT(1002)')).toEqual(f);
  });

  test('a run of the scenarios that found errors: #VALUE! with the first one and its cell, in the pane\'s language', () => {
    const json = structuredClone(resultToJson({ issues: BASE.issues, result: BASELINE }));
    const issue = { severity: 'error' as const, code: 'INVALID_SCENARIO_VALUE', message: 'Orders −150% would leave a negative quantity.', location: 'Scenarios!E7 (ABC_Scenarios)' };
    const load: ScenarioLoad = { figures: [], issues: [issue, issue] };
    const english = buildModelIndexFromJson({ issues: [], json, scenarios: () => load });
    expect(failure(english, `ABC.SCENARIO("${FEE}")`)).toEqual({
      error: '#VALUE!',
      message: 'The scenarios have errors. At Scenarios!E7 (ABC_Scenarios): Orders −150% would leave a negative quantity. 1 more error: see the ABC pane.',
    });
    const dutch = buildModelIndexFromJson({ issues: [], json, scenarios: () => load, language: 'nl' });
    expect(failure(dutch, `ABC.SCENARIO("${FEE}")`).message).toMatch(/^De scenario's bevatten fouten\. Op Scenarios!E7 \(ABC_Scenarios\): .* Nog 1 fout: zie het ABC-taakvenster\.$/);
    // The figures of the model itself still answer.
    expect(value(english, 'ABC.PROFIT(1002)')).toBe(BASELINE.customers.find((c) => c.customer === '1002')?.netProfit.toNumber());
  });

  test('a model with errors: the model\'s error, as every ABC function gives it', () => {
    const broken = deskWithScenarios([change(FEE, ALL, 'fee', 'Orders', number(2))]);
    broken.pools = [];
    const f = failure(nodeIndex(broken), `ABC.SCENARIO("${FEE}")`);
    expect(f.error).toBe('#VALUE!');
    expect(f.message).toMatch(/^The model has errors\./);
  });
});

describe('ABC.SCENARIO streaming from the store', () => {
  /** A loader the test settles by hand, counting its calls. */
  function deferredLoader(): { load: () => Promise<ScenarioLoad | null>; calls: () => number; settle: (load: ScenarioLoad | null) => void; fail: (e: Error) => void } {
    let calls = 0;
    const pending: Array<{ resolve: (l: ScenarioLoad | null) => void; reject: (e: Error) => void }> = [];
    return {
      load: () =>
        new Promise((resolve, reject) => {
          calls += 1;
          pending.push({ resolve, reject });
        }),
      calls: () => calls,
      settle: (load) => pending.shift()?.resolve(load),
      fail: (e) => pending.shift()?.reject(e),
    };
  }
  const json = (): ReturnType<typeof resultToJson> => structuredClone(resultToJson({ issues: BASE.issues, result: BASELINE }));
  const figures: ScenarioLoad = { figures: OUTCOMES.outcomes.map(scenarioFiguresOf), issues: [] };
  const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

  /** Subscribes `formulas` like functions.ts does: an answer is set unless it is pending. */
  function subscribeAll(store: ModelStore, formulas: Array<[string, string | null, string | null]>): Array<FunctionValue[]> {
    return formulas.map(([name, customer, figure]) => {
      const set: FunctionValue[] = [];
      store.subscribe((snapshot) => {
        const v = scenarioFunction(snapshot.index, name, customer, figure);
        if (isFunctionError(v) && v.kind === 'pending') return;
        set.push(v);
      });
      return set;
    });
  }

  test('a hundred formulas wait (set nothing) for one run of the scenarios, then answer; a new model runs them once more', async () => {
    const store = new ModelStore();
    const loader = deferredLoader();
    store.publishJson({ issues: [], json: json(), scenarios: loader.load });
    expect(loader.calls()).toBe(0);
    const formulas = Array.from({ length: 100 }, (_, i): [string, string | null, string | null] => (i % 2 === 0 ? [FEE, '1002', 'fees'] : [LINES, null, 'freedFte']));
    const results = subscribeAll(store, formulas);
    expect(loader.calls()).toBe(1);
    expect(results.every((r) => r.length === 0)).toBe(true);

    loader.settle(figures);
    await flush();
    expect(loader.calls()).toBe(1);
    expect(results.filter((_, i) => i % 2 === 0).every((r) => r.length === 1 && r[0] === 1_200)).toBe(true);
    expect(results.filter((_, i) => i % 2 === 1).every((r) => r.length === 1 && r[0] === 2)).toBe(true);

    store.publishJson({ issues: [], json: json(), scenarios: loader.load });
    expect(loader.calls()).toBe(2);
  });

  test('figures of a model that a newer one replaced are dropped; a loader that says "stale" keeps the formula waiting', async () => {
    const store = new ModelStore();
    const first = deferredLoader();
    store.publishJson({ issues: [], json: json(), scenarios: first.load });
    const [answers] = subscribeAll(store, [[FEE, '1002', 'fees']]);
    const second = deferredLoader();
    store.publishJson({ issues: [], json: json(), scenarios: second.load });
    first.settle(figures);
    await flush();
    expect(answers).toEqual([]);
    second.settle(null);
    await flush();
    expect(answers).toEqual([]);
  });

  test('a failed run: #VALUE! saying to press Refresh', async () => {
    const store = new ModelStore();
    const loader = deferredLoader();
    store.publishJson({ issues: [], json: json(), scenarios: loader.load });
    const [answers] = subscribeAll(store, [[FEE, null, null]]);
    loader.fail(new Error('The connection to Excel was lost.'));
    await flush();
    expect(answers).toEqual([{ kind: 'value', message: 'The scenarios could not be computed (The connection to Excel was lost.). Press Refresh in the ABC pane.' }]);
  });
});
