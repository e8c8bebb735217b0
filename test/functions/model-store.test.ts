/**
 * The model store: publishes reach every subscriber at once, a read of the workbook happens once however
 * many formulas ask, and nothing older ever replaces a newer model.
 */
import { profit } from '../../src/functions/abc-functions';
import { type ModelSnapshot, type ModelSource, ModelStore, sharedModelStore } from '../../src/functions/model-store';
import type { ContractRangeName } from '../../src/workbook/contract';
import type { RangeGrid } from '../../src/workbook/grid';
import { issueToJson, resultToJson } from '../../src/workbook/result-json';
import { KAPLAN_SHARE, KAPLAN_TIME, ORDER_DESK, analyseSpec } from './models';

type Grids = ReadonlyMap<ContractRangeName, RangeGrid>;

/** A source whose read the test resolves by hand, counting reads. */
function manualSource() {
  const pending: Array<{ resolve: (g: Grids) => void; reject: (e: Error) => void }> = [];
  const source: ModelSource & { reads: number } = {
    reads: 0,
    readGrids() {
      source.reads += 1;
      return new Promise<Grids>((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
  return { source, pending };
}

const EMPTY_GRIDS: Grids = new Map();
/** Stands in for analyseWorkbook: the grids do not matter, the analysis is the given spec's. */
const analyseAs = (spec: typeof KAPLAN_TIME) => () => analyseSpec(spec);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ModelStore', () => {
  it('notifies every subscriber of a publish with the new model and a higher version', () => {
    const store = new ModelStore();
    const seen: Array<[string, unknown]> = [];
    store.subscribe((s) => seen.push(['first', profit(s.index, 'A')]));
    store.publish(analyseSpec(KAPLAN_TIME));
    store.subscribe((s) => seen.push(['late', profit(s.index, 'A')]));
    store.publish(analyseSpec(KAPLAN_SHARE));
    // Before any publish (and with no workbook to read) the first formula is told to refresh.
    // Time-driven: 370,000 − 226,080 = 143,920; conventional: 370,000 − 278,400 = 91,600.
    expect(seen).toEqual([
      ['first', { kind: 'value', message: 'No model yet: open the ABC pane and press Refresh.' }],
      ['first', 143920],
      ['late', 143920],
      ['first', 91600],
      ['late', 91600],
    ]);
    expect(store.current?.version).toBe(3);
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
    // Version 1 is the "no model yet" answer, version 2 the publish; version 3 came after unsubscribing.
    expect(calls).toEqual([1, 2]);
    expect(store.subscriberCount).toBe(1);
  });

  it('reads and computes the model from the source exactly once for many first formulas', async () => {
    const { source, pending } = manualSource();
    let analyses = 0;
    const store = new ModelStore(source, () => {
      analyses += 1;
      return analyseSpec(KAPLAN_TIME);
    });
    const seen: ModelSnapshot[] = [];
    for (let i = 0; i < 50; i++) store.subscribe((s) => seen.push(s));
    const ready = store.whenReady();
    expect(source.reads).toBe(1);
    expect(seen).toEqual([]);
    pending[0]?.resolve(EMPTY_GRIDS);
    const snapshot = await ready;
    expect(snapshot.origin).toBe('read');
    expect(profit(snapshot.index, 'C')).toBe(-4680);
    expect(seen).toHaveLength(50);
    expect(seen.every((s) => s === snapshot)).toBe(true);
    store.subscribe(() => undefined);
    await store.whenReady();
    expect(source.reads).toBe(1);
    expect(analyses).toBe(1);
  });

  it('drops a read that finishes after a publish, so no formula goes back to an older model', async () => {
    const { source, pending } = manualSource();
    const store = new ModelStore(source, analyseAs(KAPLAN_TIME));
    const values: unknown[] = [];
    store.subscribe((s) => values.push(profit(s.index, 'A')));
    store.publish(analyseSpec(KAPLAN_SHARE));
    pending[0]?.resolve(EMPTY_GRIDS);
    await flush();
    expect(values).toEqual([91600]);
    expect(store.current?.origin).toBe('published');
    expect((await store.whenReady()).version).toBe(1);
  });

  it('reports a failed read as #VALUE! and reads again for the next formula', async () => {
    const { source, pending } = manualSource();
    const store = new ModelStore(source, analyseAs(KAPLAN_TIME));
    const values: unknown[] = [];
    store.subscribe((s) => values.push(profit(s.index, 'A')));
    pending[0]?.reject(new Error('Excel is busy'));
    await flush();
    expect(values).toEqual([
      { kind: 'value', message: 'Could not read the model from the workbook (Excel is busy). Open the ABC pane and press Refresh.' },
    ]);
    const again = store.whenReady();
    expect(source.reads).toBe(2);
    pending[1]?.resolve(EMPTY_GRIDS);
    expect((await again).origin).toBe('read');
    expect(values[1]).toBe(143920);
  });

  it('asks for a refresh when no source is connected', async () => {
    const store = new ModelStore();
    const snapshot = await store.whenReady();
    expect(snapshot.index).toEqual({ status: 'unavailable', error: { kind: 'value', message: 'No model yet: open the ABC pane and press Refresh.' } });
    store.setSource({ readGrids: async () => EMPTY_GRIDS });
    store.publish(analyseSpec(KAPLAN_TIME));
    expect(profit((await store.whenReady()).index, 'B')).toBe(92880);
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
    expect(values.slice(1)).toEqual([
      143920,
      {
        kind: 'value',
        message: `The model has errors. At Activities!A2 (ABC_Activities): ${errors[0]?.message} ${errors.length - 1} more errors: see the ABC pane.`,
      },
    ]);
  });

  it('reads the workbook for formulas that ran before the source was connected', async () => {
    const store = new ModelStore(null, analyseAs(KAPLAN_TIME));
    const values: unknown[] = [];
    store.subscribe((s) => values.push(profit(s.index, 'B')));
    const { source, pending } = manualSource();
    store.setSource(source);
    expect(source.reads).toBe(1);
    pending[0]?.resolve(EMPTY_GRIDS);
    await flush();
    expect(values).toEqual([{ kind: 'value', message: 'No model yet: open the ABC pane and press Refresh.' }, 92880]);
  });

  it('is one store per runtime, whichever bundle asks', () => {
    expect(sharedModelStore()).toBe(sharedModelStore());
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('customer-profitability-abc.model-store')]).toBe(sharedModelStore());
  });
});
