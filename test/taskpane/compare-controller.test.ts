/**
 * The pane's Keep period and Compare without React, on Kaplan's department over two periods
 * (test/helpers/kaplan-kept.ts): keeping says whether an earlier copy was replaced, the dropdown lists
 * the kept periods but this one, Compare shows the company's bridge and the customers' changes to the cent
 * and writes what the Comparison sheet's layout gives; a broken ABC_History shows its issues and still compares.
 */
import { figuresOfResult } from '../../src/engine/compare/figures';
import type { Comparison } from '../../src/engine/compare/types';
import { error } from '../../src/engine/issues';
import { msg } from '../../src/engine/messages';
import type { ComputeOutput } from '../../src/taskpane/compute';
import { CompareController, type ComparisonSheetsBuilder, type CurrentPeriod, keepBlockedReason } from '../../src/taskpane/compare-controller';
import { waterfallOf } from '../../src/taskpane/compare-view';
import { stringsFor } from '../../src/taskpane/i18n';
import type { ReportSheet } from '../../src/workbook/report-types';
import { kaplan2025, kaplan2026 } from '../helpers/kaplan-kept';
import { KeptHistory } from './kept-history';

const en = stringsFor('en');
const periodOf = (result: ReturnType<typeof kaplan2025>): CurrentPeriod => ({ figures: figuresOfResult(result), currency: 'EUR', language: 'en' });

function pane(history: KeptHistory, current: { now: CurrentPeriod | null }, build: ComparisonSheetsBuilder | null = null, language: 'en' | 'nl' = 'en'): CompareController {
  return new CompareController(history, async () => current.now, stringsFor(language), build);
}

describe('Keep period', () => {
  test('keeps 2025, then says it replaced the earlier copy when kept again', async () => {
    const history = new KeptHistory();
    const current = { now: periodOf(kaplan2025()) };
    const controller = pane(history, current);
    await controller.keep();
    expect(controller.getState().notice).toEqual({ intent: 'success', text: 'Period 2025 kept.' });
    expect(history.kept.map((k) => [k.label, k.figures.customers.map((c) => c.netProfit.toFixed(2))])).toEqual([['2025', ['38928.00', '18504.00']]]);
    // 2025 is this period: the dropdown leaves it out.
    expect(controller.getState().periods).toEqual([]);
    await controller.keep();
    expect(controller.getState().notice).toEqual({ intent: 'success', text: 'Period 2025 kept (replaced the earlier copy).' });
    expect(history.kept).toHaveLength(1);
  });

  test('in Dutch', async () => {
    const history = new KeptHistory();
    const controller = pane(history, { now: periodOf(kaplan2026()) }, null, 'nl');
    await controller.keep();
    await controller.keep();
    expect(controller.getState().notice?.text).toBe('Periode 2026 bewaard (de eerdere kopie is vervangen).');
  });

  test('is off without a result, without a Period setting, or without a history, and says why', () => {
    const history = new KeptHistory();
    const output = (period: string | null, json = true): ComputeOutput => ({ json: json ? { period } : null }) as unknown as ComputeOutput;
    expect(keepBlockedReason(null, history, en)).toBe('Check the model first: there is no result to keep.');
    expect(keepBlockedReason(output('2026', false), history, en)).toBe('Check the model first: there is no result to keep.');
    expect(keepBlockedReason(output(null), history, en)).toBe('Set Period in ABC_Settings (for example 2026) to keep this period.');
    expect(keepBlockedReason(output('2026'), history, en)).toBeNull();
    const { keepPeriod: _, ...without } = history;
    expect(keepBlockedReason(output('2026'), { ...without, readModel: history.readModel } as never, en)).toBe('This workbook cannot keep periods.');
  });

  test('a history the writer refuses keeps nothing and says so, its problem listed with its cell', async () => {
    const history = new KeptHistory();
    history.refuses = true;
    const broken = error('NOT_A_NUMBER', msg('notANumber', { column: { header: 'Amount', key: null }, found: '"x"' }), { range: 'ABC_History', sheet: 'ABC History', cell: 'S4' });
    history.issues = [broken];
    const controller = pane(history, { now: periodOf(kaplan2026()) });
    await controller.keep();
    expect(controller.getState().notice).toEqual({ intent: 'warning', text: 'Period 2026 was not kept: see the problems of ABC_History below.' });
    expect(controller.getState().issues).toEqual([broken]);
  });

  test('a result gone since (the model changed) keeps nothing', async () => {
    const history = new KeptHistory();
    const controller = pane(history, { now: null });
    await controller.keep();
    expect(controller.getState().notice?.intent).toBe('warning');
    expect(history.kept).toEqual([]);
  });
});

