/** The first stage in the `--json` document: the textbook case's figures, and absent without one. */
import { runModel } from '../../src/engine/run';
import { resultToJson } from '../../src/workbook/result-json';
import { textbookModel } from '../engine/first-stage/textbook-model';
import { buildModel } from '../helpers/model';

describe('firstStage in the JSON document', () => {
  it('gives the textbook case: pools before and after, the three methods, the flows', () => {
    const json = resultToJson(runModel(textbookModel()));
    expect(json.pools.map((p) => [p.pool, p.cost])).toEqual([
      ['A', 16760],
      ['B', 22500],
    ]);
    const stage = json.firstStage;
    expect(stage?.method).toBe('reciprocal');
    expect(stage?.fromLedger).toBe(false);
    expect(stage?.ledgerTotal).toBe(39260);
    expect(stage?.pools.map((p) => [p.pool, p.role, p.ownCost, p.costAfter, p.supportTotal, p.byMethod])).toEqual([
      ['Y', 'support', 7260, 0, 9000, { reciprocal: 0, 'step-down': 0, direct: 0 }],
      ['Z', 'support', 4000, 0, 5800, { reciprocal: 0, 'step-down': 0, direct: 0 }],
      ['A', 'operating', 12000, 16760, null, { reciprocal: 16760, 'step-down': 16461.71, direct: 16772.86 }],
      ['B', 'operating', 16000, 22500, null, { reciprocal: 22500, 'step-down': 22798.29, direct: 22487.14 }],
    ]);
    // Reciprocal: Y passes its total 9,000 (40/40/20), Z its 5,800 (20/50/30).
    expect(stage?.flows).toEqual([
      { from: 'Y', to: 'A', amount: 3600 },
      { from: 'Y', to: 'B', amount: 3600 },
      { from: 'Y', to: 'Z', amount: 1800 },
      { from: 'Z', to: 'A', amount: 1160 },
      { from: 'Z', to: 'B', amount: 2900 },
      { from: 'Z', to: 'Y', amount: 1740 },
    ]);
    expect(stage?.pools[2]?.received).toEqual([
      { from: 'Y', amount: 3600 },
      { from: 'Z', amount: 1160 },
    ]);
    expect(stage?.unassignedByMethod).toEqual({ reciprocal: 0, 'step-down': 0, direct: 0 });
  });

  it('is absent for a model without a ledger and support pools', () => {
    const json = resultToJson(runModel(buildModel({ pools: [['P', 100]], activities: [['A', 'P', 'Orders', 'share', 1]], customers: [['C', 500, 100]], volumes: [['C', 'Orders', 1]] })));
    expect(json.totals?.operatingProfit).toBe(300);
    expect('firstStage' in json).toBe(false);
  });
});
