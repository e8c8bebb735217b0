/**
 * The mark of a report sheet this project created: a hidden, worksheet-scoped defined name on the sheet,
 * whose value is a text constant. Both writers (the runner's .xlsx writer and the add-in's Office.js
 * writer) put it there and look for it, so a workbook refreshed by one can be refreshed by the other;
 * a sheet with a report sheet's name but without the mark is the user's and is never overwritten.
 *
 * The value says which report sheet it is (`"ABC report: pnl"`), so a sheet is found by its role whatever
 * its name or language. Sheets marked before the value named the role carry `OWNER_VALUE`; their role is
 * told by their name.
 */
import type { ReportRole, StatementRole } from './report-types';
import { decodeCellEscapes, escapeCellChars } from './xml-text';

/** The name of the marker. */
export const OWNER_NAME = 'ABC_ReportOwner';

/** The value of a mark that does not name the role (written before roles, and by writers that do not know it). */
export const OWNER_VALUE = '"customer-profitability-abc"';

/** What a role's mark says, before the role. */
const ROLE_PREFIX = 'ABC report: ';

/**
 * The marker's value for a report sheet of `role`: a formula text constant. A statement's role holds a
 * customer id, which may hold a quote (doubled, as in any formula text) or a character XML cannot hold:
 * that one is written as Excel's `_xHHHH_` escape, which `ownerRole` reads back, so the mark still finds
 * the customer's statement on the next run.
 */
export function ownerValue(role: ReportRole | StatementRole): string {
  return `"${ROLE_PREFIX}${escapeCellChars(role).replace(/"/g, '""')}"`;
}

/**
 * What a marker's formula says: the role it names (any text after the prefix, so a later kind of report
 * sheet is still recognised as ours), or null for the old value and anything else. A leading `=` (as
 * Office.js gives it) and surrounding spaces are ignored.
 */
export function ownerRole(formula: string): string | null {
  const trimmed = formula.trim().replace(/^=\s*/, '');
  const quoted = /^"((?:[^"]|"")*)"$/.exec(trimmed);
  if (quoted === null) return null;
  const value = decodeCellEscapes((quoted[1] ?? '').replace(/""/g, '"'));
  if (!value.startsWith(ROLE_PREFIX)) return null;
  const role = value.slice(ROLE_PREFIX.length).trim();
  return role === '' ? null : role;
}
