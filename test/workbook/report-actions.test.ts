/**
 * The `ABC Actions` sheet and the JSON's `actions`: the hand-computed model of test/engine/break-even.test.ts
 * laid out cell by cell, the sheet without the order settings, with no loss-making customer, in Dutch
 * without English, and on the sample wholesaler.
 */
import type { CostingResult } from '../../src/engine/result';
import { sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildActionsSheet } from '../../src/workbook/report-actions';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { REPORT_TEXT_EN } from '../../src/workbook/report-text-en';
import { REPORT_TEXT_NL } from '../../src/workbook/report-text-nl';
import type { ReportSheet } from '../../src/workbook/report-types';
import { resultToJson } from '../../src/workbook/result-json';
import { SETTINGS, run, spec } from '../helpers/break-even-model';

const values = (sheet: ReportSheet): unknown[][] => sheet.rows.map((r) => r.cells.map((c) => c.value));
const rowStarting = (sheet: ReportSheet, first: unknown): unknown[] => {
  const found = sheet.rows.find((r) => r.cells[0]?.value === first);
  if (found === undefined) throw new Error(`no row starting with ${String(first)}`);
  return found.cells.map((c) => c.value);
};
/** A row with its blank padding cells taken out, so the assertion reads as the sheet does. */
const filled = (cells: unknown[]): unknown[] => cells.filter((v) => v !== null);

