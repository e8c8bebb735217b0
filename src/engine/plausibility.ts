/**
 * Plausibility warnings: figures that compute fine but are probably not what the controller meant. A pool
 * used for 11.6% of its capacity once produced € 581,906 of unused capacity and an operating loss without
 * a word; these checks say so, with the figures, wherever warnings are shown (runner, JSON, Summary, pane).
 * They read the rounded result (so the money they name is the money the report shows) and the model (for
 * locations, FTE and revenue).
 */
import { type Dec, ONE, ZERO, dec } from './decimal';
import { type Issue, type IssueCode, type Where, warning } from './issues';
import { msg } from './messages';
import { type CustomerInput, type ModelInput, nameKey } from './model';
import type { CostingResult, PoolResult } from './result';

/**
 * Below half its practical capacity a pool's unused capacity costs more than everything it charges to
 * customers: practical capacity is meant to be nearly all used (80–95%), so under 50% the capacity or the
 * minutes per driver unit are far more likely wrong than the department is half idle.
 */
export const LOW_USE_BELOW = dec('0.5');

/** Above 100% customers are charged for minutes the department does not have (unused capacity goes negative). */
export const FULL_USE = ONE;

/**
 * Capacity is FTE × MinutesPerFTE give or take leave, training and part-time work; beyond 15% either way
 * the capacity, the FTE or MinutesPerFTE is more likely mistyped than a real difference.
 */
export const PAID_MINUTES_TOLERANCE = dec('0.15');

/** Up to this many customers get a warning each; more get one warning with their count and the first of them. */
export const CUSTOMERS_ONE_BY_ONE = 5;

/** The warning codes of this module (the pane's headline shows these). */
export const PLAUSIBILITY_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'LOW_CAPACITY_USE',
  'OVER_CAPACITY',
  'PAID_MINUTES_GAP',
  'ZERO_DRIVER_QUANTITY',
  'REVENUE_WITHOUT_VOLUMES',
  'VOLUMES_WITHOUT_REVENUE',
]);

/**
 * Every plausibility warning of a computed model: pools used below 50% or above 100% of their practical
 * capacity, capacity more than 15% away from FTE × MinutesPerFTE, time and rate activities whose driver adds
 * up to zero (conventional ones are warned while costing, as their cost stays unassigned), and customers with
 * revenue but no volumes or volumes but no revenue. `result` must be the result of `model`.
 */
export function plausibilityWarnings(model: ModelInput, result: CostingResult): Issue[] {
  return [...poolWarnings(model, result), ...zeroDriverWarnings(model, result), ...customerWarnings(model)];
}

function poolWarnings(model: ModelInput, result: CostingResult): Issue[] {
  const issues: Issue[] = [];
  const used = new Set(model.activities.flatMap((t) => (t.pool === null || t.kind === 'rate' ? [] : [nameKey(t.pool)])));
  const currency = result.settings.currency;
  // The result keeps the model's pools in their order (costing.ts maps them one to one).
  result.pools.forEach((pool, i) => {
    const input = model.pools[i];
    if (input === undefined || pool.method !== 'time' || pool.capacityMinutes === null || !pool.capacityMinutes.isPositive()) return;
    // A pool no activity uses already has UNUSED_POOL; saying it is 0% used adds nothing.
    if (used.has(nameKey(input.name))) issues.push(...capacityUse(pool, currency, input.where));
    const paid = paidMinutes(input.fte ?? null, model.settings.minutesPerFte);
    if (paid !== null) {
      const gap = pool.capacityMinutes.minus(paid.minutes).dividedBy(paid.minutes);
      if (gap.abs().greaterThan(PAID_MINUTES_TOLERANCE)) {
        issues.push(
          warning(
            'PAID_MINUTES_GAP',
            msg('paidMinutesGap', {
              pool: pool.pool,
              capacity: pool.capacityMinutes.toFixed(),
              fte: paid.fte.toFixed(),
              minutesPerFte: paid.perFte.toFixed(),
              paid: paid.minutes.toFixed(),
              percent: percentBeyond(gap.abs(), PAID_MINUTES_TOLERANCE, 'above'),
              more: gap.isPositive(),
            }),
            input.where,
          ),
        );
      }
    }
  });
  return issues;
}

