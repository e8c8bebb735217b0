/**
 * The Excel-facing layer with a stand-in for the CustomFunctions runtime: streaming results follow the
 * published model, errors become CustomFunctions.Error values, and a cancelled formula unsubscribes.
 */
import { activityCost, cost, margin, profit } from '../../src/functions/functions';
import { sharedModelStore } from '../../src/functions/model-store';
import { KAPLAN_SHARE, KAPLAN_TIME, ORDER_DESK, analyseSpec } from './models';

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
  };
});

function invocation() {
  const inv = {
    results: [] as unknown[],
    setResult(value: unknown) {
      inv.results.push(value);
    },
    onCanceled: () => undefined as void,
  };
  return inv as typeof inv & CustomFunctions.StreamingInvocation<number>;
}

describe('streaming ABC functions', () => {
  const store = sharedModelStore();

  it('set a new result on every publish that changes it, and stop when Excel cancels them', () => {
    store.publish(analyseSpec(KAPLAN_TIME));
    const orders = invocation();
    const unknown = invocation();
    const before = store.subscriberCount;
    activityCost('Process customer orders', 'A', orders);
    profit('Nobody', null, unknown);
    expect(store.subscriberCount).toBe(before + 2);
    expect(orders.results).toEqual([192000]);
    expect(unknown.results).toEqual([new FakeError('#N/A', 'Unknown customer "Nobody": ABC_Customers has no such customer id.')]);

    store.publish(analyseSpec(KAPLAN_SHARE));
    expect(orders.results).toEqual([192000, 240000]);
    // The unknown customer is still unknown: the same error is not set again.
    expect(unknown.results).toHaveLength(1);

    store.publish(analyseSpec(KAPLAN_SHARE));
    expect(orders.results).toEqual([192000, 240000]);

    orders.onCanceled();
    unknown.onCanceled();
    expect(store.subscriberCount).toBe(before);
    store.publish(analyseSpec(KAPLAN_TIME));
    expect(orders.results).toHaveLength(2);
  });

  it('map errors to #VALUE!, #N/A and #DIV/0! (the last without a message, as Excel requires)', () => {
    store.publish(analyseSpec(ORDER_DESK));
    const zero = invocation();
    margin('Z-9', zero);
    expect(zero.results).toEqual([new FakeError('#DIV/0!')]);
    const quote = invocation();
    cost('Order entry', [['Orders', 'Order lines', 'Rush orders']], [[1, 12, 1]], quote);
    expect(quote.results).toEqual([42.5]);
    store.publish(analyseSpec({ ...ORDER_DESK, pools: [] }));
    expect(quote.results[1]).toBeInstanceOf(FakeError);
    expect((quote.results[1] as FakeError).code).toBe('#VALUE!');
    expect((quote.results[1] as FakeError).message).toMatch(/^The model has errors\. At Activities!A2 \(ABC_Activities\): /);
    zero.onCanceled();
    quote.onCanceled();
  });
});
