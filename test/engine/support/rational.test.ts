import fc from 'fast-check';
import { dec } from '../../../src/engine/decimal';
import { R_ONE, R_ZERO, Rational, rationalSum } from '../../../src/engine/support/rational';

const r = (n: number, d = 1): Rational => Rational.of(BigInt(n), BigInt(d));

describe('Rational', () => {
  it('keeps lowest terms and a positive denominator', () => {
    expect(r(6, -8).toString()).toBe('-3/4');
    expect(r(0, -5).equals(R_ZERO)).toBe(true);
    expect(r(10, 5).toString()).toBe('2');
    expect(() => r(1, 0)).toThrow('division by zero');
  });

  it('adds, subtracts, multiplies, divides and compares exactly', () => {
    expect(r(1, 3).add(r(1, 6)).toString()).toBe('1/2');
    expect(r(1, 3).sub(r(1, 2)).toString()).toBe('-1/6');
    expect(r(2, 3).mul(r(9, 4)).toString()).toBe('3/2');
    expect(r(2, 3).div(r(-4, 9)).toString()).toBe('-3/2');
    expect(() => R_ONE.div(R_ZERO)).toThrow('division by zero');
    expect(r(1, 3).compare(r(333, 1000))).toBe(1);
    expect(r(-1, 3).compare(r(-1, 3))).toBe(0);
    expect(r(-1, 2).sign()).toBe(-1);
    expect(rationalSum([r(1, 2), r(1, 3), r(1, 6)]).equals(R_ONE)).toBe(true);
  });

  it('reads a decimal exactly, however small or large', () => {
    expect(Rational.fromDec(dec('0.35')).toString()).toBe('7/20');
    expect(Rational.fromDec(dec('-7260')).toString()).toBe('-7260');
    expect(Rational.fromDec(dec('1e-30')).toString()).toBe(`1/1${'0'.repeat(30)}`);
    expect(Rational.fromDec(dec('1.5e12')).toString()).toBe('1500000000000');
  });

  it('writes a decimal exactly when the denominator has only the factors 2 and 5', () => {
    expect(r(7, 20).toDecExact()?.toString()).toBe('0.35');
    expect(r(-1, 64).toDecExact()?.toString()).toBe('-0.015625');
    expect(r(1, 3).toDecExact()).toBeNull();
    expect(r(1, 3).toDec(4).toString()).toBe('0.3333');
    expect(r(1, 64).toDec(4).toString()).toBe('0.0156');
  });

  it('rounds to places correctly, a tie away from zero', () => {
    expect(r(2, 3).toDecimalPlaces(2).toString()).toBe('0.67');
    expect(r(1, 8).toDecimalPlaces(2).toString()).toBe('0.13');
    expect(r(-1, 8).toDecimalPlaces(2).toString()).toBe('-0.13');
    expect(r(10903, 7).toDecimalPlaces(2).toString()).toBe('1557.57');
  });

  it('round-trips decimals and agrees with decimal arithmetic on them', () => {
    const cents = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const da = dec(a).dividedBy(100);
        const db = dec(b).dividedBy(1000);
        const ra = Rational.fromDec(da);
        const rb = Rational.fromDec(db);
        expect(ra.toDecExact()?.equals(da)).toBe(true);
        expect(ra.add(rb).toDecExact()?.toString()).toBe(da.plus(db).toString());
        expect(ra.mul(rb).toDecExact()?.toString()).toBe(da.times(db).toString());
        if (b !== 0) expect(ra.div(rb).toDecimalPlaces(10).toString()).toBe(da.dividedBy(db).toDecimalPlaces(10).toString());
      }),
      { numRuns: 200 },
    );
  });
});
