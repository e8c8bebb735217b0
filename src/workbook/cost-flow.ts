/**
 * The cost flow of a result with a first stage, as nodes in columns and bands between neighbouring columns:
 * ledger accounts → support pools → operating pools → activities → customer segments, with "unused
 * capacity" and "not charged to customers" carried to the last column, so the bands between any two
 * neighbouring columns add up to the ledger total to the cent. flow-svg.ts draws it.
 *
 * Support pools serving each other are no bands: under the reciprocal method those amounts are counted
 * again (a pool passes on its own cost plus what it received), so bands for them would make the support
 * column add up to more than the ledger, and a band from a column back into itself cannot be read. The
 * bands show instead where each support pool's own cost ends up (the result's origins, which follow every
 * path of the support network), and a note lists the amounts the support pools pass to each other.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import type { FirstStageResult } from '../engine/first-stage/types';
import { type DimensionValue, nameKey } from '../engine/model';
import type { CostingResult, CustomerResult } from '../engine/result';
import type { SupportFlow } from '../engine/support/types';
import { segmentKey } from './statement-figures';
import { flowText, type FlowText } from './flow-text';
import { type ReportLanguage, reportText } from './report-text';

/** Most nodes of the ledger, activity and customer columns, the last one collecting the rest. */
export const MAX_ACCOUNTS = 12;
export const MAX_ACTIVITIES = 10;
export const MAX_SEGMENTS = 10;

export type FlowNodeKind = 'account' | 'support' | 'own' | 'operating' | 'activity' | 'segment' | 'unused' | 'unassigned' | 'beyond';

export interface FlowNode {
  id: string;
  column: number;
  kind: FlowNodeKind;
  label: string;
  /** The figure its label shows: the engine's where there is one (a pool's cost, an activity's cost). */
  amount: Dec;
}

export interface FlowBand {
  from: string;
  to: string;
  amount: Dec;
}

export interface CostFlow {
  title: string;
  columns: string[];
  nodes: FlowNode[];
  /** Only between neighbouring columns, only positive amounts. */
  bands: FlowBand[];
  /** The ledger total; plus what pools used beyond their capacity, from the operating pools on. */
  ledgerTotal: Dec;
  beyondCapacity: Dec;
  notes: string[];
  currency: string;
  text: FlowText;
}

/** Money as the picture writes it: the currency as in the report, thousands grouped, two decimals. */
export type MoneyText = (amount: Dec) => string;

/**
 * The cost flow of a result, or null when it has no first stage (nothing comes from a ledger or support
 * pools: the whale curve and the report already show pools to customers).
 */
export function costFlowOf(result: CostingResult, language: ReportLanguage, money: MoneyText): CostFlow | null {
  const stage = result.firstStage;
  if (stage === undefined) return null;
  const t = flowText(language);
  const flow = new FlowBuilder();
  const offset = stage.fromLedger ? 1 : 0;
  supportColumns(stage, t, flow, offset);
  if (stage.fromLedger) ledgerColumn(stage, t, flow);
  const beyond = capacityOverrun(result);
  if (beyond.gt(0)) flow.node(offset, 'beyond', 'beyond', t.beyondCapacity, beyond);
  poolsToActivities(result, t, flow, offset + 1);
  const dimension = segmentDimension(result);
  activitiesToCustomers(result, dimension, t, flow, offset + 2, language);

  const notes = [t.methodNote(t.method[stage.method], money(stage.ledgerTotal))];
  const between = stage.flows.filter((f) => isSupport(stage, f.to));
  if (between.length > 0) notes.push(t.cyclesNote(supportFlowsText(between, money)));
  const rate = sum(result.activities.filter((a) => a.pool === null).map((a) => a.cost));
  if (!rate.isZero()) notes.push(t.rateNote(money(rate)));
  if (beyond.gt(0)) notes.push(t.beyondNote(money(beyond)));
  const columns = [t.columns.support, t.columns.operating, t.columns.activities, t.columns.customers(dimension)];
  return {
    title: t.title,
    columns: stage.fromLedger ? [t.columns.ledger, ...columns] : columns,
    // By column, in the order each column's nodes were added (a stable sort).
    nodes: flow.nodes.filter((n) => !n.amount.isZero() || flow.touches(n.id)).sort((a, b) => a.column - b.column),
    bands: flow.bands,
    ledgerTotal: stage.ledgerTotal,
    beyondCapacity: beyond,
    notes,
    currency: result.settings.currency,
    text: t,
  };
}

/** Nodes by id, each added once, and bands with zero amounts left out. */
class FlowBuilder {
  readonly nodes: FlowNode[] = [];
  readonly bands: FlowBand[] = [];
  private readonly byId = new Map<string, FlowNode>();

