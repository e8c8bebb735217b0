/**
 * The workbook contract v1 as data: which named ranges exist and which headers each one accepts.
 * The parser matches headers with it, the add-in's "New empty model" writes the English headers from it,
 * and a test checks that docs/workbook-contract.md lists every header, so code and docs cannot drift apart.
 */

import type { ColumnKey } from '../engine/messages';

/** The contract's named ranges, in the order a model is read and documented. */
export const CONTRACT_RANGES = [
  'ABC_Pools',
  'ABC_Activities',
  'ABC_Customers',
  'ABC_Volumes',
  'ABC_CustomerCosts',
  'ABC_Settings',
  'ABC_Scenarios',
  'ABC_Resources',
  'ABC_Support',
] as const;

/** One of the contract's named ranges. */
export type ContractRangeName = (typeof CONTRACT_RANGES)[number];

/** One column of a range as the contract defines it. */
export interface ContractColumn {
  /** Stable key used by the parser and the messages; never shown to users. */
  key: ColumnKey;
  /** The English header, written by "New empty model". */
  en: string;
  /** The Dutch header. */
  nl: string;
  /** Further accepted headers (also matched case-insensitively). */
  also: readonly string[];
  /**
   * True when the header must be present. Some columns are needed only in some situations (Capacity for a
   * time-driven pool, Driver and Quantity for long-form volumes); those are false here and explained in `note`.
   */
  required: boolean;
  /** One line for documentation and tooltips. */
  note: string;
}

/** One named range of the contract. */
export interface ContractRange {
  name: ContractRangeName;
  /** A required range that is absent is the error MISSING_RANGE. */
  required: boolean;
  columns: readonly ContractColumn[];
  /** What happens to columns whose header is none of `columns`. */
  otherColumns: 'ignored' | 'dimensions' | 'drivers or ignored';
}

function column(key: ColumnKey, en: string, nl: string, required: boolean, note: string, also: readonly string[] = []): ContractColumn {
  return { key, en, nl, also, required, note };
}

