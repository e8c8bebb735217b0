/**
 * The economics of the sample: a Dutch wholesaler of food and non-food supplies selling to retail chains,
 * independent shops, hospitality, institutions and webshops. It decides who the customers are, how they
 * order and what the departments cost; `sheets.ts` lays the result out as the contract's named ranges.
 *
 * Money is generated as whole cents (integers), so every amount written to the sample is exact to the
 * cent; the engine does all arithmetic on these amounts with decimals.
 */
import { YEAR, excelSerial, workingDay } from './calendar';
import { HOUSE_ACCOUNT, REGIONS, customerName, type SegmentName } from './names';
import { DEMANDING_CHANCE, PROFILES, type Profile, REGION_MANAGERS } from './profiles';
import { type LedgerLinePlan, type SupportRowPlan, planFirstStage } from './first-stage';
import { POOLS } from './pools';
import { Random } from './random';

/** Driver names, as they appear in `ABC_Activities` and `ABC_Volumes`. */
export const DRIVERS = {
  orders: 'Orders',
  lines: 'Order lines',
  rush: 'Rush orders',
  quotes: 'Quotes',
  special: 'Special handlings',
  returns: 'Returns',
  drops: 'Delivery drops',
  services: 'Delivery services',
  invoices: 'Invoices',
  creditMonths: 'Months over credit limit',
  reminders: 'Payment reminders',
  parcels: 'Parcels',
} as const;

export { POOLS, SUPPORT_POOLS } from './pools';

/**
 * A resource pool: practical capacity in minutes, null for the conventional pool and the support pools.
 * Cost in euros: an operating pool's cost after support (what the costing works with, unchanged since
 * the sample had no ledger); a support pool's own cost (its ledger lines).
 */
export interface PoolPlan {
  pool: string;
  cost: number;
  capacityMinutes: number | null;
  /** The staffing behind the capacity, for the sample's explanation. */
  fte: number | null;
  /** A support pool's basis for passing its cost on (see SUPPORT_BASES); undefined for an operating pool. */
  supportBasis?: string;
}

/** One row of `ABC_Activities`; exactly one of minutes, share, rate is set. */
export interface TermPlan {
  activity: string;
  pool: string | null;
  driver: string | null;
  minutes?: number;
  share?: number;
  rate?: number;
  /** The plausible range of the estimate (Low / High, issue 21); absent: the sample's DefaultRange. */
  low?: number;
  high?: number;
  /** Estimates that move together (Group): those of one time survey. */
  group?: string;
}

export interface CustomerPlan {
  id: number;
  name: string;
  segment: SegmentName;
  region: string;
  accountManager: string;
  revenueCents: number;
  discountCents: number;
  cogsCents: number;
}

/** One transaction row of `ABC_Volumes` (date as an Excel serial day number). */
export interface VolumeRow {
  customer: number;
  driver: string;
  quantity: number;
  reference: string;
  date: number;
}

export interface CustomerCostRow {
  customer: number;
  item: string;
  amountCents: number;
}

export interface WholesalerPlan {
  period: string;
  pools: PoolPlan[];
  terms: TermPlan[];
  customers: CustomerPlan[];
  volumes: VolumeRow[];
  customerCosts: CustomerCostRow[];
  /** The ledger (ABC_Resources) booked to the operating and support pools. */
  ledger: LedgerLinePlan[];
  /** The support pools passing their cost on (ABC_Support). */
  support: SupportRowPlan[];
}

/** Practical capacity of one full-time employee: 1,600 paid hours, 80 % of them available for work. */
const PRACTICAL_MINUTES_PER_FTE = 1600 * 60 * 0.8;

/** The one time survey behind the warehouse's minutes: if it timed too slow or too fast, it did so for all of them. */
const WAREHOUSE_SURVEY = 'Warehouse time survey';

