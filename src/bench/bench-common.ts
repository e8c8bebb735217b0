/**
 * What the benchmark files share: the model they time (the sample's pools and activities with many
 * generated customers and long-form volume rows), the median of a case's runs, and `bench/results.json`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { ContractRangeName } from '../workbook/contract';
import type { CellValue, RangeGrid } from '../workbook/grid';
import { sampleGrids } from '../sample';

/** The drivers the generated volume rows use unless told otherwise. */
const DRIVERS = ['Orders', 'Order lines', 'Rush orders', 'Delivery drops', 'Returns'];

/** How the generated volume rows look. */
export interface BenchModelOptions {
  /** The drivers, in turn; default: five of the sample's. */
  drivers?: readonly string[];
  /** Add an order reference column, which the contract reader must skip; default true. */
  orderColumn?: boolean;
}

/**
 * The sample's pools and activities, `customers` customers and `rows` long-form volume rows. Each block of
 * `customers` rows shifts the drivers by one, so once there are as many blocks as drivers every customer
 * has every driver. Drivers the sample's activities use besides these get one row, so every activity has
 * a quantity. The sample's scenarios and direct costs name its own customers and segments, so they go.
 */
export function benchModel(customers: number, rows: number, options: BenchModelOptions = {}): Map<ContractRangeName, RangeGrid> {
  const drivers = options.drivers ?? DRIVERS;
  const orderColumn = options.orderColumn ?? true;
  const grids = new Map(sampleGrids());
  const customerRows: CellValue[][] = [['Customer', 'Name', 'Revenue', 'COGS', 'Segment']];
  for (let i = 0; i < customers; i++) customerRows.push([100000 + i, `Customer ${i}`, 50000 + (i % 997) * 100, 40000 + (i % 991) * 80, i % 3 === 0 ? 'Retail' : 'Horeca']);
  const volumeRows: CellValue[][] = [orderColumn ? ['Customer', 'Driver', 'Quantity', 'Order'] : ['Customer', 'Driver', 'Quantity']];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [100000 + (r % customers), drivers[(r + Math.floor(r / customers)) % drivers.length] ?? 'Orders', 1 + (r % 7)];
    if (orderColumn) row.push(`SO-${r}`);
    volumeRows.push(row);
  }
  const used = new Set((grids.get('ABC_Volumes')?.rows.slice(1) ?? []).map((row) => String(row[1] ?? '')));
  for (const driver of used) if (!drivers.includes(driver)) volumeRows.push(orderColumn ? [100000, driver, 1, 'extra'] : [100000, driver, 1]);
  grids.set('ABC_Customers', { name: 'ABC_Customers', sheet: 'Customers', top: 1, left: 1, rows: customerRows });
  grids.set('ABC_Volumes', { name: 'ABC_Volumes', sheet: 'Transactions', top: 1, left: 1, rows: volumeRows });
  grids.delete('ABC_CustomerCosts');
  grids.delete('ABC_Scenarios');
  return grids;
}

/** The median of a case's run times (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const RESULTS = join('bench', 'results.json');

/** Merges one bench's keys into bench/results.json, keeping every other key; a damaged file is replaced. */
export function writeResults(keys: Record<string, unknown>): void {
  let results: Record<string, unknown> = {};
  try {
    if (existsSync(RESULTS)) results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    results = {};
  }
  mkdirSync('bench', { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, ...keys }, null, 2)}\n`);
}
