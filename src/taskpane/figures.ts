/**
 * The figures the pane shows after a run, from the result JSON (plain numbers, already rounded to cents),
 * and locale formatting for them.
 */
import { currencyCode } from '../workbook/report-layout';
import type { ResultJson } from '../workbook/result-json';
import type { ReportLanguage } from '../workbook/report-text';
import { whaleCurve, whalePlotPoints, whaleSentence } from '../workbook/whale-curve';

/** The headline figures. */
export interface Headline {
  netRevenue: number;
  grossMargin: number;
  costToServe: number;
  netProfit: number;
  operatingProfit: number;
  unusedCapacity: number;
  lossMaking: number;
  customers: number;
  /** Profit of the most profitable fifth over total customer profit; null when that total is zero. */
  topFifthShare: number | null;
}

/** Headline figures of a result. Sums are done in cents, so they are exact. */
export function headlineOf(json: ResultJson): Headline | null {
  const t = json.totals;
  if (t === null) return null;
  const profits = json.customers.map((c) => Math.round(c.netProfit * 100));
  const topCount = Math.ceil(profits.length / 5);
  const total = profits.reduce((a, b) => a + b, 0);
  const top = [...profits].sort((a, b) => b - a).slice(0, topCount).reduce((a, b) => a + b, 0);
  return {
    netRevenue: t.netRevenue,
    grossMargin: t.grossMargin,
    costToServe: t.costToServe,
    netProfit: t.netProfit,
    operatingProfit: t.operatingProfit,
    unusedCapacity: t.unusedCapacityCost,
    lossMaking: profits.filter((p) => p < 0).length,
    customers: profits.length,
    topFifthShare: total === 0 ? null : top / total,
  };
}

/**
 * Points of the whale curve: x the share of customers (0..1), y cumulative profit as a share of the total,
 * from the one description the report's chart uses (see whale-curve.ts); empty when the total is not positive.
 */
export function whalePoints(json: ResultJson): Array<{ x: number; y: number }> {
  return whalePlotPoints(whaleCurve(json.customers));
}

/** Number formatting for the pane's locale. */
export interface Formatter {
  money(amount: number): string;
  /** An amount to the cent, where whole units would hide a difference (the support methods side by side). */
  cents(amount: number): string;
  integer(n: number): string;
  percent(fraction: number): string;
  /** Staff in FTE: one or two decimals (0.21, 2.0). */
  fte(n: number): string;
}

/** Money with `digits` decimals in a currency code; a code that is no ISO 4217 code (the contract allows e.g. "kr") after the number. */
function moneyFormat(locale: string, code: string, digits: number): Pick<Intl.NumberFormat, 'format'> {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: code, maximumFractionDigits: digits, minimumFractionDigits: digits });
  } catch {
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    return { format: (n: number) => `${plain.format(n)} ${code}` };
  }
}

/** Formats for a BCP 47 locale (`nl-NL`), amounts in the model's currency (an ISO code or a symbol). */
export function formatter(locale: string, currency: string): Formatter {
  const money = moneyFormat(locale, currencyCode(currency), 0);
  const cents = moneyFormat(locale, currencyCode(currency), 2);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fte = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return { money: (n) => money.format(n), cents: (n) => cents.format(n), integer: (n) => integer.format(n), percent: (f) => percent.format(f), fte: (n) => fte.format(n) };
}

/** The whale curve in one sentence, the same as under the chart on the summary sheet. */
export function whaleSentenceOf(json: ResultJson, language: ReportLanguage): string {
  return whaleSentence(whaleCurve(json.customers), language);
}
