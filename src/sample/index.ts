/**
 * The embedded sample model: a Dutch wholesaler with four operating departments, three support
 * departments, a ledger of about forty accounts, a dozen activities and 250 customers, generated from a
 * seed so that Node and the task pane build exactly the same workbook.
 */
import type { MessageLanguage } from '../engine/messages';
import type { ContractRangeName } from '../workbook/contract';
import type { RangeGrid } from '../workbook/grid';
import { sampleInDutch } from './sample-nl';
import { planToSheets, type SampleSheet } from './sheets';
import { planEarlierPeriod } from './earlier-period';
import { type WholesalerPlan, planWholesaler } from './wholesaler';

export type { SampleSheet } from './sheets';

/** The seed of the sample everybody sees. */
export const DEFAULT_SAMPLE_SEED = 2026;

/**
 * Generates the sample model: one worksheet per contract range (Pools, Activities, Customers,
 * Transactions, Customer costs, Settings, Scenarios, Ledger, Support), each range starting at A1 and
 * covering exactly its rows.
 * The same seed gives the same sheets in every JavaScript engine; dates are Excel serial day numbers.
 * In Dutch the headers and the wholesaler's own words are Dutch and every number is the same.
 */
export function generateSampleModel(seed: number = DEFAULT_SAMPLE_SEED, language: MessageLanguage = 'en'): SampleSheet[] {
  return sheetsOf(planWholesaler(seed), language);
}

/**
 * The sample as the contract's range grids (top-left A1 of each sheet), so that the runner and the
 * task pane can compute it without a workbook file.
 */
export function sampleGrids(seed: number = DEFAULT_SAMPLE_SEED): ReadonlyMap<ContractRangeName, RangeGrid> {
  return gridsOf(generateSampleModel(seed));
}

/** Range grids of sheets laid out from A1. */
export function gridsOf(sheets: readonly SampleSheet[]): ReadonlyMap<ContractRangeName, RangeGrid> {
  const grids = new Map<ContractRangeName, RangeGrid>();
  for (const s of sheets) grids.set(s.rangeName, { name: s.rangeName, sheet: s.sheet, top: 1, left: 1, rows: s.rows });
  return grids;
}

/**
 * The sample's earlier period (2025), to compare with the sample (issue 20): mostly the same customers
 * (a few lost, a few that came in 2026), the loss-making customers ordering smaller and more often and
 * in more of a rush, every cost 4–6 % lower at the same capacity, revenue a little lower. Same sheets and
 * language rules as `generateSampleModel`; the same seed gives the same sheets in every JavaScript engine.
 */
export function generateEarlierSampleModel(seed: number = DEFAULT_SAMPLE_SEED, language: MessageLanguage = 'en'): SampleSheet[] {
  return sheetsOf(planEarlierPeriod(seed), language);
}

function sheetsOf(plan: WholesalerPlan, language: MessageLanguage): SampleSheet[] {
  const sheets = planToSheets(plan);
  return language === 'nl' ? sampleInDutch(sheets) : sheets;
}
