/**
 * The exact computation: every customer's share of every activity, unused capacity and unassigned cost,
 * with no rounding at all. `round-result.ts` turns this into cents afterwards, once.
 */
import { type ActivityCells as ActivityCells, EXACT_LIMIT } from './cell-allocate';
import { type ColumnTable, type ScaledColumn, scaledColumns } from './scaled-volumes';
import { type Dec, ONE, POW10, type Scaled, ZERO, fromScaled, scaledInto, sum } from './decimal';
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
  /** Cost per customer, by position in `model.customers` (made from `cells` when first read). */
  readonly perCustomer: Dec[];
  /** The same costs as exact integer cells for the fast kernel; null on the plain path. */
  cells: ActivityCells | null;
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

/** An activity kept as integer cells; its decimal costs per customer are made only if someone reads them. */
function withCells(fields: Omit<ExactActivity, 'perCustomer' | 'cells'>, cells: ActivityCells): ExactActivity {
  let costs: Dec[] | null = null;
  return {
    ...fields,
    cells,
    get perCustomer(): Dec[] {
      costs ??= Array.from(cells.m, (m) => (m === 0 ? ZERO : cells.unit ? fromScaled(m, cells.scale) : fromScaled(m, cells.scale).times(cells.factor)));
      return costs;
    },
  };
}

/**
 * Computes a valid model (see `validateModel`) exactly. `fast`: keep customer cells as exact integers
 * (see cell-allocate.ts) where the model's figures allow; every figure stays as the plain path has it.
 */
export function computeExact(model: ModelInput, fast = false): ExactCosting {
  const volumes = tabulateVolumes(model);
  const columns = fast ? scaledColumns(volumes, model.customers.length) : null;
  const groups = groupActivities(model.activities);
  const issues: Issue[] = [];
  const customerCount = model.customers.length;
  const pools = model.pools.map((pool) => {
    const own = groups.filter((g) => g.terms[0]?.kind !== 'rate' && nameKey(g.terms[0]?.pool ?? '') === nameKey(pool.name));
    const isTime = own.length > 0 ? own[0]?.terms[0]?.kind === 'minutes' : pool.capacityMinutes !== null;
    return isTime
      ? costTimePool(pool, own, volumes, customerCount, columns, model.settings.unusedCapacity === 'assign')
      : costSharePool(pool, own, volumes, customerCount, issues, columns);
  });
  const rateActivities = groups
    .filter((g) => g.terms[0]?.kind === 'rate')
    .map((g) => costRateActivity(g, volumes, customerCount, columns));
  return { pools, rateActivities, activityOrder: groups.map((g) => g.name), issues, volumes };
}

