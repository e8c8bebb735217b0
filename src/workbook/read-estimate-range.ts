/**
 * The range of an estimate (issue 21): the optional Low and High of an `ABC_Activities` row around its
 * Minutes, Share or Rate, and the Group it moves with. Kept apart from read-activities.ts, whose rules
 * decide the estimate itself.
 */
import type { Dec } from '../engine/decimal';
import type { EstimateRange, TermKind } from '../engine/model';
import { nameKey } from '../engine/model';
import { msg } from '../engine/messages';
import { showValue } from './cells';
import { CONTRACT_HEADERS } from './contract-spec';
import { INVALID, type Invalid, type RangeReader } from './range-reader';

/** The columns of Low and High, when the range has them. */
export interface RangeColumns {
  low: number | undefined;
  high: number | undefined;
}

/** A row's estimate as read: its kind, its value (INVALID when unusable, already reported) and its column. */
export interface RowEstimate {
  kind: TermKind | null;
  value: Dec | Invalid;
  column: number;
}

/**
 * Reads a row's Low and High. Each is a number >= 0 (a Share row's may be a percentage, as its Share); a
 * cell that is not is reported as any number cell is. Both blank: no range (null). One blank:
 * RANGE_INCOMPLETE at the blank cell (at the filled one when the range has no such column). Low above the
 * estimate is RANGE_LOW_ABOVE_ESTIMATE at Low, High below it RANGE_HIGH_BELOW_ESTIMATE at High; neither is
 * checked when the estimate is unusable (`estimate` null or INVALID), which was reported already. A row
 * with any of these problems has no range.
 */
export function readEstimateRange(reader: RangeReader, r: number, columns: RangeColumns, activity: string | null, estimate: RowEstimate | null): EstimateRange | null {
  const rule = { allowNegative: false, percentText: estimate?.kind === 'share' };
  const low = columns.low === undefined ? null : reader.number(r, columns.low, rule);
  const high = columns.high === undefined ? null : reader.number(r, columns.high, rule);
  if (low === INVALID || high === INVALID) return null;
  if (low === null && high === null) return null;
  if (low === null || high === null) {
    reportIncomplete(reader, r, columns, activity, low === null ? 'low' : 'high');
    return null;
  }
  if (estimate === null || estimate.value === INVALID) return null;
  const value = estimate.value;
  const lowColumn = columns.low ?? -1;
  const highColumn = columns.high ?? -1;
  const compared = { activity, method: reader.columnRef(estimate.column), estimate: showValue(reader.cell(r, estimate.column)) };
  let fine = true;
  if (low.greaterThan(value)) {
    reader.report('error', 'RANGE_LOW_ABOVE_ESTIMATE', msg('rangeLowAboveEstimate', { ...compared, column: reader.columnRef(lowColumn), found: showValue(reader.cell(r, lowColumn)) }), r, lowColumn);
    fine = false;
  }
  if (high.lessThan(value)) {
    reader.report('error', 'RANGE_HIGH_BELOW_ESTIMATE', msg('rangeHighBelowEstimate', { ...compared, column: reader.columnRef(highColumn), found: showValue(reader.cell(r, highColumn)) }), r, highColumn);
    fine = false;
  }
  return fine ? { low, high, where: reader.where(r, lowColumn) } : null;
}

/** RANGE_INCOMPLETE for a row that fills one of Low and High; `blank` is the one it leaves blank. */
function reportIncomplete(reader: RangeReader, r: number, columns: RangeColumns, activity: string | null, blank: 'low' | 'high'): void {
  const given = blank === 'low' ? 'high' : 'low';
  const givenColumn = columns[given] ?? -1;
  const blankColumn = columns[blank];
  // Without the column at all there is no blank cell to point at: the filled one is the place to look.
  const blankRef = blankColumn === undefined ? contractRef(blank) : reader.columnRef(blankColumn);
  reader.report('error', 'RANGE_INCOMPLETE', msg('rangeIncomplete', { activity, given: reader.columnRef(givenColumn), blank: blankRef }), r, blankColumn ?? givenColumn);
}

/** A column the range lacks, named by its English contract header. */
function contractRef(key: 'low' | 'high'): { header: string; key: 'low' | 'high' } {
  const column = CONTRACT_HEADERS.ABC_Activities.columns.find((c) => c.key === key);
  return { header: column?.en ?? key, key };
}

/**
 * Group names matched like any name (case, surrounding and repeated spaces ignored); the model keeps the
 * first spelling met, so the engine can compare groups as they are.
 */
export class GroupNames {
  private readonly first = new Map<string, string>();

  /** The spelling the model keeps for `name`: its own the first time its key is met. */
  spelling(name: string): string {
    const key = nameKey(name);
    const kept = this.first.get(key);
    if (kept !== undefined) return kept;
    const trimmed = name.trim().replace(/\s+/g, ' ');
    this.first.set(key, trimmed);
    return trimmed;
  }
}