/**
 * The time equations, the conventional split of Administration and the carrier's rate. The main
 * estimates have their own range (order entry from a few observed orders, picking and drops from the
 * warehouse's and the drivers' own records, so skewed towards longer); the others take DefaultRange.
 */
const TERMS: readonly TermPlan[] = [
  { activity: 'Order entry', pool: POOLS.sales, driver: DRIVERS.orders, minutes: 12, low: 9, high: 16 },
  { activity: 'Order entry', pool: POOLS.sales, driver: DRIVERS.lines, minutes: 0.6, low: 0.4, high: 0.9 },
  { activity: 'Order entry', pool: POOLS.sales, driver: DRIVERS.rush, minutes: 15 },
  { activity: 'Quotes', pool: POOLS.sales, driver: DRIVERS.quotes, minutes: 45 },
  { activity: 'Order picking', pool: POOLS.warehouse, driver: DRIVERS.orders, minutes: 22, low: 18, high: 30, group: WAREHOUSE_SURVEY },
  { activity: 'Order picking', pool: POOLS.warehouse, driver: DRIVERS.lines, minutes: 0.9, low: 0.7, high: 1.2, group: WAREHOUSE_SURVEY },
  { activity: 'Order picking', pool: POOLS.warehouse, driver: DRIVERS.rush, minutes: 20, group: WAREHOUSE_SURVEY },
  { activity: 'Special warehouse operations', pool: POOLS.warehouse, driver: DRIVERS.special, minutes: 25, group: WAREHOUSE_SURVEY },
  { activity: 'Returns processing', pool: POOLS.warehouse, driver: DRIVERS.returns, minutes: 20, group: WAREHOUSE_SURVEY },
  { activity: 'Delivery drops', pool: POOLS.transport, driver: DRIVERS.drops, minutes: 40, low: 30, high: 55 },
  { activity: 'Delivery drops', pool: POOLS.transport, driver: DRIVERS.rush, minutes: 45 },
  { activity: "Drivers' services at delivery", pool: POOLS.transport, driver: DRIVERS.services, minutes: 25 },
  { activity: 'Invoicing', pool: POOLS.admin, driver: DRIVERS.invoices, share: 0.35 },
  { activity: 'Credit-limit monitoring', pool: POOLS.admin, driver: DRIVERS.creditMonths, share: 0.2 },
  { activity: 'Payment reminders', pool: POOLS.admin, driver: DRIVERS.reminders, share: 0.15 },
  { activity: 'General administration', pool: POOLS.admin, driver: null, share: 0.3 },
  { activity: 'Parcel shipments', pool: null, driver: DRIVERS.parcels, rate: 8.25 },
];

/** Whole cents of a euro amount. */
export function cents(euros: number): number {
  return Math.round(euros * 100);
}

/** x to a whole power by repeated multiplication (exact in every engine, unlike Math.pow). */
function powerOf(x: number, power: number): number {
  let p = 1;
  for (let i = 0; i < power; i++) p *= x;
  return p;
}

function lerp(range: readonly [number, number], t: number): number {
  return range[0] + (range[1] - range[0]) * t;
}

/** How a customer orders and asks for service; the earlier period (earlier-period.ts) changes it. */
export interface Behaviour {
  /** How much extra service the customer asks for: rush orders, special handling, returns, services. */
  intensity: number;
  ordersPerYear: number;
  linesPerOrder: number;
  rushRate: number;
  quotesPerYear: number;
  overLimit: boolean;
  latePayer: boolean;
}

/** The customers with how each orders and the profile each was drawn from, index by index. */
export interface DrawnCustomers {
  customers: CustomerPlan[];
  behaviours: Behaviour[];
  profiles: Profile[];
}

