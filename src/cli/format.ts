/**
 * Amounts for the console: thousands separators, two decimals and the currency as in the report sheets
 * (`€ 1,234.50`, `$-12.00`, `1,234.50 CHF`). Formatting works on the decimal's text, never on a float.
 */
import { type Dec, roundCents } from '../engine/decimal';
import { currencyAffixes } from '../workbook/report-layout';

/** Groups the digits of a non-negative integer in thousands. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1234567.5` → `1,234,567.50`, with a minus sign when negative. */
export function formatAmount(value: Dec): string {
  const fixed = roundCents(value).toFixed(2);
  const negative = fixed.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const text = `${group(whole)}.${cents}`;
  return negative && text !== '0.00' ? `-${text}` : text;
}

/** An amount with its currency. */
export function formatMoney(value: Dec, currency: string): string {
  const { prefix, suffix } = currencyAffixes(currency);
  return `${prefix}${formatAmount(value)}${suffix}`;
}

/** A fraction as a percentage with one decimal, or `n/a`. */
export function formatPercent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}
