/**
 * The exact computation: every customer's share of every activity, unused capacity and unassigned cost,
 * with no rounding at all. `round-result.ts` turns this into cents afterwards, once.
 */
import { type Dec, ONE, ZERO, sum } from './decimal';
import { type ActivityGroup, groupActivities } from './group-activities';
import { type Issue, warning } from './issues';
import { msg } from './messages';
import { type ModelInput, type PoolInput, type TermKind, nameKey } from './model';
import type { ActivityMethod, PoolMethod } from './result';
import { type VolumeTable, tabulateVolumes } from './volumes';

/** One term of an activity with the exact figures behind it. */
export interface ExactDriver {
  driver: string;
  kind: TermKind;
  value: Dec;
  quantity: Dec;
  costPerUnit: Dec | null;
}

export interface ExactActivity {
  name: string;
  pool: string | null;
  method: ActivityMethod;
  cost: Dec;
  minutes: Dec | null;
  unassigned: Dec;
  businessSustaining: boolean;
  /** Cost per customer, by position in `model.customers`. */
  perCustomer: Dec[];
  drivers: ExactDriver[];
}

export interface ExactPool {
  input: PoolInput;
  method: PoolMethod;
  ratePerMinute: Dec | null;
  usedMinutes: Dec | null;
  unusedMinutes: Dec | null;
  unusedCost: Dec | null;
  /** Cost no share covers (conventional), or a pool no activity uses. */
  unassigned: Dec;
  activities: ExactActivity[];
  /** Minutes each customer used of the pool (time-driven), by customer position. */
  minutesPerCustomer: Dec[] | null;
}

export interface ExactCosting {
  pools: ExactPool[];
  /** Rate activities, which belong to no pool. */
  rateActivities: ExactActivity[];
  /** All activities in the order they first appear in `ABC_Activities`. */
  activityOrder: string[];
  issues: Issue[];
  /** The driver quantities per customer the costing used (the statement's trail shows them). */
  volumes: VolumeTable;
}

/** Computes a valid model (see `validateModel`) exactly. */
export function computeExact(model: ModelInput): ExactCosting {
  const volumes = tabulateVolumes(model);
  const groups = groupActivities(model.activities);
  const issues: Issue[] = [];
  const customerCount = model.customers.length;
  const pools = model.pools.map((pool) => {
    const own = groups.filter((g) => g.terms[0]?.kind !== 'rate' && nameKey(g.terms[0]?.pool ?? '') === nameKey(pool.name));
    const isTime = own.length > 0 ? own[0]?.terms[0]?.kind === 'minutes' : pool.capacityMinutes !== null;
    return isTime
      ? costTimePool(pool, own, volumes, customerCount, issues)
      : costSharePool(pool, own, volumes, customerCount, issues);
  });
  const rateActivities = groups
    .filter((g) => g.terms[0]?.kind === 'rate')
    .map((g) => costRateActivity(g, volumes, customerCount));
  return { pools, rateActivities, activityOrder: groups.map((g) => g.name), issues, volumes };
}

