/**
 * A scenario's outcome in the `--json` document, under `scenarios`: money as numbers rounded to cents,
 * minutes and staff unrounded, as in the rest of the document.
 */
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import type { ScenarioHeadline, ScenarioOutcome } from '../engine/scenarios/types';
import { allText, moneyText } from './exact-money';

/** Headline figures of the company, before or after a scenario. */
export interface ScenarioHeadlineJson {
  netRevenue: number;
  fees: number;
  costToServe: number;
  customerNetProfit: number;
  unusedCapacityCost: number;
  unassignedCost: number;
  operatingProfit: number;
  /** Every figure as exact text with two decimals (company sums lose cents as numbers beyond about 7 × 10^13). */
  exact: Record<Exclude<keyof ScenarioHeadlineJson, 'exact'>, string>;
}

/** One scenario's figures. */
export interface ScenarioJson {
  scenario: string;
  before: ScenarioHeadlineJson;
  /** With today's capacity. */
  after: ScenarioHeadlineJson;
  /** With capacity resized to what is used: `after.operatingProfit` + the freed minutes' cost. */
  operatingProfitResized: number;
  /** `operatingProfitResized` as exact text. */
  operatingProfitResizedExact: string;
  pools: Array<{
    pool: string;
    capacityBefore: number;
    capacityAfter: number;
    usedBefore: number;
    usedAfter: number;
    freedMinutes: number;
    freedFte: number | null;
    freedCost: number;
  }>;
  customers: ScenarioCustomerJson[];
}

/** A customer whose net profit the scenario changes. */
export interface ScenarioCustomerJson {
  customer: string;
  name: string | null;
  netProfitBefore: number;
  netProfitAfter: number;
  fees: number;
}

/** The engine rounds money to cents already; rounding again is a no-op that guarantees it. */
const money = (d: Dec): number => plain(roundCents(d));

/** A number without a negative zero (a cell shows 0, a test sees -0). */
function plain(d: Dec): number {
  const n = toNumber(d);
  return n === 0 ? 0 : n;
}

function headlineJson(h: ScenarioHeadline): ScenarioHeadlineJson {
  return {
    netRevenue: money(h.netRevenue),
    fees: money(h.fees),
    costToServe: money(h.costToServe),
    customerNetProfit: money(h.customerNetProfit),
    unusedCapacityCost: money(h.unusedCapacityCost),
    unassignedCost: money(h.unassignedCost),
    operatingProfit: money(h.operatingProfit),
    exact: allText({
      netRevenue: h.netRevenue,
      fees: h.fees,
      costToServe: h.costToServe,
      customerNetProfit: h.customerNetProfit,
      unusedCapacityCost: h.unusedCapacityCost,
      unassignedCost: h.unassignedCost,
      operatingProfit: h.operatingProfit,
    }),
  };
}

/** One scenario as JSON. */
export function scenarioToJson(o: ScenarioOutcome): ScenarioJson {
  return {
    scenario: o.scenario,
    before: headlineJson(o.before),
    after: headlineJson(o.after),
    operatingProfitResized: money(o.operatingProfitResized),
    operatingProfitResizedExact: moneyText(o.operatingProfitResized),
    pools: o.pools.map((p) => ({
      pool: p.pool,
      capacityBefore: plain(p.capacityBefore),
      capacityAfter: plain(p.capacityAfter),
      usedBefore: plain(p.usedBefore),
      usedAfter: plain(p.usedAfter),
      freedMinutes: plain(p.freedMinutes),
      freedFte: p.freedFte === null ? null : plain(p.freedFte),
      freedCost: money(p.freedCost),
    })),
    customers: o.customers.map((c) => ({
      customer: c.customer,
      name: c.name,
      netProfitBefore: money(c.netProfitBefore),
      netProfitAfter: money(c.netProfitAfter),
      fees: money(c.fees),
    })),
  };
}