/** LOW_CAPACITY_USE or OVER_CAPACITY for a time-driven pool with activities, or nothing between 50% and 100%. */
function capacityUse(pool: PoolResult, currency: string, where: Where): Issue[] {
  const capacity = pool.capacityMinutes ?? ONE;
  const usedMinutes = pool.usedMinutes ?? ZERO;
  const use = usedMinutes.dividedBy(capacity);
  const unusedCost = pool.unusedCost ?? ZERO;
  if (use.lessThan(LOW_USE_BELOW)) {
    const args = { pool: pool.pool, percent: percentBeyond(use, LOW_USE_BELOW, 'below'), used: usedMinutes.toFixed(), capacity: capacity.toFixed(), cost: unusedCost.toFixed(2), currency };
    return [warning('LOW_CAPACITY_USE', msg('lowCapacityUse', args), where)];
  }
  if (use.greaterThan(FULL_USE)) {
    const over = usedMinutes.minus(capacity);
    const args = { pool: pool.pool, used: usedMinutes.toFixed(), over: over.toFixed(), capacity: capacity.toFixed(), percent: percentBeyond(use, FULL_USE, 'above'), cost: unusedCost.negated().toFixed(2), currency };
    return [warning('OVER_CAPACITY', msg('overCapacity', args), where)];
  }
  return [];
}

/** FTE × MinutesPerFTE when both are given and positive. */
function paidMinutes(fte: Dec | null, perFte: Dec | undefined): { fte: Dec; perFte: Dec; minutes: Dec } | null {
  if (fte === null || perFte === undefined || !fte.isPositive() || fte.isZero() || !perFte.isPositive() || perFte.isZero()) return null;
  return { fte, perFte, minutes: fte.times(perFte) };
}

/**
 * A fraction as a percentage with one decimal (`0.116` → `11.6`), rounded half up, except that a figure
 * beyond a threshold never shows as the threshold itself: 49.99% used is `49.9`, not `50.0`, so the
 * message never contradicts the rule that raised it.
 */
export function percentBeyond(fraction: Dec, threshold: Dec, side: 'below' | 'above'): string {
  const shown = fraction.times(100).toDecimalPlaces(1);
  const limit = threshold.times(100);
  const step = dec('0.1');
  if (side === 'below' && shown.greaterThanOrEqualTo(limit)) return limit.minus(step).toFixed(1);
  if (side === 'above' && shown.lessThanOrEqualTo(limit)) return limit.plus(step).toFixed(1);
  return shown.toFixed(1);
}

/**
 * A time-driven or rate term whose driver adds up to zero charges nothing: its minutes stay unused capacity,
 * or the rate never applies. Conventional (share) terms are warned by the costing, which leaves their cost
 * unassigned; this covers the others with the same code.
 */
function zeroDriverWarnings(model: ModelInput, result: CostingResult): Issue[] {
  const zero = new Set<string>();
  for (const a of result.activities) {
    if (a.method === 'share') continue;
    for (const d of a.drivers) if (d.quantity.isZero()) zero.add(`${nameKey(a.activity)}\u0000${nameKey(d.driver)}`);
  }
  if (zero.size === 0) return [];
  const issues: Issue[] = [];
  for (const term of model.activities) {
    if (term.kind === 'share' || term.driver === null) continue;
    const key = `${nameKey(term.activity)}\u0000${nameKey(term.driver)}`;
    if (!zero.delete(key)) continue;
    issues.push(warning('ZERO_DRIVER_QUANTITY', msg('zeroDriverCharge', { driver: term.driver, activity: term.activity, method: term.kind }), term.where));
  }
  return issues;
}

/**
 * Customers with revenue but no driver quantity (they carry no cost to serve, so they look more profitable
 * than they are) and with quantities but no revenue (pure cost). Quantities cannot be negative (the contract
 * rejects them), so any non-zero quantity counts as volumes.
 */
function customerWarnings(model: ModelInput): Issue[] {
  const withVolumes = new Set<string>();
  for (const v of model.volumes) if (!v.quantity.isZero()) withVolumes.add(nameKey(v.customer));
  const revenueOnly: CustomerInput[] = [];
  const volumesOnly: CustomerInput[] = [];
  for (const c of model.customers) {
    const volumes = withVolumes.has(nameKey(c.id));
    const revenue = !c.revenue.isZero();
    if (revenue && !volumes) revenueOnly.push(c);
    else if (volumes && !revenue) volumesOnly.push(c);
  }
  return [...customerList('REVENUE_WITHOUT_VOLUMES', 'revenue', revenueOnly), ...customerList('VOLUMES_WITHOUT_REVENUE', 'volumes', volumesOnly)];
}

/** One warning per customer, or for many one warning at the first customer's row with the count and the first ids. */
function customerList(code: IssueCode, has: 'revenue' | 'volumes', customers: readonly CustomerInput[]): Issue[] {
  const first = customers[0];
  if (first === undefined) return [];
  const id = has === 'revenue' ? 'revenueWithoutVolumes' : 'volumesWithoutRevenue';
  if (customers.length <= CUSTOMERS_ONE_BY_ONE) return customers.map((c) => warning(code, msg(id, { customers: [c.id], count: 1 }), c.where));
  const listed = customers.slice(0, CUSTOMERS_ONE_BY_ONE).map((c) => c.id);
  return [warning(code, msg(id, { customers: listed, count: customers.length }), first.where)];
}
