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
import { cutUnits, decodeCellEscapes, escapeCellChars } from './xml-text';

/** The name of the marker. */
export const OWNER_NAME = 'ABC_ReportOwner';

/** The value of a mark that does not name the role (written before roles, and by writers that do not know it). */
export const OWNER_VALUE = '"customer-profitability-abc"';

/** What a role's mark says, before the role. */
const ROLE_PREFIX = 'ABC report: ';

/** Excel's most characters in one text constant of a formula. */
const MAX_CONSTANT = 255;

/** Excel's longest formula, a defined name's included. */
const MAX_FORMULA = 8_192;

/**
 * The marker's value for a report sheet of `role`: a formula text constant. A statement's role holds a
 * customer id, which may hold a quote (doubled, as in any formula text) or a character XML cannot hold:
 * that one is written as Excel's `_xHHHH_` escape, which `ownerRole` reads back, so the mark still finds
 * the customer's statement on the next run. A constant holds at most 255 characters in Excel, so a long
 * role is written as constants joined with `&` (never splitting a surrogate pair); a role too long even
 * for that (a formula holds 8,192) gets the mark that names no role, rather than one naming a wrong one.
 */
export function ownerValue(role: ReportRole | StatementRole): string {
  const pieces: string[] = [];
  for (let rest = `${ROLE_PREFIX}${escapeCellChars(role)}`; rest.length > 0; ) {
    const piece = cutUnits(rest, MAX_CONSTANT);
    pieces.push(`"${piece.replace(/"/g, '""')}"`);
    rest = rest.slice(piece.length);
  }
  const formula = pieces.join('&');
  return formula.length < MAX_FORMULA ? formula : OWNER_VALUE;
}

/**
 * What a marker's formula says: the role it names (any text after the prefix, so a later kind of report
 * sheet is still recognised as ours), or null for the old value and anything else. A leading `=` (as
 * Office.js gives it) and surrounding spaces are ignored.
 */
export function ownerRole(formula: string): string | null {
  const trimmed = formula.trim().replace(/^=\s*/, '');
  // One text constant, or several joined with & (a long role, see ownerValue).
  if (!/^"(?:[^"]|"")*"(?:\s*&\s*"(?:[^"]|"")*")*$/.test(trimmed)) return null;
  const joined = [...trimmed.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')).join('');
  const value = decodeCellEscapes(joined);
  if (!value.startsWith(ROLE_PREFIX)) return null;
  const role = value.slice(ROLE_PREFIX.length).trim();
  return role === '' ? null : role;
}
