/**
 * Actions that hold up in the conversation with the customer (issue 17, item 7), on a small model worked
 * out by hand: one pool at $1.00 a minute (10,000 over 10,000 minutes, unused capacity reported), 10 minutes
 * per order, 1 per order line, 30 per delivery drop.
 *
 *   customer  revenue  COGS    orders  lines  drops  minutes                      net profit
 *   X         10,000   8,000   100     400    80     1,000 + 400 + 2,400 = 3,800   2,000 − 3,800 = −1,800
 *   Y         100,000  50,000  50      400    25     500 + 400 + 750 = 1,650       48,350
 *   Z         4,000    3,600   10      50     10     100 + 50 + 300 = 450          400 − 450 = −50
 *
 * Lines per order: X 4, Y 8, Z 5; the 90th percentile (rank ⌈2.7⌉ = 3 of 3) is 8, so the combined proposal
 * takes a minimum order of 8.0 lines.
 *
 * X: fee 1,800 / 100 = 18.00; average order value 10,000 / 100 = 100; 18% > 10%: not plausible.
 *    Drops following orders: an order not placed saves 10 + 30 × 80/100 = 34.00; O' = 100 − 1,800 / 34 =
 *    1,600 / 34 = 47.0588…; minimum 400 × 34 / 1,600 = 8.5 > 8: not plausible either. Combined: 8 lines a
 *    order = 50 orders, saving 50 × 34 = 1,700; 100 remains: fee 100 / 50 = 2.00, 100 / 10,000 = 1% of the
 *    order value (now 200): plausible.
 *    Orders alone (no following drivers): saves 10.00 an order; O' = 100 − 180 < 0: order size alone
 *    cannot; combined: 50 × 10 = 500 saved, 1,300 left, fee 26.00, 13%: not plausible.
 * Z: fee 50 / 10 = 5.00 on an order value of 400: 1.25%, plausible, so no combined proposal.
 *    Drops following: saves 10 + 30 × 10/10 = 40 an order; O' = 10 − 50/40 = 8.75; minimum 50 / 8.75 = 5.714… → 5.8.
 */
import { breakEvenActions } from '../../src/engine/break-even';
import { dec } from '../../src/engine/decimal';
import type { Settings } from '../../src/engine/model';
import { combinedProposal } from '../../src/engine/order-fee-share';
import { runModel } from '../../src/engine/run';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import type { ScenarioChangeInput } from '../../src/engine/scenarios/types';
import { run } from '../helpers/break-even-model';
import { buildModel, fixed, type ModelSpec } from '../helpers/model';
import { customer, num, scenarioRow } from './scenarios/scenario-model';

const at = (cell: string) => ({ range: 'ABC_Settings', sheet: 'Settings', cell });
const ORDERS: Partial<Settings> = {
  orderDriver: { name: 'Orders', where: at('B2') },
  orderLineDriver: { name: 'Order lines', where: at('B3') },
};
const DROPS: Partial<Settings> = { ...ORDERS, orderFollowingDrivers: { names: ['drops', 'Orders', 'Drops'], where: at('B4') } };

function spec(settings: Partial<Settings>, volumes: NonNullable<ModelSpec['volumes']> = []): ModelSpec {
  return {
    pools: [['Operations', 10_000, 10_000]],
    activities: [
      ['Order handling', 'Operations', 'Orders', 'minutes', 10],
      ['Picking', 'Operations', 'Order lines', 'minutes', 1],
      ['Delivery drops', 'Operations', 'Drops', 'minutes', 30],
    ],
    customers: [
      ['X', 10_000, 8_000],
      ['Y', 100_000, 50_000],
      ['Z', 4_000, 3_600],
    ],
    volumes: [
      ['X', 'Orders', 100], ['X', 'Order lines', 400], ['X', 'Drops', 80],
      ['Y', 'Orders', 50], ['Y', 'Order lines', 400], ['Y', 'Drops', 25],
      ['Z', 'Orders', 10], ['Z', 'Order lines', 50], ['Z', 'Drops', 10],
      ...volumes,
    ],
    settings,
  };
}

function actionsOf(settings: Partial<Settings>) {
  const actions = breakEvenActions(run(spec(settings)));
  const of = (id: string) => {
    const c = actions.customers.find((x) => x.customer === id);
    if (c === undefined) throw new Error(`no actions for ${id}`);
    return c;
  };
  return { actions, of };
}