function costTimePool(
  pool: PoolInput,
  groups: ActivityGroup[],
  volumes: VolumeTable,
  customerCount: number,
  issues: Issue[],
): ExactPool {
  const capacity = pool.capacityMinutes ?? ZERO;
  const ratePerMinute = capacity.isZero() ? ZERO : pool.cost.dividedBy(capacity);
  const minutesPerCustomer = new Array<Dec>(customerCount).fill(ZERO);
  const activities = groups.map((group) => {
    const activityMinutes = new Array<Dec>(customerCount).fill(ZERO);
    const drivers = group.terms.map((term) => {
      const driver = term.driver ?? '';
      const v = volumes.of(driver);
      v.perCustomer.forEach((q, i) => {
        if (!q.isZero()) activityMinutes[i] = (activityMinutes[i] as Dec).plus(q.times(term.value));
      });
      return { driver, kind: term.kind, value: term.value, quantity: v.total, costPerUnit: term.value.times(ratePerMinute) };
    });
    activityMinutes.forEach((m, i) => (minutesPerCustomer[i] = (minutesPerCustomer[i] as Dec).plus(m)));
    const minutes = sum(activityMinutes);
    return {
      name: group.name,
      pool: pool.name,
      method: 'time' as const,
      cost: minutes.times(ratePerMinute),
      minutes,
      unassigned: ZERO,
      businessSustaining: false,
      perCustomer: activityMinutes.map((m) => m.times(ratePerMinute)),
      drivers,
    };
  });
  const usedMinutes = sum(activities.map((a) => a.minutes));
  const unusedMinutes = capacity.minus(usedMinutes);
  if (unusedMinutes.isNegative()) {
    issues.push(
      warning(
        'OVER_CAPACITY',
        msg('overCapacity', {
          pool: pool.name,
          used: usedMinutes.toString(),
          over: unusedMinutes.negated().toString(),
          capacity: capacity.toString(),
        }),
        pool.where,
      ),
    );
  }
  return {
    input: pool,
    method: 'time',
    ratePerMinute,
    usedMinutes,
    unusedMinutes,
    unusedCost: unusedMinutes.times(ratePerMinute),
    unassigned: ZERO,
    activities,
    minutesPerCustomer,
  };
}

function costSharePool(
  pool: PoolInput,
  groups: ActivityGroup[],
  volumes: VolumeTable,
  customerCount: number,
  issues: Issue[],
): ExactPool {
  const activities = groups.map((group) => {
    const term = group.terms[0];
    const share = term?.value ?? ZERO;
    const cost = pool.cost.times(share);
    const zeros = new Array<Dec>(customerCount).fill(ZERO);
    if (term === undefined || term.driver === null) {
      return { name: group.name, pool: pool.name, method: 'share' as const, cost, minutes: null, unassigned: cost, businessSustaining: true, perCustomer: zeros, drivers: [] };
    }
    const v = volumes.of(term.driver);
    const base = { driver: term.driver, kind: term.kind, value: share, quantity: v.total };
    if (v.total.isZero()) {
      if (!cost.isZero())
        issues.push(
          warning(
            'ZERO_DRIVER_QUANTITY',
            msg('zeroDriverQuantity', { driver: term.driver, activity: group.name }),
            term.where,
          ),
        );
      return { name: group.name, pool: pool.name, method: 'share' as const, cost, minutes: null, unassigned: cost, businessSustaining: false, perCustomer: zeros, drivers: [{ ...base, costPerUnit: null }] };
    }
    const costPerUnit = cost.dividedBy(v.total);
    return {
      name: group.name,
      pool: pool.name,
      method: 'share' as const,
      cost,
      minutes: null,
      unassigned: ZERO,
      businessSustaining: false,
      perCustomer: v.perCustomer.map((q) => q.times(costPerUnit)),
      drivers: [{ ...base, costPerUnit }],
    };
  });
  const shares = sum(groups.map((g) => g.terms[0]?.value ?? ZERO));
  return {
    input: pool,
    method: 'share',
    ratePerMinute: null,
    usedMinutes: null,
    unusedMinutes: null,
    unusedCost: null,
    unassigned: pool.cost.times(ONE.minus(shares)),
    activities,
    minutesPerCustomer: null,
  };
}

function costRateActivity(group: ActivityGroup, volumes: VolumeTable, customerCount: number): ExactActivity {
  const perCustomer = new Array<Dec>(customerCount).fill(ZERO);
  const drivers = group.terms.map((term) => {
    const driver = term.driver ?? '';
    const v = volumes.of(driver);
    v.perCustomer.forEach((q, i) => {
      if (!q.isZero()) perCustomer[i] = (perCustomer[i] as Dec).plus(q.times(term.value));
    });
    return { driver, kind: term.kind, value: term.value, quantity: v.total, costPerUnit: term.value };
  });
  return {
    name: group.name,
    pool: null,
    method: 'rate',
    cost: sum(perCustomer),
    minutes: null,
    unassigned: ZERO,
    businessSustaining: false,
    perCustomer,
    drivers,
  };
}
