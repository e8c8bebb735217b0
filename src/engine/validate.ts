/**
 * Consistency checks across rows and ranges, run before anything is computed. Each check reports every
 * offending row, so a controller fixes the workbook in one pass rather than one error per run.
 */
import { ONE, sum } from './decimal';
import { groupActivities } from './group-activities';
import { type Issue, type Where, error, formatWhere, warning } from './issues';
import { type ModelInput, nameKey } from './model';

/** Checks a model's cross-references and structure; returns errors (which stop a run) and warnings. */
export function validateModel(model: ModelInput): Issue[] {
  return [
    ...checkDuplicates(model),
    ...checkActivityRows(model),
    ...checkActivityGroups(model),
    ...checkPools(model),
    ...checkCustomerReferences(model),
    ...checkVolumeDrivers(model),
  ];
}

function checkDuplicates(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  const pools = new Map<string, Where>();
  for (const pool of model.pools) {
    const first = pools.get(nameKey(pool.name));
    if (first === undefined) pools.set(nameKey(pool.name), pool.where);
    else issues.push(error('DUPLICATE_POOL', `Pool "${pool.name}" is listed twice (first at ${cellOf(first)}).`, pool.where));
  }
  const customers = new Map<string, Where>();
  for (const customer of model.customers) {
    const first = customers.get(nameKey(customer.id));
    if (first === undefined) customers.set(nameKey(customer.id), customer.where);
    else
      issues.push(
        error('DUPLICATE_CUSTOMER', `Customer "${customer.id}" is listed twice (first at ${cellOf(first)}).`, customer.where),
      );
  }
  return issues;
}

function checkActivityRows(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  const poolKeys = new Set(model.pools.map((p) => nameKey(p.name)));
  for (const row of model.activities) {
    if (row.kind === 'rate') {
      if (row.pool !== null)
        issues.push(
          error(
            'POOL_ON_RATE_ROW',
            `Activity "${row.activity}" has a Rate and also names pool "${row.pool}": a Rate row is costed at its rate, so leave Pool blank (or give Minutes or a Share instead of a Rate).`,
            row.poolWhere ?? row.where,
          ),
        );
    } else if (row.pool === null) {
      const column = row.kind === 'minutes' ? 'Minutes' : 'Share';
      issues.push(error('MISSING_POOL', `Activity "${row.activity}" has ${column} but no Pool.`, row.poolWhere ?? row.where));
    } else if (!poolKeys.has(nameKey(row.pool))) {
      issues.push(
        error('UNKNOWN_POOL', `Activity "${row.activity}" names pool "${row.pool}", which is not in ABC_Pools.`, row.poolWhere ?? row.where),
      );
    }
    if (row.driver === null && row.kind !== 'share') {
      issues.push(
        error(
          'MISSING_DRIVER',
          `Activity "${row.activity}" has ${row.kind === 'minutes' ? 'Minutes' : 'a Rate'} but no Driver: say what is counted (orders, order lines …).`,
          row.driverWhere ?? row.where,
        ),
      );
    }
  }
  return issues;
}

function checkActivityGroups(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  const poolKeys = new Set(model.pools.map((p) => nameKey(p.name)));
  // A misspelt pool is reported as UNKNOWN_POOL; saying the activity also spans two pools would be noise.
  const knownPool = (pool: string | null): pool is string => pool !== null && poolKeys.has(nameKey(pool));
  for (const group of groupActivities(model.activities)) {
    const first = group.terms[0];
    if (first === undefined) continue;
    for (const term of group.terms.slice(1)) {
      if (term.kind !== first.kind) {
        issues.push(
          error(
            'MIXED_METHODS_IN_ACTIVITY',
            `Activity "${group.name}" mixes ${first.kind} (at ${cellOf(first.where)}) and ${term.kind} rows; an activity is costed one way.`,
            term.where,
          ),
        );
      } else if (knownPool(term.pool) && knownPool(first.pool) && nameKey(term.pool) !== nameKey(first.pool)) {
        issues.push(
          error(
            'ACTIVITY_IN_SEVERAL_POOLS',
            `Activity "${group.name}" draws on pool "${first.pool}" (at ${cellOf(first.where)}) and on "${term.pool}"; split it into one activity per pool.`,
            term.where,
          ),
        );
      } else if (term.kind === 'share') {
        issues.push(
          error(
            'SEVERAL_SHARES_FOR_ACTIVITY',
            `Activity "${group.name}" has more than one Share row (first at ${cellOf(first.where)}); give it one share and one driver.`,
            term.where,
          ),
        );
      }
    }
  }
  return issues;
}