describe('drops that follow orders', () => {
  const { actions, of } = actionsOf(DROPS);

  it('names the following drivers once, without the order driver, and has X and Z losing 1,800 and 50', () => {
    expect(actions.orderFollowingDrivers).toEqual(['drops']);
    expect(actions.customers.map((c) => [c.customer, fixed(c.netProfit)])).toEqual([
      ['X', '-1800.00'],
      ['Z', '-50.00'],
    ]);
    expect(fixed(actions.linesPerOrderP90, 1)).toBe('8.0');
    expect(fixed(actions.combinedMinimumLines, 1)).toBe('8.0');
    expect(fixed(actions.plausibleFeeShare)).toBe('0.10');
  });

  it('saves an order and its drops per order not placed: X needs 8.5 lines per order, Z 5.8', () => {
    const x = of('X').minimumOrder;
    if (x?.kind !== 'lines') throw new Error('no minimum for X');
    expect(fixed(x.costPerOrder, 10)).toBe('34.0000000000');
    expect(x.ordersToBreakEven.toSignificantDigits(10).toString()).toBe('47.05882353');
    expect(x.exact.toString()).toBe('8.5');
    expect(x.shown.toString()).toBe('8.5');
    expect(of('X').plausible).toBe(false);
    const z = of('Z').minimumOrder;
    if (z?.kind !== 'lines') throw new Error('no minimum for Z');
    expect(z.ordersToBreakEven.toString()).toBe('8.75');
    expect(z.exact.toSignificantDigits(10).toString()).toBe('5.714285714');
    expect(z.shown.toString()).toBe('5.8');
    expect(of('Z').plausible).toBe(true);
  });

  it('weighs the fee against the average order value: X 18.00 on 100.00 (18%) is flagged, Z 5.00 on 400.00 (1.25%) is not', () => {
    expect([fixed(of('X').fee?.shown), fixed(of('X').averageOrderValue), of('X').feeShare?.toString(), of('X').feePlausible]).toEqual(['18.00', '100.00', '0.18', false]);
    expect([fixed(of('Z').fee?.shown), fixed(of('Z').averageOrderValue), of('Z').feeShare?.toString(), of('Z').feePlausible]).toEqual(['5.00', '400.00', '0.0125', true]);
  });

  it('proposes a minimum order of 8 lines plus a fee of 2.00 (1% of the order value) for X, nothing combined for Z', () => {
    const c = of('X').combined;
    if (c?.kind !== 'proposal') throw new Error('no combined proposal for X');
    expect([c.minimumLines.toString(), c.orders.toString(), fixed(c.remainingLoss), fixed(c.fee.shown), c.feeShare?.toString(), c.plausible]).toEqual([
      '8', '50', '100.00', '2.00', '0.01', true,
    ]);
    expect(of('Z').combined).toBeNull();
  });

  it('breaks X even when its orders and drops fall to the break-even numbers together', () => {
    const x = of('X').minimumOrder;
    if (x?.kind !== 'lines') throw new Error('no minimum for X');
    const orders = x.ordersToBreakEven;
    const again = run({
      ...spec(DROPS),
      volumes: spec(DROPS).volumes!.map(([id, driver, q]) =>
        id !== 'X' ? [id, driver, q] : driver === 'Orders' ? [id, driver, orders.toString()] : driver === 'Drops' ? [id, driver, orders.times(80).dividedBy(100).toString()] : [id, driver, q],
      ),
    });
    expect(again.customers.find((c) => c.customer === 'X')?.netProfit.abs().lessThanOrEqualTo('0.01')).toBe(true);
  });
});

describe('only orders move (no OrderFollowingDrivers: the behaviour before issue 17)', () => {
  const { actions, of } = actionsOf(ORDERS);

  it('cannot cure X by order size, and its combined fee of 26.00 (13%) is not plausible', () => {
    expect(actions.orderFollowingDrivers).toEqual([]);
    expect(of('X').minimumOrder).toMatchObject({ kind: 'notByOrderSize' });
    const c = of('X').combined;
    if (c?.kind !== 'proposal') throw new Error('no combined proposal for X');
    expect([fixed(c.remainingLoss), fixed(c.fee.shown), c.feeShare?.toString(), c.plausible]).toEqual(['1300.00', '26.00', '0.13', false]);
  });

  it('leaves Z with a minimum of 10 lines (not plausible) but a plausible fee, so nothing combined', () => {
    const z = of('Z').minimumOrder;
    expect(z?.kind === 'lines' ? [z.ordersToBreakEven.toString(), z.shown.toString()] : null).toEqual(['5', '10']);
    expect([of('Z').plausible, of('Z').feePlausible, of('Z').combined]).toEqual([false, true, null]);
  });
});

