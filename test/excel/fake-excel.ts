/// <reference types="office-js" />
/**
 * An in-memory stand-in for the part of the Excel JavaScript API the gateway uses, with Excel's batch
 * semantics: proxies are resolved lazily when the batch runs, properties can be read only after `load`
 * and `sync`, operations run in order at `sync`, a failing operation stops the batch (earlier ones stay
 * applied), and every sync's request and response sizes are measured against Excel on the web's 5 MB
 * limit. Strings entered into a cell behave as when typed: `=1+1` becomes a formula unless the cell is
 * formatted as text. Names have Excel's two scopes: the workbook's (`workbook.names`) and each sheet's own
 * (`worksheet.names`). A date is stored, as in Excel, as its serial day number with a date number format,
 * and read back as that number. No Node or DOM imports: the browser test bundles this file as the
 * simulated host.
 */

import { fromLocalFormatCode, toLocalFormatCode } from '../../src/workbook/local-format-code';
import { isBefore1_11, notifyChanged, sheetId, worksheetsOnCalculated, worksheetsOnChanged } from './fake-events';
import { FakeFaults, operationBytes } from './fake-faults';

/** An error as Office.js throws it (`OfficeExtension.Error`), with its code. */
export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FakeScalar = string | number | boolean | null;

export interface FakeCell {
  value: FakeScalar;
  /** Set when the input was taken as a formula (what the gateway must never cause). */
  formula: string | null;
  /** An error value such as `#N/A`. */
  error: string | null;
  numberFormat: string;
  style: Record<string, unknown>;
}

export interface FakeName {
  name: string;
  /** `=Sheet1!$A$1:$D$5`, `='My sheet'!$A:$D`, or a constant such as `="x"`. */
  formula: string;
  visible: boolean;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  rows: number;
  columns: number;
  showTotals: boolean;
  /**
   * The column names as Excel keeps them, by position: a header cell written with another text renames its
   * column, and the formulas that refer to it follow (see `FakeWorkbook.syncTableHeaders`).
   */
  columnNames: string[];
  style?: string;
  showBandedRows?: boolean;
  /**
   * The table's own filter (`Table.autoFilter`, ExcelApi 1.9, apart from the sheet's AutoFilter): rows its
   * criteria hide and whether it holds a sort; `clearFilters` (ExcelApi 1.2) clears both. Absent: none.
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-autofilter-member
   */
  filter?: { hiddenRows: number; sorted: boolean };
}

/** A table's block, header included. */
function tableArea(t: FakeTable): Area {
  return { top: t.top, left: t.left, rows: t.rows, columns: t.columns };
}

function overlaps(a: Area, b: Area): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

/** A table's header texts as its cells hold them now ('' for a blank cell). */
function headerTexts(t: FakeTable): string[] {
  return Array.from({ length: t.columns }, (_, c) => {
    const v = t.sheet.peek(t.top, t.left + c)?.value;
    return v === null || v === undefined ? '' : String(v);
  });
}

/** Moves the cells of `area` by `dr` rows and `dc` columns, over what lies there (an insert or delete that shifts cells). */
function moveCells(sheet: FakeSheet, area: Area, dr: number, dc: number): void {
  const moved: Array<[number, number, FakeCell]> = [];
  for (const [k, cell] of [...sheet.cells]) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    if (r < area.top || r >= area.top + area.rows || c < area.left || c >= area.left + area.columns) continue;
    sheet.cells.delete(k);
    moved.push([r + dr, c + dc, cell]);
  }
  for (const [r, c, cell] of moved) Object.assign(sheet.cell(r, c), cell);
}

/** A regular expression for a literal text. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A drop-down set with `range.dataValidation.rule = { list }`: its cells and its source as given. */
export interface FakeValidation {
  sheet: FakeSheet;
  address: string;
  source: string;
  inCellDropDown: boolean;
}

/** What one sync sent and received. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** suspendApiCalculationUntilNextSync was called in this batch. */
  calculationSuspended: boolean;
  /** Bytes of cell values and formulas sent in this batch (formatting and styles excluded). */
  valueBytes: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A block of cells, 0-based. */
