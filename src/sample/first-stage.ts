/**
 * The sample's first stage (issue 19): a ledger booked to the pools and three support departments (IT,
 * HR & facilities, Management) passing their cost on to the others. The sample's costing must not change
 * by it: every operating pool's cost after support (reciprocal, as the engine computes it) is exactly the
 * cost it had before the sample had a ledger. So the support pools' ledger comes first, the engine's own
 * support stage works out what each operating pool receives, and each operating pool's ledger carries
 * the rest of its cost, spread over its accounts to the cent.
 */
import { allocateCents } from '../engine/allocate';
import { type Dec, ZERO, dec, fromWholeCents, sum, wholeCentsOf } from '../engine/decimal';
import type { SupportLinkInput } from '../engine/support/types';
import { passOnSupport } from '../engine/support/pass-on';
import { ACCOUNTS, type Staffing } from './ledger-accounts';
import { POOLS, SUPPORT_POOLS } from './pools';
import type { Random } from './random';

/** One row of `ABC_Resources`: an account's amount booked to one pool, in whole cents. */
export interface LedgerLinePlan {
  account: number;
  description: string;
  pool: string;
  amountCents: number;
}

/** One row of `ABC_Support`: exactly one of share and quantity is set; basis says what the figure counts. */
export interface SupportRowPlan {
  from: string;
  to: string;
  share: number | null;
  quantity: number | null;
  basis: string;
}

/** A support pool: its staffing and its own cost (the sum of its ledger lines), in whole cents. */
export interface SupportPoolPlan {
  pool: string;
  fte: number;
  ownCents: number;
  /** What the pool's cost is passed on by, for the Pools sheet's note. */
  basis: string;
}

/** An operating pool as sized by the wholesaler: its cost (after support) in whole cents and its FTE. */
export interface OperatingPoolCost {
  pool: string;
  fte: number;
  costCents: number;
}

export interface FirstStagePlan {
  supportPools: SupportPoolPlan[];
  ledger: LedgerLinePlan[];
  support: SupportRowPlan[];
}

/** The bases of the support rows, as the Support sheet's note and the Pools sheet's note name them. */
export const SUPPORT_BASES = {
  pcs: 'PCs and workstations',
  heads: 'Head count',
  time: "Management's estimate of its time",
} as const;

const SUPPORT_FTE: Readonly<Record<string, number>> = {
  [SUPPORT_POOLS.it]: 2.5,
  [SUPPORT_POOLS.hr]: 3,
  [SUPPORT_POOLS.management]: 2,
};

/** Management's time, as the managing director estimates it: it adds up to 100 %. */
const MANAGEMENT_SHARES: ReadonlyArray<readonly [string, number]> = [
  [POOLS.sales, 0.25],
  [POOLS.admin, 0.1],
  [POOLS.warehouse, 0.3],
  [POOLS.transport, 0.25],
  [SUPPORT_POOLS.it, 0.05],
  [SUPPORT_POOLS.hr, 0.05],
];

/** A department's head count: with part-timers, about a fifth more people than FTE. */
function headCount(fte: number): number {
  return Math.round(fte * 1.2);
}

/** PCs and workstations (IT's basis) and head count (HR & facilities' basis) per pool served. */
function quantities(fte: (pool: string) => number): { pcs: Array<[string, number]>; heads: Array<[string, number]> } {
  const heads = (pool: string): number => headCount(fte(pool));
  return {
    pcs: [
      [POOLS.sales, Math.ceil(fte(POOLS.sales)) + 1],
      [POOLS.admin, Math.ceil(fte(POOLS.admin)) + 1],
      [POOLS.warehouse, Math.ceil(fte(POOLS.warehouse) / 4) + 2],
      [POOLS.transport, Math.ceil(fte(POOLS.transport) / 6) + 2],
      [SUPPORT_POOLS.hr, 4],
      [SUPPORT_POOLS.management, 3],
    ],
    heads: [
      [POOLS.sales, heads(POOLS.sales)],
      [POOLS.admin, heads(POOLS.admin)],
      [POOLS.warehouse, heads(POOLS.warehouse)],
      [POOLS.transport, heads(POOLS.transport)],
      [SUPPORT_POOLS.it, heads(SUPPORT_POOLS.it)],
      [SUPPORT_POOLS.management, heads(SUPPORT_POOLS.management)],
    ],
  };
}

function supportRows(fte: (pool: string) => number): SupportRowPlan[] {
  const { pcs, heads } = quantities(fte);
  return [
    ...pcs.map(([to, quantity]) => ({ from: SUPPORT_POOLS.it, to, share: null, quantity, basis: SUPPORT_BASES.pcs })),
    ...heads.map(([to, quantity]) => ({ from: SUPPORT_POOLS.hr, to, share: null, quantity, basis: SUPPORT_BASES.heads })),
    ...MANAGEMENT_SHARES.map(([to, share]) => ({ from: SUPPORT_POOLS.management, to, share, quantity: null, basis: SUPPORT_BASES.time })),
  ];
}

