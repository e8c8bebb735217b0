/**
 * The empty model ("template") as data: one Excel table per contract range, named after the range, with its
 * headers in one language, input cells styled as inputs, drop-down lists and a short instructions sheet.
 * The runner's writer (src/xlsx/write-template.ts) and the add-in's "New empty model" (src/excel) both lay
 * it out from here, so the two cannot drift apart.
 *
 * Why the lists are defined names over table columns (`PoolList` refers to `ABC_Pools[Pool]`): Excel does
 * not accept a structured reference as a validation source, but it does accept a name, and a name over a
 * table column grows when a row is added to the table. LibreOffice resolves the same name to the column's
 * cells on import (checked by test/xlsx/template-libreoffice.test.ts). INDIRECT("ABC_Pools[Pool]") would
 * work in Excel only, and a fixed range ($A$2:$A$1000) would list blanks and stop at its last row.
 */
import { CONTRACT_HEADERS, CONTRACT_RANGES, type ContractRangeName } from './contract-spec';
import { type CellValue, columnLetters } from './grid';
import { SCENARIO_CHANGES } from './read-scenarios';
import { SETTING_NAMES, UNUSED_CAPACITY_VALUES } from './read-settings';

/** The languages a template is written in. */
export type TemplateLanguage = 'en' | 'nl';

/** Data rows (below the header) that get the input style and the drop-downs, beyond the table's own rows. */
export const TEMPLATE_INPUT_ROWS = 1000;

/** Fill of input cells (Excel's "Input" style is of this family), and of the header row. */
export const INPUT_FILL = 'FFF2CC';
export const HEADER_FILL = 'D9E1F2';

/** A drop-down's source: a formula without the leading `=`, as Excel stores it in the file. */
export type ListSource = { kind: 'name'; name: string } | { kind: 'values'; values: readonly string[] };

/** A drop-down on some cells of a sheet (A1 reference without sheet, e.g. `B2:B1001`). */
export interface TemplateValidation {
  sheet: string;
  ref: string;
  source: ListSource;
}

/** One column of a template table. */
export interface TemplateColumn {
  header: string;
  width: number;
  /** Number format of the input cells; null for General. */
  numberFormat: string | null;
}

/** One contract range as an Excel table named after it, from A1 of its own sheet. */
export interface TemplateTable {
  sheet: string;
  tableName: ContractRangeName;
  columns: TemplateColumn[];
  /** Data rows written in the table (the settings' names); an empty table gets one blank row, as Excel needs. */
  rows: CellValue[][];
}

/** A workbook-scoped name over one table column, used as a drop-down's source. */
export interface TemplateListName {
  name: string;
  /** Its formula: a structured reference such as `ABC_Pools[Pool]`. */
  formula: string;
}

/** The whole template. */
export interface TemplateLayout {
  language: TemplateLanguage;
  instructions: { sheet: string; title: string; lines: string[] };
  tables: TemplateTable[];
  listNames: TemplateListName[];
  validations: TemplateValidation[];
}

/** Sheet names of the empty model per language. */
export const TEMPLATE_SHEET_NAMES: Record<TemplateLanguage, Record<ContractRangeName | 'instructions', string>> = {
  en: {
    instructions: 'Instructions',
    ABC_Pools: 'Pools',
    ABC_Activities: 'Activities',
    ABC_Customers: 'Customers',
    ABC_Volumes: 'Volumes',
    ABC_CustomerCosts: 'Customer costs',
    ABC_Settings: 'Settings',
    ABC_Scenarios: 'Scenarios',
  },
  nl: {
    instructions: 'Instructies',
    ABC_Pools: 'Kostenpools',
    ABC_Activities: 'Activiteiten',
    ABC_Customers: 'Klanten',
    ABC_Volumes: 'Volumes',
    ABC_CustomerCosts: 'Klantkosten',
    ABC_Settings: 'Instellingen',
    ABC_Scenarios: "Scenario's",
  },
};

/** Settings the template lists, so the user sees what can be set; blank values keep the defaults. */
const TEMPLATE_SETTINGS: ReadonlyArray<{ key: (typeof SETTING_NAMES)[number]['key']; value: Record<TemplateLanguage, string | null> }> = [
  { key: 'currency', value: { en: 'EUR', nl: 'EUR' } },
  { key: 'period', value: { en: null, nl: null } },
  { key: 'unusedCapacity', value: { en: 'report', nl: 'rapporteren' } },
  { key: 'language', value: { en: 'en', nl: 'nl' } },
  { key: 'orderDriver', value: { en: null, nl: null } },
  { key: 'orderLineDriver', value: { en: null, nl: null } },
];

