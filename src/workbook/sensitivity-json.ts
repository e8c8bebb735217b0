/**
 * The `sensitivity` of the runner's `--json` document (issue 21): the tornado (exact, money rounded to
 * cents with the exact text of large amounts beside it, see exact-money.ts), every customer's simulated
 * range and chance of a loss (estimates, floating point, as the simulation gives them), the company's
 * range, the customers to look closer at, and the time equations checked against the paid minutes.
 */
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import type { TermKind } from '../engine/model';
import type { SensitivityResult, TornadoBar } from '../engine/sensitivity/types';
import { type ExactMoney, exactPart } from './exact-money';
import { tornadoEffects } from './report-sensitivity';

/** One estimate's bar of the tornado, the largest swing first. */
export interface TornadoBarJson {
  rank: number;
  activity: string;
  pool: string | null;
  driver: string | null;
  kind: TermKind;
  /** The estimate today, and its range (minutes per unit, a share as a fraction, or a cost per unit). */
  value: number;
  low: number;
  high: number;
  group: string | null;
  /** Operating profit with capacity resized, the estimate at Low and at High, and the difference's size. */
  profitAtLow: number;
  profitAtHigh: number;
  swing: number;
  /** The same against today's operating profit: what the tornado chart draws. */
  effectAtLow: number;
  effectAtHigh: number;
  /** Today's loss-making customers' net profit together, the estimate at Low and at High. */
  lossMakersAtLow: number;
  lossMakersAtHigh: number;
  exact?: ExactMoney;
}

/** A customer's net profit over the simulation; all but `netProfit` (exact, today's) are estimates. */
export interface CustomerRangeJson {
  customer: string;
  name: string | null;
  netProfit: number;
  p10: number;
  median: number;
  p90: number;
  /** The share of draws with a loss, 0 to 1. */
  lossChance: number;
  exact?: ExactMoney;
}

export interface PoolCheckJson {
  pool: string;
  explainedMinutes: number;
  /** Null when the pool has no FTE or MinutesPerFTE. */
  paidMinutes: number | null;
  /** explainedMinutes ÷ paidMinutes; null without paid minutes. */
  overstatement: number | null;
}

export interface SensitivityJson {
  simulations: number;
  seed: number;
  tornado: TornadoBarJson[];
  /** In the order of the document's customers. */
  customers: CustomerRangeJson[];
  /** Operating profit with capacity resized over the simulation. */
  company: { p10: number; median: number; p90: number };
  /** Ids of the customers whose chance of a loss is between 10% and 90%. */
  lookCloser: string[];
  checks: PoolCheckJson[];
}

const money = (d: Dec): number => toNumber(roundCents(d));
/** A simulated amount to the cent: an estimate, so its further digits carry nothing. */
const cents = (v: number): number => Math.round(v * 100) / 100;

function barToJson(bar: TornadoBar, index: number): TornadoBarJson {
  const e = bar.estimate;
  const effects = tornadoEffects(bar);
  return {
    rank: index + 1,
    activity: e.activity,
    pool: e.pool,
    driver: e.driver,
    kind: e.kind,
    value: toNumber(e.value),
    low: toNumber(e.low),
    high: toNumber(e.high),
    group: e.group,
    profitAtLow: money(bar.profitAtLow),
    profitAtHigh: money(bar.profitAtHigh),
    swing: money(bar.swing),
    effectAtLow: toNumber(effects.low),
    effectAtHigh: toNumber(effects.high),
    lossMakersAtLow: money(bar.lossMakersAtLow),
    lossMakersAtHigh: money(bar.lossMakersAtHigh),
    ...exactPart({ profitAtLow: bar.profitAtLow, profitAtHigh: bar.profitAtHigh, swing: bar.swing, lossMakersAtLow: bar.lossMakersAtLow, lossMakersAtHigh: bar.lossMakersAtHigh }),
  };
}

/** The `sensitivity` field of the `--json` document. */
export function sensitivityToJson(s: SensitivityResult): SensitivityJson {
  return {
    simulations: s.simulations,
    seed: s.seed,
    tornado: s.tornado.map(barToJson),
    customers: s.customers.map((r) => ({
      customer: r.customer,
      name: r.name,
      netProfit: money(r.netProfit),
      p10: cents(r.p10),
      median: cents(r.median),
      p90: cents(r.p90),
      lossChance: r.lossChance,
      ...exactPart({ netProfit: r.netProfit }),
    })),
    company: { p10: cents(s.company.p10), median: cents(s.company.median), p90: cents(s.company.p90) },
    lookCloser: [...s.lookCloser],
    checks: s.checks.map((p) => ({
      pool: p.pool,
      explainedMinutes: toNumber(p.explainedMinutes),
      paidMinutes: p.paidMinutes === null ? null : toNumber(p.paidMinutes),
      overstatement: p.overstatement === null ? null : toNumber(p.overstatement),
    })),
  };
}
