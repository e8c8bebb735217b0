/** Small builders for the support stage's tests: pools with costs and ABC_Support rows at their cells. */
import { type Dec, dec } from '../../../src/engine/decimal';
import type { Where } from '../../../src/engine/issues';
import type { SupportPoolInput } from '../../../src/engine/support/pass-on';
import type { SupportLinkInput, SupportResult } from '../../../src/engine/support/types';

/** Row `row` of the Support sheet (headers on row 1), From in column A, To in B, Share in C, Quantity in D. */
export const supportCell = (row: number, column = 'A'): Where => ({ range: 'ABC_Support', sheet: 'Support', cell: `${column}${row}` });

export function pools(costs: Record<string, number | string>): SupportPoolInput[] {
  return Object.entries(costs).map(([name, cost], i) => ({ name, cost: dec(cost), where: { range: 'ABC_Pools', sheet: 'Pools', cell: `A${i + 2}` } }));
}

/** Rows `[from, to, share]` or `[from, to, null, quantity]`, on sheet rows 2, 3, … */
export function links(rows: readonly (readonly [string, string, number | string | null, (number | string | null)?])[]): SupportLinkInput[] {
  return rows.map(([from, to, share, quantity], i) => ({
    from,
    to,
    share: share === null ? null : dec(share),
    quantity: quantity === undefined || quantity === null ? null : dec(quantity),
    where: supportCell(i + 2),
    fromWhere: supportCell(i + 2, 'A'),
    toWhere: supportCell(i + 2, 'B'),
  }));
}

/** A map of decimals as plain strings, for readable expectations. */
export const texts = (m: ReadonlyMap<string, Dec>): Record<string, string> => Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed(2)]));

/** The flows as `from → to: amount` lines. */
export const flowTexts = (r: SupportResult): string[] => r.flows.map((f) => `${f.from} → ${f.to}: ${f.amount.toFixed(2)}`);
