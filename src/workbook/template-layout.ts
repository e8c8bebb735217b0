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
import { nameKey } from '../engine/model';
import { columnHeaders, CONTRACT_HEADERS, CONTRACT_RANGES, type ContractRangeName } from './contract-spec';
import { type CellValue, columnLetters } from './grid';
import { SCENARIO_CHANGES } from './read-scenarios';
import { SETTING_NAMES, SUPPORT_METHOD_VALUES, UNUSED_CAPACITY_VALUES } from './read-settings';

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
    ABC_Resources: 'Resources',
    ABC_Support: 'Support',
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
    ABC_Resources: 'Grootboek',
    ABC_Support: 'Doorbelasting',
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
  { key: 'supportMethod', value: { en: 'reciprocal', nl: 'wederzijds' } },
];

const INSTRUCTIONS: Record<TemplateLanguage, { title: string; lines: string[] }> = {
  en: {
    title: 'Empty model for activity-based customer profitability',
    lines: [
      'Each sheet holds one table of the workbook contract (ABC_Pools, ABC_Activities, ...); type your data in the yellow cells.',
      'A row typed directly below a table becomes part of it; keep the headers as they are.',
      'Pools: one row per cost pool with its cost; Capacity (and Unit) for a time-driven pool.',
      'Activities: Pool and Driver per row;',
      '    Minutes per driver unit (time-driven), Share of the pool (conventional) or a Rate per driver unit.',
      '    Optional: Low and High (the plausible range of that estimate) and Group (estimates that move together), to see how sure the figures are.',
      'Customers: id, revenue, discounts and cost of goods sold; Volumes: the quantity of every driver per customer.',
      'Optional: Resources (ledger lines: Account, Amount, Pool) and Support (support pools passing their cost on: From, To, Share or Quantity).',
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
      'Activiteiten: Kostenpool en Kostendrijver per rij;',
      '    Minuten per eenheid (tijdgedreven), Aandeel van de kostenpool (conventioneel) of een Tarief per eenheid.',
      '    Optioneel: Laag en Hoog (de aannemelijke bandbreedte van die schatting) en Groep (schattingen die samen bewegen), om te zien hoe zeker de cijfers zijn.',
      'Klanten: id, omzet, korting en kostprijs omzet; Volumes: het aantal van elke kostendrijver per klant.',
      'Optioneel: Grootboek (grootboekregels: Rekening, Bedrag, Kostenpool) en Doorbelasting (ondersteunende kostenpools die hun kosten doorbelasten: Van, Naar, Aandeel of Aantal).',
      'Keuzelijsten tonen de kostenpools, de kostendrijvers van Activiteiten en de waarden die een instelling kent.',
      'Reken daarna met het taakvenster of: npm run cost -- dit-bestand.xlsx --lang nl. De regels: docs/workbook-contract.md.',
    ],
  },
};

/** Columns that hold names of things, wider than their headers. */
const WIDE = new Set(['activity', 'name', 'scenario', 'scope', 'target', 'item', 'pool', 'driver', 'description', 'from', 'to']);

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

/** Where a range's column needs another format than its key's: a support basis may be 23.5 m² or 12.5 FTE. */
const RANGE_NUMBER_FORMATS: Partial<Record<ContractRangeName, Partial<Record<string, string | null>>>> = {
  ABC_Support: { quantity: null },
};

/** The number format of a column's input cells; null for General. */
function numberFormat(range: ContractRangeName, key: string): string | null {
  const special = RANGE_NUMBER_FORMATS[range];
  if (special !== undefined && key in special) return special[key] ?? null;
  return NUMBER_FORMATS[key] ?? null;
}

/** The input rows of one column, below the header: `B2:B1001`. */
function inputRows(column: number, first = 2, last = TEMPLATE_INPUT_ROWS + 1): string {
  const l = columnLetters(column);
  return `${l}${first}:${l}${last}`;
}

/** A contract range as laid out on its own sheet from A1: its headers and its data rows. */
export interface PlacedRange {
  range: ContractRangeName;
  sheet: string;
  headers: readonly CellValue[];
  dataRows: readonly CellValue[][];
}

/** 1-based column of a contract column in a placed range, by its header in either language; null when absent. */
function columnOf(block: PlacedRange, key: string): number | null {
  const col = CONTRACT_HEADERS[block.range].columns.find((c) => c.key === key);
  if (col === undefined) return null;
  const accepted = new Set(columnHeaders(col).map(nameKey));
  const i = block.headers.findIndex((h) => typeof h === 'string' && accepted.has(nameKey(h)));
  return i < 0 ? null : i + 1;
}

/** The lists the drop-downs use: which contract column each lists. */
const LISTS: ReadonlyArray<{ name: string; range: ContractRangeName; key: string }> = [
  { name: 'PoolList', range: 'ABC_Pools', key: 'pool' },
  { name: 'DriverList', range: 'ABC_Activities', key: 'driver' },
  { name: 'CustomerList', range: 'ABC_Customers', key: 'customer' },
];

/**
 * The names the drop-downs use. Over a table, a structured reference (`ABC_Pools[Pool]`, see the top of
 * this file); over a defined name (the sample), the name's column below its header, which follows the name
 * when the user extends it.
 */
export function listNames(blocks: readonly PlacedRange[], over: 'table' | 'name'): TemplateListName[] {
  return LISTS.flatMap((l) => {
    const block = blocks.find((b) => b.range === l.range);
    const column = block === undefined ? null : columnOf(block, l.key);
    if (block === undefined || column === null) return [];
    const formula = over === 'table' ? `${l.range}[${String(block.headers[column - 1])}]` : `OFFSET(${l.range},1,${column - 1},ROWS(${l.range})-1,1)`;
    return [{ name: l.name, formula }];
  });
}

