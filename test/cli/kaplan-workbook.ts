/**
 * Test workbooks for the runner. Kept apart from the tests so that several test files can share them.
 */
import { writeWorkbook, type NameSpec } from '../xlsx/workbook-files';

/** A cell of a test sheet. */
export type Cell = string | number | boolean;

/** The department's pool: $560,000 a quarter for 700,000 practical minutes ($0.80 a minute). */
function kaplanPools(cost = 560000): Array<Array<string | number>> {
  return [['Pool', 'Cost', 'Capacity'], ['Customer service', cost, 700000]];
}

/** The department's time equations: minutes per order, per inquiry and per credit check. */
const KAPLAN_ACTIVITIES: Array<Array<string | number>> = [
  ['Activity', 'Pool', 'Driver', 'Minutes'],
  ['Process customer orders', 'Customer service', 'Orders', 8],
  ['Handle customer inquiries', 'Customer service', 'Inquiries', 44],
  ['Perform credit checks', 'Customer service', 'Credit checks', 50],
];

/** The second customer's id, name and segment; the first is always 1001 Alpha in Retail. */
export interface SecondCustomer {
  id: string | number;
  name: string;
  segment: string;
}

/** Text a spreadsheet would take for a formula, to prove the report writes it back as text. */
const FORMULA_LIKE: SecondCustomer = { id: '=1+1', name: '@x', segment: '+SUM(A1)' };

const DRIVERS = ['Orders', 'Inquiries', 'Credit checks'];
/** Alpha's and the second customer's orders, inquiries and credit checks, in the order of DRIVERS. */
const QUANTITIES = [
  [30000, 1000, 1500],
  [19000, 400, 1000],
];

/** What differs between the tests' Kaplan workbooks; without any, the workbook of the runner's own tests. */
export interface KaplanTweaks {
  negativeCost?: boolean;
  /** The pool's cost (560,000 when not given; negativeCost makes it −560,000). */
  poolCost?: number;
  /** The Period setting (`2004-Q1` when not given). */
  period?: string;
  /** The Currency setting (`USD` when not given). */
  currency?: string;
  dropCustomers?: boolean;
  /** A sheet of the user's after Settings, with a note in A1. */
  extraSheet?: string;
  /** The second customer in place of the formula-looking `=1+1` / `@x` / `+SUM(A1)`. */
  second?: Partial<SecondCustomer>;
  /**
   * The volumes on a sheet Volumes with an exact range: one row per customer and driver (long) or one
   * column per driver (wide). Without it, long rows on the sheet 'Trans actions', named by whole columns.
   */
  volumes?: 'long' | 'wide';
  /** Leaves out the Period setting, so that the settings given sit right below Currency. */
  noPeriod?: boolean;
  /** Settings rows after Currency and Period. */
  settings?: Cell[][];
  /** More sheets after Settings: name and cell A1 (a formula when it starts with `=`). */
  sheets?: Array<[string, string]>;
  /** More defined names after the model's. */
  names?: NameSpec[];
  /** The header of the customers' fifth column, `Segment` without it. */
  segmentHeader?: string;
}

/** The two customers: 1001 Alpha, and the second as `second` says. */
function customerRows(second: SecondCustomer, segmentHeader = 'Segment'): Cell[][] {
  return [
    ['Customer', 'Name', 'Revenue', 'COGS', segmentHeader],
    [1001, 'Alpha', 1000000, 600000, 'Retail'],
    [second.id, second.name, 500000, 300000, second.segment],
  ];
}

/** The volumes of both customers, one row per customer and driver or (wide) one column per driver. */
function volumeRows(ids: Array<string | number>, wide: boolean): Cell[][] {
  if (wide) return [['Customer', ...DRIVERS], ...ids.map((id, c) => [id, ...(QUANTITIES[c] ?? [])])];
  return [['Customer', 'Driver', 'Quantity'], ...ids.flatMap((id, c) => DRIVERS.map((driver, d) => [id, driver, QUANTITIES[c]?.[d] ?? 0]))];
}

/** Kaplan & Anderson's customer-service department (HBR 2004), split over two customers. */
export async function kaplanWorkbook(path: string, tweak: KaplanTweaks = {}): Promise<void> {
  const second = { ...FORMULA_LIKE, ...tweak.second };
  const volumes = volumeRows([1001, second.id], tweak.volumes === 'wide');
  const volumesSheet = tweak.volumes === undefined ? 'Trans actions' : 'Volumes';
  const volumesRange = tweak.volumes === undefined ? "'Trans actions'!$A:$C" : `Volumes!$A$1:$${tweak.volumes === 'wide' ? 'D' : 'C'}$${volumes.length}`;
  const settings: Cell[][] = [['Setting', 'Value'], ['Currency', tweak.currency ?? 'USD'], ...(tweak.noPeriod === true ? [] : [['Period', tweak.period ?? '2004-Q1']]), ...(tweak.settings ?? [])];
  const sheets = [...(tweak.extraSheet === undefined ? [] : [[tweak.extraSheet, 'my own notes'] as [string, string]]), ...(tweak.sheets ?? [])];
  const names: NameSpec[] = [
    { name: 'ABC_Pools', formula: 'Pools!$A$1:$C$2' },
    { name: 'ABC_Activities', formula: 'Activities!$A$1:$D$4' },
    ...(tweak.dropCustomers === true ? [] : [{ name: 'ABC_Customers', formula: 'Customers!$A$1:$E$3' }]),
    { name: 'ABC_Volumes', formula: volumesRange },
    { name: 'ABC_Settings', formula: `Settings!$A$1:$B$${settings.length}` },
    ...(tweak.names ?? []),
  ];
  await writeWorkbook(
    path,
    (wb) => {
      wb.addWorksheet('Pools').addRows(kaplanPools(tweak.negativeCost === true ? -560000 : (tweak.poolCost ?? 560000)));
      wb.addWorksheet('Activities').addRows(KAPLAN_ACTIVITIES);
      wb.addWorksheet('Customers').addRows(customerRows(second, tweak.segmentHeader));
      wb.addWorksheet(volumesSheet).addRows(volumes);
      wb.addWorksheet('Settings').addRows(settings);
      for (const [name, a1] of sheets) wb.addWorksheet(name).getCell('A1').value = a1.startsWith('=') ? { formula: a1.slice(1) } : a1;
    },
    names,
  );
}
