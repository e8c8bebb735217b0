import { dec } from '../../src/engine/decimal';
import { error } from '../../src/engine/issues';
import { resultToJson } from '../../src/workbook/result-json';
import { smallResult } from './fixture';

describe('resultToJson', () => {
  const result = smallResult();
  const json = resultToJson({ issues: result.issues, result });

  it('has exactly the top-level fields of the contract', () => {
    expect(Object.keys(json)).toEqual(['currency', 'period', 'pools', 'activities', 'customers', 'totals', 'issues', 'actions']);
    expect(json.currency).toBe('EUR');
    expect(json.period).toBe('2024-Q1');
  });

  it('writes pools with null for what does not apply', () => {
    expect(json.pools[0]).toMatchObject({
      pool: 'Inside sales',
      method: 'time',
      cost: 1000,
      capacityMinutes: 1000,
      ratePerMinute: 1,
      usedMinutes: 800,
      unusedMinutes: 200,
      unusedCost: 200,
      unassignedCost: 0,
    });
    expect(json.pools[1]).toMatchObject({
      pool: 'Administration',
      method: 'share',
      cost: 500,
      capacityMinutes: null,
      ratePerMinute: null,
      usedMinutes: null,
      unusedMinutes: null,
      unusedCost: null,
      unassignedCost: 50,
    });
  });

  it('writes activities with their drivers', () => {
    expect(json.activities.map((a) => [a.activity, a.pool, a.method, a.cost])).toEqual([
      ['Order entry', 'Inside sales', 'time', 800],
      ['Credit control', 'Administration', 'share', 300],
      ['Management', 'Administration', 'share', 150],
      ['Delivery', null, 'rate', 500],
    ]);
    expect(json.activities[0]?.drivers).toEqual([
      { driver: 'Orders', quantity: 100, costPerUnit: 5, kind: 'minutes', value: 5 },
      { driver: 'Order lines', quantity: 100, costPerUnit: 3, kind: 'minutes', value: 3 },
    ]);
    expect(json.activities[2]).toMatchObject({ drivers: [], businessSustaining: true, unassignedCost: 150 });
  });

  it('writes customers with ids as strings, dimensions and activity costs', () => {
    expect(json.customers.map((c) => c.customer)).toEqual(['1001', '1002', '=1+1']);
    expect(json.customers[0]).toMatchObject({
      customer: '1001',
      name: 'Alpha',
      dimensions: { Segment: 'Retail' },
      revenue: 10000,
      discounts: 500,
      netRevenue: 9500,
      cogs: 6000,
      grossMargin: 3500,
      activityCosts: { 'Order entry': 450, 'Credit control': 100, Management: 0, Delivery: 250 },
      costToServe: 800,
      directCosts: 200,
      netProfit: 2500,
    });
    expect(json.customers[1]?.name).toBeNull();
  });

  it('writes the totals and the issues with a location', () => {
    expect(json.totals).toEqual({
      revenue: 14000,
      discounts: 500,
      netRevenue: 13500,
      cogs: 8700,
      grossMargin: 4800,
      costToServe: 1600,
      directCosts: 250,
      netProfit: 2950,
      unusedCapacityCost: 200,
      unassignedCost: 200,
      operatingProfit: 2550,
      exact: {
        revenue: '14000.00',
        discounts: '500.00',
        netRevenue: '13500.00',
        cogs: '8700.00',
        grossMargin: '4800.00',
        costToServe: '1600.00',
        directCosts: '250.00',
        netProfit: '2950.00',
        unusedCapacityCost: '200.00',
        unassignedCost: '200.00',
        operatingProfit: '2550.00',
      },
    });
    expect(json.issues).toEqual([
      { severity: 'warning', code: 'ZERO_DRIVER_QUANTITY', message: 'Driver "Samples" adds up to 0.', location: 'Activities!C7 (ABC_Activities)' },
    ]);
  });

  it('rounds money to cents but not rates', () => {
    const r = smallResult();
    r.pools[0]!.ratePerMinute = dec(1).dividedBy(3);
    r.customers[0]!.revenue = dec('10000.004');
    const j = resultToJson({ issues: [], result: r });
    expect(j.pools[0]?.ratePerMinute).toBeCloseTo(1 / 3, 15);
    expect(j.customers[0]?.revenue).toBe(10000);
  });

  it('keeps names like __proto__ as data', () => {
    const r = smallResult();
    r.customers[0]!.dimensions = [['__proto__', 'x']];
    const j = resultToJson({ issues: [], result: r });
    expect(JSON.stringify(j.customers[0]?.dimensions)).toBe('{"__proto__":"x"}');
    expect(Object.getPrototypeOf(j.customers[0]?.dimensions)).toBe(Object.prototype);
  });

  it('holds only the issues when the model has errors', () => {
    const j = resultToJson({ issues: [error('MISSING_RANGE', 'No ABC_Pools.', { range: 'ABC_Pools' })], result: null });
    expect(j).toEqual({
      currency: null,
      period: null,
      pools: [],
      activities: [],
      customers: [],
      totals: null,
      issues: [{ severity: 'error', code: 'MISSING_RANGE', message: 'No ABC_Pools.', location: 'ABC_Pools' }],
      actions: [],
    });
  });
});
