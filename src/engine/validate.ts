/**
 * Consistency checks across rows and ranges, run before anything is computed. Each check reports every
 * offending row, so a controller fixes the workbook in one pass rather than one error per run.
 */
import { type Dec, ONE, ZERO, isDerivedInRange, shortDecimalText, sum } from './decimal';
import { groupActivities } from './group-activities';
import { type Issue, type Where, error, formatWhere, warning } from './issues';
import { msg } from './messages';
import { type ModelInput, nameKey } from './model';
import { validateScenarios } from './scenarios/validate-scenarios';

/** Checks a model's cross-references and structure; returns errors (which stop a run) and warnings. */
export function validateModel(model: ModelInput): Issue[] {
  return [
    ...checkDuplicates(model),
    ...checkActivityRows(model),
    ...checkActivityGroups(model),
    ...checkPools(model),
    ...checkCustomerReferences(model),
    ...checkVolumeDrivers(model),
    ...checkStatementSettings(model),
    ...checkDerivedFigures(model),
    ...validateScenarios(model),
  ];
}

function checkDuplicates(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  const pools = new Map<string, Where>();
  for (const pool of model.pools) {
    const first = pools.get(nameKey(pool.name));
    if (first === undefined) pools.set(nameKey(pool.name), pool.where);
    else issues.push(error('DUPLICATE_POOL', msg('duplicatePool', { pool: pool.name, first: cellOf(first) }), pool.where));
  }
  const customers = new Map<string, Where>();
  for (const customer of model.customers) {
    const first = customers.get(nameKey(customer.id));
    if (first === undefined) customers.set(nameKey(customer.id), customer.where);
    else
      issues.push(
        error('DUPLICATE_CUSTOMER', msg('duplicateCustomer', { customer: customer.id, first: cellOf(first) }), customer.where),
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
            msg('poolOnRateRow', { activity: row.activity, pool: row.pool }),
            row.poolWhere ?? row.where,
          ),
        );
    } else if (row.pool === null) {
      issues.push(error('MISSING_POOL', msg('missingPool', { activity: row.activity, method: row.kind }), row.poolWhere ?? row.where));
    } else if (!poolKeys.has(nameKey(row.pool))) {
      issues.push(
        error('UNKNOWN_POOL', msg('unknownPool', { activity: row.activity, pool: row.pool }), row.poolWhere ?? row.where),
      );
    }
    if (row.driver === null && row.kind !== 'share') {
      issues.push(
        error(
          'MISSING_DRIVER',
          msg('missingDriver', { activity: row.activity, method: row.kind }),
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
            msg('mixedMethodsInActivity', { activity: group.name, firstMethod: first.kind, first: cellOf(first.where), method: term.kind }),
            term.where,
          ),
        );
      } else if (knownPool(term.pool) && knownPool(first.pool) && nameKey(term.pool) !== nameKey(first.pool)) {
        issues.push(
          error(
            'ACTIVITY_IN_SEVERAL_POOLS',
            msg('activityInSeveralPools', { activity: group.name, firstPool: first.pool, first: cellOf(first.where), pool: term.pool }),
            term.where,
          ),
        );
      } else if (term.kind === 'share') {
        issues.push(
          error(
            'SEVERAL_SHARES_FOR_ACTIVITY',
            msg('severalSharesForActivity', { activity: group.name, first: cellOf(first.where) }),
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
          msg('unusedPool', { pool: pool.name, reportedAs: pool.capacityMinutes === null ? 'unassigned' : 'unusedCapacity' }),
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
          msg('mixedMethodsInPool', { pool: pool.name, minutesAt: cellOf(minutes[0]?.where), shareAt: cellOf(firstShare?.where) }),
          pool.where,
        ),
      );
      continue;
    }
    if (minutes.length > 0 && pool.capacityMinutes === null) {
      issues.push(
        error(
          'MISSING_CAPACITY',
          msg('missingCapacity', { pool: pool.name }),
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
            msg('sharesOverOne', { pool: pool.name, percent: total.times(100).toString() }),
            pool.where,
          ),
        );
      }
      if (pool.capacityMinutes !== null) {
        issues.push(
          warning(
            'CAPACITY_IGNORED',
            msg('capacityIgnored', { pool: pool.name }),
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
  const unknown = new Map<string, { customer: string; where: Where; rows: number; range: string | null }>();
  const note = (customer: string, where: Where): void => {
    const key = `${where.range ?? ''}\u0000${nameKey(customer)}`;
    const seen = unknown.get(key);
    if (seen !== undefined) seen.rows += 1;
    else unknown.set(key, { customer, where, rows: 1, range: where.range ?? null });
  };
  const keyOf = memoKey();
  for (const v of model.volumes) if (!known.has(keyOf(v.customer))) note(v.customer, v.where);
  for (const c of model.customerCosts) if (!known.has(nameKey(c.customer))) note(c.customer, c.where);
  return [...unknown.values()].map((u) =>
    error(
      'UNKNOWN_CUSTOMER',
      msg('unknownCustomer', { customer: u.customer, range: u.range, rows: u.rows }),
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
          msg('driverWithoutVolumes', { driver: row.driver, activity: row.activity, anyVolumes: model.volumeDrivers.length > 0 }),
          row.driverWhere ?? row.where,
        ),
      );
    }
  }
  for (const d of model.volumeDrivers) {
    if (!usedKeys.has(nameKey(d.driver))) {
      issues.push(
        warning('UNUSED_VOLUME_DRIVER', msg('unusedVolumeDriver', { driver: d.driver }), d.where),
      );
    }
  }
  return issues;
}

