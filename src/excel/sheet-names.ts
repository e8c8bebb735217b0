/**
 * Sheet names the add-in makes up (a temporary `~1 ABC Summary`, an import's `ABC Imported volumes (2)`),
 * kept within Excel's rules: at most 31 characters, never ending in an apostrophe, and never cut inside a
 * character written as two UTF-16 units (an emoji or a rare CJK character in a customer's or user's name),
 * since Excel refuses such a name and the whole batch with it.
 */
import { nameKey } from '../engine/model';

/** Excel's longest sheet name, in UTF-16 units as Excel counts them. */
export const MAX_SHEET_NAME = 31;

/** `prefix + name + suffix` cut (in the middle part) to Excel's 31 units, at a whole character, without a trailing apostrophe. */
export function fitSheetName(prefix: string, name: string, suffix = ''): string {
  const room = MAX_SHEET_NAME - prefix.length - suffix.length;
  let middle = '';
  for (const ch of name) {
    if (middle.length + ch.length > room) break;
    middle += ch;
  }
  // An apostrophe may not end a sheet name (Excel quotes names with them), nor begin one.
  if (suffix === '') middle = middle.replace(/'+$/, '');
  return `${prefix}${middle}${suffix}`;
}

/** The first name of `~1 name`, `~2 name` … not in `taken` (compared as Excel does, without case); added to `taken`. */
export function temporaryName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const candidate = fitSheetName(`~${i} `, name);
    if (!taken.has(nameKey(candidate))) {
      taken.add(nameKey(candidate));
      return candidate;
    }
  }
}

/** `name`, else `name (2)`, `name (3)` … whichever is not in `taken`. */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(nameKey(candidate)); i++) candidate = fitSheetName('', name, ` (${i})`);
  return candidate;
}
