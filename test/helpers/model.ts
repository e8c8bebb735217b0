/** Builds engine models in tests without a workbook: terse rows, each with a made-up location. */
import { dec } from '../../src/engine/decimal';
import type {
  ActivityTermInput,
  CustomerInput,
  ModelInput,
  PoolInput,
  Settings,
  TermKind,
} from '../../src/engine/model';
import { DEFAULT_SETTINGS } from '../../src/engine/model';

type Num = number | string;

export interface ModelSpec {
  pools?: Array<[name: string, cost: Num, capacityMinutes?: Num | null, fte?: Num]>;
  activities?: Array<[activity: string, pool: string | null, driver: string | null, kind: TermKind, value: Num]>;
  customers?: Array<[id: string, revenue: Num, cogs: Num, discounts?: Num]>;
  volumes?: Array<[customer: string, driver: string, quantity: Num]>;
  customerCosts?: Array<[customer: string, item: string, amount: Num]>;
  settings?: Partial<Settings>;
  /** Drivers present in ABC_Volumes; defaults to every driver that has a volume row. */
  volumeDrivers?: string[];
}

/** A model from a compact spec; row i of a range gets location Sheet!A(i+2). */
export function buildModel(spec: ModelSpec): ModelInput {
  const pools: PoolInput[] = (spec.pools ?? []).map(([name, cost, cap, fte], i) => ({
    name,
    cost: dec(cost),
    capacityMinutes: cap === undefined || cap === null ? null : dec(cap),
    ...(fte === undefined ? {} : { fte: dec(fte) }),
    where: { range: 'ABC_Pools', sheet: 'Pools', cell: `A${i + 2}` },
  }));
  const activities: ActivityTermInput[] = (spec.activities ?? []).map(([activity, pool, driver, kind, value], i) => ({
    activity,
    pool,
    driver,
    kind,
    value: dec(value),
    where: { range: 'ABC_Activities', sheet: 'Activities', cell: `A${i + 2}` },
  }));
  const customers: CustomerInput[] = (spec.customers ?? []).map(([id, revenue, cogs, discounts], i) => ({
    id,
    name: `Customer ${id}`,
    revenue: dec(revenue),
    discounts: dec(discounts ?? 0),
    cogs: dec(cogs),
    dimensions: [],
    where: { range: 'ABC_Customers', sheet: 'Customers', cell: `A${i + 2}` },
  }));
  const volumes = (spec.volumes ?? []).map(([customer, driver, quantity], i) => ({
    customer,
    driver,
    quantity: dec(quantity),
    where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: `A${i + 2}` },
  }));
  const driverNames = spec.volumeDrivers ?? [...new Set(volumes.map((v) => v.driver))];
  return {
    pools,
    activities,
    customers,
    volumes,
    volumeDrivers: driverNames.map((driver, i) => ({ driver, where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: `B${i + 1}` } })),
    customerCosts: (spec.customerCosts ?? []).map(([customer, item, amount], i) => ({
      customer,
      item,
      amount: dec(amount),
      where: { range: 'ABC_CustomerCosts', sheet: 'CustomerCosts', cell: `A${i + 2}` },
    })),
    settings: { ...DEFAULT_SETTINGS, ...spec.settings },
  };
}

/** A money or rate value as a fixed string, for exact comparisons. */
export function fixed(value: { toFixed(dp: number): string } | null | undefined, dp = 2): string | null {
  return value === null || value === undefined ? null : value.toFixed(dp);
}
