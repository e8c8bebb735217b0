/** The statement picker's search: customers whose id or name contains what was typed. */

/** A customer as the picker lists it. */
export interface PickerCustomer {
  customer: string;
  name: string | null;
}

/** What the picker shows for a customer: `id — name`, or the id alone. */
export function customerLabel(c: PickerCustomer): string {
  return c.name === null || c.name === '' ? c.customer : `${c.customer} — ${c.name}`;
}

/**
 * The customers whose id or name contains `query` (ignoring case and surrounding spaces), ids that start
 * with it first, at most `limit`: the list stays short enough to draw at once for thousands of customers.
 */
export function matchCustomers<C extends PickerCustomer>(customers: readonly C[], query: string, limit = 50): C[] {
  const q = query.trim().toLowerCase();
  if (q === '') return customers.slice(0, limit);
  const starts: C[] = [];
  const contains: C[] = [];
  for (const c of customers) {
    const id = c.customer.toLowerCase();
    if (id.startsWith(q)) starts.push(c);
    else if (id.includes(q) || (c.name ?? '').toLowerCase().includes(q)) contains.push(c);
  }
  return [...starts, ...contains].slice(0, limit);
}
