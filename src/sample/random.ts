/**
 * A small seeded pseudo-random generator for the sample model.
 *
 * The task pane and the Node runner must build the very same sample from the same seed, in any
 * JavaScript engine. Math.random cannot be seeded, and Math.log, Math.exp, Math.cos and Math.pow may
 * differ in the last bit between engines, so everything here uses only integer operations and the
 * correctly rounded operations of IEEE 754 (+, −, ×, ÷, sqrt, floor).
 */

/** A seeded source of numbers in [0, 1), with the few distributions the sample needs. */
export class Random {
  private state: number;

  /** Starts the sequence for `seed` (any integer; only its low 32 bits count). */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next number in [0, 1): the mulberry32 mixer over a Weyl sequence, 32 bits of output. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Random.pick needs a non-empty list');
    return item;
  }

  /** One element, chosen with the given relative weights. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('Random.weighted needs a non-empty list');
    return last[0];
  }

  /**
   * A whole count with mean `mean` (≥ 0): the integer part plus one more with the probability of the
   * fraction, then spread by ±30 % so that customers of one profile still differ.
   */
  count(mean: number): number {
    const spread = mean * (1 + 0.3 * (this.next() * 2 - 1));
    const whole = Math.floor(spread);
    return whole + (this.chance(spread - whole) ? 1 : 0);
  }

  /** Number of successes in `n` trials of probability `p` (exact for the small n used here). */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** Shuffles a copy of the list (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }
}
