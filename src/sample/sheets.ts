/**
 * Lays the sample wholesaler out as the workbook contract's named ranges: one worksheet per range,
 * headers in row 1 (English), data below, each range starting at A1.
 */
import type { ContractRangeName } from '../workbook/contract';
import type { CellValue } from '../workbook/grid';
import type { WholesalerPlan } from './wholesaler';

/** One worksheet of the sample model with the named range it holds. */
export interface SampleSheet {
  sheet: string;
  rangeName: ContractRangeName;
  /** Header row first; the named range covers exactly these rows from A1. */
  rows: CellValue[][];
  /** Column widths in Excel character units, left to right. */
  columnWidths?: number[];
  /** Number format per column (null: General), for the data rows. */
  numberFormats?: (string | null)[];
}

const MONEY = '#,##0.00';
const COUNT = '#,##0';

/** Cents (an integer) as an amount; exact, since the shortest decimal form of n / 100 has two decimals. */
function amount(cents: number): number {
  return cents / 100;
}

function poolNote(p: WholesalerPlan['pools'][number]): string {
  if (p.supportBasis !== undefined) return `${p.fte ?? 0} FTE; support department without activities: its cost is passed on (see Support), basis: ${p.supportBasis}`;
  if (p.capacityMinutes === null) return `${p.fte ?? 0} FTE; conventional ABC: cost split by a time survey (see Share in Activities)`;
  return `${p.fte ?? 0} FTE × 1,600 h × 60 min × 80 % practical`;
}

function poolsSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [['Pool', 'Cost', 'Capacity', 'Unit', 'FTE', 'Note']];
  // Cost is blank: every pool's own cost is the sum of its lines in the Ledger, and the costing works
  // with an operating pool's cost after support, so a figure here would only be a copy to keep in step.
  for (const p of plan.pools) rows.push([p.pool, null, p.capacityMinutes, p.capacityMinutes === null ? null : 'minutes', p.fte, poolNote(p)]);
  return { sheet: 'Pools', rangeName: 'ABC_Pools', rows, columnWidths: [18, 16, 14, 10, 8, 60], numberFormats: [null, MONEY, COUNT, null, '0.0', null] };
}

function activitiesSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [['Activity', 'Pool', 'Driver', 'Minutes', 'Share', 'Rate', 'Low', 'High', 'Group']];
  for (const t of plan.terms) {
    rows.push([t.activity, t.pool, t.driver, t.minutes ?? null, t.share ?? null, t.rate ?? null, t.low ?? null, t.high ?? null, t.group ?? null]);
  }
  return {
    sheet: 'Activities',
    rangeName: 'ABC_Activities',
    rows,
    columnWidths: [30, 18, 26, 10, 10, 10, 10, 10, 24],
    // Only minutes rows have a range of their own, so Low and High show as minutes.
    numberFormats: [null, null, null, '0.0', '0%', MONEY, '0.0', '0.0', null],
  };
}

function customersSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [['Customer', 'Name', 'Segment', 'Region', 'Account manager', 'Revenue', 'Discounts', 'COGS']];
  for (const c of plan.customers) {
    rows.push([c.id, c.name, c.segment, c.region, c.accountManager, amount(c.revenueCents), amount(c.discountCents), amount(c.cogsCents)]);
  }
  return {
    sheet: 'Customers',
    rangeName: 'ABC_Customers',
    rows,
    columnWidths: [11, 40, 20, 10, 18, 16, 14, 16],
    numberFormats: ['0', null, null, null, null, MONEY, MONEY, MONEY],
  };
}

function volumesSheet(plan: WholesalerPlan): SampleSheet {
  // Reference and Date are there because a real ERP export has them; the contract ignores both.
  const rows: CellValue[][] = [['Customer', 'Driver', 'Quantity', 'Reference', 'Date']];
  for (const v of plan.volumes) rows.push([v.customer, v.driver, v.quantity, v.reference, v.date]);
  return {
    sheet: 'Transactions',
    rangeName: 'ABC_Volumes',
    rows,
    columnWidths: [11, 26, 10, 14, 12],
    numberFormats: ['0', null, COUNT, null, 'yyyy-mm-dd'],
  };
}

function customerCostsSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [['Customer', 'Item', 'Amount']];
  for (const c of plan.customerCosts) rows.push([c.customer, c.item, amount(c.amountCents)]);
  return { sheet: 'Customer costs', rangeName: 'ABC_CustomerCosts', rows, columnWidths: [11, 22, 14], numberFormats: ['0', null, MONEY] };
}

function settingsSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [
    ['Setting', 'Value'],
    ['Currency', 'EUR'],
    ['Period', plan.period],
    ['UnusedCapacity', 'report'],
    // Statements show every line per order.
    ['OrderDriver', 'Orders'],
    // The actions sheet's minimum lines per order.
    ['OrderLineDriver', 'Order lines'],
    // Every order is delivered in a drop of its own, so a minimum order saves drops too.
    ['OrderFollowingDrivers', 'Delivery drops'],
    // Estimates without a Low and High of their own (issue 21): a time survey is seldom closer than this.
    ['DefaultRange', '±20%'],
  ];
  return { sheet: 'Settings', rangeName: 'ABC_Settings', rows, columnWidths: [18, 12], numberFormats: [null, '@'] };
}

/**
 * Three what-if scenarios of the steering the issue describes: an order fee for hospitality, EDI order
 * entry for the retail chains (1 minute per order instead of 12), and a minimum order of 8 lines.
 */
function scenariosSheet(): SampleSheet {
  const rows: CellValue[][] = [
    ['Scenario', 'Scope', 'Change', 'Target', 'Value'],
    ['Order fee Hospitality', 'Segment=Hospitality', 'fee', 'Orders', 15],
    ['EDI order entry retail chains', 'Segment=Retail chain', 'minutes', 'Order entry / Orders', 1],
    ['Minimum order 8 lines', 'all', 'minimum order', null, 8],
  ];
  return { sheet: 'Scenarios', rangeName: 'ABC_Scenarios', rows, columnWidths: [32, 22, 16, 24, 10], numberFormats: [null, null, null, null, '0.00'] };
}

/** The ledger: each cost account's amount per pool, an account split over pools on one row per pool. */
function ledgerSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [['Account', 'Description', 'Amount', 'Pool']];
  for (const l of plan.ledger) rows.push([l.account, l.description, amount(l.amountCents), l.pool]);
  return { sheet: 'Ledger', rangeName: 'ABC_Resources', rows, columnWidths: [10, 36, 16, 18], numberFormats: ['0', null, MONEY, null] };
}

/** The support departments' cost flows: IT by PCs, HR & facilities by head count, Management by shares. */
function supportSheet(plan: WholesalerPlan): SampleSheet {
  const rows: CellValue[][] = [['From', 'To', 'Share', 'Quantity', 'Note']];
  for (const r of plan.support) rows.push([r.from, r.to, r.share, r.quantity, r.basis]);
  return { sheet: 'Support', rangeName: 'ABC_Support', rows, columnWidths: [18, 18, 10, 10, 40], numberFormats: [null, null, '0%', COUNT, null] };
}

/** The sample's worksheets in the contract's order. */
export function planToSheets(plan: WholesalerPlan): SampleSheet[] {
  return [
    poolsSheet(plan),
    activitiesSheet(plan),
    customersSheet(plan),
    volumesSheet(plan),
    customerCostsSheet(plan),
    settingsSheet(plan),
    scenariosSheet(),
    ledgerSheet(plan),
    supportSheet(plan),
  ];
}
