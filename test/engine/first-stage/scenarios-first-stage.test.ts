/**
 * What-if scenarios on a model with a ledger and a support pool: they change the operating pools as the
 * costing sees them (cost after support), and support cost left unassigned stays unassigned in every run.
 * The model below is the scenario tests' model (scenario-model.ts) with its pools' cost built from a
 * ledger and an IT pool: Customer service 10,000 + 2/3 of IT's 3,000 = 12,000; Management 9,000 + 1/3 = 10,000.
 */
import { dec } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import { runModel } from '../../../src/engine/run';
import { runScenarios } from '../../../src/engine/scenarios/run-scenarios';
import { scenarioToJson } from '../../../src/workbook/scenario-json';
import { ALL, num, pct, scenarioModel, scenarioRow, segment } from '../scenarios/scenario-model';

const ROWS = [
  scenarioRow(2, 'Leaner service', ALL, 'capacity', 'Customer service', pct(-0.2)),
  scenarioRow(3, 'Horeca fee', segment('Horeca'), 'fee', 'Orders', num(5)),
  scenarioRow(4, 'Fewer orders', ALL, 'quantity', 'Orders', pct(-0.1)),
];

function withItPool(itPlaced: number): ModelInput {
  const model = scenarioModel();
  const at = (range: string, row: number) => ({ range, sheet: range, cell: `A${row}` });
  model.pools = [
    ...model.pools.map((p) => ({ ...p, cost: dec(0), costBlank: true, costWhere: at('ABC_Pools', 2) })),
    { name: 'IT', cost: dec(0), capacityMinutes: null, where: at('ABC_Pools', 4), costBlank: true, costWhere: at('ABC_Pools', 4) },
  ];
  model.resources = [
    { account: '4000', description: 'Salaries', amount: dec(10000), pool: 'Customer service', where: at('ABC_Resources', 2) },
    { account: '4000', description: 'Salaries', amount: dec(9000), pool: 'Management', where: at('ABC_Resources', 3) },
    { account: '4600', description: 'IT contracts', amount: dec(3000), pool: 'IT', where: at('ABC_Resources', 4) },
  ];
  model.support = [
    { from: 'IT', to: 'Customer service', share: null, quantity: dec(2 * itPlaced), where: at('ABC_Support', 2) },
    { from: 'IT', to: 'Management', share: null, quantity: dec(itPlaced), where: at('ABC_Support', 3) },
  ];
  model.scenarios = ROWS;
  return model;
}

function outcomes(model: ModelInput) {
  const base = runModel(model);
  if (base.result === null) throw new Error(base.issues.map((i) => i.message).join('\n'));
  const run = runScenarios(model, base.result);
  expect(run.issues).toEqual([]);
  return run.outcomes.map((o) => JSON.stringify(scenarioToJson(o)));
}

describe('scenarios on a model with a first stage', () => {
  it('give the same outcomes as the same pools costed without one', () => {
    const plain = { ...scenarioModel(), scenarios: ROWS };
    expect(outcomes(withItPool(1))).toEqual(outcomes(plain));
    expect(outcomes(withItPool(1))).toHaveLength(3);
  });

  it('keep support cost left unassigned out of every run, before and after', () => {
    // IT's quantities place all of its cost; with shares placing 90% instead, 300 stays unassigned.
    const model = withItPool(1);
    model.support = [
      { from: 'IT', to: 'Customer service', share: dec(0.6), quantity: null, where: { range: 'ABC_Support', sheet: 'S', cell: 'A2' } },
      { from: 'IT', to: 'Management', share: dec(0.3), quantity: null, where: { range: 'ABC_Support', sheet: 'S', cell: 'A3' } },
    ];
    const base = runModel(model).result;
    if (base === null) throw new Error('no result');
    const run = runScenarios(model, base);
    expect(run.issues).toEqual([]);
    // Customer service 10,000 + 60% of 3,000; Management 9,000 + 900, of which 40% (3,960) is unassigned;
    // with IT's 300 that is 4,260, and no scenario here changes it.
    expect(base.pools.find((p) => p.pool === 'Customer service')?.cost.toFixed(2)).toBe('11800.00');
    expect(base.totals.unassignedCost.toFixed(2)).toBe('4260.00');
    expect(run.outcomes.map((o) => [o.scenario, o.before.unassignedCost.toFixed(2), o.after.unassignedCost.toFixed(2)])).toEqual([
      ['Leaner service', '4260.00', '4260.00'],
      ['Horeca fee', '4260.00', '4260.00'],
      ['Fewer orders', '4260.00', '4260.00'],
    ]);
    for (const o of run.outcomes) expect(o.before.operatingProfit.eq(base.totals.operatingProfit)).toBe(true);
  });
});
