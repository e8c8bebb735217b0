/**
 * The fast paths of decimal.ts against decimal.js's own: `fromScaled` builds a decimal's digit words
 * directly instead of parsing `int e-scale`, and `sum` adds an array as scaled whole numbers while that is
 * exact; `toNumber` divides the scaled integer instead of formatting a string. All must give decimal.js's value exactly — the same digits, exponent and sign, so every later
 * operation and its rounding are the same.
 */
import fc from 'fast-check';
import { type Dec, dec, fromScaled, roundCents, sum, toNumber, ZERO } from '../../src/engine/decimal';

/** decimal.js's representation (documented: digits in base-1e7 words, exponent, sign). */
function parts(d: Dec): unknown {
  const { d: digits, e, s } = d as unknown as { d: number[]; e: number; s: number };
  return [digits, e, s];
}

function parsed(int: number, scale: number): Dec {
  return int === 0 ? dec(0) : scale === 0 ? dec(int) : dec(`${int}e-${scale}`);
}

const safeInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(1e7, 1e7 - 1, 1e7 + 1, 1e14, 1e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 4_500_000, 700),
  fc.integer({ min: 0, max: 15 }).chain((digits) => fc.integer({ min: -(10 ** digits), max: 10 ** digits })),
);

describe('fromScaled', () => {
  test('gives exactly the decimal that parsing int e-scale gives, for every safe integer and scale 0 to 22', () => {
    fc.assert(
      fc.property(safeInt, fc.integer({ min: 0, max: 22 }), (int, scale) => {
        const fast = fromScaled(int, scale);
        const slow = parsed(int, scale);
        expect(parts(fast)).toEqual(parts(slow));
        expect(fast.toString()).toBe(slow.toString());
        expect(fast.plus(1).toString()).toBe(slow.plus(1).toString());
        expect(fast.times(3).toString()).toBe(slow.times(3).toString());
      }),
      { numRuns: 5000 },
    );
  });
});

describe('toNumber', () => {
  test("gives decimal.js's own double for every decimal, short or long", () => {
    const longDecimal = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 45 })).map(([int, scale]) => dec(`${int}e-${scale}`));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(safeInt, fc.integer({ min: 0, max: 24 })).map(([int, scale]) => parsed(int, scale)), longDecimal), (value) => {
        expect(Object.is(toNumber(value), value.toNumber())).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(Object.is(toNumber(dec('-0')), -0)).toBe(true);
    expect(toNumber(dec('0.1'))).toBe(0.1);
    expect(toNumber(dec('1234567.89'))).toBe(1234567.89);
  });
});

describe('roundCents', () => {
  test('equals rounding half away from zero to two places, for amounts in cents and beyond', () => {
    fc.assert(
      fc.property(fc.tuple(safeInt, fc.integer({ min: 0, max: 24 })).map(([int, scale]) => parsed(int, scale)), (value) => {
        const slow = value.toDecimalPlaces(2, 4 /* decimal.js ROUND_HALF_UP */);
        expect(roundCents(value).toString()).toBe(slow.toString());
        expect(roundCents(value).isNegative()).toBe(slow.isNegative());
      }),
      { numRuns: 5000 },
    );
    expect(roundCents(dec('-0.004')).toString()).toBe('0');
    expect(roundCents(dec('2.675')).toString()).toBe('2.68');
    expect(roundCents(dec('-2.675')).toString()).toBe('-2.68');
    expect(roundCents(dec('1234.5')).toString()).toBe('1234.5');
  });
});

describe('sum', () => {
  const value = fc.oneof(
    fc.constantFrom('0.1', '1e-7', '1e-23', '-0', '0', '1000000000000', '9007199254740991', '-9007199254740991', '0.30000000000000004'),
    fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 12 })).map(([i, s]) => `${i}e-${s}`),
  );

  test('of an array equals adding the decimals one by one, exactly', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (texts) => {
        const values = texts.map((t) => dec(t));
        const slow = values.reduce((a, b) => a.plus(b), ZERO);
        const fast = sum(values);
        expect(fast.eq(slow)).toBe(true);
        expect(fast.toString()).toBe(slow.toString());
      }),
      { numRuns: 3000 },
    );
  });
});
