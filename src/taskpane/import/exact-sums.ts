/**
 * Running sums per (customer, driver) cell, exact: each cell is an integer count of 10^-scale units in a
 * Float64Array while that count is a safe integer, and a BigInt from the first addition that would leave
 * the safe range. A double adds integers exactly below 2^53, so the fast path never rounds.
 */
import { type Scaled, scaledText } from './quantity';

const MAX_FAST_SCALE = 15;
const POW10: readonly number[] = Array.from({ length: MAX_FAST_SCALE + 1 }, (_, k) => 10 ** k);

/** Growable exact sums, addressed by cell index. */
export class ExactSums {
  private units = new Float64Array(1024);
  private scales = new Uint16Array(1024);
  private readonly big = new Map<number, { units: bigint; scale: number }>();
  private size = 0;

  /** Number of cells. */
  get count(): number {
    return this.size;
  }

  /** A new cell holding 0; returns its index. */
  addCell(): number {
    if (this.size === this.units.length) {
      const units = new Float64Array(this.size * 2);
      units.set(this.units);
      this.units = units;
      const scales = new Uint16Array(this.size * 2);
      scales.set(this.scales);
      this.scales = scales;
    }
    return this.size++;
  }

  /** Adds `value` to cell `cell`. */
  add(cell: number, value: Scaled): void {
    const { mantissa, scale } = value;
    if (typeof mantissa === 'number' && scale <= MAX_FAST_SCALE && !this.big.has(cell)) {
      let units = this.units[cell] as number;
      let have = this.scales[cell] as number;
      if (scale > have) {
        units *= POW10[scale - have] as number;
        have = scale;
      }
      const term = mantissa * (POW10[have - scale] as number);
      const next = units + term;
      // Inputs are safe integers, so a result that is still a safe integer is exact.
      if (Number.isSafeInteger(units) && Number.isSafeInteger(term) && Number.isSafeInteger(next)) {
        this.units[cell] = next;
        this.scales[cell] = have;
        return;
      }
    }
    this.addBig(cell, BigInt(mantissa), scale);
  }

  private addBig(cell: number, mantissa: bigint, scale: number): void {
    let sum = this.big.get(cell);
    if (sum === undefined) {
      sum = { units: BigInt(this.units[cell] as number), scale: this.scales[cell] as number };
      this.big.set(cell, sum);
    }
    if (scale > sum.scale) {
      sum.units *= 10n ** BigInt(scale - sum.scale);
      sum.scale = scale;
    }
    sum.units += mantissa * 10n ** BigInt(sum.scale - scale);
  }

  /** The exact sum of a cell. */
  value(cell: number): Scaled {
    const big = this.big.get(cell);
    if (big !== undefined) return { mantissa: big.units, scale: big.scale };
    return { mantissa: this.units[cell] as number, scale: this.scales[cell] as number };
  }

  /** The sum of a cell as plain decimal text (`12.5`, `0.3`, `1000000000000.0000001`). */
  text(cell: number): string {
    return scaledText(this.value(cell));
  }

  /** True when the cell's sum is 10^13 or more: beyond the contract's bound for a quantity. */
  tooLarge(cell: number): boolean {
    const { mantissa, scale } = this.value(cell);
    // 10^(13+scale) is exact in a double up to 10^22, and a safe mantissa is below 10^16.
    if (typeof mantissa === 'number') return mantissa >= 1e13 * (POW10[scale] as number);
    return mantissa >= 10_000_000_000_000n * 10n ** BigInt(scale);
  }
}