/** Every range of the contract with its columns. */
export const CONTRACT_HEADERS: { readonly [K in ContractRangeName]: ContractRange } = {
  ABC_Pools: {
    name: 'ABC_Pools',
    required: true,
    otherColumns: 'ignored',
    columns: [
      column('pool', 'Pool', 'Kostenpool', true, 'Text, unique: the name of the resource cost pool.'),
      column('cost', 'Cost', 'Kosten', true, 'Number >= 0: the cost of the pool for the period.'),
      column('capacity', 'Capacity', 'Capaciteit', false, 'Number > 0: practical capacity for the period; needed for a time-driven pool.'),
      column('unit', 'Unit', 'Eenheid', false, 'minutes/minuten (default) or hours/uren: the unit of Capacity.'),
      column('fte', 'FTE', 'FTE', false, "Number > 0, optional: full-time staff behind the capacity, for scenarios' freed staff."),
    ],
  },
  ABC_Activities: {
    name: 'ABC_Activities',
    required: true,
    otherColumns: 'ignored',
    columns: [
      column('activity', 'Activity', 'Activiteit', true, 'Text: the activity this term belongs to.'),
      column('pool', 'Pool', 'Kostenpool', true, 'The pool, for Minutes and Share rows; blank for Rate rows.'),
      column('driver', 'Driver', 'Kostendrijver', true, 'The driver counted per customer; blank on a Share row for business-sustaining cost.'),
      column('minutes', 'Minutes', 'Minuten', false, 'Number >= 0: minutes per driver unit (time-driven).'),
      column('share', 'Share', 'Aandeel', false, "Number >= 0: fraction of the pool's cost (conventional); 70% or 0.7."),
      column('rate', 'Rate', 'Tarief', false, 'Number >= 0: cost per driver unit.'),
      column('low', 'Low', 'Laag', false, "Number >= 0, optional, with High: the lowest plausible value of the row's Minutes, Share or Rate, at most it."),
      column('high', 'High', 'Hoog', false, "Number >= 0, optional, with Low: the highest plausible value of the row's Minutes, Share or Rate, at least it."),
      column('group', 'Group', 'Groep', false, 'Text, optional: estimates of one group move together in the simulation (one survey, one department).'),
    ],
  },
  ABC_Customers: {
    name: 'ABC_Customers',
    required: true,
    otherColumns: 'dimensions',
    columns: [
      column('customer', 'Customer', 'Klant', true, 'Id, text or number, unique.'),
      column('name', 'Name', 'Naam', false, 'Text, optional.'),
      column('revenue', 'Revenue', 'Omzet', true, 'Number: gross sales of the period (may be negative).'),
      column('discounts', 'Discounts', 'Korting', false, 'Number >= 0, optional, default 0.'),
      column('cogs', 'COGS', 'Kostprijs omzet', true, 'Number: cost of goods sold (may be negative).', ['Inkoopwaarde']),
    ],
  },
  ABC_Volumes: {
    name: 'ABC_Volumes',
    required: true,
    otherColumns: 'drivers or ignored',
    columns: [
      column('customer', 'Customer', 'Klant', true, 'The customer id.'),
      column('driver', 'Driver', 'Kostendrijver', false, 'Long form only: the driver name.'),
      column('quantity', 'Quantity', 'Aantal', false, 'Long form only: number >= 0; blank is 0.'),
    ],
  },
  ABC_CustomerCosts: {
    name: 'ABC_CustomerCosts',
    required: false,
    otherColumns: 'ignored',
    columns: [
      column('customer', 'Customer', 'Klant', true, 'The customer id.'),
      column('item', 'Item', 'Kostenpost', true, 'Text: what the cost is (bonus, free freight …).'),
      column('amount', 'Amount', 'Bedrag', true, 'Number: the cost; negative for a credit.'),
    ],
  },
  ABC_Settings: {
    name: 'ABC_Settings',
    required: false,
    otherColumns: 'ignored',
    columns: [
      column('setting', 'Setting', 'Instelling', true, 'Currency, Period or UnusedCapacity.'),
      column('value', 'Value', 'Waarde', true, "The setting's value."),
    ],
  },
  ABC_Scenarios: {
    name: 'ABC_Scenarios',
    required: false,
    otherColumns: 'ignored',
    columns: [
      column('scenario', 'Scenario', 'Scenario', true, 'Text: the scenario the row belongs to; rows with the same name make one scenario.'),
      column('scope', 'Scope', 'Bereik', true, 'all / alle, a customer id, or Dimension=value (Segment=Hospitality).'),
      column('change', 'Change', 'Wijziging', true, 'quantity, price, fee, minutes, capacity or minimum order (aantal, prijs, vergoeding, minuten, capaciteit, minimumorder).'),
      column('target', 'Target', 'Doel', false, 'A driver (quantity, fee), Activity / Driver (minutes) or a pool (capacity); blank for price and minimum order.'),
      column('value', 'Value', 'Waarde', true, 'A percentage typed with % (-30%), or a plain number (a fee, minutes, lines per order, a capacity).'),
    ],
  },
  ABC_Resources: {
    name: 'ABC_Resources',
    required: false,
    otherColumns: 'ignored',
    columns: [
      column('account', 'Account', 'Rekening', true, 'Text or number: the ledger account (4100 is read as "4100"); an account split over pools has one row per pool.', ['Grootboekrekening']),
      column('description', 'Description', 'Omschrijving', false, 'Text, optional: what the account is.'),
      column('amount', 'Amount', 'Bedrag', true, 'Number >= 0: the amount of the account booked to the pool.'),
      column('pool', 'Pool', 'Kostenpool', true, 'The pool of ABC_Pools (or a support pool) the amount is booked to.'),
    ],
  },
  ABC_Support: {
    name: 'ABC_Support',
    required: false,
    otherColumns: 'ignored',
    columns: [
      column('from', 'From', 'Van', true, 'The support pool that passes its cost on.'),
      column('to', 'To', 'Naar', true, 'The pool that receives part of it.'),
      column('share', 'Share', 'Aandeel', false, "Number above 0 and at most 1: the part of the From pool's cost; 40% or 0.4."),
      column('quantity', 'Quantity', 'Aantal', false, "Number >= 0: the To pool's quantity of a basis (PCs, m², head count); the share is it ÷ the From pool's total."),
    ],
  },
};

/** Every header a column accepts: English, Dutch and the further aliases. */
export function columnHeaders(col: ContractColumn): string[] {
  return [col.en, col.nl, ...col.also];
}
