/**
 * `--compare` / `--compare-period`: this period against an earlier one or a budget. The earlier period is
 * read before anything is written (a bad earlier file stops the run with nothing written); after the
 * costing the two are checked (same currency, distinct labels) and compared customer by customer.
 */
import type { Comparison, ComparisonAnalysis } from '../engine/compare/types';
import { analyseComparison } from '../engine/compare/analysis';
import { compareFigures } from '../engine/compare/bridge';
import { checkComparable } from '../engine/compare/comparable';
import { figuresOfResult, type PeriodFigures } from '../engine/compare/figures';
import type { Dec } from '../engine/decimal';
import type { Issue } from '../engine/issues';
import type { ReportLanguage } from '../workbook/report-layout';
import { nameKey } from '../engine/model';
import type { CostingResult, CustomerResult } from '../engine/result';
import { type ComparisonJson, comparisonToJson } from '../workbook/comparison-json';
import { buildComparisonSheet, withStaleComparisonEmptied } from '../workbook/report-comparison';
import type { LoadedWorkbook } from '../xlsx/load-workbook';
import { ownedSheetRoles } from '../xlsx/report-owner';
import type { StatementEarlier } from '../workbook/report-statement';
import type { ReportRole, ReportSheet } from '../workbook/report-types';
import type { ModelInput } from '../engine/model';
import { hasFirstStage } from '../engine/first-stage/apply-first-stage';
import { hasEstimateRanges } from './sensitivity';
import { compareText } from './compare-text';
import { currencyAffixes } from '../workbook/report-layout';
import { formatAmount, formatMoney } from './format';

/** A comparison made, with the labels its report uses. */
export interface ComparisonMade {
  comparison: Comparison;
  analysis: ComparisonAnalysis;
  labels: { earlier: string; now: string };
  earlier: PeriodFigures;
  now: PeriodFigures;
  /** Where the earlier period came from: a file name, or `ABC_History` for a kept period. */
  source: string;
}

/** The words for a period without a label. */
const UNLABELLED: Record<ReportLanguage, { earlier: string; now: string }> = {
  en: { earlier: 'Earlier period', now: 'This period' },
  nl: { earlier: 'Eerdere periode', now: 'Deze periode' },
};

/**
 * Compares the costed `result` with `earlier`; `label` (`--label-earlier`) names the earlier period instead
 * of its own Period. Errors (different currencies, one label for both) come back as issues and no comparison.
 */
export function compareWithEarlier(
  earlier: PeriodFigures,
  result: CostingResult,
  label: string | null,
  source: string,
  language: ReportLanguage,
): { made: ComparisonMade | null; issues: Issue[] } {
  const before: PeriodFigures = label === null ? earlier : { ...earlier, label };
  const now = figuresOfResult(result);
  const issues = checkComparable(before, now, { range: source });
  if (issues.some((i) => i.severity === 'error')) return { made: null, issues };
  const comparison = compareFigures(before, now);
  const labels = { earlier: before.label ?? UNLABELLED[language].earlier, now: now.label ?? UNLABELLED[language].now };
  return { made: { comparison, analysis: analyseComparison(comparison, before, now), labels, earlier: before, now, source }, issues };
}

/** What the runner prints about a comparison: the change in operating profit, its parts, and the customers crossing zero. */
export function comparisonLines(made: ComparisonMade, currency: string, language: ReportLanguage): string[] {
  const t = compareText(language);
  const m = (d: Dec): string => formatMoney(d, currency, language);
  const { prefix, suffix } = currencyAffixes(currency);
  // The sign where the report puts a minus: after the currency symbol (`€ +9,200.00`, `€ -384.00`).
  const signed = (d: Dec): string => (d.isNegative() ? m(d) : `${prefix}+${formatAmount(d, language)}${suffix}`);
  const { totals } = made.comparison;
  const b = totals.bridge;
  const parts: Array<[string, Dec]> = [
    [t.parts.revenue, b.revenue],
    [t.parts.discounts, b.discounts],
    [t.parts.cogs, b.cogs],
    [t.parts.activityVolume, b.activityVolume],
    [t.parts.activityRate, b.activityRate],
    [t.parts.unused, b.unusedCapacity],
    [t.parts.directCosts, b.directCosts],
    [t.parts.unusedNotCharged, b.unusedNotCharged],
    [t.parts.unassigned, b.unassigned],
  ];
  return [
    t.comparedWith(made.labels.earlier, made.source),
    t.profitLine(m(totals.before), m(totals.after), signed(totals.change)),
    t.partsLine(
      parts
        .filter(([, d]) => !d.isZero())
        .map(([name, d]) => `${name} ${signed(d)}`)
        .join(', '),
    ),
    t.crossings(made.analysis.profitToLoss.length, made.analysis.lossToProfit.length),
  ];
}

/**
 * The report sheets with this run's Comparison sheet: the comparison made; or, when none is made but the workbook has our
 * Comparison sheet from an earlier run, that sheet emptied, so no earlier comparison stays beside sheets it
 * no longer matches (as the statement of a customer who is gone).
 */
export function withComparisonSheet(sheets: readonly ReportSheet[], made: ComparisonMade | null, loaded: Pick<LoadedWorkbook, 'info'>, currency: string, language: ReportLanguage): ReportSheet[] {
  const compared = made === null ? [] : [buildComparisonSheet(made.comparison, made.analysis, made.labels, currency, language)];
  return withStaleComparisonEmptied([...sheets, ...compared], hasComparisonSheet(loaded), language);
}

function hasComparisonSheet(loaded: Pick<LoadedWorkbook, 'info'>): boolean {
  return [...ownedSheetRoles(loaded).values()].includes('comparison');
}

/** The `comparison` field of the `--json` document. */
export function comparisonJson(made: ComparisonMade): ComparisonJson {
  return comparisonToJson(made.comparison, made.analysis, made.labels);
}

/** A statement's earlier column and bridge: the customer's figures then (none when new) and its change. */
export function statementEarlierOf(made: ComparisonMade): (customer: CustomerResult) => StatementEarlier | undefined {
  const then = new Map(made.earlier.customers.map((c) => [nameKey(c.customer), c]));
  const changes = new Map(made.comparison.customers.map((c) => [nameKey(c.customer), c]));
  return (customer) => {
    const change = changes.get(nameKey(customer.customer));
    return change === undefined ? undefined : { label: made.labels.earlier, figures: then.get(nameKey(customer.customer)) ?? null, change };
  };
}

/** The optional report sheets this run writes: Cost flow with a first stage, Sensitivity with estimate ranges, Comparison with an earlier period. */
export function optionalRoles(model: ModelInput, earlier: { figures: PeriodFigures | null } | null, loaded: Pick<LoadedWorkbook, 'info'>): ReportRole[] {
  const comparing = earlier?.figures != null || hasComparisonSheet(loaded);
  const sure = hasEstimateRanges(model);
  return [...(hasFirstStage(model) ? (['costFlow'] as const) : []), ...(sure ? (['sensitivity'] as const) : []), ...(comparing ? (['comparison'] as const) : [])];
}
