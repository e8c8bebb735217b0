/**
 * The model store: publishes reach every subscriber at once, a formula gets nothing (Excel's #BUSY!) until
 * the first model, the store asks for a model instead of reading one, and a formula Excel cancels and calls
 * again (a manual recalculation) asks for a fresh read.
 */
import { profit } from '../../src/functions/abc-functions';
import { type ModelRequests, ModelStore, sharedModelStore } from '../../src/functions/model-store';
import { issueToJson, resultToJson } from '../../src/workbook/result-json';
import { KAPLAN_SHARE, KAPLAN_TIME, ORDER_DESK, analyseSpec } from './models';

/** Counts what the store asks of the side that computes. */
function counting(): ModelRequests & { wanted: jest.Mock; recalculated: jest.Mock } {
  return { wanted: jest.fn(), recalculated: jest.fn() };
}

describe('ModelStore', () => {
  it('gives a formula nothing before the first model (Excel shows #BUSY!), then every publish at once', () => {
    const store = new ModelStore();
    const seen: Array<[string, unknown]> = [];
    store.subscribe((s) => seen.push(['first', profit(s.index, 'A')]));
    expect(seen).toEqual([]);
    store.publish(analyseSpec(KAPLAN_TIME));
    store.subscribe((s) => seen.push(['late', profit(s.index, 'A')]));
    store.publish(analyseSpec(KAPLAN_SHARE));
    // Time-driven: 370,000 − 226,080 = 143,920; conventional: 370,000 − 278,400 = 91,600.
    expect(seen).toEqual([
      ['first', 143920],
      ['late', 143920],
      ['first', 91600],
      ['late', 91600],
    ]);
    expect(store.current?.version).toBe(2);
    expect(store.current?.origin).toBe('published');
  });

  it('stops notifying after unsubscribe, and survives a subscriber that throws', () => {
    const store = new ModelStore();
    const calls: number[] = [];
    store.subscribe(() => {
      throw new Error('broken formula');
    });
    const stop = store.subscribe((s) => calls.push(s.version));
    store.publish(analyseSpec(KAPLAN_TIME));
    stop();
    stop();
    store.publish(analyseSpec(KAPLAN_SHARE));
    expect(calls).toEqual([1]);
    expect(store.subscriberCount).toBe(1);
  });

  it('asks for a model when a formula waits without one: at once when connected, else on connecting', () => {
    const store = new ModelStore();
    store.subscribe(() => undefined);
    const requests = counting();
    store.connect(requests);
    expect(requests.wanted).toHaveBeenCalledTimes(1);
    store.subscribe(() => undefined);
    expect(requests.wanted).toHaveBeenCalledTimes(2);
    store.publish(analyseSpec(KAPLAN_TIME));
    store.subscribe(() => undefined);
    expect(requests.wanted).toHaveBeenCalledTimes(2);
    expect(requests.recalculated).not.toHaveBeenCalled();
  });

  it('takes a formula cancelled and called again with the same arguments as a manual recalculation', () => {
    const store = new ModelStore();
    const requests = counting();
    store.connect(requests);
    store.publish(analyseSpec(KAPLAN_TIME));
    const stopA = store.subscribe(() => undefined, '["PROFIT","A"]');
    const stopB = store.subscribe(() => undefined, '["PROFIT","B"]');
    // Ctrl+Alt+F9: Excel cancels every streaming formula and calls each again.
    stopA();
    stopB();
    store.subscribe(() => undefined, '["PROFIT","A"]');
    store.subscribe(() => undefined, '["PROFIT","B"]');
    expect(requests.recalculated).toHaveBeenCalledTimes(2);
    // An argument changed: the new call is another formula, not a recalculation.
    const stopC = store.subscribe(() => undefined, '["PROFIT","C"]');
    stopC();
    store.subscribe(() => undefined, '["PROFIT","D"]');
    expect(requests.recalculated).toHaveBeenCalledTimes(2);
    // A formula deleted, a new model, then the same formula typed again: new, not a recalculation.
    const stopE = store.subscribe(() => undefined, '["RATE","Inside sales"]');
    stopE();
    store.publish(analyseSpec(KAPLAN_SHARE));
    store.subscribe(() => undefined, '["RATE","Inside sales"]');
    expect(requests.recalculated).toHaveBeenCalledTimes(2);
  });

  it('shows a failed read as #VALUE! until the next publish', () => {
    const store = new ModelStore();
    const values: unknown[] = [];
    store.subscribe((s) => values.push(profit(s.index, 'A')));
    store.fail('Could not read the model from the workbook (Excel is busy). Open the ABC pane and press Refresh.');
    store.publish(analyseSpec(KAPLAN_TIME));
    expect(values).toEqual([
      { kind: 'value', message: 'Could not read the model from the workbook (Excel is busy). Open the ABC pane and press Refresh.' },
      143920,
    ]);
    expect(store.current?.origin).toBe('published');
  });

  it('takes the plain JSON result the task pane gets from its worker, errors included', () => {
    const store = new ModelStore();
    const values: unknown[] = [];
    store.subscribe((s) => values.push(profit(s.index, 'A')));
    const time = analyseSpec(KAPLAN_TIME);
    if (time.result === null) throw new Error('no result');
    store.publishJson(structuredClone({ issues: time.issues, json: resultToJson({ issues: time.issues, result: time.result }) }));
    const broken = analyseSpec({ ...ORDER_DESK, pools: [] });
    store.publishJson({ issues: broken.issues.map(issueToJson), json: null });
    const errors = broken.issues.filter((i) => i.severity === 'error');
    expect(values).toEqual([
      143920,
      {
        kind: 'value',
        message: `The model has errors. At Activities!A2 (ABC_Activities): ${errors[0]?.message} ${errors.length - 1} more errors: see the ABC pane.`,
      },
    ]);
  });

  it('is one store per runtime, whichever bundle asks', () => {
    expect(sharedModelStore()).toBe(sharedModelStore());
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('customer-profitability-abc.model-store')]).toBe(sharedModelStore());
  });
});
