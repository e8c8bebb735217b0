/**
 * Checks the rows of `ABC_Support` against the pools and turns them into one share per (From, To): the
 * network every method passes cost through. Every problem is found in one pass and reported at once,
 * each at its row, so the controller fixes the sheet in one go instead of one error per run.
 */
import { type Dec, ZERO } from '../decimal';
import { type Issue, type Where, error, formatWhere } from '../issues';
import { msg } from '../messages';
import { nameKey } from '../model';
import { R_ONE, R_ZERO, Rational, rationalSum } from './rational';
import type { SupportLinkInput } from './types';

/** A pool as the support stage needs it: its name as `ABC_Pools` spells it. */
export interface SupportPoolRef {
  name: string;
  where?: Where;
}

/** The support rows as shares, with pool names spelled as in `ABC_Pools`. */
export interface SupportNetwork {
  /** Pools that appear in From, in the order they first appear there (the step-down order). */
  support: readonly string[];
  /** Every other pool, in the order of the pools given: they keep what they receive. */
  operating: readonly string[];
  /**
   * `shares.get(from).get(to)`: the share of `from`'s cost that goes to `to`, exact; rows with the same
   * From and To are added up, and shares of 0 are left out. Every support pool has an entry.
   */
  shares: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  /** Each support pool's first row in ABC_Support, where a problem of the pool as a whole is shown. */
  firstRow: ReadonlyMap<string, Where>;
}

/** The network built from the rows that are valid, and the problems of the others. */
export interface SupportNetworkReading {
  network: SupportNetwork;
  issues: Issue[];
  /**
   * Support pools with a problem (a row left out, shares above 100%): their shares in `network` are not
   * the ones the controller means, so a closed loop through them is not reported on top.
   */
  incomplete: ReadonlySet<string>;
}

/** One valid row: its pools resolved and its Share or Quantity known. */
interface Row {
  from: string;
  to: string;
  basis: 'share' | 'quantity';
  value: Rational;
  where: Where;
}

/**
 * Reads the support rows against the pools. `poolsWithActivities`: names of the pools that have rows in
 * `ABC_Activities` (any spelling: names are compared as the contract compares them). A support pool may
 * not have any, because its whole cost leaves it.
 */
export function readSupportNetwork(
  pools: readonly SupportPoolRef[],
  links: readonly SupportLinkInput[],
  poolsWithActivities: ReadonlySet<string> = new Set(),
): SupportNetworkReading {
  const issues: Issue[] = [];
  const byKey = new Map<string, string>();
  for (const p of pools) if (!byKey.has(nameKey(p.name))) byKey.set(nameKey(p.name), p.name);

  const support: string[] = [];
  const firstRow = new Map<string, Where>();
  const incomplete = new Set<string>();
  const rows = new Map<string, Row[]>();
  for (const link of links) {
    const from = byKey.get(nameKey(link.from));
    const to = byKey.get(nameKey(link.to));
    if (from !== undefined && !firstRow.has(from)) {
      support.push(from);
      firstRow.set(from, link.fromWhere ?? link.where);
      rows.set(from, []);
    }
    const row = readRow(link, from, to, issues);
    if (row !== null) (rows.get(row.from) as Row[]).push(row);
    else if (from !== undefined) incomplete.add(from);
  }

  const shares = new Map<string, ReadonlyMap<string, Rational>>();
  for (const from of support) {
    const own = rows.get(from) as Row[];
    const fromShares = sharesOf(from, own, firstRow.get(from) as Where, issues);
    if (fromShares === null) incomplete.add(from);
    shares.set(from, fromShares ?? new Map());
  }

  const activityKeys = new Set([...poolsWithActivities].map(nameKey));
  for (const from of support) {
    if (activityKeys.has(nameKey(from))) {
      issues.push(error('SUPPORT_POOL_HAS_ACTIVITIES', msg('supportPoolHasActivities', { pool: from }), firstRow.get(from)));
    }
  }

  const isSupport = new Set(support);
  const operating = pools.map((p) => byKey.get(nameKey(p.name)) as string).filter((name, i, all) => !isSupport.has(name) && all.indexOf(name) === i);
  return { network: { support, operating, shares, firstRow }, issues, incomplete };
}

