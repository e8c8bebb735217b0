/**
 * From the contract's ranges to a result: what the runner and the task pane both do after reading a workbook.
 */
import type { Issue, IssueCode } from '../engine/issues';
import type { ModelInput, Settings } from '../engine/model';
import type { CostingResult } from '../engine/result';
import { runModel } from '../engine/run';
import { type ContractRangeName, type RangeSummary, readContract } from './contract';
import type { ContractGrid } from './column-grid';

const STRUCTURAL = new Set<IssueCode>(['MISSING_RANGE', 'MISSING_COLUMN', 'DUPLICATE_COLUMN', 'EMPTY_RANGE']);

/** Which ranges were found, every problem, and the result when there are no errors. */
export interface Analysis {
  ranges: RangeSummary[];
  issues: Issue[];
  result: CostingResult | null;
  /** The settings as read, also when the model has errors (the report's language applies to the error list too). */
  settings: Settings;
  /** The model as read (with its scenarios), for what runs on it after the costing; partial when the ranges have errors. */
  model: ModelInput;
}

/** Reads the contract's ranges, validates the model and computes it; problems from both steps are reported together. */
export function analyseWorkbook(grids: ReadonlyMap<ContractRangeName, ContractGrid>): Analysis {
  const contract = readContract(grids);
  // Without a range or a column, the cross-checks would report a follow-on error for every row
  // (every pool "unknown" when ABC_Pools is missing); the structural problem alone says what to fix.
  if (contract.issues.some((i) => STRUCTURAL.has(i.code))) {
    return { ranges: contract.ranges, issues: contract.issues, result: null, settings: contract.model.settings, model: contract.model };
  }
  const outcome = runModel(contract.model, contract.issues);
  return { ranges: contract.ranges, issues: outcome.issues, result: outcome.result, settings: contract.model.settings, model: contract.model };
}