describe('the actions sheet of the hand-computed model', () => {
  const result = run(spec());
  const sheet = buildActionsSheet(result);

  it('is the report sheet after the summary, with its role', () => {
    expect(buildReportSheets(result).map((s) => [s.name, s.role])).toEqual([
      ['ABC Customer P&L', 'pnl'],
      ['ABC Rates', 'rates'],
      ['ABC Summary', 'summary'],
      ['ABC Actions', 'actions'],
    ]);
    expect(sheet.name).toBe('ABC Actions');
  });

  it('says how many customers lose money and how much, the fee that fixes the worst, and the 90th percentile', () => {
    const v = values(sheet);
    expect(v[0]).toEqual(['Break-even actions for loss-making customers']);
    expect(v[2]).toEqual([REPORT_TEXT_EN.actions.method]);
    expect(v[3]).toEqual([REPORT_TEXT_EN.actions.methodFee]);
    expect(v[4]).toEqual([REPORT_TEXT_EN.actions.methodCombined]);
    expect(filled(v[6] ?? [])).toEqual(['4 customers lose money, together', -19318]);
    expect(filled(v[7] ?? [])).toEqual(['The worst, Customer D, would break even with an order fee per order of', 6.3]);
    expect(filled(v[8] ?? [])).toEqual(['Lines per order: 90th percentile of the customers with orders (nearest rank)', 5]);
    expect(filled(v[9] ?? [])).toEqual(['Plausible order fee: at most this share of the average order value', 0.1]);
    expect(filled(v[10] ?? [])).toEqual(['Combined proposals: minimum lines per order', 5]);
    // The figures stand in one column, right of the longest sentence, and are money, decimals and a percentage.
    const figureColumn = (v[6] ?? []).length - 1;
    expect([7, 8, 9, 10].map((i) => (v[i] ?? []).length - 1)).toEqual([figureColumn, figureColumn, figureColumn, figureColumn]);
    expect([6, 8, 9, 10].map((i) => sheet.rows[i]?.cells[figureColumn]?.format)).toEqual(['money', 'decimal', 'percent', 'decimal']);
  });

  it('has one row per loss-making customer, the largest loss first', () => {
    expect(rowStarting(sheet, 'Rank')).toEqual([
      'Rank', 'Customer', 'Name', 'Net profit',
      'Activity 1', 'Cost of activity 1', 'Activity 2', 'Cost of activity 2', 'Activity 3', 'Cost of activity 3',
      'Orders (Orders)', 'Order lines (order  LINES)', 'Lines per order now', 'Average order value', 'Break-even fee per order',
      'Fee as % of order value', 'Fee plausible?', 'Minimum lines per order to break even', 'Assessment',
      'Combined: minimum lines per order', 'Combined: fee per order', 'Combined: fee as % of order value', 'Combined plausible?',
    ]);
    // D: order value 60,000 / 1,900 = 31.58; the fee 6.30 is 11,960 / 60,000 = 19.9% of it. Neither alone will do, so
    // combined: 5 lines an order = 600 orders, saving 1,300 × 7.60 = 9,880; 2,080 remains: 3.47 an order, 3.5%.
    expect(rowStarting(sheet, 1)).toEqual([
      1, 'D', 'Customer D', -11960,
      'Process customer orders', 12160, 'Perform credit checks', 4000, 'Handle customer inquiries', 3520,
      1900, 3000, 3000 / 1900, 31.58, 6.3, 11960 / 60000, 'Not plausible: above the plausible share of the order value',
      9.2, 'Not plausible: above what 90% of customers order (the 90th percentile above)',
      5, 3.47, 2080 / 60000, 'Plausible: within the 90th percentile and the plausible share',
    ]);
    // C: a fee of 1.12 on 75.00 is 1.5%, and 3.6 lines is plausible: nothing combined.
    expect(rowStarting(sheet, 2)).toEqual([
      2, 'C', 'Customer C', -4480,
      'Perform credit checks', 40000, 'Process customer orders', 25600, 'Handle customer inquiries', 14080,
      4000, 12000, 3, 75, 1.12, 4480 / 300000, 'Plausible: within the plausible share of the order value', 3.6, 'Plausible: within what 90% of customers order',
      null, null, null, null,
    ]);
    // F: 182.60 on an order of 10.00. Combined: 8 orders save 2 × 7.60; 1,810.80 remains, 226.35 an order, still 1,810.8%.
    expect(rowStarting(sheet, 3)).toEqual([
      3, 'F', 'Customer F', -1826,
      'Handle customer inquiries', 1760, 'Process customer orders', 64, 'Order paperwork', 12,
      10, 40, 4, 10, 182.6, 18.26, 'Not plausible: above the plausible share of the order value', null, 'Order size alone cannot make up the loss',
      5, 226.35, 18.108, 'Not plausible: the remaining fee is still above the plausible share',
    ]);
    expect(rowStarting(sheet, 4)).toEqual([
      4, 'E', 'Customer E', -1052,
      'Perform credit checks', 800, 'Handle customer inquiries', 352, null, null,
      0, 0, null, null, null, null, null, null, 'No orders', null, null, null, null,
    ]);
    const header = sheet.rows.findIndex((r) => r.cells[0]?.value === 'Rank');
    expect(sheet.rows.length).toBe(header + 5);
    expect(sheet.freeze).toEqual({ rows: header + 1, columns: 3 });
    expect(rowStarting(sheet, 1).length).toBe(sheet.columnWidths.length);
  });

  it('puts the same actions into the JSON, money and the shown figures as numbers', () => {
    const json = resultToJson({ issues: [], result });
    expect(json.actions.map((a) => a.customer)).toEqual(['D', 'C', 'F', 'E']);
    expect(json.actions[0]).toEqual({
      rank: 1,
      customer: 'D',
      name: 'Customer D',
      segment: null,
      netProfit: -11960,
      topActivities: [
        { activity: 'Process customer orders', amount: 12160 },
        { activity: 'Perform credit checks', amount: 4000 },
        { activity: 'Handle customer inquiries', amount: 3520 },
      ],
      orders: 1900,
      orderLines: 3000,
      linesPerOrder: 3000 / 1900,
      breakEvenFeePerOrder: 6.3,
      costPerOrder: 7.6,
      minimumOrder: 'lines',
      ordersToBreakEven: 2480 / 7.6,
      minimumLinesPerOrder: 9.2,
      linesPerOrderP90: 5,
      plausible: false,
      averageOrderValue: 31.58,
      feeShareOfOrderValue: 11960 / 60000,
      plausibleFeeShare: 0.1,
      feePlausible: false,
      combined: { kind: 'proposal', minimumLinesPerOrder: 5, orders: 600, remainingLoss: 2080, feePerOrder: 3.47, feeShareOfOrderValue: 2080 / 60000, plausible: true },
    });
    expect(json.actions[2]).toMatchObject({ customer: 'F', breakEvenFeePerOrder: 182.6, minimumOrder: 'notByOrderSize', minimumLinesPerOrder: null, plausible: null });
    expect(json.actions[3]).toMatchObject({ customer: 'E', breakEvenFeePerOrder: null, costPerOrder: null, minimumOrder: 'noOrders', ordersToBreakEven: null });
    expect(json.actions[3]).toMatchObject({ averageOrderValue: null, feeShareOfOrderValue: null, feePlausible: null, combined: null });
    expect(json.actions[1]).toMatchObject({ customer: 'C', averageOrderValue: 75, feePlausible: true, combined: null });
  });
});

