/**
 * Driver quantities per customer, added up from `ABC_Volumes` (long-form rows of one customer and
 * driver add up), indexed by driver key and customer position for the computation.
 */
import { type Dec, ZERO, addsToZeroUnchanged, sum } from './decimal';
import { type ModelInput, nameKey } from './model';

/** Quantities of one driver: per customer (by position in `model.customers`) and in total. */
export interface DriverVolumes {
  perCustomer: Dec[];
  total: Dec;
}

/** Looks up the volumes of a driver; a driver nobody has is all zeros. */
export interface VolumeTable {
  of(driver: string): DriverVolumes;
}

/** Adds up the model's volumes per driver and customer. Volumes of unknown customers are left out (validation reports them). */
export function tabulateVolumes(model: ModelInput): VolumeTable {
  const customerIndex = new Map<string, number>();
  model.customers.forEach((c, i) => customerIndex.set(nameKey(c.id), i));
  const byDriver = new Map<string, Dec[]>();
  for (const v of model.volumes) {
    const index = customerIndex.get(nameKey(v.customer));
    if (index === undefined) continue;
    const key = nameKey(v.driver);
    let perCustomer = byDriver.get(key);
    if (perCustomer === undefined) {
      perCustomer = new Array<Dec>(model.customers.length).fill(ZERO);
      byDriver.set(key, perCustomer);
    }
    const seen = perCustomer[index] as Dec;
    // Decimals are immutable, so a cell's first quantity is kept as it is rather than added to zero.
    perCustomer[index] = seen === ZERO && addsToZeroUnchanged(v.quantity) ? v.quantity : seen.plus(v.quantity);
  }
  const totals = new Map<string, DriverVolumes>();
  const none: DriverVolumes = { perCustomer: new Array<Dec>(model.customers.length).fill(ZERO), total: ZERO };
  return {
    of(driver: string): DriverVolumes {
      const key = nameKey(driver);
      const cached = totals.get(key);
      if (cached !== undefined) return cached;
      const perCustomer = byDriver.get(key);
      if (perCustomer === undefined) return none;
      const volumes = { perCustomer, total: sum(perCustomer) };
      totals.set(key, volumes);
      return volumes;
    },
  };
}
