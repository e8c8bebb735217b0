/** `ABC_Pools`: resource cost pools. */
import { ZERO, type Dec } from '../engine/decimal';
import type { PoolInput } from '../engine/model';
import { nameKey } from '../engine/model';
import { msg } from '../engine/messages';
import { CONTRACT_HEADERS } from './contract-spec';
import { matchHeaders } from './headers';
import { INVALID, type RangeReader, type RangeRows } from './range-reader';

const MINUTES_UNITS = new Set(['minutes', 'minuten', 'minute', 'minuut', 'min']);
const HOURS_UNITS = new Set(['hours', 'uren', 'hour', 'uur']);
const SIXTY = 60;

/**
 * Reads the pools. A row's `where` is its Pool cell. A row without a pool name is dropped after
 * MISSING_VALUE; a bad Cost or Capacity keeps the row (cost 0, capacity blank), so activities naming
 * the pool raise no follow-on errors. `ledger`: the model has ledger lines (`ABC_Resources`), so a blank
 * Cost is allowed (the engine fills it from the ledger) and every row carries its Cost cell, where the
 * engine shows a Cost that differs from the ledger.
 */
export function readPools(reader: RangeReader, ledger = false): RangeRows<PoolInput> {
  const match = matchHeaders(reader, CONTRACT_HEADERS.ABC_Pools);
  const pool = match.columns.get('pool');
  const cost = match.columns.get('cost');
  const capacity = match.columns.get('capacity');
  const unit = match.columns.get('unit');
  const fteColumn = match.columns.get('fte');
  const rows: PoolInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (pool === undefined) return;
    const name = reader.requiredText(r, pool, 'poolName');
    const value = cost === undefined ? ZERO : reader.number(r, cost, { allowNegative: false });
    // With a ledger, a Cost already reported as bad is left to the ledger too, so the cell gets one error, not a second about the sum.
    const blank = ledger && (value === null || value === INVALID);
    if (value === null && !ledger && cost !== undefined) {
      reader.report('error', 'MISSING_VALUE', msg('missingNumber', { column: reader.columnRef(cost) }), r, cost);
    }
    const poolCost = value === null || value === INVALID ? ZERO : value;
    const minutes = readCapacity(reader, r, capacity, unit);
    const fte = fteColumn === undefined ? null : readFte(reader, r, fteColumn);
    if (name === null) return;
    const ledgerCell = ledger && cost !== undefined ? { costWhere: reader.where(r, cost), ...(blank ? { costBlank: true } : {}) } : {};
    rows.push({ name, cost: poolCost, capacityMinutes: minutes, ...(fte === null ? {} : { fte }), where: reader.where(r, pool), ...ledgerCell });
  });
  return { rows, dataRows };
}

function readCapacity(reader: RangeReader, r: number, capacity: number | undefined, unit: number | undefined): Dec | null {
  const hours = unit !== undefined && readUnit(reader, r, unit) === 'hours';
  if (capacity === undefined) return null;
  const value = reader.number(r, capacity, { allowNegative: true });
  if (value === null) return null;
  // A reported bad capacity reads as 0 rather than blank: blank would add a follow-on MISSING_CAPACITY,
  // and nothing is computed while errors stand.
  if (value === INVALID) return ZERO;
  if (!value.isPositive() || value.isZero()) {
    reader.report('error', 'CAPACITY_NOT_POSITIVE', msg('capacityNotPositive', { column: reader.columnRef(capacity), found: value.toFixed() }), r, capacity);
    return ZERO;
  }
  return hours ? value.times(SIXTY) : value;
}

/** The optional FTE of a pool (staff behind its capacity): blank is none; 0 or less is refused like a capacity. */
function readFte(reader: RangeReader, r: number, column: number): Dec | null {
  const value = reader.number(r, column, { allowNegative: true });
  if (value === null || value === INVALID) return null;
  if (!value.isPositive() || value.isZero()) {
    reader.report('error', 'CAPACITY_NOT_POSITIVE', msg('capacityNotPositive', { column: reader.columnRef(column), found: value.toFixed() }), r, column);
    return null;
  }
  return value;
}

/** The unit of a pool's capacity; an invalid unit is reported and read as minutes. */
function readUnit(reader: RangeReader, r: number, unit: number): 'minutes' | 'hours' {
  const text = reader.text(r, unit);
  if (text === null || text === INVALID) return 'minutes';
  const key = nameKey(text);
  if (HOURS_UNITS.has(key)) return 'hours';
  if (!MINUTES_UNITS.has(key)) {
    reader.report('error', 'INVALID_UNIT', msg('invalidUnit', { column: reader.columnRef(unit), found: text }), r, unit);
  }
  return 'minutes';
}
