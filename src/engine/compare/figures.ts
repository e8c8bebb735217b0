/**
 * What a comparison needs of one period (issue 20), whatever it came from: a model costed now, an earlier
 * `--json` result, or a period kept in `ABC_History`. The bridge works on these figures only, so a kept
 * period compares exactly as the model it was kept from.
 */
import { type Dec, ZERO, sum } from '../decimal';
import { type DimensionValue, nameKey } from '../model';
import type { ActivityResult, CostingResult, DriverResult, PoolResult } from '../result';

/** One driver term of an activity: its cost per unit and, when time-driven, the minutes and cost per minute behind it. */
export interface TermFigures {
  driver: string;
  costPerUnit: Dec;
  /** Minutes per unit; null unless the term is time-driven. */
  minutes: Dec | null;
  /** The pool's cost per minute; null unless the term is time-driven. */
  ratePerMinute: Dec | null;
}

/** An activity with its terms; several rows of one activity on the same driver are one term (costs per unit added). */
export interface ActivityFigures {
  activity: string;
  pool: string | null;
  terms: TermFigures[];
}

/** One customer's figures in a period. */
export interface CustomerFigures {
  customer: string;
  name: string | null;
  /** The segment the statement uses (StatementSegment, else the first dimension); null when there is none. */
  segment: DimensionValue;
  revenue: Dec;
  discounts: Dec;
  cogs: Dec;
  /** Activity name → cost, for the statement's earlier column. */
  activityCosts: ReadonlyMap<string, Dec>;
  /** Unused capacity charged to the customer (UnusedCapacity = assign), all pools together. */
  unusedCapacity: Dec;
  directCosts: Dec;
  netProfit: Dec;
  /** Driver `nameKey` → the customer's quantity. */
  quantities: ReadonlyMap<string, Dec>;
}

/** The company's figures in a period. */
export interface CompanyFigures {
  revenue: Dec;
  discounts: Dec;
  cogs: Dec;
  directCosts: Dec;
  /** Unused capacity not charged to customers. */
  unusedCapacityCost: Dec;
  /** Cost no customer carries (business-sustaining, shares left over, support cost left unassigned). */
  unassignedCost: Dec;
  operatingProfit: Dec;
}

/** One period's figures, as the bridge compares them. */
export interface PeriodFigures {
  /** The period's label (`Period` setting, `--label-earlier`, or the kept period); null when unknown. */
  label: string | null;
  currency: string | null;
  activities: ActivityFigures[];
  customers: CustomerFigures[];
  totals: CompanyFigures;
}

/** The figures of a costed model; the segment is the StatementSegment dimension, else the first one (as the Actions sheet's). */
export function figuresOfResult(result: CostingResult): PeriodFigures {
  const segmentKey = nameKey(result.settings.statementSegment?.name ?? result.customers[0]?.dimensions[0]?.[0] ?? '');
  const segmentOf = (dimensions: ReadonlyArray<[string, DimensionValue]>): DimensionValue => dimensions.find(([d]) => nameKey(d) === segmentKey)?.[1] ?? null;
  const t = result.totals;
  return {
    label: result.settings.period,
    currency: result.settings.currency,
    activities: activityFigures(result.activities, result.pools),
    customers: result.customers.map((c) => ({
      customer: c.customer,
      name: c.name,
      segment: segmentOf(c.dimensions),
      revenue: c.revenue,
      discounts: c.discounts,
      cogs: c.cogs,
      activityCosts: c.activityCosts,
      unusedCapacity: sum([...c.unusedCapacityCosts.values()]),
      directCosts: c.directCosts,
      netProfit: c.netProfit,
      quantities: c.driverQuantities ?? new Map<string, Dec>(),
    })),
    totals: {
      revenue: t.revenue,
      discounts: t.discounts,
      cogs: t.cogs,
      directCosts: t.directCosts,
      unusedCapacityCost: t.unusedCapacityCost,
      unassignedCost: t.unassignedCost,
      operatingProfit: t.operatingProfit,
    },
  };
}

/** What `activityFigures` reads of an activity: a costed one, or one read back from a `--json` result. */
export interface ActivityDrivers {
  activity: string;
  pool: string | null;
  method: ActivityResult['method'];
  drivers: ReadonlyArray<Pick<DriverResult, 'driver' | 'kind' | 'value' | 'costPerUnit'>>;
}

/** The activities' figures, each time-driven term with its pool's cost per minute (pools matched by name key). */
export function activityFigures(activities: readonly ActivityDrivers[], pools: ReadonlyArray<Pick<PoolResult, 'pool' | 'ratePerMinute'>>): ActivityFigures[] {
  const rates = new Map(pools.map((p) => [nameKey(p.pool), p.ratePerMinute]));
  return activities.map((a) => ({
    activity: a.activity,
    pool: a.pool,
    terms: termsOf(a, a.pool === null ? null : (rates.get(nameKey(a.pool)) ?? null)),
  }));
}

/**
 * An activity's terms by driver. Two rows of one activity may count the same driver (10 minutes per order
 * here, 5 there): they act on the same quantity, so they are one term with their costs per unit (and
 * minutes) added; the term stays time-driven only when both are.
 */
function termsOf(a: ActivityDrivers, ratePerMinute: Dec | null): TermFigures[] {
  const terms = new Map<string, TermFigures>();
  for (const d of a.drivers) {
    const key = nameKey(d.driver);
    const timed = a.method === 'time' && d.kind === 'minutes' && ratePerMinute !== null;
    const term: TermFigures = { driver: d.driver, costPerUnit: d.costPerUnit ?? ZERO, minutes: timed ? d.value : null, ratePerMinute: timed ? ratePerMinute : null };
    const earlier = terms.get(key);
    const bothTimed = earlier?.minutes != null && term.minutes !== null;
    terms.set(
      key,
      earlier === undefined
        ? term
        : {
            driver: earlier.driver,
            costPerUnit: earlier.costPerUnit.plus(term.costPerUnit),
            minutes: bothTimed ? (earlier.minutes as Dec).plus(term.minutes as Dec) : null,
            ratePerMinute: bothTimed ? ratePerMinute : null,
          },
    );
  }
  return [...terms.values()];
}