/**
 * The language a model is written in, read from its headers: Dutch when more of its contract headers are the
 * Dutch ones than the English ones. The sample comes in either language and its drop-downs must list the
 * words its own cells hold (`minuten`, `rapporteren`), or Excel would refuse the next edit of such a cell.
 */
export function modelLanguage(blocks: readonly PlacedRange[]): TemplateLanguage {
  let dutch = 0;
  let english = 0;
  for (const block of blocks) {
    const headers = new Set(block.headers.filter((h): h is string => typeof h === 'string').map(nameKey));
    for (const col of CONTRACT_HEADERS[block.range].columns) {
      if (nameKey(col.nl) === nameKey(col.en)) continue;
      if (headers.has(nameKey(col.nl))) dutch += 1;
      if (headers.has(nameKey(col.en))) english += 1;
    }
  }
  return dutch > english ? 'nl' : 'en';
}

/** Setting names in both languages, compared as the reader compares them. */
function settingKey(name: CellValue | undefined): string | undefined {
  if (typeof name !== 'string') return undefined;
  const key = name.replace(/\s+/g, '').toLowerCase();
  return SETTING_NAMES.find((s) => s.en.toLowerCase() === key || s.nl.toLowerCase() === key)?.key;
}

/**
 * The drop-downs of a model's ranges, down to `lastRow`. Pool, From and To columns list the pools of ABC_Pools
 * and the drivers named in ABC_Activities (where drivers are defined, so its own Driver column stays free
 * text); customer columns list ABC_Customers; Unit, the scenario changes and the settings list the words the
 * contract reads, in the model's language.
 */
export function modelValidations(language: TemplateLanguage, blocks: readonly PlacedRange[], lastRow: number): TemplateValidation[] {
  const name = (n: string): ListSource => ({ kind: 'name', name: n });
  const values = (v: readonly string[]): ListSource => ({ kind: 'values', values: v });
  const units: Record<TemplateLanguage, string[]> = { en: ['minutes', 'hours'], nl: ['minuten', 'uren'] };
  const columns: ReadonlyArray<[ContractRangeName, string, ListSource]> = [
    ['ABC_Pools', 'unit', values(units[language])],
    ['ABC_Activities', 'pool', name('PoolList')],
    ['ABC_Resources', 'pool', name('PoolList')],
    ['ABC_Support', 'from', name('PoolList')],
    ['ABC_Support', 'to', name('PoolList')],
    ['ABC_Volumes', 'customer', name('CustomerList')],
    ['ABC_Volumes', 'driver', name('DriverList')],
    ['ABC_CustomerCosts', 'customer', name('CustomerList')],
    ['ABC_Settings', 'setting', values(SETTING_NAMES.map((s) => s[language]))],
    ['ABC_Scenarios', 'change', values(SCENARIO_CHANGES.map((c) => c[language]))],
  ];
  const out: TemplateValidation[] = [];
  // A list whose range is not in the model (a partial model) gives no drop-down rather than a broken one.
  const listed = new Set(listNames(blocks, 'name').map((n) => n.name));
  const usable = (source: ListSource): boolean => source.kind === 'values' || listed.has(source.name);
  for (const [range, key, source] of columns) {
    const block = blocks.find((b) => b.range === range);
    const column = block === undefined ? null : columnOf(block, key);
    if (block !== undefined && column !== null && usable(source)) out.push({ sheet: block.sheet, ref: inputRows(column, 2, Math.max(lastRow, block.dataRows.length + 1)), source });
  }
  // The Value of a setting with a fixed set of values: its own drop-down on that row.
  const settings = blocks.find((b) => b.range === 'ABC_Settings');
  const valueColumn = settings === undefined ? null : columnOf(settings, 'value');
  const settingColumn = settings === undefined ? null : columnOf(settings, 'setting');
  if (settings === undefined || valueColumn === null || settingColumn === null) return out;
  const perSetting: Partial<Record<string, ListSource>> = {
    unusedCapacity: values(UNUSED_CAPACITY_VALUES.map((v) => v[language])),
    language: values(['en', 'nl']),
    orderDriver: name('DriverList'),
    orderLineDriver: name('DriverList'),
    supportMethod: values(SUPPORT_METHOD_VALUES.map((v) => v[language])),
  };
  settings.dataRows.forEach((row, i) => {
    const key = settingKey(row[settingColumn - 1]);
    const source = key === undefined ? undefined : perSetting[key];
    if (source !== undefined && usable(source)) out.push({ sheet: settings.sheet, ref: inputRows(valueColumn, i + 2, i + 2), source });
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
      numberFormat: range === 'ABC_Settings' && c.key === 'value' ? '@' : numberFormat(range, c.key),
    }));
    return { sheet: TEMPLATE_SHEET_NAMES[language][range], tableName: range, columns, rows };
  });
  const placed = tables.map((t) => ({ range: t.tableName, sheet: t.sheet, headers: t.columns.map((c) => c.header), dataRows: t.rows }));
  return {
    language,
    instructions: { sheet: TEMPLATE_SHEET_NAMES[language].instructions, ...INSTRUCTIONS[language] },
    tables,
    listNames: listNames(placed, 'table'),
    validations: modelValidations(language, placed, TEMPLATE_INPUT_ROWS + 1),
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
