/**
 * The layout description of the report sheets: what each cell holds and how it looks, independent of the
 * host. `report-layout.ts` builds it from a result; the xlsx package writer (src/xlsx) and the Office.js writer
 * both render exactly this, so the runner's and the add-in's sheets cannot drift apart.
 */

/** How a cell's number is shown; each writer maps these to one number format (see `numberFormat`). */
export type CellFormat = 'text' | 'money' | 'percent' | 'integer' | 'decimal' | 'rate';

/** One cell of a report. Text is always written as text, never as a formula. */
export interface ReportCell {
  value: string | number | null;
  format: CellFormat;
  /**
   * Horizontal alignment other than the spreadsheet's own (text left, numbers right): a header over a
   * column of figures stands right, over them (header-alignment.ts). Absent: the spreadsheet decides.
   */
  align?: 'right';
}

/** Visual role of a row. */
export type RowStyle = 'title' | 'note' | 'section' | 'header' | 'body' | 'total';

export interface ReportRow {
  style: RowStyle;
  cells: ReportCell[];
}

/**
 * Which report sheet a sheet is, whatever its language: the owner mark carries it (see report-owner.ts),
 * so a re-run in another language finds and renames the sheet instead of adding a second one.
 */
export type ReportRole = 'pnl' | 'rates' | 'summary' | 'actions' | 'scenarios' | 'costFlow' | 'comparison' | 'history' | 'sensitivity';

/** The role of a customer statement: one per customer, by its id (report-statement.ts). */
export type StatementRole = `statement ${string}`;

/** Cells of a report sheet a chart series reads, with the values they hold (the chart's cached values). */
export interface ChartRange {
  /** The report sheet's name. */
  sheet: string;
  /** 1-based column and rows (inclusive) of a single-column block. */
  column: number;
  firstRow: number;
  lastRow: number;
  values: number[];
}

/** Cells holding text a chart reads (a waterfall's step labels), with the texts they hold as its cache. */
export interface ChartTextRange {
  sheet: string;
  column: number;
  firstRow: number;
  lastRow: number;
  values: string[];
}

/**
 * What a waterfall's stacked series draws: `base` is the invisible column each floating bar stands on,
 * `increase` and `decrease` the bars (green, red), `total` the two end columns (grey). A bar that crosses
 * zero is split: its part below zero is in a second series of the same look.
 */
export type WaterfallRole = 'base' | 'increase' | 'decrease' | 'total';

/** One stacked series of a waterfall: a column of a report sheet, one value per step. */
export interface WaterfallSeries {
  name: string;
  role: WaterfallRole;
  values: ChartRange;
}

/**
 * A waterfall drawn as a stacked column chart (both hosts have stacked columns; only newer Excel has a
 * waterfall type): the steps' labels as categories, and stacked series whose invisible base lifts each
 * bar to where the running total stands.
 */
export interface WaterfallBars {
  categories: ChartTextRange;
  series: WaterfallSeries[];
}

/**
 * A tornado drawn as clustered horizontal bars overlapping fully: per estimate, what moving it to its Low
 * and to its High does to today's operating profit, one bar left of zero and one right (or both on one
 * side). The categories are listed bottom bar first, as a bar chart draws them, so the largest is on top.
 */
export interface TornadoBars {
  categories: ChartTextRange;
  low: { name: string; values: ChartRange };
  high: { name: string; values: ChartRange };
}

/** One series of a scatter chart: y against x, drawn as a line, as markers, or both. */
export interface ChartSeries {
  name: string;
  x: ChartRange;
  y: ChartRange;
  line: boolean;
  marker: boolean;
  /** Show each point's y value next to it. */
  label: boolean;
}

/**
 * A chart on a report sheet, as both writers draw it: a scatter chart (or, with `waterfall`, stacked columns) whose series read cells of the
 * report, placed over a block of cells. `name` finds it again on a re-run (the add-in's Refresh).
 */
export interface ReportChart {
  name: string;
  title: string;
  axisX: string;
  axisY: string;
  /** How the y axis and the labels show values. */
  yFormat: CellFormat;
  /** The block the chart covers, 0-based rows and columns; `to` is the cell under its bottom-right corner. */
  anchor: { fromRow: number; fromColumn: number; toRow: number; toColumn: number };
  /** A scatter chart's series; empty for a waterfall. */
  series: ChartSeries[];
  /**
   * Present: the chart is a waterfall (stacked columns, see `WaterfallBars`) rather than a scatter chart,
   * and `axisX` titles its categories. Absent on the whale curve.
   */
  waterfall?: WaterfallBars;
  /** Present: the chart is a tornado (horizontal bars, see `TornadoBars`); `series` is empty. */
  tornado?: TornadoBars;
}

export interface ReportSheet {
  /** Sheet name, at most 31 characters. */
  name: string;
  /** Which report sheet this is; writers that know it mark the sheet with it. */
  role?: ReportRole | StatementRole;
  /** Column widths in Excel character units, left to right. */
  columnWidths: number[];
  /** Rows and columns to freeze (the header block and the id columns). */
  freeze: { rows: number; columns: number };
  rows: ReportRow[];
  /** A chart drawn over the sheet's cells (the summary's whale curve); absent on most sheets. */
  chart?: ReportChart;
  /**
   * Printed one page wide, in this orientation, as many pages tall as it needs: a sheet read on paper (the
   * summary, a statement) must not print its labels on one page and their amounts on the next. Absent: the
   * program's default (the wide P&L prints across pages, as any wide table does).
   */
  printOnePageWide?: 'portrait' | 'landscape';
  /**
   * Printed in this orientation at full size, across as many pages as it needs: the wide P&L, which fitted to
   * one page wide would be unreadable. Ignored when `printOnePageWide` is set.
   */
  printOrientation?: 'portrait' | 'landscape';
  /** With `printOrientation`: scaled to this many pages wide, as many tall as needed (absent: full size). */
  printPagesWide?: number;
  /** Rows and columns (from the top left) printed on every page, so each page has its header and its ids. */
  printTitles?: { rows: number; columns: number };
  /**
   * An AutoFilter over a table of the sheet: the header row and the rows under it, 1-based and inclusive,
   * from column A to `columns`. A totals row is left out, so sorting never moves it.
   */
  autoFilter?: { headerRow: number; lastRow: number; columns: number };
  /**
   * Excel tables over blocks of the sheet, so a user refers to a figure by name (`ABC_PnL[Net profit]`)
   * and a Refresh never changes what the reference means (report-tables.ts). A table brings its own filter
   * buttons: a sheet with one has no `autoFilter` over the same cells.
   */
  tables?: ReportTable[];
  /** Single cells with a workbook-scoped defined name (`ABC_OperatingProfit`), for the headline figures. */
  namedCells?: ReportNamedCell[];
}

/**
 * An Excel table of a report sheet: its header row and the rows under it (1-based, inclusive), from
 * `firstColumn` on, one column per name. The names are the header row's texts, unique ignoring case, as
 * Excel requires of a table's columns. A totals row of the report lies outside the table.
 */
export interface ReportTable {
  /** The table's name: language-neutral, unique in the workbook among tables and defined names. */
  name: string;
  headerRow: number;
  lastRow: number;
  firstColumn: number;
  columns: string[];
}

/** A cell of a report sheet with a workbook-scoped defined name; 1-based row and column. */
export interface ReportNamedCell {
  name: string;
  row: number;
  column: number;
}
