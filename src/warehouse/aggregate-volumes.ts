/**
 * Transaction rows to the model's volumes. One scan of the source counts its rows per customer, driver
 * and quantity as written (a few thousand distinct triples for millions of rows); everything else —
 * the decimal mark, the checks, the exact DECIMAL sums — runs on that small table. Only when something
 * must be shown to the user is the source scanned again, with positions, to find its lines.
 */
import { dec } from '../engine/decimal';
import { error, type Issue, type Where } from '../engine/issues';
import { msg, type MessageText } from '../engine/messages';
import type { VolumeInput } from '../engine/model';
import { type DuckSession, type Row } from './duckdb-session';
import {
  AMBIGUOUS,
  type DecimalMark,
  evidenceFor,
  EXPONENT_VALUE,
  fractionLength,
  LOOKS_NUMERIC,
  normalForm,
  validNumber,
  wholeLength,
} from './quantity-sql';
import { firstLine, type RowSource } from './row-source';
import { VolumeSourceError } from './volume-source-error';
import type { WarehouseText } from './warehouse-text';

/** The volumes read from a source, ready for the model. */
export interface AggregatedVolumes {
  volumes: VolumeInput[];
  volumeDrivers: Array<{ driver: string; where: Where }>;
  issues: Issue[];
  /** Non-blank rows read. */
  rows: number;
  /** Rows per customer as written, for the engine's unknown-customer error. */
  rowsPerCustomer: Map<string, number>;
  /** Locations still to be found, by the customer or driver they belong to (see `locatePending`). */
  pending: Map<Where, { customer: string } | { driver: string }>;
}

/** How many offending lines of one kind are listed. */
const LISTED = 20;
/** Quantities must stay below the contract's largest figure, 10^13. */
const MAX_WHOLE_DIGITS = 13;
const GROUPS = 'temp.abc_groups';

const blank = (column: string): string => `coalesce(trim(${column}), '') = ''`;
const NOT_BLANK_ROW = `NOT (${blank('customer')} AND ${blank('driver')} AND ${blank('qty')})`;

/** Reads, checks and adds up the rows of a source. */
export async function aggregateVolumes(session: DuckSession, source: RowSource, decimalOption: DecimalMark | null, t: WarehouseText): Promise<AggregatedVolumes> {
  const failed = (issues: Issue[], rows: number): AggregatedVolumes => ({ volumes: [], volumeDrivers: [], issues, rows, rowsPerCustomer: new Map(), pending: new Map() });
  try {
    await session.all(`CREATE TEMP TABLE abc_groups AS SELECT customer, driver, qty, count(*) AS n FROM (${source.rows(false)}) GROUP BY ALL`);
  } catch (e) {
    throw await source.explainFailure(session, e);
  }
  await refuseNul(session, source, t);

  const scan = await textStatistics(session);
  const rows = Number(scan.n ?? 0);
  const decided = chooseMark(scan, source, decimalOption);
  if (decided === 'ambiguous') return failed(await ambiguity(session, source, t), rows);
  const mark = decided;

  const scale = Number((mark === ',' ? scan.frac_c : scan.frac_p) ?? 0) + Math.max(0, -Number(scan.exp_min ?? 0));
  const rowDigits = String(Math.max(rows, 1)).length;
  // A total must fit DuckDB's 38 digits: the whole digits of the largest possible total and the decimals.
  if (MAX_WHOLE_DIGITS + rowDigits + scale > 38) throw new VolumeSourceError(t.tooManyDigits(source.label));
  const checked = checkedRows(source.textQuantities ? mark : '.', scale);

  let groups: Row[];
  try {
    groups = await session.all(`SELECT customer, driver, sum(v * n) FILTER (WHERE problem IS NULL) AS quantity, sum(n) AS rows,
        sum(n) FILTER (WHERE problem IS NOT NULL) AS bad
      FROM (${checked(`SELECT customer, driver, qty, n FROM ${GROUPS}`)}) GROUP BY customer, driver ORDER BY customer, driver`);
  } catch (e) {
    throw new VolumeSourceError(/overflow/i.test(firstLine(e)) ? t.tooManyDigits(source.label) : t.unreadable(source.label, firstLine(e)));
  }
  if (groups.some((g) => Number(g.bad ?? 0) > 0)) return failed(await rowProblems(session, source, checked, t), rows);

  const volumes: VolumeInput[] = [];
  const volumeDrivers: AggregatedVolumes['volumeDrivers'] = [];
  const pending: AggregatedVolumes['pending'] = new Map();
  const customerWhere = new Map<string, Where>();
  const seenDrivers = new Set<string>();
  const rowsPerCustomer = new Map<string, number>();
  for (const g of groups) {
    const customer = String(g.customer);
    const driver = String(g.driver);
    // One location per customer: the engine's errors about a customer point at its first row.
    let where = customerWhere.get(customer);
    if (where === undefined) {
      where = { range: source.label };
      customerWhere.set(customer, where);
      pending.set(where, { customer });
    }
    volumes.push({ customer, driver, quantity: dec(String(g.quantity ?? '0')), where });
    rowsPerCustomer.set(customer, (rowsPerCustomer.get(customer) ?? 0) + Number(g.rows));
    if (!seenDrivers.has(driver)) {
      seenDrivers.add(driver);
      const driverWhere: Where = { range: source.label };
      pending.set(driverWhere, { driver });
      volumeDrivers.push({ driver, where: driverWhere });
    }
  }
  return { volumes, volumeDrivers, issues: [], rows, rowsPerCustomer, pending };
}

