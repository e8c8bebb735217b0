/**
 * A pool's own cost from the ledger (`ABC_Resources`): the sum of the lines booked to it. A Cost given in
 * `ABC_Pools` must agree with that sum to the cent, so a controller who keeps both sees at once where they
 * drifted apart; a blank Cost (the reader allows it when the model has a ledger) is filled from the lines.
 */
import { type Dec, roundCents, sum } from '../decimal';
import { type Issue, error, warning } from '../issues';
import { msg } from '../messages';
import { type ModelInput, nameKey } from '../model';
import type { LedgerAmount } from './types';

/** Each pool's own cost (cents) and ledger lines, by the pool's name as `ABC_Pools` spells it. */
export interface LedgerReading {
  own: Map<string, Dec>;
  ledger: Map<string, LedgerAmount[]>;
  issues: Issue[];
}

/** How many accounts a mismatch message names before it says "and N more". */
const ACCOUNTS_NAMED = 8;

/**
 * Reads each pool's own cost. Without ledger lines a pool's own cost is its Cost. With them, a line that
 * names no pool of `ABC_Pools` is UNKNOWN_POOL at its Pool cell, a filled Cost that differs from the
 * lines' sum is POOL_COST_NOT_LEDGER at the Cost cell (naming the accounts that make up the sum), and a
 * blank Cost on a pool without lines gets NO_LEDGER_LINES (its cost is then 0).
 */
export function readLedger(model: ModelInput): LedgerReading {
  const own = new Map<string, Dec>();
  const ledger = new Map<string, LedgerAmount[]>();
  const issues: Issue[] = [];
  const byKey = new Map<string, string>();
  for (const pool of model.pools) {
    if (byKey.has(nameKey(pool.name))) continue;
    byKey.set(nameKey(pool.name), pool.name);
    ledger.set(pool.name, []);
  }
  // Lines of one account in one pool add up; the index finds the account's entry without a scan.
  const entries = new Map<string, LedgerAmount>();
  // Pools with a line whose Amount was bad (already reported at its cell): their sum is not known, so a Cost is not compared with it.
  const unknownSum = new Set<string>();
  for (const line of model.resources ?? []) {
    const pool = byKey.get(nameKey(line.pool));
    if (pool !== undefined && line.amountUnknown === true) unknownSum.add(pool);
    if (pool === undefined) {
      issues.push(error('UNKNOWN_POOL', msg('unknownLedgerPool', { pool: line.pool, account: line.account }), line.poolWhere ?? line.where));
      continue;
    }
    const key = `${nameKey(pool)}\u0000${nameKey(line.account)}`;
    const entry = entries.get(key);
    if (entry === undefined) {
      const added = { account: line.account, description: line.description, amount: line.amount };
      entries.set(key, added);
      (ledger.get(pool) as LedgerAmount[]).push(added);
    } else {
      entry.amount = entry.amount.plus(line.amount);
      entry.description ??= line.description;
    }
  }

  const seen = new Set<string>();
  for (const pool of model.pools) {
    if (seen.has(nameKey(pool.name))) continue;
    seen.add(nameKey(pool.name));
    const poolLines = ledger.get(pool.name) as LedgerAmount[];
    if (model.resources === undefined) {
      own.set(pool.name, roundCents(pool.cost));
      continue;
    }
    const total = roundCents(sum(poolLines.map((l) => l.amount)));
    own.set(pool.name, total);
    const at = pool.costWhere ?? pool.where;
    if (pool.costBlank === true) {
      if (poolLines.length === 0) issues.push(warning('NO_LEDGER_LINES', msg('noLedgerLines', { pool: pool.name }), at));
    } else if (!unknownSum.has(pool.name) && !roundCents(pool.cost).equals(total)) {
      const accounts = poolLines.map((l) => l.account);
      issues.push(
        error(
          'POOL_COST_NOT_LEDGER',
          msg('poolCostNotLedger', {
            pool: pool.name,
            cost: roundCents(pool.cost).toFixed(2),
            ledger: total.toFixed(2),
            accounts: accounts.slice(0, ACCOUNTS_NAMED),
            more: Math.max(0, accounts.length - ACCOUNTS_NAMED),
          }),
          at,
        ),
      );
    }
  }
  return { own, ledger, issues };
}
