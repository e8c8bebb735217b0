/**
 * A short headline per problem code, in the pane's language. The issue's message, rendered in the same
 * language (engine/messages.ts), gives the detail (the values, the names); the headline says what kind
 * of problem it is, and the location link says where.
 */
import type { IssueCode } from '../engine/issues';
import type { Language } from './i18n';

const EN: Record<IssueCode, string> = {
  MISSING_RANGE: 'Named range missing',
  MISSING_COLUMN: 'Column missing',
  DUPLICATE_COLUMN: 'Column appears twice',
  EMPTY_RANGE: 'Range is empty',
  NOT_A_NUMBER: 'Not a number',
  ERROR_VALUE: 'Excel error value',
  NEGATIVE_VALUE: 'Negative value',
  CAPACITY_NOT_POSITIVE: 'Capacity must be above zero',
  MISSING_VALUE: 'Value missing',
  INVALID_UNIT: 'Unknown unit',
  INVALID_SETTING: 'Invalid setting',
  UNKNOWN_SETTING: 'Unknown setting',
  DUPLICATE_POOL: 'Pool listed twice',
  DUPLICATE_CUSTOMER: 'Customer listed twice',
  UNKNOWN_POOL: 'Unknown pool',
  POOL_ON_RATE_ROW: 'Rate row names a pool',
  MISSING_POOL: 'Pool missing',
  MISSING_CAPACITY: 'Capacity missing',
  NO_METHOD: 'No Minutes, Share or Rate',
  SEVERAL_METHODS: 'More than one of Minutes, Share, Rate',
  MIXED_METHODS_IN_POOL: 'Pool mixes minutes and shares',
  MIXED_METHODS_IN_ACTIVITY: 'Activity mixes methods',
  ACTIVITY_IN_SEVERAL_POOLS: 'Activity in several pools',
  SEVERAL_SHARES_FOR_ACTIVITY: 'Activity has several shares',
  SHARES_OVER_ONE: 'Shares above 100%',
  MISSING_DRIVER: 'Driver missing',
  DRIVER_WITHOUT_VOLUMES: 'Driver without volumes',
  UNKNOWN_CUSTOMER: 'Unknown customer',
  OVER_CAPACITY: 'More minutes used than available',
  ZERO_DRIVER_QUANTITY: 'Driver adds up to zero',
  UNUSED_POOL: 'Pool not used',
  UNUSED_VOLUME_DRIVER: 'Volumes not used',
  UNUSED_NOT_ASSIGNABLE: 'Unused capacity not assignable',
  CAPACITY_IGNORED: 'Capacity ignored',
  INVALID_RANGE_REFERENCE: 'Name does not point to cells',
  REPORT_SHEET_TAKEN: 'Report sheet name in use',
};

const NL: Record<IssueCode, string> = {
  MISSING_RANGE: 'Benoemd bereik ontbreekt',
  MISSING_COLUMN: 'Kolom ontbreekt',
  DUPLICATE_COLUMN: 'Kolom staat er twee keer',
  EMPTY_RANGE: 'Bereik is leeg',
  NOT_A_NUMBER: 'Geen getal',
  ERROR_VALUE: 'Excel-foutwaarde',
  NEGATIVE_VALUE: 'Negatieve waarde',
  CAPACITY_NOT_POSITIVE: 'Capaciteit moet groter dan nul zijn',
  MISSING_VALUE: 'Waarde ontbreekt',
  INVALID_UNIT: 'Onbekende eenheid',
  INVALID_SETTING: 'Ongeldige instelling',
  UNKNOWN_SETTING: 'Onbekende instelling',
  DUPLICATE_POOL: 'Kostenpool staat er twee keer',
  DUPLICATE_CUSTOMER: 'Klant staat er twee keer',
  UNKNOWN_POOL: 'Onbekende kostenpool',
  POOL_ON_RATE_ROW: 'Tariefregel noemt een kostenpool',
  MISSING_POOL: 'Kostenpool ontbreekt',
  MISSING_CAPACITY: 'Capaciteit ontbreekt',
  NO_METHOD: 'Geen Minuten, Aandeel of Tarief',
  SEVERAL_METHODS: 'Meer dan één van Minuten, Aandeel, Tarief',
  MIXED_METHODS_IN_POOL: 'Kostenpool mengt minuten en aandelen',
  MIXED_METHODS_IN_ACTIVITY: 'Activiteit mengt methoden',
  ACTIVITY_IN_SEVERAL_POOLS: 'Activiteit in meer kostenpools',
  SEVERAL_SHARES_FOR_ACTIVITY: 'Activiteit heeft meer aandelen',
  SHARES_OVER_ONE: 'Aandelen boven 100%',
  MISSING_DRIVER: 'Kostendrijver ontbreekt',
  DRIVER_WITHOUT_VOLUMES: 'Kostendrijver zonder aantallen',
  UNKNOWN_CUSTOMER: 'Onbekende klant',
  OVER_CAPACITY: 'Meer minuten gebruikt dan beschikbaar',
  ZERO_DRIVER_QUANTITY: 'Kostendrijver telt op tot nul',
  UNUSED_POOL: 'Kostenpool niet gebruikt',
  UNUSED_VOLUME_DRIVER: 'Aantallen niet gebruikt',
  UNUSED_NOT_ASSIGNABLE: 'Onbenutte capaciteit niet toe te rekenen',
  CAPACITY_IGNORED: 'Capaciteit genegeerd',
  INVALID_RANGE_REFERENCE: 'Naam verwijst niet naar cellen',
  REPORT_SHEET_TAKEN: 'Naam van rapportblad al in gebruik',
};

/** The headline of a problem code in the given language. */
export function issueTitle(code: IssueCode, language: Language): string {
  return (language === 'nl' ? NL : EN)[code];
}