/**
 * OrderDriver and OrderLineDriver must be drivers of ABC_Volumes and StatementSegment a dimension column of ABC_Customers:
 * a name that matches nothing would leave the statements' per-order column or segment average silently
 * empty.
 */
function checkStatementSettings(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  const { orderDriver, orderLineDriver, statementSegment } = model.settings;
  const drivers = model.volumeDrivers.map((d) => d.driver).join(', ');
  const isVolumeDriver = (name: string): boolean => model.volumeDrivers.some((d) => nameKey(d.driver) === nameKey(name));
  if (orderDriver !== undefined && !isVolumeDriver(orderDriver.name)) {
    issues.push(error('INVALID_SETTING', msg('unknownOrderDriver', { driver: orderDriver.name, drivers }), orderDriver.where));
  }
  if (orderLineDriver !== undefined && !isVolumeDriver(orderLineDriver.name)) {
    issues.push(error('INVALID_SETTING', msg('unknownOrderLineDriver', { driver: orderLineDriver.name, drivers }), orderLineDriver.where));
  }
  issues.push(...checkOrderFollowingDrivers(model, isVolumeDriver, drivers));
  if (statementSegment !== undefined) {
    const dimensions = [...new Set(model.customers.flatMap((c) => c.dimensions.map(([header]) => header)))];
    if (!dimensions.some((d) => nameKey(d) === nameKey(statementSegment.name))) {
      issues.push(
        error('INVALID_SETTING', msg('unknownStatementSegment', { dimension: statementSegment.name, dimensions: dimensions.join(', ') }), statementSegment.where),
      );
    }
  }
  return issues;
}

/**
 * Each driver OrderFollowingDrivers names must be a driver of ABC_Volumes (a misspelt one would leave its
 * quantity unchanged by a minimum order, silently), and not the OrderLineDriver: a minimum order keeps the
 * lines. Every problem is reported at the setting's cell.
 */
function checkOrderFollowingDrivers(model: ModelInput, isVolumeDriver: (name: string) => boolean, drivers: string): Issue[] {
  const list = model.settings.orderFollowingDrivers;
  if (list === undefined) return [];
  const lineKey = model.settings.orderLineDriver === undefined ? null : nameKey(model.settings.orderLineDriver.name);
  return list.names.flatMap((driver) => {
    if (!isVolumeDriver(driver)) return [error('INVALID_SETTING', msg('unknownOrderFollowingDriver', { driver, drivers }), list.where)];
    if (nameKey(driver) === lineKey) return [error('INVALID_SETTING', msg('orderFollowingLineDriver', { driver }), list.where)];
    return [];
  });
}

