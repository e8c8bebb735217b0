/**
 * Number formats and currency symbols of the report, shared by the xlsx writer, the Office.js writer and
 * the runner's console output, so that an amount looks the same wherever it appears.
 */
import type { CellFormat } from './report-types';

/** Currencies shown with their symbol; any other code is written after the amount. */
const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥' };

/** The symbols as they may be typed in `ABC_Settings` instead of the code. */
const CODES_BY_SYMBOL: Readonly<Record<string, string>> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };

/**
 * The currency as a short, safe code: trimmed, upper case, a symbol turned into its code, and anything that
 * could break a number format (quotes, backslashes, semicolons) removed. The value comes from the workbook.
 */
export function currencyCode(currency: string): string {
  const trimmed = currency.trim();
  const fromSymbol = CODES_BY_SYMBOL[trimmed];
  if (fromSymbol !== undefined) return fromSymbol;
  const cleaned = trimmed.toUpperCase().replace(/[^\p{L}\p{N} ]/gu, '').trim();
  return cleaned === '' ? 'EUR' : cleaned;
}

/**
 * How an amount in `currency` is written: the symbol in front (`€ ` with a space for the euro, as Dutch
 * controllers write it; `$` without), or the code behind for currencies without a known symbol.
 */
export function currencyAffixes(currency: string): { prefix: string; suffix: string } {
  const code = currencyCode(currency);
  const symbol = SYMBOLS[code];
  if (symbol === undefined) return { prefix: '', suffix: ` ${code}` };
  return { prefix: code === 'EUR' ? `${symbol} ` : symbol, suffix: '' };
}

/**
 * The Excel number format for a report cell format. Money carries the currency and shows negative amounts
 * in red; percentages are fractions shown with one decimal; rates keep four decimals because a cost per
 * minute of 0.8 and one of 0.8049 must not look alike.
 */
export function numberFormat(format: CellFormat, currency: string): string {
  switch (format) {
    case 'money': {
      const { prefix, suffix } = currencyAffixes(currency);
      const p = prefix === '' ? '' : `"${prefix}"`;
      const s = suffix === '' ? '' : ` "${suffix.trim()}"`;
      return `${p}#,##0.00${s};[Red]${p}-#,##0.00${s}`;
    }
    case 'percent':
      return '0.0%';
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'rate':
      return '#,##0.0000';
    case 'text':
      return '@';
  }
}
