/**
 * Amounts for the console: thousands separators, two decimals and the currency as in the report sheets
 * (`€ 1,234.50`, `$-12.00`, `1,234.50 CHF`; in Dutch `€ 1.234,50`). Formatting works on the decimal's
 * text, never on a float.
 */
import { type Dec, roundCents } from '../engine/decimal';
import { currencyAffixes, type ReportLanguage } from '../workbook/report-layout';
import { cliText } from './cli-text';

/** Groups the digits of a non-negative integer in thousands. */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `1234567.5` → `1,234,567.50` (Dutch: `1.234.567,50`), with a minus sign when negative. */
export function formatAmount(value: Dec, language: ReportLanguage = 'en'): string {
  const { thousands, decimal } = cliText(language).numbers;
  const fixed = roundCents(value).toFixed(2);
  const negative = fixed.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const zero = whole.replace(/0/g, '') === '' && cents === '00';
  const text = `${group(whole, thousands)}${decimal}${cents}`;
  return negative && !zero ? `-${text}` : text;
}

/** An amount with its currency. */
export function formatMoney(value: Dec, currency: string, language: ReportLanguage = 'en'): string {
  const { prefix, suffix } = currencyAffixes(currency);
  return `${prefix}${formatAmount(value, language)}${suffix}`;
}

/** A fraction as a percentage with one decimal, or `n/a` (`n.v.t.`). */
export function formatPercent(value: number | null, language: ReportLanguage = 'en'): string {
  const t = cliText(language);
  return value === null ? t.notApplicable : `${(value * 100).toFixed(1).replace('.', t.numbers.decimal)}%`;
}
