/**
 * Issue 16, item 10: the `--json` document's money is exact to the cent at any size. JSON numbers are
 * doubles: above about 7 × 10^13 two neighbouring cents are the same double, so a company total of
 * 89,999,999,999,999.93 printed as …99.94. Totals always carry their exact text, and any other record with
 * an amount of 10^13 or more carries the exact text of its money.
 */
import { dec, sum } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import { resultToJson } from '../../src/workbook/result-json';
import { buildModel, type ModelSpec } from '../helpers/model';

const BIG = '9999999999999.99';

/** Nine customers at the largest revenue a cell may hold and one with two cents: 89,999,999,999,999.93. */
function bigSpec(): ModelSpec {
  const customers: NonNullable<ModelSpec['customers']> = [];
  for (let i = 1; i <= 9; i++) customers.push([`C${i}`, BIG, 0]);
  customers.push(['C10', '0.02', 0]);
  return {
    pools: [['Rates', 0]],
    activities: [['Shipping', null, 'Parcels', 'rate', '9999999.99']],
    customers,
    volumes: customers.map(([id]) => [id, 'Parcels', 999_999]),
  };
}

function jsonOf(spec: ModelSpec): ReturnType<typeof resultToJson> {
  const outcome = runModel(buildModel(spec));
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  // Through text, as a reader of the file gets it.
  return JSON.parse(JSON.stringify(resultToJson({ issues: outcome.issues, result: outcome.result }))) as ReturnType<typeof resultToJson>;
}

it('gives the company totals as exact text, which the numbers alone cannot hold', () => {
  const json = jsonOf(bigSpec());
  const totals = json.totals!;
  // The double cannot tell .93 from .94: the reason for the text.
  expect(String(totals.revenue)).not.toBe('89999999999999.93');
  expect(totals.exact.revenue).toBe('89999999999999.93');
  // Each customer's activity cost is 999,999 × 9,999,999.99 = 9,999,989,990,000.01; ten of them.
  expect(totals.exact.costToServe).toBe('99999899900000.10');
  expect(totals.exact.netProfit).toBe(dec('89999999999999.93').minus('99999899900000.10').toFixed(2));
  expect(totals.exact.operatingProfit).toBe(totals.exact.netProfit);
  // The exact texts reconcile as the engine's totals do.
  const customers = json.customers.map((c) => dec((c.exact?.netProfit as string | undefined) ?? String(c.netProfit)));
  expect(sum(customers).toFixed(2)).toBe(totals.exact.netProfit);
});

it('adds exact text to a record only where an amount reaches 10^13', () => {
  const json = jsonOf(bigSpec());
  // 9,999,999,999,999.99 is below 10^13: exact as a number, no text.
  expect(json.customers[0]!.revenue).toBe(9999999999999.99);
  expect(json.customers[0]!.exact).toBeUndefined();
  // The rate activity's cost, 99,999,899,900,000.10, is not.
  expect(json.activities[0]!.exact).toEqual({ cost: '99999899900000.10' });
  expect(json.activities[0]!.cost).toBe(99999899900000.1);
});

it('keeps ordinary documents as they were, with totals text added', () => {
  const json = jsonOf({
    pools: [['Service', 560000, 700000]],
    activities: [['Orders', 'Service', 'Orders', 'minutes', 8]],
    customers: [['A', 1000, 400]],
    volumes: [['A', 'Orders', 100]],
  });
  expect(json.customers[0]!.exact).toBeUndefined();
  expect(json.pools[0]!.exact).toBeUndefined();
  expect(json.totals!.exact).toEqual({
    revenue: '1000.00',
    discounts: '0.00',
    netRevenue: '1000.00',
    cogs: '400.00',
    grossMargin: '600.00',
    costToServe: '640.00',
    directCosts: '0.00',
    netProfit: '-40.00',
    unusedCapacityCost: '559360.00',
    unassignedCost: '0.00',
    operatingProfit: '-559400.00',
  });
});
