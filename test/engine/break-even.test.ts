/**
 * Break-even actions on a small time-driven model, worked out by hand: Kaplan & Anderson's customer-service
 * department ($560,000 over 700,000 practical minutes = $0.80 a minute; 8 minutes per order, 44 per inquiry,
 * 50 per credit check) plus a rate of $1.20 per order for order paperwork, and five customers.
 *
 *   cost per order c = 8 min × $0.80 + $1.20 = $6.40 + $1.20 = $7.60
 *
 *   customer  revenue  COGS    orders  lines    inquiries  checks  cost to serve                              net profit
 *   A         1.5M     1.1M    30,000  150,000  400        500     192,000 + 36,000 + 14,080 + 20,000          137,920
 *   B         900,000  650,000 15,000  60,000   600        1,000   96,000 + 18,000 + 21,120 + 40,000            74,880
 *   C         300,000  220,000 4,000   12,000   400        1,000   25,600 + 4,800 + 14,080 + 40,000             −4,480
 *   D         60,000   50,000  1,900   3,000    100        100     12,160 + 2,280 + 3,520 + 4,000              −11,960
 *   E         1,000    900     0       0        10         20      352 + 800                                     −1,052
 *   F         100      90      10      40       50         0       64 + 12 + 1,760                               −1,826
 *
 * Minutes used: 8 × 50,910 + 44 × 1,560 + 50 × 2,620 = 407,280 + 68,640 + 131,000 = 606,920 ≤ 700,000.
 * Ranked by loss: D, C, F, E.
 *
 * Lines per order of the customers with orders: A 5, B 4, C 3, D 3,000/1,900 = 1.5789…, F 4; sorted
 * 1.58, 3, 4, 4, 5; the 90th percentile by nearest rank is the ⌈0.9 × 5⌉ = 5th value: p90 = 5.
 *
 * D: fee = 11,960 / 1,900 = 6.29473… → shown 6.30.
 *    O' = 1,900 − 11,960 / 7.60 = 2,480 / 7.60 = 326.3157…; minimum = 3,000 / O' = 22,800 / 2,480 = 9.19354…
 *    → shown 9.2; above p90 = 5: not plausible.
 * C: fee = 4,480 / 4,000 = 1.12. O' = 4,000 − 4,480 / 7.60 = 25,920 / 7.60 = 3,410.526…;
 *    minimum = 12,000 × 7.60 / 25,920 = 3.51851… → shown 3.6; at most 5: plausible.
 * F: fee = 1,826 / 10 = 182.60. O' = 10 − 1,826 / 7.60 = −230.26… ≤ 0: order size alone cannot fix it.
 * E: no orders: no fee, no order size.
 */
import { type ActionsResult, breakEvenActions } from '../../src/engine/break-even';
import { dec, type Dec } from '../../src/engine/decimal';
import { costPerOrder, minimumOrder } from '../../src/engine/minimum-order';
import type { Settings } from '../../src/engine/model';
import { nearestRankPercentile } from '../../src/engine/percentile';
import type { CostingResult } from '../../src/engine/result';
import { SETTINGS, run, spec } from '../helpers/break-even-model';
import { fixed } from '../helpers/model';

function netProfitOf(result: CostingResult, id: string): Dec {
  const c = result.customers.find((x) => x.customer === id);
  if (c === undefined) throw new Error(`no customer ${id}`);
  return c.netProfit;
}

function actionOf(actions: ActionsResult, id: string) {
  const c = actions.customers.find((x) => x.customer === id);
  if (c === undefined) throw new Error(`no actions for ${id}`);
  return c;
}

