/** The first stage wired into the costing: support pools passed on before the pools' costs are used. */
import { dec } from '../../../src/engine/decimal';
import { levelTotal, traceCustomerCost } from '../../../src/engine/explain/trace-customer';
import { runModel } from '../../../src/engine/run';
import { buildModel } from '../../helpers/model';
import { textbookModel } from './textbook-model';

const costs = (model = textbookModel()) => {
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
};

describe('the textbook case through the whole costing', () => {
  it('costs the operating pools after support, reciprocal by default: A 16,760, B 22,500', () => {
    const result = costs();
    expect(result.pools.map((p) => [p.pool, p.cost.toFixed(2)])).toEqual([
      ['A', '16760.00'],
      ['B', '22500.00'],
    ]);
    // Y's total 9,000 and Z's 5,800 are the reciprocal solution; each passes on its whole total.
    const stage = result.firstStage;
    expect(stage?.pools.map((p) => [p.pool, p.role, p.ownCost.toFixed(2), p.supportTotal?.toFixed(2) ?? null, p.costAfter.toFixed(2)])).toEqual([
      ['Y', 'support', '7260.00', '9000.00', '0.00'],
      ['Z', 'support', '4000.00', '5800.00', '0.00'],
      ['A', 'operating', '12000.00', null, '16760.00'],
      ['B', 'operating', '16000.00', null, '22500.00'],
    ]);
    expect(stage?.ledgerTotal.toFixed(2)).toBe('39260.00');
    // Every euro reaches a customer: operating profit = 90,000 − 30,000 − 39,260.
    expect(result.totals.operatingProfit.toFixed(2)).toBe('20740.00');
    expect(result.totals.costToServe.toFixed(2)).toBe('39260.00');
  });

  it('shows the three methods side by side per operating pool (hand figures in the comment)', () => {
    // Step-down, Y first: Y passes 7,260 (A 2,904, B 2,904, Z 1,452); Z passes 5,452 with its 30% to the
    // closed Y dropped: A 5,452 × 2/7 = 1,557.71, B 5,452 × 5/7 = 3,894.29. A 16,461.71, B 22,798.29.
    // Direct: Y 7,260 split 40:40 (A 3,630, B 3,630); Z 4,000 split 20:50 (A 1,142.86, B 2,857.14).
    // A 16,772.86, B 22,487.14.
    const stage = costs().firstStage;
    const byMethod = stage?.pools.filter((p) => p.role === 'operating').map((p) => [p.pool, p.byMethod.reciprocal.toFixed(2), p.byMethod['step-down'].toFixed(2), p.byMethod.direct.toFixed(2)]);
    expect(byMethod).toEqual([
      ['A', '16760.00', '16461.71', '16772.86'],
      ['B', '22500.00', '22798.29', '22487.14'],
    ]);
    for (const method of ['step-down', 'direct'] as const) {
      const result = costs(textbookModel(method));
      expect(result.pools.map((p) => p.cost.toFixed(2))).toEqual(byMethod?.map((row) => (method === 'direct' ? row[3] : row[2])));
      expect(result.totals.operatingProfit.toFixed(2)).toBe('20740.00');
    }
  });

  it('traces the origins of A and B back to Y, Z and their own cost, adding up to the cent', () => {
    const stage = costs().firstStage;
    const a = stage?.pools.find((p) => p.pool === 'A');
    // A receives 0.4 × 9,000 + 0.2 × 5,800 = 4,760, which started as Y's and Z's own cost:
    // Y alone (Z's totals with d = (7,260, 0)): x_Y = 7,260 / (1 − 0.06) = 7,723.40…, A gets 0.4 x_Y + 0.2 × 0.2 x_Y.
    expect(a?.origins.map((o) => [o.pool, o.account, o.amount.toFixed(2)])).toEqual([
      ['A', null, '12000.00'],
      ['Y', null, '3398.30'],
      ['Z', null, '1361.70'],
    ]);
    expect(a?.origins.reduce((s, o) => s.plus(o.amount), dec(0)).toFixed(2)).toBe('16760.00');
  });

  it('leaves support cost its shares do not place unassigned, and operating profit still reconciles', () => {
    // Y passes only 80% (no share to Z): Z's total is its own 4,000, Y's 7,260 + 0.3 × 4,000 = 8,460, and
    // 20% of it, 1,692, stays as cost not charged to customers.
    const result = costs(textbookModel('reciprocal', 0));
    const y = result.firstStage?.pools.find((p) => p.pool === 'Y');
    expect(y?.unassigned.toFixed(2)).toBe('1692.00');
    expect(result.totals.unassignedCost.toFixed(2)).toBe('1692.00');
    expect(result.totals.costToServe.toFixed(2)).toBe('37568.00');
    // The ledger total still leaves the company: 90,000 − 30,000 − 39,260, whatever customers carry.
    expect(result.totals.operatingProfit.toFixed(2)).toBe('20740.00');
  });
});
