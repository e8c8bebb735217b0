/**
 * One scenario as a changed copy of the model: the rows of a scenario are applied to copies of the pools,
 * activities, customers and volumes (the input model is never changed), and the fees it charges are
 * returned per customer. The costing then runs on the copy exactly as on the model itself.
 *
 * The changes apply in a fixed order, whatever the order of the rows: quantities, then minimum orders
 * (on the changed quantities), then fees (charged on the quantities after both), then minutes, prices and
 * capacities. Rows of one kind on the same thing compound in row order (−10% twice is −19%).
 */
import { type Dec, ONE, ZERO } from '../decimal';
import { type ActivityTermInput, type ModelInput, type VolumeInput, nameKey } from '../model';
import { followingQuantity, orderFollowingKeys } from '../minimum-order';
import { type ScenarioContext, scenarioContext } from './scenario-context';
import { isTermProblem, resolveDriver, resolvePool, resolveTerm } from './targets';
import type { ScenarioChangeInput } from './types';

/** A scenario applied: the changed model and the fee each customer is charged, by position, unrounded. */
export interface AppliedScenario {
  model: ModelInput;
  fees: Dec[];
}

/** Applies the rows of one scenario (already validated) to a copy of the model. */
export function applyScenario(model: ModelInput, rows: readonly ScenarioChangeInput[]): AppliedScenario {
  const context = scenarioContext(model, rows);
  let volumes = scaleQuantities(context, volumesCopy(model.volumes));
  volumes = applyMinimumOrders(context, volumes);
  const fees = chargeFees(context, volumes);
  const minutes = applyMinutes(context, volumes);
  const customers = changePrices(context);
  const pools = changeCapacities(context);
  return {
    model: {
      ...model,
      pools,
      customers,
      activities: minutes.activities,
      volumes: minutes.volumes,
      volumeDrivers: minutes.volumeDrivers,
      scenarios: [],
    },
    fees,
  };
}

/** Price rows: each scoped customer's revenue × (1 + p), compounding in row order. */
function changePrices({ model, rowsOf, scoped }: ScenarioContext): ModelInput['customers'] {
  const customers = model.customers.map((c) => ({ ...c }));
  for (const row of rowsOf('price')) {
    if (row.value.kind !== 'percent') continue;
    const factor = ONE.plus(row.value.fraction);
    for (const i of scoped(row)) {
      const c = customers[i];
      if (c !== undefined) c.revenue = c.revenue.times(factor);
    }
  }
  return customers;
}

/** Capacity rows: a pool's capacity by a percentage or to a number of minutes, its cost (and FTE) in step. */
function changeCapacities({ model, rowsOf }: ScenarioContext): ModelInput['pools'] {
  const pools = model.pools.map((p) => ({ ...p }));
  for (const row of rowsOf('capacity')) {
    const target = resolvePool(model, row.target ?? '');
    const pool = target === null ? undefined : pools[target.index];
    if (pool === undefined) continue;
    if (row.value.kind === 'percent') {
      const factor = ONE.plus(row.value.fraction);
      pool.cost = pool.cost.times(factor);
      if (pool.capacityMinutes !== null) pool.capacityMinutes = pool.capacityMinutes.times(factor);
      if (pool.fte !== undefined && pool.fte !== null) pool.fte = pool.fte.times(factor);
    } else if (pool.capacityMinutes !== null && !pool.capacityMinutes.isZero()) {
      // Staff hired or released at today's cost per minute: the cost follows the capacity.
      const factor = row.value.value.dividedBy(pool.capacityMinutes);
      pool.cost = pool.cost.times(factor);
      pool.capacityMinutes = row.value.value;
      if (pool.fte !== undefined && pool.fte !== null) pool.fte = pool.fte.times(factor);
    }
  }
  return pools;
}

function volumesCopy(volumes: readonly VolumeInput[]): VolumeInput[] {
  return volumes.slice();
}

/** Quantity rows: each scoped customer's quantity of the driver × (1 + p), compounding in row order. */
function scaleQuantities({ model, rowsOf, scoped, indexOf }: ScenarioContext, volumes: VolumeInput[]): VolumeInput[] {
  const rows = rowsOf('quantity');
  if (rows.length === 0) return volumes;
  const factors = new Map<string, Dec[]>();
  for (const row of rows) {
    const driver = resolveDriver(model, row.target ?? '');
    if (driver === null || row.value.kind !== 'percent') continue;
    const key = nameKey(driver);
    const perCustomer = factors.get(key) ?? model.customers.map(() => ONE);
    const factor = ONE.plus(row.value.fraction);
    for (const i of scoped(row)) perCustomer[i] = (perCustomer[i] ?? ONE).times(factor);
    factors.set(key, perCustomer);
  }
  return volumes.map((v) => {
    const factor = factors.get(nameKey(v.driver))?.[indexOf(v)];
    return factor === undefined || factor.equals(ONE) ? v : { ...v, quantity: v.quantity.times(factor) };
  });
}

/** Each customer's total quantity of a driver, by position. */
function totalsOf({ model, indexOf }: ScenarioContext, volumes: readonly VolumeInput[], driver: string): Dec[] {
  const key = nameKey(driver);
  const totals = model.customers.map(() => ZERO);
  for (const v of volumes) {
    const i = indexOf(v);
    if (i >= 0 && nameKey(v.driver) === key) totals[i] = (totals[i] as Dec).plus(v.quantity);
  }
  return totals;
}

/**
 * Minimum order rows: a scoped customer whose lines per order are below the minimum orders
 * ceil(lines ÷ minimum) times instead: the same lines in fewer, larger orders. Its order rows are replaced
 * by one row of the new count, and the rows of each driver that follows orders (`OrderFollowingDrivers`)
 * by one row of its total × new orders ÷ old orders, unrounded, as the actions' minimum order assumes.
 * Customers without lines keep their orders (there is nothing to combine).
 */