interface Area {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Excel's serial day number of a date (1900 date system; days from 1899-12-30, time as the fraction). */
export function dateSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The number format Excel (en-US) gives a cell when a date is typed into it. */
const TYPED_DATE_FORMAT = 'm/d/yyyy';
const TYPED_DATE_TIME_FORMAT = 'm/d/yyyy h:mm';

/** Parses `A1`, `A1:D5`, `$A:$D`, `3:5` (no sheet). */
export function parseArea(text: string): Area | null {
  const t = text.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(t);
  if (m !== null) {
    const top = Number(m[2]) - 1;
    const left = columnNumber(m[1] as string) - 1;
    const bottom = m[4] === undefined ? top : Number(m[4]) - 1;
    const right = m[3] === undefined ? left : columnNumber(m[3]) - 1;
    return { top: Math.min(top, bottom), left: Math.min(left, right), rows: Math.abs(bottom - top) + 1, columns: Math.abs(right - left) + 1 };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(t);
  if (m !== null) {
    const left = columnNumber(m[1] as string) - 1;
    const right = columnNumber(m[2] as string) - 1;
    return { top: 0, left, rows: MAX_ROWS, columns: right - left + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(t);
  if (m !== null) {
    const top = Number(m[1]) - 1;
    return { top, left: 0, rows: Number(m[2]) - top, columns: MAX_COLUMNS };
  }
  return null;
}

/** Splits `'My sheet'!A1:B2` into sheet and area text. */
export function splitReference(ref: string): { sheet: string | null; area: string } {
  const text = ref.startsWith('=') ? ref.slice(1) : ref;
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: null, area: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, area: text.slice(bang + 1) };
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/**
 * Excel's rules for a sheet name (code InvalidArgument): 1 to 31 characters (UTF-16 units), none of
 * `: \ / ? * [ ]`, not starting or ending with an apostrophe, not `History` (reserved by Excel's change
 * tracking), and no half of a character written as two units (a name cut inside an emoji).
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function checkSheetName(name: string): void {
  const bad =
    name.trim() === '' ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history' ||
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name);
  if (bad) throw new FakeOfficeError('InvalidArgument', `The sheet name '${name}' is not valid.`);
}

/**
 * Excel's rules for a defined name (code InvalidArgument): starts with a letter, `_` or `\\`, then letters,
 * digits, `.` and `_` only, at most 255 characters, and it must not look like a cell reference in either
 * style (`ABC1`, `XFD1048576`, `R1C1`, `R`, `C`, `R2`, `C3`, `RC`).
 */
export function checkDefinedName(name: string): void {
  const bad =
    name.length === 0 ||
    name.length > 255 ||
    !/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) ||
    isA1Reference(name) ||
    /^(R|C|R\d*C\d*|R\d+|C\d+)$/i.test(name);
  if (bad) throw new FakeOfficeError('InvalidArgument', `The name '${name}' is not valid.`);
}

function isA1Reference(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (m === null) return false;
  const row = Number(m[2]);
  return columnNumber(m[1] as string) <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS;
}

/**
 * A sheet prefix in a formula: `'My sheet'!` or `Sheet1!` (not the `REF!` of `#REF!`). Group 1 is the sheet
 * as written. String literals are left out by `outsideStrings`.
 */
const SHEET_PREFIX = /('(?:[^']|'')+'|(?<![#\w.'\u00C0-\uFFFF])[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;

function unquoteSheet(written: string): string {
  return written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;
}

/** Applies `f` to the parts of a formula outside its string literals. */
function outsideStrings(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}

/**
 * Rewrites every reference to sheet `old` in a formula as Excel does: to the new name on a rename, and to
 * `#REF!` when the sheet is deleted (`='ABC Summary'!B3` becomes `=#REF!B3`, for good).
 */
export function rewriteSheetReferences(formula: string, old: string, renamed: string | null): string {
  const key = old.toLowerCase();
  return outsideStrings(formula, (part) =>
    part.replace(SHEET_PREFIX, (whole, written: string) => {
      if (unquoteSheet(written).toLowerCase() !== key) return whole;
      return renamed === null ? '#REF!' : `${quote(renamed)}!`;
    }),
  );
}

type Result = { value: FakeScalar; error: string | null };

const REFERENCE = /^(?:('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})$/;

/** Splits the arguments of a function call at top-level commas. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') depth++;
    else if (!inString && ch === ')') depth--;
    else if (!inString && depth === 0 && (ch === ',' || ch === ';')) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** A reference term of a formula to its sheet and block, `#REF!` when the sheet is gone. */
function referenceOf(sheet: FakeSheet, term: string): { sheet: FakeSheet; area: Area } | Result | null {
  const m = REFERENCE.exec(term);
  if (m === null) return null;
  const target = m[1] === undefined ? sheet : sheet.book?.sheet(unquoteSheet(m[1]));
  const area = parseArea(m[2] as string);
  if (target === undefined || target === null || area === null) return { value: null, error: '#REF!' };
  return { sheet: target, area };
}

/**
 * The fake's evaluator, enough for the tests: a constant, a reference to one cell (`='My sheet'!$J$7`,
 * `=B2`), a defined name, and `VLOOKUP(x, 'Sheet'!A:D, n, FALSE)` (exact match only). A formula holding
 * `#REF!` is the error `#REF!`; anything else is `#NAME?` (the evaluator does not know it).
 */
export function evaluateFormula(sheet: FakeSheet, formula: string, depth: number): Result {
  const body = formula.replace(/^=/, '').trim();
  if (depth > 20) return { value: null, error: '#REF!' };
  if (outsideStrings(body, (p) => (p.includes('#REF!') ? '\u0000' : '')).includes('\u0000')) return { value: null, error: '#REF!' };
  if (/^"(?:[^"]|"")*"$/.test(body)) return { value: body.slice(1, -1).replace(/""/g, '"'), error: null };
  if (/^-?\d+(\.\d+)?$/.test(body)) return { value: Number(body), error: null };
  if (/^(TRUE|FALSE)$/i.test(body)) return { value: body.toUpperCase() === 'TRUE', error: null };
  const xlookup = /^XLOOKUP\((.*)\)$/i.exec(body);
  if (xlookup !== null) return evaluateXlookup(sheet, splitArguments(xlookup[1] as string), depth);
  const vlookup = /^VLOOKUP\((.*)\)$/i.exec(body);
  if (vlookup !== null) return evaluateVlookup(sheet, splitArguments(vlookup[1] as string), depth);
  const ref = referenceOf(sheet, body);
  if (ref !== null) {
    if (!('area' in ref)) return ref;
    if (ref.area.rows !== 1 || ref.area.columns !== 1) return { value: null, error: '#VALUE!' };
    const cell = ref.sheet.peek(ref.area.top, ref.area.left);
    if (cell !== undefined && cell.formula !== null) return evaluateFormula(ref.sheet, cell.formula, depth + 1);
    return { value: cell?.value ?? 0, error: cell?.error ?? null };
  }
  const name = sheet.names.find((n) => n.name.toLowerCase() === body.toLowerCase()) ?? sheet.book?.names.find((n) => n.name.toLowerCase() === body.toLowerCase());
  if (name !== undefined) return evaluateFormula(sheet, name.formula, depth + 1);
  return { value: null, error: '#NAME?' };
}

/** A table column by a structured reference (`ABC_PnL[Net profit]`): the table and the column's index, or null. */
function tableColumnOf(book: FakeWorkbook | null, reference: string): { table: FakeTable; index: number } | null {
  const m = /^([A-Za-z_\\][\w.]*)\[([^\]]+)\]$/.exec(reference.trim());
  const table = m === null ? undefined : book?.tables.find((t) => t.name.toLowerCase() === (m[1] as string).toLowerCase());
  if (m === null || table === undefined) return null;
  const index = table.columnNames.findIndex((n) => n.toLowerCase() === (m[2] as string).toLowerCase());
  return index < 0 ? null : { table, index };
}

/** `XLOOKUP(key, Table[Column], Table[Column])`: exact match, over the table's rows as they are now. */
function evaluateXlookup(sheet: FakeSheet, args: string[], depth: number): Result {
  if (args.length !== 3) return { value: null, error: '#NAME?' };
  const key = evaluateFormula(sheet, args[0] as string, depth + 1);
  if (key.error !== null) return key;
  const from = tableColumnOf(sheet.book, args[1] as string);
  const to = tableColumnOf(sheet.book, args[2] as string);
  if (from === null || to === null || from.table !== to.table) return { value: null, error: '#REF!' };
  const t = from.table;
  for (let r = t.top + 1; r < t.top + t.rows; r++) {
    const found = t.sheet.result(t.sheet.peek(r, t.left + from.index));
    if (found.error === null && found.value === key.value) {
      const v = t.sheet.result(t.sheet.peek(r, t.left + to.index));
      return { value: v.value ?? 0, error: v.error };
    }
  }
  return { value: null, error: '#N/A' };
}

function evaluateVlookup(sheet: FakeSheet, args: string[], depth: number): Result {
  if (args.length !== 4 || !/^(FALSE|0)$/i.test(args[3] ?? '')) return { value: null, error: '#NAME?' };
  const key = evaluateFormula(sheet, args[0] as string, depth + 1);
  if (key.error !== null) return key;
  const table = referenceOf(sheet, args[1] as string);
  if (table === null) return { value: null, error: '#NAME?' };
  if (!('area' in table)) return table;
  const column = evaluateFormula(sheet, args[2] as string, depth + 1);
  if (column.error !== null) return column;
  const n = Number(column.value);
  if (!Number.isInteger(n) || n < 1) return { value: null, error: '#VALUE!' };
  if (n > table.area.columns) return { value: null, error: '#REF!' };
  const used = table.sheet.usedArea();
  const bottom = Math.min(table.area.top + table.area.rows, used === null ? 0 : used.top + used.rows);
  const same = (v: FakeScalar): boolean =>
    typeof v === 'string' && typeof key.value === 'string' ? v.toLowerCase() === key.value.toLowerCase() : v === key.value;
  for (let r = table.area.top; r < bottom; r++) {
    const first = table.sheet.result(table.sheet.peek(r, table.area.left));
    if (first.error === null && same(first.value)) {
      const found = table.sheet.result(table.sheet.peek(r, table.area.left + n - 1));
      return { value: found.value ?? 0, error: found.error };
    }
  }
  return { value: null, error: '#N/A' };
}

function areaAddress(area: Area): string {
  const a = `${columnLetters(area.left + 1)}${area.top + 1}`;
  if (area.rows === 1 && area.columns === 1) return a;
  return `${a}:${columnLetters(area.left + area.columns)}${area.top + area.rows}`;
}

/** The cells a range argument names on `sheet`: a range of that sheet, or an address without a sheet. */
function areaOfArgument(arg: FakeRange | string, sheet: FakeSheet): Area {
  if (typeof arg === 'string') {
    const a = parseArea(arg);
    if (a === null) throw new FakeOfficeError('InvalidArgument', `Bad address ${arg}.`);
    return a;
  }
  const target = arg['must']();
  if (target.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'The range is on another sheet.');
  return target.area;
}

/** One worksheet of the fake workbook. */
export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly names: FakeName[] = [];
  frozen = { rows: 0, columns: 0 };
  readonly columnWidths = new Map<number, number>();
  /** A protected sheet refuses every change, as Excel does (code AccessDenied). */
  protected = false;
  /** `Excel.SheetVisibility`: a very hidden sheet cannot be deleted until it is made (merely) hidden or visible. */
  visibility: SheetVisibility = 'Visible';
  /** The workbook the sheet belongs to, for formulas that reach other sheets and names. */
  book: FakeWorkbook | null = null;
  /** Charts on the sheet (`worksheet.charts`), in the order they were added. */
  readonly charts: FakeChart[] = [];
  /** Print settings set through `worksheet.pageLayout` (ExcelApi 1.9); null until set. */
  print: {
    orientation: string | null;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
    /** `setPrintTitleRows` / `setPrintTitleColumns` (ExcelApi 1.9), as the address given; absent until set. */
    titleRows?: string;
    titleColumns?: string;
  } = {
    orientation: null,
    zoom: null,
  };
  /**
   * The sheet's AutoFilter (`Worksheet.autoFilter`, ExcelApi 1.9): its block, the rows its criteria hide
   * (0-based) and whether it holds a sort; null when the sheet has none.
   */
  autoFilter: { area: Area; hiddenRows: Set<number>; sorted: boolean } | null = null;

  constructor(public name: string) {}

  /** The AutoFilter's cells as an address (`A3:AC253`); null without one. */
  get autoFilterAddress(): string | null {
    return this.autoFilter === null ? null : areaAddress(this.autoFilter.area);
  }

  /** Test setup: an AutoFilter over `address` whose criteria hide `hiddenRows` (1-based, as the user sees them). */
  setAutoFilter(address: string, hiddenRows: readonly number[], sorted = false): this {
    const a = parseArea(address);
    if (a === null) throw new Error(`bad address ${address}`);
    this.autoFilter = { area: a, hiddenRows: new Set(hiddenRows.map((r) => r - 1)), sorted };
    return this;
  }

  /**
   * Test setup: a conditional format (the user's) over `address`, kept per cell as Excel keeps its
   * ranges: `clear('All')` or `clear('Formats')` and a paste of formats over a cell take it off that cell.
   */
  addConditionalFormat(address: string, id: string): this {
    const a = parseArea(address);
    if (a === null) throw new Error(`bad address ${address}`);
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.columns; c++) this.cell(a.top + r, a.left + c).style.conditionalFormat = id;
    return this;
  }

  /** The cells (A1 addresses) a conditional format still covers (test helper). */
  conditionalFormatCells(id: string): string[] {
    return [...this.cells.entries()]
      .filter(([, c]) => c.style.conditionalFormat === id)
      .map(([k]) => k.split(',').map(Number) as [number, number])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1])
      .map(([r, c]) => `${columnLetters(c + 1)}${r + 1}`);
  }

  private static key(row: number, column: number): string {
    return `${row},${column}`;
  }

  /** The cell at 0-based indexes, or undefined when never touched. */
  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }

  /** The cell at 0-based indexes, created blank when needed. */
  cell(row: number, column: number): FakeCell {
    const k = FakeSheet.key(row, column);
    let c = this.cells.get(k);
    if (c === undefined) {
      c = { value: null, formula: null, error: null, numberFormat: 'General', style: {} };
      this.cells.set(k, c);
    }
    return c;
  }

  /** The cell at an A1 address (test helper). */
  at(address: string): FakeCell | undefined {
    const a = parseArea(address);
    return a === null ? undefined : this.peek(a.top, a.left);
  }

  /**
   * Test setup: stores values as they are (strings as text; `{error}` as an error value), from an A1 cell.
   * A Date is stored as Excel stores a typed date: its serial number, with a date number format.
   */
  setValues(topLeft: string, rows: ReadonlyArray<ReadonlyArray<FakeScalar | Date | { error: string }>>): this {
    const a = parseArea(topLeft);
    if (a === null) throw new Error(`bad address ${topLeft}`);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.cell(a.top + r, a.left + c);
        if (v instanceof Date) {
          cell.value = dateSerial(v);
          cell.error = null;
          cell.numberFormat = v.getTime() % 86_400_000 === 0 ? TYPED_DATE_FORMAT : TYPED_DATE_TIME_FORMAT;
        } else if (v !== null && typeof v === 'object') {
          cell.error = v.error;
          cell.value = null;
        } else {
          cell.value = v;
          cell.error = null;
        }
      }),
    );
    // The test's stand-in for the user typing: Excel raises onChanged for it.
    if (this.book !== null) notifyChanged(this.book, this, { ...a, rows: rows.length, columns: Math.max(0, ...rows.map((r) => r.length)) }, 'Unknown');
    return this;
  }

  /**
   * Test setup: formulas typed from an A1 cell, as a user would (`='ABC Customer P&L'!J7`); their values are
   * computed on read by the fake's small evaluator (see `evaluateFormula`).
   */
  setFormulas(topLeft: string, rows: ReadonlyArray<ReadonlyArray<string>>): this {
    const a = parseArea(topLeft);
    if (a === null) throw new Error(`bad address ${topLeft}`);
    rows.forEach((row, r) =>
      row.forEach((f, c) => {
        const cell = this.cell(a.top + r, a.left + c);
        cell.formula = f.startsWith('=') ? f : `=${f}`;
        cell.value = null;
        cell.error = null;
      }),
    );
    return this;
  }

  /** What a cell shows: a formula's result computed now, else the stored value or error. */
  result(cell: FakeCell | undefined): { value: FakeScalar; error: string | null } {
    if (cell === undefined) return { value: null, error: null };
    if (cell.formula === null) return { value: cell.value, error: cell.error };
    return evaluateFormula(this, cell.formula, 0);
  }

  /** Test setup: gives every cell of a block a number format (`dd-mm-yyyy`, `0.00%`). */
  setNumberFormat(address: string, format: string): this {
    const a = parseArea(address);
    if (a === null) throw new Error(`bad address ${address}`);
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.columns; c++) this.cell(a.top + r, a.left + c).numberFormat = format;
    return this;
  }

  /** Test setup: a name scoped to this sheet, as Excel's Name Manager makes with Scope = the sheet. */
  addName(name: string, formula: string): FakeName {
    checkDefinedName(name);
    const n = { name, formula: formula.startsWith('=') ? formula : `=${formula}`, visible: true };
    this.names.push(n);
    return n;
  }

  /** The bounding block of cells holding a value, formula or error; null for an empty sheet. */
  usedArea(): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (c.value === null && c.formula === null && c.error === null) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** The values of a block as a matrix (test helper): errors as their text, blanks as null. */
  valuesOf(address: string): FakeScalar[][] {
    const a = parseArea(address);
    if (a === null) throw new Error(`bad address ${address}`);
    return Array.from({ length: a.rows }, (_, r) =>
      Array.from({ length: a.columns }, (_, c) => {
        const { value, error } = this.result(this.peek(a.top + r, a.left + c));
        return error ?? value;
      }),
    );
  }
}

/**
 * The region the host formats numbers for (null: en-US, where invariant and local codes are the same).
 * `numberFormatReadLocally` reproduces https://github.com/OfficeDev/office-js/issues/1553 (Excel for Mac
 * 16.45, region Germany): a code set through `Range.numberFormat`, which the reference calls the invariant
 * (en-US) code (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member),
 * is read with the local separators, so `#,##0.00` is kept as `#.##0,00` and shown garbled, while
 * `Range.numberFormatLocal` (ExcelApi 1.7) is taken right. `numberFormatLocalIgnored` reproduces
 * https://github.com/OfficeDev/office-js/issues/1632 (Excel on the web, same region): the local code is
 * taken as if invariant, so it is garbled too.
 */
