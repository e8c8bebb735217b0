/**
 * Invariants of the first stage on random models with random ledgers and support networks (cycles
 * included): whatever the method, every cent of the ledger is either with a customer, in unused capacity
 * or unassigned; operating profit = revenue − discounts − COGS − direct costs − rate charges − the ledger
 * total; origins and traces add up. And a model without a first stage gives the document it gave before.
 */
import fc from 'fast-check';
import { computeExact } from '../../../src/engine/costing';
import { type Dec, ZERO, dec, sum } from '../../../src/engine/decimal';
import { levelTotal, traceCustomerCost } from '../../../src/engine/explain/trace-customer';
import { hasErrors } from '../../../src/engine/issues';
import type { ModelInput } from '../../../src/engine/model';
import { plausibilityWarnings } from '../../../src/engine/plausibility';
import type { CostingResult } from '../../../src/engine/result';
import { roundResult } from '../../../src/engine/round-result';
import { runModel } from '../../../src/engine/run';
import type { SupportMethod } from '../../../src/engine/support/types';
import { validateModel } from '../../../src/engine/validate';
import { resultToJson } from '../../../src/workbook/result-json';
import { buildModel } from '../../helpers/model';
import { modelSpec } from '../../helpers/random-model';

const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => (n / 100).toFixed(2));

