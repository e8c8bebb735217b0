/**
 * The `ABC Scenarios` sheet (Dutch `ABC Scenario's`): per scenario its headline figures before and after,
 * the two operating-profit lines (today's capacity, capacity resized to what is used) with the
 * reconciliation from today's operating profit to both, the minutes and staff each time-driven pool frees,
 * and the customers whose net profit changes.
 */
import { type Dec, sum } from '../engine/decimal';
import type { CostingResult } from '../engine/result';
import type { ScenarioHeadline, ScenarioOutcome } from '../engine/scenarios/types';
import { blank, decimal, fitWidths, headerRow, money, row, spacer, text } from './report-cells';
import { noteLine } from './report-common';
import { type ReportLanguage, reportText } from './report-text';
import type { ReportRow, ReportSheet } from './report-types';

/** At most this many customers are listed per scenario; the rest are counted in one line. */
export const MAX_SCENARIO_CUSTOMERS = 50;

type ScenarioText = ReturnType<typeof reportText>['scenarios'];

/** The scenarios sheet of `outcomes`, run against `result` (the baseline), in `language`. */
export function buildScenarioSheet(outcomes: readonly ScenarioOutcome[], result: CostingResult, language: ReportLanguage = 'en'): ReportSheet {
  const all = reportText(language);
  const t = all.scenarios;
  const rows: ReportRow[] = [row('title', [text(t.title)]), row('note', [text(noteLine(result, all))]), row('note', [text(t.explanation)])];
  const anyFte = outcomes.some((o) => o.pools.some((p) => p.freedFte !== null));
  if (!anyFte && outcomes.some((o) => o.pools.length > 0)) rows.push(row('note', [text(t.noFte)]));
  for (const outcome of outcomes) rows.push(spacer(), ...scenarioBlock(outcome, t));
  return { name: all.sheetNames.scenarios, role: 'scenarios', columnWidths: fitWidths(rows, 10, 44), freeze: { rows: 3, columns: 1 }, rows, printOnePageWide: 'landscape' };
}

function scenarioBlock(o: ScenarioOutcome, t: ScenarioText): ReportRow[] {
  const rows: ReportRow[] = [row('section', [text(t.scenario(o.scenario))]), headerRow([t.figure, t.before, t.after, t.change])];
  const line = (label: string, pick: (h: ScenarioHeadline) => Dec): ReportRow => figureRow(label, pick(o.before), pick(o.after));
  rows.push(
    line(t.netRevenue, (h) => h.netRevenue),
    line(t.fees, (h) => h.fees),
    line(t.costToServe, (h) => h.costToServe),
    line(t.customerNetProfit, (h) => h.customerNetProfit),
    line(t.unusedCapacityCost, (h) => h.unusedCapacityCost),
    line(t.unassignedCost, (h) => h.unassignedCost),
    { ...line(t.operatingProfitToday, (h) => h.operatingProfit), style: 'total' },
    { ...figureRow(t.operatingProfitResized, o.before.operatingProfit, o.operatingProfitResized), style: 'total' },
  );

  const freedCost = sum(o.pools.map((p) => p.freedCost));
  rows.push(
    spacer(),
    headerRow([t.reconciliation, t.amount]),
    row('body', [text(t.baselineOperatingProfit), money(o.before.operatingProfit)]),
    row('body', [text(t.changeInCustomerNetProfit), money(o.after.customerNetProfit.minus(o.before.customerNetProfit))]),
    row('body', [text(t.lessChangeInUnused), money(o.after.unusedCapacityCost.minus(o.before.unusedCapacityCost).negated())]),
    row('body', [text(t.lessChangeInUnassigned), money(o.after.unassignedCost.minus(o.before.unassignedCost).negated())]),
    row('total', [text(t.operatingProfitToday), money(o.after.operatingProfit)]),
    row('body', [text(t.plusFreedCost), money(freedCost)]),
    row('total', [text(t.operatingProfitResized), money(o.operatingProfitResized)]),
  );

  if (o.pools.length > 0) {
    rows.push(spacer(), headerRow([t.pool, t.capacityBefore, t.capacityAfter, t.usedBefore, t.usedAfter, t.freedMinutes, t.freedFte, t.freedCost]));
    for (const p of o.pools) {
      rows.push(
        row('body', [
          text(p.pool),
          decimal(p.capacityBefore),
          decimal(p.capacityAfter),
          decimal(p.usedBefore),
          decimal(p.usedAfter),
          decimal(p.freedMinutes),
          p.freedFte === null ? blank('decimal') : decimal(p.freedFte),
          money(p.freedCost),
        ]),
      );
    }
  }

  rows.push(spacer());
  if (o.customers.length === 0) {
    rows.push(row('note', [text(t.noCustomers)]));
    return rows;
  }
  rows.push(headerRow([t.customer, t.name, t.netProfitBefore, t.netProfitAfter, t.change, t.customerFees]));
  for (const c of o.customers.slice(0, MAX_SCENARIO_CUSTOMERS)) {
    rows.push(
      row('body', [
        text(c.customer),
        text(c.name),
        money(c.netProfitBefore),
        money(c.netProfitAfter),
        money(c.netProfitAfter.minus(c.netProfitBefore)),
        c.fees.isZero() ? blank('money') : money(c.fees),
      ]),
    );
  }
  const more = o.customers.length - MAX_SCENARIO_CUSTOMERS;
  if (more > 0) rows.push(row('note', [text(t.moreCustomers(more))]));
  return rows;
}

function figureRow(label: string, before: Dec, after: Dec): ReportRow {
  return row('body', [text(label), money(before), money(after), money(after.minus(before))]);
}
