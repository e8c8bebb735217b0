/**
 * What "Import transactions" produces and reports, as plain data: it crosses from the worker to the pane
 * by structured clone and is rendered in the pane's language there.
 */
import type { QuantityFault } from './quantity';

/** The kinds of transaction file read. */
export type ImportFormat = 'csv' | 'parquet';

/** Why a row was not counted. */
export type BadRowReason = 'customerMissing' | 'driverMissing' | QuantityFault | 'ambiguous';

/** A row that could not be counted: its line in the file (1 is the header line), why, and the value concerned. */
export interface BadRow {
  line: number;
  reason: BadRowReason;
  value: string;
}

/** A problem that stops the import: nothing is written. */
export type ImportProblem =
  | { code: 'missingColumns'; missing: string[]; found: string[] }
  | { code: 'duplicateColumn'; header: string; first: string }
  | { code: 'noRows' }
  | { code: 'badRows'; count: number }
  | { code: 'totalOutOfRange'; customer: string; driver: string; total: string }
  | { code: 'tooManyDrivers'; limit: number }
  | { code: 'unreadable'; detail: string };

/** One aggregated cell: indexes into `customers` and `drivers`, and the exact total as plain decimal text. */
export interface VolumeCell {
  customer: number;
  driver: number;
  quantity: string;
}

/** A file read into aggregated long-form volumes. */
export interface ImportedVolumes {
  /** The file's name as the user chose it. */
  source: string;
  format: ImportFormat;
  /** Data rows counted (blank lines are not rows). */
  rows: number;
  /** Customers and drivers, each in its first spelling, in order of first appearance. */
  customers: string[];
  drivers: string[];
  /** One per customer and driver met, by customer then driver in order of first appearance. */
  cells: VolumeCell[];
}

/** The outcome of an import: the volumes, or why nothing can be written. */
export type ImportOutcome =
  | { ok: true; volumes: ImportedVolumes }
  | {
      ok: false;
      source: string;
      problems: ImportProblem[];
      rows: number;
      badRowCount: number;
      /** The first bad rows, by line (at most `BAD_ROWS_LISTED`). */
      badRows: BadRow[];
    };

/** How many bad rows an outcome lists. */
export const BAD_ROWS_LISTED = 20;

/** How far an import is: rows read, and bytes of the file read of its size. */
export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}