const INSTRUCTIONS: Record<TemplateLanguage, { title: string; lines: string[] }> = {
  en: {
    title: 'Empty model for activity-based customer profitability',
    lines: [
      'Each sheet holds one table of the workbook contract (ABC_Pools, ABC_Activities, ...); type your data in the yellow cells.',
      'A row typed directly below a table becomes part of it; keep the headers as they are.',
      'Pools: one row per cost pool with its cost; Capacity (and Unit) for a time-driven pool.',
      'Activities: Pool and Driver per row; Minutes per driver unit (time-driven), Share of the pool (conventional) or a Rate.',
      'Customers: id, revenue, discounts and cost of goods sold; Volumes: the quantity of every driver per customer.',
      'Drop-downs list the pools of Pools and the drivers of Activities, and the values a setting accepts.',
      'Then compute with the task pane or: npm run cost -- this-file.xlsx. The rules: docs/workbook-contract.md.',
    ],
  },
  nl: {
    title: 'Leeg model voor klantwinstgevendheid op activiteitenbasis',
    lines: [
      'Elk blad bevat één tabel van het werkmapcontract (ABC_Pools, ABC_Activities, ...); vul de gele cellen in.',
      'Een rij die u direct onder een tabel typt, hoort erbij; laat de kopjes zoals ze zijn.',
      'Kostenpools: een rij per kostenpool met de kosten; Capaciteit (en Eenheid) voor een tijdgedreven kostenpool.',
      'Activiteiten: Kostenpool en Kostendrijver per rij; Minuten per eenheid (tijdgedreven), Aandeel van de kostenpool (conventioneel) of een Tarief.',
      'Klanten: id, omzet, korting en kostprijs omzet; Volumes: het aantal van elke kostendrijver per klant.',
      'Keuzelijsten tonen de kostenpools van Kostenpools, de kostendrijvers van Activiteiten en de waarden die een instelling kent.',
      'Reken daarna met het taakvenster of: npm run cost -- dit-bestand.xlsx --lang nl. De regels: docs/workbook-contract.md.',
    ],
  },
};

/** Columns that hold names of things, wider than their headers. */
const WIDE = new Set(['activity', 'name', 'scenario', 'scope', 'target', 'item', 'pool', 'driver']);

const MONEY = '#,##0.00';
const COUNT = '#,##0';
const NUMBER_FORMATS: Partial<Record<string, string>> = {
  cost: MONEY,
  capacity: COUNT,
  fte: '0.0',
  minutes: '0.0',
  share: '0%',
  rate: MONEY,
  revenue: MONEY,
  discounts: MONEY,
  cogs: MONEY,
  quantity: COUNT,
  amount: MONEY,
};

/** The input rows of one column, below the header: `B2:B1001`. */
function inputRows(column: number, first = 2, last = TEMPLATE_INPUT_ROWS + 1): string {
  const l = columnLetters(column);
  return `${l}${first}:${l}${last}`;
}

/** The header of a contract column in a language. */
function header(range: ContractRangeName, key: string, language: TemplateLanguage): string {
  const col = CONTRACT_HEADERS[range].columns.find((c) => c.key === key);
  if (col === undefined) throw new Error(`The contract has no column ${key} in ${range}.`);
  return col[language];
}

/** 1-based position of a contract column in the template's table. */
function position(range: ContractRangeName, key: string): number {
  return CONTRACT_HEADERS[range].columns.findIndex((c) => c.key === key) + 1;
}

/** The names the drop-downs use, with their table columns in the template's language. */
function listNames(language: TemplateLanguage): TemplateListName[] {
  return [
    { name: 'PoolList', formula: `ABC_Pools[${header('ABC_Pools', 'pool', language)}]` },
    { name: 'DriverList', formula: `ABC_Activities[${header('ABC_Activities', 'driver', language)}]` },
    { name: 'CustomerList', formula: `ABC_Customers[${header('ABC_Customers', 'customer', language)}]` },
  ];
}