const supportSpec = fc.record({
  pools: fc.array(
    fc.record({
      cost: cents(400_000),
      byQuantity: fc.boolean(),
      // Links: target index (into operating + support pools) and a weight; the first goes to Pool 0, so no loop is closed.
      links: fc.array(fc.record({ to: fc.nat(30), weight: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 5 }),
      // Of 10,000: how much of the cost the shares place (the rest stays unassigned).
      placed: fc.integer({ min: 1, max: 10_000 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  ledger: fc.boolean(),
  accounts: fc.integer({ min: 1, max: 4 }),
  method: fc.constantFrom<SupportMethod>('reciprocal', 'step-down', 'direct'),
});

/** A random model with support pools `S0` … and, maybe, a ledger of up to 4 accounts per pool. */
function withFirstStage(model: ModelInput, spec: SupportSpec): ModelInput {
  const where = (range: string, row: number) => ({ range, sheet: range, cell: `A${row}` });
  const operating = model.pools.map((p) => p.name);
  const support = spec.pools.map((_, i) => `S${i}`);
  const everyone = [...operating, ...support];
  model.pools.push(...spec.pools.map((p, i) => ({ name: `S${i}`, cost: dec(p.cost), capacityMinutes: null, where: where('ABC_Pools', 100 + i) })));
  model.support = [];
  spec.pools.forEach((p, i) => {
    const targets = p.links.map((l, k) => ({ to: k === 0 ? (operating[0] as string) : (everyone[l.to % everyone.length] as string), weight: l.weight }));
    const usable = targets.filter((t) => t.to !== `S${i}`);
    const total = sum(usable.map((t) => dec(t.weight)));
    for (const t of usable) {
      const row = (model.support as unknown[]).length + 2;
      const share = dec(t.weight).dividedBy(total).times(p.placed).dividedBy(10_000).toDecimalPlaces(6, 1);
      if (!p.byQuantity && share.isZero()) continue;
      model.support?.push({ from: `S${i}`, to: t.to, share: p.byQuantity ? null : share, quantity: p.byQuantity ? dec(t.weight) : null, where: where('ABC_Support', row) });
    }
  });
  if (spec.ledger) {
    model.resources = [];
    for (const pool of model.pools) {
      // Split the pool's Cost over the accounts in whole cents, then leave the Cost blank: the ledger fills it.
      const parts = Array.from({ length: spec.accounts }, (_, k) => pool.cost.times(100).dividedToIntegerBy(spec.accounts).plus(k === 0 ? pool.cost.times(100).mod(spec.accounts) : 0).dividedBy(100));
      parts.forEach((amount, k) => model.resources?.push({ account: `4${k}00`, description: `Account ${k}`, amount, pool: pool.name, where: where('ABC_Resources', model.resources.length + 2) }));
      pool.costWhere = where('ABC_Pools', 200);
      pool.costBlank = true;
      pool.cost = ZERO;
    }
  }
  model.settings = { ...model.settings, supportMethod: spec.method };
  return model;
}
type SupportSpec = { pools: Array<{ cost: string; byQuantity: boolean; links: Array<{ to: number; weight: number }>; placed: number }>; ledger: boolean; accounts: number; method: SupportMethod };

const rateCharges = (result: CostingResult): Dec => sum(result.activities.filter((a) => a.method === 'rate').map((a) => a.cost));

describe('the first stage on random models', () => {
  it('keeps every cent of the ledger, whatever the method, and traces add up', () => {
    fc.assert(
      fc.property(modelSpec, supportSpec, (spec, support) => {
        const model = withFirstStage(buildModel(spec), support);
        const { result, issues } = runModel(model);
        expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([]);
        if (result === null) return;
        const stage = result.firstStage;
        if (stage === undefined) throw new Error('no first stage');
        const t = result.totals;

        // The ledger total is the pools' own cost; it ends with customers, as unused capacity or unassigned.
        const ownCosts = sum(stage.pools.map((p) => p.ownCost));
        expect(stage.ledgerTotal.eq(ownCosts)).toBe(true);
        const after = sum(result.pools.map((p) => p.cost));
        const left = sum(stage.pools.map((p) => p.unassigned));
        expect(after.plus(left).eq(stage.ledgerTotal)).toBe(true);
        const poolCostCharged = t.costToServe.minus(rateCharges(result));
        expect(poolCostCharged.plus(t.unusedCapacityCost).plus(t.unassignedCost).eq(stage.ledgerTotal)).toBe(true);
        expect(t.operatingProfit.eq(t.netRevenue.minus(t.cogs).minus(t.directCosts).minus(rateCharges(result)).minus(stage.ledgerTotal))).toBe(true);

        // Every method passes on every cent.
        for (const m of ['reciprocal', 'step-down', 'direct'] as const) {
          const operating = sum(stage.pools.filter((p) => p.role === 'operating').map((p) => p.byMethod[m]));
          expect(operating.plus(stage.unassignedByMethod[m]).eq(stage.ledgerTotal)).toBe(true);
        }
        for (const p of stage.pools.filter((x) => x.role === 'operating')) {
          expect(sum(p.origins.map((o) => o.amount)).eq(p.costAfter)).toBe(true);
        }
        for (const c of result.customers.slice(0, 4)) {
          const rows = traceCustomerCost(result, c.customer) ?? [];
          const levels: Array<1 | 2 | 3 | 4> = stage.fromLedger ? [1, 2, 3, 4] : [1, 2, 3];
          for (const level of levels) expect(levelTotal(rows, level).eq(c.costToServe)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** The run as it was before the first stage existed: validate, compute, round, warn. */
function runAsBefore(model: ModelInput): { result: CostingResult | null; issues: ReturnType<typeof validateModel> } {
  const issues = validateModel(model);
  if (hasErrors(issues)) return { result: null, issues };
  const result = roundResult(model, computeExact(model, true), true) ?? (roundResult(model, computeExact(model)) as CostingResult);
  result.issues = [...issues, ...result.issues, ...plausibilityWarnings(model, result)];
  return { result, issues: result.issues };
}

describe('a model without a ledger and support pools', () => {
  it('gives byte for byte the JSON document it gave before the first stage', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const before = JSON.stringify(resultToJson(runAsBefore(buildModel(spec))));
        const now = JSON.stringify(resultToJson(runModel(buildModel(spec))));
        expect(now).toBe(before);
        expect(now).not.toContain('firstStage');
      }),
      { numRuns: 100 },
    );
  });
});