export interface FakeRegion {
  decimal: string;
  group: string;
  numberFormatReadLocally: boolean;
  numberFormatLocalIgnored?: boolean;
  /** Excel's own separators (File > Options > Advanced) instead of the system's: `useSystemSeparators` false. */
  excelSeparators?: { decimal: string; group: string };
}

/** The separators Excel formats numbers with in a region: its own where the user set them, else the system's. */
function regionSeparators(region: FakeRegion): { decimal: string; group: string } {
  return region.excelSeparators ?? region;
}

/** A whole workbook with its counters; `run` is its `Excel.run`. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  readonly tables: FakeTable[] = [];
  readonly validations: FakeValidation[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  readonly syncLog: SyncRecord[] = [];
  /** Excel on the web refuses requests and responses over 5 MB. */
  payloadLimit = 5 * 1024 * 1024;
  /** Makes an operation fail, to test error handling; return an error to throw it. */
  fault: ((operation: string) => FakeOfficeError | null) | null = null;
  /** Workbook structure protection: no sheets may be added or deleted (code AccessDenied). */
  workbookProtected = false;
  /** Milliseconds each sync waits, to make progress visible in the browser (0 in unit tests). */
  syncDelayMs = 0;
  /** Hanging syncs, cell-edit mode, GeneralException on size and localized messages (fake-faults.ts). */
  readonly faults = new FakeFaults();
  /** The workbook counts dates from 1904 (File > Options > Advanced); serials are stored as they are. */
  date1904 = false;
  /** The host's number format region (FakeRegion); null is en-US. */
  region: FakeRegion | null = null;
  /** An error value `workbook.functions` answers with instead of a result (null: they compute), to test the unknown case. */
  functionError: string | null = null;

  get syncs(): number {
    return this.syncLog.length;
  }

  addSheet(name: string): FakeSheet {
    checkSheetName(name);
    if (this.sheet(name) !== undefined) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
    const ws = new FakeSheet(name);
    ws.book = this;
    this.sheets.push(ws);
    if (this.activeSheet === null) this.activeSheet = name;
    return ws;
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  addName(name: string, formula: string): FakeName {
    checkDefinedName(name);
    const n = { name, formula: formula.startsWith('=') ? formula : `=${formula}`, visible: true };
    this.names.push(n);
    return n;
  }

  /** Every formula of the workbook (cells and names of both scopes), rewritten by `f`. */
  private rewriteFormulas(f: (formula: string) => string): void {
    for (const n of this.names) n.formula = f(n.formula);
    for (const ws of this.sheets) {
      for (const n of ws.names) n.formula = f(n.formula);
      for (const c of ws.cells.values()) if (c.formula !== null) c.formula = f(c.formula);
    }
  }

  /** Renames a sheet as Excel does: every reference to it follows the new name. */
  renameSheet(ws: FakeSheet, name: string): void {
    if (this.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
    checkSheetName(name);
    const other = this.sheet(name);
    if (other !== undefined && other !== ws) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
    const old = ws.name;
    this.rewriteFormulas((f) => rewriteSheetReferences(f, old, name));
    if (this.activeSheet === old) this.activeSheet = name;
    ws.name = name;
  }

  /**
   * Deletes a sheet as Excel does: refused in a protected workbook (AccessDenied), for a very hidden sheet
   * (GeneralException, by design: make it hidden or visible first) and for the last visible sheet
   * (InvalidOperation). Every reference to it becomes `#REF!` for good; a new sheet of the same name does
   * not bring them back.
   */
  deleteSheet(ws: FakeSheet): void {
    if (this.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
    if (ws.visibility === 'VeryHidden') throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
    if (ws.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(ws), 1);
    for (const t of this.tables.filter((x) => x.sheet === ws)) this.removeTable(t);
    this.rewriteFormulas((f) => rewriteSheetReferences(f, ws.name, null));
    ws.book = null;
    if (this.activeSheet === ws.name) this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible')?.name ?? null;
  }

  /** Shows or hides a sheet; the last visible sheet cannot be hidden (InvalidOperation). */
  setVisibility(ws: FakeSheet, visibility: SheetVisibility): void {
    if (this.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
    if (visibility !== 'Visible' && ws.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    ws.visibility = visibility;
  }

  addTable(name: string, sheet: string, address: string, options: { showTotals?: boolean } = {}): FakeTable {
    const ws = this.sheet(sheet);
    const a = parseArea(address);
    if (ws === undefined || a === null) throw new Error(`bad table ${sheet}!${address}`);
    const t: FakeTable = { name, sheet: ws, ...a, showTotals: options.showTotals ?? false, columnNames: [] };
    t.columnNames = headerTexts(t);
    this.tables.push(t);
    return t;
  }

  /**
   * Excel's structured references follow their column and table: renamed with it, `#REF!` once it is
   * deleted (`to` null; `column` null: the whole table).
   * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
   */
  rewriteStructured(table: string, column: string | null, to: string | null): void {
    const pattern = new RegExp(`(?<![\\w.])${literal(table)}\\[${column === null ? '[^\\]]*' : literal(column)}\\]`, 'gi');
    this.rewriteFormulas((f) => f.replace(pattern, to === null ? '#REF!' : `${table}[${to}]`));
  }

  /**
   * After every operation: a header cell written with another text renames its table column, as Excel does,
   * and references to the column follow; a blank or repeated header is made unique by Excel itself
   * (`Column3`, `Name2`), in the cell too.
   */
  syncTableHeaders(): void {
    for (const t of this.tables) {
      const texts = headerTexts(t);
      texts.forEach((text, i) => {
        const old = t.columnNames[i];
        if (text === old) return;
        const others = new Set(t.columnNames.filter((_n, j) => j !== i).map((n) => n.toLowerCase()));
        const base = text === '' ? `Column${i + 1}` : text;
        let name = base;
        for (let n = 2; others.has(name.toLowerCase()); n++) name = `${base}${n}`;
        if (name !== text) t.sheet.cell(t.top, t.left + i).value = name;
        if (old !== undefined) this.rewriteStructured(t.name, old, name);
        t.columnNames[i] = name;
      });
    }
  }

  /** A renamed table: references by its old name follow it. */
  rewriteStructuredTable(from: string, to: string): void {
    const pattern = new RegExp(`(?<![\\w.])${literal(from)}\\[`, 'gi');
    this.rewriteFormulas((f) => f.replace(pattern, `${to}[`));
  }

  /** Removes a table (its cells stay); references to it show `#REF!`. */
  removeTable(t: FakeTable): void {
    this.tables.splice(this.tables.indexOf(t), 1);
    this.rewriteStructured(t.name, null, null);
  }

  /** Resolves a reference (`=Sheet!$A$1:$B$2`) to a sheet and block, or null when it is no range. */
  resolveReference(formula: string): { sheet: FakeSheet; area: Area } | null {
    const { sheet, area } = splitReference(formula);
    if (sheet === null) return null;
    const ws = this.sheet(sheet);
    const a = parseArea(area);
    return ws === undefined || a === null ? null : { sheet: ws, area: a };
  }

  /** `Excel.run` over this workbook: `run(batch)` or, as Office.js also has it, `run(options, batch)`. */
  run = async <T>(...args: [batch: (context: FakeContext) => Promise<T>] | [options: FakeRunOptions, batch: (context: FakeContext) => Promise<T>]): Promise<T> => {
    const [options, batch] = args.length === 1 ? [{}, args[0]] : args;
    const context = new FakeContext(this, options);
    const result = await batch(context);
    await context.sync();
    return result;
  };

  /** Every sheet-level worksheet-scoped name marking an owned sheet (test helper). */
  hiddenNamesOf(sheet: string): FakeName[] {
    return (this.sheet(sheet)?.names ?? []).filter((n) => !n.visible);
  }
}

type Operation = { label: string; bytes: number; run: () => number };

/** The part of `Excel.RunOptions` the fake knows. */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

/** A request context: queues operations and runs them at `sync`. */
export class FakeContext {
  private queue: Operation[] = [];
  private suspended = false;
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(
    readonly book: FakeWorkbook,
    readonly runOptions: FakeRunOptions = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this, () => {
      this.suspended = true;
    });
  }

  /** Queues an operation; `payload` is what would travel in the request; `run` returns response bytes. */
  enqueue(label: string, payload: unknown, run: () => number): void {
    this.queue.push({ label, bytes: operationBytes(payload), run });
  }

  /** Runs the queued operations; an error has its message in the fake's language (`faults.language`). */
  async sync(): Promise<void> {
    try {
      await this.syncQueued();
    } catch (err) {
      throw this.book.faults.localize(err);
    }
  }

  private async syncQueued(): Promise<void> {
    const ops = this.queue;
    const suspended = this.suspended;
    this.queue = [];
    this.suspended = false;
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const valueBytes = ops.filter((o) => o.label === 'range.values' || o.label === 'range.formulas').reduce((n, o) => n + o.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length, calculationSuspended: suspended, valueBytes };
    this.book.syncLog.push(record);
    if (this.book.syncDelayMs > 0) await new Promise((r) => setTimeout(r, this.book.syncDelayMs));
    else await Promise.resolve();
    await this.book.faults.beforeSync({ operations: ops.length, requestBytes, delayForCellEdit: this.runOptions.delayForCellEdit === true });
    if (requestBytes > this.book.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    }
    for (const op of ops) {
      const fault = this.book.fault?.(op.label) ?? null;
      if (fault !== null) throw fault;
      record.responseBytes += op.run();
      this.book.syncTableHeaders();
    }
    if (record.responseBytes > this.book.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    }
  }
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadList(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (Array.isArray(spec)) return spec.flatMap((s) => s.split(',')).map((s) => s.trim());
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim());
  return loadList(spec.select);
}

/** The common part of every proxy: lazy resolution, identity once resolved, loaded properties. */
abstract class Proxy<T> {
  protected readonly loaded = new Map<string, unknown>();
  private target: T | null | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly resolver: () => T | null,
    private readonly orNull = false,
  ) {}

  /** The object behind the proxy, resolved on first use while a batch runs. */
  protected resolve(): T | null {
    if (this.target === undefined) {
      const t = this.resolver();
      if (t === null && !this.orNull) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.constructor.name}).`);
      this.target = t;
    }
    return this.target;
  }

  protected must(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError('InvalidArgument', 'The operation is not valid on a null object.');
    return t;
  }

  /** Reads a loaded property, as Office.js does only after `load` and `sync`. */
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load and sync first.`);
    }
    return this.loaded.get(prop) as V;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  /** Snapshot of one property of the resolved object. */
  protected abstract read(target: T, prop: string): unknown;

  load(spec?: LoadSpec): this {
    const props = loadList(spec);
    this.ctx.enqueue('load', undefined, () => {
      const t = this.resolve();
      this.loaded.set('isNullObject', t === null);
      if (t === null) return 24;
      let bytes = 0;
      for (const p of props) {
        if (p === '' || p === 'isNullObject') continue;
        const v = this.read(t, p);
        this.loaded.set(p, v);
        bytes += JSON.stringify(v ?? null).length + p.length + 4;
      }
      return bytes;
    });
    return this;
  }

  /** Test-only access to the target once resolved. */
  protected loadedWith(target: T, props: string[]): this {
    this.target = target;
    for (const p of props) this.loaded.set(p, this.read(target, p));
    this.loaded.set('isNullObject', false);
    return this;
  }
}