function checkPools(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  for (const pool of model.pools) {
    const key = nameKey(pool.name);
    const terms = model.activities.filter((t) => t.pool !== null && t.kind !== 'rate' && nameKey(t.pool) === key);
    const minutes = terms.filter((t) => t.kind === 'minutes');
    const shares = terms.filter((t) => t.kind === 'share');
    if (terms.length === 0) {
      issues.push(
        warning(
          'UNUSED_POOL',
          `No activity uses pool "${pool.name}": its cost is reported as ${pool.capacityMinutes === null ? 'unassigned' : 'unused capacity'} and reaches no customer.`,
          pool.where,
        ),
      );
      continue;
    }
    if (minutes.length > 0 && shares.length > 0) {
      const firstShare = shares[0];
      issues.push(
        error(
          'MIXED_METHODS_IN_POOL',
          `Pool "${pool.name}" has both Minutes rows and Share rows (e.g. ${cellOf(minutes[0]?.where)} and ${cellOf(firstShare?.where)}); a pool is either time-driven or split by shares.`,
          pool.where,
        ),
      );
      continue;
    }
    if (minutes.length > 0 && pool.capacityMinutes === null) {
      issues.push(
        error(
          'MISSING_CAPACITY',
          `Pool "${pool.name}" is time-driven (activities give Minutes) but has no Capacity: enter its practical capacity for the period.`,
          pool.where,
        ),
      );
    }
    if (shares.length > 0) {
      const total = sum(shares.map((s) => s.value));
      if (total.greaterThan(ONE)) {
        issues.push(
          error(
            'SHARES_OVER_ONE',
            `The shares of pool "${pool.name}" add up to ${total.times(100).toString()}%, more than 100%.`,
            pool.where,
          ),
        );
      }
      if (pool.capacityMinutes !== null) {
        issues.push(
          warning(
            'CAPACITY_IGNORED',
            `Pool "${pool.name}" is split by shares, so its Capacity is not used.`,
            pool.where,
          ),
        );
      }
    }
  }
  return issues;
}

function checkCustomerReferences(model: ModelInput): Issue[] {
  const known = new Set(model.customers.map((c) => nameKey(c.id)));
  const unknown = new Map<string, { customer: string; where: Where; rows: number; range: string }>();
  const note = (customer: string, where: Where): void => {
    const key = `${where.range ?? ''}\u0000${nameKey(customer)}`;
    const seen = unknown.get(key);
    if (seen !== undefined) seen.rows += 1;
    else unknown.set(key, { customer, where, rows: 1, range: where.range ?? 'the model' });
  };
  for (const v of model.volumes) if (!known.has(nameKey(v.customer))) note(v.customer, v.where);
  for (const c of model.customerCosts) if (!known.has(nameKey(c.customer))) note(c.customer, c.where);
  return [...unknown.values()].map((u) =>
    error(
      'UNKNOWN_CUSTOMER',
      `Customer "${u.customer}" in ${u.range} is not in ABC_Customers${u.rows > 1 ? ` (${u.rows} rows; the first is shown)` : ''}.`,
      u.where,
    ),
  );
}

function checkVolumeDrivers(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  const volumeKeys = new Set(model.volumeDrivers.map((d) => nameKey(d.driver)));
  const usedKeys = new Set<string>();
  for (const row of model.activities) {
    if (row.driver === null) continue;
    const key = nameKey(row.driver);
    if (usedKeys.has(key)) continue;
    usedKeys.add(key);
    if (!volumeKeys.has(key)) {
      issues.push(
        error(
          'DRIVER_WITHOUT_VOLUMES',
          `Driver "${row.driver}" of activity "${row.activity}" has no volumes: ABC_Volumes has no ${model.volumeDrivers.length > 0 ? 'column or rows' : 'data'} for it.`,
          row.driverWhere ?? row.where,
        ),
      );
    }
  }
  for (const d of model.volumeDrivers) {
    if (!usedKeys.has(nameKey(d.driver))) {
      issues.push(
        warning('UNUSED_VOLUME_DRIVER', `ABC_Volumes has quantities for "${d.driver}", but no activity uses that driver.`, d.where),
      );
    }
  }
  return issues;
}

function cellOf(where: Where | undefined): string {
  return (where && formatWhere({ sheet: where.sheet, cell: where.cell, range: where.sheet ? undefined : where.range })) ?? 'an earlier row';
}
