/**
 * A small, hand-computed result: a time-driven pool, a conventional pool with a business-sustaining
 * activity and an unassigned remainder, a rate activity, and three customers (one loss-making).
 * Every figure below was worked out on paper; the tests assert them.
 */
import { dec, type Dec } from '../../src/engine/decimal';
import { warning } from '../../src/engine/issues';
import type { CostingResult, CustomerResult } from '../../src/engine/result';

const d = (n: number | string): Dec => dec(n);

function customer(
  id: string,
  name: string | null,
  segment: string,
  money: { revenue: number; discounts: number; cogs: number; direct: number },
  costs: { order: number; credit: number; delivery: number; mgmt?: number },
): CustomerResult {
  const net = d(money.revenue).minus(money.discounts);
  const gm = net.minus(money.cogs);
  const cts = d(costs.order).plus(costs.credit).plus(costs.delivery);
  return {
    customer: id,
    name,
    dimensions: [['Segment', segment]],
    revenue: d(money.revenue),
    discounts: d(money.discounts),
    netRevenue: net,
    cogs: d(money.cogs),
    grossMargin: gm,
    activityCosts: new Map([
      ['Order entry', d(costs.order)],
      ['Credit control', d(costs.credit)],
      ['Management', d(0)],
      ['Delivery', d(costs.delivery)],
    ]),
    unusedCapacityCosts: new Map(),
    costToServe: cts,
    directCostItems: money.direct === 0 ? [] : [{ item: 'Bonus', amount: d(money.direct) }],
    directCosts: d(money.direct),
    netProfit: gm.minus(cts).minus(money.direct),
  };
}

/** The fixture; `assign` charges the unused capacity of Inside sales to the customers instead. */
export function smallResult(): CostingResult {
  const customers = [
    customer('1001', 'Alpha', 'Retail', { revenue: 10000, discounts: 500, cogs: 6000, direct: 200 }, { order: 450, credit: 100, delivery: 250 }),
    customer('1002', null, 'Wholesale', { revenue: 3000, discounts: 0, cogs: 2000, direct: 0 }, { order: 240, credit: 0, delivery: 100 }),
    customer('=1+1', '@x', '+SUM(A1)', { revenue: 1000, discounts: 0, cogs: 700, direct: 50 }, { order: 110, credit: 200, delivery: 150 }),
  ];
  return {
    settings: { currency: 'EUR', period: '2024-Q1', unusedCapacity: 'report' },
    pools: [
      {
        pool: 'Inside sales',
        method: 'time',
        cost: d(1000),
        capacityMinutes: d(1000),
        ratePerMinute: d(1),
        usedMinutes: d(800),
        unusedMinutes: d(200),
        unusedCost: d(200),
        unusedAssigned: d(0),
        unassignedCost: d(0),
        activitiesCost: d(800),
      },
      {
        pool: 'Administration',
        method: 'share',
        cost: d(500),
        capacityMinutes: null,
        ratePerMinute: null,
        usedMinutes: null,
        unusedMinutes: null,
        unusedCost: null,
        unusedAssigned: d(0),
        unassignedCost: d(50),
        activitiesCost: d(450),
      },
    ],
    activities: [
      {
        activity: 'Order entry',
        pool: 'Inside sales',
        method: 'time',
        cost: d(800),
        minutes: d(800),
        unassignedCost: d(0),
        businessSustaining: false,
        drivers: [
          { driver: 'Orders', kind: 'minutes', value: d(5), quantity: d(100), costPerUnit: d(5) },
          { driver: 'Order lines', kind: 'minutes', value: d(3), quantity: d(100), costPerUnit: d(3) },
        ],
      },
      {
        activity: 'Credit control',
        pool: 'Administration',
        method: 'share',
        cost: d(300),
        minutes: null,
        unassignedCost: d(0),
        businessSustaining: false,
        drivers: [{ driver: 'Customers over limit', kind: 'share', value: d('0.6'), quantity: d(3), costPerUnit: d(100) }],
      },
      {
        activity: 'Management',
        pool: 'Administration',
        method: 'share',
        cost: d(150),
        minutes: null,
        unassignedCost: d(150),
        businessSustaining: true,
        drivers: [],
      },
      {
        activity: 'Delivery',
        pool: null,
        method: 'rate',
        cost: d(500),
        minutes: null,
        unassignedCost: d(0),
        businessSustaining: false,
        drivers: [{ driver: 'Drops', kind: 'rate', value: d(25), quantity: d(20), costPerUnit: d(25) }],
      },
    ],
    customers,
    totals: {
      revenue: d(14000),
      discounts: d(500),
      netRevenue: d(13500),
      cogs: d(8700),
      grossMargin: d(4800),
      costToServe: d(1600),
      directCosts: d(250),
      netProfit: d(2950),
      unusedCapacityCost: d(200),
      unassignedCost: d(200),
      operatingProfit: d(2550),
    },
    issues: [warning('ZERO_DRIVER_QUANTITY', 'Driver "Samples" adds up to 0.', { range: 'ABC_Activities', sheet: 'Activities', cell: 'C7' })],
  };
}
