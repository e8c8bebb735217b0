/**
 * Money in the `--json` document is a JSON number, which readers take as a double. A double holds every
 * cent exactly only below about 7 × 10^13 (beyond, two neighbouring cents share one double), so amounts of
 * 10^13 or more in size also travel as exact text: `exact: { field: "12345678901234.56" }` next to the
 * numbers. Company totals always carry it — they are sums, and the figures a controller reconciles.
 */
import { type Dec, dec, roundCents } from '../engine/decimal';

/** From this size on, an amount is given as text too; below it, the JSON number is exact to the cent. */
export const EXACT_TEXT_FROM = dec('1e13');

/** The exact text of a money field, or of each entry of a map of money. */
export type ExactMoney = Record<string, string | Record<string, string>>;

/** An amount as text with two decimals, rounded to the cent; never `-0.00`. */
export function moneyText(d: Dec): string {
  const cents = roundCents(d);
  return cents.isZero() ? '0.00' : cents.toFixed(2);
}

function needsText(d: Dec): boolean {
  return d.abs().greaterThanOrEqualTo(EXACT_TEXT_FROM);
}

type MoneyField = Dec | null | Iterable<readonly [string, Dec]>;

function isDec(value: MoneyField): value is Dec {
  return value !== null && typeof (value as Dec).toFixed === 'function';
}

/**
 * `{ exact }` with the text of those `fields` that need it (an entry of a map field needs it on its own),
 * or `{}` when every amount is exact as a number. Spread into the record beside its numbers.
 */
export function exactPart(fields: Record<string, MoneyField>): { exact?: ExactMoney } {
  const pairs: Array<[string, string | Record<string, string>]> = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) continue;
    if (isDec(value)) {
      if (needsText(value)) pairs.push([key, moneyText(value)]);
      continue;
    }
    const entries: Array<[string, string]> = [];
    for (const [name, amount] of value) if (needsText(amount)) entries.push([name, moneyText(amount)]);
    // Names come from the workbook: defined as own properties, so `__proto__` stays data.
    if (entries.length > 0) pairs.push([key, Object.fromEntries(entries)]);
  }
  return pairs.length === 0 ? {} : { exact: Object.fromEntries(pairs) };
}

/** The text of every field, whatever its size: for the company totals. */
export function allText<K extends string>(fields: Record<K, Dec>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(fields) as K[]) out[key] = moneyText(fields[key]);
  return out;
}
