/**
 * Driver quantities per customer as exact integers at one scale per driver (q = int × 10^-scale), for
 * the fast kernel. A driver whose quantities do not all fit (too many digits, sums at or above 2^52) has
 * no column, and the activities that use it are costed with decimals.
 */
import { EXACT_LIMIT } from './cell-allocate';
import { POW10, type Scaled, ZERO, scaledInto } from './decimal';
import { nameKey } from './model';
import type { VolumeTable } from './volumes';

/** One driver's quantities: `ints[c] × 10^-scale` for customer c, all >= 0; `max` the largest, `total` their sum. */
export interface ScaledColumn {
  ints: Float64Array;
  scale: number;
  max: number;
  total: number;
}

/** Looks up a driver's column; null when its quantities do not fit. */
export interface ColumnTable {
  of(driver: string): ScaledColumn | null;
}

/** Builds the columns lazily from the decimal volume table, so both paths read the same quantities. */
export function scaledColumns(volumes: VolumeTable, customers: number): ColumnTable {
  const cache = new Map<string, ScaledColumn | null>();
  const scaled: Scaled = { int: 0, scale: 0 };
  return {
    of(driver: string): ScaledColumn | null {
      const key = nameKey(driver);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const quantities = volumes.of(key).perCustomer;
      const ints = new Float64Array(customers);
      const scales = new Uint8Array(customers);
      let scale = 0;
      let column: ScaledColumn | null = null;
      let fits = true;
      for (let c = 0; c < customers && fits; c++) {
        const q = quantities[c];
        if (q === undefined || q === ZERO) continue;
        if (!(scaledInto(q, scaled) && scaled.int >= 0)) fits = false;
        ints[c] = scaled.int;
        scales[c] = scaled.scale;
        if (scaled.scale > scale) scale = scaled.scale;
      }
      if (fits) {
        let max = 0;
        let total = 0;
        for (let c = 0; c < customers && fits; c++) {
          const up = scale - (scales[c] as number);
          const v = up === 0 ? (ints[c] as number) : (ints[c] as number) * (POW10[up] as number);
          ints[c] = v;
          total += v;
          if (v > max) max = v;
          if (!(total < EXACT_LIMIT)) fits = false;
        }
        if (fits) column = { ints, scale, max, total };
      }
      cache.set(key, column);
      return column;
    },
  };
}
