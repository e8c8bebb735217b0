/** `ABC_Customers`: one row per customer, with revenue, COGS and any number of dimension columns. */
import { ZERO, type Dec } from '../engine/decimal';
import type { CustomerInput, DimensionValue } from '../engine/model';
import { isoDate } from './cells';
import { CONTRACT_HEADERS } from './contract-spec';
import { isBlank } from './grid';
import { matchHeaders, uniqueOthers } from './headers';
import { dropNearMisses } from './near-miss-headers';
import { INVALID, type NumberRule, type RangeReader, type RangeRows } from './range-reader';

const SIGNED: NumberRule = { allowNegative: true };
const UNSIGNED: NumberRule = { allowNegative: false };

/**
 * Reads the customers. A header that resembles a contract column is NEAR_MISS_HEADER unless
 * `meantDimensions` (the setting Dimensions, as name keys) lists it. A row's `where` is its Customer cell; a row without an id is dropped after
 * MISSING_VALUE. Revenue and COGS may be negative (returns can exceed sales in a period); Discounts may
 * not, because a negative discount is almost always a sign taken over from an ERP export and would
 * silently raise net revenue.
 */
export function readCustomers(reader: RangeReader, meantDimensions: readonly string[] = []): RangeRows<CustomerInput> {
  const spec = CONTRACT_HEADERS.ABC_Customers;
  const match = matchHeaders(reader, spec);
  const customer = match.columns.get('customer');
  const name = match.columns.get('name');
  const revenue = match.columns.get('revenue');
  const discounts = match.columns.get('discounts');
  const cogs = match.columns.get('cogs');
  const others = dropNearMisses(reader, match.others, spec, new Set(match.columns.keys()), new Set(meantDimensions), 'dimension');
  const dimensions = uniqueOthers(reader, others, 'dimension');

  const rows: CustomerInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (customer === undefined) return;
    const id = reader.requiredText(r, customer, 'customerId');
    const display = name === undefined ? null : reader.text(r, name);
    const rev = revenue === undefined ? ZERO : reader.requiredNumber(r, revenue, SIGNED, ZERO);
    const disc = discounts === undefined ? ZERO : optionalNumber(reader, r, discounts);
    const cost = cogs === undefined ? ZERO : reader.requiredNumber(r, cogs, SIGNED, ZERO);
    const dims: Array<[string, DimensionValue]> = [];
    for (const d of dimensions) dims.push([d.header, dimensionValue(reader, r, d.column)]);
    if (id === null) return;
    rows.push({
      id,
      name: display === INVALID ? null : display,
      revenue: rev,
      discounts: disc,
      cogs: cost,
      dimensions: dims,
      where: reader.where(r, customer),
    });
  });
  return { rows, dataRows };
}

function optionalNumber(reader: RangeReader, r: number, column: number): Dec {
  const v = reader.number(r, column, UNSIGNED);
  return v === null || v === INVALID ? ZERO : v;
}

/**
 * A dimension cell as it is: text verbatim, numbers and booleans unchanged, dates as ISO dates, a
 * percentage as the cell shows it ("2%"). Error values, formulas without a result, unreadable numbers
 * and non-finite numbers are reported (through the reader's text rules) and read as null.
 */
function dimensionValue(reader: RangeReader, r: number, column: number): DimensionValue {
  const value = reader.cell(r, column);
  if (isBlank(value) || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof Date) return isoDate(value);
  const text = reader.text(r, column);
  return text === INVALID ? null : text;
}
