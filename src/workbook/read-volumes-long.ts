/**
 * The long form of `ABC_Volumes` (one row per customer, driver and quantity; up to a million rows), read
 * in one indexed loop with caches and running sums: a row of a known customer and driver with a
 * whole-number quantity costs two cache look-ups and a typed-array addition, and no allocation. A grid
 * held by columns (the task pane's worker) is read from its typed arrays, names looked up by their
 * dictionary code. Anything else goes through the reader's checked reads, in the same order in both
 * forms, so issues are the same. Each (customer, driver) entry keeps the row of its first quantity, in
 * the order first seen.
 */
import { dec, MAX_FIGURE, type Dec } from '../engine/decimal';
import type { Where } from '../engine/issues';
import type { RequiredTextKey } from '../engine/messages';
import { nameKey, type VolumeInput } from '../engine/model';
import { type CellColumn, type ColumnGrid, NUMBER_CODE, isColumnGrid } from './column-grid';
import type { RangeGrid } from './grid';
import type { HeaderMatch } from './headers';
import { INVALID, type NumberRule, type RangeReader } from './range-reader';
import type { VolumesRead } from './read-volumes';

/** Quantities are numbers of zero or more. */
export const QUANTITY: NumberRule = { allowNegative: false };

/** A name as read once per distinct raw cell value: its text, its matching key and its dense index. */
interface Name {
  text: string;
  key: string;
  /** Position among the distinct names of its column, so tallies are found by index, not by key. */
  index: number;
}

/** The names of one column: by raw value and by key, and in order of first appearance. */
interface Names {
  cache: Map<string | number, Name>;
  list: Name[];
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

/** What the long form yields. */
export type LongVolumes = VolumesRead & { form: 'long' };

/** Reads the long form whose Customer, Driver and Quantity columns `match` found. */
export function readLongVolumes(reader: RangeReader, match: HeaderMatch, driverColumn: number, quantityColumn: number): LongVolumes {
  const customerColumn = match.columns.get('customer');
  if (customerColumn === undefined) return { form: 'long', volumes: [], volumeDrivers: [], dataRows: reader.forEachDataRow(() => undefined) };
  const tallies = new Tallies(reader, customerColumn, driverColumn, quantityColumn);
  const grid = reader.grid;
  const dataRows = isColumnGrid(grid) ? tallies.scanColumns(grid) : tallies.scanRows(grid);
  return { form: 'long', volumes: tallies.volumes(), volumeDrivers: tallies.volumeDrivers, dataRows };
}

class Tallies {
  readonly customers: Names = { cache: new Map(), list: [] };
  readonly drivers: Names = { cache: new Map(), list: [] };
  readonly volumeDrivers: Array<{ driver: string; where: Where }> = [];
  private readonly sums: DriverSums[] = [];
  // The entries in the order first seen: customer and driver index of each.
  private readonly orderCustomer: number[] = [];
  private readonly orderDriver: number[] = [];

  constructor(
    private readonly reader: RangeReader,
    private readonly customerColumn: number,
    private readonly driverColumn: number,
    private readonly quantityColumn: number,
  ) {}

  /** The row form: rows of cell values. */
  scanRows(grid: RangeGrid): number {
    const { reader, customerColumn, driverColumn, quantityColumn, customers, drivers } = this;
    const rows = grid.rows;
    let dataRows = 0;
    for (let r = 1; r < rows.length; r++) {
      const cells = rows[r];
      if (cells === undefined) continue;
      // A number in the first cell is the common case of a non-blank row; only others need the full test.
      if (typeof cells[0] !== 'number' && reader.isRowBlank(r)) continue;
      dataRows++;
      const rawCustomer = cells[customerColumn];
      const customer =
        (typeof rawCustomer === 'number' || typeof rawCustomer === 'string' ? customers.cache.get(rawCustomer) : undefined) ??
        readName(reader, customers, r, customerColumn, 'customerId');
      const rawDriver = cells[driverColumn];
      const driver =
        (typeof rawDriver === 'number' || typeof rawDriver === 'string' ? drivers.cache.get(rawDriver) : undefined) ??
        readName(reader, drivers, r, driverColumn, 'driverName');
      const q = cells[quantityColumn];
      if (typeof q === 'number' && q >= 0 && q < MAX_FIGURE && Number.isInteger(q)) this.add(r, customer, driver, q, null);
      else this.addChecked(r, customer, driver);
    }
    return dataRows;
  }

