/**
 * What the runner tells the user: problems with their location, and after a successful run the totals,
 * the reconciliation and the extremes of the customer ranking.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import { formatWhere, type Issue } from '../engine/issues';
import type { CostingResult, CustomerResult } from '../engine/result';
import { formatMoney, formatPercent } from './format';

/** Where the runner writes; tests inject arrays. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** One problem as one line: severity, code, location, message. */
export function issueLine(issue: Issue): string {
  const where = formatWhere(issue.where);
  return `  ${issue.severity === 'error' ? 'ERROR' : 'warning'} ${issue.code}${where === null ? '' : ` at ${where}`}: ${issue.message}`;
}

/** Prints every issue, errors first, each group under a heading. */
export function printIssues(issues: readonly Issue[], io: Output): void {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (errors.length > 0) {
    io.err(`${errors.length} error${errors.length === 1 ? '' : 's'} in the model:`);
    for (const e of errors) io.err(issueLine(e));
  }
  if (warnings.length > 0) {
    io.err(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`);
    for (const w of warnings) io.err(issueLine(w));
  }
}

/** Label and amount lines, the amounts right-aligned in one column. */
function table(lines: ReadonlyArray<[string, string]>): string[] {
  const labelWidth = Math.max(...lines.map(([l]) => l.length));
  const valueWidth = Math.max(...lines.map(([, v]) => v.length));
  return lines.map(([l, v]) => `  ${l.padEnd(labelWidth)}  ${v.padStart(valueWidth)}`);
}

/** The reconciliation in one sentence each, with a verdict a user can trust at a glance. */
export function reconciliationLines(result: CostingResult): string[] {
  const cur = result.settings.currency;
  const t = result.totals;
  const customerProfit = sum(result.customers.map((c) => c.netProfit));
  const company = customerProfit.minus(t.unusedCapacityCost).minus(t.unassignedCost).minus(t.operatingProfit);
  const poolDiffs = result.pools
    .map((p) => ({ pool: p.pool, diff: p.cost.minus(p.activitiesCost).minus(p.unusedCost ?? ZERO).minus(p.unassignedCost) }))
    .filter((d) => !d.diff.isZero());
  const lines = [
    `  Customer net profit ${formatMoney(customerProfit, cur)} - unused capacity ${formatMoney(t.unusedCapacityCost, cur)} - unassigned ${formatMoney(
      t.unassignedCost,
      cur,
    )} = operating profit ${formatMoney(t.operatingProfit, cur)}: ${company.isZero() ? 'OK' : `DIFFERENCE ${formatMoney(company, cur)}`}`,
    poolDiffs.length === 0
      ? `  Every pool's cost = activities + unused capacity + unassigned (${result.pools.length} pools): OK`
      : `  Pools not reconciling: ${poolDiffs.map((d) => `${d.pool} (${formatMoney(d.diff, cur)})`).join(', ')}`,
  ];
  return lines;
}

function customerLine(c: CustomerResult, rank: number, currency: string): [string, string] {
  const label = `${String(rank).padStart(4)}. ${c.customer}${c.name === null ? '' : ` ${c.name}`}`;
  return [label.length > 48 ? `${label.slice(0, 47)}…` : label, formatMoney(c.netProfit, currency)];
}

/** The summary after a successful run. */
export function printSummary(result: CostingResult, io: Output): void {
  const cur = result.settings.currency;
  const t = result.totals;
  const m = (d: Dec): string => formatMoney(d, cur);
  io.out(`Totals (${cur}${result.settings.period === null ? '' : `, period ${result.settings.period}`}):`);
  for (const line of table([
    ['Revenue', m(t.revenue)],
    ['Net revenue', m(t.netRevenue)],
    ['Gross margin', m(t.grossMargin)],
    ['Cost to serve', m(t.costToServe)],
    ['Direct customer costs', m(t.directCosts)],
    ['Net profit of customers', m(t.netProfit)],
    ['Unused capacity', m(t.unusedCapacityCost)],
    ['Unassigned cost', m(t.unassignedCost)],
    ['Operating profit', m(t.operatingProfit)],
  ])) {
    io.out(line);
  }
  io.out('Reconciliation:');
  for (const line of reconciliationLines(result)) io.out(line);

  const n = result.customers.length;
  const losses = result.customers.filter((c) => c.netProfit.isNegative() && !c.netProfit.isZero()).length;
  io.out(`Customers: ${n}, of which ${losses} loss-making (${formatPercent(n === 0 ? null : losses / n)}).`);
  const count = Math.min(5, n);
  if (count > 0) {
    io.out(`Most profitable customers:`);
    for (const line of table(result.customers.slice(0, count).map((c, i) => customerLine(c, i + 1, cur)))) io.out(line);
    const tailStart = Math.max(count, n - 5);
    if (tailStart < n) {
      io.out(`Least profitable customers:`);
      const tail = result.customers.slice(tailStart).map((c, i) => customerLine(c, tailStart + i + 1, cur));
      for (const line of table(tail.reverse())) io.out(line);
    }
  }
}