describe('the actions sheet without the order settings', () => {
  it('lists the activities and says to set both settings', () => {
    const sheet = buildActionsSheet(run(spec({ settings: {} })));
    const v = values(sheet);
    expect(v[3]).toEqual([
      'Set the settings OrderDriver (the driver that counts orders) and OrderLineDriver (the driver that counts order lines) to see the break-even fee per order and the minimum order size.',
    ]);
    expect(filled(v[5] ?? [])).toEqual(['4 customers lose money, together', -19318]);
    expect(v[6]).toEqual(['Largest loss: Customer D.']);
    expect(rowStarting(sheet, 'Rank')).toEqual([
      'Rank', 'Customer', 'Name', 'Net profit',
      'Activity 1', 'Cost of activity 1', 'Activity 2', 'Cost of activity 2', 'Activity 3', 'Cost of activity 3',
    ]);
    expect(rowStarting(sheet, 1)).toEqual([1, 'D', 'Customer D', -11960, 'Process customer orders', 12160, 'Perform credit checks', 4000, 'Handle customer inquiries', 3520]);
    expect(resultToJson({ issues: [], result: run(spec({ settings: {} })) }).actions[0]).toMatchObject({
      orders: null, orderLines: null, breakEvenFeePerOrder: null, minimumOrder: null, linesPerOrderP90: null, plausible: null,
    });
  });

  it('gives the fee and says to set OrderLineDriver when only that is missing', () => {
    const sheet = buildActionsSheet(run(spec({ settings: { orderDriver: SETTINGS.orderDriver! } })));
    expect(values(sheet)[3]).toEqual(['Set the setting OrderLineDriver (the driver that counts order lines) to see the minimum order size.']);
    expect(values(sheet)[4]).toEqual([REPORT_TEXT_EN.actions.methodFee]);
    expect(values(sheet)[5]).toEqual([]);
    expect(filled(values(sheet)[7] ?? [])).toEqual(['The worst, Customer D, would break even with an order fee per order of', 6.3]);
    expect(filled(values(sheet)[8] ?? [])).toEqual(['Plausible order fee: at most this share of the average order value', 0.1]);
    expect(rowStarting(sheet, 'Rank').slice(10)).toEqual(['Orders (Orders)', 'Average order value', 'Break-even fee per order', 'Fee as % of order value', 'Fee plausible?']);
    expect(rowStarting(sheet, 1).slice(10)).toEqual([1900, 31.58, 6.3, 11960 / 60000, 'Not plausible: above the plausible share of the order value']);
  });

  it('says to set OrderDriver when only OrderLineDriver is set', () => {
    const sheet = buildActionsSheet(run(spec({ settings: { orderLineDriver: SETTINGS.orderLineDriver! } })));
    expect(values(sheet)[3]).toEqual([
      'Set the setting OrderDriver (the driver that counts orders) to see the break-even fee per order and the minimum order size.',
    ]);
    expect(rowStarting(sheet, 'Rank')).toHaveLength(10);
  });

  it('in Dutch names the Dutch settings', () => {
    const sheet = buildActionsSheet(run(spec({ settings: {} })), 'nl');
    expect(sheet.name).toBe('ABC Acties');
    expect(values(sheet)[3]).toEqual([
      'Stel de instellingen Orderdrijver (de kostendrijver die de orders telt) en Orderregeldrijver (de kostendrijver die de orderregels telt) in om de kostendekkende ordertoeslag en de minimumorder te zien.',
    ]);
    expect(values(sheet)[6]).toEqual(['Grootste verliesmaker: Customer D.']);
  });
});