  node(column: number, key: string, kind: FlowNodeKind, label: string, amount: Dec): string {
    const id = `${column}:${key}`;
    const known = this.byId.get(id);
    if (known !== undefined) known.amount = known.amount.plus(amount);
    else {
      const node = { id, column, kind, label, amount };
      this.byId.set(id, node);
      this.nodes.push(node);
    }
    return id;
  }

  band(from: string, to: string, amount: Dec): void {
    if (amount.isZero()) return;
    // A negative band would be a silently wrong picture: every amount here is one the engine keeps ≥ 0.
    if (amount.isNegative()) throw new Error(`cost flow: negative band ${from} → ${to}`);
    const known = this.bands.find((b) => b.from === from && b.to === to);
    if (known !== undefined) known.amount = known.amount.plus(amount);
    else this.bands.push({ from, to, amount });
  }

  touches(id: string): boolean {
    return this.bands.some((b) => b.from === id || b.to === id);
  }
}

function isSupport(stage: FirstStageResult, pool: string): boolean {
  return stage.pools.some((p) => p.role === 'support' && nameKey(p.pool) === nameKey(pool));
}

function supportFlowsText(flows: readonly SupportFlow[], money: MoneyText): string {
  const shown = flows.slice(0, 4).map((f) => `${f.from} → ${f.to} ${money(f.amount)}`);
  return flows.length > 4 ? `${shown.join('; ')}; …` : shown.join('; ');
}

/** Ledger accounts over all pools, the largest first; the rest in one node. Bands to the pools' own cost (the support column's nodes). */
function ledgerColumn(stage: FirstStageResult, t: FlowText, flow: FlowBuilder): void {
  const totals = new Map<string, { label: string; amount: Dec }>();
  for (const p of stage.pools) {
    for (const l of p.ledger) {
      const known = totals.get(l.account);
      if (known === undefined) totals.set(l.account, { label: l.description === null ? l.account : `${l.account} ${l.description}`, amount: l.amount });
      else known.amount = known.amount.plus(l.amount);
    }
  }
  const ranked = [...totals].sort(([a, x], [b, y]) => y.amount.comparedTo(x.amount) || (a < b ? -1 : a > b ? 1 : 0));
  const kept = new Set(ranked.slice(0, ranked.length > MAX_ACCOUNTS ? MAX_ACCOUNTS - 1 : MAX_ACCOUNTS).map(([account]) => account));
  const otherLabel = t.otherAccounts(ranked.length - kept.size);
  for (const [account, { label }] of ranked) {
    if (kept.has(account)) flow.node(0, `a:${account}`, 'account', label, ZERO);
  }
  for (const p of stage.pools) {
    const to = p.role === 'support' ? `1:s:${nameKey(p.pool)}` : '1:own';
    for (const l of p.ledger) {
      const from = kept.has(l.account) ? `0:a:${l.account}` : flow.node(0, 'other', 'account', otherLabel, ZERO);
      flow.band(from, to, l.amount);
    }
  }
  for (const [account, { amount }] of totals) flow.node(0, kept.has(account) ? `a:${account}` : 'other', 'account', '', amount);
}

/**
 * Support pools with their own cost, the operating pools' own cost as one node, and the bands from there
 * to the operating pools (and to "reaching no pool"), from the origins of each operating pool's cost.
 */
function supportColumns(stage: FirstStageResult, t: FlowText, flow: FlowBuilder, column: number): void {
  const support = stage.pools.filter((p) => p.role === 'support');
  const operating = stage.pools.filter((p) => p.role === 'operating');
  for (const p of support) flow.node(column, `s:${nameKey(p.pool)}`, 'support', p.pool, p.ownCost);
  flow.node(column, 'own', 'own', t.operatingOwnCost, sum(operating.map((p) => p.ownCost)));
  for (const p of operating) flow.node(column + 1, `p:${nameKey(p.pool)}`, 'operating', p.pool, p.costAfter);
  const reached = reachedFromSupport(stage);
  for (const p of operating) {
    flow.band(`${column}:own`, `${column + 1}:p:${nameKey(p.pool)}`, p.ownCost);
    for (const s of support) flow.band(`${column}:s:${nameKey(s.pool)}`, `${column + 1}:p:${nameKey(p.pool)}`, reached.get(nameKey(p.pool))?.get(nameKey(s.pool)) ?? ZERO);
  }
  for (const s of support) {
    const passed = sum(operating.map((p) => reached.get(nameKey(p.pool))?.get(nameKey(s.pool)) ?? ZERO));
    const left = s.ownCost.minus(passed);
    if (left.isZero()) continue;
    flow.band(`${column}:s:${nameKey(s.pool)}`, flow.node(column + 1, 'left', 'unassigned', t.notPassedOn, left), left);
  }
}

