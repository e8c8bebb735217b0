/**
 * The two-service-department textbook case (issue 19): service departments Y and Z serve each other and
 * the producing departments A and B.
 *   Y: own 7,260; 40% to A, 40% to B, 20% to Z.    Z: own 4,000; 20% to A, 50% to B, 30% to Y.
 *   A: own 12,000.                                  B: own 16,000.          Total 39,260.
 *
 * Reciprocal: Y = 7,260 + 0.3·Z, Z = 4,000 + 0.2·Y ⇒ Y = 7,260 + 1,200 + 0.06·Y ⇒ 0.94·Y = 8,460 ⇒
 * Y = 9,000, Z = 5,800. A = 12,000 + 0.4·9,000 + 0.2·5,800 = 12,000 + 3,600 + 1,160 = 16,760;
 * B = 16,000 + 0.4·9,000 + 0.5·5,800 = 16,000 + 3,600 + 2,900 = 22,500. Y → Z 1,800; Z → Y 1,740.
 *
 * Step-down, Y then Z (the order Y first appears in From): Y passes 7,260 as 40/40/20: A 2,904, B 2,904,
 * Z 1,452. Z then has 4,000 + 1,452 = 5,452; its 30% to Y (closed) is dropped and 20:50 rescaled to 2/7
 * and 5/7: A 10,904/7 = 1,557.714285…, B 27,260/7 = 3,894.285714…. Rounded once, what A and B receive
 * (4,461.714285… and 6,798.285714…, 11,260 together) is 446,171 + 679,828 cents and one cent left, which
 * goes to the larger remainder (B, .571 against .429): A 4,461.71, B 6,798.29; within A: 2,904 + 1,557.71,
 * within B: 2,904 + 3,894.29. A = 16,461.71, B = 22,798.29.
 *
 * Direct: Y's 40:40 to A and B rescaled to 50/50: 3,630 each. Z's 20:50 rescaled: A 8,000/7 = 1,142.857…,
 * B 20,000/7 = 2,857.142…. What A and B receive (4,772.857… and 6,487.142…) floors to 477,285 + 648,714
 * cents, one cent left for the larger remainder (A, .857 against .142): A 4,772.86, B 6,487.14;
 * Z → A 1,142.86, Z → B 2,857.14. A = 16,772.86, B = 22,487.14.
 */
import { passOnSupport } from '../../../src/engine/support/pass-on';
import type { SupportMethod, SupportResult } from '../../../src/engine/support/types';
import { flowTexts, links, pools, texts } from './support-fixtures';

const POOLS = pools({ A: 12000, B: 16000, Y: 7260, Z: 4000 });
const LINKS = links([
  ['Y', 'A', '0.4'],
  ['Y', 'B', '0.4'],
  ['Y', 'Z', '0.2'],
  ['Z', 'A', '0.2'],
  ['Z', 'B', '0.5'],
  ['Z', 'Y', '0.3'],
]);

function run(method: SupportMethod): SupportResult {
  const result = passOnSupport(POOLS, LINKS, method, new Set(['A', 'B']));
  if (Array.isArray(result)) throw new Error(result.map((i) => i.message).join('\n'));
  return result;
}

describe('the two-service-department textbook case', () => {
  it('reciprocal: Y 9,000, Z 5,800, A 16,760, B 22,500', () => {
    const r = run('reciprocal');
    expect(r.method).toBe('reciprocal');
    expect(texts(r.supportTotals)).toEqual({ Y: '9000.00', Z: '5800.00' });
    expect(texts(r.costAfter)).toEqual({ A: '16760.00', B: '22500.00', Y: '0.00', Z: '0.00' });
    expect(texts(r.unassigned)).toEqual({ Y: '0.00', Z: '0.00' });
    expect(flowTexts(r)).toEqual(['Y → A: 3600.00', 'Y → B: 3600.00', 'Y → Z: 1800.00', 'Z → A: 1160.00', 'Z → B: 2900.00', 'Z → Y: 1740.00']);
  });

  it('step-down in the order Y, Z: A 16,461.71, B 22,798.29', () => {
    const r = run('step-down');
    expect(texts(r.supportTotals)).toEqual({ Y: '7260.00', Z: '5452.00' });
    expect(texts(r.costAfter)).toEqual({ A: '16461.71', B: '22798.29', Y: '0.00', Z: '0.00' });
    expect(flowTexts(r)).toEqual(['Y → A: 2904.00', 'Y → B: 2904.00', 'Y → Z: 1452.00', 'Z → A: 1557.71', 'Z → B: 3894.29']);
  });

  it('direct: A 16,772.86, B 22,487.14', () => {
    const r = run('direct');
    expect(texts(r.supportTotals)).toEqual({ Y: '7260.00', Z: '4000.00' });
    expect(texts(r.costAfter)).toEqual({ A: '16772.86', B: '22487.14', Y: '0.00', Z: '0.00' });
    expect(flowTexts(r)).toEqual(['Y → A: 3630.00', 'Y → B: 3630.00', 'Z → A: 1142.86', 'Z → B: 2857.14']);
  });

  it('passes on every cent under each method: 39,260 before and after', () => {
    for (const method of ['reciprocal', 'step-down', 'direct'] as const) {
      const r = run(method);
      const after = [...r.costAfter.values()].reduce((a, b) => a.plus(b));
      expect([method, after.toFixed(2)]).toEqual([method, '39260.00']);
    }
  });

  it('takes quantities as shares of their total, and the same pools spelled differently', () => {
    const byQuantity = links([
      ['y', 'A ', null, 2],
      ['Y', 'b', null, 2],
      ['Y', 'z', null, 1],
      ['Z', 'A', null, 40],
      ['Z', 'B', null, 100],
      ['Z', 'Y', null, 60],
    ]);
    const r = passOnSupport(POOLS, byQuantity, 'reciprocal');
    expect(Array.isArray(r) ? r : texts(r.costAfter)).toEqual({ A: '16760.00', B: '22500.00', Y: '0.00', Z: '0.00' });
  });
});
