/** Plausibility warnings: each with its code, location and figures, and its boundaries. */
import { dec } from '../../src/engine/decimal';
import type { Issue } from '../../src/engine/issues';
import { renderMessage } from '../../src/engine/messages';
import { percentBeyond } from '../../src/engine/plausibility';
import { runModel } from '../../src/engine/run';
import { buildModel, type ModelSpec } from '../helpers/model';

/**
 * One time-driven pool of 1,000 minutes for € 2,000 (€ 2 a minute) used by order entry at 1 minute an
 * order; two customers with revenue and orders. `orders` sets the minutes used.
 */
function spec(orders: [number, number], more: Partial<ModelSpec> = {}): ModelSpec {
  return {
    pools: [['Sales', 2000, 1000]],
    activities: [['Order entry', 'Sales', 'Orders', 'minutes', 1]],
    customers: [
      ['1001', 5000, 1000],
      ['1002', 4000, 1000],
    ],
    volumes: [
      ['1001', 'Orders', orders[0]],
      ['1002', 'Orders', orders[1]],
    ],
    ...more,
  };
}

function warnings(s: ModelSpec): Issue[] {
  const outcome = runModel(buildModel(s));
  expect(outcome.result).not.toBeNull();
  return outcome.issues;
}

const at = (i: Issue): string => `${i.code} ${i.where.sheet ?? ''}!${i.where.cell ?? ''}`;

describe('capacity use of a time-driven pool', () => {
  it('says nothing at exactly 50% and at exactly 100%', () => {
    expect(warnings(spec([300, 200]))).toEqual([]);
    expect(warnings(spec([600, 400]))).toEqual([]);
  });

  it('warns just below 50% with the percentage (never shown as 50.0%) and the cost of the unused capacity', () => {
    const [low, ...rest] = warnings(spec([300, 199.9]));
    expect(rest).toEqual([]);
    expect(low && at(low)).toBe('LOW_CAPACITY_USE Pools!A2');
    expect(low?.message).toBe(
      'Pool "Sales" used 49.9% of its practical capacity (499.9 of 1,000 minutes): its unused capacity costs EUR 1,000.20, which no customer carries. Check the capacity and the minutes per driver unit.',
    );
    expect(low && renderMessage(low.text, 'nl')).toBe(
      'Kostenpool "Sales" gebruikte 49,9% van de praktische capaciteit (499,9 van 1.000 minuten): de onbenutte capaciteit kost EUR 1.000,20 en wordt niet aan klanten toegerekend. Controleer de capaciteit en de minuten per eenheid van de kostendrijver.',
    );
  });

  it('warns of a pool at 11.6% with the unused capacity as the report shows it', () => {
    const outcome = runModel(buildModel(spec([100, 16])));
    expect(outcome.issues.map(at)).toEqual(['LOW_CAPACITY_USE Pools!A2']);
    expect(outcome.issues[0]?.text).toEqual({
      id: 'lowCapacityUse',
      args: { pool: 'Sales', percent: '11.6', used: '116', capacity: '1000', cost: '1768.00', currency: 'EUR' },
    });
    expect(outcome.result?.pools[0]?.unusedCost?.toFixed(2)).toBe('1768.00');
  });

  it('warns above 100% with the percentage and what customers are charged beyond the pool cost', () => {
    const [over, ...rest] = warnings(spec([700, 500]));
    expect(rest).toEqual([]);
    expect(over && at(over)).toBe('OVER_CAPACITY Pools!A2');
    expect(over?.message).toBe(
      'Pool "Sales" used 1,200 minutes, 120.0% of its practical capacity of 1,000 (200 more): customers are charged EUR 400.00 more than the pool costs, shown as negative unused capacity. Check the minutes per driver unit or the capacity.',
    );
    // 100.01% is not shown as 100.0%.
    expect(warnings(spec([600, 400.1])).map((i) => i.text.id === 'overCapacity' && i.text.args.percent)).toEqual(['100.1']);
  });

  it('leaves a pool no activity uses to UNUSED_POOL', () => {
    const s = spec([300, 300], { pools: [['Sales', 2000, 1000], ['Idle', 500, 1000]] });
    expect(warnings(s).map(at)).toEqual(['UNUSED_POOL Pools!A3']);
  });
});

