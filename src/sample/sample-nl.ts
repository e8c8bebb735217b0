/**
 * The sample wholesaler in Dutch: the same sheets, the same numbers, with the contract's Dutch headers and
 * the wholesaler's own words (pools, activities, drivers, segments, cost items, settings, scenarios) in
 * the terms of the glossary (docs/glossary.md). It translates the English sheets cell by cell after they
 * are generated, so the random draws and every figure stay exactly those of the English sample.
 */
import type { ContractRangeName } from '../workbook/contract';
import { CONTRACT_HEADERS } from '../workbook/contract-spec';
import type { CellValue } from '../workbook/grid';
import { SCENARIO_CHANGES } from '../workbook/read-scenarios';
import { SETTING_NAMES, UNUSED_CAPACITY_VALUES } from '../workbook/read-settings';
import { FIRST_STAGE_TERMS_NL } from './first-stage-nl';
import type { SampleSheet } from './sheets';

/** The wholesaler's own names: pools, activities, drivers, segments, account managers, cost items. */
const TERMS_NL: Readonly<Record<string, string>> = {
  // Pools.
  'Inside sales': 'Binnendienst',
  Administration: 'Administratie',
  Warehouse: 'Magazijn',
  Transport: 'Transport',
  // Activities.
  'Order entry': 'Order invoeren',
  'Order picking': 'Orderpicken',
  'Special warehouse operations': 'Speciale magazijnhandelingen',
  'Returns processing': 'Retourverwerking',
  'Delivery drops': 'Afleveringen',
  "Drivers' services at delivery": 'Service van de chauffeur bij aflevering',
  Invoicing: 'Facturering',
  'Credit-limit monitoring': 'Kredietlimietbewaking',
  'General administration': 'Algemene administratie',
  'Parcel shipments': 'Pakketzendingen',
  // The group of estimates of one time survey.
  'Warehouse time survey': 'Tijdmeting magazijn',
  // Drivers (Quotes, Payment reminders and Delivery drops name an activity too, with the same Dutch word).
  Orders: 'Orders',
  'Order lines': 'Orderregels',
  'Rush orders': 'Spoedorders',
  Quotes: 'Offertes',
  'Special handlings': 'Speciale handelingen',
  Returns: 'Retouren',
  'Delivery services': 'Afleverservices',
  Invoices: 'Facturen',
  'Months over credit limit': 'Maanden boven kredietlimiet',
  'Payment reminders': 'Betalingsherinneringen',
  Parcels: 'Pakketten',
  // Segments.
  'Retail chain': 'Winkelketen',
  'Independent retail': 'Zelfstandige winkel',
  Hospitality: 'Horeca',
  Institutions: 'Instellingen',
  Webshops: 'Webwinkels',
  // House accounts are looked after by inside sales.
  'House account': 'Binnendienst',
  // Customer costs.
  'Year-end bonus': 'Eindejaarsbonus',
  'Promotional support': 'Promotiebijdrage',
  'Free freight': 'Franco levering',
  // Units.
  minutes: 'minuten',
  // The ledger and the support departments.
  ...FIRST_STAGE_TERMS_NL,
};

/** The scenarios' names. */
const SCENARIOS_NL: Readonly<Record<string, string>> = {
  'Order fee Hospitality': 'Ordertoeslag horeca',
  'EDI order entry retail chains': 'EDI-orderinvoer winkelketens',
  'Minimum order 8 lines': 'Minimumorder 8 orderregels',
};

/** Headers outside the contract: the notes, the ERP's own columns and the dimensions. */
const OTHER_HEADERS_NL: Readonly<Record<string, string>> = {
  Note: 'Toelichting',
  Reference: 'Referentie',
  Date: 'Datum',
  Segment: 'Segment',
  Region: 'Regio',
  'Account manager': 'Accountmanager',
};

const SHEETS_NL: Readonly<Record<ContractRangeName, string>> = {
  ABC_Pools: 'Kostenpools',
  ABC_Activities: 'Activiteiten',
  ABC_Customers: 'Klanten',
  ABC_Volumes: 'Transacties',
  ABC_CustomerCosts: 'Klantkosten',
  ABC_Settings: 'Instellingen',
  ABC_Scenarios: "Scenario's",
  ABC_Resources: 'Grootboek',
  ABC_Support: 'Doorbelasting',
};

/** The ERP's document numbers: sales orders, returns, reminders, quotes. */
const DOCUMENTS_NL: ReadonlyArray<[RegExp, string]> = [
  [/^SO(?=\d)/, 'VO'],
  [/^REM(?=\d)/, 'HER'],
  [/^QT(?=\d)/, 'OFF'],
];

/** The Dutch of one of the wholesaler's own words; a word without one is a gap in this table, never shown in English. */
function term(text: string): string {
  const dutch = TERMS_NL[text];
  if (dutch === undefined) throw new Error(`The Dutch sample has no word for "${text}": add it to TERMS_NL.`);
  return dutch;
}

/** A number as Dutch writes it: a decimal comma, a point between thousands. */
function dutchNumber(text: string): string {
  return text.replace(/,/g, '\u0000').replace(/\./g, ',').replace(/\u0000/g, '.');
}

