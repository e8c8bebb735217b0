/** Every consistency check of the engine, each asserted with its code and location. */
import { dec } from '../../src/engine/decimal';
import type { Issue } from '../../src/engine/issues';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from '../helpers/model';

const base: ModelSpec = {
  pools: [
    // 115 of 200 minutes used: a plausible 57.5%, so the base model has no warning.
    ['Sales', 1000, 200],
    ['Admin', 500],
  ],
  activities: [
    ['Order entry', 'Sales', 'Orders', 'minutes', 5],
    ['Order entry', 'Sales', 'Order lines', 'minutes', 1],
    ['Credit control', 'Admin', 'Orders', 'share', 0.6],
    ['Management', 'Admin', null, 'share', 0.4],
    ['Parcels', null, 'Parcels', 'rate', 7.5],
  ],
  customers: [
    ['1001', 1000, 600],
    ['1002', 2000, 1500],
  ],
  volumes: [
    ['1001', 'Orders', 10],
    ['1001', 'Order lines', 40],
    ['1002', 'Orders', 5],
    ['1002', 'Parcels', 3],
  ],
};

function issuesOf(spec: Partial<ModelSpec>): Array<Pick<Issue, 'severity' | 'code'> & { at: string | undefined; value?: string }> {
  const { issues } = runModel(buildModel({ ...base, ...spec }));
  return issues.map((i) => ({ severity: i.severity, code: i.code, at: i.where.sheet && `${i.where.sheet}!${i.where.cell}` }));
}