describe('PlausibleFeeShare', () => {
  it('flags the combined fee of 1% when the plausible share is 0.5%, and keeps Z (1.25%) not plausible too', () => {
    const { actions, of } = actionsOf({ ...DROPS, plausibleFeeShare: dec('0.005') });
    expect(actions.plausibleFeeShare.toString()).toBe('0.005');
    expect(of('Z').feePlausible).toBe(false);
    expect(of('X').combined).toMatchObject({ kind: 'proposal', plausible: false });
    // Z: minimum 5.8 is plausible, so no combined proposal even with an implausible fee.
    expect(of('Z').combined).toBeNull();
  });
});

describe('the combined proposal', () => {
  const base = { orders: dec(100), lines: dec(400), netProfit: dec(-1800), netRevenue: dec(10_000), savedPerOrder: dec(34), plausibleShare: dec('0.1') };

  it('changes nothing for a customer already ordering at least the minimum, or ordering no lines', () => {
    expect(combinedProposal({ ...base, minimumLines: dec(4) })).toEqual({ kind: 'noChange', minimumLines: dec(4) });
    expect(combinedProposal({ ...base, lines: dec(0), minimumLines: dec(8) })).toEqual({ kind: 'noChange', minimumLines: dec(8) });
  });

  it('has no share and is not plausible when net revenue is not positive', () => {
    expect(combinedProposal({ ...base, netRevenue: dec(0), minimumLines: dec(8) })).toMatchObject({ kind: 'proposal', feeShare: null, plausible: false });
  });
});

describe('OrderFollowingDrivers in scenarios: the minimum order moves the drops as the actions do', () => {
  function scenario(settings: Partial<Settings>, minimum: number) {
    const rows: ScenarioChangeInput[] = [scenarioRow(2, 'Minimum order', customer('X'), 'minimumOrder', null, num(minimum))];
    const model = { ...buildModel(spec(settings)), scenarios: rows };
    const baseline = runModel(model);
    expect(baseline.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const out = runScenarios(model, baseline.result!);
    expect(out.issues).toEqual([]);
    return out.outcomes[0]!.customers.map((c) => [c.customer, fixed(c.netProfitBefore), fixed(c.netProfitAfter)]);
  }

  it('10 lines: X orders 40 times with 80 × 40/100 = 32 drops: 400 + 400 + 960 = 1,760 minutes, net profit 240.00', () => {
    expect(scenario(DROPS, 10)).toEqual([['X', '-1800.00', '240.00']]);
  });

  it('8.5 lines: ceil(400 / 8.5) = 48 orders and 38.4 drops (not rounded): 480 + 400 + 1,152 = 2,032 minutes, −32.00', () => {
    expect(scenario(DROPS, 8.5)).toEqual([['X', '-1800.00', '-32.00']]);
  });

  it('without the setting the drops stay at 80: 400 + 400 + 2,400 = 3,200 minutes, −1,200.00', () => {
    expect(scenario(ORDERS, 10)).toEqual([['X', '-1800.00', '-1200.00']]);
  });
});

describe('OrderFollowingDrivers checked against the drivers', () => {
  it('reports a driver ABC_Volumes lacks, and the OrderLineDriver, at the setting cell', () => {
    const outcome = runModel(buildModel(spec({ ...ORDERS, orderFollowingDrivers: { names: ['Drops', 'Dorps', 'order  lines'], where: at('B4') } })));
    expect(outcome.issues.map((i) => [i.code, i.where.cell, i.message])).toEqual([
      ['INVALID_SETTING', 'B4', 'OrderFollowingDrivers names "Dorps", which is no driver of ABC_Volumes, so it cannot follow orders; the drivers are Orders, Order lines, Drops.'],
      [
        'INVALID_SETTING',
        'B4',
        'OrderFollowingDrivers names "order  lines", the OrderLineDriver: a minimum order keeps the order lines and merges only the orders, so order lines cannot follow orders.',
      ],
    ]);
    expect(outcome.result).toBeNull();
  });
});