/**
 * `reached.get(operating).get(support)`: what of a support pool's own cost ends in an operating pool, in
 * cents. The engine rounds the origins as one table, so each support pool's parts add up to its own cost;
 * only when support cost is left unassigned and that table rounding is not possible does it round per
 * operating pool (first-stage/origins.ts), and then a support pool's parts may add up to a cent more than
 * its own cost while another's fall a cent short. Such a cent is moved between the two within one operating
 * pool (its total unchanged, one both reach when there is one), so every support pool passes on at most its
 * own cost.
 */
function reachedFromSupport(stage: FirstStageResult): Map<string, Map<string, Dec>> {
  const support = stage.pools.filter((p) => p.role === 'support');
  const reached = new Map<string, Map<string, Dec>>();
  for (const p of stage.pools) {
    if (p.role !== 'operating') continue;
    const parts = new Map<string, Dec>();
    for (const o of p.origins) {
      if (nameKey(o.pool) === nameKey(p.pool)) continue;
      parts.set(nameKey(o.pool), (parts.get(nameKey(o.pool)) ?? ZERO).plus(o.amount));
    }
    reached.set(nameKey(p.pool), parts);
  }
  const leftOf = (s: string): Dec => {
    const own = support.find((p) => nameKey(p.pool) === s)?.ownCost ?? ZERO;
    return own.minus(sum([...reached.values()].map((parts) => parts.get(s) ?? ZERO)));
  };
  for (const s of support.map((p) => nameKey(p.pool))) {
    for (let left = leftOf(s); left.isNegative(); left = leftOf(s)) {
      const donor = support.map((p) => nameKey(p.pool)).find((d) => leftOf(d).gt(0));
      const pools = [...reached.values()].filter((parts) => (parts.get(s) ?? ZERO).gt(0));
      const pool = pools.find((parts) => donor !== undefined && (parts.get(donor) ?? ZERO).gt(0)) ?? pools[0];
      if (donor === undefined || pool === undefined) throw new Error('cost flow: support origins exceed the support cost');
      const move = [leftOf(donor), pool.get(s) ?? ZERO].reduce((a, b) => (b.lt(a) ? b : a), left.negated());
      pool.set(s, (pool.get(s) ?? ZERO).minus(move));
      pool.set(donor, (pool.get(donor) ?? ZERO).plus(move));
    }
  }
  return reached;
}

/** What activities carry beyond their pools' cost: the negative unused capacity cost of pools used beyond capacity. */
function capacityOverrun(result: CostingResult): Dec {
  return sum(result.pools.map((p) => (p.unusedCost !== null && p.unusedCost.isNegative() ? p.unusedCost.negated() : ZERO)));
}

/** Operating pools to their activities (the largest ones; the rest in one node), unused capacity and shares left over. */
function poolsToActivities(result: CostingResult, t: FlowText, flow: FlowBuilder, column: number): void {
  const fromPools = result.activities.filter((a) => a.pool !== null);
  const kept = keptActivities(result);
  const others = fromPools.length - kept.size;
  for (const a of fromPools) {
    if (kept.has(a.activity)) flow.node(column + 1, `a:${a.activity}`, 'activity', a.activity, a.cost);
  }
  const left = `${column}:left`;
  for (const p of result.pools) {
    const pool = `${column}:p:${nameKey(p.pool)}`;
    const overrun = p.unusedCost !== null && p.unusedCost.isNegative() ? p.unusedCost.negated() : ZERO;
    if (overrun.gt(0)) flow.band(`${column - 1}:beyond`, pool, overrun);
    for (const a of fromPools.filter((x) => nameKey(x.pool ?? '') === nameKey(p.pool))) {
      const to = kept.has(a.activity) ? `${column + 1}:a:${a.activity}` : flow.node(column + 1, 'other', 'activity', t.otherActivities(others), a.cost);
      flow.band(pool, to, a.cost);
    }
    if (p.unusedCost !== null && p.unusedCost.gt(0)) flow.band(pool, flow.node(column + 1, 'unused', 'unused', t.unusedCapacity, p.unusedCost), p.unusedCost);
    if (!p.unassignedCost.isZero()) flow.band(pool, flow.node(column + 1, 'left', 'unassigned', t.notCharged, p.unassignedCost), p.unassignedCost);
  }
  const notPassed = flow.nodes.find((n) => n.id === left);
  if (notPassed !== undefined) flow.band(left, flow.node(column + 1, 'left', 'unassigned', t.notCharged, notPassed.amount), notPassed.amount);
}

