/**
 * The report sheets packed into typed arrays for the worker's reply. The P&L and the actions of 5,000
 * customers are some 200,000 cell objects; a structured clone writes and reads each one (about 300 ms at
 * that size), while these arrays cross by transfer and the pane makes the cells again in one loop. A
 * number travels as its exact double (also -0 and NaN), a text as itself: the sheets read back equal,
 * field for field.
 */
import type { CellFormat, ReportCell, ReportRow, ReportSheet, RowStyle } from '../workbook/report-types';

// Records over every key: a field added to a cell or row must be packed here too, or this fails to compile.
const CELL_FIELDS: Record<keyof ReportCell, true> = { value: true, format: true, align: true };
const ROW_FIELDS: Record<keyof ReportRow, true> = { style: true, cells: true };

const FORMAT_CODES: Record<CellFormat, number> = { text: 0, money: 1, percent: 2, integer: 3, decimal: 4, rate: 5 };
const STYLE_CODES: Record<RowStyle, number> = { title: 0, note: 1, section: 2, header: 3, body: 4, total: 5 };
const FORMATS = byCode(FORMAT_CODES);
const STYLES = byCode(STYLE_CODES);

/** A cell's tag is its kind, plus KINDS × its format's code, plus ALIGNED when it is aligned right. */
const BLANK = 0;
const NUMBER = 1;
const TEXT = 2;
const KINDS = 3;
const ALIGNED = KINDS * FORMATS.length;

/** Every report sheet: the small parts as they are, the rows and cells in columns. */
export interface PackedSheets {
  /** Each sheet without its rows (name, role, widths, freeze panes, chart, print setting). */
  sheets: Array<Omit<ReportSheet, 'rows'>>;
  /** Rows of each sheet. */
  rowCounts: Int32Array;
  /** Style code of each row, sheet after sheet. */
  styles: Uint8Array;
  /** Cells of each row. */
  cellCounts: Int32Array;
  /** Tag of each cell: blank, number or text, its format and its alignment. */
  tags: Uint8Array;
  /** The number of each number cell, in cell order. */
  numbers: Float64Array;
  /** The text of each text cell, in cell order. */
  texts: string[];
}

function byCode<T extends string>(codes: Record<T, number>): T[] {
  const values: T[] = [];
  for (const [value, code] of Object.entries(codes) as Array<[T, number]>) values[code] = value;
  return values;
}

/** Packs the sheets; `transfer` lists the buffers to hand over with `postMessage`. */
export function packSheets(sheets: readonly ReportSheet[]): { packed: PackedSheets; transfer: ArrayBuffer[] } {
  let rowTotal = 0;
  let cellTotal = 0;
  let numberTotal = 0;
  for (const sheet of sheets) {
    rowTotal += sheet.rows.length;
    for (const row of sheet.rows) {
      cellTotal += row.cells.length;
      for (const cell of row.cells) if (typeof cell.value === 'number') numberTotal++;
    }
  }
  const rowCounts = new Int32Array(sheets.length);
  const styles = new Uint8Array(rowTotal);
  const cellCounts = new Int32Array(rowTotal);
  const tags = new Uint8Array(cellTotal);
  const numbers = new Float64Array(numberTotal);
  const texts: string[] = [];
  let r = 0;
  let c = 0;
  let n = 0;
  sheets.forEach((sheet, s) => {
    rowCounts[s] = sheet.rows.length;
    for (const row of sheet.rows) {
      const style = STYLE_CODES[row.style];
      if (style === undefined) throw new Error(`Report sheet ${sheet.name}: unknown row style ${String(row.style)}.`);
      styles[r] = style;
      cellCounts[r] = row.cells.length;
      r++;
      for (const cell of row.cells) {
        const format = FORMAT_CODES[cell.format];
        if (format === undefined) throw new Error(`Report sheet ${sheet.name}: unknown cell format ${String(cell.format)}.`);
        const value = cell.value;
        let kind = BLANK;
        if (typeof value === 'number') {
          kind = NUMBER;
          numbers[n++] = value;
        } else if (typeof value === 'string') {
          kind = TEXT;
          texts.push(value);
        } else if (value !== null) throw new Error(`Report sheet ${sheet.name}: a cell holds ${typeof value}, not a number, text or blank.`);
        if (cell.align !== undefined && cell.align !== 'right') throw new Error(`Report sheet ${sheet.name}: unknown alignment ${String(cell.align)}.`);
        tags[c++] = kind + KINDS * format + (cell.align === 'right' ? ALIGNED : 0);
      }
    }
  });
  const packed: PackedSheets = {
    sheets: sheets.map(({ rows: _rows, ...rest }) => rest),
    rowCounts,
    styles,
    cellCounts,
    tags,
    numbers,
    texts,
  };
  return { packed, transfer: [rowCounts.buffer, styles.buffer, cellCounts.buffer, tags.buffer, numbers.buffer] as ArrayBuffer[] };
}

/** The sheets again, equal to the ones packed. */
export function unpackSheets(packed: PackedSheets): ReportSheet[] {
  const { rowCounts, styles, cellCounts, tags, numbers, texts } = packed;
  let r = 0;
  let c = 0;
  let n = 0;
  let t = 0;
  return packed.sheets.map((rest, s) => {
    const rows: ReportRow[] = [];
    const rowCount = rowCounts[s] ?? 0;
    for (let i = 0; i < rowCount; i++, r++) {
      const cells: ReportCell[] = [];
      const cellCount = cellCounts[r] ?? 0;
      for (let j = 0; j < cellCount; j++, c++) {
        const tagged = tags[c] ?? 0;
        const aligned = tagged >= ALIGNED;
        const tag = aligned ? tagged - ALIGNED : tagged;
        const kind = tag % KINDS;
        const format = FORMATS[(tag - kind) / KINDS] as CellFormat;
        const value = kind === NUMBER ? (numbers[n++] as number) : kind === TEXT ? (texts[t++] as string) : null;
        cells.push(aligned ? { value, format, align: 'right' } : { value, format });
      }
      rows.push({ style: STYLES[styles[r] ?? 0] as RowStyle, cells });
    }
    return { ...rest, rows };
  });
}

/** The fields packed per cell and per row, for the tests that check nothing else is there. */
export const PACKED_FIELDS = { cell: Object.keys(CELL_FIELDS), row: Object.keys(ROW_FIELDS) };