/** A collection proxy: `load('items/name,items/type')` gives `items` with those properties loaded. */
abstract class CollectionProxy<T, P extends Proxy<T>> extends Proxy<T[]> {
  protected abstract child(target: T): P;
  protected abstract childProps(target: T, props: string[]): P;

  override load(spec?: LoadSpec): this {
    const props = loadList(spec)
      .filter((p) => p.startsWith('items/'))
      .map((p) => p.slice('items/'.length));
    this.ctx.enqueue('load', undefined, () => {
      const list = this.must();
      const items = list.map((t) => this.childProps(t, props));
      this.loaded.set('items', items);
      return JSON.stringify(items.map((_, i) => props.map((p) => String(this.readChild(list[i] as T, p))))).length;
    });
    return this;
  }

  protected abstract readChild(target: T, prop: string): unknown;

  /** A collection is read afresh each time: sheets added earlier in the batch are in it. */
  protected override resolve(): T[] {
    return this.resolver() ?? [];
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): P[] {
    return this.get<P[]>('items');
  }
}

/** Checks and queues a change to cells of a sheet. */
function guardSheet(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `The sheet ${sheet.name} is protected. You can't change it.`);
}

/** Enters one value into a cell as Excel does for `range.values`. */
function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  cell.formula = null;
  cell.error = null;
  if (typeof input !== 'string') {
    cell.value = input as FakeScalar;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  if (input === '') {
    cell.value = null;
    return;
  }
  if (input.startsWith('=') || input.startsWith('+') || input.startsWith('@') || (input.startsWith('-') && input.length > 1 && Number.isNaN(Number(input)))) {
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = null;
    cell.error = '#NAME?';
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  const n = Number(input);
  if (input.trim() !== '' && Number.isFinite(n)) {
    cell.value = n;
    return;
  }
  if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === 'true';
    return;
  }
  cell.value = input;
}

interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

function checkMatrix(area: Area, matrix: unknown, what: string): unknown[][] {
  if (!Array.isArray(matrix) || matrix.length !== area.rows || matrix.some((r) => !Array.isArray(r) || r.length !== area.columns)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`);
  }
  return matrix as unknown[][];
}

function eachCell(t: RangeTarget, f: (cell: FakeCell, r: number, c: number) => void): void {
  for (let r = 0; r < t.area.rows; r++) for (let c = 0; c < t.area.columns; c++) f(t.sheet.cell(t.area.top + r, t.area.left + c), r, c);
}

export class FakeRange extends Proxy<RangeTarget> {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, orNull = false) {
    super(ctx, resolver, orNull);
    this.format = new FakeRangeFormat(ctx, () => this.must());
    this.dataValidation = new FakeDataValidation(ctx, () => this.must());
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { area, sheet } = t;
    const matrix = (f: (cell: FakeCell | undefined) => unknown): unknown[][] =>
      Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (_, c) => f(sheet.peek(area.top + r, area.left + c))));
    // Formulas are recomputed on every read, as Excel's values follow their precedents.
    const shown = (cell: FakeCell | undefined): FakeCell | undefined => (cell === undefined || cell.formula === null ? cell : { ...cell, ...sheet.result(cell) });
    switch (prop) {
      case 'address':
        return `${quote(sheet.name)}!${areaAddress(area)}`;
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return area.rows;
      case 'columnCount':
        return area.columns;
      case 'values':
        return matrix((cell) => {
          const c = shown(cell);
          return c === undefined ? '' : (c.error ?? c.value ?? '');
        });
      case 'valueTypes':
        return matrix((cell) => {
          const c = shown(cell);
          if (c === undefined) return 'Empty';
          if (c.error !== null) return 'Error';
          if (c.value === null) return 'Empty';
          return typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
        });
      case 'numberFormat':
        return matrix((c) => c?.numberFormat ?? 'General');
      case 'numberFormatLocal': {
        const region = this.ctx.book.region;
        return matrix((c) => {
          const code = c?.numberFormat ?? 'General';
          return region === null ? code : (toLocalFormatCode(code, regionSeparators(region)) ?? code);
        });
      }
      case 'formulas':
        return matrix((c) => c?.formula ?? c?.value ?? '');
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not load Range.${prop}.`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(matrix: unknown[][]) {
    this.ctx.enqueue('range.values', matrix, () => {
      const t = this.must();
      guardSheet(t.sheet);
      const m = checkMatrix(t.area, matrix, 'input');
      eachCell(t, (cell, r, c) => enter(cell, m[r]?.[c]));
      notifyChanged(this.ctx.book, t.sheet, t.area, 'ThisLocalAddin');
      return 8;
    });
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** `Range.formulas`: a string starting with `=` is a formula, anything else is entered as a value. */
  set formulas(matrix: unknown[][]) {
    this.ctx.enqueue('range.formulas', matrix, () => {
      const t = this.must();
      guardSheet(t.sheet);
      const m = checkMatrix(t.area, matrix, 'input');
      eachCell(t, (cell, r, c) => {
        const f = m[r]?.[c];
        if (typeof f === 'string' && f.startsWith('=')) {
          cell.formula = f;
          cell.value = null;
          cell.error = null;
        } else enter(cell, f);
      });
      notifyChanged(this.ctx.book, t.sheet, t.area, 'ThisLocalAddin');
      return 8;
    });
  }

  /**
   * `Range.copyFrom` (ExcelApi 1.9) as Excel's Copy and Paste: the destination grows from its top-left cell to
   * the source's size; `All` replaces values, formulas and formats (blank source cells blank the
   * destination), `Values` pastes the results, `Formats` the number formats and styles. Column widths are
   * not copied. The fake does not shift relative references, so formulas are copied to the same cells only.
   */
  copyFrom(source: FakeRange | string, copyType: 'All' | 'Formulas' | 'Values' | 'Formats' = 'All', skipBlanks = false, transpose = false): void {
    this.ctx.enqueue('range.copyFrom', typeof source === 'string' ? source : copyType, () => {
      const dest = this.must();
      guardSheet(dest.sheet);
      if (skipBlanks || transpose) throw new FakeOfficeError('NotImplemented', 'The fake does not skip blanks or transpose.');
      let from: RangeTarget;
      if (typeof source === 'string') {
        const { sheet, area } = splitReference(source);
        const ws = sheet === null ? dest.sheet : this.ctx.book.sheet(sheet);
        const a = parseArea(area);
        if (ws === undefined || a === null) throw new FakeOfficeError('InvalidArgument', `Bad source address ${source}.`);
        from = { sheet: ws, area: a };
      } else from = source.must();
      const dr = dest.area.top - from.area.top;
      const dc = dest.area.left - from.area.left;
      const inside = (k: string, a: Area): [number, number] | null => {
        const [r, c] = k.split(',').map(Number) as [number, number];
        return r >= a.top && r < a.top + a.rows && c >= a.left && c < a.left + a.columns ? [r, c] : null;
      };
      const copied: Array<[number, number, FakeCell]> = [];
      for (const [k, cell] of from.sheet.cells) {
        const at = inside(k, from.area);
        if (at === null) continue;
        if (cell.formula !== null && (dr !== 0 || dc !== 0) && copyType !== 'Values' && copyType !== 'Formats') {
          throw new FakeOfficeError('NotImplemented', 'The fake copies formulas to the same cells only.');
        }
        copied.push([at[0] + dr, at[1] + dc, { ...cell, style: { ...cell.style }, ...(copyType === 'Values' ? from.sheet.result(cell) : {}) }]);
      }
      // Excel pastes over a filtered range into its visible rows only: the source's rows land further down,
      // past the rows the filter hides (the UI's rule for Paste, which the API's copyFrom shares).
      // https://support.microsoft.com/office/copy-visible-cells-only-6e3a1f01-2884-4332-b262-8b814412847e
      const hidden = dest.sheet.autoFilter?.hiddenRows ?? new Set<number>();
      if (hidden.size > 0) {
        let row = dest.area.top;
        const rowOf = new Map<number, number>();
        for (let r = 0; r < from.area.rows; r++) {
          while (hidden.has(row)) row++;
          rowOf.set(from.area.top + r, row++);
        }
        for (const c of copied) c[0] = rowOf.get(c[0] - dr) ?? c[0];
      }
      const target: Area = { top: dest.area.top, left: dest.area.left, rows: from.area.rows + hidden.size, columns: from.area.columns };
      const lastRow = dest.area.top + from.area.rows - 1 + [...hidden].filter((r) => r >= dest.area.top).length;
      for (const [k, cell] of [...dest.sheet.cells]) {
        const at = inside(k, target);
        // The rows the filter hides keep what they hold.
        if (at === null || hidden.has(at[0]) || at[0] > lastRow) continue;
        if (copyType === 'All') dest.sheet.cells.delete(k);
        else if (copyType === 'Formats') Object.assign(cell, { numberFormat: 'General', style: {} });
        else Object.assign(cell, { value: null, formula: null, error: null });
      }
      for (const [r, c, src] of copied) {
        const cell = dest.sheet.cell(r, c);
        if (copyType === 'All') Object.assign(cell, src);
        else if (copyType === 'Formats') Object.assign(cell, { numberFormat: src.numberFormat, style: src.style });
        else if (copyType === 'Values') Object.assign(cell, { value: src.value, formula: null, error: src.error });
        else Object.assign(cell, { value: src.value, formula: src.formula, error: src.error });
      }
      return 8;
    });
  }

  /** `Range.clear` (ExcelApi 1.1): `All` (default) blanks the cells and their formats, `Contents` or `Formats` one of them. */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.ctx.enqueue('range.clear', applyTo, () => {
      const t = this.must();
      guardSheet(t.sheet);
      const a = t.area;
      for (const [k, cell] of [...t.sheet.cells]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (r < a.top || r >= a.top + a.rows || c < a.left || c >= a.left + a.columns) continue;
        if (applyTo === 'All') t.sheet.cells.delete(k);
        else if (applyTo === 'Contents') Object.assign(cell, { value: null, formula: null, error: null });
        else Object.assign(cell, { numberFormat: 'General', style: {} });
      }
      return 8;
    });
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(matrix: string[][]) {
    const region = this.ctx.book.region;
    // The #1553 host reads the invariant code with its own separators (FakeRegion).
    this.setFormats('range.numberFormat', matrix, region?.numberFormatReadLocally === true ? (f) => fromLocalFormatCode(f, regionSeparators(region)) : (f) => f);
  }
  get numberFormatLocal(): string[][] {
    return this.get('numberFormatLocal');
  }
  /** `Range.numberFormatLocal` (ExcelApi 1.7): the code in the region's separators; the #1632 host takes it as invariant. */
  set numberFormatLocal(matrix: string[][]) {
    const region = this.ctx.book.region;
    this.setFormats('range.numberFormatLocal', matrix, region === null || region.numberFormatLocalIgnored === true ? (f) => f : (f) => fromLocalFormatCode(f, regionSeparators(region)));
  }
  private setFormats(label: string, matrix: string[][], kept: (code: string) => string): void {
    this.ctx.enqueue(label, matrix, () => {
      const t = this.must();
      guardSheet(t.sheet);
      const m = checkMatrix(t.area, matrix, 'number format');
      eachCell(t, (cell, r, c) => {
        const f = m[r]?.[c];
        if (typeof f === 'string') cell.numberFormat = kept(f);
      });
      return 8;
    });
  }

  private sheetProxy: FakeWorksheet | null = null;

  /** The same proxy every time, as in Office.js, so a load on it is seen later. */
  get worksheet(): FakeWorksheet {
    this.sheetProxy ??= new FakeWorksheet(this.ctx, () => this.must().sheet);
    return this.sheetProxy;
  }

  select(): void {
    this.ctx.enqueue('range.select', undefined, () => {
      const t = this.must();
      this.ctx.book.selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
      this.ctx.book.activeSheet = t.sheet.name;
      return 8;
    });
  }
}

/** `range.format` with font, fill, borders, widths and alignment, stored in the cells' `style`. */
/**
 * `range.dataValidation`, list rules only (all the add-in sets). As in Excel, a rule has one kind of
 * criteria, and a list given as `=Name` must name a defined name of the workbook (Excel refuses a source
 * that evaluates to an error); a new rule replaces the one on the same cells.
 */
class FakeDataValidation {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {}

  set rule(rule: { list?: { inCellDropDown: boolean; source: string } } & Record<string, unknown>) {
    this.ctx.enqueue('dataValidation.rule', JSON.stringify(rule), () => {
      const t = this.target();
      guardSheet(t.sheet);
      const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
      const list = rule.list;
      if (kinds.length !== 1 || list === undefined) throw new FakeOfficeError('InvalidArgument', 'A data validation rule has exactly one kind of criteria; the fake knows list.');
      if (typeof list.source !== 'string' || list.source.trim() === '') throw new FakeOfficeError('InvalidArgument', 'A list needs a source.');
      if (list.source.startsWith('=')) {
        const name = list.source.slice(1).toLowerCase();
        if (!this.ctx.book.names.some((n) => n.name.toLowerCase() === name)) {
          throw new FakeOfficeError('InvalidArgument', `The list source ${list.source} is not a defined name of the workbook.`);
        }
      }
      const address = areaAddress(t.area);
      const kept = this.ctx.book.validations.filter((v) => !(v.sheet === t.sheet && v.address === address));
      this.ctx.book.validations.splice(0, this.ctx.book.validations.length, ...kept, { sheet: t.sheet, address, source: list.source, inCellDropDown: list.inCellDropDown });
      return 8;
    });
  }

  get rule(): never {
    throw new FakeOfficeError('PropertyNotLoaded', 'dataValidation.rule is write-only in the fake.');
  }
}

/** Excel.HorizontalAlignment: the values `RangeFormat.horizontalAlignment` takes. */
const HORIZONTAL_ALIGNMENTS: ReadonlySet<unknown> = new Set(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed']);

class FakeRangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };

  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    this.font = this.styleSetter('font', ['bold', 'italic', 'size', 'color', 'name']);
    this.fill = this.styleSetter('fill', ['color']);
    this.borders = { getItem: (edge: string) => this.styleSetter(`border.${edge}`, ['style', 'color', 'weight']) };
  }

  /** Queues a style; `allowed`: the values Excel takes, any other failing the sync with InvalidArgument as Excel's does. */
  private setStyle(key: string, value: unknown, allowed?: ReadonlySet<unknown>): void {
    this.ctx.enqueue(`format.${key}`, value, () => {
      if (allowed !== undefined && !allowed.has(value)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (format.${key} ${String(value)}).`);
      const t = this.target();
      guardSheet(t.sheet);
      eachCell(t, (cell) => {
        cell.style[key] = value;
      });
      return 8;
    });
  }

  private styleSetter(prefix: string, props: string[]): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    for (const p of props) {
      Object.defineProperty(obj, p, {
        set: (v: unknown) => this.setStyle(`${prefix}.${p}`, v),
        get: () => {
          throw new FakeOfficeError('PropertyNotLoaded', `format.${prefix}.${p} is write-only in the fake.`);
        },
      });
    }
    return obj;
  }

  set wrapText(v: boolean) {
    this.setStyle('wrapText', v);
  }
  set verticalAlignment(v: string) {
    this.setStyle('verticalAlignment', v);
  }
  set horizontalAlignment(v: string) {
    this.setStyle('horizontalAlignment', v, HORIZONTAL_ALIGNMENTS);
  }
  set columnWidth(points: number) {
    this.ctx.enqueue('format.columnWidth', points, () => {
      const t = this.target();
      guardSheet(t.sheet);
      for (let c = 0; c < t.area.columns; c++) t.sheet.columnWidths.set(t.area.left + c, points);
      return 8;
    });
  }
}

interface NameTarget {
  item: FakeName;
  /** The sheet for a worksheet-scoped name. */
  scope: FakeSheet | null;
}

export class FakeNamedItem extends Proxy<NameTarget> {
  protected read(t: NameTarget, prop: string): unknown {
    switch (prop) {
      case 'name':
        return t.item.name;
      case 'formula':
        return t.item.formula;
      case 'visible':
        return t.item.visible;
      case 'scope':
        return t.scope === null ? 'Workbook' : 'Worksheet';
      case 'type': {
        if (this.ctx.book.resolveReference(t.item.formula) !== null) return 'Range';
        if (/#REF!/.test(t.item.formula)) return 'Error';
        return /^="/.test(t.item.formula) ? 'String' : 'Double';
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not load NamedItem.${prop}.`);
    }
  }
  static of(ctx: FakeContext, target: NameTarget, props: string[]): FakeNamedItem {
    return new FakeNamedItem(ctx, () => target)['loadedWith'](target, props);
  }
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  get scope(): 'Workbook' | 'Worksheet' {
    return this.get('scope');
  }
  /** The sheet the name is scoped to; as in Office.js, an error (ItemNotFound) for a workbook-scoped name. */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.must().scope);
  }
  get worksheetOrNullObject(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.must().scope, true);
  }
  /** `NamedItem.formula` set (ExcelApi 1.7): the name now refers to that. */
  set formula(v: string) {
    this.ctx.enqueue('name.formula', v, () => {
      const t = this.must();
      if (t.scope !== null) guardSheet(t.scope);
      t.item.formula = v.startsWith('=') ? v : `=${v}`;
      return 8;
    });
  }
  set visible(v: boolean) {
    this.ctx.enqueue('name.visible', v, () => {
      this.must().item.visible = v;
      return 8;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.ctx.book.resolveReference(this.must().item.formula);
      if (r === null) throw new FakeOfficeError('InvalidArgument', 'The name does not refer to a range.');
      return r;
    });
  }
  delete(): void {
    this.ctx.enqueue('name.delete', undefined, () => {
      const t = this.must();
      const list = t.scope === null ? this.ctx.book.names : t.scope.names;
      list.splice(list.indexOf(t.item), 1);
      return 8;
    });
  }
}