/**
 * The figures the costing derives from the cells, checked before it runs: a pool's cost per minute and
 * the cost of its minutes used and unused, an activity's cost and cost per driver unit. Every cell is
 * within its bounds already (see decimal.ts), but a capacity far too small for the minutes used, or a
 * tiny driver total, still multiplies them past what cents can be kept exact for, and rounding such
 * figures to cents could take for ever. One issue per pool or activity: its first figure out of range.
 */
function checkDerivedFigures(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  // Quantities are gathered per driver and summed once: `sum` adds small scaled integers without decimals.
  const quantities = new Map<string, Dec[]>();
  const keyOf = memoKey();
  for (const v of model.volumes) {
    const key = keyOf(v.driver);
    const list = quantities.get(key);
    if (list === undefined) quantities.set(key, [v.quantity]);
    else list.push(v.quantity);
  }
  const totals = new Map<string, Dec>();
  for (const [key, list] of quantities) totals.set(key, sum(list));
  const total = (driver: string | null): Dec => (driver === null ? ZERO : (totals.get(nameKey(driver)) ?? ZERO));
  const groups = groupActivities(model.activities);
  const reported = new Set<string>();
  const check = (kind: 'pool' | 'activity', name: string, what: 'ratePerMinute' | 'costPerUnit' | 'cost', value: Dec, where: Where): void => {
    const key = `${kind}\u0000${nameKey(name)}`;
    if (isDerivedInRange(value) || reported.has(key)) return;
    reported.add(key);
    issues.push(error('COST_OUT_OF_RANGE', msg('derivedOutOfRange', { kind, name, what, value: shortDecimalText(value) }), where));
  };

  for (const pool of model.pools) {
    check('pool', pool.name, 'cost', pool.cost, pool.where);
    const own = groups.filter((g) => g.terms[0]?.kind !== 'rate' && nameKey(g.terms[0]?.pool ?? '') === nameKey(pool.name));
    const capacity = pool.capacityMinutes;
    const isTime = own.length > 0 ? own[0]?.terms[0]?.kind === 'minutes' : capacity !== null;
    if (isTime) {
      // Without a positive capacity the pool is reported already and costed at 0 a minute.
      if (capacity === null || !capacity.isFinite() || capacity.lessThanOrEqualTo(ZERO)) continue;
      const rate = pool.cost.dividedBy(capacity);
      check('pool', pool.name, 'ratePerMinute', rate, pool.where);
      let used = ZERO;
      for (const group of own) {
        let minutes = ZERO;
        for (const term of group.terms) {
          check('activity', group.name, 'costPerUnit', term.value.times(rate), term.where);
          minutes = minutes.plus(term.value.times(total(term.driver)));
        }
        used = used.plus(minutes);
        check('activity', group.name, 'cost', minutes.times(rate), group.terms[0]?.where ?? pool.where);
      }
      check('pool', pool.name, 'cost', capacity.minus(used).times(rate), pool.where);
    } else {
      for (const group of own) {
        const term = group.terms[0];
        if (term === undefined) continue;
        const cost = pool.cost.times(term.value);
        check('activity', group.name, 'cost', cost, term.where);
        const quantity = total(term.driver);
        if (term.driver !== null && !quantity.isZero()) check('activity', group.name, 'costPerUnit', cost.dividedBy(quantity), term.where);
      }
    }
  }
  for (const group of groups) {
    if (group.terms[0]?.kind !== 'rate') continue;
    let cost = ZERO;
    for (const term of group.terms) {
      check('activity', group.name, 'costPerUnit', term.value, term.where);
      cost = cost.plus(term.value.times(total(term.driver)));
    }
    check('activity', group.name, 'cost', cost, group.terms[0]?.where ?? {});
  }
  return issues;
}

/**
 * `nameKey` remembered per text: the volume entries of a million-row range repeat a few thousand names,
 * often as the very same strings, and a look-up is cheaper than trimming and lowering each again.
 */
function memoKey(): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      keys.set(name, key);
    }
    return key;
  };
}

/** Where an earlier row is, for a message; null when unknown (each language says "an earlier row"). */
function cellOf(where: Where | undefined): string | null {
  return (where && formatWhere({ sheet: where.sheet, cell: where.cell, range: where.sheet ? undefined : where.range })) ?? null;
}
