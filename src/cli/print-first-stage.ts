/**
 * The runner's lines about the first stage (issue 19): the ledger total, what each support pool passes on,
 * the operating pools' cost after support under the three methods, and the reconciliation of operating
 * profit with the ledger total — so a controller sees at the prompt that no euro of the ledger went missing.
 */
import { companyFromCosts } from '../engine/company-from-costs';
import type { Dec } from '../engine/decimal';
import { SUPPORT_METHODS } from '../engine/first-stage/types';
import type { CostingResult } from '../engine/result';
import type { ReportLanguage } from '../workbook/report-text';
import { cliText } from './cli-text';
import { formatMoney } from './format';

/** The lines, or none when the result has no first stage. */
export function firstStageLines(result: CostingResult, language: ReportLanguage = 'en'): string[] {
  const stage = result.firstStage;
  if (stage === undefined) return [];
  const t = cliText(language).firstStage;
  const m = (d: Dec): string => formatMoney(d, result.settings.currency, language);
  const accounts = new Set(stage.pools.flatMap((p) => p.ledger.map((l) => l.account))).size;
  const support = stage.pools.filter((p) => p.role === 'support');
  const operating = stage.pools.filter((p) => p.role === 'operating');
  const lines = [t.heading(t.methods[stage.method]), `  ${t.ledgerTotal(m(stage.ledgerTotal), accounts)}`];
  if (support.length > 0) lines.push(`  ${t.supportPassed(support.map((p) => `${p.pool} ${m(p.supportTotal ?? p.ownCost)}`).join(', '))}`);
  lines.push(`  ${t.afterSupport(SUPPORT_METHODS.map((x) => t.methods[x]).join(' | '))}`);
  const width = Math.max(...operating.map((p) => p.pool.length));
  const columns = operating.map((p) => SUPPORT_METHODS.map((x) => m(p.byMethod[x])));
  const amountWidth = Math.max(...columns.flat().map((a) => a.length));
  operating.forEach((p, i) => lines.push(`    ${p.pool.padEnd(width)}  ${(columns[i] ?? []).map((a) => a.padStart(amountWidth)).join('  ')}`));

  const company = companyFromCosts(result);
  const reported = result.totals.operatingProfit;
  const difference = company.operatingProfit.minus(reported);
  const amounts = [company.netRevenue, company.cogs, company.directCosts, company.rateCharges, company.poolCosts].map(m).join(' - ');
  lines.push(`  ${t.reconcile({ amounts: `${amounts} = ${m(company.operatingProfit)}`, operatingProfit: m(reported), difference: difference.isZero() ? null : m(difference) })}`);
  return lines;
}
