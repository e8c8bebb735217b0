/**
 * The direct method: support pools pass their own cost straight to the operating pools and ignore the
 * service they give each other; the shares to operating pools are scaled up to carry the whole cost
 * (rescale.ts). The simplest method, and the one that errs most when support pools serve each other.
 */
import type { ExactFlows } from './exact-flows';
import { R_ZERO, type Rational } from './rational';
import { passOnRescaled } from './rescale';
import { type SupportNetwork, unassignedShare } from './support-network';

/** Passes each support pool's own cost to the operating pools only. `own`: each pool's own cost. */
export function solveDirect(network: SupportNetwork, own: ReadonlyMap<string, Rational>): ExactFlows {
  const isSupport = new Set(network.support);
  const totals = new Map<string, Rational>();
  const flows = new Map<string, Map<string, Rational>>();
  const unassigned = new Map<string, Rational>();
  for (const from of network.support) {
    const total = own.get(from) ?? R_ZERO;
    const passed = passOnRescaled(total, network.shares.get(from) ?? new Map(), (to) => !isSupport.has(to), unassignedShare(network, from));
    totals.set(from, total);
    flows.set(from, passed.out);
    unassigned.set(from, passed.unassigned);
  }
  return { totals, flows, unassigned };
}
