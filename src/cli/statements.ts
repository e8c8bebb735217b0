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
}

const TEXT: { readonly [L in ReportLanguage]: StatementCliText } = {
  en: {
    unknown: (query, close) =>
      `--statement ${query}: no customer has that id or name${close.length === 0 ? '' : `; close matches: ${close.join(', ')}`}.`,
    written: (count, seconds) => `Statements: ${count} sheet${count === 1 ? '' : 's'} written in ${seconds} s.`,
    capped: (written, customers) =>
      `Only the ${written} most profitable of ${customers} customers got a statement: a workbook with thousands of sheets is unusable in Excel. Pick customers with --statement <customer> (repeatable).`,
  },
  nl: {
    unknown: (query, close) =>
      `--statement ${query}: geen klant heeft die code of naam${close.length === 0 ? '' : `; lijkt op: ${close.join(', ')}`}.`,
    written: (count, seconds) => `Klantoverzichten: ${count} ${count === 1 ? 'blad' : 'bladen'} geschreven in ${seconds} s.`,
    capped: (written, customers) =>
      `Alleen de ${written} meest winstgevende van ${customers} klanten kregen een klantoverzicht: een werkmap met duizenden bladen is in Excel onbruikbaar. Kies klanten met --statement <klant> (herhaalbaar).`,
  },
};

/** The customers chosen, or the sentence saying which asked-for customers do not exist. */
export type StatementChoice = { customers: CustomerResult[]; capped: boolean } | { error: string };

/**
 * The customers to write statements for, in ranking order (most profitable first), each once. Every
 * unknown customer is named in one sentence, with close matches.
 */
export function chooseStatementCustomers(
  result: CostingResult,
  request: StatementRequest,
  language: ReportLanguage,
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
  const all = result.customers;
  if (request.mode === 'all') for (const c of all) chosen.add(c);
  if (request.mode === 'extremes' && all.length > 0) {
    chosen.add(all[0] as CustomerResult);
    chosen.add(all[all.length - 1] as CustomerResult);
  }
  const ranked = all.filter((c) => chosen.has(c));
  return { customers: ranked.slice(0, max), capped: ranked.length > max };
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
): ReportSheet[] {
  const roles = new Set<string>(customers.map((c) => statementRole(c.customer)));
  const owned = ownedSheetRoles(loaded);
  const taken = loaded.info.sheets.filter((s, i) => !roles.has(owned.get(i) ?? '')).map((s) => s.name);
  return buildStatementSheets(result, customers, language, [...taken, ...reportNames]);
}

/** The lines printed after the report is written: how many statements, how long, and the cap. */
export function statementLines(written: number, capped: boolean, customers: number, milliseconds: number, language: ReportLanguage): string[] {
  const t = TEXT[language];
  const seconds = (milliseconds / 1000).toFixed(1);
  return [t.written(written, language === 'nl' ? seconds.replace('.', ',') : seconds), ...(capped ? [t.capped(written, customers)] : [])];
}
