/**
 * The names a user refers to report figures by: Excel tables over the report's lists (`ABC_PnL`,
 * `ABC_PoolRates`, `ABC_Rates`) and defined names on the summary's headline figures (`ABC_OperatingProfit`).
 * A cell address such as `'ABC Customer P&L'!H12` points at another customer after the next Refresh (the P&L
 * is in profit order, its columns follow the activities); `XLOOKUP(10527, ABC_PnL[Customer], ABC_PnL[Net
 * profit])` does not. The names are language-neutral: a Dutch report has the same table and cell names, its
 * tables' columns are named by its Dutch headers. Both writers (src/xlsx, src/excel) write what is here.
 */
import { columnLetters } from './grid';
import { REPORT_LANGUAGES, reportText } from './report-text';
import type { ReportNamedCell, ReportSheet, ReportTable } from './report-types';

/** The tables of the report, by what they hold. */
export const REPORT_TABLE_NAMES = {
  pnl: 'ABC_PnL',
  poolRates: 'ABC_PoolRates',
  activityRates: 'ABC_Rates',
} as const;

/**
 * The summary's named headline figures. None is a contract range's name (`ABC_Customers` is one, hence
 * `ABC_CustomerCount`): tables and defined names share one namespace in a workbook.
 */
export const REPORT_CELL_NAMES = {
  revenue: 'ABC_Revenue',
  netRevenue: 'ABC_NetRevenue',
  grossMargin: 'ABC_GrossMargin',
  costToServe: 'ABC_CostToServe',
  customersNetProfit: 'ABC_CustomersNetProfit',
  unusedCapacity: 'ABC_UnusedCapacity',
  notCharged: 'ABC_NotCharged',
  operatingProfit: 'ABC_OperatingProfit',
  customerCount: 'ABC_CustomerCount',
  lossMakingCustomers: 'ABC_LossMakingCustomers',
} as const;

/** Every name the report gives a table or a cell: a user's own name among them stops the run. */
export const REPORT_DEFINED_NAMES: readonly string[] = [...Object.values(REPORT_TABLE_NAMES), ...Object.values(REPORT_CELL_NAMES)];

/**
 * Column names for a table's headers, unique ignoring case as Excel requires (it would rename a repeated
 * header itself, changing the cell). The `fixed` headers (the report's own: Customer, Net profit …) keep
 * their text, so `ABC_PnL[Net profit]` always means net profit; a header from the model (an activity, a
 * dimension, a pool) that repeats a name taken before it gets the smallest number from 2 that frees it,
 * appended as Excel does (`Picking` → `Picking2`). An empty header is `Column<n>`, its position, as Excel names it.
 */
export function uniqueColumnNames(headers: readonly string[], fixed: (index: number) => boolean): string[] {
  const taken = new Set<string>();
  const names: Array<string | null> = headers.map(() => null);
  const claim = (i: number, name: string): void => {
    names[i] = name;
    taken.add(name.toLowerCase());
  };
  headers.forEach((h, i) => {
    if (fixed(i) && h !== '') claim(i, h);
  });
  headers.forEach((h, i) => {
    if (names[i] !== null) return;
    const base = h === '' ? `Column${i + 1}` : h;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    claim(i, name);
  });
  return names as string[];
}

/**
 * A table over `columns.length` columns from `firstColumn`, its header at `headerRow` and `rowCount` rows
 * under it; none when there are no rows (Excel's tables need a row under the header).
 */
export function reportTable(name: string, headerRow: number, columns: readonly string[], rowCount: number, firstColumn = 1): ReportTable[] {
  return rowCount <= 0 || columns.length === 0 ? [] : [{ name, headerRow, lastRow: headerRow + rowCount, firstColumn, columns: [...columns] }];
}

/** A table's cells as an A1 reference (`A3:AF253`), header row included. */
export function tableRange(table: ReportTable): string {
  const first = columnLetters(table.firstColumn);
  const last = columnLetters(table.firstColumn + table.columns.length - 1);
  return `${first}${table.headerRow}:${last}${table.lastRow}`;
}

