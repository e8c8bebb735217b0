/**
 * The reciprocal method: support pools that serve each other are solved as the simultaneous equations
 * they are, x = d + Aᵀx (x a support pool's total cost, d its own, A[i][j] the share from support pool i
 * to support pool j), by Gaussian elimination in exact fractions. Enterprise tools iterate a fixed number
 * of times and sweep the rest away; here nothing is left over, so the result is the textbook answer to
 * the cent, and a network whose cost can never leave is reported rather than iterated forever.
 */
import { type Issue, error } from '../issues';
import { msg } from '../messages';
import type { ExactFlows } from './exact-flows';
import { R_ONE, R_ZERO, type Rational } from './rational';
import { type SupportNetwork, unassignedShare } from './support-network';

/**
 * Groups of support pools whose cost can never leave them: every share of every pool in the group goes
 * to the group, and they add up to 100%. Such a group makes the equations singular (its cost would
 * circle for ever), so it is an error, one per group, at the first row of its first pool.
 * A pool can get out when part of its cost is unassigned, when it has a share to a pool that is no
 * support pool, or when it has a share to a pool that can get out. `incomplete` pools (their rows have
 * a problem already reported) count as able to get out, so a loop is not reported on top of that problem.
 */
export function findClosedLoops(network: SupportNetwork, incomplete: ReadonlySet<string> = new Set()): Issue[] {
  const isSupport = new Set(network.support);
  const out = new Set<string>();
  for (const pool of network.support) {
    const shares = network.shares.get(pool) ?? new Map<string, Rational>();
    const leaves = incomplete.has(pool) || unassignedShare(network, pool).sign() > 0 || [...shares.keys()].some((to) => !isSupport.has(to));
    if (leaves) out.add(pool);
  }
  // Spread "can get out" backwards along the shares until nothing changes (at most one pass per pool).
  for (let changed = true; changed; ) {
    changed = false;
    for (const pool of network.support) {
      if (out.has(pool)) continue;
      if ([...(network.shares.get(pool)?.keys() ?? [])].some((to) => out.has(to))) {
        out.add(pool);
        changed = true;
      }
    }
  }
  const stuck = network.support.filter((pool) => !out.has(pool));
  if (stuck.length === 0) return [];

  // Every stuck pool's shares lead only to stuck pools. A closed group is a set of them that all reach
  // each other; pools that merely feed such a group are not named: the group is what must change.
  const reach = new Map(stuck.map((pool) => [pool, reachable(network, pool)]));
  const named = new Set<string>();
  const issues: Issue[] = [];
  for (const pool of stuck) {
    if (named.has(pool)) continue;
    const group = reach.get(pool) as Set<string>;
    const closed = group.has(pool) && [...group].every((other) => (reach.get(other) as Set<string>).has(pool));
    if (!closed) continue;
    const pools = network.support.filter((p) => group.has(p));
    for (const p of pools) named.add(p);
    issues.push(error('SUPPORT_CLOSED_LOOP', msg('supportClosedLoop', { pools }), network.firstRow.get(pools[0] as string)));
  }
  return issues;
}

/** The pools `from` passes cost to, directly or through others (itself included when it is on a cycle). */
function reachable(network: SupportNetwork, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const pool = todo.pop() as string;
    for (const to of network.shares.get(pool)?.keys() ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        todo.push(to);
      }
    }
  }
  return seen;
}

/**
 * Solves (I − Aᵀ) x = d exactly and passes each support pool's total x_i on by its shares: pool j gets
 * share(i→j) · x_i, and (1 − Σ shares of i) · x_i stays unassigned. `own`: each pool's own cost (every
 * support pool must have one). Returns the closed loops as errors instead when there are any.
 */
export function solveReciprocal(network: SupportNetwork, own: ReadonlyMap<string, Rational>): ExactFlows | Issue[] {
  const loops = findClosedLoops(network);
  if (loops.length > 0) return loops;
  const pools = network.support;
  const n = pools.length;
  const index = new Map(pools.map((p, i) => [p, i]));
  // Row j is pool j's equation: x_j − Σ_i A[i][j]·x_i = d_j; the last column holds d.
  const m: Rational[][] = pools.map((p, j) => {
    const row = pools.map((_, i) => (i === j ? R_ONE : R_ZERO));
    row.push(own.get(p) ?? R_ZERO);
    return row;
  });
  pools.forEach((from, i) => {
    for (const [to, share] of network.shares.get(from) ?? []) {
      const j = index.get(to);
      if (j !== undefined) (m[j] as Rational[])[i] = (m[j]?.[i] as Rational).sub(share);
    }
  });
  const x = eliminate(m, n);
  if (x === null) {
    // Unreachable after findClosedLoops (a substochastic matrix without a closed group is regular), but
    // a zero pivot must never become a division by zero or a wrong number.
    return [error('SUPPORT_CLOSED_LOOP', msg('supportClosedLoop', { pools: [...pools] }), network.firstRow.get(pools[0] as string))];
  }
  const totals = new Map(pools.map((p, i) => [p, x[i] as Rational]));
  return passOnTotals(network, totals);
}

/**
 * Gauss–Jordan elimination on the augmented n × (n+1) matrix, in place; the solution, or null when a
 * column has no non-zero pivot (the system is singular). Exact fractions need no pivoting for size.
 */
function eliminate(m: Rational[][], n: number): Rational[] | null {
  for (let col = 0; col < n; col++) {
    const pivotRow = m.findIndex((row, r) => r >= col && !(row[col] as Rational).isZero());
    if (pivotRow < 0) return null;
    [m[col], m[pivotRow]] = [m[pivotRow] as Rational[], m[col] as Rational[]];
    const pivot = m[col] as Rational[];
    const p = pivot[col] as Rational;
    for (let c = col; c <= n; c++) pivot[c] = (pivot[c] as Rational).div(p);
    for (let r = 0; r < n; r++) {
      const row = m[r] as Rational[];
      const factor = row[col] as Rational;
      if (r === col || factor.isZero()) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] as Rational).sub(factor.mul(pivot[c] as Rational));
    }
  }
  return m.map((row) => row[n] as Rational);
}

/** Each support pool's total passed on by its full shares: the flows and what stays unassigned. */
function passOnTotals(network: SupportNetwork, totals: ReadonlyMap<string, Rational>): ExactFlows {
  const flows = new Map<string, Map<string, Rational>>();
  const unassigned = new Map<string, Rational>();
  for (const from of network.support) {
    const x = totals.get(from) as Rational;
    const out = new Map<string, Rational>();
    for (const [to, share] of network.shares.get(from) ?? []) {
      const amount = share.mul(x);
      if (!amount.isZero()) out.set(to, amount);
    }
    flows.set(from, out);
    unassigned.set(from, unassignedShare(network, from).mul(x));
  }
  return { totals, flows, unassigned };
}
