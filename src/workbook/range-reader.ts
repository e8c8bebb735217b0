/**
 * Reading one named range: addresses, reporting with locations, and typed reads of cells that report
 * what is wrong with them. One reader per range; the range readers (read-*.ts) use it row by row.
 */
import type { Dec } from '../engine/decimal';
import { error, warning, type Issue, type IssueCode, type Severity, type Where } from '../engine/issues';
import { type ColumnKey, type ColumnRef, type MessageText, type RequiredTextKey, msg } from '../engine/messages';
import { cellText, readNumberCell, showValue } from './cells';
import type { ContractRangeName } from './contract-spec';
import { type ContractGrid, type GridCells, gridCells } from './column-grid';
import { cellAddress, isBlank, isCellError, isMalformedNumber, isUncalculated, type CellValue } from './grid';

/** Returned by a read of a cell that holds something but not a usable value (already reported). */
export const INVALID = Symbol('invalid cell');
export type Invalid = typeof INVALID;

/**
 * At most this many issues of one code in one column are listed; the rest are counted in one closing
 * issue. A million-row volumes range with a systematic problem would otherwise bury the user.
 */
export const ISSUES_PER_COLUMN = 100;

/** What a range reader hands back: the rows and how many non-blank data rows it saw. */
export interface RangeRows<T> {
  rows: T[];
  dataRows: number;
}

/** What a number may be. */
export interface NumberRule {
  /** False: a negative value is NEGATIVE_VALUE. */
  allowNegative: boolean;
  /**
   * True: the column holds a share, so text such as "70%" is read as 0.7 and a cell formatted as a
   * percentage is its number. Otherwise a percentage-formatted cell is PERCENT_FOR_AMOUNT.
   */
  percentText?: boolean;
}

/** A formula shown in a message: long ones shortened. */
const FORMULA_SHOWN = 60;

/** A reader over one range grid. */
export class RangeReader {
  readonly range: ContractRangeName;
  readonly grid: ContractGrid;
  /** The grid's cells, whether it holds them by rows or by columns. */
  readonly cells: GridCells;
  readonly sheet: string;
  /** Number of columns: the widest row. */
  readonly width: number;
  /** Header text per column as written (trimmed); filled by header matching. */
  readonly headers: string[] = [];
  /** The contract column each column matched, if any; filled by header matching. */
  readonly columnKeys: Array<ColumnKey | undefined> = [];
  private readonly issues: Issue[];
  private readonly counts = new Map<string, { count: number; column: number; severity: Severity; code: IssueCode; label: ColumnRef }>();

  constructor(range: ContractRangeName, grid: ContractGrid, issues: Issue[]) {
    this.range = range;
    this.grid = grid;
    this.cells = gridCells(grid);
    this.sheet = grid.sheet;
    this.issues = issues;
    this.width = this.cells.width;
  }

  /** Number of rows including the header row. */
  get height(): number {
    return this.cells.height;
  }

  /** The value of a cell by 0-based row and column within the range (row 0 is the header row). */
  cell(row: number, column: number): CellValue | undefined {
    return this.cells.cell(row, column);
  }

  /**
   * Calls `read` with the index of every non-blank row below the header, in order, and returns how many
   * there were, so every range counts its data rows alike, also when a missing column stops the reading.
   */
  forEachDataRow(read: (row: number) => void): number {
    let count = 0;
    for (let r = 1; r < this.height; r++) {
      if (this.isRowBlank(r)) continue;
      count++;
      read(r);
    }
    return count;
  }

  /** True when every cell of the row is blank (also for rows the host left short or absent). */
  isRowBlank(row: number): boolean {
    return this.cells.isRowBlank(row);
  }

  /** The location of one cell. */
  where(row: number, column: number): Where {
    return { range: this.range, sheet: this.sheet, cell: cellAddress(this.grid, row, column) };
  }

  /** The location of a whole row of the range, e.g. `A5:F5`. */
  rowWhere(row: number): Where {
    return { range: this.range, sheet: this.sheet, cell: this.span(row, row) };
  }

