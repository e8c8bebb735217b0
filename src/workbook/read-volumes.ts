/**
 * `ABC_Volumes`: driver quantities per customer, wide (one column per driver) or long (one row per
 * customer, driver and quantity; transaction level, up to a million rows). The long form is read with
 * caches and running sums so that a row costs a few map look-ups and, for whole-number quantities,
 * no allocation at all.
 */
import { dec, MAX_FIGURE, type Dec } from '../engine/decimal';
import type { Where } from '../engine/issues';
import type { RequiredTextKey } from '../engine/messages';
import { nameKey, type VolumeInput } from '../engine/model';
import { CONTRACT_HEADERS } from './contract-spec';
import { type HeaderMatch, matchHeaders, reportMissingColumn, uniqueOthers } from './headers';
import { INVALID, type NumberRule, type RangeReader } from './range-reader';

const QUANTITY: NumberRule = { allowNegative: false };

/** What `ABC_Volumes` yields. */
export interface VolumesRead {
  form: 'wide' | 'long';
  volumes: VolumeInput[];
  volumeDrivers: Array<{ driver: string; where: Where }>;
  dataRows: number;
}

/**
 * Reads the volumes. The long form is recognised by the presence of both a Driver and a Quantity
 * header; with only one of them the other is MISSING_COLUMN (a driver literally named "Quantity" is
 * far less likely than a misspelt header). Every entry's `where` is the Customer cell of its row; in the
 * long form, rows of the same customer and driver are added up here and the entry keeps the first row.
 */
export function readVolumes(reader: RangeReader): VolumesRead {
  const spec = CONTRACT_HEADERS.ABC_Volumes;
  const match = matchHeaders(reader, spec);
  const driver = match.columns.get('driver');
  const quantity = match.columns.get('quantity');
  if (driver !== undefined || quantity !== undefined) {
    if (driver === undefined || quantity === undefined) {
      const absent = spec.columns.find((c) => c.key === (driver === undefined ? 'driver' : 'quantity'));
      if (absent !== undefined) reportMissingColumn(reader, absent, 'longFormVolumes');
      return { form: 'long', volumes: [], volumeDrivers: [], dataRows: reader.forEachDataRow(() => undefined) };
    }
    return readLong(reader, match, driver, quantity);
  }
  return readWide(reader, match);
}

function readWide(reader: RangeReader, match: HeaderMatch): VolumesRead {
  const customer = match.columns.get('customer');
  const drivers = uniqueOthers(reader, match.others, 'driver');
  const volumeDrivers = drivers.map((d) => ({ driver: d.header, where: reader.where(0, d.column) }));
  const volumes: VolumeInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (customer === undefined) return;
    const id = reader.requiredText(r, customer, 'customerId');
    const where = id === null ? null : reader.where(r, customer);
    for (const d of drivers) {
      const q = reader.number(r, d.column, QUANTITY);
      // Blank cells add nothing; a reported bad cell is left out too, the driver keeps its column.
      if (q === null || q === INVALID || id === null || where === null) continue;
      volumes.push({ customer: id, driver: d.header, quantity: q, where });
    }
  });
  return { form: 'wide', volumes, volumeDrivers, dataRows };
}

/** A name as read once per distinct raw cell value: its text, its matching key and its dense index. */
interface Name {
  text: string;
  key: string;
  /** Position among the distinct names of its column, so tallies are found by index, not by key. */
  index: number;
}

/**
 * The running sums of one driver, by customer index: whole-number quantities as doubles while exact
 * (below 2^53), everything else as decimals, and the row of each customer's first quantity (0: none yet).
 */
interface DriverSums {
  whole: Float64Array;
  firstRow: Int32Array;
  exact: Map<number, Dec>;
}

/** Room for `customers` customers in a driver's sums, growing by doubling so a million rows grow it a few times. */
function withRoom(sums: DriverSums, customers: number): DriverSums {
  if (customers <= sums.whole.length) return sums;
  const size = Math.max(customers, sums.whole.length * 2, 1024);
  const whole = new Float64Array(size);
  whole.set(sums.whole);
  const firstRow = new Int32Array(size);
  firstRow.set(sums.firstRow);
  return { whole, firstRow, exact: sums.exact };
}

/**
 * The long form, in one indexed loop over the rows (up to a million): a row of a known customer and
 * driver with a whole-number quantity costs two cache look-ups and a typed-array addition, and no
 * allocation. Anything else goes through the reader's checked reads, in the same order, so issues are
 * the same. Each (customer, driver) entry keeps the row of its first quantity, in the order first seen.
 */