/** Builds the customers, their transactions and costs, and sizes the departments to the work. */
export function planWholesaler(seed: number): WholesalerPlan {
  const random = new Random(seed);
  const { customers, behaviours, profiles } = drawCustomers(random);

  const volumes: VolumeRow[] = [];
  customers.forEach((customer, index) => {
    const profile = profiles[index] as Profile;
    const behaviour = behaviours[index] as Behaviour;
    volumes.push(...customerTransactions(random, customer.id, profile, behaviour));
  });
  numberReferences(volumes);

  const customerCosts = directCosts(random, customers, profiles);
  const operating = sizePools(random, volumes);
  // After every other draw, so that the customers and the departments are those of the sample before it had a ledger.
  const firstStage = planFirstStage(
    random,
    operating.map((p) => ({ pool: p.pool, fte: p.fte ?? 0, costCents: cents(p.cost) })),
  );
  const pools: PoolPlan[] = [
    ...operating,
    ...firstStage.supportPools.map((p) => ({ pool: p.pool, cost: p.ownCents / 100, capacityMinutes: null, fte: p.fte, supportBasis: p.basis })),
  ];
  return {
    period: String(YEAR),
    pools,
    terms: TERMS.map((t) => ({ ...t })),
    customers,
    volumes,
    customerCosts,
    ledger: firstStage.ledger,
    support: firstStage.support,
  };
}

/**
 * The customers, each with its behaviour: the first draws of a seed, so the earlier period draws the
 * very same customers by starting a Random of the same seed here.
 */
export function drawCustomers(random: Random): DrawnCustomers {
  const customers: CustomerPlan[] = [];
  const behaviours: Behaviour[] = [];
  const profiles: Profile[] = [];
  const usedNames = new Set<string>();

  // Each customer of a profile gets its own stratum of the size range, so that the sample's totals vary
  // little from seed to seed while the customers still differ.
  const slots = random.shuffled(PROFILES.flatMap((p) => Array.from({ length: p.count }, (_, stratum) => ({ profile: p, stratum }))));
  let id = 10_000;
  for (const { profile, stratum } of slots) {
    id += random.int(1, 9);
    const drawn = drawCustomer(random, id, profile, stratum, usedNames);
    customers.push(drawn.customer);
    behaviours.push(drawn.behaviour);
    profiles.push(profile);
  }
  return { customers, behaviours, profiles };
}

/**
 * One customer of a profile, its size from its stratum (of `profile.count`), with a name not in
 * `usedNames` (which it joins).
 */
export function drawCustomer(
  random: Random,
  id: number,
  profile: Profile,
  stratum: number,
  usedNames: Set<string>,
): { customer: CustomerPlan; behaviour: Behaviour } {
  const { region, towns } = random.weighted(REGIONS.map((r) => [r, r.region === 'West' ? 2 : 1] as const));
  let name = customerName(random, profile.segment, region);
  while (usedNames.has(name.toLowerCase())) {
    const withTown = `${name.replace(/ B\.V\.$| V\.O\.F\.$/, '')} ${random.pick(towns)}`;
    name = usedNames.has(withTown.toLowerCase()) ? customerName(random, profile.segment, region) : withTown;
  }
  usedNames.add(name.toLowerCase());

  const [low, high, power] = profile.revenue;
  const revenue = low + (high - low) * powerOf((stratum + random.next()) / profile.count, power);
  const size = Math.sqrt((revenue - low) / (high - low));
  const manager =
    profile.segment === 'Retail chain' || revenue > 150_000 || (revenue > 60_000 && random.chance(0.5))
      ? random.pick(REGION_MANAGERS[region] ?? [HOUSE_ACCOUNT])
      : HOUSE_ACCOUNT;
  const revenueCents = cents(revenue);
  const discountCents = cents(revenue * random.uniform(profile.discount[0], profile.discount[1]));
  const margin = random.uniform(profile.margin[0], profile.margin[1]);
  const cogsCents = Math.round((revenueCents - discountCents) * (1 - margin));
  const customer: CustomerPlan = { id, name, segment: profile.segment, region, accountManager: manager, revenueCents, discountCents, cogsCents };

  // About a quarter of the customers, large or small, order little and often and ask for every extra
  // service: they form the loss-making tail of the whale curve.
  const demanding = profile.segment !== 'Retail chain' && random.chance(DEMANDING_CHANCE);
  const intensity = demanding ? random.uniform(3.5, 6) : random.uniform(0.5, 1.1);
  const orderValue = (lerp(profile.orderValue, size) * random.uniform(0.8, 1.25)) / (demanding ? random.uniform(2, 3) : 1);
  const behaviour: Behaviour = {
    intensity,
    ordersPerYear: Math.max(6, revenue / orderValue),
    linesPerOrder: lerp(profile.linesPerOrder, size) * random.uniform(0.85, 1.15),
    rushRate: lerp(profile.rushRate, size) * intensity,
    quotesPerYear: lerp(profile.quotesPerYear, size),
    overLimit: random.chance(profile.overLimitChance * (1.5 - size) * (demanding ? 2.5 : 1)),
    latePayer: random.chance(profile.latePayerChance * (demanding ? 2 : 1)),
  };
  return { customer, behaviour };
}