export class FakeNamedItemCollection extends CollectionProxy<NameTarget, FakeNamedItem> {
  constructor(
    ctx: FakeContext,
    private readonly scope: () => FakeSheet | null,
  ) {
    super(ctx, () => {
      const s = scope();
      return (s === null ? ctx.book.names : s.names).map((item) => ({ item, scope: s }));
    });
  }
  protected child(t: NameTarget): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => t);
  }
  protected childProps(t: NameTarget, props: string[]): FakeNamedItem {
    return FakeNamedItem.of(this.ctx, t, props);
  }
  protected readChild(t: NameTarget, prop: string): unknown {
    return prop === 'name' ? t.item.name : t.item.formula;
  }
  private find(name: string): NameTarget | null {
    const s = this.scope();
    const list = s === null ? this.ctx.book.names : s.names;
    const item = list.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return item === undefined ? null : { item, scope: s };
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name), true);
  }
  add(name: string, reference: FakeRange | string): FakeNamedItem {
    let created: NameTarget | null = null;
    this.ctx.enqueue('names.add', typeof reference === 'string' ? reference : name, () => {
      const s = this.scope();
      if (s !== null) guardSheet(s);
      checkDefinedName(name);
      if (this.find(name) !== null) throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} already exists.`);
      // Workbook names and tables share one namespace (see `table.name`).
      if (s === null && this.ctx.book.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A table named ${name} exists.`);
      }
      let formula: string;
      if (typeof reference === 'string') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
        // A structured reference to a table that does not exist is no formula Excel takes.
        const table = /^=([A-Za-z_][\w.]*)\[/.exec(formula)?.[1];
        if (table !== undefined && !this.ctx.book.tables.some((t) => t.name.toLowerCase() === table.toLowerCase())) {
          throw new FakeOfficeError('InvalidArgument', `The name ${name} refers to the table ${table}, which does not exist.`);
        }
      }
      else {
        const t = reference['must']();
        formula = `=${quote(t.sheet.name)}!${areaAddress(t.area).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      const item = { name, formula, visible: true };
      (s === null ? this.ctx.book.names : s.names).push(item);
      created = { item, scope: s };
      return 8;
    });
    return new FakeNamedItem(this.ctx, () => created);
  }
}

export class FakeTableProxy extends Proxy<FakeTable> {
  protected read(t: FakeTable, prop: string): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'showTotals':
        return t.showTotals;
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not load Table.${prop}.`);
    }
  }
  static of(ctx: FakeContext, t: FakeTable, props: string[]): FakeTableProxy {
    return new FakeTableProxy(ctx, () => t)['loadedWith'](t, props);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.enqueue('table.name', v, () => {
      const self = this.must();
      // A table's name follows the rules of defined names (letters, digits, _ . \, at most 255, no cell
      // address) and is unique among tables and workbook names, which share one namespace:
      // https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114
      checkDefinedName(v);
      const key = v.toLowerCase();
      if (this.ctx.book.tables.some((t) => t !== self && t.name.toLowerCase() === key) || this.ctx.book.names.some((n) => n.name.toLowerCase() === key)) {
        throw new FakeOfficeError('InvalidArgument', `The name ${v} is already in use.`);
      }
      const old = self.name;
      self.name = v;
      // References by the old name follow the table, as with a renamed column.
      if (old !== v) this.ctx.book.rewriteStructuredTable(old, v);
      return 8;
    });
  }
  /** `Table.worksheet` (ExcelApi 1.2). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.must().sheet);
  }
  /** `Table.columns` (ExcelApi 1.1; `add` with a name 1.4). */
  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.ctx, () => this.must());
  }
  /** `Table.rows` (ExcelApi 1.1; several rows at once 1.4). */
  get rows(): FakeTableRowCollection {
    return new FakeTableRowCollection(this.ctx, () => this.must());
  }
  set style(v: string) {
    this.ctx.enqueue('table.style', v, () => {
      this.must().style = v;
      return 8;
    });
  }
  set showBandedRows(v: boolean) {
    this.ctx.enqueue('table.showBandedRows', v, () => {
      this.must().showBandedRows = v;
      return 8;
    });
  }
  /** `Table.clearFilters` (ExcelApi 1.2): every row shown again and the sort dropped; the filter buttons stay. */
  clearFilters(): void {
    this.ctx.enqueue('table.clearFilters', undefined, () => {
      const t = this.must();
      guardSheet(t.sheet);
      if (t.filter !== undefined) t.filter = { hiddenRows: 0, sorted: false };
      return 8;
    });
  }
  /** `Table.autoFilter` (ExcelApi 1.9): `enabled` and `isDataFiltered` load. */
  get autoFilter(): FakeTableAutoFilter {
    return new FakeTableAutoFilter(this.ctx, () => this.must());
  }
  /** `Table.delete` (ExcelApi 1.1): the table goes, references to it show `#REF!`. */
  delete(): void {
    this.ctx.enqueue('table.delete', undefined, () => {
      const t = this.must();
      guardSheet(t.sheet);
      this.ctx.book.removeTable(t);
      return 8;
    });
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.must();
      return { sheet: t.sheet, area: { top: t.top, left: t.left, rows: t.rows, columns: t.columns } };
    });
  }
}

