/**
 * Adds up long-form transaction rows (customer, driver, quantity; other columns ignored) per customer and
 * driver, exactly. Headers are the contract's for ABC_Volumes, English or Dutch, matched as the contract
 * matches them. Names match as the contract's names do (case, surrounding and repeated spaces ignored) and
 * keep their first spelling. A row that cannot be counted is a bad row with its line; a quantity such as
 * `1.234` waits until the end, when the rest of the file tells whether its point is a decimal mark.
 */
import { nameKey } from '../../engine/model';
import { CONTRACT_HEADERS, columnHeaders } from '../../workbook/contract-spec';
import { ExactSums } from './exact-sums';
import { BAD_ROWS_LISTED, type BadRow, type ImportFormat, type ImportOutcome, type ImportProblem, type VolumeCell } from './import-types';
import { type DecimalMark, type QuantityRead, readQuantityBigInt, readQuantityNumber, readQuantityText, readWithMark } from './quantity';

/** The columns of the long form, by contract key. */
type LongKey = 'customer' | 'driver' | 'quantity';
const LONG_KEYS: readonly LongKey[] = ['customer', 'driver', 'quantity'];

/** Distinct drivers allowed: far beyond any real model, and it keeps cell keys exact. */
export const MAX_DRIVERS = 1 << 21;

/** A value of a transaction file: CSV gives text, Parquet typed values. */
export type FileValue = string | number | bigint | boolean | Date | null | undefined;

/** Where the long-form columns are, or the problems with the header row. */
export type HeaderColumns = { ok: true; columns: Record<LongKey, number> } | { ok: false; problems: ImportProblem[] };

/** Finds Customer, Driver and Quantity (or Klant, Kostendrijver, Aantal) among `headers`. */
export function findLongColumns(headers: readonly string[]): HeaderColumns {
  const spec = CONTRACT_HEADERS.ABC_Volumes.columns;
  const wanted = new Map<string, LongKey>();
  for (const col of spec) {
    if ((LONG_KEYS as readonly string[]).includes(col.key)) for (const h of columnHeaders(col)) wanted.set(nameKey(h), col.key as LongKey);
  }
  const found = new Map<LongKey, number>();
  const problems: ImportProblem[] = [];
  headers.forEach((raw, i) => {
    const header = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    const key = wanted.get(nameKey(header));
    if (key === undefined) return;
    const first = found.get(key);
    if (first === undefined) found.set(key, i);
    else problems.push({ code: 'duplicateColumn', header, first: (headers[first] ?? '').replace(/^\uFEFF/, '').trim() });
  });
  const missing = LONG_KEYS.filter((k) => !found.has(k)).map((k) => {
    const col = spec.find((c) => c.key === k);
    return col === undefined ? k : `${col.en} / ${col.nl}`;
  });
  if (missing.length > 0) {
    problems.unshift({ code: 'missingColumns', missing, found: headers.map((h) => h.replace(/^\uFEFF/, '').trim()).filter((h) => h !== '') });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, columns: { customer: found.get('customer') ?? 0, driver: found.get('driver') ?? 0, quantity: found.get('quantity') ?? 0 } };
}

/** A quantity whose reading waits for the file's decimal mark. */
interface Pending {
  cell: number;
  line: number;
  text: string;
}

/** The running aggregation of one file. */
export class VolumeAggregator {
  private readonly customers: string[] = [];
  private readonly drivers: string[] = [];
  private readonly customerByRaw = new Map<string, number>();
  private readonly customerByKey = new Map<string, number>();
  private readonly driverByRaw = new Map<string, number>();
  private readonly driverByKey = new Map<string, number>();
  private readonly cellOf = new Map<number, number>();
  private readonly cellCustomer: number[] = [];
  private readonly cellDriver: number[] = [];
  private readonly sums = new ExactSums();
  private readonly pending: Pending[] = [];
  private readonly marks = new Set<DecimalMark>();
  private readonly badRows: BadRow[] = [];
  private badRowCount = 0;
  private rowCount = 0;
  private tooManyDrivers = false;

  constructor(
    private readonly source: string,
    private readonly format: ImportFormat,
  ) {}

  /** Data rows counted so far. */
  get rows(): number {
    return this.rowCount;
  }

