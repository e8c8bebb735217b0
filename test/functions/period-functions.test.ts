/**
 * ABC.PROFIT with a period and ABC.CHANGE on Kaplan's department over two periods
 * (test/helpers/kaplan-kept.ts): A's change 3,627 = revenue 10,000 − COGS 6,000 − volume 320 − rate 53,
 * per activity and with Dutch part names; the kept periods come through the store from an injected reader,
 * read once per model when a formula first asks (busy until then) and again after a period is kept; the
 * pane's JSON model fetches this period's exact figures the same way. Errors as the other functions give them.
 */
import { figuresOfResult } from '../../src/engine/compare/figures';
import type { KeptPeriods } from '../../src/engine/compare/kept-periods';
import type { CostingResult } from '../../src/engine/result';
import { type FunctionValue, excelErrorText, isFunctionError } from '../../src/functions/function-result';
import { ModelStore, type ModelSnapshot } from '../../src/functions/model-store';
import { change, profitIn } from '../../src/functions/period-functions';
import { periodFiguresFromJson, periodFiguresToJson } from '../../src/workbook/period-figures-json';
import { resultToJson } from '../../src/workbook/result-json';
import { kaplan2025, kaplan2026 } from '../helpers/kaplan-kept';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function keptOf(...results: CostingResult[]): KeptPeriods {
  const figures = results.map(figuresOfResult);
  return { periods: new Map(figures.map((f) => [f.label ?? '', f])), order: figures.map((f) => f.label ?? ''), issues: [] };
}

/** An answer as a cell shows it: the number, or the error's Excel text and message. */
const shown = (v: FunctionValue): number | string => (isFunctionError(v) ? `${excelErrorText(v.kind)} ${v.message}` : (v as number));

/** A store with this period (2026) published and a history reader counting its reads. */
function storeWith(kept: () => KeptPeriods): { store: ModelStore; reads: () => number; now: () => ModelSnapshot } {
  const store = new ModelStore();
  let reads = 0;
  store.connectHistory(async () => {
    reads += 1;
    return kept();
  });
  store.publish({ issues: [], result: kaplan2026() });
  const now = (): ModelSnapshot => {
    const s = store.current;
    if (s === null) throw new Error('nothing published');
    return s;
  };
  return { store, reads: () => reads, now };
}

