/**
 * The `ABC Rates` sheet: what each pool costs per minute and how much of it was used, then every activity
 * term with its driver, quantity and cost per driver unit — the figures a controller checks first.
 */
import { type Dec, ZERO, sum, toNumber } from '../engine/decimal';
import type { ActivityResult, CostingResult, DriverResult } from '../engine/result';
import { blank, decimal, fitWidths, headerRow, money, percent, quantity, rate, row, spacer, text } from './report-cells';
import { methodLabel, noteLine } from './report-common';
import { REPORT_TABLE_NAMES, reportTable, uniqueColumnNames } from './report-tables';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportCell, ReportRow, ReportSheet } from './report-types';

/** The value of an activity term in the unit its kind implies. */
function termValue(driver: DriverResult): ReportCell {
  switch (driver.kind) {
    case 'minutes':
      return decimal(driver.value);
    case 'share':
      return percent(toNumber(driver.value));
    case 'rate':
      return rate(driver.value);
  }
}

/** The lines of one activity: one per driver, the activity's amounts on the first. */
function activityLines(a: ActivityResult, t: ReportText): ReportRow[] {
  const head = [text(a.activity), text(a.pool), text(methodLabel(a.method, t))];
  if (a.drivers.length === 0) {
    const label = a.businessSustaining ? t.rates.businessSustaining : null;
    return [row('body', [...head, text(label), blank(), blank('decimal'), blank('rate'), money(a.cost), money(a.unassignedCost)])];
  }
  return a.drivers.map((d, i) =>
    row('body', [
      ...(i === 0 ? head : [blank(), blank(), blank()]),
      text(d.driver),
      termValue(d),
      quantity(d.quantity),
      rate(d.costPerUnit),
      i === 0 ? money(a.cost) : blank('money'),
      i === 0 ? money(a.unassignedCost) : blank('money'),
    ]),
  );
}

/**
 * With a first stage, a pool's own cost and what support pools passed to it, which add up to its Cost
 * (the cost after support); without one, nothing, so such a sheet is exactly as it was.
 */
function supportCells(result: CostingResult): { headers: (h: ReportText['rates']) => string[]; cells: (pool: string) => ReportCell[]; totals: () => ReportCell[] } {
  const stage = result.firstStage;
  if (stage === undefined) return { headers: () => [], cells: () => [], totals: () => [] };
  const byPool = new Map(stage.pools.map((p) => [p.pool, p]));
  const own = (pool: string): Dec => byPool.get(pool)?.ownCost ?? ZERO;
  const received = (pool: string): Dec => sum((byPool.get(pool)?.received ?? []).map((r) => r.amount));
  const pools = result.pools.map((p) => p.pool);
  return {
    headers: (h) => [h.ownCost, h.receivedSupport],
    cells: (pool) => [money(own(pool)), money(received(pool))],
    totals: () => [money(sum(pools.map(own))), money(sum(pools.map(received)))],
  };
}

/** Builds the rates sheet in a language (English by default). */
export function buildRatesSheet(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet {
  const t = reportText(language);
  const h = t.rates;
  const total = (values: Dec[]): ReportCell => money(sum(values));
  const pools = result.pools;
  // The report's own headers, unique already; the rule of `uniqueColumnNames` keeps them table column names.
  const own = (headers: string[]): string[] => uniqueColumnNames(headers, () => false);
  const support = supportCells(result);
  const poolColumns = own([h.pool, h.method, ...support.headers(h), h.cost, h.capacityMinutes, h.costPerMinute, h.usedMinutes, h.unusedMinutes, h.unusedCapacityCost, h.unassigned, h.activitiesCost]);
  const activityColumns = own([h.activity, h.pool, h.method, h.driver, h.termValue, h.totalQuantity, h.costPerDriverUnit, h.activityCost, h.notCharged]);
  const activityRows = result.activities.flatMap((a) => activityLines(a, t));
  // With a first stage the pools' Cost is their cost after support, and the sheet says so under the note.
  const notes = [row('note', [text(noteLine(result, t))]), ...(result.firstStage === undefined ? [] : [row('note', [text(h.afterSupportNote)])])];
  const rows: ReportRow[] = [
    row('title', [text(h.title)]),
    ...notes,
    row('section', [text(h.poolsSection)]),
    headerRow(poolColumns),
    ...pools.map((p) =>
      row('body', [
        text(p.pool),
        text(p.method === 'time' ? h.timeDrivenPool : h.sharePool),
        ...support.cells(p.pool),
        money(p.cost),
        decimal(p.capacityMinutes),
        rate(p.ratePerMinute),
        decimal(p.usedMinutes),
        decimal(p.unusedMinutes),
        money(p.unusedCost),
        money(p.unassignedCost),
        money(p.activitiesCost),
      ]),
    ),
    row('total', [
      text(t.common.total),
      blank(),
      ...support.totals(),
      total(pools.map((p) => p.cost)),
      blank('decimal'),
      blank('rate'),
      blank('decimal'),
      blank('decimal'),
      total(pools.flatMap((p) => (p.unusedCost === null ? [] : [p.unusedCost]))),
      total(pools.map((p) => p.unassignedCost)),
      total(pools.map((p) => p.activitiesCost)),
    ]),
    spacer(),
    row('section', [text(h.activitiesSection)]),
    headerRow(activityColumns),
    ...activityRows,
    row('total', [
      text(t.common.total),
      blank(),
      blank(),
      blank(),
      blank(),
      blank('decimal'),
      blank('rate'),
      total(result.activities.map((a) => a.cost)),
      total(result.activities.map((a) => a.unassignedCost)),
    ]),
  ];
  return {
    name: t.sheetNames.rates,
    role: 'rates',
    printOnePageWide: 'landscape',
    columnWidths: fitWidths(rows, 10, 36),
    freeze: { rows: 2, columns: 1 },
    // Title, note(s), section: the pools' header follows; the activities' follows the pools' totals, a spacer and a section.
    tables: [
      ...reportTable(REPORT_TABLE_NAMES.poolRates, 3 + notes.length, poolColumns, pools.length),
      ...reportTable(REPORT_TABLE_NAMES.activityRates, 3 + notes.length + pools.length + 4, activityColumns, activityRows.length),
    ],
    rows,
  };
}