/**
 * The drop-downs of the template's tables. Pool and Driver columns list the pools of ABC_Pools and the drivers
 * named in ABC_Activities (where drivers are defined, so its own Driver column stays free text); customer
 * columns list ABC_Customers; Unit, the scenario changes and the settings list the words the contract reads.
 */
function validations(language: TemplateLanguage, settingsRows: readonly CellValue[][]): TemplateValidation[] {
  const sheet = TEMPLATE_SHEET_NAMES[language];
  const name = (n: string): ListSource => ({ kind: 'name', name: n });
  const values = (v: readonly string[]): ListSource => ({ kind: 'values', values: v });
  const units: Record<TemplateLanguage, string[]> = { en: ['minutes', 'hours'], nl: ['minuten', 'uren'] };
  const column = (range: ContractRangeName, key: string, source: ListSource): TemplateValidation => ({
    sheet: sheet[range],
    ref: inputRows(position(range, key)),
    source,
  });
  const out: TemplateValidation[] = [
    column('ABC_Pools', 'unit', values(units[language])),
    column('ABC_Activities', 'pool', name('PoolList')),
    column('ABC_Volumes', 'customer', name('CustomerList')),
    column('ABC_Volumes', 'driver', name('DriverList')),
    column('ABC_CustomerCosts', 'customer', name('CustomerList')),
    column('ABC_Settings', 'setting', values(SETTING_NAMES.map((s) => s[language]))),
    column('ABC_Scenarios', 'change', values(SCENARIO_CHANGES.map((c) => c[language]))),
  ];
  // The Value of a setting with a fixed set of values: its own drop-down on that row.
  const valueColumn = position('ABC_Settings', 'value');
  const perSetting: Partial<Record<string, ListSource>> = {
    unusedCapacity: values(UNUSED_CAPACITY_VALUES.map((v) => v[language])),
    language: values(['en', 'nl']),
    orderDriver: name('DriverList'),
    orderLineDriver: name('DriverList'),
  };
  settingsRows.forEach((row, i) => {
    const key = SETTING_NAMES.find((s) => s[language] === row[0])?.key;
    const source = key === undefined ? undefined : perSetting[key];
    if (source !== undefined) out.push({ sheet: sheet.ABC_Settings, ref: inputRows(valueColumn, i + 2, i + 2), source });
  });
  return out;
}

/** The empty model in a language: English or Dutch headers (the contract reads both). */
export function templateLayout(language: TemplateLanguage): TemplateLayout {
  const settingsRows: CellValue[][] = TEMPLATE_SETTINGS.map((s) => {
    const found = SETTING_NAMES.find((n) => n.key === s.key);
    return [found?.[language] ?? s.key, s.value[language]];
  });
  const tables = CONTRACT_RANGES.map((range): TemplateTable => {
    const spec = CONTRACT_HEADERS[range].columns;
    const rows = range === 'ABC_Settings' ? settingsRows : [spec.map(() => null)];
    const columns = spec.map((c, i) => ({
      header: c[language],
      // Wide enough for the header with its filter button, the written values, and names of things.
      width: Math.max(12, c[language].length + 4, ...rows.map((r) => String(r[i] ?? '').length + 4), WIDE.has(c.key) ? 28 : 0),
      numberFormat: range === 'ABC_Settings' && c.key === 'value' ? '@' : (NUMBER_FORMATS[c.key] ?? null),
    }));
    return { sheet: TEMPLATE_SHEET_NAMES[language][range], tableName: range, columns, rows };
  });
  return {
    language,
    instructions: { sheet: TEMPLATE_SHEET_NAMES[language].instructions, ...INSTRUCTIONS[language] },
    tables,
    listNames: listNames(language),
    validations: validations(language, settingsRows),
  };
}

/** A list source as a validation formula without the leading `=` (`PoolList`, `"minutes,hours"`). */
export function listFormula(source: ListSource): string {
  return source.kind === 'name' ? source.name : `"${source.values.join(',')}"`;
}

/** The A1 block of a table: its header and its rows (at least one). */
export function tableRef(table: TemplateTable): string {
  return `A1:${columnLetters(table.columns.length)}${1 + Math.max(1, table.rows.length)}`;
}

/** The input cells of a table, below the header: where the input style goes. */
export function inputBlock(table: TemplateTable): string {
  return `A2:${columnLetters(table.columns.length)}${TEMPLATE_INPUT_ROWS + 1}`;
}
