/**
 * The first stage of a cost model as one step before the costing (issue 19): pools' own costs from the
 * ledger, support pools' cost passed on to the operating pools by the chosen method, and a model whose
 * pools are the operating pools with their cost after support — which the costing then works with exactly
 * as it works with a pool's Cost. A model without `ABC_Resources` and `ABC_Support` passes unchanged.
 */
import { type Dec, ZERO, sum } from '../decimal';
import { type Issue, hasErrors } from '../issues';
import { type ModelInput, type PoolInput, nameKey } from '../model';
import { passOnSupport } from '../support/pass-on';
import { Rational } from '../support/rational';
import { type SupportNetwork, readSupportNetwork } from '../support/support-network';
import type { SupportMethod, SupportResult } from '../support/types';
import { readLedger } from './ledger';
import { costOrigins, roundOrigins, supportOrigins } from './origins';
import { type FirstStagePool, type FirstStageResult, type LedgerAmount, SUPPORT_METHODS } from './types';

/** The model the costing works with, the first stage's result (null without one, or on errors) and its problems. */
export interface FirstStageOutcome {
  model: ModelInput;
  firstStage: FirstStageResult | null;
  issues: Issue[];
}

/** True when the model has a first stage: ledger lines or support rows. */
export function hasFirstStage(model: ModelInput): boolean {
  return (model.resources?.length ?? 0) > 0 || (model.support?.length ?? 0) > 0;
}

/**
 * Runs the first stage. On errors the returned model still leaves out the support pools that have no
 * activities, so the costing's own checks (run for a complete list of problems) do not add UNUSED_POOL
 * for them; a support pool with activities stays, its activities reported once, as SUPPORT_POOL_HAS_ACTIVITIES.
 */
export function applyFirstStage(model: ModelInput): FirstStageOutcome {
  if (!hasFirstStage(model)) return { model, firstStage: null, issues: [] };
  const ledger = readLedger(model);
  const method: SupportMethod = model.settings.supportMethod ?? 'reciprocal';
  // A pool listed twice (DUPLICATE_POOL, reported by validate.ts) has the own cost of its first row.
  const ownByKey = new Map([...ledger.own].map(([name, cost]) => [nameKey(name), cost]));
  const pools = model.pools.map((p) => ({ name: p.name, cost: ownByKey.get(nameKey(p.name)) ?? ZERO, where: p.where }));
  const withActivities = new Set(model.activities.flatMap((a) => (a.pool === null ? [] : [a.pool])));
  const links = model.support ?? [];
  const chosen = passOnSupport(pools, links, method, withActivities);
  const issues = [...ledger.issues, ...(Array.isArray(chosen) ? chosen : [])];
  const network = readSupportNetwork(pools, links, withActivities).network;
  const supportNames = new Set(network.support.map(nameKey));
  if (Array.isArray(chosen) || hasErrors(issues)) {
    return { model: costingModel(model, supportNames, withActivities, (p) => ownByKey.get(nameKey(p.name)) ?? p.cost), firstStage: null, issues };
  }

  const results = new Map<SupportMethod, SupportResult>([[method, chosen]]);
  for (const other of SUPPORT_METHODS) {
    if (other === method) continue;
    const outcome = passOnSupport(pools, links, other, withActivities);
    // The network was valid for the chosen method, and validity does not depend on the method.
    if (Array.isArray(outcome)) return { model, firstStage: null, issues: outcome };
    results.set(other, outcome);
  }
  const firstStage = describe(model, network, method, results, ledger.own, ledger.ledger);
  const after = new Map(firstStage.pools.map((p) => [nameKey(p.pool), p.costAfter]));
  return { model: costingModel(model, supportNames, withActivities, (p) => after.get(nameKey(p.name)) ?? ZERO), firstStage, issues };
}

/**
 * The model the costing works with: the operating pools with `cost(pool)`, no ledger and no support rows
 * (so running it again does not pass anything on twice); every other range as it is.
 */
function costingModel(model: ModelInput, supportNames: ReadonlySet<string>, withActivities: ReadonlySet<string>, cost: (pool: PoolInput) => Dec): ModelInput {
  const activityKeys = new Set([...withActivities].map(nameKey));
  const pools = model.pools
    .filter((p) => !supportNames.has(nameKey(p.name)) || activityKeys.has(nameKey(p.name)))
    .map(({ costWhere: _costWhere, costBlank: _costBlank, ...p }) => ({ ...p, cost: cost(p) }));
  const { resources: _resources, support: _support, ...rest } = model;
  return { ...rest, pools };
}

/** `own`: each pool's own cost by its first spelling, in the order of ABC_Pools (readLedger's map). */
function describe(
  model: ModelInput,
  network: SupportNetwork,
  method: SupportMethod,
  results: ReadonlyMap<SupportMethod, SupportResult>,
  own: ReadonlyMap<string, Dec>,
  ledger: ReadonlyMap<string, LedgerAmount[]>,
): FirstStageResult {
  const chosen = results.get(method) as SupportResult;
  const pools = [...own.keys()];
  const isSupport = new Set(network.support);
  const ownExact = new Map(network.support.map((k) => [k, Rational.fromDec(own.get(k) ?? ZERO)]));
  const exactOrigins = supportOrigins(network, method, ownExact);
  const received = new Map(network.operating.map((op) => [op, (chosen.costAfter.get(op) ?? ZERO).minus(own.get(op) ?? ZERO)]));
  const origins = roundOrigins(network, exactOrigins, own, received, sum([...chosen.unassigned.values()]));
  const ledgerOf = (pool: string): readonly LedgerAmount[] => ledger.get(pool) ?? [];

  const described: FirstStagePool[] = pools.map((pool) => {
    const support = isSupport.has(pool);
    const ownCost = own.get(pool) ?? ZERO;
    const costAfter = chosen.costAfter.get(pool) ?? ownCost;
    const received = chosen.flows.filter((f) => f.to === pool && !f.amount.isZero());
    const byMethod = Object.fromEntries(SUPPORT_METHODS.map((m) => [m, results.get(m)?.costAfter.get(pool) ?? ownCost])) as Record<SupportMethod, Dec>;
    return {
      pool,
      role: support ? 'support' : 'operating',
      ownCost,
      ledger: ledgerOf(pool).map((l) => ({ ...l })),
      received,
      costAfter,
      supportTotal: support ? ownCost.plus(sum(received.map((f) => f.amount))) : null,
      unassigned: support ? (chosen.unassigned.get(pool) ?? ZERO) : ZERO,
      byMethod,
      origins: support ? [] : costOrigins(pool, ownCost, origins.get(pool) ?? new Map(), ledgerOf),
    };
  });
  const unassignedByMethod = Object.fromEntries(
    SUPPORT_METHODS.map((m) => [m, sum([...(results.get(m)?.unassigned.values() ?? [])])]),
  ) as Record<SupportMethod, Dec>;
  return {
    method,
    fromLedger: model.resources !== undefined,
    pools: described,
    flows: chosen.flows,
    ledgerTotal: sum(described.map((p) => p.ownCost)),
    unassignedByMethod,
  };
}
