/**
 * A scenario's outcome as plain numbers: what crosses from the task pane's Web Worker (decimal values do
 * not survive structured clone) to the pane's Scenarios view and to `ABC.SCENARIO`. Money is rounded to
 * cents as the report shows it; minutes and staff are unrounded. Pure.
 */
import { groupScenarios } from '../engine/scenarios/run-scenarios';
import type { ScenarioChangeInput, ScenarioOutcome } from '../engine/scenarios/types';
import { type ScenarioJson, scenarioToJson } from '../workbook/scenario-json';

/**
 * One scenario's figures: the same shape as the `--json` document's `scenarios` (scenario-json.ts), so the
 * pane, the worksheet functions and the runner's JSON cannot drift apart.
 */
export type ScenarioFiguresJson = ScenarioJson;
export type { ScenarioCustomerJson, ScenarioHeadlineJson } from '../workbook/scenario-json';

/** The plain figures of an engine outcome. */
export const scenarioFiguresOf: (outcome: ScenarioOutcome) => ScenarioFiguresJson = scenarioToJson;

/** Scenario names in the order of their first row, each once (names compare as the contract compares names). */
export function scenarioNamesOf(rows: readonly ScenarioChangeInput[] | undefined): string[] {
  return groupScenarios(rows ?? []).map((g) => g.scenario);
}
