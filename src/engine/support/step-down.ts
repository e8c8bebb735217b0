/**
 * The step-down (sequential) method: support pools close one after another, in the order they first
 * appear in From in ABC_Support. A pool passes on its own cost plus what earlier pools passed to it;
 * shares to pools already closed are dropped and the rest scaled up (rescale.ts), so no cost flows back.
 * The order is the controller's choice, which is why the report shows the methods side by side.
 */
import type { ExactFlows } from './exact-flows';
import { R_ZERO, type Rational } from './rational';
import { passOnRescaled } from './rescale';
import { type SupportNetwork, unassignedShare } from './support-network';

/** Passes each support pool's cost on in step-down order. `own`: each pool's own cost. */
export function solveStepDown(network: SupportNetwork, own: ReadonlyMap<string, Rational>): ExactFlows {
  const received = new Map<string, Rational>();
  const closed = new Set<string>();
  const totals = new Map<string, Rational>();
  const flows = new Map<string, Map<string, Rational>>();
  const unassigned = new Map<string, Rational>();
  for (const from of network.support) {
    const total = (own.get(from) ?? R_ZERO).add(received.get(from) ?? R_ZERO);
    closed.add(from);
    const passed = passOnRescaled(total, network.shares.get(from) ?? new Map(), (to) => !closed.has(to), unassignedShare(network, from));
    for (const [to, amount] of passed.out) received.set(to, (received.get(to) ?? R_ZERO).add(amount));
    totals.set(from, total);
    flows.set(from, passed.out);
    unassigned.set(from, passed.unassigned);
  }
  return { totals, flows, unassigned };
}