function poolNote(text: string): string {
  const staffed = /^(\S+) FTE × 1,600 h × 60 min × 80 % practical$/.exec(text);
  if (staffed !== null) return `${dutchNumber(staffed[1] ?? '')} fte × 1.600 uur × 60 min × 80% praktisch`;
  const shares = /^(\S+) FTE; conventional ABC: cost split by a time survey \(see Share in Activities\)$/.exec(text);
  if (shares !== null) {
    return `${dutchNumber(shares[1] ?? '')} fte; conventionele kostenpool: kosten verdeeld op aandelen uit een tijdschrijfonderzoek (zie Aandeel in Activiteiten)`;
  }
  const support = /^(\S+) FTE; support department without activities: its cost is passed on \(see Support\), basis: (.+)$/.exec(text);
  if (support !== null) {
    return `${dutchNumber(support[1] ?? '')} fte; ondersteunende afdeling zonder activiteiten: haar kosten worden doorbelast (zie Doorbelasting), grondslag: ${term(support[2] ?? '').toLowerCase()}`;
  }
  throw new Error(`The Dutch sample has no translation of the pool note "${text}".`);
}

function reference(text: string): string {
  const quarter = /^Q(\d) total$/.exec(text);
  if (quarter !== null) return `K${quarter[1] ?? ''} totaal`;
  if (text === 'Credit review') return 'Kredietbeoordeling';
  return DOCUMENTS_NL.reduce((t, [english, dutch]) => t.replace(english, dutch), text);
}

/** A setting's Dutch name, and its value: the Dutch mode word, or the Dutch of the drivers it names. */
function setting(name: string): string {
  const known = SETTING_NAMES.find((s) => s.en === name);
  if (known === undefined) throw new Error(`The Dutch sample has no Dutch name for the setting "${name}".`);
  return known.nl;
}

function settingValue(text: string): string {
  const mode = UNUSED_CAPACITY_VALUES.find((v) => v.en === text);
  if (mode !== undefined) return mode.nl;
  // Currency codes and periods stay as they are; driver names (one, or a list) become Dutch.
  const parts = text.split(/\s*,\s*/);
  return parts.every((p) => TERMS_NL[p] !== undefined) ? parts.map(term).join(', ') : text;
}

function scope(text: string): string {
  if (text === 'all') return 'alle';
  const [dimension = '', value = ''] = text.split('=');
  return `${OTHER_HEADERS_NL[dimension] ?? dimension}=${term(value)}`;
}

function change(text: string): string {
  const found = SCENARIO_CHANGES.find((c) => c.en === text);
  if (found === undefined) throw new Error(`The Dutch sample has no Dutch word for the change "${text}".`);
  return found.nl;
}

/** How the text of each column is translated, by range and English header; other columns stay as they are. */
const COLUMN_TEXTS: Partial<Record<ContractRangeName, Readonly<Record<string, (text: string) => string>>>> = {
  ABC_Pools: { Pool: term, Unit: term, Note: poolNote },
  ABC_Activities: { Activity: term, Pool: term, Driver: term, Group: term },
  // Account managers are people, with Dutch names already; only house accounts need a word.
  ABC_Customers: { Segment: term, 'Account manager': (t) => TERMS_NL[t] ?? t },
  ABC_Volumes: { Driver: term, Reference: reference },
  ABC_CustomerCosts: { Item: term },
  ABC_Resources: { Description: term, Pool: term },
  ABC_Support: { From: term, To: term, Note: term },
  ABC_Settings: { Setting: setting, Value: settingValue },
  ABC_Scenarios: {
    Scenario: (t) => SCENARIOS_NL[t] ?? term(t),
    Scope: scope,
    Change: change,
    Target: (t) => t.split(' / ').map(term).join(' / '),
  },
};

/** A header's Dutch: the contract's Dutch header, or the Dutch of a column outside the contract. */
function header(range: ContractRangeName, text: string): string {
  const column = CONTRACT_HEADERS[range].columns.find((c) => c.en === text);
  const dutch = column?.nl ?? OTHER_HEADERS_NL[text];
  if (dutch === undefined) throw new Error(`The Dutch sample has no Dutch header for "${text}" of ${range}.`);
  return dutch;
}

/** One sheet of the sample in Dutch. */
function sheetInDutch(sheet: SampleSheet): SampleSheet {
  const [headers = [], ...data] = sheet.rows;
  const byColumn = COLUMN_TEXTS[sheet.rangeName] ?? {};
  const translators = headers.map((h) => (typeof h === 'string' ? byColumn[h] : undefined));
  const rows: CellValue[][] = [
    headers.map((h) => (typeof h === 'string' ? header(sheet.rangeName, h) : h)),
    ...data.map((row) => row.map((cell, i) => (typeof cell === 'string' ? (translators[i]?.(cell) ?? cell) : cell))),
  ];
  return { ...sheet, sheet: SHEETS_NL[sheet.rangeName], rows };
}

/** The sample's sheets in Dutch, with the same numbers. */
export function sampleInDutch(sheets: readonly SampleSheet[]): SampleSheet[] {
  return sheets.map(sheetInDutch);
}
