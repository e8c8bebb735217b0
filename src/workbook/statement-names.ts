/**
 * Sheet names of customer statements: `ABC Statement <customer>` within Excel's rules for sheet names —
 * at most 31 characters, none of `: \ / ? * [ ]`, no apostrophe at either end — and unique ignoring case,
 * among themselves and against every other sheet of the workbook, since two customer ids may be cut to the
 * same name.
 */

import { cutUnits, replaceForbiddenXmlChars } from './xml-text';

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** The characters Excel refuses in a sheet name (and control characters, which no name should hold). */
const FORBIDDEN = /[:\\/?*[\]\u0000-\u001f\u007f]/g;

/**
 * `text` without the characters Excel forbids in a sheet name, nor those XML cannot hold (U+FFFE, U+FFFF,
 * a lone surrogate): a sheet name has no escapes, so each becomes `_`.
 */
export function cleanSheetText(text: string): string {
  return replaceForbiddenXmlChars(text, '_').replace(FORBIDDEN, '_');
}

/** A name made of `prefix` and `id`, cut to `room` characters, with no apostrophe or space at its end. */
function fit(prefix: string, id: string, room: number): string {
  return cutUnits(`${prefix}${cleanSheetText(id)}`, room).replace(/['\s]+$/u, '');
}

/**
 * The sheet name of each customer's statement, in order. `taken` holds the names already in use (other
 * sheets of the workbook, the other report sheets); the names chosen here are added to it. A name that is
 * taken gets `~2`, `~3` … at its end, cutting the id further so the name stays within 31 characters.
 */
export function statementSheetNames(prefix: string, ids: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set<string>();
  for (const name of taken) used.add(name.toLowerCase());
  return ids.map((id) => {
    let name = fit(prefix, id, MAX_SHEET_NAME);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = `${fit(prefix, id, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
