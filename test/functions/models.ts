/**
 * Models for the function tests: Kaplan & Anderson's customer-service department (HBR 2004) in its
 * time-driven and conventional versions, as in test/engine/golden-kaplan-anderson.test.ts, plus small
 * models for the cases the golden ones do not reach. Each is run through the engine and indexed.
 */
import { runModel } from '../../src/engine/run';
import { buildModelIndex, type ModelIndex } from '../../src/functions/model-index';
import type { Analysis } from '../../src/workbook/analyse';
import { buildModel, type ModelSpec } from '../helpers/model';

export { KAPLAN_SHARE, KAPLAN_TIME } from '../helpers/kaplan-anderson';

/**
 * An order desk with a time equation (5 min per order + 3 per order line + 10 per rush order) at
 * 96,000 / 115,200 minutes = 5/6 of a unit a minute, numeric customer ids, a customer with no revenue,
 * a driver counted twice in one equation, a rate activity and a share pool whose driver has no quantity.
 */
export const ORDER_DESK: ModelSpec = {
  pools: [
    ['Order desk', 96_000, 115_200],
    ['Back office', 10_000],
  ],
  activities: [
    ['Order entry', 'Order desk', 'Orders', 'minutes', 5],
    ['Order entry', 'Order desk', 'Order lines', 'minutes', 3],
    ['Order entry', 'Order desk', 'Rush orders', 'minutes', 10],
    ['Quotes', 'Order desk', 'Quotes', 'minutes', 30],
    ['Quotes', 'Order desk', 'Quotes', 'minutes', 6],
    ['Claims', 'Back office', 'Claims', 'share', 0.5],
    ['Parcels', null, 'Parcels', 'rate', 7.5],
  ],
  customers: [
    ['1001', 120_000, 90_000],
    ['1002', 80_000, 60_000, 2_000],
    ['Z-9', 0, 0],
  ],
  volumes: [
    ['1001', 'Orders', 1_000],
    ['1001', 'Order lines', 9_000],
    ['1001', 'Rush orders', 40],
    ['1002', 'Orders', 600],
    ['1002', 'Order lines', 3_000],
    ['1001', 'Quotes', 50],
    ['1002', 'Claims', 0],
    ['1002', 'Parcels', 120],
  ],
};

/** Runs a spec through the engine and wraps the outcome as an analysis (no ranges: no workbook). */
export function analyseSpec(spec: ModelSpec): Pick<Analysis, 'ranges' | 'issues' | 'result'> {
  const outcome = runModel(buildModel(spec));
  return { ranges: [], issues: outcome.issues, result: outcome.result };
}

/** The index of a spec's computation. */
export function indexSpec(spec: ModelSpec): ModelIndex {
  return buildModelIndex(analyseSpec(spec));
}