function applyMinimumOrders(context: ScenarioContext, volumes: VolumeInput[]): VolumeInput[] {
  const { rowsOf, scoped, indexOf } = context;
  const rows = rowsOf('minimumOrder');
  const { orderDriver, orderLineDriver } = context.model.settings;
  if (rows.length === 0 || orderDriver === undefined || orderLineDriver === undefined) return volumes;
  const followingKeys = orderFollowingKeys(context.model.settings);
  let current = volumes;
  for (const row of rows) {
    if (row.value.kind !== 'number') continue;
    const minimum = row.value.value;
    const orders = totalsOf(context, current, orderDriver.name);
    const lines = totalsOf(context, current, orderLineDriver.name);
    const changed = new Map<number, { before: Dec; after: Dec }>();
    for (const i of scoped(row)) {
      const o = orders[i] as Dec;
      const l = lines[i] as Dec;
      if (o.isZero() || l.isZero() || !l.dividedBy(o).lessThan(minimum)) continue;
      changed.set(i, { before: o, after: l.dividedBy(minimum).ceil() });
    }
    if (changed.size === 0) continue;
    const newTotals = new Map<string, (i: number) => Dec | undefined>([[nameKey(orderDriver.name), (i) => changed.get(i)?.after]]);
    for (const key of followingKeys) {
      const totals = totalsOf(context, current, key);
      newTotals.set(key, (i) => {
        const c = changed.get(i);
        return c === undefined ? undefined : followingQuantity(totals[i] as Dec, c.before, c.after);
      });
    }
    const kept: VolumeInput[] = [];
    const written = new Set<string>();
    for (const v of current) {
      const i = indexOf(v);
      const key = nameKey(v.driver);
      const total = newTotals.get(key)?.(i);
      if (total === undefined) {
        kept.push(v);
      } else if (!written.has(`${i}\u0000${key}`)) {
        written.add(`${i}\u0000${key}`);
        kept.push({ ...v, quantity: total });
      }
    }
    current = kept;
  }
  return current;
}

/** Fee rows: value × the customer's quantity of the driver, for each scoped customer. */
function chargeFees(context: ScenarioContext, volumes: readonly VolumeInput[]): Dec[] {
  const { model, rowsOf, scoped } = context;
  const fees = model.customers.map(() => ZERO);
  for (const row of rowsOf('fee')) {
    const driver = resolveDriver(model, row.target ?? '');
    if (driver === null || row.value.kind !== 'number') continue;
    const quantities = totalsOf(context, volumes, driver);
    for (const i of scoped(row)) fees[i] = (fees[i] as Dec).plus(row.value.value.times(quantities[i] as Dec));
  }
  return fees;
}

/**
 * Minutes rows: new minutes per unit of a time term for the scoped customers. The costing has one value
 * per term, so a term whose customers end up with different minutes is split: one term per distinct value,
 * each on a private driver holding a copy of its customers' quantities. The pool's cost per minute stays.
 */
function applyMinutes(
  { model, rowsOf, scoped, indexOf }: ScenarioContext,
  volumes: VolumeInput[],
): Pick<ModelInput, 'activities' | 'volumes' | 'volumeDrivers'> {
  const rows = rowsOf('minutes');
  const unchanged = { activities: model.activities, volumes, volumeDrivers: model.volumeDrivers };
  if (rows.length === 0) return unchanged;
  const overrides = new Map<string, { activity: string; driver: string; minutes: Dec[] }>();
  for (const row of rows) {
    const term = resolveTerm(model, row.target ?? '');
    if (isTermProblem(term)) continue;
    const key = `${nameKey(term.activity)}\u0000${nameKey(term.driver)}`;
    const entry = overrides.get(key) ?? { activity: term.activity, driver: term.driver, minutes: model.customers.map(() => term.minutes) };
    for (const i of scoped(row)) {
      const before = entry.minutes[i] as Dec;
      entry.minutes[i] = row.value.kind === 'number' ? row.value.value : before.times(ONE.plus(row.value.fraction));
    }
    overrides.set(key, entry);
  }

  const activities: ActivityTermInput[] = [];
  const extraVolumes: VolumeInput[] = [];
  const volumeDrivers = [...model.volumeDrivers];
  let serial = 0;
  for (const term of model.activities) {
    const entry = term.kind === 'minutes' && term.driver !== null ? overrides.get(`${nameKey(term.activity)}\u0000${nameKey(term.driver)}`) : undefined;
    if (entry === undefined || term.driver === null) {
      activities.push(term);
      continue;
    }
    const groups = new Map<string, { minutes: Dec; customers: Set<number> }>();
    entry.minutes.forEach((m, i) => {
      const group = groups.get(m.toString()) ?? { minutes: m, customers: new Set<number>() };
      group.customers.add(i);
      groups.set(m.toString(), group);
    });
    if (groups.size === 1) {
      activities.push({ ...term, value: entry.minutes[0] ?? term.value });
      continue;
    }
    const driverKey = nameKey(term.driver);
    for (const group of groups.values()) {
      // A driver name no cell can hold (XML forbids U+0000), so it never meets a real driver.
      const driver = `${term.driver}\u0000${serial++}`;
      activities.push({ ...term, driver, value: group.minutes });
      volumeDrivers.push({ driver, where: term.where });
      for (const v of volumes) if (nameKey(v.driver) === driverKey && group.customers.has(indexOf(v))) extraVolumes.push({ ...v, driver });
    }
  }
  return { activities, volumes: extraVolumes.length === 0 ? volumes : [...volumes, ...extraVolumes], volumeDrivers };
}
