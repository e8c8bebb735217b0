/**
 * Properties of the support stage over random networks of up to 20 support pools serving each other in
 * random cycles: reciprocal solves the equations exactly, every method passes on every cent, and without
 * cycles, in topological order, step-down is the reciprocal result.
 */
import fc from 'fast-check';
import { type Dec, ZERO, dec, roundCents } from '../../../src/engine/decimal';
import { passOnSupport } from '../../../src/engine/support/pass-on';
import { R_ZERO, Rational, rationalSum } from '../../../src/engine/support/rational';
import { solveDirect } from '../../../src/engine/support/direct';
import { solveReciprocal } from '../../../src/engine/support/reciprocal';
import { solveStepDown } from '../../../src/engine/support/step-down';
import { type SupportNetwork, readSupportNetwork } from '../../../src/engine/support/support-network';
import type { SupportLinkInput, SupportResult } from '../../../src/engine/support/types';
import { pools as poolsOf, supportCell } from './support-fixtures';

interface Network {
  costs: Record<string, string>;
  links: SupportLinkInput[];
}

const support = (i: number): string => `S${i}`;
const operating = (k: number): string => `P${k}`;

/** One support pool's rows: by shares (percent weights, the rest unassigned) or by quantities. */
const poolRows = (n: number, ops: number, acyclicFrom: number | null) =>
  fc.record({
    byQuantity: fc.boolean(),
    fillToHundred: fc.boolean(),
    rows: fc.array(fc.record({ target: fc.integer({ min: 0, max: n + ops - 1 }), weight: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 5 }),
  }).map(({ byQuantity, fillToHundred, rows }) => {
    // Targets 0..n-1 are support pools, n.. operating ones; an acyclic network only sends to later pools.
    const targets = rows.map((r) => (acyclicFrom !== null && r.target < n && r.target <= acyclicFrom ? n + (r.target % ops) : r.target));
    const weights = rows.map((r) => r.weight);
    if (!byQuantity && fillToHundred) weights[weights.length - 1] = 100 - weights.slice(0, -1).reduce((a, b) => a + b, 0);
    return { byQuantity, targets, weights };
  });

/**
 * A network whose every support pool can pass its cost out: a pool that sends nothing to an operating
 * pool and leaves nothing unassigned sends its first row to the next support pool (the last one to an
 * operating pool), so each reaches an exit through its successors.
 */
function network(acyclic: boolean) {
  return fc
    .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }))
    .chain(([n, ops]) =>
      fc.tuple(
        fc.constant(n),
        fc.constant(ops),
        fc.tuple(...Array.from({ length: n }, (_, i) => poolRows(n, ops, acyclic ? i : null))),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: n + ops, maxLength: n + ops }),
      ),
    )
    .map(([n, ops, rowsPerPool, cents]): Network => {
      const links: SupportLinkInput[] = [];
      rowsPerPool.forEach((pool, i) => {
        const self = (t: number): boolean => t === i;
        const targets = pool.targets.map((t) => (self(t) ? (i + 1 < n ? i + 1 : n) : t));
        const total = pool.weights.reduce((a, b) => a + b, 0);
        const exits = targets.some((t, k) => t >= n && (pool.weights[k] ?? 0) > 0) || (!pool.byQuantity && total < 100);
        // Quantities that add up to 0 are an error: give the first row one.
        if (pool.byQuantity && total === 0) pool.weights[0] = 1;
        // The heaviest row carries part of the cost for certain (a row of weight 0 carries nothing).
        if (!exits) targets[pool.weights.indexOf(Math.max(...pool.weights))] = i + 1 < n ? i + 1 : n;
        targets.forEach((t, k) => {
          const w = pool.weights[k] ?? 0;
          const row = links.length + 2;
          links.push({
            from: support(i),
            to: t < n ? support(t) : operating(t - n),
            share: pool.byQuantity ? null : dec(w).dividedBy(100),
            quantity: pool.byQuantity ? dec(w) : null,
            where: supportCell(row),
          });
        });
      });
      const names = [...Array.from({ length: ops }, (_, k) => operating(k)), ...Array.from({ length: n }, (_, i) => support(i))];
      return { costs: Object.fromEntries(names.map((name, i) => [name, dec(cents[i] ?? 0).dividedBy(100).toFixed(2)])), links };
    });
}