/** A table column as a proxy: its name loads, `delete()` removes it. */
/** A table's own AutoFilter as `Table.autoFilter` gives it: a table always has its filter buttons (enabled). */
export class FakeTableAutoFilter extends Proxy<FakeTable> {
  protected read(t: FakeTable, prop: string): unknown {
    if (prop === 'enabled') return true;
    if (prop === 'isDataFiltered') return t.filter !== undefined && (t.filter.hiddenRows > 0 || t.filter.sorted);
    throw new FakeOfficeError('InvalidArgument', `The fake does not load AutoFilter.${prop}.`);
  }
  get enabled(): boolean {
    return this.get('enabled');
  }
  get isDataFiltered(): boolean {
    return this.get('isDataFiltered');
  }
}

export class FakeTableColumn extends Proxy<{ table: FakeTable; index: number }> {
  protected read(t: { table: FakeTable; index: number }, prop: string): unknown {
    if (prop === 'name') return t.table.columnNames[t.index];
    throw new FakeOfficeError('InvalidArgument', `The fake does not load TableColumn.${prop}.`);
  }
  get name(): string {
    return this.get('name');
  }
  /** `TableColumn.delete` (ExcelApi 1.1): the cells right of it in the table's rows shift left; references to it show `#REF!`. */
  delete(): void {
    this.ctx.enqueue('tableColumn.delete', undefined, () => {
      const { table: t, index } = this.must();
      guardSheet(t.sheet);
      if (t.columns === 1) throw new FakeOfficeError('InvalidOperation', 'A table keeps at least one column.');
      const name = t.columnNames[index] as string;
      for (let r = 0; r < t.rows; r++) t.sheet.cells.delete(`${t.top + r},${t.left + index}`);
      moveCells(t.sheet, { top: t.top, left: t.left + index + 1, rows: t.rows, columns: MAX_COLUMNS }, 0, -1);
      t.columns -= 1;
      t.columnNames.splice(index, 1);
      this.ctx.book.rewriteStructured(t.name, name, null);
      return 8;
    });
  }
}

/** `Table.columns`: `load('items/name')`, `getItem(name)`, `add(index, values, name)`. */
export class FakeTableColumnCollection extends CollectionProxy<{ table: FakeTable; index: number }, FakeTableColumn> {
  constructor(
    ctx: FakeContext,
    private readonly table: () => FakeTable,
  ) {
    super(ctx, () => {
      const t = table();
      return t.columnNames.map((_n, index) => ({ table: t, index }));
    });
  }
  protected child(t: { table: FakeTable; index: number }): FakeTableColumn {
    return new FakeTableColumn(this.ctx, () => t);
  }
  protected childProps(t: { table: FakeTable; index: number }, props: string[]): FakeTableColumn {
    return new FakeTableColumn(this.ctx, () => t)['loadedWith'](t, props);
  }
  protected readChild(t: { table: FakeTable; index: number }): unknown {
    return t.table.columnNames[t.index];
  }
  getItem(key: string): FakeTableColumn {
    return new FakeTableColumn(this.ctx, () => {
      const t = this.table();
      const index = t.columnNames.findIndex((n) => n.toLowerCase() === key.toLowerCase());
      return index < 0 ? null : { table: t, index };
    });
  }
  /**
   * `TableColumnCollection.add` (ExcelApi 1.1; `name` 1.4): a column at `index` (the end when absent), the
   * cells from there to the right in the table's rows shift right. Its name must be new in the table.
   */
  add(index?: number, values?: unknown, name?: string): FakeTableColumn {
    let created: { table: FakeTable; index: number } | null = null;
    this.ctx.enqueue('tableColumns.add', name ?? null, () => {
      const t = this.table();
      guardSheet(t.sheet);
      if (values !== undefined) throw new FakeOfficeError('NotImplemented', 'The fake adds table columns without values.');
      const at = index === undefined || index === null || index < 0 ? t.columns : index;
      if (at > t.columns) throw new FakeOfficeError('InvalidArgument', 'The index is past the table.');
      let text = name ?? `Column${at + 1}`;
      for (let n = 2; t.columnNames.some((c) => c.toLowerCase() === text.toLowerCase()); n++) text = `${name ?? 'Column'}${n}`;
      moveCells(t.sheet, { top: t.top, left: t.left + at, rows: t.rows, columns: MAX_COLUMNS }, 0, 1);
      t.columns += 1;
      t.columnNames.splice(at, 0, text);
      t.sheet.cell(t.top, t.left + at).value = text;
      created = { table: t, index: at };
      return 8;
    });
    return new FakeTableColumn(this.ctx, () => created);
  }
}

/** A table row: `delete()` (ExcelApi 1.1) removes it, the cells under it in the table's columns shift up. */
export class FakeTableRow extends Proxy<{ table: FakeTable; index: number }> {
  protected read(): unknown {
    throw new FakeOfficeError('InvalidArgument', 'The fake loads nothing of a TableRow.');
  }
  delete(): void {
    this.ctx.enqueue('tableRow.delete', undefined, () => {
      const { table: t, index } = this.must();
      guardSheet(t.sheet);
      if (index < 0 || index >= t.rows - 1) throw new FakeOfficeError('ItemNotFound', 'The table has no such row.');
      if (t.rows === 2) throw new FakeOfficeError('InvalidOperation', 'A table keeps a row under its header.');
      const row = t.top + 1 + index;
      for (let c = 0; c < t.columns; c++) t.sheet.cells.delete(`${row},${t.left + c}`);
      moveCells(t.sheet, { top: row + 1, left: t.left, rows: MAX_ROWS, columns: t.columns }, -1, 0);
      t.rows -= 1;
      return 8;
    });
  }
}

/** `Table.rows`: `getItemAt(index)`, `add(index, values)`. */
export class FakeTableRowCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly table: () => FakeTable,
  ) {}
  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this.ctx, () => ({ table: this.table(), index }));
  }
  /**
   * `TableRowCollection.add` (ExcelApi 1.1; several rows 1.4): rows at the end (the fake adds nowhere else),
   * inserted: the cells under the table in its columns shift down.
   */
  add(index?: number, values?: unknown[][]): void {
    this.ctx.enqueue('tableRows.add', values ?? null, () => {
      const t = this.table();
      guardSheet(t.sheet);
      if (index !== undefined && index !== null && index !== t.rows - 1) throw new FakeOfficeError('NotImplemented', 'The fake adds table rows at the end only.');
      const rows = values ?? [t.columnNames.map(() => '')];
      if (rows.some((r) => r.length !== t.columns)) throw new FakeOfficeError('InvalidArgument', "The values don't match the table's columns.");
      const below = t.top + t.rows;
      moveCells(t.sheet, { top: below, left: t.left, rows: MAX_ROWS, columns: t.columns }, rows.length, 0);
      rows.forEach((r, i) => r.forEach((v, c) => enter(t.sheet.cell(below + i, t.left + c), v)));
      t.rows += rows.length;
      return 8;
    });
  }
}

export class FakeTableCollection extends CollectionProxy<FakeTable, FakeTableProxy> {
  constructor(
    ctx: FakeContext,
    private readonly scope: () => FakeSheet | null,
  ) {
    super(ctx, () => {
      const s = scope();
      return ctx.book.tables.filter((t) => s === null || t.sheet === s);
    });
  }
  protected child(t: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.ctx, () => t);
  }
  protected childProps(t: FakeTable, props: string[]): FakeTableProxy {
    return FakeTableProxy.of(this.ctx, t, props);
  }
  protected readChild(t: FakeTable, prop: string): unknown {
    return prop === 'name' ? t.name : t.showTotals;
  }
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, () => this.ctx.book.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | null = null;
    this.ctx.enqueue('tables.add', address, () => {
      const { sheet, area } = splitReference(address);
      const ws = sheet === null ? this.scope() : this.ctx.book.sheet(sheet);
      const a = parseArea(area);
      if (ws === null || ws === undefined || a === null) throw new FakeOfficeError('InvalidArgument', `Bad table address ${address}.`);
      guardSheet(ws);
      if (!hasHeaders) throw new FakeOfficeError('InvalidArgument', 'The fake only makes tables with headers.');
      // https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)
      // A table needs a row under its header, may not overlap another table nor the sheet's AutoFilter (the
      // table brings its own filter buttons):
      // https://support.microsoft.com/office/overview-of-excel-tables-7ab0bb7d-3a9e-4b56-a3c9-6c94334e492c
      if (a.rows < 2) throw new FakeOfficeError('InvalidArgument', 'A table needs a row under its header.');
      if (this.ctx.book.tables.some((t) => t.sheet === ws && overlaps(tableArea(t), a))) throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
      if (ws.autoFilter !== null && overlaps(ws.autoFilter.area, a)) throw new FakeOfficeError('InvalidOperation', "A table cannot overlap the sheet's AutoFilter.");
      const t: FakeTable = { name: '', sheet: ws, ...a, showTotals: false, columnNames: [] };
      // Excel makes blank and repeated headers unique itself (Column1, Name2), changing the cells; the fake
      // refuses them, so a test sees that the layout's headers would not be the table's column names.
      const texts = headerTexts(t);
      const seen = new Set<string>();
      for (const text of texts) {
        if (text === '' || seen.has(text.toLowerCase())) throw new FakeOfficeError('InvalidArgument', `The header "${text}" is blank or repeated: Excel would rename it.`);
        seen.add(text.toLowerCase());
      }
      let n = this.ctx.book.tables.length + 1;
      while (this.ctx.book.tables.some((x) => x.name.toLowerCase() === `table${n}`) || this.ctx.book.names.some((x) => x.name.toLowerCase() === `table${n}`)) n++;
      created = Object.assign(t, { name: `Table${n}`, columnNames: texts });
      this.ctx.book.tables.push(created);
      return 8;
    });
    return new FakeTableProxy(this.ctx, () => created);
  }
}

/** One series of a fake chart: its cells as sheet and area, so they follow a renamed sheet as Excel's do. */
export interface FakeChartSeries {
  name: string;
  x: RangeTarget | null;
  y: RangeTarget | null;
  markerStyle: string;
  hasDataLabels: boolean;
  /** `format.fill`: `none` after `clear()`, the colour after `setSolidColor`; absent when never set. */
  fill?: string;
  gapWidth?: number;
  /** `ChartSeries.overlap` (ExcelApi 1.8) of a bar or column chart; absent when never set. */
  overlap?: number;
}

/** A chart as the fake keeps it: what `charts.add` and the chart and series setters recorded. */
export interface FakeChart {
  name: string;
  type: string;
  title: string;
  position: { start: string; end: string } | null;
  series: FakeChartSeries[];
  /** `legend.visible`; absent when never set. */
  legendVisible?: boolean;
  /** `axes.categoryAxis.tickLabelPosition` (ExcelApi 1.7); absent when never set. */
  categoryLabels?: string;
}