function readLong(reader: RangeReader, match: HeaderMatch, driverColumn: number, quantityColumn: number): VolumesRead {
  const customerColumn = match.columns.get('customer');
  if (customerColumn === undefined) return { form: 'long', volumes: [], volumeDrivers: [], dataRows: reader.forEachDataRow(() => undefined) };
  const customerNames = new Map<string | number, Name>();
  const driverNames = new Map<string | number, Name>();
  const customerList: Name[] = [];
  const driverList: Name[] = [];
  const sums: DriverSums[] = [];
  // The entries in the order first seen: customer and driver index of each.
  const orderCustomer: number[] = [];
  const orderDriver: number[] = [];
  const volumeDrivers: Array<{ driver: string; where: Where }> = [];
  const rows = reader.grid.rows;
  const height = rows.length;
  let dataRows = 0;

  for (let r = 1; r < height; r++) {
    const cells = rows[r];
    if (cells === undefined) continue;
    // A number in the first cell is the common case of a non-blank row; only others need the full test.
    if (typeof cells[0] !== 'number' && reader.isRowBlank(r)) continue;
    dataRows++;
    const rawCustomer = cells[customerColumn];
    const customer =
      (typeof rawCustomer === 'number' || typeof rawCustomer === 'string' ? customerNames.get(rawCustomer) : undefined) ??
      readName(reader, customerNames, customerList, r, customerColumn, 'customerId');
    const rawDriver = cells[driverColumn];
    const driver =
      (typeof rawDriver === 'number' || typeof rawDriver === 'string' ? driverNames.get(rawDriver) : undefined) ??
      readName(reader, driverNames, driverList, r, driverColumn, 'driverName');
    const q = cells[quantityColumn];
    let whole = 0;
    let exact: Dec | null = null;
    if (typeof q === 'number' && q >= 0 && q < MAX_FIGURE && Number.isInteger(q)) {
      whole = q;
    } else {
      const n = reader.number(r, quantityColumn, QUANTITY);
      if (n !== null && n !== INVALID) exact = n;
    }
    if (customer === null || driver === null) continue;

    const c = customer.index;
    let driverSums = sums[driver.index];
    if (driverSums === undefined || c >= driverSums.whole.length) {
      if (driverSums === undefined) {
        // A driver's first entry is its first row with a usable customer: where the model says it is.
        volumeDrivers.push({ driver: driver.text, where: reader.where(r, driverColumn) });
        driverSums = { whole: new Float64Array(0), firstRow: new Int32Array(0), exact: new Map() };
      }
      driverSums = withRoom(driverSums, customerList.length);
      sums[driver.index] = driverSums;
    }
    if (driverSums.firstRow[c] === 0) {
      driverSums.firstRow[c] = r;
      orderCustomer.push(c);
      orderDriver.push(driver.index);
    }
    if (exact !== null) {
      const seen = driverSums.exact.get(c);
      driverSums.exact.set(c, seen === undefined ? exact : seen.plus(exact));
    } else if (whole !== 0) {
      const next = (driverSums.whole[c] as number) + whole;
      if (next <= Number.MAX_SAFE_INTEGER) {
        driverSums.whole[c] = next;
      } else {
        const seen = driverSums.exact.get(c);
        driverSums.exact.set(c, seen === undefined ? dec(whole) : seen.plus(whole));
      }
    }
  }

  const volumes: VolumeInput[] = orderCustomer.map((c, i) => {
    const driverSums = sums[orderDriver[i] as number] as DriverSums;
    const whole = driverSums.whole[c] as number;
    const exact = driverSums.exact.get(c);
    return {
      customer: (customerList[c] as Name).text,
      driver: (driverList[orderDriver[i] as number] as Name).text,
      quantity: exact === undefined ? dec(whole) : exact.plus(whole),
      where: reader.where(driverSums.firstRow[c] as number, customerColumn),
    };
  });
  return { form: 'long', volumes, volumeDrivers, dataRows };
}

/**
 * Reads a required name through a cache keyed by the raw cell value (ids and drivers repeat a lot).
 * The cache also holds each name under its key; a raw value never collides with a key in a harmful way,
 * because a raw string equal to some name's key reads as that very name anyway.
 */
function readName(
  reader: RangeReader,
  cache: Map<string | number, Name>,
  list: Name[],
  r: number,
  column: number,
  what: RequiredTextKey,
): Name | null {
  const raw = reader.cell(r, column);
  const cacheable = typeof raw === 'string' || typeof raw === 'number';
  if (cacheable) {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
  }
  const text = reader.requiredText(r, column, what);
  if (text === null) return null;
  const key = nameKey(text);
  // Every spelling of one name shares the first spelling's entry, so the model shows one spelling.
  let name = cache.get(key);
  if (name === undefined) {
    name = { text, key, index: list.length };
    list.push(name);
    cache.set(key, name);
  }
  if (cacheable) cache.set(raw, name);
  return name;
}
