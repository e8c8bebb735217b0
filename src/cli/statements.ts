/**
 * The runner's customer statements: which customers `--statement` and `--statements` pick, the sheets for
 * them, and what is printed about them. A workbook with thousands of sheets is unusable in Excel, so
 * `--statements all` writes at most `MAX_STATEMENTS` and says how to pick customers instead.
 */
import type { CostingResult, CustomerResult } from '../engine/result';
import { buildStatementSheets, closeCustomers, findCustomer, statementRole } from '../workbook/report-statement';
import type { ReportLanguage } from '../workbook/report-text';
import type { ReportSheet } from '../workbook/report-types';
import type { LoadedWorkbook } from '../xlsx/load-workbook';
import { ownedSheetRoles } from '../xlsx/report-owner';

/** The most statements one run writes. */
export const MAX_STATEMENTS = 500;

/** What the command line asked for: named customers, and/or every customer or the two extremes. */
export interface StatementRequest {
  customers: string[];
  mode: 'all' | 'extremes' | null;
}

/** The runner's texts about statements, per language (typed: a missing Dutch text does not compile). */
interface StatementCliText {
  unknown: (query: string, close: readonly string[]) => string;
  written: (count: number, seconds: string) => string;
  capped: (written: number, customers: number) => string;
  gone: (ids: readonly string[]) => string;
}

const TEXT: { readonly [L in ReportLanguage]: StatementCliText } = {
  en: {
    unknown: (query, close) =>
      `--statement ${query}: no customer has that id or name${close.length === 0 ? '' : `; close matches: ${close.join(', ')}`}.`,
    written: (count, seconds) => `Statements: ${count} sheet${count === 1 ? '' : 's'} written in ${seconds} s.`,
    capped: (written, customers) =>
      `Only the ${written} most profitable of ${customers} customers got a statement: a workbook with thousands of sheets is unusable in Excel. Pick customers with --statement <customer> (repeatable).`,
    gone: (ids) =>
      `The statement${ids.length === 1 ? '' : 's'} of ${ids.join(', ')} from an earlier run ${ids.length === 1 ? 'was' : 'were'} emptied: ${ids.length === 1 ? 'that customer is' : 'those customers are'} no longer in ABC_Customers.`,
  },
  nl: {
    unknown: (query, close) =>
      `--statement ${query}: geen klant heeft die code of naam${close.length === 0 ? '' : `; lijkt op: ${close.join(', ')}`}.`,
    written: (count, seconds) => `Klantoverzichten: ${count} ${count === 1 ? 'blad' : 'bladen'} geschreven in ${seconds} s.`,
    capped: (written, customers) =>
      `Alleen de ${written} meest winstgevende van ${customers} klanten kregen een klantoverzicht: een werkmap met duizenden bladen is in Excel onbruikbaar. Kies klanten met --statement <klant> (herhaalbaar).`,
    gone: (ids) =>
      `${ids.length === 1 ? 'Het klantoverzicht' : 'De klantoverzichten'} van ${ids.join(', ')} uit een eerdere run ${ids.length === 1 ? 'is' : 'zijn'} leeggemaakt: ${ids.length === 1 ? 'die klant staat' : 'die klanten staan'} niet meer in ABC_Customers.`,
  },
};

/**
 * The customers chosen, with the ids of earlier statements whose customer is gone; or the sentence saying
 * which asked-for customers do not exist.
 */
export type StatementChoice = { customers: CustomerResult[]; gone: string[]; capped: boolean } | { error: string };

const STATEMENT_ROLE = /^statement (.*)$/s;

/**
 * The customer ids of the statements an earlier run left in the workbook, by their owner marks. A re-run
 * writes them again, so no statement keeps figures of a model that has since changed.
 */
export function earlierStatementIds(loaded: Pick<LoadedWorkbook, 'info'>): string[] {
  const ids: string[] = [];
  for (const role of ownedSheetRoles(loaded).values()) {
    const id = role === null ? undefined : STATEMENT_ROLE.exec(role)?.[1];
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * The customers to write statements for, in ranking order (most profitable first), each once: those asked
 * for and those of `earlier` statements (ids). Every unknown customer asked for is named in one sentence,
 * with close matches; an earlier statement's customer that no longer exists is returned in `gone`.
 */
export function chooseStatementCustomers(
  result: CostingResult,
  request: StatementRequest,
  language: ReportLanguage,
  earlier: readonly string[] = [],
  max = MAX_STATEMENTS,
): StatementChoice {
  const t = TEXT[language];
  const chosen = new Set<CustomerResult>();
  const unknown: string[] = [];
  for (const query of request.customers) {
    const c = findCustomer(result, query);
    if (c === null) unknown.push(t.unknown(query, closeCustomers(result, query)));
    else chosen.add(c);
  }
  if (unknown.length > 0) return { error: unknown.join(' ') };
  // Earlier statements are matched by id only: the mark holds the id, and a name may now belong to another customer.
  const byId = new Map(result.customers.map((c) => [c.customer, c]));
  const gone: string[] = [];
  for (const id of earlier) {
    const c = byId.get(id);
    if (c === undefined) gone.push(id);
    else chosen.add(c);
  }
  const all = result.customers;
  if (request.mode === 'all') for (const c of all) chosen.add(c);
  if (request.mode === 'extremes' && all.length > 0) {
    chosen.add(all[0] as CustomerResult);
    chosen.add(all[all.length - 1] as CustomerResult);
  }
  const ranked = all.filter((c) => chosen.has(c));
  return { customers: ranked.slice(0, max), gone, capped: ranked.length > max };
}

/**
 * The statement sheets for `customers`, named clear of the workbook's other sheets and of the report's
 * own (`reportNames`); sheets of an earlier run marked as these customers' statements are not in the way,
 * since they are replaced.
 */
export function statementSheetsFor(
  result: CostingResult,
  customers: readonly CustomerResult[],
  language: ReportLanguage,
  loaded: Pick<LoadedWorkbook, 'info'>,
  reportNames: readonly string[],
  gone: readonly string[] = [],
  earlierOf?: Parameters<typeof buildStatementSheets>[6],
): ReportSheet[] {
  const roles = new Set<string>([...customers.map((c) => c.customer), ...gone].map(statementRole));
  const owned = ownedSheetRoles(loaded);
  const taken = loaded.info.sheets.filter((s, i) => !roles.has(owned.get(i) ?? '')).map((s) => s.name);
  return buildStatementSheets(result, customers, language, [...taken, ...reportNames], undefined, gone, earlierOf);
}

/** The lines printed after the report is written: how many statements, how long, the cap, and the statements emptied. */
export function statementLines(
  written: number,
  capped: boolean,
  customers: number,
  milliseconds: number,
  language: ReportLanguage,
  gone: readonly string[] = [],
): string[] {
  const t = TEXT[language];
  const seconds = (milliseconds / 1000).toFixed(1);
  return [
    t.written(written, language === 'nl' ? seconds.replace('.', ',') : seconds),
    ...(capped ? [t.capped(written, customers)] : []),
    ...(gone.length > 0 ? [t.gone(gone)] : []),
  ];
}
