/**
 * ABC.EXPLAIN and ABC.POOLCOST on the textbook case (support pools Y and Z, operating pools A and B) with a
 * ledger: the figures agree with the engine's result, each level of EXPLAIN adds up to COSTTOSERVE (or
 * ACTIVITYCOST with an activity), and the index built from the pane's JSON (in Dutch) gives the same numbers.
 */
import { dec } from '../../src/engine/decimal';
import { levelTotal, traceCustomerCost } from '../../src/engine/explain/trace-customer';
import type { ModelInput } from '../../src/engine/model';
import type { CostingResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { callAbcFunction } from '../../src/functions/abc-functions';
import { type FunctionTable, type FunctionValue, excelErrorText, isFunctionError } from '../../src/functions/function-result';
import { type ModelIndex, buildModelIndex, buildModelIndexFromJson } from '../../src/functions/model-index';
import { resultToJson } from '../../src/workbook/result-json';
import { textbookLedger } from '../engine/explain/textbook-ledger';
import { textbookModel } from '../engine/first-stage/textbook-model';
import { buildModel } from '../helpers/model';

function costed(model: ModelInput): CostingResult {
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

function withLedger(yToZ = 0.2): ModelInput {
  const model = textbookModel('reciprocal', yToZ);
  model.resources = textbookLedger();
  return model;
}

const indexes = (result: CostingResult): { engine: ModelIndex; nl: ModelIndex } => ({
  engine: buildModelIndex({ issues: [], result }),
  nl: buildModelIndexFromJson(structuredClone({ issues: [], json: resultToJson({ issues: [], result }), language: 'nl' as const })),
});

const call = (index: ModelIndex, id: string, ...args: unknown[]): FunctionValue => callAbcFunction(index, id, args);
const table = (v: FunctionValue): FunctionTable => {
  if (!Array.isArray(v)) throw new Error(`not a table: ${JSON.stringify(v)}`);
  return v;
};
const levelSum = (t: FunctionTable, level: number): number =>
  dec(0).plus(t.slice(1).filter((r) => r[0] === level).reduce((s, r) => s.plus(r[3] as number), dec(0))).toNumber();
const error = (v: FunctionValue): string => (isFunctionError(v) ? `${excelErrorText(v.kind)} ${v.message}` : `no error: ${JSON.stringify(v)}`);

describe('ABC.EXPLAIN', () => {
  const result = costed(withLedger());
  const { engine, nl } = indexes(result);

  it('spills Level | From | To | Amount for C1, every level adding up to COSTTOSERVE (9,815)', () => {
    const t = table(call(engine, 'EXPLAIN', 'C1'));
    expect(t[0]).toEqual(['Level', 'From', 'To', 'Amount']);
    expect(t.slice(1, 5)).toEqual([
      [1, 'Machining', 'C1', 4190],
      [1, 'Assembly', 'C1', 5625],
      [2, 'A', 'Machining', 4190],
      [2, 'B', 'Assembly', 5625],
    ]);
    expect(t).toContainEqual([3, 'Y', 'A', 849.58]);
    expect(t).toContainEqual([4, 'Account 4600 (IT contracts)', 'Y', 849.58]);
    expect(call(engine, 'COSTTOSERVE', 'C1')).toBe(9815);
    for (const level of [1, 2, 3, 4]) expect([level, levelSum(t, level)]).toEqual([level, 9815]);
    // One row per row of the engine's trace, amounts as numbers of cents.
    const rows = traceCustomerCost(result, 'C1') ?? [];
    expect(t.slice(1).map((r) => r[3])).toEqual(rows.map((r) => r.amount.toNumber()));
  });

  it('with an activity, traces only its cost: each level adds up to ACTIVITYCOST', () => {
    for (const [customer, activity] of [['C1', 'Machining'], ['C2', 'assembly']]) {
      const t = table(call(engine, 'EXPLAIN', customer, activity));
      const cost = call(engine, 'ACTIVITYCOST', activity, customer) as number;
      for (const level of [1, 2, 3, 4]) expect([customer, activity, level, levelSum(t, level)]).toEqual([customer, activity, level, cost]);
    }
    // C2 carries three quarters of B's 22,500.
    expect(call(engine, 'ACTIVITYCOST', 'Assembly', 'C2')).toBe(16875);
    expect(levelTotal(traceCustomerCost(result, 'C2', 'Assembly') ?? [], 4).toNumber()).toBe(16875);
  });

  it('from the pane\'s JSON in Dutch: Dutch headers and labels, the same numbers', () => {
    const en = table(call(engine, 'EXPLAIN', 'C2'));
    const t = table(call(nl, 'EXPLAIN', 'C2'));
    expect(t[0]).toEqual(['Niveau', 'Van', 'Naar', 'Bedrag']);
    expect(t.slice(1).map((r) => [r[0], r[3]])).toEqual(en.slice(1).map((r) => [r[0], r[3]]));
    expect(t).toContainEqual([4, 'Rekening 4000 (Salaries)', 'B', 12000]);
    expect(en).toContainEqual([4, 'Account 4000 (Salaries)', 'B', 12000]);
  });

  it('labels unused capacity and rates (both languages) in a model without a first stage: levels 1 and 2', () => {
    const model = buildModel({
      pools: [['Warehouse', 1000, 100]],
      activities: [
        ['Picking', 'Warehouse', 'Orders', 'minutes', 20],
        ['Parcels', null, 'Parcels', 'rate', 4.5],
      ],
      customers: [['K1', 5000, 1000]],
      volumes: [
        ['K1', 'Orders', 2],
        ['K1', 'Parcels', 10],
      ],
      settings: { unusedCapacity: 'assign' },
    });
    const r = costed(model);
    const { engine: e, nl: n } = indexes(r);
    // 40 of 100 minutes at 10 a minute: picking 400, unused 600 charged to K1, parcels 10 × 4.50 = 45.
    expect(table(call(e, 'EXPLAIN', 'K1'))).toEqual([
      ['Level', 'From', 'To', 'Amount'],
      [1, 'Picking', 'K1', 400],
      [1, 'Parcels', 'K1', 45],
      [1, 'Unused capacity: Warehouse', 'K1', 600],
      [2, 'Warehouse', 'Picking', 400],
      [2, 'Rate: Parcels', 'Parcels', 45],
      [2, 'Warehouse', 'Unused capacity: Warehouse', 600],
    ]);
    expect(call(e, 'COSTTOSERVE', 'K1')).toBe(1045);
    expect(table(call(n, 'EXPLAIN', 'K1')).slice(3, 6).map((x) => x[1])).toEqual(['Onbenutte capaciteit: Warehouse', 'Warehouse', 'Tarief: Parcels']);
  });

  it('an unknown customer or activity is #N/A, a blank customer #VALUE!, like the other functions', () => {
    expect(error(call(engine, 'EXPLAIN', 'C9'))).toBe('#N/A Unknown customer "C9": ABC_Customers has no such customer id.');
    expect(error(call(engine, 'EXPLAIN', 'C1', 'Painting'))).toBe('#N/A Unknown activity "Painting": ABC_Activities has no such activity.');
    expect(error(call(engine, 'EXPLAIN', ''))).toMatch(/^#VALUE! Give a customer id/);
  });
});

describe('ABC.POOLCOST', () => {
  it('before: the pool\'s own cost (the ledger); after: its cost after support, the default', () => {
    const { engine, nl } = indexes(costed(withLedger()));
    for (const index of [engine, nl]) {
      expect(['A', 'B', 'Y', 'Z'].map((p) => [p, call(index, 'POOLCOST', p, 'before'), call(index, 'POOLCOST', p)])).toEqual([
        ['A', 12000, 16760],
        ['B', 16000, 22500],
        ['Y', 7260, 0],
        ['Z', 4000, 0],
      ]);
      expect([call(index, 'POOLCOST', 'a', 'Voor'), call(index, 'POOLCOST', 'A', 'na'), call(index, 'POOLCOST', 'A', 'AFTER')]).toEqual([12000, 16760, 16760]);
    }
  });

  it('a support pool whose shares add up to less than 100% keeps the rest: Y 1,692', () => {
    const { engine } = indexes(costed(withLedger(0)));
    expect(call(engine, 'POOLCOST', 'Y', 'after')).toBe(1692);
  });

  it('without a first stage both stages are the pool\'s Cost', () => {
    const model = textbookModel();
    delete model.support;
    const { engine, nl } = indexes(costed(model));
    for (const index of [engine, nl]) expect([call(index, 'POOLCOST', 'A', 'before'), call(index, 'POOLCOST', 'A', 'after')]).toEqual([12000, 12000]);
  });

  it('an unknown pool is #N/A, an unknown stage #VALUE!', () => {
    const { engine } = indexes(costed(withLedger()));
    expect(error(call(engine, 'POOLCOST', 'Q'))).toBe('#N/A Unknown pool "Q": ABC_Pools has no such pool.');
    expect(error(call(engine, 'POOLCOST', 'A', 'during'))).toBe('#VALUE! Unknown stage "during": give before or after (in Dutch voor or na).');
  });
});