function costTimePool(
  pool: PoolInput,
  groups: ActivityGroup[],
  volumes: VolumeTable,
  customerCount: number,
  columns: ColumnTable | null,
  assign: boolean,
): ExactPool {
  const capacity = pool.capacityMinutes ?? ZERO;
  const ratePerMinute = capacity.isZero() ? ZERO : pool.cost.dividedBy(capacity);
  const minutesPerCustomer = new Array<Dec>(customerCount).fill(ZERO);
  const activities = groups.map((group): ExactActivity => {
    const cells = columns === null ? null : termCells(group, columns, customerCount);
    if (cells !== null) {
      const minutes = fromScaled(cells.total, cells.scale);
      const drivers = group.terms.map((term) => {
        const driver = term.driver ?? '';
        return { driver, kind: term.kind, value: term.value, quantity: volumes.of(driver).total, costPerUnit: term.value.times(ratePerMinute) };
      });
      if (assign) cells.m.forEach((m, i) => (minutesPerCustomer[i] = m === 0 ? (minutesPerCustomer[i] as Dec) : (minutesPerCustomer[i] as Dec).plus(fromScaled(m, cells.scale))));
      return withCells(
        { name: group.name, pool: pool.name, method: 'time', cost: minutes.times(ratePerMinute), minutes, unassigned: ZERO, businessSustaining: false, drivers },
        { m: cells.m, scale: cells.scale, factor: ratePerMinute, unit: false, unassigned: ZERO },
      );
    }
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
      cells: null,
      drivers,
    };
  });
  const usedMinutes = sum(activities.map((a) => a.minutes ?? ZERO));
  const unusedMinutes = capacity.minus(usedMinutes);
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
  columns: ColumnTable | null,
): ExactPool {
  const activities = groups.map((group): ExactActivity => {
    const term = group.terms[0];
    const share = term?.value ?? ZERO;
    const cost = pool.cost.times(share);
    const zeros = new Array<Dec>(customerCount).fill(ZERO);
    const none = columns === null ? null : zeroCells(customerCount, cost);
    if (term === undefined || term.driver === null) {
      const fields = { name: group.name, pool: pool.name, method: 'share' as const, cost, minutes: null, unassigned: cost, businessSustaining: true, drivers: [] };
      return none === null ? { ...fields, perCustomer: zeros, cells: null } : withCells(fields, none);
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
      const fields = { name: group.name, pool: pool.name, method: 'share' as const, cost, minutes: null, unassigned: cost, businessSustaining: false, drivers: [{ ...base, costPerUnit: null }] };
      return none === null ? { ...fields, perCustomer: zeros, cells: null } : withCells(fields, none);
    }
    const costPerUnit = cost.dividedBy(v.total);
    const column = columns?.of(term.driver) ?? null;
    const fields = { name: group.name, pool: pool.name, method: 'share' as const, cost, minutes: null, unassigned: ZERO, businessSustaining: false, drivers: [{ ...base, costPerUnit }] };
    return column === null
      ? { ...fields, perCustomer: v.perCustomer.map((q) => q.times(costPerUnit)), cells: null }
      : withCells(fields, { m: column.ints, scale: column.scale, factor: costPerUnit, unit: false, unassigned: ZERO });
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

function costRateActivity(group: ActivityGroup, volumes: VolumeTable, customerCount: number, columns: ColumnTable | null): ExactActivity {
  const cells = columns === null ? null : termCells(group, columns, customerCount);
  if (cells !== null) {
    const drivers = group.terms.map((term) => {
      const driver = term.driver ?? '';
      return { driver, kind: term.kind, value: term.value, quantity: volumes.of(driver).total, costPerUnit: term.value };
    });
    return withCells(
      { name: group.name, pool: null, method: 'rate', cost: fromScaled(cells.total, cells.scale), minutes: null, unassigned: ZERO, businessSustaining: false, drivers },
      { m: cells.m, scale: cells.scale, factor: ONE, unit: true, unassigned: ZERO },
    );
  }
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
    cells: null,
    drivers,
  };
}

/** All-zero cells with the whole cost unassigned (business-sustaining, or a driver nobody has). */
function zeroCells(customerCount: number, unassigned: Dec): ActivityCells {
  return { m: new Float64Array(customerCount), scale: 0, factor: ONE, unit: true, unassigned };
}

/**
 * Σ over an activity's terms of quantity × term value per customer, as exact integers at one scale,
 * or null when a term's value or quantities do not fit (the activity is then costed with decimals).
 * The bound is checked before adding, so every product and sum is an exact integer in a double.
 */
function termCells(group: ActivityGroup, columns: ColumnTable, customerCount: number): { m: Float64Array; scale: number; total: number } | null {
  const terms: Array<{ column: ScaledColumn; value: number; scale: number }> = [];
  let scale = 0;
  const scaled: Scaled = { int: 0, scale: 0 };
  for (const term of group.terms) {
    const column = term.driver === null ? null : columns.of(term.driver);
    if (column === null || !scaledInto(term.value, scaled) || scaled.int < 0) return null;
    terms.push({ column, value: scaled.int, scale: column.scale + scaled.scale });
    if (column.scale + scaled.scale > scale) scale = column.scale + scaled.scale;
  }
  if (scale > 22) return null;
  let bound = 0;
  const factors = terms.map((t) => t.value * (POW10[scale - t.scale] as number));
  // Every cell and the activity's total are at most Σ column total × factor.
  terms.forEach((t, k) => (bound += t.column.total * (factors[k] as number)));
  if (!(bound < EXACT_LIMIT)) return null;
  const m = new Float64Array(customerCount);
  let total = 0;
  terms.forEach((t, k) => {
    const f = factors[k] as number;
    const ints = t.column.ints;
    for (let c = 0; c < customerCount; c++) {
      const q = ints[c] as number;
      if (q !== 0) m[c] = (m[c] as number) + q * f;
    }
  });
  for (let c = 0; c < customerCount; c++) total += m[c] as number;
  return { m, scale, total };
}
