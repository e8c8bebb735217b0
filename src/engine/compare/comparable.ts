/**
 * Whether two periods can be compared at all (issue 20): the same currency, labels that tell them apart,
 * and customer ids written alike. The bridge matches customers by id as text, as the contract does, so an
 * id written `01001` in one period and `1001` in the other makes a new and a lost customer; that is said
 * aloud, never matched silently.
 */
import { dec } from '../decimal';
import { type Issue, type Where, error, warning } from '../issues';
import { msg } from '../messages';
import { nameKey } from '../model';
import type { PeriodFigures } from './figures';

/** A whole number or plain decimal written in digits; ids such as `C-12` or `1e3` are left as text. */
const DIGITS = /^[0-9]+(\.[0-9]+)?$/;

/**
 * The problems that keep `before` and `after` from being compared (errors) or that the controller should
 * know of (warnings). `where` locates the earlier period (the file it was read from, or the kept period):
 * these problems belong to no cell, and the earlier period is the one chosen to compare with.
 */
export function checkComparable(before: PeriodFigures, after: PeriodFigures, where: Where): Issue[] {
  const issues: Issue[] = [];
  if (before.currency !== null && after.currency !== null && before.currency.trim().toUpperCase() !== after.currency.trim().toUpperCase()) {
    issues.push(error('COMPARE_CURRENCY', msg('compareCurrency', { earlier: before.currency, now: after.currency }), where));
  }
  if (before.label !== null && after.label !== null && nameKey(before.label) === nameKey(after.label) && nameKey(after.label) !== '') {
    issues.push(error('COMPARE_SAME_LABEL', msg('compareSameLabel', { label: after.label }), where));
  }
  for (const [now, then] of renumbered(before, after)) {
    issues.push(warning('COMPARE_ID_CHANGED', msg('compareIdChanged', { now, then }), where));
  }
  return issues;
}

/** Pairs [id now, id then] of customers only in one period whose ids are the same number, in this period's order. */
function renumbered(before: PeriodFigures, after: PeriodFigures): Array<[string, string]> {
  const keysBefore = new Set(before.customers.map((c) => nameKey(c.customer)));
  const keysAfter = new Set(after.customers.map((c) => nameKey(c.customer)));
  const number = (id: string): string | null => (DIGITS.test(id.trim()) ? dec(id.trim()).toString() : null);
  const lostByNumber = new Map<string, string[]>();
  for (const c of before.customers) {
    const n = keysAfter.has(nameKey(c.customer)) ? null : number(c.customer);
    if (n !== null) lostByNumber.set(n, [...(lostByNumber.get(n) ?? []), c.customer]);
  }
  const pairs: Array<[string, string]> = [];
  for (const c of after.customers) {
    const n = keysBefore.has(nameKey(c.customer)) ? null : number(c.customer);
    for (const then of n === null ? [] : (lostByNumber.get(n) ?? [])) pairs.push([c.customer, then]);
  }
  return pairs;
}