describe('capacity against paid minutes (FTE × MinutesPerFTE)', () => {
  const withFte = (capacity: number, fte: number, perFte: number | undefined): ModelSpec =>
    spec([400, 400], { pools: [['Sales', 2000, capacity, fte]], settings: perFte === undefined ? {} : { minutesPerFte: dec(perFte) } });

  it('says nothing at exactly 15% either way, or without MinutesPerFTE', () => {
    expect(warnings(withFte(1150, 2, 500))).toEqual([]);
    expect(warnings(withFte(850, 2, 500))).toEqual([]);
    expect(warnings(withFte(1000, 3, undefined))).toEqual([]);
  });

  it('warns just beyond 15%', () => {
    expect(warnings(withFte(1150.01, 2, 500)).map(at)).toEqual(['PAID_MINUTES_GAP Pools!A2']);
    expect(warnings(withFte(849.99, 2, 500)).map((i) => i.text.id === 'paidMinutesGap' && [i.text.args.percent, i.text.args.more])).toEqual([['15.1', false]]);
  });

  it('warns beyond 15%, with both minute figures and the gap', () => {
    const [more] = warnings(withFte(1000, 2, 400));
    expect(more && at(more)).toBe('PAID_MINUTES_GAP Pools!A2');
    expect(more?.message).toBe(
      'Pool "Sales" has a practical capacity of 1,000 minutes, 25.0% more than its paid minutes: 2 FTE × 400 MinutesPerFTE = 800. Check Capacity, FTE or MinutesPerFTE.',
    );
    const [less] = warnings(withFte(1000, 2.5, 480));
    expect(less && renderMessage(less.text, 'nl')).toBe(
      'Kostenpool "Sales" heeft een praktische capaciteit van 1.000 minuten, 16,7% minder dan de betaalde minuten: 2,5 FTE × 480 MinutenPerFTE = 1.200. Controleer Capaciteit, FTE of MinutenPerFTE.',
    );
  });
});

describe('drivers that add up to zero', () => {
  it('warns of a time-driven and a rate term whose driver nobody has, at the activity row', () => {
    const s = spec([400, 400], {
      activities: [
        ['Order entry', 'Sales', 'Orders', 'minutes', 1],
        ['Order entry', 'Sales', 'Returns', 'minutes', 5],
        ['Parcels', null, 'Parcels', 'rate', 7.5],
      ],
      volumeDrivers: ['Orders', 'Returns', 'Parcels'],
    });
    const issues = warnings(s);
    expect(issues.map(at)).toEqual(['ZERO_DRIVER_QUANTITY Activities!A3', 'ZERO_DRIVER_QUANTITY Activities!A4']);
    expect(issues[0]?.message).toBe(
      'Driver "Returns" of activity "Order entry" adds up to 0 over all customers, so its minutes charge no customer and stay unused capacity. Check ABC_Volumes.',
    );
    expect(issues[1]?.message).toBe('Driver "Parcels" of activity "Parcels" adds up to 0 over all customers, so its rate charges no customer. Check ABC_Volumes.');
  });
});

describe('customers with revenue but no volumes, or volumes but no revenue', () => {
  it('warns of each at its customer row', () => {
    const s = spec([400, 400], {
      customers: [
        ['1001', 5000, 1000],
        ['1002', 0, 0],
        ['1003', 3000, 1000],
      ],
    });
    const issues = warnings(s);
    expect(issues.map(at)).toEqual(['REVENUE_WITHOUT_VOLUMES Customers!A4', 'VOLUMES_WITHOUT_REVENUE Customers!A3']);
    expect(issues[1]?.message).toBe('Customer "1002" has volumes in ABC_Volumes but no revenue, so its cost to serve is pure loss. Check its Revenue in ABC_Customers.');
  });

  it('gives many customers one warning with the count and the first five, at the first one', () => {
    const idle = Array.from({ length: 8 }, (_, i): [string, number, number] => [`20${i}`, 100, 50]);
    const issues = warnings(spec([400, 400], { customers: [['1001', 5000, 1000], ['1002', 4000, 1000], ...idle] }));
    expect(issues.map(at)).toEqual(['REVENUE_WITHOUT_VOLUMES Customers!A4']);
    expect(issues[0]?.message).toBe(
      '8 customers have revenue but no volumes in ABC_Volumes (the first 5: 200, 201, 202, 203 and 204), so they carry no cost to serve and look more profitable than they are.',
    );
  });

  it('says nothing of a customer with neither revenue nor volumes', () => {
    expect(warnings(spec([400, 400], { customers: [['1001', 5000, 1000], ['1002', 4000, 1000], ['1003', 0, 0]] }))).toEqual([]);
  });
});

describe('percentBeyond', () => {
  it('rounds half up but never onto the threshold', () => {
    expect(percentBeyond(dec('0.11649'), dec('0.5'), 'below')).toBe('11.6');
    expect(percentBeyond(dec('0.1165'), dec('0.5'), 'below')).toBe('11.7');
    expect(percentBeyond(dec('0.49999'), dec('0.5'), 'below')).toBe('49.9');
    expect(percentBeyond(dec('1.0001'), dec('1'), 'above')).toBe('100.1');
    expect(percentBeyond(dec('0.15004'), dec('0.15'), 'above')).toBe('15.1');
  });
});