  /**
   * Counts one row; `line` is its line in the file (Parquet: its row number + 1, the header being line 1).
   * A row whose three values are all blank is a blank line and not counted.
   */
  add(line: number, customer: FileValue, driver: FileValue, quantity: FileValue): void {
    const customerText = nameText(customer);
    const driverText = nameText(driver);
    const read = readQuantity(quantity);
    if (customerText === '' && driverText === '' && read.kind === 'blank') return;
    this.rowCount += 1;
    if (customerText === '') return this.bad(line, 'customerMissing', '');
    if (driverText === '') return this.bad(line, 'driverMissing', '');
    if (read.kind === 'bad') return this.bad(line, read.fault, valueText(quantity));
    const c = this.index(customerText, this.customers, this.customerByRaw, this.customerByKey);
    const d = this.index(driverText, this.drivers, this.driverByRaw, this.driverByKey);
    if (this.drivers.length >= MAX_DRIVERS) {
      this.tooManyDrivers = true;
      return;
    }
    const key = c * MAX_DRIVERS + d;
    let cell = this.cellOf.get(key);
    if (cell === undefined) {
      cell = this.sums.addCell();
      this.cellOf.set(key, cell);
      this.cellCustomer.push(c);
      this.cellDriver.push(d);
    }
    if (read.kind === 'value') {
      if (read.mark !== undefined) this.marks.add(read.mark);
      this.sums.add(cell, read.value);
    } else if (read.kind === 'ambiguous') {
      this.pending.push({ cell, line, text: valueText(quantity) });
    }
  }

  private bad(line: number, reason: BadRow['reason'], value: string): void {
    this.badRowCount += 1;
    if (this.badRows.length < BAD_ROWS_LISTED) this.badRows.push({ line, reason, value });
  }

  private index(text: string, list: string[], byRaw: Map<string, number>, byKey: Map<string, number>): number {
    const hit = byRaw.get(text);
    if (hit !== undefined) return hit;
    const key = nameKey(text);
    let i = byKey.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(text);
      byKey.set(key, i);
    }
    byRaw.set(text, i);
    return i;
  }

  /**
   * The outcome: the aggregated volumes when every row was counted, else the problems. Ambiguous
   * quantities are read with the one decimal mark the file's other quantities use; with none or both,
   * they are bad rows.
   */
  finish(): ImportOutcome {
    const mark = this.marks.size === 1 ? ([...this.marks][0] as DecimalMark) : null;
    const ambiguous: BadRow[] = [];
    let ambiguousCount = 0;
    for (const p of this.pending) {
      const read = mark === null ? null : readWithMark(p.text, mark);
      if (read !== null && read.kind === 'value') this.sums.add(p.cell, read.value);
      else {
        ambiguousCount += 1;
        if (ambiguous.length < BAD_ROWS_LISTED) ambiguous.push({ line: p.line, reason: 'ambiguous', value: p.text });
      }
    }
    const badRowCount = this.badRowCount + ambiguousCount;
    const problems: ImportProblem[] = [];
    if (this.tooManyDrivers) problems.push({ code: 'tooManyDrivers', limit: MAX_DRIVERS });
    if (badRowCount > 0) problems.push({ code: 'badRows', count: badRowCount });
    else if (this.sums.count === 0) problems.push({ code: 'noRows' });
    for (let cell = 0; cell < this.sums.count; cell++) {
      if (!this.sums.tooLarge(cell)) continue;
      problems.push({
        code: 'totalOutOfRange',
        customer: this.customers[this.cellCustomer[cell] as number] as string,
        driver: this.drivers[this.cellDriver[cell] as number] as string,
        total: this.sums.text(cell),
      });
    }
    if (problems.length > 0) {
      const badRows = [...this.badRows, ...ambiguous].sort((a, b) => a.line - b.line).slice(0, BAD_ROWS_LISTED);
      return { ok: false, source: this.source, problems, rows: this.rowCount, badRowCount, badRows };
    }
    const order = Array.from({ length: this.sums.count }, (_, i) => i);
    order.sort((a, b) => (this.cellCustomer[a] as number) - (this.cellCustomer[b] as number) || (this.cellDriver[a] as number) - (this.cellDriver[b] as number));
    const cells: VolumeCell[] = order.map((cell) => ({
      customer: this.cellCustomer[cell] as number,
      driver: this.cellDriver[cell] as number,
      quantity: this.sums.text(cell),
    }));
    return {
      ok: true,
      volumes: { source: this.source, format: this.format, rows: this.rowCount, customers: this.customers, drivers: this.drivers, cells },
    };
  }
}

/** A name or id as text: as the contract reads ids, a number is its plain digits, a boolean TRUE or FALSE, a date its ISO date. */
function nameText(value: FileValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.toISOString().slice(0, 10);
}

function readQuantity(value: FileValue): QuantityRead {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'string') return readQuantityText(value);
  if (typeof value === 'number') return readQuantityNumber(value);
  if (typeof value === 'bigint') return readQuantityBigInt(value);
  return { kind: 'bad', fault: 'notANumber' };
}

function valueText(value: FileValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