describe('break-even actions on the Kaplan department', () => {
  const result = run(spec());
  const actions = breakEvenActions(result);

  it('has the net profits worked out by hand', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => fixed(netProfitOf(result, id)))).toEqual([
      '137920.00', '74880.00', '-4480.00', '-11960.00', '-1052.00', '-1826.00',
    ]);
  });

  it('lists the loss-making customers, the largest loss first, and their loss together', () => {
    expect(actions.customers.map((c) => [c.rank, c.customer, fixed(c.netProfit)])).toEqual([
      [1, 'D', '-11960.00'],
      [2, 'C', '-4480.00'],
      [3, 'F', '-1826.00'],
      [4, 'E', '-1052.00'],
    ]);
    expect(fixed(actions.totalLoss)).toBe('-19318.00');
    expect(actions.missingSettings).toEqual([]);
    expect(actions.orderDriver).toBe('Orders');
    expect(actions.orderLineDriver).toBe('order  LINES');
  });

  it('names the three largest activity costs, leaving out activities that cost nothing', () => {
    const top = (id: string): Array<[string, string | null]> => actionOf(actions, id).topActivities.map((a) => [a.activity, fixed(a.amount)]);
    expect(top('D')).toEqual([['Process customer orders', '12160.00'], ['Perform credit checks', '4000.00'], ['Handle customer inquiries', '3520.00']]);
    expect(top('C')).toEqual([['Perform credit checks', '40000.00'], ['Process customer orders', '25600.00'], ['Handle customer inquiries', '14080.00']]);
    expect(top('F')).toEqual([['Handle customer inquiries', '1760.00'], ['Process customer orders', '64.00'], ['Order paperwork', '12.00']]);
    expect(top('E')).toEqual([['Perform credit checks', '800.00'], ['Handle customer inquiries', '352.00']]);
  });

  it('costs an order at $7.60: its minutes at $0.80 and its rate', () => {
    expect(fixed(costPerOrder(result, 'orders'), 10)).toBe('7.6000000000');
    expect(fixed(costPerOrder(result, 'Order lines'))).toBe('0.00');
  });

  it('takes the 90th percentile of lines per order by nearest rank: 5', () => {
    expect(fixed(actions.linesPerOrderP90, 10)).toBe('5.0000000000');
  });

  it('gives the fee per order that breaks even, exact and rounded up to the cent', () => {
    const d = actionOf(actions, 'D');
    expect(d.fee?.exact.toSignificantDigits(12).toString()).toBe('6.29473684211');
    expect(fixed(d.fee?.shown)).toBe('6.30');
    expect(fixed(actionOf(actions, 'C').fee?.shown)).toBe('1.12');
    expect(fixed(actionOf(actions, 'F').fee?.shown)).toBe('182.60');
    expect(actionOf(actions, 'E').fee).toBeNull();
  });

  it('gives the minimum lines per order and whether it is plausible', () => {
    const d = actionOf(actions, 'D');
    expect(d.minimumOrder).toMatchObject({ kind: 'lines' });
    if (d.minimumOrder?.kind !== 'lines') throw new Error('no minimum');
    expect(d.minimumOrder.ordersToBreakEven.toSignificantDigits(12).toString()).toBe('326.315789474');
    expect(d.minimumOrder.exact.toSignificantDigits(12).toString()).toBe('9.1935483871');
    expect(fixed(d.minimumOrder.shown, 1)).toBe('9.2');
    expect(d.plausible).toBe(false);
    expect(d.linesPerOrder?.toSignificantDigits(6).toString()).toBe('1.57895');

    const c = actionOf(actions, 'C');
    if (c.minimumOrder?.kind !== 'lines') throw new Error('no minimum');
    expect(c.minimumOrder.exact.toSignificantDigits(12).toString()).toBe('3.51851851852');
    expect(fixed(c.minimumOrder.shown, 1)).toBe('3.6');
    expect(c.plausible).toBe(true);

    const f = actionOf(actions, 'F');
    expect(f.minimumOrder).toMatchObject({ kind: 'notByOrderSize' });
    if (f.minimumOrder?.kind !== 'notByOrderSize') throw new Error('wrong kind');
    expect(f.minimumOrder.ordersToBreakEven?.toSignificantDigits(8).toString()).toBe('-230.26316');
    expect(f.plausible).toBeNull();

    expect(actionOf(actions, 'E').minimumOrder).toEqual({ kind: 'noOrders' });
    expect(actionOf(actions, 'E').linesPerOrder).toBeNull();
  });

  it('breaks D even when its revenue rises by the exact fee × orders, and makes a profit with the fee shown', () => {
    const d = actionOf(actions, 'D');
    const orders = d.orders ?? dec(0);
    const exact = netProfitOf(run(spec({ revenue: ['D', d.fee!.exact.times(orders)] })), 'D');
    expect(exact.abs().lessThanOrEqualTo('0.01')).toBe(true);
    const shown = netProfitOf(run(spec({ revenue: ['D', d.fee!.shown.times(orders)] })), 'D');
    expect(fixed(shown)).toBe('10.00');
    for (const id of ['C', 'F']) {
      const a = actionOf(actions, id);
      const again = netProfitOf(run(spec({ revenue: [id, a.fee!.exact.times(a.orders!)] })), id);
      expect(again.abs().lessThanOrEqualTo('0.01')).toBe(true);
    }
  });

  it('breaks D and C even when their orders fall to the break-even number (same lines, time-driven, report mode)', () => {
    for (const id of ['D', 'C']) {
      const m = actionOf(actions, id).minimumOrder;
      if (m?.kind !== 'lines') throw new Error('no minimum');
      const again = run(spec({ orders: [id, m.ordersToBreakEven] }));
      expect(netProfitOf(again, id).abs().lessThanOrEqualTo('0.01')).toBe(true);
      // Lines are unchanged, so the lines per order are the minimum.
      const lines = again.customers.find((c) => c.customer === id)?.driverQuantities?.get('order lines');
      expect(lines?.dividedBy(m.ordersToBreakEven).toSignificantDigits(12).toString()).toBe(m.exact.toSignificantDigits(12).toString());
    }
  });
});