/** A sheet name as it stands in a reference: always quoted, a quote in it doubled. */
function quoted(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** The formula of a named cell's defined name: `'ABC Summary'!$B$17`. */
export function namedCellFormula(sheetName: string, cell: ReportNamedCell): string {
  return `${quoted(sheetName)}!$${columnLetters(cell.column)}$${cell.row}`;
}

/** The sheet a reference such as `'ABC Summary'!$B$17` (with or without `=`) is on, or null. */
export function sheetOfReference(formula: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula.trim().replace(/^=/, ''));
  if (m === null) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
}

/** The report's own column headers in every language, by text (lower case), to a key no language changes. */
const FIXED_KEYS: ReadonlyMap<string, string> = (() => {
  const keys = new Map<string, string>();
  for (const language of REPORT_LANGUAGES) {
    const t = reportText(language);
    for (const [section, texts] of [['pnl', t.pnl], ['rates', t.rates]] as const) {
      for (const [field, text] of Object.entries(texts)) {
        if (typeof text === 'string' && !keys.has(text.toLowerCase())) keys.set(text.toLowerCase(), `${section}.${field}`);
      }
    }
  }
  return keys;
})();

/** The P&L's unused-capacity headers (`Unused capacity: <pool>`) in every language, as prefix and suffix. */
const UNUSED_PATTERNS = REPORT_LANGUAGES.map((l) => reportText(l).pnl.unusedCapacityOf('\u0000').toLowerCase().split('\u0000') as [string, string]);

/**
 * What a table column is, whatever the report's language: one of the report's own headers (`Net profit`
 * and `Nettowinst` are one column), a pool's unused capacity, or a name from the model (an activity, a
 * dimension), which no language changes. A Refresh in the other language keeps such a column and only
 * renames it (references follow a renamed column).
 */
export function columnKey(header: string): string {
  const text = header.toLowerCase();
  const fixed = FIXED_KEYS.get(text);
  if (fixed !== undefined) return fixed;
  for (const [prefix, suffix] of UNUSED_PATTERNS) {
    if (text.length > prefix.length + suffix.length && text.startsWith(prefix) && text.endsWith(suffix)) return `unused:${text.slice(prefix.length, text.length - suffix.length)}`;
  }
  return `model:${text}`;
}

/**
 * The report's columns an existing table keeps, by what they are (see `columnKey`): the longest run of
 * them in the same order in both, since a table's columns cannot be moved. The others are deleted (the
 * old) or added (the new); a reference to a kept column keeps its meaning, one to a column that moved or
 * went shows #REF!. Returns the kept columns' keys.
 */
export function keptColumns(old: readonly string[], wanted: readonly string[]): Set<string> {
  const at = new Map(wanted.map((w, i) => [columnKey(w), i]));
  const positions = old.map((o) => at.get(columnKey(o))).filter((p): p is number => p !== undefined);
  // The longest increasing subsequence of the positions (quadratic: a report has tens of columns).
  const length = positions.map(() => 1);
  const before = positions.map(() => -1);
  positions.forEach((p, i) => {
    for (let j = 0; j < i; j++) {
      if ((positions[j] as number) < p && (length[j] as number) + 1 > (length[i] as number)) {
        length[i] = (length[j] as number) + 1;
        before[i] = j;
      }
    }
  });
  const kept = new Set<string>();
  let i = length.indexOf(Math.max(0, ...length));
  while (i >= 0) {
    kept.add(columnKey(wanted[positions[i] as number] as string));
    i = before[i] as number;
  }
  return kept;
}

/** The tables and named cells of a report sheet, as names. */
export function sheetReportNames(sheet: Pick<ReportSheet, 'tables' | 'namedCells'>): string[] {
  return [...(sheet.tables ?? []).map((t) => t.name), ...(sheet.namedCells ?? []).map((c) => c.name)];
}