  /** The location of the whole range, e.g. `A1:D20`. */
  rangeWhere(): Where {
    return { range: this.range, sheet: this.sheet, cell: this.address() };
  }

  /** The A1 address of the whole range, e.g. `A1:D20`. */
  address(): string {
    return this.span(0, Math.max(this.height - 1, 0));
  }

  private span(firstRow: number, lastRow: number): string {
    const lastColumn = Math.max(this.width - 1, 0);
    const from = cellAddress(this.grid, firstRow, 0);
    const to = cellAddress(this.grid, lastRow, lastColumn);
    return from === to ? from : `${from}:${to}`;
  }

  /** The header as written for messages, e.g. `Kosten`. */
  label(column: number): string {
    return this.headers[column] ?? cellAddress(this.grid, 0, column);
  }

  /** A column for a message: its header as written and the contract column it matched. */
  columnRef(column: number): ColumnRef {
    return { header: this.label(column), key: this.columnKeys[column] ?? null };
  }

  /**
   * Records a problem at a cell, listing at most ISSUES_PER_COLUMN of one code per column. Problems of a
   * whole row pass column -1 and the row's location as `where`.
   */
  report(severity: Severity, code: IssueCode, message: MessageText, row: number, column: number, where?: Where): void {
    const key = `${code}|${column}`;
    let tally = this.counts.get(key);
    if (tally === undefined) {
      tally = { count: 0, column, severity, code, label: this.columnRef(column) };
      this.counts.set(key, tally);
    }
    tally.count++;
    if (tally.count > ISSUES_PER_COLUMN) return;
    const at = where ?? this.where(row, column);
    this.issues.push(severity === 'error' ? error(code, message, at) : warning(code, message, at));
  }

  /** Records a problem of the range as a whole (no cap). */
  reportRange(severity: Severity, code: IssueCode, message: MessageText, where: Where): void {
    this.issues.push(severity === 'error' ? error(code, message, where) : warning(code, message, where));
  }

  /** Adds one closing issue per capped column, saying how many more cells had the same problem. */
  finish(): void {
    for (const tally of this.counts.values()) {
      const more = tally.count - ISSUES_PER_COLUMN;
      if (more <= 0) continue;
      const lastRow = Math.max(this.height - 1, 1);
      const rowLevel = tally.column < 0;
      const where: Where = rowLevel
        ? this.rangeWhere()
        : { range: this.range, sheet: this.sheet, cell: `${cellAddress(this.grid, 1, tally.column)}:${cellAddress(this.grid, lastRow, tally.column)}` };
      const message = rowLevel
        ? msg('moreRows', { more, range: this.range, listed: ISSUES_PER_COLUMN })
        : msg('moreCells', { more, column: tally.label, listed: ISSUES_PER_COLUMN });
      this.issues.push(tally.severity === 'error' ? error(tally.code, message, where) : warning(tally.code, message, where));
    }
  }

