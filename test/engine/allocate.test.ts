import fc from 'fast-check';
import { allocateByWeights, allocateCents } from '../../src/engine/allocate';
import { dec, sum } from '../../src/engine/decimal';

const cents = (values: Array<{ toFixed(dp: number): string }>) => values.map((v) => v.toFixed(2));

describe('allocateCents (largest remainder)', () => {
  it('splits 100.00 in three as 33.34 / 33.33 / 33.33, the first tie first', () => {
    const third = dec(100).dividedBy(3);
    expect(cents(allocateCents(dec(100), [third, third, third]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives the left-over cent to the largest remainder, not the largest part', () => {
    // exact 10.004 / 0.006 / 9.990 = 20.000
    expect(cents(allocateCents(dec(20), [dec('10.004'), dec('0.006'), dec('9.99')]))).toEqual(['10.00', '0.01', '9.99']);
  });

  it('handles negative parts (over-used capacity)', () => {
    expect(cents(allocateCents(dec(100), [dec('120.004'), dec('-20.004')]))).toEqual(['120.00', '-20.00']);
    expect(cents(allocateCents(dec('100.01'), [dec('120.006'), dec('-20.004')]))).toEqual(['120.01', '-20.00']);
  });

  it('refuses a total that is not in whole cents', () => {
    expect(() => allocateCents(dec('1.005'), [dec(1)])).toThrow('not in whole cents');
  });

  const part = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => dec(n).dividedBy(1000));

  it('always adds up to the total and moves no part by a cent or more', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 40 }), (parts) => {
        const exact = sum(parts);
        const total = exact.toDecimalPlaces(2);
        const out = allocateCents(total, parts);
        expect(sum(out).eq(total)).toBe(true);
        out.forEach((o, i) => {
          expect(o.times(100).isInteger()).toBe(true);
          expect(o.minus(parts[i]!).abs().lessThan(dec('0.01'))).toBe(true);
        });
      }),
    );
  });

  it('splits by weights to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (totalCents, weights) => {
          const total = dec(totalCents).dividedBy(100);
          const out = allocateByWeights(total, weights.map((w) => dec(w)));
          expect(sum(out).eq(total)).toBe(true);
          out.forEach((o) => expect(o.isNegative()).toBe(false));
        },
      ),
    );
  });
});