const HAS_NUL = `(contains(customer, chr(0)) OR contains(driver, chr(0)) OR contains(qty, chr(0)))`;

/**
 * A NUL byte is never part of a customer, driver or quantity (it is what a binary or UTF-16 file looks
 * like): the run stops, naming the lines, before such text reaches a comparison or a message.
 */
async function refuseNul(session: DuckSession, source: RowSource, t: WarehouseText): Promise<void> {
  const [any] = await session.all(`SELECT count(*) AS n FROM ${GROUPS} WHERE ${HAS_NUL}`);
  if (Number(any?.n ?? 0) === 0) return;
  const [found] = await session.all(`SELECT count(*) AS n, min(pos, ${LISTED}) AS positions FROM (${source.rows(true)}) WHERE ${HAS_NUL}`);
  const positions = ((found?.positions as unknown[] | null) ?? []).map(Number);
  const lines = await source.locate(positions);
  const n = Number(found?.n ?? 0);
  throw new VolumeSourceError(t.nulBytes(source.label, t.places(source.unit, positions.map((p) => lines.get(p) ?? p), n), n));
}

/** Per quantity text: whether it shows a decimal mark, its digits; over the distinct texts, weighted by rows. */
async function textStatistics(session: DuckSession): Promise<Row> {
  const evidence = (mark: DecimalMark): string => `CASE WHEN contains(q, ',') OR contains(q, '.') THEN ${evidenceFor(mark)} ELSE false END`;
  const [row] = await session.all(`SELECT sum(n) AS n,
      sum(n) FILTER (WHERE ev_c) AS ev_c_n, sum(n) FILTER (WHERE ev_p) AS ev_p_n, sum(n) FILTER (WHERE amb) AS amb_n,
      max(${fractionLength(',')}) FILTER (WHERE num) AS frac_c, max(${fractionLength('.')}) FILTER (WHERE num) AS frac_p,
      max(${wholeLength('.')}) FILTER (WHERE num) AS whole_p,
      min(${EXPONENT_VALUE}) FILTER (WHERE num) AS exp_min
    FROM (SELECT q, n, num, num AND ${evidence(',')} AS ev_c, num AND ${evidence('.')} AS ev_p, num AND ${AMBIGUOUS} AS amb
      FROM (SELECT coalesce(trim(qty), '') AS q, n, coalesce(trim(qty), '') <> '' AND ${LOOKS_NUMERIC.replace(/\bq\b/g, "coalesce(trim(qty), '')")} AS num
        FROM ${GROUPS} WHERE ${NOT_BLANK_ROW}))`);
  return row ?? {};
}