  /**
   * Reads a number. Null for a blank cell; INVALID (reported) for text, an error value or a forbidden
   * negative, so the caller can keep the row with 0 and not cause follow-on errors.
   */
  number(row: number, column: number, rule: NumberRule): Dec | null | Invalid {
    const value = this.cell(row, column);
    const reading = readNumberCell(value, rule.percentText === true);
    const ref = (): ColumnRef => this.columnRef(column);
    switch (reading.kind) {
      case 'blank':
        return null;
      case 'error':
        this.report('error', 'ERROR_VALUE', msg('errorValue', { column: ref(), error: reading.shown }), row, column);
        return INVALID;
      case 'not-a-number':
        this.report('error', 'NOT_A_NUMBER', msg('notANumber', { column: ref(), found: reading.shown }), row, column);
        return INVALID;
      case 'uncalculated':
        this.reportUncalculated(row, column, reading.formula);
        return INVALID;
      case 'malformed':
        this.reportMalformed(row, column, reading.stored);
        return INVALID;
      case 'percent':
        this.report('error', 'PERCENT_FOR_AMOUNT', msg('percentForAmount', { column: ref(), shown: reading.shown }), row, column);
        return INVALID;
      case 'ambiguous':
        this.report(
          'error',
          'AMBIGUOUS_NUMBER_TEXT',
          msg('ambiguousNumberText', { column: ref(), found: reading.shown, thousands: reading.thousands, decimal: reading.decimal }),
          row,
          column,
        );
        return INVALID;
      case 'out-of-range':
        this.report('error', 'NUMBER_OUT_OF_RANGE', msg('numberOutOfRange', { column: ref(), found: reading.shown }), row, column);
        return INVALID;
      case 'number':
        if (!rule.allowNegative && reading.value.isNegative() && !reading.value.isZero()) {
          this.report('error', 'NEGATIVE_VALUE', msg('negativeValue', { column: this.columnRef(column), found: showValue(value) }), row, column);
          return INVALID;
        }
        return reading.value;
    }
  }

  /**
   * Reads a name or id. Null for a blank cell; INVALID (reported) for an error value. Numbers, booleans
   * and dates become their text (1001 → "1001").
   */
  text(row: number, column: number): string | null | Invalid {
    const value = this.cell(row, column);
    if (typeof value === 'string') return cellText(value);
    if (isCellError(value)) {
      this.report('error', 'ERROR_VALUE', msg('errorValue', { column: this.columnRef(column), error: value.error }), row, column);
      return INVALID;
    }
    if (isUncalculated(value)) {
      this.reportUncalculated(row, column, value.formula);
      return INVALID;
    }
    if (isMalformedNumber(value)) {
      this.reportMalformed(row, column, value.stored);
      return INVALID;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      this.report('error', 'NUMBER_OUT_OF_RANGE', msg('numberOutOfRange', { column: this.columnRef(column), found: String(value) }), row, column);
      return INVALID;
    }
    // A percentage reads as the cell shows it ("2%"), as any other name or id does.
    return cellText(value);
  }

  /** FORMULA_NOT_CALCULATED: the formula has no stored result, which must not be read as blank or 0. */
  private reportUncalculated(row: number, column: number, formula: string): void {
    const shown = formula.length > FORMULA_SHOWN ? `${formula.slice(0, FORMULA_SHOWN)}…` : formula;
    this.report('error', 'FORMULA_NOT_CALCULATED', msg('formulaNotCalculated', { column: this.columnRef(column), formula: shown }), row, column);
  }

  /** STORED_VALUE_NOT_A_NUMBER: a number cell whose stored value is not a number (it must not read as 0). */
  private reportMalformed(row: number, column: number, stored: string): void {
    const shown = stored.length > FORMULA_SHOWN ? `${stored.slice(0, FORMULA_SHOWN)}…` : stored;
    this.report('error', 'STORED_VALUE_NOT_A_NUMBER', msg('storedNotANumber', { column: this.columnRef(column), stored: shown }), row, column);
  }

  /** Reads a required name or id: a blank cell is MISSING_VALUE. Null when unusable (already reported). */
  requiredText(row: number, column: number, what: RequiredTextKey): string | null {
    const t = this.text(row, column);
    if (t === INVALID) return null;
    if (t === null) {
      this.report('error', 'MISSING_VALUE', msg('missingText', { column: this.columnRef(column), what }), row, column);
      return null;
    }
    return t;
  }

  /** Reads a required number: blank is MISSING_VALUE. Unusable values (reported) read as 0 via `fallback`. */
  requiredNumber(row: number, column: number, rule: NumberRule, fallback: Dec): Dec {
    const n = this.number(row, column, rule);
    if (n === INVALID) return fallback;
    if (n === null) {
      this.report('error', 'MISSING_VALUE', msg('missingNumber', { column: this.columnRef(column) }), row, column);
      return fallback;
    }
    return n;
  }
}