describe('break-even actions without the order settings', () => {
  it('lists the activities and asks for both settings when neither is set', () => {
    const actions = breakEvenActions(run(spec({ settings: {} })));
    expect(actions.missingSettings).toEqual(['OrderDriver', 'OrderLineDriver']);
    expect(actions.customers.map((c) => c.customer)).toEqual(['D', 'C', 'F', 'E']);
    expect(actions.customers.map((c) => c.topActivities.length)).toEqual([3, 3, 3, 2]);
    for (const c of actions.customers) {
      expect([c.orders, c.lines, c.linesPerOrder, c.fee, c.minimumOrder, c.plausible]).toEqual([null, null, null, null, null, null]);
    }
    expect(actions.linesPerOrderP90).toBeNull();
  });

  it('gives the fee but no order size without OrderLineDriver', () => {
    const settings: Partial<Settings> = { orderDriver: SETTINGS.orderDriver! };
    const actions = breakEvenActions(run(spec({ settings })));
    expect(actions.missingSettings).toEqual(['OrderLineDriver']);
    const d = actions.customers[0]!;
    expect(fixed(d.fee?.shown)).toBe('6.30');
    expect(fixed(d.orders, 0)).toBe('1900');
    expect([d.lines, d.linesPerOrder, d.minimumOrder, d.plausible]).toEqual([null, null, null, null]);
  });
});

describe('nearest-rank percentile', () => {
  const values = (list: number[]): Dec[] => list.map((n) => dec(n));

  it('takes the value at rank ⌈P/100 × N⌉ of the sorted list', () => {
    // 10 values: rank 9 → the 9th smallest; unsorted on purpose.
    expect(nearestRankPercentile(values([7, 1, 10, 3, 9, 2, 8, 4, 6, 5]), 90)?.toString()).toBe('9');
    // 11 values: ⌈9.9⌉ = 10 → the 10th smallest.
    expect(nearestRankPercentile(values([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 90)?.toString()).toBe('10');
    // 4 values: ⌈3.6⌉ = 4 → the largest.
    expect(nearestRankPercentile(values([2.5, 1.5, 3.5, 0.5]), 90)?.toString()).toBe('3.5');
    // 20 values: rank 18.
    expect(nearestRankPercentile(values(Array.from({ length: 20 }, (_, i) => 20 - i)), 90)?.toString()).toBe('18');
    expect(nearestRankPercentile(values([4]), 90)?.toString()).toBe('4');
    expect(nearestRankPercentile(values([1, 2, 3, 4]), 50)?.toString()).toBe('2');
  });

  it('has none for an empty list, and refuses a percentile outside (0, 100]', () => {
    expect(nearestRankPercentile([], 90)).toBeNull();
    expect(() => nearestRankPercentile(values([1]), 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile(values([1]), 101)).toThrow(RangeError);
  });
});

describe('minimum order', () => {
  it('cannot help when orders cost nothing', () => {
    expect(minimumOrder(dec(10), dec(50), dec(-100), dec(0))).toEqual({ kind: 'notByOrderSize', costPerOrder: dec(0), ordersToBreakEven: null });
  });

  it('needs no orders at all at exactly the loss: no order size fixes it', () => {
    // 10 orders × 10 per order = 100: O' = 0.
    expect(minimumOrder(dec(10), dec(50), dec(-100), dec(10))).toMatchObject({ kind: 'notByOrderSize' });
  });

  it('rounds the minimum up to one decimal, never down', () => {
    // O' = 10 − 1 / 1 = 9; 50 / 9 = 5.555… → 5.6; 45 / 9 = 5 exactly stays 5.
    const m = minimumOrder(dec(10), dec(50), dec(-1), dec(1));
    expect(m.kind === 'lines' ? m.shown.toString() : null).toBe('5.6');
    const exact = minimumOrder(dec(10), dec(45), dec(-1), dec(1));
    expect(exact.kind === 'lines' ? exact.shown.toString() : null).toBe('5');
  });
});

describe('ties', () => {
  it('ranks equal losses by customer id and equal activity costs in the order of the activities', () => {
    const result = run({
      pools: [['Desk', 100, 100]],
      activities: [
        ['Quotes', 'Desk', 'Quotes', 'minutes', 1],
        ['Calls', 'Desk', 'Calls', 'minutes', 1],
      ],
      customers: [
        ['20', 10, 10],
        ['3', 10, 10],
      ],
      volumes: [
        ['20', 'Quotes', 5], ['20', 'Calls', 5],
        ['3', 'Quotes', 5], ['3', 'Calls', 5],
      ],
    });
    const actions = breakEvenActions(result);
    expect(actions.customers.map((c) => c.customer)).toEqual(['3', '20']);
    expect(actions.customers[0]?.topActivities.map((a) => a.activity)).toEqual(['Quotes', 'Calls']);
  });
});
