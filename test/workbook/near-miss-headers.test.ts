/**
 * Near-miss headers (issue 17): 40 headers as ERP systems and controllers write them, English and Dutch,
 * each with what it must be taken for beside the contract's own columns of ABC_Customers.
 */
import { CONTRACT_HEADERS } from '../../src/workbook/contract-spec';
import { resemblance } from '../../src/workbook/near-miss-headers';

/** A customer range with all its contract columns: only the header under test is unknown. */
const ALL = new Set(['customer', 'name', 'revenue', 'discounts', 'cogs']);
/** The same range without its optional Discounts and Name columns. */
const NO_DISCOUNTS = new Set(['customer', 'revenue', 'cogs']);

const CASES: ReadonlyArray<readonly [header: string, present: ReadonlySet<string>, expected: string | null]> = [
  // Real dimensions: never a near miss.
  ['Kortingsgroep', NO_DISCOUNTS, null],
  ['Regio', ALL, null],
  ['Region', ALL, null],
  ['Accountmanager', ALL, null],
  ['Account manager', ALL, null],
  ['Kostenplaats', ALL, null],
  ['Segment', ALL, null],
  ['Branche', ALL, null],
  ['Land', ALL, null],
  ['Country', ALL, null],
  ['Postcode', ALL, null],
  ['Plaats', ALL, null],
  ['Vertegenwoordiger', ALL, null],
  ['Sales rep', ALL, null],
  ['Betalingstermijn', ALL, null],
  ['Payment terms', ALL, null],
  ['Kredietlimiet', ALL, null],
  ['Credit limit', ALL, null],
  ['Prijslijst', ALL, null],
  ['Klantgroep', ALL, null],
  ['Klanttype', ALL, null],
  ['Customer group', ALL, null],
  ['Channel', ALL, null],
  ['Kanaal', ALL, null],
  ['Omzetgroep', ALL, null],
  ['Discount group', ALL, null],
  ['Leveringsconditie', ALL, null],
  ['Incoterms', ALL, null],
  ['Marge', ALL, null],
  ['Sales', ALL, null],
  // Slips and synonyms: an error naming the column they resemble.
  ['Kortingen', NO_DISCOUNTS, 'Korting'],
  ['Korting %', NO_DISCOUNTS, 'Korting'],
  ['Discount', NO_DISCOUNTS, 'Discounts'],
  ['Kostprijs', new Set(['customer', 'revenue']), 'COGS'],
  ['Cost of sales', new Set(['customer', 'revenue']), 'COGS'],
  ['Revenu', ALL, 'Revenue'],
  ['Omzet 2024', ALL, 'Omzet'],
  ['Klantnaam', new Set(['customer', 'revenue', 'cogs']), 'Name'],
  ['Klanten', ALL, 'Klant'],
  ['Sales', new Set(['customer', 'cogs']), 'Revenue'],
];

describe('a header beside the contract columns of ABC_Customers', () => {
  it.each(CASES.map(([header, present, expected]) => [header, [...present].join('+'), expected, present] as const))(
    '%s (with %s) resembles %s',
    (header, _label, expected, present) => {
      expect(resemblance(header, CONTRACT_HEADERS.ABC_Customers, present)?.header ?? null).toBe(expected);
    },
  );

  it('has 40 cases: 30 real dimensions and 10 slips', () => {
    expect(CASES).toHaveLength(40);
    expect(CASES.filter(([, , e]) => e === null).length).toBe(30);
  });
});
