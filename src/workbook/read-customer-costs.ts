/** `ABC_CustomerCosts`: costs that belong to one customer (bonus, free freight, promotional support). */
import { ZERO } from '../engine/decimal';
import type { CustomerCostInput } from '../engine/model';
import { CONTRACT_HEADERS } from './contract-spec';
import { matchHeaders } from './headers';
import type { RangeReader, RangeRows } from './range-reader';

/**
 * Reads the customer costs. A row's `where` is its Customer cell; a row without a customer is dropped
 * after MISSING_VALUE. A negative Amount is allowed: it is a credit (a rebate received back, a
 * recharged freight cost) and raises the customer's net profit.
 */
export function readCustomerCosts(reader: RangeReader): RangeRows<CustomerCostInput> {
  const match = matchHeaders(reader, CONTRACT_HEADERS.ABC_CustomerCosts);
  const customer = match.columns.get('customer');
  const item = match.columns.get('item');
  const amount = match.columns.get('amount');
  const rows: CustomerCostInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (customer === undefined) return;
    const id = reader.requiredText(r, customer, 'customerId');
    const what = item === undefined ? null : reader.requiredText(r, item, 'costItem');
    const value = amount === undefined ? ZERO : reader.requiredNumber(r, amount, { allowNegative: true }, ZERO);
    if (id === null) return;
    rows.push({ customer: id, item: what ?? '', amount: value, where: reader.where(r, customer) });
  });
  return { rows, dataRows };
}