/** A series' cells as `'Sheet'!A1:A3`, for tests. */
export function chartRangeText(t: RangeTarget | null): string | null {
  return t === null ? null : `${quote(t.sheet.name)}!${areaAddress(t.area)}`;
}

class FakeChartSeriesProxy extends Proxy<FakeChartSeries> {
  protected read(t: FakeChartSeries, prop: string): unknown {
    if (prop === 'name') return t.name;
    throw new FakeOfficeError('InvalidArgument', `The fake does not load ChartSeries.${prop}.`);
  }
  static of(ctx: FakeContext, t: FakeChartSeries, props: string[]): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(ctx, () => t)['loadedWith'](t, props);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.enqueue('series.name', v, () => ((this.must().name = v), 8));
  }
  set markerStyle(v: string) {
    this.ctx.enqueue('series.markerStyle', v, () => ((this.must().markerStyle = v), 8));
  }
  set hasDataLabels(v: boolean) {
    this.ctx.enqueue('series.hasDataLabels', v, () => ((this.must().hasDataLabels = v), 8));
  }
  setValues(r: FakeRange): void {
    this.ctx.enqueue('series.setValues', undefined, () => ((this.must().y = r['must']()), 8));
  }
  setXAxisValues(r: FakeRange): void {
    this.ctx.enqueue('series.setXAxisValues', undefined, () => ((this.must().x = r['must']()), 8));
  }
  set gapWidth(v: number) {
    this.ctx.enqueue('series.gapWidth', v, () => ((this.must().gapWidth = v), 8));
  }
  set overlap(v: number) {
    this.ctx.enqueue('series.overlap', v, () => ((this.must().overlap = v), 8));
  }
  /** `ChartSeries.delete()` (ExcelApi 1.7): the series leaves its chart. */
  delete(): void {
    this.ctx.enqueue('series.delete', undefined, () => {
      const series = this.must();
      for (const ws of this.ctx.book.sheets) {
        for (const chart of ws.charts) {
          const at = chart.series.indexOf(series);
          if (at >= 0) chart.series.splice(at, 1);
        }
      }
      return 8;
    });
  }
  /** `ChartSeries.format.fill` (ExcelApi 1.1): cleared (no fill) or one solid colour. */
  get format(): { fill: { clear: () => void; setSolidColor: (color: string) => void } } {
    const set = (v: string): void => this.ctx.enqueue('series.format.fill', v, () => ((this.must().fill = v), 8));
    return { fill: { clear: () => set('none'), setSolidColor: (color: string) => set(color) } };
  }
}

class FakeChartSeriesCollection extends CollectionProxy<FakeChartSeries, FakeChartSeriesProxy> {
  constructor(ctx: FakeContext, private readonly chart: () => FakeChart) {
    super(ctx, () => chart().series);
  }
  protected child(t: FakeChartSeries): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.ctx, () => t);
  }
  protected childProps(t: FakeChartSeries, props: string[]): FakeChartSeriesProxy {
    return FakeChartSeriesProxy.of(this.ctx, t, props);
  }
  protected readChild(t: FakeChartSeries): unknown {
    return t.name;
  }
  getItemAt(index: number): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.ctx, () => this.chart().series[index] ?? null);
  }
  add(name: string): FakeChartSeriesProxy {
    let created: FakeChartSeries | null = null;
    this.ctx.enqueue('series.add', name, () => {
      created = { name, x: null, y: null, markerStyle: 'Automatic', hasDataLabels: false };
      this.chart().series.push(created);
      return 8;
    });
    return new FakeChartSeriesProxy(this.ctx, () => created);
  }
}

class FakeChartProxy extends Proxy<FakeChart> {
  readonly series: FakeChartSeriesCollection;
  readonly title: { text: string };
  constructor(ctx: FakeContext, resolver: () => FakeChart | null, orNull = false) {
    super(ctx, resolver, orNull);
    this.series = new FakeChartSeriesCollection(ctx, () => this.must());
    const enqueue = (v: string): void => this.ctx.enqueue('chart.title', v, () => ((this.must().title = v), 8));
    this.title = {
      set text(v: string) {
        enqueue(v);
      },
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'The fake does not load ChartTitle.text.');
      },
    };
  }
  protected read(t: FakeChart, prop: string): unknown {
    if (prop === 'name') return t.name;
    throw new FakeOfficeError('InvalidArgument', `The fake does not load Chart.${prop}.`);
  }
  /** `Chart.axes.categoryAxis.tickLabelPosition` (ExcelApi 1.7), written only. */
  get axes(): { categoryAxis: { tickLabelPosition: string } } {
    const enqueue = (v: string): void => this.ctx.enqueue('chart.axes.categoryAxis.tickLabelPosition', v, () => ((this.must().categoryLabels = v), 8));
    return {
      categoryAxis: {
        set tickLabelPosition(v: string) {
          enqueue(v);
        },
        get tickLabelPosition(): string {
          throw new FakeOfficeError('PropertyNotLoaded', 'The fake does not load ChartAxis.tickLabelPosition.');
        },
      },
    };
  }
  /** `Chart.legend.visible` (ExcelApi 1.1), written only. */
  get legend(): { visible: boolean } {
    const enqueue = (v: boolean): void => this.ctx.enqueue('chart.legend.visible', v, () => ((this.must().legendVisible = v), 8));
    return {
      set visible(v: boolean) {
        enqueue(v);
      },
      get visible(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'The fake does not load ChartLegend.visible.');
      },
    };
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.enqueue('chart.name', v, () => ((this.must().name = v), 8));
  }
  setPosition(start: string, end: string): void {
    this.ctx.enqueue('chart.setPosition', start, () => ((this.must().position = { start, end }), 8));
  }
  /** `Chart.delete()` (ExcelApi 1.1): the chart leaves its sheet. */
  delete(): void {
    this.ctx.enqueue('chart.delete', undefined, () => {
      const chart = this.must();
      for (const ws of this.ctx.book.sheets) {
        const at = ws.charts.indexOf(chart);
        if (at >= 0) {
          guardSheet(ws);
          ws.charts.splice(at, 1);
        }
      }
      return 8;
    });
  }
}

class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, source: FakeRange, seriesBy: string): FakeChartProxy {
    let created: FakeChart | null = null;
    this.ctx.enqueue('charts.add', type, () => {
      const ws = this.sheet();
      guardSheet(ws);
      if (seriesBy !== 'Columns') throw new FakeOfficeError('InvalidArgument', 'The fake only makes charts with series by columns.');
      const y = source['must']();
      // A series per column of the source, as Excel makes them; x defaults to 1, 2, 3 … (no x cells).
      const series = Array.from({ length: y.area.columns }, (_c, i) => ({
        name: `Series${i + 1}`,
        x: null,
        y: { sheet: y.sheet, area: { ...y.area, left: y.area.left + i, columns: 1 } },
        markerStyle: 'Automatic',
        hasDataLabels: false,
      }));
      created = { name: `Chart ${ws.charts.length + 1}`, type, title: '', position: null, series };
      ws.charts.push(created);
      return 8;
    });
    return new FakeChartProxy(this.ctx, () => created);
  }
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.ctx, () => this.sheet().charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  getItemOrNullObject(name: string): FakeChartProxy {
    return new FakeChartProxy(this.ctx, () => this.sheet().charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
}

export class FakeWorksheet extends Proxy<FakeSheet> {
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  /** `Worksheet.charts` (ExcelApi 1.1): add, find by name, series (ExcelApi 1.7). */
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeAt: (r: FakeRange) => void; freezeRows: (n: number) => void; freezeColumns: (n: number) => void; unfreeze: () => void };
  /** `Worksheet.protection` (ExcelApi 1.2): `protected` can be loaded. */
  readonly protection: FakeProtection;
  /** `Worksheet.autoFilter` (ExcelApi 1.9): `enabled` and `isDataFiltered` load, `clearCriteria` and `remove`. */
  readonly autoFilter: FakeAutoFilter;
  /** `Worksheet.pageLayout` (ExcelApi 1.9): orientation and zoom can be set, with Excel's checks of their values. */
  readonly pageLayout: {
    orientation: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintTitleRows: (rows: FakeRange | string) => void;
    setPrintTitleColumns: (columns: FakeRange | string) => void;
  };

  constructor(ctx: FakeContext, resolver: () => FakeSheet | null, orNull = false) {
    super(ctx, resolver, orNull);
    this.names = new FakeNamedItemCollection(ctx, () => this.must());
    this.tables = new FakeTableCollection(ctx, () => this.must());
    this.charts = new FakeChartCollection(ctx, () => this.must());
    const freeze = (rows: () => number, columns: () => number): void =>
      this.ctx.enqueue('freezePanes', undefined, () => {
        // Some Excel builds refuse freeze panes on a hidden sheet (office-js#1463:
        // https://github.com/OfficeDev/office-js/issues/1463); the fake always does, the strict case.
        if (this.must().visibility !== 'Visible') throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
        this.must().frozen = { rows: rows(), columns: columns() };
        return 8;
      });
    this.freezePanes = {
      freezeAt: (r) => freeze(() => r['must']().area.rows, () => r['must']().area.columns),
      freezeRows: (n) => freeze(() => n, () => 0),
      freezeColumns: (n) => freeze(() => 0, () => n),
      unfreeze: () => freeze(() => 0, () => 0),
    };
    this.protection = new FakeProtection(ctx, () => this.must().protected);
    this.autoFilter = new FakeAutoFilter(ctx, () => this.must());
    const ctxRef = this.ctx;
    const sheet = (): FakeSheet => this.must();
    this.pageLayout = {
      set orientation(v: string) {
        ctxRef.enqueue('pageLayout.orientation', v, () => {
          if (v !== 'Portrait' && v !== 'Landscape') throw new FakeOfficeError('InvalidArgument', `The orientation ${v} is not valid.`);
          guardSheet(sheet());
          sheet().print.orientation = v;
          return 8;
        });
      },
      get orientation(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'The fake does not load PageLayout.orientation.');
      },
      set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        ctxRef.enqueue('pageLayout.zoom', v, () => {
          const pages = [v.horizontalFitToPages, v.verticalFitToPages].filter((n) => n !== undefined);
          // Excel takes whole page counts (0: as many as needed) or a scale of 10 to 400 %, not both.
          if (pages.some((n) => !Number.isInteger(n) || (n as number) < 0)) throw new FakeOfficeError('InvalidArgument', 'Fit-to-pages must be a whole number of pages.');
          if (v.scale !== undefined && (pages.length > 0 || v.scale < 10 || v.scale > 400)) throw new FakeOfficeError('InvalidArgument', 'The scale is not valid.');
          guardSheet(sheet());
          sheet().print.zoom = { ...v };
          return 8;
        });
      },
      get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
        throw new FakeOfficeError('PropertyNotLoaded', 'The fake does not load PageLayout.zoom.');
      },
      // Excel repeats whole rows at the top and whole columns at the left; a block of cells is refused.
      setPrintTitleRows: (rows) =>
        ctxRef.enqueue('pageLayout.setPrintTitleRows', typeof rows === 'string' ? rows : null, () => {
          const area = areaOfArgument(rows, sheet());
          if (area.columns !== MAX_COLUMNS) throw new FakeOfficeError('InvalidArgument', 'Print title rows must be whole rows.');
          guardSheet(sheet());
          sheet().print.titleRows = areaAddress(area);
          return 8;
        }),
      setPrintTitleColumns: (columns) =>
        ctxRef.enqueue('pageLayout.setPrintTitleColumns', typeof columns === 'string' ? columns : null, () => {
          const area = areaOfArgument(columns, sheet());
          if (area.rows !== MAX_ROWS) throw new FakeOfficeError('InvalidArgument', 'Print title columns must be whole columns.');
          guardSheet(sheet());
          sheet().print.titleColumns = areaAddress(area);
          return 8;
        }),
    };
  }
  protected read(t: FakeSheet, prop: string): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'position':
        return this.ctx.book.sheets.indexOf(t);
      case 'id':
        return sheetId(t);
      case 'visibility':
        return t.visibility;
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not load Worksheet.${prop}.`);
    }
  }
  static of(ctx: FakeContext, t: FakeSheet, props: string[]): FakeWorksheet {
    return new FakeWorksheet(ctx, () => t)['loadedWith'](t, props);
  }
  /** `Worksheet.id`: stable for the sheet's life, as the changed event's `worksheetId` gives it. */
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.enqueue('worksheet.name', v, () => {
      this.ctx.book.renameSheet(this.must(), v);
      return 8;
    });
  }
  get visibility(): SheetVisibility {
    return this.get('visibility');
  }
  set visibility(v: SheetVisibility) {
    this.ctx.enqueue('worksheet.visibility', v, () => {
      this.ctx.book.setVisibility(this.must(), v);
      return 8;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = parseArea(address);
      if (a === null) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}.`);
      return { sheet: this.must(), area: a };
    });
  }
  getRangeByIndexes(rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'A range needs at least one row and column.');
      return { sheet: this.must(), area: { top: rowIndex, left: columnIndex, rows: rowCount, columns: columnCount } };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const s = this.must();
      return { sheet: s, area: s.usedArea() ?? { top: 0, left: 0, rows: 1, columns: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.must();
        const a = s.usedArea();
        return a === null ? null : { sheet: s, area: a };
      },
      true,
    );
  }
  /**
   * `Worksheet.activate()`: a hidden or very hidden sheet cannot be the active one, Excel refuses
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)).
   */
  activate(): void {
    this.ctx.enqueue('worksheet.activate', undefined, () => {
      if (this.must().visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.book.activeSheet = this.must().name;
      return 8;
    });
  }
  delete(): void {
    this.ctx.enqueue('worksheet.delete', undefined, () => {
      this.ctx.book.deleteSheet(this.must());
      return 8;
    });
  }
}

