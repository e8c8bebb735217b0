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
    expect(filled(v[4] ?? [])).toEqual(['4 customers lose money, together', -19318]);
    expect(filled(v[5] ?? [])).toEqual(['The worst, Customer D, would break even with an order fee per order of', 6.3]);
    expect(filled(v[6] ?? [])).toEqual(['Lines per order: 90th percentile of the customers with orders (nearest rank)', 5]);
    // The figures stand in one column, right of the longest sentence, and are money and a decimal.
    const figureColumn = (v[4] ?? []).length - 1;
    expect([(v[5] ?? []).length - 1, (v[6] ?? []).length - 1]).toEqual([figureColumn, figureColumn]);
    expect(sheet.rows[4]?.cells[figureColumn]?.format).toBe('money');
    expect(sheet.rows[6]?.cells[figureColumn]?.format).toBe('decimal');
  });

  it('has one row per loss-making customer, the largest loss first', () => {
    expect(rowStarting(sheet, 'Rank')).toEqual([
      'Rank', 'Customer', 'Name', 'Net profit',
      'Activity 1', 'Cost of activity 1', 'Activity 2', 'Cost of activity 2', 'Activity 3', 'Cost of activity 3',
      'Orders (Orders)', 'Order lines (order  LINES)', 'Lines per order now', 'Break-even fee per order',
      'Minimum lines per order to break even', 'Assessment',
    ]);
    expect(rowStarting(sheet, 1)).toEqual([
      1, 'D', 'Customer D', -11960,
      'Process customer orders', 12160, 'Perform credit checks', 4000, 'Handle customer inquiries', 3520,
      1900, 3000, 3000 / 1900, 6.3, 9.2, 'Not plausible: above what 90% of customers order (the 90th percentile above)',
    ]);
    expect(rowStarting(sheet, 2)).toEqual([
      2, 'C', 'Customer C', -4480,
      'Perform credit checks', 40000, 'Process customer orders', 25600, 'Handle customer inquiries', 14080,
      4000, 12000, 3, 1.12, 3.6, 'Plausible: within what 90% of customers order',
    ]);
    expect(rowStarting(sheet, 3)).toEqual([
      3, 'F', 'Customer F', -1826,
      'Handle customer inquiries', 1760, 'Process customer orders', 64, 'Order paperwork', 12,
      10, 40, 4, 182.6, null, 'Order size alone cannot make up the loss',
    ]);
    expect(rowStarting(sheet, 4)).toEqual([
      4, 'E', 'Customer E', -1052,
      'Perform credit checks', 800, 'Handle customer inquiries', 352, null, null,
      0, 0, null, null, null, 'No orders',
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
    });
    expect(json.actions[2]).toMatchObject({ customer: 'F', breakEvenFeePerOrder: 182.6, minimumOrder: 'notByOrderSize', minimumLinesPerOrder: null, plausible: null });
    expect(json.actions[3]).toMatchObject({ customer: 'E', breakEvenFeePerOrder: null, costPerOrder: null, minimumOrder: 'noOrders', ordersToBreakEven: null });
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
    expect(filled(values(sheet)[6] ?? [])).toEqual(['The worst, Customer D, would break even with an order fee per order of', 6.3]);
    expect(rowStarting(sheet, 'Rank').slice(10)).toEqual(['Orders (Orders)', 'Break-even fee per order']);
    expect(rowStarting(sheet, 1).slice(10)).toEqual([1900, 6.3]);
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
  // Words both languages write alike, reviewed: "per" and "in" are Dutch words, "min" the minutes unit, "abc" the product,
  // "order(s)" the glossary's Dutch word (docs/glossary.md).
  const shared = new Set(['per', 'in', 'min', 'abc', 'eur', 'order', 'orders']);
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

  it('says what fixes the worst one: 10559 schoonmaakplein.nl, € 116.34 per order; order size alone cannot', () => {
    expect(filled(values(sheet)[4] ?? [])).toEqual(['111 customers lose money, together', -1868470.43]);
    expect(filled(values(sheet)[5] ?? [])).toEqual(['The worst, schoonmaakplein.nl, would break even with an order fee per order of', 116.34]);
    const worst = rowStarting(sheet, 1);
    expect(worst.slice(0, 5)).toEqual([1, '10559', 'schoonmaakplein.nl', 'Webshops', -93650.31]);
    expect(worst.slice(-2)).toEqual([null, 'Order size alone cannot make up the loss']);
    const json = resultToJson({ issues: [], result }).actions[0];
    // €47.49 per order: the loss needs 1,972 orders fewer than the 805 it places.
    expect(json?.costPerOrder?.toFixed(4)).toBe('47.4934');
    expect(json?.ordersToBreakEven?.toFixed(2)).toBe('-1166.86');
  });
});