/**
 * The decimal mark: the option, else the file's evidence; 'ambiguous' when both conventions occur, or
 * when only values such as `1.234` that fit both do.
 */
function chooseMark(scan: Row, source: RowSource, option: DecimalMark | null): DecimalMark | 'ambiguous' {
  if (!source.textQuantities) return '.';
  if (option !== null) return option;
  const comma = Number(scan.ev_c_n ?? 0);
  const point = Number(scan.ev_p_n ?? 0);
  if (comma > 0 && point > 0) return 'ambiguous';
  if (comma > 0) return ',';
  if (point > 0) return '.';
  return Number(scan.amb_n ?? 0) > 0 ? 'ambiguous' : '.';
}

/**
 * The check of every row, as SQL over a relation with `customer`, `driver` and `qty`: its value `v`
 * (exact, DECIMAL(38, scale); blank is 0) and `problem`, NULL for a good row.
 */
function checkedRows(mark: DecimalMark, scale: number): (relation: string) => string {
  const value = `TRY_CAST(${normalForm(mark)} AS DECIMAL(38, ${scale}))`;
  const problem = `CASE
      WHEN ${blank('customer')} THEN 'customer'
      WHEN ${blank('driver')} THEN 'driver'
      WHEN q = '' THEN NULL
      WHEN NOT ${validNumber(mark)} THEN 'text'
      WHEN v IS NULL OR abs(v) >= 1e13 THEN 'range'
      WHEN v < 0 THEN 'negative'
    END`;
  return (relation) => `SELECT *, ${problem} AS problem FROM (
      SELECT *, CASE WHEN q = '' THEN 0 ELSE ${value} END AS v FROM (
        SELECT *, coalesce(trim(qty), '') AS q FROM (${relation}) WHERE ${NOT_BLANK_ROW}))`;
}

const columnOf = (source: RowSource, key: 'customer' | 'driver' | 'quantity'): { header: string; key: 'customer' | 'driver' | 'quantity' } => ({ header: source.headers[key], key });

async function ambiguity(session: DuckSession, source: RowSource, t: WarehouseText): Promise<Issue[]> {
  const evidence = (mark: DecimalMark): string => `(contains(q, ',') OR contains(q, '.')) AND ${LOOKS_NUMERIC} AND ${evidenceFor(mark)}`;
  // Either the file shows both conventions (list the first value of each), or only values that fit both.
  const [row] = await session.all(`SELECT
      min(pos) FILTER (WHERE ${evidence(',')}) AS comma_at, arg_min(q, pos) FILTER (WHERE ${evidence(',')}) AS comma_value,
      min(pos) FILTER (WHERE ${evidence('.')}) AS point_at, arg_min(q, pos) FILTER (WHERE ${evidence('.')}) AS point_value,
      count(*) FILTER (WHERE ${AMBIGUOUS}) AS amb_n, min(pos, ${LISTED}) FILTER (WHERE ${AMBIGUOUS}) AS amb_at, arg_min(q, pos) FILTER (WHERE ${AMBIGUOUS}) AS amb_value
    FROM (SELECT coalesce(trim(qty), '') AS q, pos FROM (${source.rows(true)}) WHERE ${NOT_BLANK_ROW})`);
  if (row === undefined) return [];
  const both = row.comma_at !== null && row.point_at !== null;
  const positions = both ? [Number(row.comma_at), Number(row.point_at)].sort((a, b) => a - b) : ((row.amb_at as unknown[] | null) ?? []).map(Number);
  const total = both ? 2 : Number(row.amb_n ?? 0);
  const lines = await source.locate(positions);
  const shown = positions.map((p) => lines.get(p) ?? p);
  // With both conventions present, the value shown is the later one: the one that contradicts the first.
  const value = String((both ? (Number(row.comma_at) > Number(row.point_at) ? row.comma_value : row.point_value) : row.amb_value) ?? '');
  const thousands = value.replace(/[.,]/g, '');
  const asDecimal = value.replace(/\./g, '').replace(',', '.');
  const decimal = value.includes(',') && value.includes('.') ? asDecimal : value.replace(',', '.');
  const text = msg('ambiguousNumberText', { column: columnOf(source, 'quantity'), found: value, thousands, decimal });
  return [error('AMBIGUOUS_NUMBER_TEXT', text, { range: source.label, value: t.places(source.unit, shown, total) })];
}