export class FakeWorksheetCollection extends CollectionProxy<FakeSheet, FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.book.sheets.slice());
  }
  protected child(t: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => t);
  }
  protected childProps(t: FakeSheet, props: string[]): FakeWorksheet {
    return FakeWorksheet.of(this.ctx, t, props);
  }
  protected readChild(t: FakeSheet): unknown {
    return t.name;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(this.ctx.book.activeSheet ?? '') ?? null);
  }
  /** `WorksheetCollection.onChanged` (ExcelApi 1.9), see fake-events.ts. */
  get onChanged(): ReturnType<typeof worksheetsOnChanged> {
    return worksheetsOnChanged(this.ctx);
  }
  /** `WorksheetCollection.onCalculated` (ExcelApi 1.8), see fake-events.ts. */
  get onCalculated(): ReturnType<typeof worksheetsOnCalculated> {
    return worksheetsOnCalculated(this.ctx);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue('worksheets.add', name, () => {
      if (this.ctx.book.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      created = this.ctx.book.addSheet(name);
      return 8;
    });
    return new FakeWorksheet(this.ctx, () => created);
  }
}

/** `Worksheet.protection` and `Workbook.protection` (ExcelApi 1.2 and 1.7): only `protected` is modelled. */
export class FakeProtection extends Proxy<{ protected: boolean }> {
  constructor(ctx: FakeContext, state: () => boolean) {
    super(ctx, () => ({ protected: state() }));
  }
  protected read(t: { protected: boolean }, prop: string): unknown {
    if (prop === 'protected') return t.protected;
    throw new FakeOfficeError('InvalidArgument', `The fake does not load protection.${prop}.`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

/**
 * `Worksheet.autoFilter` (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.autofilter):
 * `isDataFiltered` is true while criteria hide rows or a sort is held; `clearCriteria()` shows every row and
 * drops the sort, keeping the filter buttons; `remove()` takes the AutoFilter off; `apply(range)` puts one on.
 * A sheet has one AutoFilter: applying a second over other cells is refused until the first is removed.
 */
export class FakeAutoFilter extends Proxy<FakeSheet> {
  protected read(t: FakeSheet, prop: string): unknown {
    if (prop === 'enabled') return t.autoFilter !== null;
    if (prop === 'isDataFiltered') return t.autoFilter !== null && (t.autoFilter.hiddenRows.size > 0 || t.autoFilter.sorted);
    throw new FakeOfficeError('InvalidArgument', `The fake does not load AutoFilter.${prop}.`);
  }
  get enabled(): boolean {
    return this.get('enabled');
  }
  get isDataFiltered(): boolean {
    return this.get('isDataFiltered');
  }
  apply(range: FakeRange | string): void {
    this.ctx.enqueue('autoFilter.apply', typeof range === 'string' ? range : null, () => {
      const t = this.must();
      const area = areaOfArgument(range, t);
      guardSheet(t);
      if (t.autoFilter !== null && areaAddress(t.autoFilter.area) !== areaAddress(area)) {
        throw new FakeOfficeError('InvalidOperation', 'The sheet already has an AutoFilter.');
      }
      // A table has its own filter: the sheet's AutoFilter cannot lie over it (see `tables.add`).
      if (this.ctx.book.tables.some((x) => x.sheet === t && overlaps(tableArea(x), area))) {
        throw new FakeOfficeError('InvalidOperation', "The sheet's AutoFilter cannot overlap a table.");
      }
      t.autoFilter = { area, hiddenRows: t.autoFilter?.hiddenRows ?? new Set(), sorted: t.autoFilter?.sorted ?? false };
      return 8;
    });
  }
  clearCriteria(): void {
    this.ctx.enqueue('autoFilter.clearCriteria', undefined, () => {
      const t = this.must();
      guardSheet(t);
      if (t.autoFilter !== null) t.autoFilter = { ...t.autoFilter, hiddenRows: new Set(), sorted: false };
      return 8;
    });
  }
  remove(): void {
    this.ctx.enqueue('autoFilter.remove', undefined, () => {
      const t = this.must();
      guardSheet(t);
      t.autoFilter = null;
      return 8;
    });
  }
}

/**
 * `context.application`: calculation suspended until the next sync (ExcelApi 1.8), and the separators of
 * the host's region: `decimalSeparator`, `thousandsSeparator`, `useSystemSeparators` and
 * `cultureInfo.numberFormat` (ExcelApi 1.11; https://learn.microsoft.com/javascript/api/excel/excel.application
 * and excel.numberformatinfo). On a host below 1.11 (`hostBefore1_11`) loading them fails the batch
 * with ApiNotFound, as Office.js does for an API the host lacks.
 */
export class FakeApplication extends Proxy<FakeWorkbook> {
  readonly cultureInfo: { numberFormat: FakeNumberFormatInfo };

  constructor(
    ctx: FakeContext,
    private readonly suspend: () => void,
  ) {
    super(ctx, () => ctx.book);
    this.cultureInfo = { numberFormat: new FakeNumberFormatInfo(ctx, () => ctx.book) };
  }

  suspendApiCalculationUntilNextSync(): void {
    this.suspend();
  }

  protected read(book: FakeWorkbook, prop: string): unknown {
    requireApi1_11(book, `Application.${prop}`);
    const own = book.region?.excelSeparators;
    switch (prop) {
      case 'decimalSeparator':
        return own?.decimal ?? book.region?.decimal ?? '.';
      case 'thousandsSeparator':
        return own?.group ?? book.region?.group ?? ',';
      case 'useSystemSeparators':
        return own === undefined;
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not load Application.${prop}.`);
    }
  }

  get decimalSeparator(): string {
    return this.get('decimalSeparator');
  }
  get thousandsSeparator(): string {
    return this.get('thousandsSeparator');
  }
  get useSystemSeparators(): boolean {
    return this.get('useSystemSeparators');
  }
}

/** `application.cultureInfo.numberFormat` (ExcelApi 1.11): the system region's separators. */
export class FakeNumberFormatInfo extends Proxy<FakeWorkbook> {
  protected read(book: FakeWorkbook, prop: string): unknown {
    requireApi1_11(book, `NumberFormatInfo.${prop}`);
    switch (prop) {
      case 'numberDecimalSeparator':
        return book.region?.decimal ?? '.';
      case 'numberGroupSeparator':
        return book.region?.group ?? ',';
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not load NumberFormatInfo.${prop}.`);
    }
  }
  get numberDecimalSeparator(): string {
    return this.get('numberDecimalSeparator');
  }
  get numberGroupSeparator(): string {
    return this.get('numberGroupSeparator');
  }
}

function requireApi1_11(book: FakeWorkbook, api: string): void {
  if (isBefore1_11(book)) throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${api}, ExcelApi 1.11).`);
}

export class FakeWorkbookProxy {
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly worksheets: FakeWorksheetCollection;
  /** Workbook structure protection (ExcelApi 1.7). */
  readonly protection: FakeProtection;
  /** Worksheet functions evaluated by Excel (ExcelApi 1.2): DATE only. */
  readonly functions: { date: (year: number, month: number, day: number) => FakeFunctionResult };
  constructor(ctx: FakeContext) {
    this.functions = { date: (year, month, day) => new FakeFunctionResult(ctx, (book) => dateFunction(book, year, month, day)) };
    this.protection = new FakeProtection(ctx, () => ctx.book.workbookProtected);
    this.names = new FakeNamedItemCollection(ctx, () => null);
    this.tables = new FakeTableCollection(ctx, () => null);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

/**
 * Excel's DATE(year, month, day) in the book's date system: the serial counted from 1900 (with Excel's
 * 29 February 1900) or from 1904; an error value when the book is told to fail functions.
 */
function dateFunction(book: FakeWorkbook, year: number, month: number, day: number): { value: number | null; error: string | null } {
  if (book.functionError !== null) return { value: null, error: book.functionError };
  const serial1900 = dateSerial(new Date(Date.UTC(year, month - 1, day)));
  return { value: book.date1904 ? serial1900 - 1462 : serial1900, error: null };
}

/** `FunctionResult` (ExcelApi 1.2): `value` and `error` load after a sync. */
export class FakeFunctionResult extends Proxy<{ value: number | null; error: string | null }> {
  constructor(ctx: FakeContext, evaluate: (book: FakeWorkbook) => { value: number | null; error: string | null }) {
    super(ctx, () => evaluate(ctx.book));
  }
  protected read(t: { value: number | null; error: string | null }, prop: string): unknown {
    if (prop === 'value') return t.value;
    if (prop === 'error') return t.error;
    throw new FakeOfficeError('InvalidArgument', `The fake does not load FunctionResult.${prop}.`);
  }
  get value(): number | null {
    return this.get('value');
  }
  get error(): string | null {
    return this.get('error');
  }
}

/** The fake as the gateway's `ExcelRun` (the gateway is typed against Office.js). */
export function fakeRun(book: FakeWorkbook): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
  return (batch) => book.run((ctx) => batch(ctx as unknown as Excel.RequestContext));
}
