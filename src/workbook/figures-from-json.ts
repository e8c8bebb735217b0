/**
 * An earlier period read back from the runner's `--json` document (issue 20), so this period can be compared
 * with it: the figures the bridge needs, exactly as `figuresOfResult` takes them from a costed model. The
 * file is checked to be such a document; amounts of 10^13 or more are read from their exact text.
 */
import { activityFigures, type ActivityDrivers, type CustomerFigures, type PeriodFigures } from '../engine/compare/figures';
import { type Dec, dec, sum, ZERO } from '../engine/decimal';
import { type Issue, type Where, error } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey, type TermKind } from '../engine/model';

type Json = Record<string, unknown>;

/** At most this many fields at fault are named; a file that far off is no result, and the first ones say so. */
const FIELDS_NAMED = 10;

/** Money as exact-money.ts writes it: digits, two decimals. */
const EXACT_TEXT = /^-?[0-9]{1,30}\.[0-9]{2}$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A field of a parsed document, only when it is its own: `constructor` must not reach Object.prototype. */
const own = (o: Json, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** Reads fields, noting the path of each that is missing or of the wrong kind instead of stopping at the first. */
class FieldReader {
  readonly bad: string[] = [];

  private fail<T>(path: string, fallback: T): T {
    // A top-level field's path starts with the dot of an empty parent.
    this.bad.push(path.replace(/^\./, ''));
    return fallback;
  }

  object(o: Json, key: string, path: string): Json {
    return this.objectAt(own(o, key), `${path}.${key}`);
  }

  /** An element of an array that must be an object. */
  objectAt(v: unknown, path: string): Json {
    return isObject(v) ? v : this.fail(path, {});
  }

  array(o: Json, key: string, path: string): unknown[] {
    const v = own(o, key);
    return Array.isArray(v) ? v : this.fail(`${path}.${key}`, []);
  }

  text(o: Json, key: string, path: string): string {
    const v = own(o, key);
    return typeof v === 'string' ? v : this.fail(`${path}.${key}`, '');
  }

  textOrNull(o: Json, key: string, path: string): string | null {
    const v = own(o, key);
    return v === null || typeof v === 'string' ? v : this.fail(`${path}.${key}`, null);
  }

  oneOf<T extends string>(o: Json, key: string, path: string, values: readonly T[]): T {
    const v = own(o, key);
    return values.includes(v as T) ? (v as T) : this.fail(`${path}.${key}`, values[0] as T);
  }

  number(v: unknown, path: string): Dec {
    return typeof v === 'number' && Number.isFinite(v) ? dec(v) : this.fail(path, ZERO);
  }

  numberOrNull(v: unknown, path: string): Dec | null {
    return v === null ? null : this.number(v, path);
  }

  /** Money: its exact text when the document gives one (`exact`), else the number. */
  money(v: unknown, exact: unknown, path: string): Dec {
    if (exact !== undefined) return typeof exact === 'string' && EXACT_TEXT.test(exact) ? dec(exact) : this.fail(`${path} (exact)`, ZERO);
    return this.number(v, path);
  }

  /** A map of money (activity → amount), with the exact texts of its entries. */
  moneyMap(o: Json, key: string, exact: Json, path: string): Map<string, Dec> {
    const map = this.object(o, key, path);
    const texts = own(exact, key);
    return new Map(Object.keys(map).map((name) => [name, this.money(own(map, name), isObject(texts) ? own(texts, name) : undefined, `${path}.${key}.${name}`)]));
  }
}

/**
 * The figures of the earlier `--json` document `text`, read from `file` (its name, for the messages), or the
 * issues that keep it from being compared: not such a document (COMPARE_NOT_A_RESULT), a run that stopped
 * with errors (COMPARE_EARLIER_FAILED), a document of an older version without the customers' driver
 * quantities (COMPARE_JSON_WITHOUT_QUANTITIES).
 */
export function figuresFromJson(text: string, file: string): { figures: PeriodFigures | null; issues: Issue[] } {
  const where: Where = { range: file };
  const notAResult = (what: 'notJson' | 'notAnObject' | 'noCustomers' | 'noActivities' | 'noPools' | 'noTotals' | 'badField', field: string | null = null): Issue =>
    error('COMPARE_NOT_A_RESULT', msg('compareNotAResult', { file, what, field }), where);
  const stop = (issues: Issue[]) => ({ figures: null, issues });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return stop([notAResult('notJson')]);
  }
  if (!isObject(doc)) return stop([notAResult('notAnObject')]);

  const customers = own(doc, 'customers');
  const totals = own(doc, 'totals');
  const errors = (Array.isArray(own(doc, 'issues')) ? (own(doc, 'issues') as unknown[]) : []).filter((i) => isObject(i) && own(i, 'severity') === 'error');
  if (errors.length > 0 && (!isObject(totals) || !Array.isArray(customers) || customers.length === 0)) {
    const first = own(errors[0] as Json, 'message');
    return stop([error('COMPARE_EARLIER_FAILED', msg('compareEarlierFailed', { file, errors: errors.length, first: typeof first === 'string' ? first : '' }), where)]);
  }
  const missing = [
    ...(Array.isArray(customers) ? [] : [notAResult('noCustomers')]),
    ...(Array.isArray(own(doc, 'activities')) ? [] : [notAResult('noActivities')]),
    ...(Array.isArray(own(doc, 'pools')) ? [] : [notAResult('noPools')]),
    ...(isObject(totals) ? [] : [notAResult('noTotals')]),
  ];
  if (missing.length > 0) return stop(missing);
  // An older runner wrote every field but the quantities: say so, rather than name the field as if the file were broken.
  if ((customers as unknown[]).some((c) => isObject(c) && own(c, 'driverQuantities') === undefined)) {
    return stop([error('COMPARE_JSON_WITHOUT_QUANTITIES', msg('compareWithoutQuantities', { file }), where)]);
  }

  const read = new FieldReader();
  const figures = readFigures(doc, read);
  if (read.bad.length > 0) return stop(read.bad.slice(0, FIELDS_NAMED).map((field) => notAResult('badField', field)));
  return { figures, issues: [] };
}