describe('the actions sheet with no loss-making customer', () => {
  it('says so and has no table', () => {
    const result = run(spec());
    result.customers = result.customers.filter((c) => c.netProfit.isPositive());
    const sheet = buildActionsSheet(result);
    expect(values(sheet).slice(3)).toEqual([[], ['No customer loses money, so none needs an action to break even.']]);
    expect(sheet.freeze).toEqual({ rows: 0, columns: 0 });
    expect(resultToJson({ issues: [], result }).actions).toEqual([]);
  });
});

/** Words of a text, lower case, a hyphen inside a word kept (as the report's Dutch check splits them). */
const words = (text: string): string[] =>
  text.toLowerCase().split(/[^\p{L}'-]+/u).map((w) => w.replace(/^['-]+|['-]+$/g, '')).filter((w) => w.length > 0);

/** Texts that come from the model (ids, names, activities, drivers, the period), taken out before looking for English. */
function modelTexts(result: CostingResult): string[] {
  const texts = new Set<string>();
  for (const c of result.customers) {
    texts.add(c.customer);
    if (c.name !== null) texts.add(c.name);
    for (const [header, value] of c.dimensions) {
      texts.add(header);
      if (typeof value === 'string') texts.add(value);
    }
  }
  for (const a of result.activities) {
    texts.add(a.activity);
    for (const d of a.drivers) texts.add(d.driver);
  }
  for (const s of [result.settings.orderDriver, result.settings.orderLineDriver]) if (s !== undefined) texts.add(s.name);
  if (result.settings.period !== null) texts.add(result.settings.period);
  return [...texts].sort((a, b) => b.length - a.length);
}

/** English words on the Dutch sheet: words of the English sheet and of the English actions texts, outside model texts. */
function englishOnDutchSheet(result: CostingResult): string[] {
  const names = modelTexts(result);
  const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Whole words only, so the customer "E" is not taken out of "EUR".
  const strip = (text: string): string =>
    names.reduce((rest, name) => rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'gu'), ' '), text);
  const cellTexts = (sheet: ReportSheet): string[] => sheet.rows.flatMap((r) => r.cells.flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])));
  const fixed = Object.values(REPORT_TEXT_EN.actions).filter((t): t is string => typeof t === 'string');
  // Words both languages write alike, reviewed: "per", "in", "is" and "minimum" are Dutch words, "min" the minutes unit, "abc" the
  // product; "order" and "orders" are the glossary's Dutch terms.
  const shared = new Set(['per', 'in', 'is', 'minimum', 'order', 'orders', 'min', 'abc', 'eur']);
  const english = new Set([...cellTexts(buildActionsSheet(result, 'en')), ...fixed].flatMap((t) => words(strip(t))).filter((w) => !shared.has(w)));
  return cellTexts(buildActionsSheet(result, 'nl')).flatMap((t) => words(strip(t)).filter((w) => english.has(w)).map((w) => `${w} in "${t}"`));
}

describe('the Dutch actions sheet', () => {
  it('has no English words, with the settings, without them and with no loss-making customer', () => {
    const none = run(spec());
    none.customers = none.customers.filter((c) => c.netProfit.isPositive());
    for (const result of [run(spec()), run(spec({ settings: {} })), run(spec({ settings: { orderDriver: SETTINGS.orderDriver! } })), none]) {
      expect(englishOnDutchSheet(result)).toEqual([]);
    }
  });

  it('translates every text of the English actions', () => {
    const en = REPORT_TEXT_EN.actions;
    const nl = REPORT_TEXT_NL.actions;
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect([key, nl[key]]).not.toEqual([key, en[key]]);
  });
});

