/**
 * The runner's what-if scenarios: run them when the workbook has `ABC_Scenarios` rows, put their sheet
 * after the summary, and print one line per scenario.
 */
import type { Dec } from '../engine/decimal';
import type { Issue } from '../engine/issues';
import type { ModelInput } from '../engine/model';
import type { CostingResult } from '../engine/result';
import { runScenarios } from '../engine/scenarios/run-scenarios';
import type { ScenarioOutcome } from '../engine/scenarios/types';
import { buildScenarioSheet } from '../workbook/report-scenarios';
import type { ReportLanguage } from '../workbook/report-text';
import type { ReportSheet } from '../workbook/report-types';
import { formatMoney } from './format';

/** The outcomes of the model's scenarios (null when it has none) and any problem running them. */
export function runnerScenarios(model: ModelInput, result: CostingResult): { outcomes: ScenarioOutcome[] | null; issues: Issue[] } {
  if ((model.scenarios ?? []).length === 0) return { outcomes: null, issues: [] };
  const run = runScenarios(model, result);
  return { outcomes: run.outcomes, issues: run.issues };
}

/** The report's sheets with the scenarios sheet right after the summary (at the end when there is none). */
export function withScenarioSheet(sheets: readonly ReportSheet[], outcomes: readonly ScenarioOutcome[] | null, result: CostingResult, language: ReportLanguage): ReportSheet[] {
  if (outcomes === null) return [...sheets];
  const at = sheets.findIndex((s) => s.role === 'summary');
  const sheet = buildScenarioSheet(outcomes, result, language);
  return at < 0 ? [...sheets, sheet] : [...sheets.slice(0, at + 1), sheet, ...sheets.slice(at + 1)];
}

const TEXT: { readonly [L in ReportLanguage]: { heading: string; line: (name: string, before: string, after: string, resized: string) => string } } = {
  en: {
    heading: 'Scenarios (operating profit today → with today\'s capacity; with capacity resized to what is used):',
    line: (name, before, after, resized) => `  ${name}: ${before} → ${after}; resized ${resized}`,
  },
  nl: {
    heading: "Scenario's (bedrijfsresultaat vandaag → met de huidige capaciteit; met capaciteit aangepast aan het gebruik):",
    line: (name, before, after, resized) => `  ${name}: ${before} → ${after}; aangepast ${resized}`,
  },
};

/** One line per scenario: operating profit before → after, and with capacity resized. */
export function scenarioLines(outcomes: readonly ScenarioOutcome[], currency: string, language: ReportLanguage): string[] {
  if (outcomes.length === 0) return [];
  const t = TEXT[language];
  const m = (d: Dec): string => formatMoney(d, currency, language);
  return [t.heading, ...outcomes.map((o) => t.line(o.scenario, m(o.before.operatingProfit), m(o.after.operatingProfit), m(o.operatingProfitResized)))];
}
