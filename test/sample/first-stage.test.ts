/**
 * The sample's first stage (issue 19): a ledger of about forty accounts booked to the pools, and three
 * support departments passing their cost on, reciprocally, with IT and HR & facilities serving each
 * other. The costing must not notice: every operating pool's cost after support, every customer's
 * figures and the operating profit are those of the same sample without a ledger (Cost in ABC_Pools).
 */
import { type Dec, dec, sum, toNumber } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import type { CostingResult } from '../../src/engine/result';
import { DEFAULT_SAMPLE_SEED, generateSampleModel, gridsOf, type SampleSheet } from '../../src/sample';
import { SUPPORT_POOLS } from '../../src/sample/pools';
import { planWholesaler } from '../../src/sample/wholesaler';
import { readContract } from '../../src/workbook/contract';
import type { ContractRangeName } from '../../src/workbook/contract-spec';
import type { CellValue } from '../../src/workbook/grid';
import { withoutFirstStage } from './without-first-stage';

function cost(sheets: readonly SampleSheet[]): CostingResult {
  const read = readContract(gridsOf(sheets));
  const outcome = runModel(read.model, read.issues);
  if (outcome.result === null || outcome.issues.length > 0) throw new Error(outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return outcome.result;
}

function rowsOf(sheets: readonly SampleSheet[], range: ContractRangeName): CellValue[][] {
  const s = sheets.find((x) => x.rangeName === range);
  if (s === undefined) throw new Error(`no sheet for ${range}`);
  return s.rows.slice(1);
}

const poolCosts = (r: CostingResult): Array<[string, number]> => r.pools.map((p) => [p.pool, toNumber(p.cost)]);
const num = (v: CellValue | undefined): number => {
  if (typeof v !== 'number') throw new Error(`not a number: ${String(v)}`);
  return v;
};

describe('the default sample with its ledger and support departments', () => {
  const sheets = generateSampleModel();
  const result = cost(sheets);
  const ledger = rowsOf(sheets, 'ABC_Resources');
  const support = rowsOf(sheets, 'ABC_Support');

  test('the operating pools cost what the wholesaler sized them at, after support', () => {
    expect(planWholesaler(DEFAULT_SAMPLE_SEED).pools.slice(0, 4).map((p) => [p.pool, p.cost])).toEqual([
      ['Inside sales', 1018750],
      ['Administration', 546000],
      ['Warehouse', 2851500],
      ['Transport', 3150000],
    ]);
    expect(poolCosts(result)).toEqual(planWholesaler(DEFAULT_SAMPLE_SEED).pools.slice(0, 4).map((p) => [p.pool, p.cost]));
  });

  test('operating profit and the loss-making customers are unchanged', () => {
    expect(toNumber(result.totals.operatingProfit)).toBe(1051802.8);
    expect(result.customers).toHaveLength(250);
    expect(result.customers.filter((c) => c.netProfit.isNegative())).toHaveLength(111);
  });

  test('the ledger has 35–45 accounts numbered 4000–4999, some split over several pools, in whole cents', () => {
    const accounts = new Set(ledger.map((r) => num(r[0])));
    expect(accounts.size).toBeGreaterThanOrEqual(35);
    expect(accounts.size).toBeLessThanOrEqual(45);
    expect([...accounts].filter((a) => !(Number.isInteger(a) && a >= 4000 && a <= 4999))).toEqual([]);
    const poolsPerAccount = new Map<number, Set<string>>();
    for (const r of ledger) poolsPerAccount.set(num(r[0]), (poolsPerAccount.get(num(r[0])) ?? new Set()).add(String(r[3])));
    expect([...poolsPerAccount.values()].filter((p) => p.size > 1).length).toBeGreaterThanOrEqual(5);
    // One row per account and pool.
    expect(new Set(ledger.map((r) => `${String(r[0])}|${String(r[3])}`)).size).toBe(ledger.length);
    expect(ledger.filter((r) => !(num(r[2]) > 0 && dec(num(r[2])).decimalPlaces() <= 2))).toEqual([]);
  });

  test('every pool, operating or support, has ledger lines, and the ledger total is the sum of all pools own cost', () => {
    const stage = result.firstStage;
    if (stage === null || stage === undefined) throw new Error('the sample has no first stage');
    expect(stage.method).toBe('reciprocal');
    expect(stage.pools.map((p) => [p.pool, p.role])).toEqual([
      ['Inside sales', 'operating'],
      ['Administration', 'operating'],
      ['Warehouse', 'operating'],
      ['Transport', 'operating'],
      ['IT', 'support'],
      ['HR & facilities', 'support'],
      ['Management', 'support'],
    ]);
    const ledgerTotal = sum(ledger.map((r) => dec(num(r[2]))));
    expect(ledgerTotal.equals(sum(stage.pools.map((p) => p.ownCost)))).toBe(true);
    for (const p of stage.pools) {
      const lines = sum(ledger.filter((r) => r[3] === p.pool).map((r) => dec(num(r[2]))));
      expect([p.pool, lines.toFixed(2)]).toEqual([p.pool, p.ownCost.toFixed(2)]);
      expect(p.ownCost.isPositive() && !p.ownCost.isZero()).toBe(true);
    }
    // Nothing of the support cost stays behind: the operating pools carry the whole ledger.
    expect(sum(result.pools.map((p) => p.cost)).equals(ledgerTotal)).toBe(true);
  });

  test("support pools have no activities and no capacity, and each passes on 100 % of its cost", () => {
    const supportNames = Object.values(SUPPORT_POOLS) as string[];
    const pools = rowsOf(sheets, 'ABC_Pools').filter((r) => supportNames.includes(String(r[0])));
    expect(pools.map((r) => [r[0], r[1], r[2], r[3]])).toEqual(supportNames.map((n) => [n, null, null, null]));
    expect(rowsOf(sheets, 'ABC_Activities').filter((a) => supportNames.includes(String(a[1])))).toEqual([]);
    expect([...new Set(support.map((r) => String(r[0])))]).toEqual(supportNames);
    for (const from of supportNames) {
      const rows = support.filter((r) => r[0] === from);
      const shares = rows.filter((r) => r[2] !== null);
      // Each support pool uses one kind of basis: shares that add up to 100 %, or quantities.
      expect([from, shares.length === 0 || shares.length === rows.length]).toEqual([from, true]);
      if (shares.length > 0) expect([from, sum(shares.map((r) => dec(num(r[2])))).toNumber()]).toEqual([from, 1]);
      else expect(rows.every((r) => num(r[3]) > 0 && Number.isInteger(num(r[3])))).toBe(true);
      expect(result.firstStage?.pools.find((p) => p.pool === from)?.unassigned.isZero()).toBe(true);
    }
  });

  test('the support network has a cycle: IT and HR & facilities serve each other', () => {
    const edges = new Map<string, string[]>();
    for (const r of support) edges.set(String(r[0]), [...(edges.get(String(r[0])) ?? []), String(r[1])]);
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (edges.get(from) ?? []).some((n) => n === to || (!seen.has(n) && reaches(n, to, seen.add(n))));
    expect(reaches(SUPPORT_POOLS.it, SUPPORT_POOLS.hr) && reaches(SUPPORT_POOLS.hr, SUPPORT_POOLS.it)).toBe(true);
    expect(edges.get(SUPPORT_POOLS.it)).toContain(SUPPORT_POOLS.hr);
    expect(edges.get(SUPPORT_POOLS.hr)).toContain(SUPPORT_POOLS.it);
  });
});

describe('the costing is that of the sample without a ledger', () => {
  test.each([DEFAULT_SAMPLE_SEED, 1, 7, 42])('seed %i: every pool cost and every customer to the cent', (seed) => {
    const withLedger = cost(generateSampleModel(seed));
    const before = cost(withoutFirstStage(seed));
    expect(poolCosts(withLedger)).toEqual(poolCosts(before));
    expect(JSON.stringify(withLedger.customers)).toBe(JSON.stringify(before.customers));
    expect(JSON.stringify(withLedger.activities)).toBe(JSON.stringify(before.activities));
    const totals = (r: CostingResult): Record<string, string> => Object.fromEntries(Object.entries(r.totals).map(([k, v]: [string, Dec]) => [k, v.toFixed(2)]));
    expect(totals(withLedger)).toEqual(totals(before));
  });

  test('the Dutch sample books the same amounts and gives the same figures', () => {
    const english = generateSampleModel();
    const dutch = generateSampleModel(DEFAULT_SAMPLE_SEED, 'nl');
    const amounts = (s: readonly SampleSheet[]): CellValue[] => rowsOf(s, 'ABC_Resources').flatMap((r) => [r[0] ?? null, r[2] ?? null]);
    expect(amounts(dutch)).toEqual(amounts(english));
    expect(rowsOf(dutch, 'ABC_Support').map((r) => [r[2], r[3]])).toEqual(rowsOf(english, 'ABC_Support').map((r) => [r[2], r[3]]));
    const nl = cost(dutch);
    expect(toNumber(nl.totals.operatingProfit)).toBe(1051802.8);
    expect(nl.customers.filter((c) => c.netProfit.isNegative())).toHaveLength(111);
    expect(nl.firstStage?.pools.map((p) => [p.pool, p.ownCost.toFixed(2)])).toEqual(
      cost(english).firstStage?.pools.map((p, i) => [['Binnendienst', 'Administratie', 'Magazijn', 'Transport', 'ICT', 'P&O en facilitair', 'Directie'][i], p.ownCost.toFixed(2)]),
    );
  });
});
