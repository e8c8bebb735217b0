/**
 * The `ABC Cost flow` sheet (Dutch `ABC Kostenstroom`), written only when the model has a first stage
 * (issue 19): how the ledger's cost reaches the operating pools. It shows the ledger per pool (and per
 * account), what each support pool passes to each other pool under the chosen method, each operating pool's
 * own cost plus what it received, and the three methods side by side, so a controller sees how much the
 * choice of method matters. Every table adds up to the ledger total to the cent: the figures are the
 * first stage's own, already rounded to cents, summed exactly.
 */
import { type Dec, ZERO, sum } from '../engine/decimal';
import type { FirstStagePool, FirstStageResult } from '../engine/first-stage/types';
import { SUPPORT_METHODS } from '../engine/first-stage/types';
import type { CostingResult } from '../engine/result';
import type { SupportMethod } from '../engine/support/types';
import { blank, fitWidths, headerRow, integer, money, row, spacer, text } from './report-cells';
import { noteLine } from './report-common';
import { type ReportLanguage, type ReportText, reportText } from './report-text';
import type { ReportRow, ReportSheet } from './report-types';

type CostFlowText = ReportText['costFlow'];

/** The ledger per pool, and with a ledger each pool's accounts with their description and amount. */
function ledgerRows(stage: FirstStageResult, t: ReportText): ReportRow[] {
  const c = t.costFlow;
  const pools = [
    row('section', [text(c.ledgerSection)]),
    headerRow([c.pool, c.role, c.accounts, c.ownCost]),
    ...stage.pools.map((p) =>
      row('body', [text(p.pool), text(p.role === 'support' ? c.support : c.operating), stage.fromLedger ? integer(p.ledger.length) : blank('integer'), money(p.ownCost)]),
    ),
    row('total', [text(t.common.total), blank(), stage.fromLedger ? integer(stage.pools.reduce((n, p) => n + p.ledger.length, 0)) : blank('integer'), money(stage.ledgerTotal)]),
  ];
  if (!stage.fromLedger) return pools;
  const lines = stage.pools.flatMap((p) => p.ledger.map((l) => ({ pool: p.pool, ...l })));
  return [
    ...pools,
    spacer(),
    row('section', [text(c.accountsSection)]),
    headerRow([c.pool, c.account, c.description, c.amount]),
    // An account is text (`4100-01`, a leading zero), written as text like every value from the workbook.
    ...lines.map((l) => row('body', [text(l.pool), text(l.account), text(l.description), money(l.amount)])),
    row('total', [text(t.common.total), blank(), blank(), money(sum(lines.map((l) => l.amount)))]),
  ];
}

/** What `from` passes to `to` under the chosen method (zero when nothing). */
function flowAmount(stage: FirstStageResult, from: string, to: string): Dec {
  return sum(stage.flows.filter((f) => f.from === from && f.to === to).map((f) => f.amount));
}

/**
 * The support matrix: a row per support pool, a column per pool that can receive (every pool but itself,
 * its own cell left blank), then what its shares leave unassigned and what it passes on in all.
 */
function matrixRows(stage: FirstStageResult, t: ReportText, methodLabel: string): ReportRow[] {
  const c = t.costFlow;
  const support = stage.pools.filter((p) => p.role === 'support');
  const receivers = stage.pools.map((p) => p.pool);
  const passedOn = (from: string): Dec => sum(stage.flows.filter((f) => f.from === from).map((f) => f.amount));
  return [
    row('section', [text(c.matrixSection(methodLabel))]),
    headerRow([c.from, ...receivers, c.unassigned, c.passedOn]),
    ...support.map((s) =>
      row('body', [
        text(s.pool),
        ...receivers.map((to) => (to === s.pool ? blank('money') : money(flowAmount(stage, s.pool, to)))),
        money(s.unassigned),
        money(passedOn(s.pool)),
      ]),
    ),
    row('total', [
      text(t.common.total),
      ...receivers.map((to) => money(sum(support.map((s) => flowAmount(stage, s.pool, to))))),
      money(sum(support.map((s) => s.unassigned))),
      money(sum(stage.flows.map((f) => f.amount))),
    ]),
  ];
}

/**
 * Per operating pool: its own cost, what each support pool passed to it, and its cost after support; under
 * the total, the support cost left unassigned and the ledger total those two add up to.
 */
