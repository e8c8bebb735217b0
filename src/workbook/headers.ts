/**
 * Matching a range's header row against the contract: case-insensitive, surrounding spaces ignored,
 * English, Dutch or a listed alias, any column order.
 */
import type { Where } from '../engine/issues';
import { type MissingColumnReason, msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { columnHeaders, type ContractColumn, type ContractRange } from './contract-spec';
import { INVALID, type RangeReader } from './range-reader';

/** A header the contract does not know: a dimension, a wide-form driver, or ignored. */
export interface OtherColumn {
  column: number;
  /** The header as written, surrounding spaces removed. */
  header: string;
}

/** The outcome of matching a header row. */
export interface HeaderMatch {
  /** Contract column key → 0-based column index (the first, when a header is repeated). */
  columns: Map<string, number>;
  /** Non-blank headers that are no contract column, in column order. */
  others: OtherColumn[];
  /** True when the header row has no non-blank cell. */
  blank: boolean;
  /** Required columns that are absent (reported unless `reportMissing` was false). */
  missing: ContractColumn[];
}

/**
 * Matches the header row (row 0) of the reader's range. Reports DUPLICATE_COLUMN for a contract column
 * given twice (the first one is used), ERROR_VALUE for an error value as a header, and MISSING_COLUMN
 * for each absent required column unless `reportMissing` is false.
 */
export function matchHeaders(reader: RangeReader, spec: ContractRange, reportMissing = true): HeaderMatch {
  const byHeader = new Map<string, ContractColumn>();
  for (const col of spec.columns) for (const h of columnHeaders(col)) byHeader.set(nameKey(h), col);

  const columns = new Map<string, number>();
  const others: OtherColumn[] = [];
  let blank = true;
  for (let c = 0; c < reader.width; c++) {
    const header = reader.text(0, c);
    if (header === INVALID) {
      blank = false;
      continue;
    }
    if (header === null) continue;
    blank = false;
    reader.headers[c] = header;
    const col = byHeader.get(nameKey(header));
    if (col === undefined) {
      others.push({ column: c, header });
      continue;
    }
    const first = columns.get(col.key);
    if (first !== undefined) {
      reader.report('error', 'DUPLICATE_COLUMN', msg('duplicateColumn', { column: col.key, first: reader.headers[first] ?? '', header }), 0, c);
      continue;
    }
    columns.set(col.key, c);
    reader.columnKeys[c] = col.key;
  }

  const missing = spec.columns.filter((col) => col.required && !columns.has(col.key));
  if (reportMissing) for (const col of missing) reportMissingColumn(reader, col, blank ? 'blankHeaderRow' : 'none');
  return { columns, others, blank, missing };
}

/** Reports a required column that is absent, at the header row; `why` adds what else the message must say. */
export function reportMissingColumn(reader: RangeReader, col: ContractColumn, why: MissingColumnReason = 'none'): void {
  const accepted = columnHeaders(col).join(' / ');
  reader.reportRange('error', 'MISSING_COLUMN', msg('missingColumn', { range: reader.range, accepted, reason: why }), headerRowWhere(reader));
}

/** The location of the header row, e.g. `A1:D1`. */
export function headerRowWhere(reader: RangeReader): Where {
  return reader.rowWhere(0);
}

/**
 * Of the other columns, keeps the first of each name (matched like headers) and reports every repeat as
 * DUPLICATE_COLUMN: two dimension or driver columns of one name would be ambiguous.
 */
export function uniqueOthers(reader: RangeReader, others: readonly OtherColumn[], what: 'dimension' | 'driver'): OtherColumn[] {
  const seen = new Map<string, OtherColumn>();
  const kept: OtherColumn[] = [];
  for (const o of others) {
    const key = nameKey(o.header);
    const first = seen.get(key);
    if (first !== undefined) {
      reader.report('error', 'DUPLICATE_COLUMN', msg('duplicateOtherColumn', { kind: what, header: o.header, first: first.header }), 0, o.column);
      continue;
    }
    seen.set(key, o);
    kept.push(o);
  }
  return kept;
}
