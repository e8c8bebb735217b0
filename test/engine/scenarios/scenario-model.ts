/**
 * The small model the scenario tests share, with every baseline figure worked out by hand:
 *
 * Customer service (time-driven): cost 12,000, capacity 15,000 min → 0.80 a minute.
 *   Order entry = 10 min per order + 2 min per order line; Credit checks = 50 min per check.
 * Management (shares): cost 10,000; Account management 60% by Orders (6,000 over 600 orders = 10.00 an
 *   order); 40% (4,000) unassigned.
 * Freight: a rate of 20.00 per delivery.
 *
 *            Segment  Revenue  COGS    Orders  Lines  Checks  Deliveries
 *   A        Retail   100,000  60,000  100     1,000  0       50
 *   B        Horeca    50,000  30,000  400       800  10      200
 *   C        Horeca    20,000  12,000  100       200  0       100
 *
 * Minutes: A 100×10 + 1,000×2 = 3,000; B 4,000 + 1,600 + 500 = 6,100; C 1,000 + 400 = 1,400; used 10,500,
 * unused 4,500 min = 3,600.00.
 * Net profit: A 40,000 − 2,400 − 1,000 − 1,000 = 35,600; B 20,000 − 4,480 − 400 − 4,000 − 4,000 = 7,120;
 * C 8,000 − 1,120 − 1,000 − 2,000 = 3,880; together 46,600.
 * Operating profit 46,600 − 3,600 unused − 4,000 unassigned = 39,000.
 */
import { dec } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import type { ScenarioChangeInput, ScenarioChangeKind, ScenarioScope, ScenarioValue } from '../../../src/engine/scenarios/types';
import { buildModel } from '../../helpers/model';

export function scenarioModel(): ModelInput {
  const model = buildModel({
    pools: [
      ['Customer service', 12000, 15000],
      ['Management', 10000],
    ],
    activities: [
      ['Order entry', 'Customer service', 'Orders', 'minutes', 10],
      ['Order entry', 'Customer service', 'Order lines', 'minutes', 2],
      ['Credit checks', 'Customer service', 'Credit checks', 'minutes', 50],
      ['Account management', 'Management', 'Orders', 'share', 0.6],
      ['Freight', null, 'Deliveries', 'rate', 20],
    ],
    customers: [
      ['A', 100000, 60000],
      ['B', 50000, 30000],
      ['C', 20000, 12000],
    ],
    volumes: [
      ['A', 'Orders', 100],
      ['A', 'Order lines', 1000],
      ['A', 'Deliveries', 50],
      ['B', 'Orders', 400],
      ['B', 'Order lines', 800],
      ['B', 'Credit checks', 10],
      ['B', 'Deliveries', 200],
      ['C', 'Orders', 100],
      ['C', 'Order lines', 200],
      ['C', 'Deliveries', 100],
    ],
    settings: {
      orderDriver: { name: 'Orders', where: { range: 'ABC_Settings', sheet: 'Settings', cell: 'B2' } },
      orderLineDriver: { name: 'Order lines', where: { range: 'ABC_Settings', sheet: 'Settings', cell: 'B3' } },
      minutesPerFte: dec(96000),
    },
  });
  const segments: Record<string, string> = { A: 'Retail', B: 'Horeca', C: 'Horeca' };
  return { ...model, customers: model.customers.map((c) => ({ ...c, dimensions: [['Segment', segments[c.id] ?? null]] })) };
}

/** A percentage value (−0.3 for −30%) or a plain number. */
export const pct = (fraction: number | string): ScenarioValue => ({ kind: 'percent', fraction: dec(fraction) });
export const num = (value: number | string): ScenarioValue => ({ kind: 'number', value: dec(value) });

export const ALL: ScenarioScope = { kind: 'all' };
export const segment = (value: string): ScenarioScope => ({ kind: 'dimension', dimension: 'Segment', value });
export const customer = (id: string): ScenarioScope => ({ kind: 'customer', customer: id });

/** A scenario row on row `line` of a sheet `Scenarios` (A: scenario, B: scope, C: change, D: target, E: value). */
export function scenarioRow(line: number, scenario: string, scope: ScenarioScope, change: ScenarioChangeKind, target: string | null, value: ScenarioValue): ScenarioChangeInput {
  const at = (column: string) => ({ range: 'ABC_Scenarios', sheet: 'Scenarios', cell: `${column}${line}` });
  return { scenario, scope, change, target, value, where: at('A'), scopeWhere: at('B'), changeWhere: at('C'), targetWhere: at('D'), valueWhere: at('E') };
}