describe('ABC.CHANGE and ABC.PROFIT with a period', () => {
  test('A\'s change and its parts, per activity and in Dutch; B and new C; ABC.PROFIT then and now', async () => {
    const { reads, now } = storeWith(() => keptOf(kaplan2025()));
    const ch = (...args: unknown[]): number | string => shown(change(now().index, now().kept, args[0], args[1], args[2]));
    const pr = (...args: unknown[]): number | string => shown(profitIn(now().index, now().kept, args[0], args[1]));
    // Busy (#BUSY!, nothing set) until ABC_History is read.
    expect(ch('A')).toBe('#BUSY! ABC_History is being read.');
    await settle();
    expect(ch('A')).toBe(3627);
    expect(['revenue', 'discounts', 'cogs', 'activityVolume', 'activityRate', 'unusedCapacity', 'directCosts'].map((p) => ch('A', p))).toEqual([10000, 0, -6000, -320, -53, 0, 0]);
    expect(['Omzet', 'kostprijs van de omzet', 'volume', 'TARIEF', 'directe kosten'].map((p) => ch('A', p))).toEqual([10000, -6000, -320, -53, 0]);
    expect(['Process customer orders', 'handle customer inquiries', 'Perform credit checks'].map((p) => ch('A', p))).toEqual([-380, 12, -5]);
    expect([ch('B'), ch('B', 'activityRate'), ch('C'), ch('C', 'revenue'), ch('a', null, 2025)]).toEqual([-76.5, -76.5, 432, 1000, 3627]);
    expect([pr('A', 2025), pr('A', '2025'), pr('B', '2025'), pr('A'), pr('A', null)]).toEqual([38928, 38928, 18504, 42555, 42555]);
    // This model's own period, not kept: its own figures.
    expect(pr('C', '2026')).toBe(432);
    expect(reads()).toBe(1);
  });

  test('errors: an unknown customer or period is #N/A with the reason, an unknown part #VALUE!', async () => {
    const { now } = storeWith(() => keptOf(kaplan2025()));
    const ch = (...args: unknown[]): number | string => shown(change(now().index, now().kept, args[0], args[1], args[2]));
    const pr = (...args: unknown[]): number | string => shown(profitIn(now().index, now().kept, args[0], args[1]));
    now().kept?.current();
    await settle();
    expect(ch('Z')).toBe('#N/A Unknown customer "Z": neither ABC_Customers nor period 2025 of ABC_History has it.');
    expect(ch('A', null, '2024')).toBe('#N/A Period 2024 is not kept in ABC_History; it keeps 2025.');
    expect(pr('C', '2025')).toBe('#N/A Customer "C" is not in period 2025 of ABC_History.');
    expect(pr('A', 'Budget')).toBe('#N/A Period Budget is not kept in ABC_History; it keeps 2025.');
    expect(ch('A', 'margin')).toMatch(/^#VALUE! Unknown part "margin": give one of revenue, discounts, cogs, activityVolume, activityRate, unusedCapacity, directCosts \(in Dutch omzet, /);
    expect(ch('')).toBe('#VALUE! Give a customer id of ABC_Customers.');
  });

  test('by default the last kept period that is not this one; a budget by its label; read again after a period is kept', async () => {
    // The budget had A at 90,000 revenue: 28,928 net profit, so 13,627 more now.
    const budget = kaplan2025({ period: 'Budget', changes: { revenueA: 90000 } });
    let kept = keptOf(budget);
    const { store, reads, now } = storeWith(() => kept);
    const ch = (...args: unknown[]): number | string => shown(change(now().index, now().kept, args[0], args[1], args[2]));
    now().kept?.current();
    await settle();
    // Only the budget is kept: it is the default.
    expect([ch('A'), ch('A', null, 'budget'), ch('A', 'revenue')]).toEqual([13627, 13627, 20000]);
    kept = keptOf(budget, kaplan2025(), kaplan2026());
    store.historyChanged();
    expect(ch('B')).toBe('#BUSY! ABC_History is being read.');
    await settle();
    // 2026 is this period: the default is 2025, the last other one.
    expect([ch('B'), ch('A'), ch('A', null, 'Budget'), ch('A', null, '2026')]).toEqual([-76.5, 3627, 13627, 0]);
    expect(reads()).toBe(2);
  });

  test('without a reader of ABC_History the functions say no periods are kept; a model with errors gives its error', () => {
    const store = new ModelStore();
    store.publish({ issues: [], result: kaplan2026() });
    const s = store.current as ModelSnapshot;
    expect(shown(change(s.index, s.kept, 'A'))).toBe('#N/A This workbook keeps no periods: open the ABC pane and press Keep period.');
    store.fail('The workbook could not be read.');
    const failed = store.current as ModelSnapshot;
    expect(shown(change(failed.index, failed.kept, 'A'))).toBe('#VALUE! The workbook could not be read.');
  });

  test('the pane\'s JSON model fetches this period\'s exact figures once, when ABC.CHANGE first asks; formulas hear the answer', async () => {
    const store = new ModelStore();
    store.connectHistory(() => keptOf(kaplan2025()));
    const result = kaplan2026();
    let fetched = 0;
    const heard: Array<number | string> = [];
    store.subscribe((s) => heard.push(shown(change(s.index, s.kept, 'A', 'Handle customer inquiries'))));
    store.publishJson({
      issues: [],
      json: resultToJson({ issues: [], result }),
      figures: async () => {
        fetched += 1;
        return periodFiguresFromJson(structuredClone(periodFiguresToJson(figuresOfResult(result))));
      },
    });
    await settle();
    expect(heard).toEqual(['#BUSY! This period\'s figures are being fetched.', 12]);
    expect(fetched).toBe(1);
  });
});
