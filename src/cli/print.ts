/**
 * What the runner tells the user: problems with their location, and after a successful run the totals,
 * the reconciliation and the extremes of the customer ranking, in the report's language.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import { formatWhere, type Issue } from '../engine/issues';
import { renderMessage } from '../engine/messages';
import type { CostingResult, CustomerResult } from '../engine/result';
import type { ReportLanguage } from '../workbook/report-layout';
import { firstStageLines } from './print-first-stage';
import { cliText } from './cli-text';
import { formatMoney, formatPercent } from './format';

/** Where the runner writes; tests inject arrays. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** One problem as one line: severity, code, location, message (English is `Issue.message` itself). */
export function issueLine(issue: Issue, language: ReportLanguage = 'en'): string {
  const t = cliText(language);
  const where = formatWhere(issue.where);
  const message = language === 'en' ? issue.message : renderMessage(issue.text, language);
  return `  ${issue.severity === 'error' ? t.error : t.warning} ${issue.code}${where === null ? '' : ` ${t.at} ${where}`}: ${message}`;
}

/** Prints every issue, errors first, each group under a heading. */
export function printIssues(issues: readonly Issue[], io: Output, language: ReportLanguage = 'en'): void {
  const t = cliText(language);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (errors.length > 0) {
    io.err(t.errorsInModel(errors.length));
    for (const e of errors) io.err(issueLine(e, language));
  }
  if (warnings.length > 0) {
    io.err(t.warningsHeading(warnings.length));
    for (const w of warnings) io.err(issueLine(w, language));
  }
}

/** Label and amount lines, the amounts right-aligned in one column. */
function table(lines: ReadonlyArray<[string, string]>): string[] {
  const labelWidth = Math.max(...lines.map(([l]) => l.length));
  const valueWidth = Math.max(...lines.map(([, v]) => v.length));
  return lines.map(([l, v]) => `  ${l.padEnd(labelWidth)}  ${v.padStart(valueWidth)}`);
}

/** The reconciliation in one sentence each, with a verdict a user can trust at a glance. */
export function reconciliationLines(result: CostingResult, language: ReportLanguage = 'en'): string[] {
  const t = cliText(language);
  const m = (d: Dec): string => formatMoney(d, result.settings.currency, language);
  const totals = result.totals;
  const customerProfit = sum(result.customers.map((c) => c.netProfit));
  const company = customerProfit.minus(totals.unusedCapacityCost).minus(totals.unassignedCost).minus(totals.operatingProfit);
  const poolDiffs = result.pools
    .map((p) => ({ pool: p.pool, diff: p.cost.minus(p.activitiesCost).minus(p.unusedCost ?? ZERO).minus(p.unassignedCost) }))
    .filter((d) => !d.diff.isZero());
  return [
    `  ${t.companyReconciliation({
      customerProfit: m(customerProfit),
      unused: m(totals.unusedCapacityCost),
      unassigned: m(totals.unassignedCost),
      operatingProfit: m(totals.operatingProfit),
      difference: company.isZero() ? null : m(company),
    })}`,
    poolDiffs.length === 0
      ? `  ${t.poolsReconcile(result.pools.length)}`
      : `  ${t.poolsNotReconciling(poolDiffs.map((d) => `${d.pool} (${m(d.diff)})`).join(', '))}`,
  ];
}

function customerLine(c: CustomerResult, rank: number, currency: string, language: ReportLanguage): [string, string] {
  const label = `${String(rank).padStart(4)}. ${c.customer}${c.name === null ? '' : ` ${c.name}`}`;
  return [label.length > 48 ? `${label.slice(0, 47)}…` : label, formatMoney(c.netProfit, currency, language)];
}

/** The summary after a successful run. */
export function printSummary(result: CostingResult, io: Output, language: ReportLanguage = 'en'): void {
  const t = cliText(language);
  const cur = result.settings.currency;
  const totals = result.totals;
  const m = (d: Dec): string => formatMoney(d, cur, language);
  io.out(t.totals(cur, result.settings.period));
  for (const line of table([
    [t.revenue, m(totals.revenue)],
    [t.netRevenue, m(totals.netRevenue)],
    [t.grossMargin, m(totals.grossMargin)],
    [t.costToServe, m(totals.costToServe)],
    [t.directCosts, m(totals.directCosts)],
    [t.customersNetProfit, m(totals.netProfit)],
    [t.unusedCapacity, m(totals.unusedCapacityCost)],
    [t.unassignedCost, m(totals.unassignedCost)],
    [t.operatingProfit, m(totals.operatingProfit)],
  ])) {
    io.out(line);
  }
  io.out(t.reconciliation);
  for (const line of reconciliationLines(result, language)) io.out(line);
  for (const line of firstStageLines(result, language)) io.out(line);

  const n = result.customers.length;
  const losses = result.customers.filter((c) => c.netProfit.isNegative() && !c.netProfit.isZero()).length;
  io.out(t.customers(n, losses, formatPercent(n === 0 ? null : losses / n, language)));
  const count = Math.min(5, n);
  if (count > 0) {
    io.out(t.mostProfitable);
    for (const line of table(result.customers.slice(0, count).map((c, i) => customerLine(c, i + 1, cur, language)))) io.out(line);
    const tailStart = Math.max(count, n - 5);
    if (tailStart < n) {
      io.out(t.leastProfitable);
      const tail = result.customers.slice(tailStart).map((c, i) => customerLine(c, tailStart + i + 1, cur, language));
      for (const line of table(tail.reverse())) io.out(line);
    }
  }
}