function keptActivities(result: CostingResult): Set<string> {
  const fromPools = result.activities.filter((a) => a.pool !== null);
  const ranked = [...fromPools].sort((a, b) => b.cost.comparedTo(a.cost) || (a.activity < b.activity ? -1 : a.activity > b.activity ? 1 : 0));
  return new Set(ranked.slice(0, fromPools.length > MAX_ACTIVITIES ? MAX_ACTIVITIES - 1 : MAX_ACTIVITIES).map((a) => a.activity));
}

/** The dimension that forms segments: `StatementSegment`, else the customers' first; null without dimensions. */
function segmentDimension(result: CostingResult): string | null {
  return result.settings.statementSegment?.name ?? result.customers[0]?.dimensions[0]?.[0] ?? null;
}

function segmentOf(c: CustomerResult, dimension: string | null): DimensionValue {
  if (dimension === null) return null;
  const key = nameKey(dimension);
  return c.dimensions.find(([header]) => nameKey(header) === key)?.[1] ?? null;
}

/**
 * Activities to customer segments (the customers' activity costs added up per segment), activities' cost
 * reaching no customer, and unused capacity charged to customers or left with the company.
 */
/** A segment's label as the Summary's roll-ups write it: blank values as one word, booleans in Dutch as Excel shows them. */
function segmentLabel(value: DimensionValue, language: ReportLanguage): string {
  const words = reportText(language);
  if (segmentKey(value) === segmentKey(null)) return words.rollups.blank;
  if (typeof value === 'boolean' && language !== 'en') return value ? words.common.true : words.common.false;
  return String(value);
}

function activitiesToCustomers(result: CostingResult, dimension: string | null, t: FlowText, flow: FlowBuilder, column: number, language: ReportLanguage): void {
  const kept = keptActivities(result);
  const fromPools = result.activities.filter((a) => a.pool !== null);
  const overrun = new Set(result.pools.filter((p) => p.unusedCost?.isNegative() === true).map((p) => p.pool));
  // Per segment key: its label and what reaches it from each activity node and from unused capacity.
  const segments = new Map<string, { label: string; from: Map<string, Dec> }>();
  for (const c of result.customers) {
    const value = segmentOf(c, dimension);
    const key = dimension === null ? 'all' : segmentKey(value);
    let segment = segments.get(key);
    if (segment === undefined) {
      const label = dimension === null ? t.allCustomers : segmentLabel(value, language);
      segment = { label, from: new Map() };
      segments.set(key, segment);
    }
    const add = (node: string, amount: Dec): void => {
      if (!amount.isZero()) segment.from.set(node, (segment.from.get(node) ?? ZERO).plus(amount));
    };
    for (const a of fromPools) add(kept.has(a.activity) ? `${column}:a:${a.activity}` : `${column}:other`, c.activityCosts.get(a.activity) ?? ZERO);
    // A pool used beyond capacity credits its customers: that credit is in the note, not a band.
    for (const [pool, amount] of c.unusedCapacityCosts) if (!overrun.has(pool)) add(`${column}:unused`, amount);
  }
  const total = (s: { from: Map<string, Dec> }): Dec => sum(s.from.values());
  const ranked = [...segments].sort(([a, x], [b, y]) => total(y).comparedTo(total(x)) || (a < b ? -1 : a > b ? 1 : 0));
  const keep = ranked.length > MAX_SEGMENTS ? MAX_SEGMENTS - 1 : MAX_SEGMENTS;
  ranked.forEach(([key, segment], i) => {
    const to = i < keep ? flow.node(column + 1, `c:${key}`, 'segment', segment.label, total(segment)) : flow.node(column + 1, 'c-other', 'segment', t.otherSegments(ranked.length - keep), total(segment));
    for (const [from, amount] of segment.from) flow.band(from, to, amount);
  });
  for (const a of fromPools) {
    if (!a.unassignedCost.isZero()) flow.band(kept.has(a.activity) ? `${column}:a:${a.activity}` : `${column}:other`, flow.node(column + 1, 'left', 'unassigned', t.notCharged, a.unassignedCost), a.unassignedCost);
  }
  const left = flow.nodes.find((n) => n.id === `${column}:left`);
  if (left !== undefined) flow.band(left.id, flow.node(column + 1, 'left', 'unassigned', t.notCharged, left.amount), left.amount);
  const unused = sum(result.pools.filter((p) => p.unusedCost?.gt(0) === true).map((p) => (p.unusedCost ?? ZERO).minus(p.unusedAssigned)));
  if (!unused.isZero()) flow.band(`${column}:unused`, flow.node(column + 1, 'unused', 'unused', t.unusedCapacity, unused), unused);
}