function readFigures(doc: Json, read: FieldReader): PeriodFigures {
  const pools = read.array(doc, 'pools', '').map((p, i) => {
    const path = `pools[${i}]`;
    const o = read.objectAt(p, path);
    return { pool: read.text(o, 'pool', path), ratePerMinute: read.numberOrNull(own(o, 'ratePerMinute'), `${path}.ratePerMinute`) };
  });
  const activities = read.array(doc, 'activities', '').map((a, i) => readActivity(a, `activities[${i}]`, read));
  const customers = read.array(doc, 'customers', '').map((c, i) => readCustomer(c, `customers[${i}]`, read));
  const t = read.object(doc, 'totals', '');
  const exact = isObject(own(t, 'exact')) ? (own(t, 'exact') as Json) : {};
  const total = (key: string): Dec => read.money(own(t, key), own(exact, key), `totals.${key}`);
  return {
    label: read.textOrNull(doc, 'period', ''),
    currency: read.textOrNull(doc, 'currency', ''),
    activities: activityFigures(activities, pools),
    customers,
    totals: {
      revenue: total('revenue'),
      discounts: total('discounts'),
      cogs: total('cogs'),
      directCosts: total('directCosts'),
      unusedCapacityCost: total('unusedCapacityCost'),
      unassignedCost: total('unassignedCost'),
      operatingProfit: total('operatingProfit'),
    },
  };
}

const METHODS = ['time', 'share', 'rate'] as const;
const KINDS: readonly TermKind[] = ['minutes', 'share', 'rate'];

function readActivity(a: unknown, path: string, read: FieldReader): ActivityDrivers {
  const o = read.objectAt(a, path);
  return {
    activity: read.text(o, 'activity', path),
    pool: read.textOrNull(o, 'pool', path),
    method: read.oneOf(o, 'method', path, METHODS),
    drivers: read.array(o, 'drivers', path).map((d, j) => {
      const dp = `${path}.drivers[${j}]`;
      const t = read.objectAt(d, dp);
      return {
        driver: read.text(t, 'driver', dp),
        kind: read.oneOf(t, 'kind', dp, KINDS),
        value: read.number(own(t, 'value'), `${dp}.value`),
        costPerUnit: read.numberOrNull(own(t, 'costPerUnit'), `${dp}.costPerUnit`),
      };
    }),
  };
}

function readCustomer(c: unknown, path: string, read: FieldReader): CustomerFigures {
  const o = read.objectAt(c, path);
  const exact = isObject(own(o, 'exact')) ? (own(o, 'exact') as Json) : {};
  const money = (key: string): Dec => read.money(own(o, key), own(exact, key), `${path}.${key}`);
  const quantities = read.object(o, 'driverQuantities', path);
  const dimensions = read.object(o, 'dimensions', path);
  // The document does not say which dimension StatementSegment named: the first one, as without the setting.
  const segment = Object.values(dimensions)[0];
  return {
    customer: read.text(o, 'customer', path),
    name: read.textOrNull(o, 'name', path),
    segment: typeof segment === 'string' || typeof segment === 'number' || typeof segment === 'boolean' ? segment : null,
    revenue: money('revenue'),
    discounts: money('discounts'),
    cogs: money('cogs'),
    activityCosts: read.moneyMap(o, 'activityCosts', exact, path),
    unusedCapacity: sum([...read.moneyMap(o, 'unusedCapacityCosts', exact, path).values()]),
    directCosts: money('directCosts'),
    netProfit: money('netProfit'),
    quantities: new Map(Object.keys(quantities).map((driver) => [nameKey(driver), read.number(own(quantities, driver), `${path}.driverQuantities.${driver}`)])),
  };
}
