/**
 * Issue 17's implausible model in miniature, as sheet rows and range names, for the runner (an .xlsx) and
 * the task pane (a fake workbook): two time-driven pools at € 1 a minute. Warehouse has 10,000 minutes and
 * uses 1,160 (11.6%, € 8,840 of unused capacity); Transport has 1,000 and uses 1,200 (120%, customers
 * charged € 200 more than it costs).
 */
export const TWO_POOL_SHEETS: ReadonlyArray<[sheet: string, rows: Array<Array<string | number>>]> = [
  ['Pools', [['Pool', 'Cost', 'Capacity'], ['Warehouse', 10000, 10000], ['Transport', 1000, 1000]]],
  [
    'Activities',
    [
      ['Activity', 'Pool', 'Driver', 'Minutes'],
      ['Picking', 'Warehouse', 'Order lines', 2],
      ['Delivery', 'Transport', 'Orders', 30],
    ],
  ],
  ['Customers', [['Customer', 'Name', 'Revenue', 'COGS'], ['C1', 'One', 50000, 30000], ['C2', 'Two', 20000, 12000]]],
  ['Volumes', [['Customer', 'Orders', 'Order lines'], ['C1', 30, 400], ['C2', 10, 180]]],
  ['Settings', [['Setting', 'Value'], ['Currency', 'EUR']]],
];

/** The contract's names over those sheets. */
export const TWO_POOL_NAMES: ReadonlyArray<{ name: string; formula: string }> = [
  { name: 'ABC_Pools', formula: 'Pools!$A$1:$C$3' },
  { name: 'ABC_Activities', formula: 'Activities!$A$1:$D$3' },
  { name: 'ABC_Customers', formula: 'Customers!$A$1:$D$3' },
  { name: 'ABC_Volumes', formula: 'Volumes!$A$1:$C$3' },
  { name: 'ABC_Settings', formula: 'Settings!$A$1:$B$2' },
];

/** The two warnings in English, as the runner prints them and the JSON and Summary carry them. */
export const LOW_USE_MESSAGE =
  'Pool "Warehouse" used 11.6% of its practical capacity (1,160 of 10,000 minutes): its unused capacity costs EUR 8,840.00, which no customer carries. Check the capacity and the minutes per driver unit.';
export const OVER_USE_MESSAGE =
  'Pool "Transport" used 1,200 minutes, 120.0% of its practical capacity of 1,000 (200 more): customers are charged EUR 200.00 more than the pool costs, shown as negative unused capacity. Check the minutes per driver unit or the capacity.';
