/**
 * A period's figures (engine/compare/figures.ts) as plain data, so they cross the task pane's Web Worker
 * boundary by structured clone (decimal.js values do not) and come back exactly: every amount, quantity
 * and rate is kept as its exact decimal text, never as a float, so a bridge computed from the copy is the
 * bridge of the original to the cent.
 */
import { type Dec, dec } from '../engine/decimal';
import type { ActivityFigures, CompanyFigures, CustomerFigures, PeriodFigures } from '../engine/compare/figures';
import type { DimensionValue } from '../engine/model';

/** A Dec as its exact decimal text. */
type Exact = string;

export interface CustomerFiguresJson {
  customer: string;
  name: string | null;
  segment: DimensionValue;
  revenue: Exact;
  discounts: Exact;
  cogs: Exact;
  activityCosts: Array<[string, Exact]>;
  unusedCapacity: Exact;
  directCosts: Exact;
  netProfit: Exact;
  quantities: Array<[string, Exact]>;
}

export interface PeriodFiguresJson {
  label: string | null;
  currency: string | null;
  activities: Array<{ activity: string; pool: string | null; terms: Array<{ driver: string; costPerUnit: Exact; minutes: Exact | null; ratePerMinute: Exact | null }> }>;
  customers: CustomerFiguresJson[];
  totals: Record<keyof CompanyFigures, Exact>;
}

const text = (d: Dec): Exact => d.toString();
const textOrNull = (d: Dec | null): Exact | null => (d === null ? null : d.toString());
const decOrNull = (s: Exact | null): Dec | null => (s === null ? null : dec(s));
const entries = (m: ReadonlyMap<string, Dec>): Array<[string, Exact]> => [...m].map(([k, v]) => [k, text(v)]);
const decimals = (list: ReadonlyArray<[string, Exact]>): Map<string, Dec> => new Map(list.map(([k, v]) => [k, dec(v)]));

const COMPANY_KEYS: ReadonlyArray<keyof CompanyFigures> = ['revenue', 'discounts', 'cogs', 'directCosts', 'unusedCapacityCost', 'unassignedCost', 'operatingProfit'];

/** The figures as plain, exact data. */
export function periodFiguresToJson(figures: PeriodFigures): PeriodFiguresJson {
  return {
    label: figures.label,
    currency: figures.currency,
    activities: figures.activities.map((a) => ({
      activity: a.activity,
      pool: a.pool,
      terms: a.terms.map((t) => ({ driver: t.driver, costPerUnit: text(t.costPerUnit), minutes: textOrNull(t.minutes), ratePerMinute: textOrNull(t.ratePerMinute) })),
    })),
    customers: figures.customers.map((c) => ({
      customer: c.customer,
      name: c.name,
      segment: c.segment,
      revenue: text(c.revenue),
      discounts: text(c.discounts),
      cogs: text(c.cogs),
      activityCosts: entries(c.activityCosts),
      unusedCapacity: text(c.unusedCapacity),
      directCosts: text(c.directCosts),
      netProfit: text(c.netProfit),
      quantities: entries(c.quantities),
    })),
    totals: Object.fromEntries(COMPANY_KEYS.map((k) => [k, text(figures.totals[k])])) as Record<keyof CompanyFigures, Exact>,
  };
}

/** The figures again, with every decimal exactly as it was. */
export function periodFiguresFromJson(json: PeriodFiguresJson): PeriodFigures {
  const activities: ActivityFigures[] = json.activities.map((a) => ({
    activity: a.activity,
    pool: a.pool,
    terms: a.terms.map((t) => ({ driver: t.driver, costPerUnit: dec(t.costPerUnit), minutes: decOrNull(t.minutes), ratePerMinute: decOrNull(t.ratePerMinute) })),
  }));
  const customers: CustomerFigures[] = json.customers.map((c) => ({
    customer: c.customer,
    name: c.name,
    segment: c.segment,
    revenue: dec(c.revenue),
    discounts: dec(c.discounts),
    cogs: dec(c.cogs),
    activityCosts: decimals(c.activityCosts),
    unusedCapacity: dec(c.unusedCapacity),
    directCosts: dec(c.directCosts),
    netProfit: dec(c.netProfit),
    quantities: decimals(c.quantities),
  }));
  const totals = Object.fromEntries(COMPANY_KEYS.map((k) => [k, dec(json.totals[k])])) as unknown as CompanyFigures;
  return { label: json.label, currency: json.currency, activities, customers, totals };
}