/** Lists the first offending rows of each kind of problem, one issue per kind. */
async function rowProblems(session: DuckSession, source: RowSource, checked: (relation: string) => string, t: WarehouseText): Promise<Issue[]> {
  const kinds = await session.all(`SELECT problem, count(*) AS n, min(pos, ${LISTED}) AS positions, arg_min(q, pos) AS example
    FROM (${checked(source.rows(true))}) WHERE problem IS NOT NULL GROUP BY problem ORDER BY min(pos)`);
  const lines = await source.locate(kinds.flatMap((k) => (k.positions as unknown[]).map(Number)));
  return kinds.map((k) => {
    const shown = (k.positions as unknown[]).map(Number).map((p) => lines.get(p) ?? p);
    const where: Where = { range: source.label, value: t.places(source.unit, shown, Number(k.n)) };
    const example = String(k.example ?? '');
    const [code, text]: [Issue['code'], MessageText] =
      k.problem === 'customer'
        ? ['MISSING_VALUE', msg('missingText', { column: columnOf(source, 'customer'), what: 'customerId' })]
        : k.problem === 'driver'
          ? ['MISSING_VALUE', msg('missingText', { column: columnOf(source, 'driver'), what: 'driverName' })]
          : k.problem === 'range'
            ? ['NUMBER_OUT_OF_RANGE', msg('numberOutOfRange', { column: columnOf(source, 'quantity'), found: example })]
            : k.problem === 'negative'
              ? ['NEGATIVE_VALUE', msg('negativeValue', { column: columnOf(source, 'quantity'), found: example })]
              : ['NOT_A_NUMBER', msg('notANumber', { column: columnOf(source, 'quantity'), found: JSON.stringify(example) })];
    return error(code, text, where);
  });
}

/**
 * Finds the first line of the customers and drivers whose locations an issue shows (one more scan, only
 * when there is such an issue) and writes it into those locations.
 */
export async function locatePending(session: DuckSession, source: RowSource, wanted: ReadonlyMap<Where, { customer: string } | { driver: string }>, t: WarehouseText): Promise<void> {
  if (wanted.size === 0) return;
  const customers = [...wanted.values()].flatMap((w) => ('customer' in w ? [w.customer] : []));
  const drivers = [...wanted.values()].flatMap((w) => ('driver' in w ? [w.driver] : []));
  // The names are data: they go to DuckDB as parameters, $1… for the customers, then the drivers.
  const list = (items: string[], from: number): string => (items.length === 0 ? 'NULL' : items.map((_, i) => `$${from + i}`).join(', '));
  // One scan gives both: the first row of each customer and the first row of each driver.
  const found = await session.all(
    `SELECT grouping(driver) = 1 AS by_customer, coalesce(customer, driver) AS name, min(pos) AS first
    FROM (${source.rows(true)}) WHERE customer IN (${list(customers, 1)}) OR driver IN (${list(drivers, customers.length + 1)})
    GROUP BY GROUPING SETS ((customer), (driver))`,
    [...customers, ...drivers],
  );
  const firstOf = new Map<string, number>();
  for (const r of found) firstOf.set(`${r.by_customer === true ? 'c' : 'd'}:${String(r.name)}`, Number(r.first));
  const lines = await source.locate([...firstOf.values()]);
  for (const [where, of] of wanted) {
    const pos = firstOf.get('customer' in of ? `c:${of.customer}` : `d:${of.driver}`);
    if (pos !== undefined) where.value = t.place(source.unit, lines.get(pos) ?? pos);
  }
}