function passOn(net: Network, method: 'reciprocal' | 'step-down' | 'direct'): SupportResult {
  const result = passOnSupport(poolsOf(net.costs), net.links, method);
  if (Array.isArray(result)) throw new Error(result.map((i) => i.message).join('\n'));
  return result;
}

const total = (values: Iterable<Dec>): Dec => [...values].reduce((a, b) => a.plus(b), ZERO);

/** True when some support pool's cost comes back to it. */
function hasCycle(net: SupportNetwork): boolean {
  return net.support.some((start) => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length > 0) {
      for (const to of net.shares.get(todo.pop() as string)?.keys() ?? []) {
        if (to === start) return true;
        if (!seen.has(to)) {
          seen.add(to);
          todo.push(to);
        }
      }
    }
    return false;
  });
}

let cyclic = 0;

describe('the support stage on random networks', () => {
  it('reciprocal satisfies x = d + Aᵀx exactly, in fractions', () => {
    fc.assert(
      fc.property(network(false), (net) => {
        const reading = readSupportNetwork(poolsOf(net.costs), net.links);
        expect(reading.issues).toEqual([]);
        if (hasCycle(reading.network)) cyclic++;
        const own = new Map(Object.entries(net.costs).map(([name, cost]) => [name, Rational.fromDec(dec(cost))]));
        const solved = solveReciprocal(reading.network, own);
        if (Array.isArray(solved)) throw new Error(solved.map((i) => i.message).join('\n'));
        for (const j of reading.network.support) {
          const received = reading.network.support.map((i) => (reading.network.shares.get(i)?.get(j) ?? R_ZERO).mul(solved.totals.get(i) as Rational));
          expect((solved.totals.get(j) as Rational).equals((own.get(j) as Rational).add(rationalSum(received)))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
    // The generator must really make support pools serve each other in circles.
    expect(cyclic).toBeGreaterThan(20);
  });

  it.each(['reciprocal', 'step-down', 'direct'] as const)('%s passes on every cent, and each pool gets its exact share within a cent', (method) => {
    fc.assert(
      fc.property(network(false), (net) => {
        const r = passOn(net, method);
        const reading = readSupportNetwork(poolsOf(net.costs), net.links);
        const own = new Map(Object.entries(net.costs).map(([name, cost]) => [name, Rational.fromDec(dec(cost))]));
        const exact = method === 'reciprocal' ? solveReciprocal(reading.network, own) : method === 'step-down' ? solveStepDown(reading.network, own) : solveDirect(reading.network, own);
        if (Array.isArray(exact)) throw new Error('unsolvable');
        const before = total(Object.values(net.costs).map((c) => roundCents(dec(c))));
        const operatingAfter = [...r.costAfter].filter(([name]) => name.startsWith('P')).map(([, v]) => v);
        expect(total(operatingAfter).plus(total(r.unassigned.values())).toFixed(2)).toBe(before.toFixed(2));
        for (const [name, after] of r.costAfter) {
          expect(after.decimalPlaces()).toBeLessThanOrEqual(2);
          if (!name.startsWith('P')) continue;
          // What an operating pool receives is the sum of the flows into it, to the cent.
          const into = total(r.flows.filter((f) => f.to === name).map((f) => f.amount));
          expect(after.minus(dec(net.costs[name] as string)).toFixed(2)).toBe(into.toFixed(2));
          const exactInto = rationalSum(reading.network.support.map((i) => exact.flows.get(i)?.get(name) ?? R_ZERO));
          expect(Rational.fromDec(into).sub(exactInto).mul(Rational.of(100n)).compare(Rational.of(1n))).toBe(-1);
          expect(exactInto.sub(Rational.fromDec(into)).mul(Rational.of(100n)).compare(Rational.of(1n))).toBe(-1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same result under reciprocal and step-down when the network has no cycle and the order is topological', () => {
    fc.assert(
      fc.property(network(true), (net) => {
        const reciprocal = passOn(net, 'reciprocal');
        const stepDown = passOn(net, 'step-down');
        const plain = (r: SupportResult) => ({
          costAfter: [...r.costAfter].map(([k, v]) => [k, v.toFixed(2)]),
          totals: [...r.supportTotals].map(([k, v]) => [k, v.toString()]),
          unassigned: [...r.unassigned].map(([k, v]) => [k, v.toFixed(2)]),
          flows: r.flows.map((f) => [f.from, f.to, f.amount.toFixed(2)]),
        });
        expect(plain(stepDown)).toEqual(plain(reciprocal));
      }),
      { numRuns: 100 },
    );
  });
});
