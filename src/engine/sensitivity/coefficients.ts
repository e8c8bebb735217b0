/**
 * The costing as a linear function of its estimates, in doubles, for the simulation: a customer's cost
 * of a minutes term is quantity × minutes × cost per minute, of a Share term pool cost × share × its
 * quantity ÷ the driver's total, of a Rate term quantity × rate — each linear in the estimate, the cost
 * per minute (pool cost ÷ practical capacity) fixed. So a draw is a few multiply-adds per customer.
 * With UnusedCapacity = assign a time-driven pool's whole cost follows the minutes (cost × minutes ÷ used
 * minutes), which is not linear; those pools keep each customer's minutes instead (`assignedPools`).
 */
import { type Dec, ZERO, toNumber } from '../decimal';
import { type ModelInput, nameKey } from '../model';
import type { CostingResult, CustomerResult } from '../result';
import type { Estimate } from './types';

/** A time-driven pool whose cost customers carry in full (assign mode): cost × a customer's minutes ÷ all used minutes. */
export interface AssignedPool {
  cost: number;
  /** Today's minutes per customer, by position in the result's customers. */
  minutes: Float64Array;
  usedMinutes: number;
  /** The estimates of the pool: their position in the estimates and each customer's quantity of their driver. */
  terms: Array<{ estimate: number; quantities: Float64Array; total: number }>;
}

/** Per estimate, what one unit more of it does, in doubles. */
export interface LinearCosting {
  /** Today's net profit per customer. */
  netProfit: Float64Array;
  /** Today's operating profit. */
  operatingProfit: number;
  /** Estimate e, customer c at [e × customers + c]: the change of the customer's net profit per unit of the estimate. */
  perCustomer: Float64Array;
  /** Per estimate: the change of operating profit, capacity resized to what is used, per unit. */
  company: Float64Array;
  assignedPools: AssignedPool[];
}

/**
 * The linear costing of `costing` (the model the costing works with, after the first stage) around
 * `baseline`, its result.
 */
export function linearCosting(costing: ModelInput, baseline: CostingResult, estimates: readonly Estimate[]): LinearCosting {
  const customers = baseline.customers;
  const n = customers.length;
  const pools = new Map(costing.pools.map((p) => [nameKey(p.name), p]));
  const results = new Map(baseline.pools.map((p) => [nameKey(p.pool), p]));
  const assign = costing.settings.unusedCapacity === 'assign';
  const assigned = new Map<string, AssignedPool>();
  const perCustomer = new Float64Array(estimates.length * n);
  const company = new Float64Array(estimates.length);
  estimates.forEach((estimate, e) => {
    const quantities = quantitiesOf(customers, estimate.driver);
    const total = quantities.reduce((s, q) => s + q, 0);
    const poolKey = nameKey(estimate.pool ?? '');
    const pool = pools.get(poolKey);
    let unit = 0;
    if (estimate.kind === 'rate') {
      unit = 1;
      company[e] = -total;
    } else if (estimate.kind === 'minutes' && pool !== undefined) {
      const capacity = pool.capacityMinutes ?? ZERO;
      const rate = capacity.isZero() ? 0 : toNumber(pool.cost.dividedBy(capacity));
      company[e] = -total * rate;
      const used = results.get(poolKey)?.usedMinutes ?? ZERO;
      if (assign && used.greaterThan(ZERO)) {
        assignedPool(assigned, poolKey, pool.cost, used, n).terms.push({ estimate: e, quantities, total });
        return;
      }
      unit = rate;
    } else if (estimate.kind === 'share' && pool !== undefined && total > 0) {
      // Moves cost between the customers and the pool's unassigned cost: operating profit stays.
      unit = toNumber(pool.cost) / total;
    }
    for (let c = 0; c < n; c++) perCustomer[e * n + c] = -unit * (quantities[c] as number);
  });
  // Today's minutes of every customer in an assigned pool, from all its terms, estimates or not.
  for (const term of costing.activities) {
    const pool = term.kind === 'minutes' ? assigned.get(nameKey(term.pool ?? '')) : undefined;
    if (pool === undefined) continue;
    const quantities = quantitiesOf(customers, term.driver);
    const minutes = toNumber(term.value);
    for (let c = 0; c < n; c++) pool.minutes[c] = (pool.minutes[c] as number) + (quantities[c] as number) * minutes;
  }
  return {
    netProfit: Float64Array.from(customers, (c) => toNumber(c.netProfit)),
    operatingProfit: toNumber(baseline.totals.operatingProfit),
    perCustomer,
    company,
    assignedPools: [...assigned.values()],
  };
}

function assignedPool(pools: Map<string, AssignedPool>, key: string, cost: Dec, used: Dec, n: number): AssignedPool {
  let pool = pools.get(key);
  if (pool === undefined) {
    pool = { cost: toNumber(cost), minutes: new Float64Array(n), usedMinutes: toNumber(used), terms: [] };
    pools.set(key, pool);
  }
  return pool;
}

function quantitiesOf(customers: readonly CustomerResult[], driver: string | null): Float64Array {
  const key = driver === null ? null : nameKey(driver);
  return Float64Array.from(customers, (c) => (key === null ? 0 : toNumber(c.driverQuantities?.get(key) ?? ZERO)));
}
