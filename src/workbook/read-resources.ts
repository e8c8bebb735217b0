/** `ABC_Resources`: ledger lines, each an account's amount booked to one pool (issue 19). */
import { ZERO } from '../engine/decimal';
import { msg } from '../engine/messages';
import type { ResourceLineInput } from '../engine/support/types';
import { CONTRACT_HEADERS } from './contract-spec';
import { matchHeaders } from './headers';
import { INVALID, type RangeReader, type RangeRows } from './range-reader';

/**
 * Reads the ledger lines. A row's `where` is its Account cell, `poolWhere` its Pool cell. An account that
 * is a number (4100) becomes its text ("4100"). A blank Pool is MISSING_VALUE and drops the row: its
 * amount belongs nowhere. A blank Account, or an Amount that is blank, negative or no number, is reported
 * and the row kept (account "", amount 0), so the pool's other lines still add up and no follow-on error
 * about the pool's total is raised; nothing is computed while an error stands. Pools that do not exist,
 * and whether a pool's Cost matches its lines, are the engine's to check (they need the other ranges).
 */
export function readResources(reader: RangeReader): RangeRows<ResourceLineInput> {
  const match = matchHeaders(reader, CONTRACT_HEADERS.ABC_Resources);
  const account = match.columns.get('account');
  const description = match.columns.get('description');
  const amount = match.columns.get('amount');
  const pool = match.columns.get('pool');
  const rows: ResourceLineInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (account === undefined || amount === undefined || pool === undefined) return;
    const accountText = reader.requiredText(r, account, 'account');
    const about = description === undefined ? null : reader.text(r, description);
    const raw = reader.number(r, amount, { allowNegative: false });
    if (raw === null) reader.report('error', 'MISSING_VALUE', msg('missingNumber', { column: reader.columnRef(amount) }), r, amount);
    const value = raw === null || raw === INVALID ? ZERO : raw;
    const poolName = reader.requiredText(r, pool, 'poolName');
    if (poolName === null) return;
    rows.push({
      account: accountText ?? '',
      description: about === INVALID ? null : about,
      amount: value,
      ...(raw === null || raw === INVALID ? { amountUnknown: true } : {}),
      pool: poolName,
      where: reader.where(r, account),
      poolWhere: reader.where(r, pool),
    });
  });
  return { rows, dataRows };
}