  /** The column form: codes and numbers in typed arrays, texts in each column's dictionary. */
  scanColumns(grid: ColumnGrid): number {
    const { reader, customerColumn, driverColumn, quantityColumn, customers, drivers } = this;
    const first = grid.columns[0];
    const customerCells = grid.columns[customerColumn];
    const driverCells = grid.columns[driverColumn];
    const quantityCells = grid.columns[quantityColumn];
    if (first === undefined || customerCells === undefined || driverCells === undefined || quantityCells === undefined) {
      return reader.forEachDataRow(() => undefined);
    }
    const byCustomerCode = new Array<Name | undefined>(customerCells.dictionary.length).fill(undefined);
    const byDriverCode = new Array<Name | undefined>(driverCells.dictionary.length).fill(undefined);
    const quantityCodes = quantityCells.codes;
    const quantities = quantityCells.numbers;
    let dataRows = 0;
    for (let r = 1; r < grid.rowCount; r++) {
      // As in the row form: a number in the first cell makes the row non-blank without the full test.
      if (first.codes[r] !== NUMBER_CODE && reader.isRowBlank(r)) continue;
      dataRows++;
      const customer = nameByCode(reader, customers, byCustomerCode, customerCells, r, customerColumn, 'customerId');
      const driver = nameByCode(reader, drivers, byDriverCode, driverCells, r, driverColumn, 'driverName');
      const q = quantityCodes[r] === NUMBER_CODE && quantities !== null ? (quantities[r] as number) : -1;
      if (q >= 0 && q < MAX_FIGURE && Number.isInteger(q)) this.add(r, customer, driver, q, null);
      else this.addChecked(r, customer, driver);
    }
    return dataRows;
  }

  /** A quantity that is not a plain whole number: read (and reported) by the reader's checked read. */
  private addChecked(r: number, customer: Name | null, driver: Name | null): void {
    const n = this.reader.number(r, this.quantityColumn, QUANTITY);
    this.add(r, customer, driver, 0, n !== null && n !== INVALID ? n : null);
  }

  private add(r: number, customer: Name | null, driver: Name | null, whole: number, exact: Dec | null): void {
    if (customer === null || driver === null) return;
    const c = customer.index;
    let driverSums = this.sums[driver.index];
    if (driverSums === undefined || c >= driverSums.whole.length) {
      if (driverSums === undefined) {
        // A driver's first entry is its first row with a usable customer: where the model says it is.
        this.volumeDrivers.push({ driver: driver.text, where: this.reader.where(r, this.driverColumn) });
        driverSums = { whole: new Float64Array(0), firstRow: new Int32Array(0), exact: new Map() };
      }
      driverSums = withRoom(driverSums, this.customers.list.length);
      this.sums[driver.index] = driverSums;
    }
    if (driverSums.firstRow[c] === 0) {
      driverSums.firstRow[c] = r;
      this.orderCustomer.push(c);
      this.orderDriver.push(driver.index);
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

  /** The entries, one per customer and driver, in the order first seen. */
  volumes(): VolumeInput[] {
    return this.orderCustomer.map((c, i) => {
      const d = this.orderDriver[i] as number;
      const driverSums = this.sums[d] as DriverSums;
      const whole = driverSums.whole[c] as number;
      const exact = driverSums.exact.get(c);
      return {
        customer: (this.customers.list[c] as Name).text,
        driver: (this.drivers.list[d] as Name).text,
        quantity: exact === undefined ? dec(whole) : exact.plus(whole),
        where: this.reader.where(driverSums.firstRow[c] as number, this.customerColumn),
      };
    });
  }
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
 * The name in row `r` of a column held by codes: a text by its dictionary code (cached per code once
 * read without a problem), a number through the raw-value cache, anything else read and reported.
 */
function nameByCode(
  reader: RangeReader,
  names: Names,
  byCode: Array<Name | undefined>,
  cells: CellColumn,
  r: number,
  column: number,
  what: RequiredTextKey,
): Name | null {
  const code = cells.codes[r] as number;
  if (code >= 0) {
    const hit = byCode[code];
    if (hit !== undefined) return hit;
    const name = readName(reader, names, r, column, what);
    if (name !== null) byCode[code] = name;
    return name;
  }
  if (code === NUMBER_CODE && cells.numbers !== null) {
    const hit = names.cache.get(cells.numbers[r] as number);
    if (hit !== undefined) return hit;
  }
  return readName(reader, names, r, column, what);
}

/**
 * Reads a required name through a cache keyed by the raw cell value (ids and drivers repeat a lot).
 * The cache also holds each name under its key; a raw value never collides with a key in a harmful way,
 * because a raw string equal to some name's key reads as that very name anyway.
 */
function readName(reader: RangeReader, names: Names, r: number, column: number, what: RequiredTextKey): Name | null {
  const { cache, list } = names;
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