/** One customer's year of transactions: quarterly totals of routine drivers, single rows for exceptions. */
export function customerTransactions(random: Random, customer: number, profile: Profile, b: Behaviour, year: number = YEAR): VolumeRow[] {
  const rows: VolumeRow[] = [];
  // Routine drivers come as quarterly totals from the ERP, which keeps the sample's row count moderate.
  const quarter = new Map<string, number>();
  const addRoutine = (driver: string, quantity: number): void => {
    quarter.set(driver, (quarter.get(driver) ?? 0) + quantity);
  };
  const closeQuarter = (month: number): void => {
    for (const [d, q] of quarter) {
      if (q > 0) rows.push({ customer, driver: d, quantity: q, reference: `Q${(month + 1) / 3} total`, date: excelSerial(year, month + 1, 0) });
    }
    quarter.clear();
  };
  const events = (driver: string, count: number, month: number, reference: string): void => {
    for (let i = 0; i < count; i++) rows.push({ customer, driver, quantity: 1, reference, date: workingDay(random, month, year) });
  };

  for (let month = 0; month < 12; month++) {
    const orders = random.count((b.ordersPerYear / 12) * (profile.season[month] ?? 1));
    const lines = orders === 0 ? 0 : Math.max(orders, random.count(orders * b.linesPerOrder));
    const parcelOrders = random.binomial(orders, profile.parcelShare);
    const drops = orders - parcelOrders;
    addRoutine(DRIVERS.orders, orders);
    addRoutine(DRIVERS.lines, lines);
    addRoutine(DRIVERS.drops, drops);
    addRoutine(DRIVERS.services, random.binomial(drops, Math.min(0.95, profile.serviceShare * b.intensity)));
    addRoutine(DRIVERS.parcels, parcelOrders + random.binomial(parcelOrders, 0.5));
    const invoices = profile.collectiveInvoice ? Math.min(orders, 1) : orders;
    addRoutine(DRIVERS.invoices, invoices);
    addRoutine(DRIVERS.special, random.binomial(orders, Math.min(0.8, profile.specialRate * b.intensity)));

    events(DRIVERS.rush, random.binomial(orders, Math.min(0.5, b.rushRate)), month, 'order');
    events(DRIVERS.returns, random.binomial(orders, Math.min(0.5, profile.returnRate * b.intensity)), month, 'return');
    if (b.latePayer) events(DRIVERS.reminders, random.binomial(invoices, profile.collectiveInvoice ? 0.5 : 0.2), month, 'reminder');
    if (b.overLimit && random.chance(0.45)) {
      rows.push({ customer, driver: DRIVERS.creditMonths, quantity: 1, reference: 'Credit review', date: excelSerial(year, month + 1, 0) });
    }
    if (month % 3 === 2) closeQuarter(month);
  }
  const quotes = random.count(b.quotesPerYear);
  for (let i = 0; i < quotes; i++) events(DRIVERS.quotes, 1, random.int(0, 11), 'quote');
  return rows;
}

