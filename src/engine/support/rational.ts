/**
 * Exact fractions over BigInt, for the support stage. Support pools that serve each other form a system
 * of simultaneous equations; solved in decimals (even at 40 digits) a share such as 1/3 would leave a
 * residue, and the controller could not reconcile the cost passed on to the cent. In fractions every
 * step of the elimination is exact, so the only rounding is the one to cents at the end.
 */
import { type Dec, dec } from '../decimal';

/** The greatest common divisor of two non-negative integers (Euclid). */
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * An exact fraction `num / den`, always in lowest terms with a positive denominator, so two equal
 * fractions have equal parts and `equals` is a comparison of two integers each.
 */
export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  /** `num / den` in lowest terms; throws on a zero denominator, which would be a bug of the caller. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new Error('Rational: division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(abs(num), den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  /**
   * A decimal exactly: a finite `Dec` is `digits / 10^k`. Its plain notation (`toFixed()` without places
   * never rounds and never writes an exponent) is read digit by digit, so nothing passes through a double.
   */
  static fromDec(value: Dec): Rational {
    if (!value.isFinite()) throw new Error(`Rational: ${value.toString()} is not finite`);
    const text = value.toFixed();
    const negative = text.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
    const digits = BigInt(whole + fraction);
    return Rational.of(negative ? -digits : digits, 10n ** BigInt(fraction.length));
  }

  add(other: Rational): Rational {
    // Same denominators (shares of one pool, amounts in cents) skip the cross products.
    if (this.den === other.den) return Rational.of(this.num + other.num, this.den);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** Throws on division by zero: callers check a pivot or a sum before dividing by it. */
  div(other: Rational): Rational {
    if (other.num === 0n) throw new Error('Rational: division by zero');
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** -1, 0 or 1 as this is below, equal to or above `other`. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /**
   * The decimal this fraction is, or null when it has none (its denominator has a prime factor other
   * than 2 and 5, as 1/3 does). `num / (2^a·5^b)` = `num·2^(k-a)·5^(k-b) / 10^k` with k = max(a, b).
   */
  toDecExact(): Dec | null {
    let rest = this.den;
    let twos = 0;
    let fives = 0;
    while (rest % 2n === 0n) {
      rest /= 2n;
      twos++;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives++;
    }
    if (rest !== 1n) return null;
    const places = Math.max(twos, fives);
    const scaled = this.num * 2n ** BigInt(places - twos) * 5n ** BigInt(places - fives);
    return decimalOf(scaled, places);
  }

  /**
   * The decimal nearest to this fraction with `places` decimals, a tie rounded away from zero (as the
   * engine's decimals and Excel's ROUND do). Correctly rounded: the division is done in integers, once.
   */
  toDecimalPlaces(places: number): Dec {
    const scaled = abs(this.num) * 10n ** BigInt(places);
    const quotient = scaled / this.den;
    const twiceRemainder = 2n * (scaled - quotient * this.den);
    const rounded = twiceRemainder >= this.den ? quotient + 1n : quotient;
    return decimalOf(this.num < 0n ? -rounded : rounded, places);
  }

  /** Exactly when the fraction is a decimal of at most `places` decimals, otherwise rounded to `places`. */
  toDec(places: number): Dec {
    const exact = this.toDecExact();
    return exact !== null && exact.decimalPlaces() <= places ? exact : this.toDecimalPlaces(places);
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num.toString()}/${this.den.toString()}`;
  }
}

/** The decimal `int / 10^places`, written as text so decimal.js reads it without a double in between. */
function decimalOf(int: bigint, places: number): Dec {
  if (places === 0) return dec(int.toString());
  const negative = int < 0n;
  const digits = abs(int).toString().padStart(places + 1, '0');
  const text = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return dec(negative ? `-${text}` : text);
}

/** 0 and 1, shared. */
export const R_ZERO = Rational.of(0n);
export const R_ONE = Rational.of(1n);

/** The sum of fractions (0 for none). */
export function rationalSum(values: Iterable<Rational>): Rational {
  let total = R_ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