function operatingRows(stage: FirstStageResult, t: ReportText): ReportRow[] {
  const c = t.costFlow;
  const support = stage.pools.filter((p) => p.role === 'support').map((p) => p.pool);
  const operating = stage.pools.filter((p) => p.role === 'operating');
  const received = (p: FirstStagePool, from: string): Dec => sum(p.received.filter((r) => r.from === from).map((r) => r.amount));
  const width = 2 + support.length;
  const closing = (label: string, amount: Dec): ReportRow => row('total', [text(label), ...Array.from({ length: width - 1 }, () => blank('money')), money(amount)]);
  const afterTotal = sum(operating.map((p) => p.costAfter));
  const unassigned = stage.unassignedByMethod[stage.method];
  return [
    row('section', [text(c.operatingSection)]),
    headerRow([c.pool, c.ownCost, ...support.map((s) => c.receivedFrom(s)), c.costAfter]),
    ...operating.map((p) => row('body', [text(p.pool), money(p.ownCost), ...support.map((s) => money(received(p, s))), money(p.costAfter)])),
    row('total', [
      text(t.common.total),
      money(sum(operating.map((p) => p.ownCost))),
      ...support.map((s) => money(sum(operating.map((p) => received(p, s))))),
      money(afterTotal),
    ]),
    closing(c.supportUnassigned, unassigned),
    closing(c.ledgerTotal, afterTotal.plus(unassigned)),
  ];
}

/** The header of a method's column: its label, marked when it is the chosen one. */
function methodHeader(c: CostFlowText, method: SupportMethod, chosen: SupportMethod): string {
  return method === chosen ? c.chosen(c.methods[method]) : c.methods[method];
}

/**
 * The three methods side by side: each operating pool's cost after support under each, then each other
 * method's difference to the chosen one; the support cost each leaves unassigned and the ledger total
 * (the same under every method) close it, and a line per method says what it does.
 */
function methodRows(stage: FirstStageResult, t: ReportText): ReportRow[] {
  const c = t.costFlow;
  const chosen = stage.method;
  const others = SUPPORT_METHODS.filter((m) => m !== chosen);
  const operating = stage.pools.filter((p) => p.role === 'operating');
  const totalOf = (m: SupportMethod): Dec => sum(operating.map((p) => p.byMethod[m]));
  const figures = (of: (m: SupportMethod) => Dec): ReportRow['cells'] => [...SUPPORT_METHODS.map((m) => money(of(m))), ...others.map((m) => money(of(m).minus(of(chosen))))];
  return [
    row('section', [text(c.methodsSection)]),
    headerRow([c.pool, ...SUPPORT_METHODS.map((m) => methodHeader(c, m, chosen)), ...others.map((m) => c.difference(c.methods[m], c.methods[chosen]))]),
    ...operating.map((p) => row('body', [text(p.pool), ...figures((m) => p.byMethod[m])])),
    row('total', [text(t.common.total), ...figures(totalOf)]),
    row('body', [text(c.supportUnassigned), ...figures((m) => stage.unassignedByMethod[m])]),
    row('total', [text(c.ledgerTotal), ...figures((m) => totalOf(m).plus(stage.unassignedByMethod[m]))]),
    spacer(),
    ...SUPPORT_METHODS.map((m) => row('note', [text(c.explanations[m])])),
  ];
}

/**
 * Builds the cost flow sheet of a result in a language (English by default), or null when the result has
 * no first stage: such a model's report has no such sheet and is exactly as it was.
 */
export function buildCostFlowSheet(result: CostingResult, language: ReportLanguage = 'en'): ReportSheet | null {
  const stage = result.firstStage;
  if (stage === undefined) return null;
  const t = reportText(language);
  const rows: ReportRow[] = [
    row('title', [text(t.costFlow.title)]),
    row('note', [text(noteLine(result, t))]),
    ...ledgerRows(stage, t),
    spacer(),
    ...(stage.pools.some((p) => p.role === 'support') ? [...matrixRows(stage, t, t.costFlow.methods[stage.method]), spacer()] : []),
    ...operatingRows(stage, t),
    spacer(),
    ...methodRows(stage, t),
  ];
  return {
    name: t.sheetNames.costFlow,
    role: 'costFlow',
    // Headers decide the widths too (a wrapped header ran up over the section title above it in LibreOffice);
    // 48 fits the longest row label, the Dutch unassigned line, which has figures to its right.
    columnWidths: fitWidths(rows, 12, 48),
    freeze: { rows: 2, columns: 1 },
    printOnePageWide: 'landscape',
    printTitles: { rows: 2, columns: 1 },
    rows,
  };
}

/** The support cost the chosen method leaves unassigned (zero without a first stage). */
export function supportUnassigned(result: CostingResult): Dec {
  const stage = result.firstStage;
  return stage === undefined ? ZERO : stage.unassignedByMethod[stage.method];
}