/** Sorts the rows by date and gives exception rows document numbers in that order (of the year), as an ERP export would. */
export function numberReferences(rows: VolumeRow[], year: number = YEAR): void {
  rows.sort((a, b) => a.date - b.date || a.customer - b.customer);
  const yy = String(year % 100).padStart(2, '0');
  const prefixes: Record<string, string> = { order: `SO${yy}-`, return: `RMA${yy}-`, reminder: `REM${yy}-`, quote: `QT${yy}-` };
  const counters: Record<string, number> = {};
  for (const row of rows) {
    const prefix = prefixes[row.reference];
    if (prefix === undefined) continue;
    const n = (counters[prefix] ?? 0) + 1;
    counters[prefix] = n;
    row.reference = `${prefix}${String(n).padStart(5, '0')}`;
  }
}

/** Bonuses, free freight and promotional support agreed with individual customers. */
function directCosts(random: Random, customers: readonly CustomerPlan[], profiles: readonly Profile[]): CustomerCostRow[] {
  const rows: CustomerCostRow[] = [];
  customers.forEach((c, index) => {
    const segment = (profiles[index] as Profile).segment;
    const netEuros = (c.revenueCents - c.discountCents) / 100;
    if (segment === 'Retail chain' || (segment === 'Institutions' && netEuros > 250_000 && random.chance(0.6))) {
      const pct = segment === 'Retail chain' ? random.uniform(0.015, 0.03) : random.uniform(0.005, 0.015);
      rows.push({ customer: c.id, item: 'Year-end bonus', amountCents: cents(netEuros * pct) });
    }
    if ((segment === 'Retail chain' && random.chance(0.6)) || (segment === 'Independent retail' && random.chance(0.12))) {
      rows.push({ customer: c.id, item: 'Promotional support', amountCents: cents(random.uniform(0.002, 0.008) * netEuros + random.uniform(500, 2_500)) });
    }
    if ((segment === 'Webshops' || segment === 'Independent retail' || segment === 'Hospitality') && random.chance(0.08)) {
      rows.push({ customer: c.id, item: 'Free freight', amountCents: cents(random.uniform(250, 2_400)) });
    }
  });
  return rows;
}

/**
 * Staffs each time-driven department to its workload at 90–95 % utilisation, in half FTEs, so the sample
 * shows a modest cost of unused capacity; costs are staff plus the department's fixed costs.
 */
function sizePools(random: Random, volumes: readonly VolumeRow[]): PoolPlan[] {
  const totals = new Map<string, number>();
  for (const v of volumes) totals.set(v.driver, (totals.get(v.driver) ?? 0) + v.quantity);
  const usedMinutes = (pool: string): number =>
    TERMS.filter((t) => t.pool === pool && t.minutes !== undefined && t.driver !== null).reduce(
      (acc, t) => acc + (t.minutes ?? 0) * (totals.get(t.driver ?? '') ?? 0),
      0,
    );
  const staffed = (pool: string, costPerFte: number, fixed: number): PoolPlan => {
    const fte = Math.ceil((usedMinutes(pool) / (PRACTICAL_MINUTES_PER_FTE * random.uniform(0.9, 0.95))) * 2) / 2;
    return { pool, fte, capacityMinutes: fte * PRACTICAL_MINUTES_PER_FTE, cost: Math.round(fte * costPerFte + fixed) };
  };
  return [
    staffed(POOLS.sales, 61_500, 250_000),
    { pool: POOLS.admin, fte: 7, capacityMinutes: null, cost: Math.round(7 * 58_000 + 140_000) },
    staffed(POOLS.warehouse, 49_000, 1_700_000),
    // A driver comes with a truck: lease, fuel, tolls and insurance.
    staffed(POOLS.transport, 52_000 + 46_000, 700_000),
  ];
}
