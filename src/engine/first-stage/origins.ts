/**
 * Where an operating pool's cost after support started: its own ledger lines, and for each support pool
 * the part of that pool's own cost that reached it, through every path of the support network (a support
 * pool serving another that serves the pool, cycles included). Every method is linear in the support
 * pools' own costs, so the part of support pool k is the method run with k's own cost alone — exact, in
 * fractions — and the parts of all k add up to what the pool received.
 */
import { allocateByWeights, allocateCents } from '../allocate';
import { type Dec, ZERO, sum } from '../decimal';
import { solveDirect } from '../support/direct';
import type { ExactFlows } from '../support/exact-flows';
import { R_ZERO, Rational, rationalSum } from '../support/rational';
import { solveReciprocal } from '../support/reciprocal';
import { solveStepDown } from '../support/step-down';
import type { SupportNetwork } from '../support/support-network';
import type { SupportMethod } from '../support/types';
import { controlledRound } from './controlled-rounding';
import type { CostOrigin, LedgerAmount } from './types';

/** Decimals kept when an exact fraction becomes a Dec for rounding (as pass-on.ts). */
const PLACES = 24;

/**
 * `origins.get(operating).get(support)`: the exact part of support pool `support`'s own cost that ends in
 * operating pool `operating` under `method`. A network the method cannot solve has been reported before
 * (pass-on.ts), so it is not expected here.
 */
export function supportOrigins(network: SupportNetwork, method: SupportMethod, own: ReadonlyMap<string, Rational>): Map<string, Map<string, Rational>> {
  const origins = new Map(network.operating.map((op) => [op, new Map<string, Rational>()]));
  for (const k of network.support) {
    const alone = new Map([[k, own.get(k) ?? R_ZERO]]);
    const exact = solve(network, method, alone);
    for (const op of network.operating) {
      const reached = rationalSum(network.support.map((from) => exact.flows.get(from)?.get(op) ?? R_ZERO));
      if (!reached.isZero()) (origins.get(op) as Map<string, Rational>).set(k, reached);
    }
  }
  return origins;
}

function solve(network: SupportNetwork, method: SupportMethod, own: ReadonlyMap<string, Rational>): ExactFlows {
  const exact = method === 'reciprocal' ? solveReciprocal(network, own) : method === 'step-down' ? solveStepDown(network, own) : solveDirect(network, own);
  if (Array.isArray(exact)) throw new Error('supportOrigins: the support network was not checked before');
  return exact;
}

/**
 * An operating pool's cost after support as origin parts, to the cent: its own cost over its own ledger
 * lines, and what it received from each support pool's own cost (`received`, cents, see `roundOrigins`)
 * over that pool's ledger lines. `ledgerOf(pool)` gives a pool's lines (empty without a ledger: the
 * pool's cost is one part).
 */
export function costOrigins(pool: string, ownCost: Dec, received: ReadonlyMap<string, Dec>, ledgerOf: (pool: string) => readonly LedgerAmount[]): CostOrigin[] {
  const parts = splitOverLedger(pool, ownCost, ledgerOf(pool));
  for (const [k, amount] of received) parts.push(...splitOverLedger(k, amount, ledgerOf(k)));
  return parts.filter((p) => !p.amount.isZero());
}

/**
 * The exact origins in cents: `result.get(operating).get(support)`. Rows (support pools) keep their own
 * cost — what reaches the operating pools plus what stays unassigned — and columns (operating pools) what
 * they received, so a support pool's cost traced to the operating pools adds up to its ledger too
 * (controlled-rounding.ts). `received`: what each operating pool received (cents); `unassigned`: the
 * support cost left unassigned (cents). Should the totals not allow it, each operating pool's receipts
 * are split on their own, which still adds up per operating pool.
 */
export function roundOrigins(
  network: SupportNetwork,
  exact: ReadonlyMap<string, ReadonlyMap<string, Rational>>,
  own: ReadonlyMap<string, Dec>,
  received: ReadonlyMap<string, Dec>,
  unassigned: Dec,
): Map<string, Map<string, Dec>> {
  const ks = network.support;
  const ops = network.operating;
  const cells = ks.map((k) => {
    const row = ops.map((op) => exact.get(op)?.get(k) ?? R_ZERO);
    const left = Rational.fromDec(own.get(k) ?? ZERO).sub(rationalSum(row));
    return [...row, left].map((r) => r.toDec(PLACES));
  });
  const rounded = controlledRound(
    cells,
    ks.map((k) => own.get(k) ?? ZERO),
    [...ops.map((op) => received.get(op) ?? ZERO), unassigned],
  );
  return new Map(
    ops.map((op, j) => {
      if (rounded !== null) return [op, new Map(ks.map((k, i) => [k, (rounded[i] as Dec[])[j] as Dec]))];
      const split = ks.length === 0 ? [] : allocateCents(received.get(op) ?? ZERO, ks.map((k) => (exact.get(op)?.get(k) ?? R_ZERO).toDec(PLACES)));
      return [op, new Map(ks.map((k, i) => [k, split[i] as Dec]))];
    }),
  );
}

/** An amount of a pool's own cost over its ledger lines, in proportion to them; one part without lines. */
export function splitOverLedger(pool: string, amount: Dec, lines: readonly LedgerAmount[]): CostOrigin[] {
  const weights = lines.map((l) => l.amount);
  if (lines.length === 0 || sum(weights).isZero()) {
    return amount.isZero() ? [] : [{ pool, account: null, description: null, amount }];
  }
  const split = allocateByWeights(amount, weights);
  return lines.map((l, i) => ({ pool, account: l.account, description: l.description, amount: split[i] ?? ZERO }));
}
