/**
 * The feed's retry after a read Excel did not answer: formulas waiting for a model are not left waiting
 * for ever, and a model already fresh is not read again.
 */
import { type FeedTimers, ModelFeed } from '../../src/functions/model-feed';

/** Timers under the test's control: `advance(ms)` runs what is due. */
function manualTimers(): FeedTimers & { advance(ms: number): void } {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        pending.delete(id);
        t.callback();
      }
    },
  };
}

describe('a read that failed for a passing reason', () => {
  it('is tried again after the retry wait, and only while the model is not fresh', async () => {
    const timers = manualTimers();
    const feed = new ModelFeed(500, timers, 30_000);
    let reads = 0;
    let answer: 'hang' | 'ok' = 'hang';
    feed.connect(() =>
      feed.track(async () => {
        reads++;
        if (answer === 'hang') throw new Error('timeout');
      }),
    );
    feed.wanted();
    timers.advance(500);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(1);
    expect(feed.fresh).toBe(false);

    feed.retryLater();
    timers.advance(29_999);
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(1);
    answer = 'ok';
    timers.advance(1);
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(2);
    expect(feed.fresh).toBe(true);

    // Fresh: a retry asked for now reads nothing.
    feed.retryLater();
    timers.advance(60_000);
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(2);
  });
});