/**
 * Plans the ledger and the support rows so that every operating pool's cost after support (reciprocal)
 * is its `costCents`. Support pools' amounts are the natural amounts of their accounts, a few percent
 * either way; an operating pool's own cost (its cost less what it receives) is spread over its accounts
 * in proportion to their natural amounts, with the largest-remainder rule.
 */
export function planFirstStage(random: Random, operating: readonly OperatingPoolCost[]): FirstStagePlan {
  const fteOf = new Map<string, number>([...operating.map((p) => [p.pool, p.fte] as const), ...Object.entries(SUPPORT_FTE)]);
  const fte = (pool: string): number => fteOf.get(pool) ?? 0;
  const support = supportRows(fte);
  const served = (from: string): number => support.reduce((acc, r) => acc + (r.from === from ? (r.quantity ?? 0) : 0), 0);
  const staffing: Staffing = {
    fte,
    // A support department does not serve itself, but counts its own people and PCs (IT: two test machines more).
    totalPcs: served(SUPPORT_POOLS.it) + headCount(fte(SUPPORT_POOLS.it)) + 2,
    totalHeads: served(SUPPORT_POOLS.hr) + headCount(fte(SUPPORT_POOLS.hr)),
  };

  const isSupport = new Set<string>(Object.values(SUPPORT_POOLS));
  const bookings = ACCOUNTS.flatMap((a) => a.bookings.map(([pool, euros]) => ({ account: a.account, description: a.description, pool, euros: euros(staffing) })));
  const cents = bookings.map((b) => (isSupport.has(b.pool) ? Math.round(b.euros * random.uniform(0.96, 1.04) * 100) : 0));
  const supportOwn = (pool: string): number => bookings.reduce((acc, b, i) => acc + (b.pool === pool ? (cents[i] ?? 0) : 0), 0);

  const received = receivedBySupport(operating, support, supportOwn);
  for (const pool of operating) {
    const ownCost = fromWholeCents(pool.costCents).minus(received.get(pool.pool) ?? ZERO);
    const at = bookings.flatMap((b, i) => (b.pool === pool.pool ? [i] : []));
    const weights = at.map((i) => dec(bookings[i]?.euros ?? 0));
    const total = sum(weights);
    if (ownCost.isNegative() || total.isZero()) throw new Error(`The sample's pool ${pool.pool} receives more support cost than it costs.`);
    const spread = allocateCents(ownCost, weights.map((w) => ownCost.times(w).dividedBy(total)));
    at.forEach((i, k) => {
      cents[i] = wholeCentsOf(spread[k] ?? ZERO) ?? 0;
    });
  }

  return {
    supportPools: Object.values(SUPPORT_POOLS).map((pool) => ({
      pool,
      fte: fte(pool),
      ownCents: supportOwn(pool),
      basis: support.find((r) => r.from === pool)?.basis ?? '',
    })),
    ledger: bookings.map((b, i) => ({ account: b.account, description: b.description, pool: b.pool, amountCents: cents[i] ?? 0 })),
    support,
  };
}

/** What each operating pool receives from the support pools under the reciprocal method, rounded as the engine rounds it. */
function receivedBySupport(operating: readonly OperatingPoolCost[], support: readonly SupportRowPlan[], supportOwn: (pool: string) => number): Map<string, Dec> {
  // An operating pool's own cost does not change what it receives; 0 leaves only the received part.
  return costAfterSupport(
    operating.map((p) => p.pool),
    support,
    (pool) => (operating.some((p) => p.pool === pool) ? ZERO : fromWholeCents(supportOwn(pool))),
  );
}

/**
 * Each operating pool's cost after support under the reciprocal method, as the engine works it out:
 * `ownCost` of every pool (operating and support) passed through the support rows.
 */
export function costAfterSupport(operating: readonly string[], support: readonly SupportRowPlan[], ownCost: (pool: string) => Dec): Map<string, Dec> {
  const pools = [...operating, ...Object.values(SUPPORT_POOLS)].map((name) => ({ name, cost: ownCost(name) }));
  const links: SupportLinkInput[] = support.map((r, i) => ({
    from: r.from,
    to: r.to,
    share: r.share === null ? null : dec(r.share),
    quantity: r.quantity === null ? null : dec(r.quantity),
    where: { range: 'ABC_Support', cell: `A${i + 2}` },
  }));
  const outcome = passOnSupport(pools, links, 'reciprocal');
  if (Array.isArray(outcome)) throw new Error(`The sample's support rows are invalid: ${outcome.map((i) => i.code).join(', ')}`);
  return new Map(operating.map((p) => [p, outcome.costAfter.get(p) ?? ZERO]));
}