describe('Compare', () => {
  async function keptThen(history: KeptHistory, ...results: Array<ReturnType<typeof kaplan2025>>): Promise<void> {
    for (const r of results) await pane(history, { now: periodOf(r) }).keep();
  }

  test('2025 against 2026: the company\'s bridge and the customers\' changes to the cent, the sheet written', async () => {
    const history = new KeptHistory();
    await keptThen(history, kaplan2025());
    const built: Array<{ comparison: Comparison; labels: { earlier: string; now: string } }> = [];
    const sheet = { name: 'ABC Comparison', columnWidths: [], freeze: { rows: 0, columns: 0 }, rows: [] } as ReportSheet;
    const controller = pane(history, { now: periodOf(kaplan2026()) }, (comparison, _analysis, labels) => {
      built.push({ comparison, labels });
      return [sheet];
    });
    await controller.load('2026');
    expect(controller.getState().periods).toEqual(['2025']);
    await controller.compare('2025');
    const s = controller.getState();
    expect(s.notice).toEqual({ intent: 'success', text: '2026 compared with 2025: ABC Comparison written.' });
    expect(built.map((b) => b.labels)).toEqual([{ earlier: '2025', now: '2026' }]);
    expect(history.written.map((w) => [w.sheets.map((x) => x.name), w.currency])).toEqual([[['ABC Comparison'], 'EUR']]);

    const view = s.view;
    if (view === null) throw new Error('no comparison shown');
    // Operating profit: 57,432 of customers' profit − 557,432 unused = −500,000; then 61,414.50 − 591,914.50 = −530,500.
    expect([view.before, view.after, view.company.before, view.company.after, view.company.change]).toEqual(['2025', '2026', -500000, -530500, -30500]);
    expect(view.company.parts).toEqual([
      { part: 'revenue', amount: 11000 },
      { part: 'discounts', amount: 0 },
      { part: 'cogs', amount: -6500 },
      { part: 'activityVolume', amount: -384 },
      { part: 'activityRate', amount: -133.5 },
      { part: 'unusedCapacity', amount: 0 },
      { part: 'directCosts', amount: 0 },
      { part: 'unusedNotCharged', amount: -34482.5 },
      { part: 'unassigned', amount: 0 },
    ]);
    expect(view.improvements).toEqual([
      { customer: 'A', name: 'Customer A', before: 38928, after: 42555, change: 3627 },
      { customer: 'C', name: 'Customer C', before: 0, after: 432, change: 432 },
    ]);
    expect(view.declines).toEqual([{ customer: 'B', name: 'Customer B', before: 18504, after: 18427.5, change: -76.5 }]);
    expect([view.profitToLoss, view.lossToProfit]).toEqual([[], []]);

    // The waterfall steps from −500,000 to −530,500 over the non-zero parts only.
    expect(waterfallOf(view.company).map((b) => [b.key, b.kind, b.start, b.end])).toEqual([
      ['before', 'total', 0, -500000],
      ['revenue', 'up', -500000, -489000],
      ['cogs', 'down', -489000, -495500],
      ['activityVolume', 'down', -495500, -495884],
      ['activityRate', 'down', -495884, -496017.5],
      ['unusedNotCharged', 'down', -496017.5, -530500],
      ['after', 'total', 0, -530500],
    ]);
  });

  test('customers that went from profit to loss and from loss to profit, against a budget', async () => {
    const history = new KeptHistory();
    // With D: its net profit 872 then (revenue 3,000 − COGS 2,000 − 20 orders at 6.40), −36 now (1,200 − 1,100 − 136).
    await keptThen(history, kaplan2025({ withD: true, period: 'Budget' }), kaplan2025());
    const controller = pane(history, { now: periodOf(kaplan2026({ withD: true })) });
    await controller.load('2026');
    expect(controller.getState().periods).toEqual(['Budget', '2025']);
    await controller.compare('budget');
    const view = controller.getState().view;
    expect(view?.before).toBe('Budget');
    expect(view?.profitToLoss).toEqual([{ customer: 'D', name: 'Customer D', before: 872, after: -36, change: -908 }]);
    expect(view?.lossToProfit).toEqual([]);
    expect(controller.getState().notice).toEqual({ intent: 'success', text: '2026 compared with Budget.' });
    expect(history.written).toEqual([]);

    // And back: 2026 kept, a period like the budget turns D from its loss of 36 to a profit of 872.
    await keptThen(history, kaplan2026({ withD: true }));
    const better = pane(history, { now: periodOf(kaplan2025({ withD: true, period: '2027' })) });
    await better.compare('2026');
    expect(better.getState().view?.lossToProfit).toEqual([{ customer: 'D', name: 'Customer D', before: -36, after: 872, change: 908 }]);
    expect(better.getState().view?.profitToLoss).toEqual([]);
  });

  test('a hand-broken ABC_History shows its issues with their cells and still compares', async () => {
    const history = new KeptHistory();
    await keptThen(history, kaplan2025());
    const broken = error('NOT_A_NUMBER', msg('notANumber', { column: { header: 'Net profit', key: null }, found: '"abc"' }), { range: 'ABC_History', sheet: 'ABC_History', cell: 'H7' });
    history.issues = [broken];
    const controller = pane(history, { now: periodOf(kaplan2026()) });
    await controller.compare('2025');
    expect(controller.getState().issues).toEqual([broken]);
    expect(controller.getState().view?.company.change).toBe(-30500);
    await controller.select(broken);
    expect(history.selected).toEqual([['ABC_History', 'H7']]);
  });

  test('a period no longer kept is named', async () => {
    const history = new KeptHistory();
    const controller = pane(history, { now: periodOf(kaplan2026()) });
    await controller.compare('2024');
    expect(controller.getState().notice).toEqual({ intent: 'warning', text: 'Period 2024 is no longer kept in ABC_History.' });
    expect(controller.getState().view).toBeNull();
  });
});
