/**
 * What every volume source gives the aggregation: the same relation for DuckDB — customer, driver and
 * quantity as text, and the row's position — plus a way to turn positions into the lines or rows a user
 * can find.
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import type { DuckSession } from './duckdb-session';
import type { VolumeColumns, VolumeKey } from './volume-columns';
import type { PlaceUnit, WarehouseText } from './warehouse-text';

/** The rows of a source as DuckDB reads them. */
export interface RowSource {
  /** The file's name as locations show it: `lines.csv line 12`. */
  label: string;
  unit: PlaceUnit;
  /**
   * A SELECT giving `customer`, `driver` and `qty` as text, and with `positions` also `pos`, the row's
   * 1-based position (which costs a CSV scan dearly, so only scans that locate problems ask for it).
   * Every scan reads every row or fails: none skips a line it cannot read.
   */
  rows(positions: boolean): string;
  /** True when quantities are text whose decimal mark must be found; false for typed columns. */
  textQuantities: boolean;
  /** The headers as written, for messages. */
  headers: Record<VolumeKey, string>;
  /** When the first scan failed: the sentence saying which lines are at fault (a VolumeSourceError). */
  explainFailure(session: DuckSession, failure: unknown): Promise<Error>;
  /** Line or row numbers of positions. */
  locate(positions: readonly number[]): Promise<Map<number, number>>;
}

/** A source, or the issues that keep it from being read (missing columns). */
export type OpenedSource = { source: RowSource } | { issues: Issue[] };

/** One MISSING_COLUMN issue per column the header lacks. */
export function missingColumns(label: string, unit: PlaceUnit, columns: VolumeColumns, t: WarehouseText): Issue[] {
  const where = unit === 'line' ? { range: label, value: t.place('line', 1) } : { range: label };
  return columns.missing.map((m) => error('MISSING_COLUMN', msg('missingColumn', { range: label, accepted: m.accepted, reason: 'none' }), where));
}

/** The three headers as written. */
export function headersOf(columns: VolumeColumns): Record<VolumeKey, string> {
  return { customer: columns.header.customer ?? '', driver: columns.header.driver ?? '', quantity: columns.header.quantity ?? '' };
}

/** DuckDB's message without its follow-on lines (candidate lists, caret lines, a CSV's original line). */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split('\n')[0] ?? text).trim().replace(/^Error: /, '');
}
