/**
 * The `sensitivity` of the --json document (issue 21), on Kaplan & Anderson's department
 * (test/helpers/kaplan-sensitivity.ts): the tornado with its exact figures in cents and the effects the
 * chart draws, every customer's simulated range to the cent, the company's, the customers to look closer
 * at, the estimates check; exact text beside amounts too large for a double; the field in the document.
 */
import { dec } from '../../src/engine/decimal';
import { resultToJson } from '../../src/workbook/result-json';
import { sensitivityToJson } from '../../src/workbook/sensitivity-json';
import { kaplanSensitivity } from '../helpers/kaplan-sensitivity';

const { result, sensitivity } = kaplanSensitivity();
/** As a reader of the document gets it. */
const asRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the sensitivity in the --json document', () => {
  const json = asRead(sensitivityToJson(sensitivity)) as Record<string, unknown>;

  it('gives the seed and the number of draws, and the tornado largest swing first with the effects the chart draws', () => {
    expect([json.simulations, json.seed]).toEqual([1000, 20260101]);
    expect(json.tornado).toEqual([
      {
        rank: 1, activity: 'Process customer orders', pool: 'Customer service', driver: 'Orders', kind: 'minutes', value: 8, low: 4, high: 12, group: null,
        profitAtLow: -529108, profitAtHigh: -531692, swing: 2584, effectAtLow: 1292, effectAtHigh: -1292, lossMakersAtLow: 32, lossMakersAtHigh: -104,
      },
      {
        rank: 2, activity: 'Handle customer inquiries', pool: 'Customer service', driver: 'Inquiries', kind: 'minutes', value: 40, low: 30, high: 60, group: null,
        profitAtLow: -530272.5, profitAtHigh: -530655, swing: 382.5, effectAtLow: 127.5, effectAtHigh: -255, lossMakersAtLow: -36, lossMakersAtHigh: -36,
      },
      {
        rank: 3, activity: 'Perform credit checks', pool: 'Customer service', driver: 'Credit checks', kind: 'minutes', value: 50, low: 45, high: 55, group: null,
        profitAtLow: -530387.25, profitAtHigh: -530412.75, swing: 25.5, effectAtLow: 12.75, effectAtHigh: -12.75, lossMakersAtLow: -36, lossMakersAtHigh: -36,
      },
    ]);
  });

  it('gives every customer its range to the cent and its chance of a loss, the company its range, and who to look closer at', () => {
    const customers = json.customers as Array<Record<string, unknown>>;
    expect(customers.map((c) => [c.customer, c.netProfit, c.p10, c.median, c.p90])).toEqual([
      ['A', 42555, 42273.08, 42555, 42836.92],
      ['B', 18427.5, 18051.61, 18427.5, 18803.39],
      ['C', 432, 413.21, 432, 450.79],
      ['D', -36, -73.59, -36, 1.59],
    ]);
    expect(customers.map((c) => c.lossChance)).toEqual([0, 0, 0, sensitivity.customers[3]?.lossChance]);
    expect(customers[3]?.lossChance).toBeCloseTo(0.889273, 6);
    expect(json.company).toEqual({ p10: -531114.2, median: -530400, p90: -529685.8 });
    expect(json.lookCloser).toEqual(['D']);
    expect(json.checks).toEqual([{ pool: 'Customer service', explainedMinutes: 3790, paidMinutes: 3200, overstatement: 1.184375 }]);
  });

  it('gives amounts of 10^13 or more as exact text too, and a pool without paid minutes nulls', () => {
    const [first] = sensitivity.tornado;
    if (first === undefined) throw new Error('no bar');
    const huge = { ...first, profitAtLow: dec('12345678901234.565'), swing: dec('12345678901234.565') };
    const big = asRead(
      sensitivityToJson({ ...sensitivity, tornado: [huge], checks: [{ pool: 'Warehouse', explainedMinutes: dec(10), paidMinutes: null, overstatement: null }] }),
    ) as { tornado: Array<Record<string, unknown>>; checks: unknown[] };
    expect(big.tornado[0]?.exact).toEqual({ profitAtLow: '12345678901234.57', swing: '12345678901234.57' });
    expect(big.checks).toEqual([{ pool: 'Warehouse', explainedMinutes: 10, paidMinutes: null, overstatement: null }]);
  });

  it("becomes the sensitivity field of the run's document, and is absent when not given", () => {
    const doc = asRead(resultToJson({ issues: [], result }, undefined, sensitivityToJson(sensitivity))) as { sensitivity: { lookCloser: string[] }; comparison?: unknown };
    expect(doc.sensitivity.lookCloser).toEqual(['D']);
    expect('comparison' in doc).toBe(false);
    expect('sensitivity' in (resultToJson({ issues: [], result }) as object)).toBe(false);
  });
});
