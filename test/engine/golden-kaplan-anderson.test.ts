/**
 * Golden case: Kaplan & Anderson, "Time-Driven Activity-Based Costing", HBR November 2004.
 * Customer service department: $560,000 a quarter, 700,000 practical minutes ($0.80 a minute);
 * orders 8, inquiries 44, credit checks 50 minutes; 49,000 / 1,400 / 2,500 of them.
 * The conventional version splits the cost 70/10/20 by an interview survey.
 */
import { runModel } from '../../src/engine/run';
import type { CostingResult } from '../../src/engine/result';
import { KAPLAN_SHARE, KAPLAN_TIME } from '../helpers/kaplan-anderson';
import { buildModel, fixed, type ModelSpec } from '../helpers/model';

function run(spec: ModelSpec): CostingResult {
  const outcome = runModel(buildModel(spec));
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  if (outcome.result === null) throw new Error('no result');
  return outcome.result;
}

function customer(result: CostingResult, id: string) {
  const c = result.customers.find((x) => x.customer === id);
  if (c === undefined) throw new Error(`no customer ${id}`);
  return c;
}

describe('time-driven ABC (Kaplan & Anderson 2004)', () => {
  const result = run(KAPLAN_TIME);

  it('costs a minute of practical capacity at $0.80', () => {
    const pool = result.pools[0];
    expect(fixed(pool?.ratePerMinute, 4)).toBe('0.8000');
    expect(fixed(pool?.capacityMinutes, 0)).toBe('700000');
  });

  it('uses 578,600 minutes and leaves 121,400 unused, costing $97,120', () => {
    const pool = result.pools[0];
    expect(fixed(pool?.usedMinutes, 0)).toBe('578600');
    expect(fixed(pool?.unusedMinutes, 0)).toBe('121400');
    expect(fixed(pool?.unusedCost)).toBe('97120.00');
    expect(fixed(pool?.activitiesCost)).toBe('462880.00');
    expect(fixed(result.totals.unusedCapacityCost)).toBe('97120.00');
  });

  it('gives each activity its cost and cost per driver unit', () => {
    const byName = new Map(result.activities.map((a) => [a.activity, a]));
    expect(fixed(byName.get('Process customer orders')?.cost)).toBe('313600.00');
    expect(fixed(byName.get('Handle customer inquiries')?.cost)).toBe('49280.00');
    expect(fixed(byName.get('Perform credit checks')?.cost)).toBe('100000.00');
    expect(fixed(byName.get('Process customer orders')?.drivers[0]?.costPerUnit)).toBe('6.40');
    expect(fixed(byName.get('Handle customer inquiries')?.drivers[0]?.costPerUnit)).toBe('35.20');
    expect(fixed(byName.get('Perform credit checks')?.drivers[0]?.costPerUnit)).toBe('40.00');
    expect(fixed(byName.get('Process customer orders')?.drivers[0]?.quantity, 0)).toBe('49000');
  });

  it('writes each customer a P&L', () => {
    const a = customer(result, 'A');
    expect(fixed(a.netRevenue)).toBe('1470000.00');
    expect(fixed(a.grossMargin)).toBe('370000.00');
    expect(fixed(a.activityCosts.get('Process customer orders'))).toBe('192000.00');
    expect(fixed(a.activityCosts.get('Handle customer inquiries'))).toBe('14080.00');
    expect(fixed(a.activityCosts.get('Perform credit checks'))).toBe('20000.00');
    expect(fixed(a.costToServe)).toBe('226080.00');
    expect(fixed(a.netProfit)).toBe('143920.00');
    expect(fixed(customer(result, 'B').costToServe)).toBe('157120.00');
    expect(fixed(customer(result, 'B').netProfit)).toBe('92880.00');
    expect(fixed(customer(result, 'C').costToServe)).toBe('79680.00');
    expect(fixed(customer(result, 'C').netProfit)).toBe('-4680.00');
  });

  it('sorts customers by net profit and reconciles the company', () => {
    expect(result.customers.map((c) => c.customer)).toEqual(['A', 'B', 'C']);
    expect(fixed(result.totals.netProfit)).toBe('232120.00');
    expect(fixed(result.totals.operatingProfit)).toBe('135000.00');
    // net revenue − COGS − the department's whole cost
    expect(fixed(result.totals.netRevenue.minus(result.totals.cogs).minus(560_000))).toBe('135000.00');
  });
});

describe('conventional ABC with the 70/10/20 survey (Kaplan & Anderson 2004)', () => {
  const result = run(KAPLAN_SHARE);

  it('gives $8.00 per order, $40.00 per inquiry and $44.80 per credit check', () => {
    const rates = result.activities.map((a) => fixed(a.drivers[0]?.costPerUnit, 4));
    expect(rates).toEqual(['8.0000', '40.0000', '44.8000']);
    expect(result.activities.map((a) => fixed(a.cost))).toEqual(['392000.00', '56000.00', '112000.00']);
  });

  it('assigns the whole pool, with no unused capacity', () => {
    expect(result.pools[0]?.method).toBe('share');
    expect(result.pools[0]?.unusedCost).toBeNull();
    expect(fixed(result.pools[0]?.unassignedCost)).toBe('0.00');
    expect(result.customers.map((c) => [c.customer, fixed(c.costToServe)])).toEqual([
      ['A', '278400.00'],
      ['B', '188800.00'],
      ['C', '92800.00'],
    ]);
    expect(fixed(result.totals.costToServe)).toBe('560000.00');
    expect(fixed(result.totals.operatingProfit)).toBe('135000.00');
  });
});
