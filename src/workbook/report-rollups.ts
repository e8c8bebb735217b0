/**
 * Roll-ups of the customer P&L by each dimension of `ABC_Customers` (Segment, Region, Account manager …),
 * for the `ABC Summary` sheet: which segment or region loses money, before anyone builds a pivot table.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import type { DimensionValue } from '../engine/model';
import type { CostingResult, CustomerResult } from '../engine/result';
import { headerRow, integer, money, row, share, spacer, text } from './report-cells';
import { type ReportLanguage, reportText } from './report-text';
import type { ReportRow } from './report-types';

/** A dimension with more distinct values than this is an attribute (a name, a postcode), not a grouping. */
export const MAX_GROUPS = 40;

interface Group {
  label: string;
  customers: CustomerResult[];
}

function labelOf(value: DimensionValue | undefined, language: ReportLanguage): string {
  const t = reportText(language);
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return t.rollups.blank;
  // English keeps the label it always had (`true`), so its report stays the same to the letter.
  if (typeof value === 'boolean' && language !== 'en') return value ? t.common.true : t.common.false;
  return String(value);
}

/**
 * The dimensions worth rolling up, in column order, with their groups (ordered by net profit, highest
 * first), labelled in a language (blank values, and booleans in Dutch, are words).
 */
export function dimensionGroups(result: CostingResult, language: ReportLanguage = 'en'): Array<{ dimension: string; groups: Group[] }> {
  const dimensions = result.customers[0]?.dimensions.map(([name]) => name) ?? [];
  return dimensions.flatMap((dimension, index) => {
    const groups = new Map<string, Group>();
    for (const c of result.customers) {
      const label = labelOf(c.dimensions[index]?.[1], language);
      const group = groups.get(label) ?? { label, customers: [] };
      group.customers.push(c);
      groups.set(label, group);
    }
    // Every customer in its own group says nothing a sorted P&L does not already say.
    if (groups.size > MAX_GROUPS || groups.size === result.customers.length) return [];
    const netProfit = (g: Group): Dec => sum(g.customers.map((c) => c.netProfit));
    const ordered = [...groups.values()].sort((a, b) => netProfit(b).comparedTo(netProfit(a)) || (a.label < b.label ? -1 : 1));
    return [{ dimension, groups: ordered }];
  });
}

function figures(label: string, customers: readonly CustomerResult[], style: 'body' | 'total'): ReportRow {
  const total = (pick: (c: CustomerResult) => Dec): Dec => sum(customers.map(pick));
  const netRevenue = total((c) => c.netRevenue);
  const netProfit = total((c) => c.netProfit);
  const losing = customers.filter((c) => c.netProfit.lessThan(ZERO)).length;
  return row(style, [
    text(label),
    integer(customers.length),
    integer(losing),
    money(netRevenue),
    money(total((c) => c.grossMargin)),
    money(total((c) => c.costToServe)),
    money(total((c) => c.directCosts)),
    money(netProfit),
    share(netProfit, netRevenue),
  ]);
}

/** One block per dimension: customers, loss makers and the P&L lines per value, and a total. */
export function rollupRows(result: CostingResult, language: ReportLanguage = 'en'): ReportRow[] {
  const t = reportText(language);
  const h = t.rollups;
  return dimensionGroups(result, language).flatMap(({ dimension, groups }) => [
    row('section', [text(h.section(dimension))]),
    headerRow([dimension, h.customers, h.lossMaking, h.netRevenue, h.grossMargin, h.costToServe, h.directCosts, h.netProfit, h.netProfitPercent]),
    ...groups.map((g) => figures(g.label, g.customers, 'body')),
    figures(t.common.total, result.customers, 'total'),
    spacer(),
  ]);
}
