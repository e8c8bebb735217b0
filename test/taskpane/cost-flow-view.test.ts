/** The pane's cost-flow view: the support methods side by side per operating pool, and the picture. */
import { runModel } from '../../src/engine/run';
import type { CostingResult } from '../../src/engine/result';
import { costFlowView } from '../../src/taskpane/cost-flow-view';
import { textbookModel } from '../engine/first-stage/textbook-model';

const costs = (model = textbookModel()): CostingResult => {
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
};

describe('costFlowView', () => {
  it('the textbook case: each operating pool under the three methods and the spread between them', () => {
    const view = costFlowView(costs(textbookModel('step-down')), 'nl');
    expect(view?.method).toBe('step-down');
    // Reciprocal 16,760 / 22,500; step-down 16,461.71 / 22,798.29; direct 16,772.86 / 22,487.14.
    expect(view?.pools).toEqual([
      { pool: 'A', byMethod: { reciprocal: 16760, 'step-down': 16461.71, direct: 16772.86 }, difference: 311.15 },
      { pool: 'B', byMethod: { reciprocal: 22500, 'step-down': 22798.29, direct: 22487.14 }, difference: 311.15 },
    ]);
    expect(view?.svg).toContain('Doorbelastingsmethode: stapsgewijs.');
  });

  it('is null without a first stage', () => {
    const model = textbookModel();
    delete model.support;
    expect(costFlowView(costs(model), 'en')).toBeNull();
  });
});
