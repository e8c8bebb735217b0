/**
 * The wholesaler's chart of accounts for its cost pools: about forty cost accounts numbered the Dutch
 * way (class 4, costs), each booked to one or more pools. Each booking has a "natural" amount in euros
 * worked out from the staffing (salaries per FTE, fuel per truck driver, licences per PC); first-stage.ts
 * takes the support pools' amounts as they are and scales the operating pools' amounts to the cost each
 * operating pool must carry itself.
 */
import { POOLS, SUPPORT_POOLS } from './pools';

/** The staffing a natural amount is worked out from. */
export interface Staffing {
  /** FTE of a pool (operating or support). */
  fte(pool: string): number;
  /** PCs and workstations of the whole company. */
  totalPcs: number;
  /** Head count of the whole company. */
  totalHeads: number;
}

/** One cost account and its bookings: pool → natural amount in euros. */
export interface AccountPlan {
  account: number;
  description: string;
  bookings: ReadonlyArray<readonly [pool: string, euros: (s: Staffing) => number]>;
}

/** Gross annual salary per FTE (holiday pay included) of each department. */
const SALARY_PER_FTE: Readonly<Record<string, number>> = {
  [POOLS.sales]: 40_000,
  [POOLS.admin]: 38_000,
  [POOLS.warehouse]: 37_000,
  [POOLS.transport]: 42_000,
  [SUPPORT_POOLS.it]: 62_000,
  [SUPPORT_POOLS.hr]: 48_000,
  [SUPPORT_POOLS.management]: 95_000,
};

const ALL_POOLS = [...Object.values(POOLS), ...Object.values(SUPPORT_POOLS)];

function salaries(pool: string): (s: Staffing) => number {
  return (s) => s.fte(pool) * (SALARY_PER_FTE[pool] ?? 0);
}

/** A charge on the salaries of every pool (social security, pensions): one booking per pool. */
function onSalaries(rate: number): AccountPlan['bookings'] {
  return ALL_POOLS.map((pool) => [pool, (s: Staffing) => salaries(pool)(s) * rate] as const);
}

const perFte = (pool: string, euros: number) => [pool, (s: Staffing) => s.fte(pool) * euros] as const;
const fixed = (pool: string, euros: number) => [pool, () => euros] as const;

