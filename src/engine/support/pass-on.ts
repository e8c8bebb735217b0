/**
 * The support stage as one call: check the support rows, pass the support pools' cost on by the chosen
 * method in exact fractions, and round what each pool receives to cents once, with the project's
 * largest-remainder rule (allocate.ts), so the operating pools' costs after support plus what stays
 * unassigned add up to the pools' costs to the cent, whatever the method.
 */
import { allocateCents } from '../allocate';
import { type Dec, ZERO, roundCents, sum } from '../decimal';
import { type Issue, type Where, hasErrors } from '../issues';
import { nameKey } from '../model';
import type { ExactFlows } from './exact-flows';
import { R_ZERO, Rational, rationalSum } from './rational';
import { findClosedLoops, solveReciprocal } from './reciprocal';
import { solveDirect } from './direct';
import { solveStepDown } from './step-down';
import { type SupportNetwork, readSupportNetwork } from './support-network';
import type { SupportFlow, SupportLinkInput, SupportMethod, SupportResult } from './types';

/** A pool with its own cost (from ABC_Pools or its ledger lines). */
export interface SupportPoolInput {
  name: string;
  cost: Dec;
  where?: Where;
}

/**
 * Decimals kept when an exact fraction becomes a `Dec` for rounding (24: a cost below 10^15 keeps all
 * its digits within decimal.js's 40). Exact fractions such as 1/7 are correctly rounded there, far below
 * a cent, so the largest-remainder rule ranks the parts as the fractions would.
 */
const PLACES = 24;

/**
 * Passes the support pools' cost on. `pools`: every pool of the model with its own cost (rounded to
 * cents first, as the costing rounds a pool's Cost); `links`: the rows of ABC_Support;
 * `poolsWithActivities`: the pools that have activities (a support pool may not). Returns the result, or
 * every problem of the support rows at once (also a closed loop, whatever the method: the report shows
 * the three methods side by side, so a model is valid for all of them or for none).
 */
export function passOnSupport(
  pools: readonly SupportPoolInput[],
  links: readonly SupportLinkInput[],
  method: SupportMethod,
  poolsWithActivities: ReadonlySet<string> = new Set(),
): SupportResult | Issue[] {
  const reading = readSupportNetwork(pools, links, poolsWithActivities);
  const issues = [...reading.issues, ...findClosedLoops(reading.network, reading.incomplete)];
  if (hasErrors(issues)) return issues;
  const network = reading.network;

  // A pool listed twice (DUPLICATE_POOL, reported by validate.ts) counts once, as its first row.
  const own = new Map<string, Dec>();
  const seen = new Set<string>();
  for (const pool of pools) {
    if (seen.has(nameKey(pool.name))) continue;
    seen.add(nameKey(pool.name));
    own.set(pool.name, roundCents(pool.cost));
  }
  const ownExact = new Map([...own].map(([name, cost]) => [name, Rational.fromDec(cost)]));
  const exact = method === 'reciprocal' ? solveReciprocal(network, ownExact) : method === 'step-down' ? solveStepDown(network, ownExact) : solveDirect(network, ownExact);
  if (Array.isArray(exact)) return exact;
  return roundFlows(network, own, exact, method);
}

/**
 * Rounds the exact outcome to cents once: the support pools' own cost (whole cents) is split over what
 * each operating pool receives and what each support pool leaves unassigned; then what an operating pool
 * receives is split over the support pools it came from. Both with allocateCents, so every level adds up.
 * Amounts between support pools are shown rounded on their own: they pass through, and add to nothing.
 */
function roundFlows(network: SupportNetwork, own: ReadonlyMap<string, Dec>, exact: ExactFlows, method: SupportMethod): SupportResult {
  const isSupport = new Set(network.support);
  const receivedFrom = (to: string): Rational[] => network.support.map((from) => exact.flows.get(from)?.get(to) ?? R_ZERO);
  const parts = [
    ...network.operating.map((op) => rationalSum(receivedFrom(op))),
    ...network.support.map((from) => exact.unassigned.get(from) ?? R_ZERO),
  ];
  const supportCost = sum(network.support.map((from) => own.get(from) ?? ZERO));
  const rounded = allocateCents(supportCost, parts.map((p) => p.toDec(PLACES)));

  const costAfter = new Map<string, Dec>();
  const intoOperating = new Map<string, Map<string, Dec>>();
  network.operating.forEach((op, k) => {
    const received = rounded[k] as Dec;
    costAfter.set(op, (own.get(op) ?? ZERO).plus(received));
    const exactParts = receivedFrom(op);
    const split = allocateCents(received, exactParts.map((p) => p.toDec(PLACES)));
    intoOperating.set(op, new Map(network.support.map((from, i) => [from, split[i] as Dec])));
  });
  const unassigned = new Map<string, Dec>();
  network.support.forEach((from, i) => {
    const left = rounded[network.operating.length + i] as Dec;
    unassigned.set(from, left);
    costAfter.set(from, left);
  });

  const flows: SupportFlow[] = [];
  for (const from of network.support) {
    for (const [to, amount] of exact.flows.get(from) ?? []) {
      const cents = isSupport.has(to) ? roundCents(amount.toDec(PLACES)) : (intoOperating.get(to)?.get(from) as Dec);
      flows.push({ from, to, amount: cents });
    }
  }
  const supportTotals = new Map(network.support.map((from) => [from, (exact.totals.get(from) ?? R_ZERO).toDec(PLACES)]));
  return { method, costAfter: ordered(own, costAfter), supportTotals, flows, unassigned };
}

/** `costAfter` in the order of the pools given, so a report lists pools as ABC_Pools does. */
function ordered(own: ReadonlyMap<string, Dec>, costAfter: ReadonlyMap<string, Dec>): Map<string, Dec> {
  return new Map([...own.keys()].map((name) => [name, costAfter.get(name) as Dec]));
}