/** One row checked on its own; null (and its problems added) when it cannot be used. */
function readRow(link: SupportLinkInput, from: string | undefined, to: string | undefined, issues: Issue[]): Row | null {
  const before = issues.length;
  if (from === undefined) {
    issues.push(error('UNKNOWN_POOL', msg('unknownSupportPool', { pool: link.from, what: 'from' }), link.fromWhere ?? link.where));
  }
  if (to === undefined) {
    issues.push(error('UNKNOWN_POOL', msg('unknownSupportPool', { pool: link.to, what: 'to' }), link.toWhere ?? link.where));
  }
  if (from !== undefined && from === to) {
    issues.push(error('SUPPORT_TO_ITSELF', msg('supportToItself', { pool: from }), link.toWhere ?? link.where));
  }
  const names = { pool: from ?? link.from, to: to ?? link.to };
  if (link.share !== null && link.quantity !== null) {
    issues.push(error('SUPPORT_MIXED_BASIS', msg('supportRowBasis', { ...names, what: 'both' }), link.where));
  } else if (link.share === null && link.quantity === null) {
    issues.push(error('MISSING_VALUE', msg('supportRowBasis', { ...names, what: 'none' }), link.where));
  }
  for (const [what, value] of [['share', link.share], ['quantity', link.quantity]] as const) {
    if (value !== null && value.lessThan(ZERO)) {
      issues.push(error('NEGATIVE_VALUE', msg('supportNegative', { ...names, what, found: value.toString() }), link.where));
    }
  }
  if (issues.length > before || from === undefined || to === undefined) return null;
  const basis = link.share !== null ? 'share' : 'quantity';
  return { from, to, basis, value: Rational.fromDec((link.share ?? link.quantity) as Dec), where: link.where };
}

/**
 * A support pool's rows as shares per To pool: quantities divided by their total. Null (and the problem
 * added) when they mix shares and quantities, when quantities add up to 0 or shares to more than 100%.
 */
function sharesOf(from: string, rows: readonly Row[], first: Where, issues: Issue[]): Map<string, Rational> | null {
  const shareRow = rows.find((r) => r.basis === 'share');
  const quantityRow = rows.find((r) => r.basis === 'quantity');
  if (shareRow !== undefined && quantityRow !== undefined) {
    // Shown at the first row of the kind that came second: that is the row that broke the pattern.
    const at = shareRow.where === rows[0]?.where ? quantityRow.where : shareRow.where;
    issues.push(
      error('SUPPORT_MIXED_BASIS', msg('supportMixedBasis', { pool: from, shareAt: placeOf(shareRow.where), quantityAt: placeOf(quantityRow.where) }), at),
    );
    return null;
  }
  const total = rationalSum(rows.map((r) => r.value));
  let scale = R_ONE;
  if (quantityRow !== undefined) {
    if (total.isZero()) {
      issues.push(error('SUPPORT_QUANTITIES_ZERO', msg('supportQuantitiesZero', { pool: from }), first));
      return null;
    }
    scale = R_ONE.div(total);
  } else if (total.compare(R_ONE) > 0) {
    const percent = total.mul(Rational.of(100n)).toDec(6).toString();
    issues.push(error('SHARES_OVER_ONE', msg('supportSharesOverOne', { pool: from, percent }), first));
    return null;
  }
  const shares = new Map<string, Rational>();
  for (const r of rows) {
    if (r.value.isZero()) continue;
    shares.set(r.to, (shares.get(r.to) ?? R_ZERO).add(r.value.mul(scale)));
  }
  return shares;
}

/** The share of a support pool's cost its rows leave unassigned: 1 − the sum of its shares. */
export function unassignedShare(network: SupportNetwork, from: string): Rational {
  return R_ONE.sub(rationalSum(network.shares.get(from)?.values() ?? []));
}

/** A row's place for a message (`Support!A3`), as validate.ts names earlier rows. */
function placeOf(where: Where): string | null {
  return formatWhere({ sheet: where.sheet, cell: where.cell, range: where.sheet ? undefined : where.range });
}
