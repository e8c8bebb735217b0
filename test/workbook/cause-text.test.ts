/**
 * A customer's main cause in words (cause-text.ts), for every kind in English and Dutch, with amounts in
 * the currency as the report's other texts write them (thousands and decimal separators per language).
 */
import type { MainCause } from '../../src/engine/compare/types';
import { dec } from '../../src/engine/decimal';
import { causeText } from '../../src/workbook/cause-text';

const CASES: Array<[MainCause, string, string]> = [
  [{ kind: 'new' }, 'new customer', 'nieuwe klant'],
  [{ kind: 'lost' }, 'customer lost', 'klant verloren'],
  [{ kind: 'revenue', amount: dec(10000) }, 'revenue +€ 10,000.00', 'omzet +€ 10.000,00'],
  [{ kind: 'revenue', amount: dec('-1800.5') }, 'revenue -€ 1,800.50', 'omzet -€ 1.800,50'],
  // Cost items: the amount is the profit effect; the words say how the cost moved.
  [{ kind: 'discounts', amount: dec(-500) }, 'discounts +€ 500.00', 'korting +€ 500,00'],
  [{ kind: 'cogs', amount: dec(-6000) }, 'cost of goods sold +€ 6,000.00', 'kostprijs omzet +€ 6.000,00'],
  [{ kind: 'directCosts', amount: dec(250) }, 'direct costs -€ 250.00', 'directe kosten -€ 250,00'],
  [{ kind: 'unusedCapacity', amount: dec('-12.34') }, 'unused capacity charged +€ 12.34', 'onbenutte capaciteit toegerekend +€ 12,34'],
  [
    { kind: 'volume', activity: 'Process customer orders', driver: 'Orders', quantityBefore: dec(1000), quantityAfter: dec(3000), costPerUnit: dec('6.4'), amount: dec(-12800) },
    '2,000 more orders at € 6.40',
    '2.000 orders meer à € 6,40',
  ],
  [
    { kind: 'volume', activity: 'Process customer orders', driver: 'Orders', quantityBefore: dec(450), quantityAfter: dec(150), costPerUnit: dec('6.4'), amount: dec(1920) },
    '300 fewer orders at € 6.40',
    '300 orders minder à € 6,40',
  ],
  [
    { kind: 'volume', activity: 'Send EDI', driver: 'EDI messages', quantityBefore: dec('10.5'), quantityAfter: dec(12), costPerUnit: dec('0.123456'), amount: dec('-0.19') },
    '1.5 more EDI messages at € 0.1235',
    '1,5 EDI messages meer à € 0,1235',
  ],
  [
    { kind: 'timePerUnit', activity: 'Handle customer inquiries', driver: 'Inquiries', minutesBefore: dec(44), minutesAfter: dec(40), amount: dec(32) },
    'Inquiries take 40 instead of 44 minutes',
    'Inquiries duren 40 in plaats van 44 minuten',
  ],
  [
    { kind: 'costPerMinute', activity: 'Pick', pool: 'Warehouse', rateBefore: dec('0.8'), rateAfter: dec('0.85'), amount: dec(-20) },
    'cost per minute of Warehouse +6% (€ 0.80 → € 0.85)',
    'kosten per minuut van Warehouse +6% (€ 0,80 → € 0,85)',
  ],
  [
    { kind: 'costPerMinute', activity: 'Pick', pool: null, rateBefore: dec('0.8'), rateAfter: dec('0.72'), amount: dec(8) },
    'cost per minute of Pick -10% (€ 0.80 → € 0.72)',
    'kosten per minuut van Pick -10% (€ 0,80 → € 0,72)',
  ],
  [
    { kind: 'costPerUnit', activity: 'Deliver', driver: 'Drops', costBefore: dec(12), costAfter: dec(15), amount: dec(-30) },
    'cost per unit of drops +25% (€ 12.00 → € 15.00)',
    'kosten per eenheid van drops +25% (€ 12,00 → € 15,00)',
  ],
];

describe('the main cause in words', () => {
  it.each(CASES)('%j reads "%s" and in Dutch "%s"', (cause, en, nl) => {
    expect(causeText(cause, 'EUR', 'en')).toBe(en);
    expect(causeText(cause, 'EUR', 'nl')).toBe(nl);
  });

  it('covers every kind of cause', () => {
    expect(new Set(CASES.map(([c]) => c.kind))).toEqual(new Set(['new', 'lost', 'revenue', 'discounts', 'cogs', 'directCosts', 'unusedCapacity', 'volume', 'timePerUnit', 'costPerMinute', 'costPerUnit']));
  });

  it('writes the currency as the report does: a symbol in front, an unknown code behind', () => {
    expect(causeText({ kind: 'revenue', amount: dec(1234) }, 'USD', 'en')).toBe('revenue +$1,234.00');
    expect(causeText({ kind: 'revenue', amount: dec(1234) }, 'CHF', 'nl')).toBe('omzet +1.234,00 CHF');
  });
});
