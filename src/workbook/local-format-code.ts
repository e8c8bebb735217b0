/**
 * Number format codes between Excel's invariant form (`Range.numberFormat`: `.` decimal, `,` thousands,
 * as en-US writes them) and the user's local form (`Range.numberFormatLocal`: the host's separators).
 * The add-in writes invariant codes; some hosts read them with the local separators instead
 * (https://github.com/OfficeDev/office-js/issues/1553: Excel for Mac with a German region turned the code
 * into `###,##000`), so the writer checks what Excel kept and, where it garbled a code, writes it again in
 * the local form made here. Pure: no Office.js.
 */
import { isDateFormatCode } from './number-formats';

/** The separators of the host's number formats. */
export interface FormatSeparators {
  decimal: string;
  group: string;
}

/**
 * Calls `bare` for every character of `code` that Excel reads as a format character and keeps the rest as
 * it is: quoted text (`"€ "`), an escaped character (`\.`), the character after `_` (padding width) or `*`
 * (fill), and bracketed parts (`[Red]`, `[$€-413]`, `[>=100]`).
 */
function mapBare(code: string, bare: (ch: string) => string, literal: (text: string) => string = (t) => t): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const ch = code[i] as string;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      const end = close < 0 ? code.length : close + 1;
      out += literal(code.slice(i, end));
      i = end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      out += literal(code.slice(i, i + 2));
      i += 2;
    } else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      const end = close < 0 ? code.length : close + 1;
      out += literal(code.slice(i, end));
      i = end;
    } else {
      out += bare(ch);
      i++;
    }
  }
  return out;
}

/** True when the code holds a decimal or thousands separator Excel reads as one: the codes a host's separators can garble. */
export function hasSeparators(code: string): boolean {
  let found = false;
  mapBare(code, (ch) => {
    if (ch === '.' || ch === ',') found = true;
    return ch;
  });
  return found;
}

/**
 * The local form of an invariant code for a host with `separators`: every bare `.` becomes the decimal
 * separator and every bare `,` the thousands separator (a space where the region groups with one, see
 * https://github.com/OfficeDev/office-js/issues/3244); quoted text, escapes and bracketed parts (colours,
 * `[$€-413]` currency blocks, conditions) are kept. Null for a date or time code with separators (`ss.000`),
 * whose letters are local too (`JJJJ` in German) and which this does not translate.
 */
export function toLocalFormatCode(code: string, separators: FormatSeparators): string | null {
  if (!hasSeparators(code)) return code;
  if (isDateFormatCode(code)) return null;
  return mapBare(code, (ch) => (ch === '.' ? separators.decimal : ch === ',' ? separators.group : ch));
}

/**
 * The invariant form of a local code, the inverse of `toLocalFormatCode` (a host's reading of a code, in the
 * simulated host). Separators that are the same character both ways stay as they are.
 */
export function fromLocalFormatCode(code: string, separators: FormatSeparators): string {
  return mapBare(code, (ch) => (ch === separators.decimal ? '.' : ch === separators.group ? ',' : ch));
}

/** Characters Excel shows as themselves without quotes: quoting them or not is the same code. */
const PLAIN_LITERALS = new Set([...'$-+/():!^&\'~{}<>= €£¥']);

/** A code in one spelling: quoted and escaped characters alike, bracketed parts in lower case. */
function canonical(code: string): string {
  return mapBare(
    code,
    (ch) => ch,
    (text) => {
      if (text.startsWith('[')) return text.toLowerCase();
      if (text.startsWith('_') || text.startsWith('*')) return text;
      const chars = text.startsWith('"') ? text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined) : text.slice(1);
      return [...chars].map((c) => (PLAIN_LITERALS.has(c) ? c : `\\${c}`)).join('');
    },
  );
}

/**
 * True when Excel kept the code: the same code, allowing for the spellings Excel may give back for one
 * (`"€ "` or `\€\ `, `[Red]` or `[RED]`), so that a host that only respells a code is not taken for one
 * that garbled it.
 */
export function sameFormatCode(written: string, read: string): boolean {
  if (written === read) return true;
  return canonical(written) === canonical(read);
}
