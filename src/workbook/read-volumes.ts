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

/** The running sum of one customer and driver. */
interface Tally {
  customer: string;
  driver: string;
  /** Whole-number quantities are summed as JS numbers while exact (below 2^53). */
  whole: number;
  /** Everything else, exactly. */
  exact: Dec | null;
  where: Where;
}

/**
 * The long form, in one indexed loop over the rows (up to a million): a row of a known customer and
 * driver with a whole-number quantity costs two cache look-ups and two array reads, and no allocation.
 * Anything else goes through the reader's checked reads, in the same order, so issues are the same.
 */
function readLong(reader: RangeReader, match: HeaderMatch, driverColumn: number, quantityColumn: number): VolumesRead {
  const customerColumn = match.columns.get('customer');
  if (customerColumn === undefined) return { form: 'long', volumes: [], volumeDrivers: [], dataRows: reader.forEachDataRow(() => undefined) };
  const customerNames = new Map<string | number, Name>();
  const driverNames = new Map<string | number, Name>();
  const customerCounter = { next: 0 };
  const driverCounter = { next: 0 };
  // tallies[customer index][driver index]
  const tallies: Array<Array<Tally | undefined>> = [];
  const order: Tally[] = [];
  const volumeDrivers: Array<{ driver: string; where: Where }> = [];
  const driverListed: boolean[] = [];
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
      readName(reader, customerNames, customerCounter, r, customerColumn, 'customerId');
    const rawDriver = cells[driverColumn];
    const driver =
      (typeof rawDriver === 'number' || typeof rawDriver === 'string' ? driverNames.get(rawDriver) : undefined) ??
      readName(reader, driverNames, driverCounter, r, driverColumn, 'driverName');
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

    let byDriver = tallies[customer.index];
    if (byDriver === undefined) {
      byDriver = [];
      tallies[customer.index] = byDriver;
    }
    let tally = byDriver[driver.index];
    if (tally === undefined) {
      // A driver's first tally is its first row with a usable customer: where the model says it is.
      if (driverListed[driver.index] !== true) {
        driverListed[driver.index] = true;
        volumeDrivers.push({ driver: driver.text, where: reader.where(r, driverColumn) });
      }
      tally = { customer: customer.text, driver: driver.text, whole: 0, exact: null, where: reader.where(r, customerColumn) };
      byDriver[driver.index] = tally;
      order.push(tally);
    }
    if (exact !== null) {
      tally.exact = tally.exact === null ? exact : tally.exact.plus(exact);
    } else if (whole !== 0) {
      const next = tally.whole + whole;
      if (Number.isSafeInteger(next)) tally.whole = next;
      else tally.exact = tally.exact === null ? dec(whole) : tally.exact.plus(whole);
    }
  }

  const volumes: VolumeInput[] = order.map((t) => ({
    customer: t.customer,
    driver: t.driver,
    quantity: t.exact === null ? dec(t.whole) : t.exact.plus(t.whole),
    where: t.where,
  }));
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
  counter: { next: number },
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
    name = { text, key, index: counter.next++ };
    cache.set(key, name);
  }
  if (cacheable) cache.set(raw, name);
  return name;
}