describe('validateModel', () => {
  it('accepts the base model without any issue', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('reports a duplicate pool at its second row', () => {
    expect(issuesOf({ pools: [...base.pools!, ['sales ', 10, 10]] })).toEqual([
      { severity: 'error', code: 'DUPLICATE_POOL', at: 'Pools!A4' },
    ]);
  });

  it('reports a duplicate customer, matching ids case-insensitively', () => {
    const { issues } = runModel(buildModel({ ...base, customers: [...base.customers!, ['1001', 5, 5]] }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_CUSTOMER', severity: 'error', where: expect.objectContaining({ range: 'ABC_Customers', cell: 'A4' }) }),
    ]);
    expect(issues[0]?.message).toContain('Customers!A2');
  });

  it('reports an activity naming an unknown pool', () => {
    const activities = [...base.activities!];
    activities[0] = ['Order entry', 'Sale', 'Orders', 'minutes', 5];
    expect(issuesOf({ activities })).toEqual([{ severity: 'error', code: 'UNKNOWN_POOL', at: 'Activities!A2' }]);
  });

  it('reports Minutes or Share without a pool, and a Rate with one', () => {
    const activities = [...base.activities!];
    activities[0] = ['Order entry', null, 'Orders', 'minutes', 5];
    activities[4] = ['Parcels', 'Sales', 'Parcels', 'rate', 7.5];
    expect(issuesOf({ activities })).toEqual([
      { severity: 'error', code: 'MISSING_POOL', at: 'Activities!A2' },
      { severity: 'error', code: 'POOL_ON_RATE_ROW', at: 'Activities!A6' },
    ]);
  });

  it('reports Minutes or a Rate without a driver', () => {
    const activities = [...base.activities!];
    activities[1] = ['Order entry', 'Sales', null, 'minutes', 1];
    expect(issuesOf({ activities })).toEqual([
      { severity: 'error', code: 'MISSING_DRIVER', at: 'Activities!A3' },
      { severity: 'warning', code: 'UNUSED_VOLUME_DRIVER', at: 'Volumes!B2' },
    ]);
  });

  it('reports an activity that mixes methods or pools, or has two shares', () => {
    expect(
      issuesOf({ activities: [...base.activities!, ['Order entry', null, 'Parcels', 'rate', 1]] }),
    ).toEqual([{ severity: 'error', code: 'MIXED_METHODS_IN_ACTIVITY', at: 'Activities!A7' }]);
    expect(
      issuesOf({ pools: [...base.pools!, ['Warehouse', 10, 100]], activities: [...base.activities!, ['Order entry', 'Warehouse', 'Orders', 'minutes', 1]] }),
    ).toEqual([{ severity: 'error', code: 'ACTIVITY_IN_SEVERAL_POOLS', at: 'Activities!A7' }]);
    expect(issuesOf({ activities: [...base.activities!, ['Credit control', 'Admin', 'Orders', 'share', 0]] })).toEqual([
      { severity: 'error', code: 'SEVERAL_SHARES_FOR_ACTIVITY', at: 'Activities!A7' },
    ]);
  });

  it('reports a pool with both minutes and shares at the pool row', () => {
    expect(issuesOf({ activities: [...base.activities!, ['Quotes', 'Sales', 'Orders', 'share', 0.1]] })).toEqual([
      { severity: 'error', code: 'MIXED_METHODS_IN_POOL', at: 'Pools!A2' },
    ]);
  });

  it('reports a time-driven pool without capacity', () => {
    expect(issuesOf({ pools: [['Sales', 1000], ['Admin', 500]] })).toEqual([
      { severity: 'error', code: 'MISSING_CAPACITY', at: 'Pools!A2' },
    ]);
  });

  it('reports shares over 100% with the total', () => {
    const activities = [...base.activities!];
    activities[3] = ['Management', 'Admin', null, 'share', 0.45];
    const { issues } = runModel(buildModel({ ...base, activities }));
    expect(issues.map((i) => [i.code, i.where.cell])).toEqual([['SHARES_OVER_ONE', 'A3']]);
    expect(issues[0]?.message).toContain('105%');
  });

  it('reports a driver that has no volumes anywhere, once, at its first use', () => {
    const activities = [...base.activities!, ['Quotes', 'Sales', 'Quotes', 'minutes', 20] as const];
    const { issues } = runModel(buildModel({ ...base, activities: activities as ModelSpec['activities'] }));
    expect(issues.map((i) => [i.code, i.where.cell])).toEqual([['DRIVER_WITHOUT_VOLUMES', 'A7']]);
    expect(issues[0]?.message).toContain('"Quotes"');
  });

  it('reports volumes and customer costs of customers missing from ABC_Customers, once per customer', () => {
    const { issues } = runModel(
      buildModel({
        ...base,
        volumes: [...base.volumes!, ['1003', 'Orders', 1], ['1003', 'Order lines', 2]],
        customerCosts: [['1004', 'Bonus', 50]],
      }),
    );
    expect(issues.map((i) => [i.code, i.where.range, i.where.cell])).toEqual([
      ['UNKNOWN_CUSTOMER', 'ABC_Volumes', 'A6'],
      ['UNKNOWN_CUSTOMER', 'ABC_CustomerCosts', 'A2'],
    ]);
    expect(issues[0]?.message).toContain('2 rows');
  });

  it('warns of a pool no activity uses and of volumes no activity uses, and still computes', () => {
    const outcome = runModel(
      buildModel({ ...base, pools: [...base.pools!, ['Idle', 100]], volumeDrivers: ['Orders', 'Order lines', 'Parcels', 'Pallets'] }),
    );
    expect(outcome.issues.map((i) => [i.severity, i.code, i.where.cell])).toEqual([
      ['warning', 'UNUSED_POOL', 'A4'],
      ['warning', 'UNUSED_VOLUME_DRIVER', 'B4'],
    ]);
    expect(outcome.result?.totals.unassignedCost.toFixed(2)).toBe('300.00'); // Management 200 + Idle 100
  });

  it('warns when more minutes are used than the capacity and shows unused capacity negative', () => {
    const outcome = runModel(buildModel({ ...base, pools: [['Sales', 1000, 50], ['Admin', 500]] }));
    expect(outcome.issues.map((i) => [i.severity, i.code, i.where.cell])).toEqual([['warning', 'OVER_CAPACITY', 'A2']]);
    const sales = outcome.result?.pools[0];
    expect(sales?.usedMinutes?.toString()).toBe('115');
    expect(sales?.unusedCost?.toFixed(2)).toBe('-1300.00');
  });

  it('warns when a share driver adds up to zero and leaves its cost unassigned', () => {
    const outcome = runModel(
      buildModel({ ...base, activities: [...base.activities!.slice(0, 2), ['Credit control', 'Admin', 'Rush orders', 'share', 0.6], ...base.activities!.slice(3)], volumeDrivers: ['Orders', 'Order lines', 'Parcels', 'Rush orders'] }),
    );
    expect(outcome.issues.map((i) => [i.severity, i.code, i.where.cell])).toEqual([['warning', 'ZERO_DRIVER_QUANTITY', 'A4']]);
    expect(outcome.result?.activities.find((a) => a.activity === 'Credit control')?.unassignedCost.toFixed(2)).toBe('300.00');
  });

  it('reports every problem at once', () => {
    const codes = issuesOf({
      pools: [...base.pools!, ['Admin', 1]],
      customers: [...base.customers!, ['1002', 1, 1]],
      volumes: [...base.volumes!, ['X', 'Orders', 1]],
    }).map((i) => i.code);
    expect(codes).toEqual(['DUPLICATE_POOL', 'DUPLICATE_CUSTOMER', 'UNKNOWN_CUSTOMER']);
  });
});

describe('UnusedCapacity = assign', () => {
  it('spreads unused capacity over customers by the minutes they used, to the cent', () => {
    const outcome = runModel(buildModel({ ...base, settings: { unusedCapacity: 'assign' } }));
    const result = outcome.result!;
    const sales = result.pools.find((p) => p.pool === 'Sales')!;
    // 1001 used 10×5 + 40×1 = 90 minutes, 1002 used 25; 85 unused minutes at 5.00 a minute cost 425.00
    expect(sales.unusedCost?.toFixed(2)).toBe('425.00');
    expect(sales.unusedAssigned.toFixed(2)).toBe('425.00');
    expect(result.totals.unusedCapacityCost.toFixed(2)).toBe('0.00');
    const byId = new Map(result.customers.map((c) => [c.customer, c.unusedCapacityCosts.get('Sales')?.toFixed(2)]));
    expect(byId.get('1001')).toBe('332.61'); // 425 × 90 / 115 = 332.6086…
    expect(byId.get('1002')).toBe('92.39'); // 425 × 25 / 115 = 92.3913…
  });

  it('warns and keeps the cost unused when nobody used the pool', () => {
    const outcome = runModel(buildModel({ ...base, volumes: [['1002', 'Parcels', 3]], volumeDrivers: ['Orders', 'Order lines', 'Parcels'], settings: { unusedCapacity: 'assign' } }));
    expect(outcome.issues.map((i) => i.code)).toContain('UNUSED_NOT_ASSIGNABLE');
    expect(outcome.result?.totals.unusedCapacityCost.toFixed(2)).toBe('1000.00');
  });
});