describe('the actions of the sample wholesaler', () => {
  const analysis = analyseWorkbook(sampleGrids());
  const result = analysis.result;
  if (result === null) throw new Error(analysis.issues.map((i) => i.message).join('\n'));
  const sheet = buildActionsSheet(result);
  const losing = result.customers.filter((c) => c.netProfit.isNegative() && !c.netProfit.isZero());
  const header = sheet.rows.findIndex((r) => r.cells[0]?.value === 'Rank');

  it('lists exactly the customers with a negative net profit, the largest loss first', () => {
    const listed = sheet.rows.slice(header + 1).map((r) => r.cells[1]?.value);
    const expected = [...losing].sort((a, b) => a.netProfit.comparedTo(b.netProfit)).map((c) => c.customer);
    expect(listed).toEqual(expected);
    expect(listed).toHaveLength(111);
    const profits = sheet.rows.slice(header + 1).map((r) => r.cells[3 + 1]?.value as number);
    expect(profits).toEqual([...profits].sort((a, b) => a - b));
    expect(resultToJson({ issues: [], result }).actions.map((a) => a.customer)).toEqual(expected);
  });

  it('says what fixes the worst one: 10559 schoonmaakplein.nl, € 116.34 per order, 59.9% of its € 194.26 order; order size alone cannot', () => {
    const v = values(sheet);
    expect(v[5]).toEqual(['A minimum order also lowers, in proportion to the orders (per order they stay the same, not rounded): Delivery drops.']);
    expect(filled(v[7] ?? [])).toEqual(['111 customers lose money, together', -1868470.43]);
    expect(filled(v[8] ?? [])).toEqual(['The worst, schoonmaakplein.nl, would break even with an order fee per order of', 116.34]);
    expect(filled(v[10] ?? [])).toEqual(['Plausible order fee: at most this share of the average order value', 0.1]);
    expect(filled(v[11] ?? [])).toEqual(['Combined proposals: minimum lines per order', 19.9]);
    const worst = rowStarting(sheet, 1);
    expect(worst.slice(0, 5)).toEqual([1, '10559', 'schoonmaakplein.nl', 'Webshops', -93650.31]);
    expect(worst.slice(-10)).toEqual([
      194.26, 116.34, expect.closeTo(93650.31 / 156380.87, 12), 'Not plausible: above the plausible share of the order value', null, 'Order size alone cannot make up the loss',
      19.9, 224.81, expect.closeTo(61826.54 / 156380.87, 7), 'Not plausible: the remaining fee is still above the plausible share',
    ]);
    const json = resultToJson({ issues: [], result }).actions[0];
    // An order not placed saves € 47.49 of its own and its delivery drops (€ 65.63 each, 0.19 a order): € 60.05.
    expect(json?.costPerOrder?.toFixed(4)).toBe('60.0477');
    expect(json?.ordersToBreakEven?.toFixed(2)).toBe('-754.60');
    expect(json?.combined).toMatchObject({ kind: 'proposal', minimumLinesPerOrder: 19.9, remainingLoss: 61826.54, feePerOrder: 224.81, plausible: false });
  });

  it('cures 54 by order size now that drops follow orders (33 before), 32 of them plausibly, and proposes 12 plausible combinations', () => {
    const actions = resultToJson({ issues: [], result }).actions;
    const count = (test: (a: (typeof actions)[number]) => boolean): number => actions.filter(test).length;
    expect(count((a) => a.minimumOrder === 'lines')).toBe(54);
    expect(count((a) => a.minimumOrder === 'notByOrderSize')).toBe(57);
    expect(count((a) => a.plausible === true)).toBe(32);
    expect(count((a) => a.feePlausible === true)).toBe(32);
    expect(count((a) => a.combined?.kind === 'proposal')).toBe(75);
    expect(count((a) => a.combined?.plausible === true)).toBe(12);
    expect(count((a) => a.plausible === true || a.feePlausible === true || a.combined?.plausible === true)).toBe(47);
    // Rank 33, Restaurant De Blauwe Druif: 40.6 lines per order or € 71.87 (11.9% of € 603.53) alone; 19.9 lines and € 57.58 (7.1%) together.
    const druif = rowStarting(sheet, 33);
    expect(druif[1]).toBe('11222');
    expect(druif.slice(-10)).toEqual([
      603.53, 71.87, expect.closeTo(22709.19 / 190716.34, 12), 'Not plausible: above the plausible share of the order value',
      40.6, 'Not plausible: above what 90% of customers order (the 90th percentile above)',
      19.9, 57.58, expect.closeTo(13515.34 / 190716.34, 7), 'Plausible: within the 90th percentile and the plausible share',
    ]);
  });
});
