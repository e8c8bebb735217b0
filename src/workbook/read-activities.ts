/** `ABC_Activities`: one row per term of an activity's cost equation. */
import type { Dec } from '../engine/decimal';
import { ZERO } from '../engine/decimal';
import type { ActivityTermInput, TermKind } from '../engine/model';
import { msg } from '../engine/messages';
import { CONTRACT_HEADERS } from './contract-spec';
import { matchHeaders, reportMissingColumn } from './headers';
import { reportRangeNearMisses } from './near-miss-headers';
import { INVALID, type Invalid, type RangeReader, type RangeRows } from './range-reader';
import { GroupNames, readEstimateRange, type RangeColumns, type RowEstimate } from './read-estimate-range';

const METHODS: ReadonlyArray<{ key: TermKind; percentText: boolean }> = [
  { key: 'minutes', percentText: false },
  { key: 'share', percentText: true },
  { key: 'rate', percentText: false },
];

/**
 * Reads the activity terms. A row's `where` is its Activity cell. Each row must fill exactly one of
 * Minutes, Share and Rate: none is NO_METHOD, several is SEVERAL_METHODS (both located at the whole
 * row), and such rows are dropped. A filled but unusable method cell (text, error value, negative) is
 * reported and the row kept with value 0, so that its pool does not look mixed or unused. The optional
 * Low / High give the row's range and Group the estimates it moves with (see read-estimate-range.ts).
 */
export function readActivities(reader: RangeReader): RangeRows<ActivityTermInput> {
  const spec = CONTRACT_HEADERS.ABC_Activities;
  const match = matchHeaders(reader, spec);
  const activity = match.columns.get('activity');
  const pool = match.columns.get('pool');
  const driver = match.columns.get('driver');
  const methods: Array<{ key: TermKind; column: number; percentText: boolean }> = [];
  for (const m of METHODS) {
    const column = match.columns.get(m.key);
    if (column !== undefined) methods.push({ key: m.key, column, percentText: m.percentText });
  }
  if (methods.length === 0) {
    const rate = spec.columns.find((c) => c.key === 'rate');
    if (rate !== undefined) reportMissingColumn(reader, rate, 'noMethodColumn');
  }
  reportRangeNearMisses(reader, match.others, spec, new Set(match.columns.keys()));
  const rangeColumns: RangeColumns = { low: match.columns.get('low'), high: match.columns.get('high') };
  const groupColumn = match.columns.get('group');
  const groups = new GroupNames();

  const rows: ActivityTermInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (activity === undefined || methods.length === 0) return;
    const name = reader.requiredText(r, activity, 'activityName');
    const poolName = pool === undefined ? null : reader.text(r, pool);
    const driverName = driver === undefined ? null : reader.text(r, driver);

    let kind: TermKind | null = null;
    let value: Dec | Invalid = ZERO;
    let valueColumn = -1;
    let filled = 0;
    for (const m of methods) {
      const v = reader.number(r, m.column, { allowNegative: false, percentText: m.percentText });
      if (v === null) continue;
      filled++;
      kind = m.key;
      value = v;
      valueColumn = m.column;
    }
    // Read (and checked) before a row without one method is dropped, so all its problems show at once.
    const estimate: RowEstimate | null = filled === 1 ? { kind, value, column: valueColumn } : null;
    const range = readEstimateRange(reader, r, rangeColumns, name, estimate);
    const group = groupColumn === undefined ? null : reader.text(r, groupColumn);
    if (filled === 0) {
      reader.report('error', 'NO_METHOD', msg('noMethod', { activity: name }), r, -1, reader.rowWhere(r));
      return;
    }
    if (filled > 1) {
      reader.report('error', 'SEVERAL_METHODS', msg('severalMethods', { activity: name }), r, -1, reader.rowWhere(r));
      return;
    }
    // An error value in Pool or Driver was reported; keeping the row with a guessed reference would
    // only add follow-on errors.
    if (name === null || kind === null || poolName === INVALID || driverName === INVALID || group === INVALID) return;
    rows.push({
      activity: name,
      pool: poolName,
      driver: driverName,
      kind,
      value: value === INVALID ? ZERO : value,
      where: reader.where(r, activity),
      ...(pool === undefined ? {} : { poolWhere: reader.where(r, pool) }),
      ...(driver === undefined ? {} : { driverWhere: reader.where(r, driver) }),
      ...(range === null ? {} : { range }),
      ...(group === null ? {} : { group: groups.spelling(group) }),
    });
  });
  return { rows, dataRows };
}
