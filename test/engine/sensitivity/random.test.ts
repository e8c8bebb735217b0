/** The seeded draws: reproducible, uniform on [0, 1) in steps of 2⁻³², and the triangular inverse CDF on paper. */
import { seededUniform, triangular } from '../../../src/engine/sensitivity/random';

describe('seededUniform', () => {
  it('gives the same sequence for a seed and another for another seed', () => {
    const take = (seed: number) => {
      const next = seededUniform(seed);
      return Array.from({ length: 50 }, next);
    };
    expect(take(42)).toEqual(take(42));
    expect(take(43)).not.toEqual(take(42));
  });

  it('is uniform on [0, 1) in whole steps of 2⁻³²', () => {
    const next = seededUniform(20260101);
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let mean = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = next();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 32))) outside++;
      else bins[Math.floor(u * 10)]! += 1;
      mean += u / n;
    }
    expect(outside).toBe(0);
    // Standard error of the mean 0.29 / √n ≈ 0.0009; of a tenth's count √(n × 0.09) ≈ 95.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(500);
  });
});

describe('triangular', () => {
  const cdf = (low: number, mode: number, high: number, x: number) =>
    x <= mode ? (x - low) ** 2 / ((high - low) * (mode - low)) : 1 - (high - x) ** 2 / ((high - low) * (high - mode));

  it('is the inverse of the triangular CDF, on both sides of the mode', () => {
    for (const x of [0.5, 2, 4.999, 5, 7, 9.5]) expect(triangular(0, 5, 10, cdf(0, 5, 10, x))).toBeCloseTo(x, 9);
    for (const x of [1.2, 2.5, 3.9]) expect(triangular(1, 1.5, 4, cdf(1, 1.5, 4, x))).toBeCloseTo(x, 9);
  });

  it('reaches Low at 0, stays below High, and handles a mode at either end', () => {
    expect(triangular(2, 3, 7, 0)).toBe(2);
    expect(triangular(2, 3, 7, 0.999999)).toBeLessThan(7);
    expect(triangular(2, 2, 7, 0.5)).toBeCloseTo(7 - Math.sqrt(0.5 * 25), 12);
    expect(triangular(2, 7, 7, 0.5)).toBeCloseTo(2 + Math.sqrt(0.5 * 25), 12);
  });

  it('gives the value itself, exactly, for a range of zero width', () => {
    expect(triangular(0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2, 0.7)).toBe(0.1 + 0.2);
  });
});
