/**
 * What Excel number formats say about a number: a date (or time), a percentage. Pure, so both hosts
 * use it: the runner reads format codes from the styles part, the add-in from `Range.numberFormat`.
 */

/** A format code's first section with quoted text, escapes, padding and bracketed parts taken out. */
function bareSection(code: string): string {
  let out = '';
  let i = 0;
  const first = code;
  // Only the first section (positive numbers) decides.
  while (i < first.length) {
    const ch = first[i]!;
    if (ch === ';') break;
    if (ch === '"') {
      const close = first.indexOf('"', i + 1);
      i = close < 0 ? first.length : close + 1;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const close = first.indexOf(']', i + 1);
      const inside = close < 0 ? '' : first.slice(i + 1, close);
      // Elapsed time ([h], [mm], [ss]) is a time; colours, conditions and locales are not.
      if (/^(h+|m+|s+)$/i.test(inside)) out += 'h';
      i = close < 0 ? first.length : close + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * True when a format code shows a date or a time: a d, m, y, h or s outside quoted text, brackets
 * (`[Red]`, `[$€-413]`, `[h]` elapsed hours aside) and escaped or padding characters, in its first
 * section, as for Excel's own date test. A code holding any other bare letter is no format code at all
 * but the name of one: General in the user's language, which some Excel builds give for
 * `Range.numberFormat` (`Standaard`, `Standard`, `Général`, `Estándar`). Excel takes no bare letter in a
 * code besides the date and time ones, the eras (e, g, b), the exponent (E) and AM/PM or A/P.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = bareSection(code).replace(/AM\/PM|A\/P/gi, '');
  if (/[^\P{L}dmyhsegb]/iu.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

/** True when a format code shows a percentage (a `%` in its first section outside quotes and escapes). */
export function isPercentFormatCode(code: string): boolean {
  return bareSection(code).includes('%');
}

/** Excel serial day number to a Date (UTC), the way the runner has always read them. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