/** The cost accounts, in account order. */
export const ACCOUNTS: readonly AccountPlan[] = [
  { account: 4000, description: 'Salaries inside sales', bookings: [[POOLS.sales, salaries(POOLS.sales)]] },
  { account: 4001, description: 'Salaries administration', bookings: [[POOLS.admin, salaries(POOLS.admin)]] },
  { account: 4002, description: 'Salaries warehouse', bookings: [[POOLS.warehouse, salaries(POOLS.warehouse)]] },
  { account: 4003, description: 'Salaries drivers', bookings: [[POOLS.transport, salaries(POOLS.transport)]] },
  { account: 4004, description: 'Salaries IT', bookings: [[SUPPORT_POOLS.it, salaries(SUPPORT_POOLS.it)]] },
  { account: 4005, description: 'Salaries HR & facilities', bookings: [[SUPPORT_POOLS.hr, salaries(SUPPORT_POOLS.hr)]] },
  { account: 4006, description: 'Salaries management', bookings: [[SUPPORT_POOLS.management, salaries(SUPPORT_POOLS.management)]] },
  { account: 4100, description: 'Social security charges', bookings: onSalaries(0.19) },
  { account: 4110, description: 'Pension contributions', bookings: onSalaries(0.09) },
  { account: 4120, description: 'Temporary staff', bookings: [fixed(POOLS.warehouse, 120_000), fixed(POOLS.transport, 60_000)] },
  {
    account: 4140,
    description: 'Training',
    bookings: [perFte(POOLS.sales, 600), perFte(POOLS.warehouse, 600), perFte(POOLS.transport, 1_200), perFte(SUPPORT_POOLS.it, 3_000)],
  },
  { account: 4150, description: 'Recruitment', bookings: [fixed(SUPPORT_POOLS.hr, 45_000)] },
  { account: 4160, description: 'Occupational health service', bookings: [[SUPPORT_POOLS.hr, (s) => s.totalHeads * 180]] },
  {
    account: 4180,
    description: 'Commuting allowances',
    bookings: [perFte(POOLS.sales, 1_100), perFte(POOLS.admin, 1_100), perFte(SUPPORT_POOLS.it, 1_100), perFte(SUPPORT_POOLS.management, 1_100)],
  },
  { account: 4200, description: 'Rent warehouse', bookings: [fixed(POOLS.warehouse, 480_000)] },
  { account: 4201, description: 'Rent offices', bookings: [fixed(SUPPORT_POOLS.hr, 145_000)] },
  { account: 4210, description: 'Energy', bookings: [fixed(POOLS.warehouse, 95_000), fixed(SUPPORT_POOLS.hr, 38_000)] },
  { account: 4220, description: 'Cleaning', bookings: [fixed(POOLS.warehouse, 28_000), fixed(SUPPORT_POOLS.hr, 52_000)] },
  { account: 4230, description: 'Building maintenance', bookings: [fixed(POOLS.warehouse, 45_000), fixed(SUPPORT_POOLS.hr, 18_000)] },
  { account: 4300, description: 'Depreciation racking', bookings: [fixed(POOLS.warehouse, 110_000)] },
  { account: 4310, description: 'Depreciation forklifts', bookings: [fixed(POOLS.warehouse, 85_000)] },
  { account: 4320, description: 'Depreciation trucks', bookings: [perFte(POOLS.transport, 12_000)] },
  { account: 4330, description: 'Depreciation IT hardware', bookings: [[SUPPORT_POOLS.it, (s) => s.totalPcs * 650]] },
  { account: 4400, description: 'Fuel', bookings: [perFte(POOLS.transport, 18_000)] },
  { account: 4410, description: 'Vehicle lease', bookings: [perFte(POOLS.transport, 6_000), fixed(POOLS.sales, 18_000)] },
  { account: 4420, description: 'Road tax', bookings: [perFte(POOLS.transport, 1_100)] },
  { account: 4430, description: 'Truck maintenance and tyres', bookings: [perFte(POOLS.transport, 5_000)] },
  { account: 4450, description: 'Management car', bookings: [fixed(SUPPORT_POOLS.management, 16_000)] },
  { account: 4460, description: 'Forklift maintenance', bookings: [fixed(POOLS.warehouse, 32_000)] },
  {
    account: 4500,
    description: 'Telephone and data',
    bookings: [perFte(POOLS.sales, 600), perFte(POOLS.admin, 400), perFte(POOLS.transport, 300), fixed(SUPPORT_POOLS.it, 24_000)],
  },
  { account: 4510, description: 'IT licences', bookings: [[SUPPORT_POOLS.it, (s) => 55_000 + s.totalPcs * 900]] },
  { account: 4520, description: 'Hosting and cloud services', bookings: [fixed(SUPPORT_POOLS.it, 48_000)] },
  { account: 4530, description: 'Packaging materials', bookings: [fixed(POOLS.warehouse, 140_000)] },
  { account: 4540, description: 'Office supplies and postage', bookings: [fixed(POOLS.admin, 22_000), fixed(POOLS.sales, 9_000)] },
  { account: 4550, description: 'Catalogues and marketing material', bookings: [fixed(POOLS.sales, 65_000)] },
  { account: 4600, description: 'Insurance buildings and stock', bookings: [fixed(POOLS.warehouse, 58_000), fixed(SUPPORT_POOLS.hr, 9_000)] },
  { account: 4610, description: 'Insurance vehicles', bookings: [perFte(POOLS.transport, 2_600)] },
  { account: 4620, description: 'Liability insurance', bookings: [fixed(SUPPORT_POOLS.management, 21_000)] },
  { account: 4700, description: 'Consultancy', bookings: [fixed(SUPPORT_POOLS.management, 60_000)] },
  { account: 4710, description: 'Audit fees', bookings: [fixed(SUPPORT_POOLS.management, 42_000)] },
  { account: 4730, description: 'Bank charges', bookings: [fixed(POOLS.admin, 14_000)] },
  { account: 4740, description: 'Credit insurance and debt collection', bookings: [fixed(POOLS.admin, 38_000)] },
];
