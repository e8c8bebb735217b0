/**
 * The main cause of a customer's change (engine/compare/types.ts `MainCause`) in words, for the Comparison
 * sheet and the pane: "2,000 more orders at € 6.40", "cost per minute of Warehouse +6% (€ 0.80 → € 0.85)".
 * Amounts are written with the currency as the cost-flow picture writes them (flow-svg.ts); a cost item
 * (discounts, COGS, direct costs, unused capacity) is phrased as the change in that cost, not as its
 * effect on profit, because "cost of goods sold +€ 6,000.00" is how a controller says it.
 */
import type { MainCause } from '../engine/compare/types';
import type { Dec } from '../engine/decimal';
import { flowMoney } from './flow-svg';
import { flowText } from './flow-text';
import { currencyAffixes } from './report-format';
import type { ReportLanguage } from './report-text';

/** The texts a cause is made of, per language. */
interface CauseText {
  newCustomer: string;
  lostCustomer: string;
  revenue: string;
  discounts: string;
  cogs: string;
  unusedCapacity: string;
  directCosts: string;
  /** `more`: the quantity grew; `count` and `rate` are written already. */
  volume: (a: { more: boolean; count: string; driver: string; rate: string }) => string;
  timePerUnit: (a: { driver: string; now: string; then: string }) => string;
  costPerMinute: (a: { of: string; percent: string; then: string; now: string }) => string;
  costPerUnit: (a: { driver: string; percent: string; then: string; now: string }) => string;
}

const EN: CauseText = {
  newCustomer: 'new customer',
  lostCustomer: 'customer lost',
  revenue: 'revenue',
  discounts: 'discounts',
  cogs: 'cost of goods sold',
  unusedCapacity: 'unused capacity charged',
  directCosts: 'direct costs',
  volume: (a) => `${a.count} ${a.more ? 'more' : 'fewer'} ${a.driver} at ${a.rate}`,
  timePerUnit: (a) => `${a.driver} take ${a.now} instead of ${a.then} minutes`,
  costPerMinute: (a) => `cost per minute of ${a.of} ${a.percent} (${a.then} → ${a.now})`,
  costPerUnit: (a) => `cost per unit of ${a.driver} ${a.percent} (${a.then} → ${a.now})`,
};

const NL: CauseText = {
  newCustomer: 'nieuwe klant',
  lostCustomer: 'klant verloren',
  revenue: 'omzet',
  discounts: 'korting',
  cogs: 'kostprijs omzet',
  unusedCapacity: 'onbenutte capaciteit toegerekend',
  directCosts: 'directe kosten',
  volume: (a) => `${a.count} ${a.driver} ${a.more ? 'meer' : 'minder'} à ${a.rate}`,
  timePerUnit: (a) => `${a.driver} duren ${a.now} in plaats van ${a.then} minuten`,
  costPerMinute: (a) => `kosten per minuut van ${a.of} ${a.percent} (${a.then} → ${a.now})`,
  costPerUnit: (a) => `kosten per eenheid van ${a.driver} ${a.percent} (${a.then} → ${a.now})`,
};

const TEXTS: { readonly [L in ReportLanguage]: CauseText } = { en: EN, nl: NL };

/**
 * A decimal with the language's separators, at least `min` and at most `max` decimals (trailing zeros
 * beyond `min` dropped), from the decimal's own digits, never through a float.
 */
function numberText(value: Dec, min: number, max: number, language: ReportLanguage): string {
  const { thousands, decimal } = flowText(language).numbers;
  const fixed = value.toDecimalPlaces(max).toFixed(max);
  const negative = fixed.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? fixed.slice(1) : fixed).split('.');
  let digits = fraction;
  while (digits.length > min && digits.endsWith('0')) digits = digits.slice(0, -1);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${negative ? '-' : ''}${grouped}${digits === '' ? '' : `${decimal}${digits}`}`;
}

/**
 * A cost per unit or per minute: two decimals, more (up to four) where it has them, so that a cost per
 * minute of 0.8049 does not read as 0.80.
 */
function rateText(value: Dec, currency: string, language: ReportLanguage): string {
  const { prefix, suffix } = currencyAffixes(currency);
  return `${prefix}${numberText(value, 2, 4, language)}${suffix}`;
}

/** A change as a signed amount: `+€ 10,000.00`, `-€ 320.00`. */
function signedMoney(amount: Dec, currency: string, language: ReportLanguage): string {
  return `${amount.isNegative() && !amount.isZero() ? '-' : '+'}${flowMoney(currency, language)(amount.abs())}`;
}

/** The relative change from `then` to `now` as a signed whole percentage (`+6%`), or empty when `then` is zero. */
function percentChange(then: Dec, now: Dec): string {
  if (then.isZero()) return '';
  const percent = now.minus(then).dividedBy(then.abs()).times(100).toDecimalPlaces(0);
  return `${percent.isNegative() && !percent.isZero() ? '' : '+'}${percent.toFixed(0)}%`;
}

/**
 * A driver's name as it reads inside a sentence: lower case first letter ("orders"), unless the name
 * starts with an abbreviation ("EDI messages"), which keeps its capitals.
 */
function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

/** The main cause in words, in `language`, amounts in `currency`. */
export function causeText(cause: MainCause, currency: string, language: ReportLanguage): string {
  const t = TEXTS[language];
  const rate = (d: Dec): string => rateText(d, currency, language);
  switch (cause.kind) {
    case 'new':
      return t.newCustomer;
    case 'lost':
      return t.lostCustomer;
    case 'revenue':
      return `${t.revenue} ${signedMoney(cause.amount, currency, language)}`;
    case 'discounts':
    case 'cogs':
    case 'unusedCapacity':
    case 'directCosts':
      // The amount is the effect on profit; the words say how the cost itself moved.
      return `${t[cause.kind]} ${signedMoney(cause.amount.negated(), currency, language)}`;
    case 'volume': {
      const change = cause.quantityAfter.minus(cause.quantityBefore);
      return t.volume({ more: !change.isNegative(), count: numberText(change.abs(), 0, 2, language), driver: inSentence(cause.driver), rate: rate(cause.costPerUnit) });
    }
    case 'timePerUnit':
      return t.timePerUnit({ driver: cause.driver, now: numberText(cause.minutesAfter, 0, 2, language), then: numberText(cause.minutesBefore, 0, 2, language) });
    case 'costPerMinute':
      return t.costPerMinute({ of: cause.pool ?? cause.activity, percent: percentChange(cause.rateBefore, cause.rateAfter), then: rate(cause.rateBefore), now: rate(cause.rateAfter) });
    case 'costPerUnit':
      return t.costPerUnit({ driver: inSentence(cause.driver), percent: percentChange(cause.costBefore, cause.costAfter), then: rate(cause.costBefore), now: rate(cause.costAfter) });
  }
}
