/** Bad ABC_Support rows: each a located error with its code, all reported at once, and nothing computed. */
import type { Issue } from '../../../src/engine/issues';
import { renderMessage } from '../../../src/engine/messages';
import { passOnSupport } from '../../../src/engine/support/pass-on';
import { findClosedLoops, solveReciprocal } from '../../../src/engine/support/reciprocal';
import { Rational } from '../../../src/engine/support/rational';
import { readSupportNetwork } from '../../../src/engine/support/support-network';
import { links, pools } from './support-fixtures';

const POOLS = pools({ Sales: 1000, Warehouse: 2000, IT: 300, HR: 200, Facilities: 100 });

/** The issues as [code, cell] pairs, the way the controller is led to them. */
function located(links: Parameters<typeof passOnSupport>[1], withActivities: readonly string[] = ['Sales', 'Warehouse']): [string, string | undefined][] {
  const result = passOnSupport(POOLS, links, 'reciprocal', new Set(withActivities));
  if (!Array.isArray(result)) throw new Error('expected errors');
  for (const issue of result) expect(issue.severity).toBe('error');
  return result.map((i: Issue) => [i.code, i.where.cell]);
}

describe('bad support rows', () => {
  it('names a pool in From or To that ABC_Pools does not have, at that cell', () => {
    const result = passOnSupport(POOLS, links([['IT', 'Warehouse', '0.5'], ['Facilties', 'Sales', '1'], ['HR', 'Salse', '1']]), 'direct');
    expect(Array.isArray(result) && result.map((i) => [i.code, i.where.cell, i.message])).toEqual([
      ['UNKNOWN_POOL', 'A3', 'ABC_Support names pool "Facilties" in From, which is not in ABC_Pools.'],
      ['UNKNOWN_POOL', 'B4', 'ABC_Support names pool "Salse" in To, which is not in ABC_Pools.'],
    ]);
    expect(Array.isArray(result) && renderMessage((result[1] as Issue).text, 'nl')).toBe('ABC_Support noemt kostenpool "Salse" in Naar, die niet in ABC_Pools staat.');
  });

  it('refuses a pool passing cost to itself, at its To cell', () => {
    expect(located(links([['IT', 'Sales', '0.5'], ['IT', 'it', '0.5']]))).toEqual([['SUPPORT_TO_ITSELF', 'B3']]);
  });

  it('refuses negative shares and quantities, and rows with neither or both', () => {
    expect(located(links([['IT', 'Sales', '-0.1'], ['HR', 'Sales', null, -2], ['Facilities', 'Sales', null], ['Facilities', 'Warehouse', '0.5', 3]]))).toEqual([
      ['NEGATIVE_VALUE', 'A2'],
      ['NEGATIVE_VALUE', 'A3'],
      ['MISSING_VALUE', 'A4'],
      ['SUPPORT_MIXED_BASIS', 'A5'],
    ]);
  });

  it('refuses shares above 100% in all, at the pool first row, with the sum in the message', () => {
    const result = passOnSupport(POOLS, links([['IT', 'Sales', '0.6'], ['HR', 'Sales', '1'], ['IT', 'Warehouse', '0.45']]), 'step-down');
    expect(Array.isArray(result) && result.map((i) => [i.code, i.where.cell, i.message])).toEqual([
      ['SHARES_OVER_ONE', 'A2', 'The shares support pool "IT" passes on add up to 105%, more than 100%: it cannot pass on more than its cost.'],
    ]);
  });

  it('refuses a support pool mixing Share and Quantity rows, at the first row of the second kind', () => {
    const result = passOnSupport(POOLS, links([['IT', 'Sales', null, 3], ['HR', 'Sales', '1'], ['IT', 'Warehouse', '0.5']]), 'direct');
    expect(Array.isArray(result) && result.map((i) => [i.code, i.where.cell, i.message])).toEqual([
      [
        'SUPPORT_MIXED_BASIS',
        'A4',
        'Support pool "IT" has both Share rows and Quantity rows (e.g. Support!A4 and Support!A2); a support pool passes its cost on by shares or by quantities, not both.',
      ],
    ]);
  });

  it('refuses quantities that add up to zero', () => {
    expect(located(links([['HR', 'Sales', '1'], ['IT', 'Sales', null, 0], ['IT', 'Warehouse', null, 0]]))).toEqual([['SUPPORT_QUANTITIES_ZERO', 'A3']]);
  });

  it('refuses a support pool that has activities, at its first From cell', () => {
    expect(located(links([['HR', 'IT', '1'], ['Warehouse', 'Sales', '0.1']]))).toEqual([['SUPPORT_POOL_HAS_ACTIVITIES', 'A3']]);
  });

  it('reports a closed loop of support pools, naming the pools of the loop only, at its first row', () => {
    // IT feeds a loop HR ⇄ Facilities whose shares add up to 100% and go only to each other.
    const result = passOnSupport(POOLS, links([['IT', 'HR', '1'], ['HR', 'Facilities', '1'], ['Facilities', 'HR', '0.4'], ['Facilities', 'hr', '0.6']]), 'reciprocal');
    expect(Array.isArray(result) && result.map((i) => [i.code, i.where.cell, i.message])).toEqual([
      [
        'SUPPORT_CLOSED_LOOP',
        'A3',
        'The cost of support pools "HR" and "Facilities" can never leave them: their shares go only to each other and add up to 100%. Give one of them a share to a pool with activities, or leave part of its cost unassigned.',
      ],
    ]);
    // Whatever the method: the methods are shown side by side, so a model is valid for all or none.
    expect(located(links([['HR', 'Facilities', '1'], ['Facilities', 'HR', '1']]))).toEqual([['SUPPORT_CLOSED_LOOP', 'A2']]);
    const direct = passOnSupport(POOLS, links([['HR', 'Facilities', '1'], ['Facilities', 'HR', '1']]), 'direct');
    expect(Array.isArray(direct) && direct.map((i) => i.code)).toEqual(['SUPPORT_CLOSED_LOOP']);
  });

  it('does not call a loop closed when part of the cost is unassigned or a row of it has a problem', () => {
    const leaky = passOnSupport(POOLS, links([['HR', 'Facilities', '1'], ['Facilities', 'HR', '0.9']]), 'reciprocal');
    expect(Array.isArray(leaky)).toBe(false);
    expect(located(links([['HR', 'Facilities', '1'], ['Facilities', 'HR', '0.9'], ['Facilities', 'Nowhere', '0.1']]))).toEqual([['UNKNOWN_POOL', 'B4']]);
  });

  it('reports every problem at once', () => {
    expect(
      located(
        links([
          ['IT', 'Salse', '0.5'],
          ['HR', 'HR', '1'],
          ['Facilities', 'Sales', null, -1],
          ['Warehouse', 'Sales', '0.2'],
          ['Sales', 'IT', '0.7'],
          ['Sales', 'Warehouse', '0.7'],
        ]),
      ),
    ).toEqual([
      ['UNKNOWN_POOL', 'B2'],
      ['SUPPORT_TO_ITSELF', 'B3'],
      ['NEGATIVE_VALUE', 'A4'],
      ['SHARES_OVER_ONE', 'A6'],
      ['SUPPORT_POOL_HAS_ACTIVITIES', 'A5'],
      ['SUPPORT_POOL_HAS_ACTIVITIES', 'A6'],
    ]);
  });

  it('guards the solver too: called without the check, a closed loop is an error, not a division by zero', () => {
    const { network } = readSupportNetwork(POOLS, links([['HR', 'Facilities', '1'], ['Facilities', 'HR', '1']]));
    expect(findClosedLoops(network).map((i) => i.code)).toEqual(['SUPPORT_CLOSED_LOOP']);
    const own = new Map([['HR', Rational.of(200n)], ['Facilities', Rational.of(100n)]]);
    const solved = solveReciprocal(network, own);
    expect(Array.isArray(solved) && solved.map((i) => [i.code, i.where.cell])).toEqual([['SUPPORT_CLOSED_LOOP', 'A2']]);
  });
});
