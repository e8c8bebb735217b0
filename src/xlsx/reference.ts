/**
 * What a defined name refers to. The contract needs one rectangular block on one worksheet; anything
 * else (`#REF!`, several areas, a formula, another workbook) is a name that exists but cannot be used,
 * and the user must hear that with the name, not "missing range".
 */
import type { ReferenceProblem } from '../engine/messages';

/** Excel's sheet size, the bounds of whole-column and whole-row references. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangular block on one sheet, 1-based and inclusive. */
export interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A block, or what is wrong: the problem, the reference as written (without `=`) and, for several
 * areas, how many; the message catalog phrases it (`badReference`).
 */
export type ParsedReference = { ok: true; area: Area } | { ok: false; problem: ReferenceProblem; reference: string; areas: number };

function failed(problem: ReferenceProblem, reference: string, areas = 1): ParsedReference {
  return { ok: false, problem, reference, areas };
}

/** Splits at commas that are not inside a quoted sheet name. */
function splitAreas(formula: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of formula) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function letters(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses the address part after `!`: a cell, a block, whole columns or whole rows. */
function parseAddress(address: string): Omit<Area, 'sheet'> | null {
  const a = address.replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(a);
  if (m !== null) {
    const c1 = letters(m[1] ?? '');
    const r1 = Number(m[2]);
    const c2 = m[3] === undefined ? c1 : letters(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]);
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m !== null) {
    const c1 = letters(m[1] ?? '');
    const c2 = letters(m[2] ?? '');
    return { top: 1, bottom: MAX_ROWS, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  m = /^(\d{1,7}):(\d{1,7})$/.exec(a);
  if (m !== null) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COLUMNS };
  }
  return null;
}

/** Parses `Sheet!$A$1:$D$9`, `'My sheet'!$A:$D` or `Data!$2:$500`. */
export function parseReference(formula: string): ParsedReference {
  const text = formula.trim().replace(/^=/, '');
  if (text === '') return failed('nothing', text);
  if (text.toUpperCase().includes('#REF!')) return failed('deletedRange', text);
  if (/^[^']*\(|'[^']*'![^(]*\(/.test(text)) return failed('formula', text);
  const areas = splitAreas(text);
  if (areas.length > 1) return failed('severalAreas', text, areas.length);
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text);
  if (m === null) return failed('notAReference', text);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  if (sheet.startsWith('[')) return failed('otherWorkbook', text);
  if (m[1] === undefined && sheet.includes(':')) return failed('severalSheets', text);
  const address = parseAddress(m[3] ?? '');
  if (address === null) return failed('notAReference', text);
  if (address.bottom > MAX_ROWS || address.right > MAX_COLUMNS) return failed('outsideSheet', text);
  return { ok: true, area: { sheet, ...address } };
}
