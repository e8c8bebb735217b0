/**
 * Reads cells out of worksheet parts without building a model of the workbook.
 *
 * A part arrives as inflated pieces (see `zip-reader.ts`) and is scanned as UTF-8 bytes by the byte
 * tokenizer, so a million-row sheet of 200 MB of XML is never one string; memory stays at what the
 * wanted cells need. Only cells inside the wanted areas are decoded, and of an area whose reader says
 * which columns it uses (the long form of `ABC_Volumes`), only those columns' cells: the others are
 * merely told blank or not, so that a row with something in an unused column still counts as a row.
 * Rows and cells without an `r` attribute take the position after the previous one, as the format says.
 */
import type { CellValue } from '../workbook/grid';
import { isBlank } from '../workbook/grid';
import { toCellValue, type ValueContext } from './cell-value';
import { MAIN_NS } from './namespaces';
import { PartEncodingError, Utf8Pieces } from './part-text';
import type { Area } from './reference';
import { ItemText } from './shared-strings';
import { decodeCellEscapes } from './xml';
import { canonicalUri } from './xml-decode';
import { type ByteTag, type ByteXmlHandler, ByteXmlTokenizer, latin1, textOf } from './xml-bytes';
import { XmlError } from './xml-types';
import { ZipFormatError } from './zip-reader';

/** More bytes than this without a complete token means the part is not what it claims to be. */
const MAX_PENDING = 64 * 1024 * 1024;

/** A part could not be scanned: damaged compression, bad encoding, or XML that is not well-formed. */
export class PartScanError extends Error {
  override name = 'PartScanError';
}

/** Hands a part's bytes, piece by piece and in order, to `onPiece`; resolves when the part is done. */
export type PartStream = (onPiece: (piece: Buffer) => void) => Promise<void>;

/** The error to report for a failure while scanning the part `what`. */
function scanError(e: unknown, what: string): Error {
  if (e instanceof PartScanError) return e;
  if (e instanceof XmlError) return new PartScanError(`${what} is not well-formed XML: ${e.message}`);
  if (e instanceof PartEncodingError) return new PartScanError(`${what} is neither UTF-8 nor UTF-16 text.`);
  if (e instanceof ZipFormatError) return new PartScanError(`${what} is damaged: ${e.message}`);
  return e instanceof Error ? e : new Error(String(e));
}

/** Streams a part through the byte tokenizer, which reports to `handler`. */
export async function scanXmlPart(stream: PartStream, handler: ByteXmlHandler, what: string): Promise<void> {
  const tokenizer = new ByteXmlTokenizer(handler);
  const pieces = new Utf8Pieces((piece) => {
    tokenizer.write(piece);
    if (tokenizer.pending > MAX_PENDING) throw new PartScanError(`${what} has a token larger than ${MAX_PENDING / 1024 / 1024} MB; it cannot be read.`);
  });
  try {
    await stream((piece) => pieces.write(piece));
    pieces.end();
    tokenizer.end();
  } catch (e) {
    throw scanError(e, what);
  }
}

/** A part's bytes as text pieces for `Utf8Pieces` in one go: for a part already in memory. */
export function wholePart(bytes: Buffer): PartStream {
  return (onPiece) => {
    onPiece(bytes);
    return Promise.resolve();
  };
}

const MAIN_TRANSITIONAL = canonicalUri(MAIN_NS[0]!);
const MAIN_STRICT = canonicalUri(MAIN_NS[1]!);

/** Called for every element of a million-row sheet: two comparisons, no search. */
function isMain(uri: string): boolean {
  return uri === MAIN_TRANSITIONAL || uri === MAIN_STRICT;
}

/**
 * Stands in the grid for a cell of a column its reader does not use, which holds something: the row is
 * not blank, and that is all anyone may learn from it. Were it ever read as a value, it would be refused
 * as a number that is not one, never taken for a figure.
 */
export const UNREAD_CELL: CellValue = Object.freeze({ stored: '' });

/** One area to read from a sheet. */
export interface AreaRequest {
  area: Area;
  /**
   * Which of the area's columns (0-based from its left) are read, given its header row; null: all. Called
   * once the header row has been read. Absent: all columns.
   */
  pickColumns?: (header: readonly CellValue[]) => readonly boolean[] | null;
  /** The header row when it is not in the sheet (a table whose header row is hidden). */
  header?: readonly CellValue[];
}

/** One area to read from a sheet, and its cells as read. */
export interface AreaCells {
  area: Area;
  /** Rows from the area's top row; each row from its left column; blank cells null. */
  rows: CellValue[][];
}

/** Distinct texts kept by `intern`; beyond this, texts are kept as they come. */
const INTERNED_MAX = 100_000;

/**
 * One copy per distinct short text written in the cells themselves (`t="str"`, inline strings): a
 * transaction sheet repeats a few driver names a million times.
 */
function makeIntern(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    if (text.length > 64) return text;
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < INTERNED_MAX) seen.set(text, text);
    return text;
  };
}

/** A merged block, 1-based and inclusive. */
interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The column of a cell reference (`B7`, `$B$7`), or null when it has none. */
function referenceColumn(ref: string): number | null {
  let k = ref.charCodeAt(0) === 36 ? 1 : 0;
  const start = k;
  let n = 0;
  while (k < ref.length && k - start < 3) {
    const c = ref.charCodeAt(k) | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
    k++;
  }
  return k === start ? null : n;
}

function parseMerge(ref: string): Merge | null {
  const [a, b] = ref.split(':');
  const cell = (s: string | undefined): [number, number] | null => {
    if (s === undefined) return null;
    const bare = s.replace(/\$/g, '');
    const column = referenceColumn(bare);
    const row = Number(bare.slice(bare.search(/\d/)));
    return column === null || !Number.isInteger(row) || row < 1 ? null : [row, column];
  };
  const first = cell(a);
  const last = b === undefined ? first : cell(b);
  if (first === null || last === null) return null;
  return { top: first[0], left: first[1], bottom: last[0], right: last[1] };
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A stored number written plainly (`-12.5`, `3`), read from its bytes; NaN for any other form, which the
 * caller reads through `toCellValue`. At most 15 significant digits and 22 decimals: the digits are then
 * an exact double and one division by an exact power of ten is correctly rounded, so the result is the
 * very number `Number(text)` gives.
 */
function plainNumber(s: Uint8Array, start: number, end: number): number {
  let k = start;
  const negative = s[k] === 45;
  if (negative || s[k] === 43) k++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; k < end; k++) {
    const c = s[k]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  const intDigits = k - start - (negative || s[start] === 43 ? 1 : 0) - (decimals >= 0 ? decimals + 1 : 0);
  if (digits > 15 || decimals > 22 || (intDigits === 0 && decimals <= 0)) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

/** A whole number written as plain digits (a row number, a style, a string index); -1 for any other form. */
function plainInteger(s: Uint8Array, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** True when the ASCII bytes hold something besides white space as `trim` sees it; null when not ASCII. */
function asciiHasText(s: Uint8Array, start: number, end: number): boolean | null {
  let text = false;
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c >= 0x80) return null;
    if (!(c === 32 || (c >= 9 && c <= 13))) text = true;
  }
  return text;
}

/** A `t` value as text: the usual ones without a new string per cell. */
function typeText(s: Uint8Array, start: number, end: number): string {
  if (end - start === 1) {
    const c = s[start];
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 101) return 'e';
  } else if (end - start === 3 && s[start] === 115 && s[start + 1] === 116 && s[start + 2] === 114) return 'str';
  return latin1(s, start, end);
}

/** How a cell inside the areas is read. */
const OUTSIDE = 0;
const PRESENCE = 1;
const VALUE = 2;

/** The state of one area while its sheet is scanned. */
interface Target {
  area: Area;
  rows: CellValue[][];
  pick: AreaRequest['pickColumns'];
  /** Per column from the area's left: 1 when its values are read; null: all are. */
  read: Uint8Array | null;
  decided: boolean;
}

/** Decides which columns of a target are read, from its header row. */
function decide(t: Target, header: readonly CellValue[]): void {
  t.decided = true;
  if (t.pick === undefined) return;
  const picked = t.pick(header);
  if (picked === null) return;
  const width = t.area.right - t.area.left + 1;
  const read = new Uint8Array(width);
  for (let i = 0; i < width && i < picked.length; i++) read[i] = picked[i] ? 1 : 0;
  t.read = read;
}

/**
 * Reads the cells of `requests` from a worksheet part. Merged blocks are honoured: a merged block's cells
 * other than its top-left one are blank, as in Excel. Rows after the last one holding a value are left
 * out, so a whole-column area costs the rows the sheet has, not a million.
 */
export async function scanSheet(stream: PartStream, requests: readonly AreaRequest[], ctx: ValueContext, sheetName: string): Promise<AreaCells[]> {
  const targets: Target[] = requests.map((r) => ({ area: r.area, rows: [], pick: r.pickColumns, read: null, decided: false }));
  requests.forEach((r, i) => {
    if (r.header !== undefined) decide(targets[i]!, r.header);
  });
  const areas = requests.map((r) => r.area);
  const top = Math.min(...areas.map((a) => a.top));
  const bottom = Math.max(...areas.map((a) => a.bottom));
  const left = Math.min(...areas.map((a) => a.left));
  const right = Math.max(...areas.map((a) => a.right));
  const intern = makeIntern();
  const merges: Merge[] = [];
  const inline = new ItemText();
  const strings = ctx.sharedStrings;
  const looks = ctx.looks;
  let depth = 0;
  let inSheetData = false;
  let row = 0;
  let rowWanted = false;
  let column = 0;

  // The cell being read, in plain variables: a million rows must not mean five million objects.
  let inCell = false;
  let mode = OUTSIDE;
  let type = '';
  let style = 0;
  /** 'v' or 'f' while their text is being collected. */
  let collecting = 0;
  /**
   * The value's bytes while they are plain (no reference, no CDATA, one piece): `rawBytes[rawStart, +rawLength)`,
   * a copy in `raw`, or the tokenizer's own buffer during a fast-path cell.
   */
  let raw = Buffer.alloc(64);
  let rawBytes: Uint8Array = raw;
  let rawStart = 0;
  let rawLength = -1;
  /** The namespace of `sheetData`: cells in it may take the tokenizer's fast path. */
  let sheetDataUri: string | null = null;
  /** The value as text once it is not plain; null when the cell has no `<v>`. */
  let valueText: string | null = null;
  let formula: string | null = null;
  let inlineText: string | null = null;

  const valueString = (): string | null => (rawLength >= 0 ? latin1(rawBytes, rawStart, rawStart + rawLength) : valueText);

  /** The cell's value as the contract sees it. */
  const fullValue = (): CellValue => {
    if (rawLength > 0 && formula === null) {
      if (type === 's') {
        const index = plainInteger(rawBytes, rawStart, rawStart + rawLength);
        if (index >= 0) return strings.get(index) ?? null;
      } else if (type === '' || type === 'n') {
        const n = plainNumber(rawBytes, rawStart, rawStart + rawLength);
        if (!Number.isNaN(n)) {
          const look = looks[style];
          if (look === undefined || look === 'number') return n;
        }
      }
    }
    const value = toCellValue({ type, style, value: valueString(), inline: inlineText, formula }, ctx);
    return typeof value === 'string' && type !== 's' ? intern(value) : value;
  };

  /** Whether the cell holds anything, as cheaply as it can be told. */
  const present = (): boolean => {
    if (formula === null && rawLength >= 0) {
      if (type === 's') {
        const index = plainInteger(rawBytes, rawStart, rawStart + rawLength);
        if (index >= 0) return !strings.isBlank(index);
      } else if (type === '' || type === 'n') {
        const text = asciiHasText(rawBytes, rawStart, rawStart + rawLength);
        if (text !== null) return text;
      }
    }
    return !isBlank(fullValue());
  };

  const put = (t: Target, value: CellValue): void => {
    const ri = row - t.area.top;
    const ci = column - t.area.left;
    const rows = t.rows;
    while (rows.length <= ri) rows.push([]);
    const cells = rows[ri]!;
    while (cells.length < ci) cells.push(null);
    cells[ci] = value;
  };

  const finishCell = (): void => {
    if (mode === OUTSIDE) return;
    let value: CellValue;
    if (mode === VALUE) value = fullValue();
    else value = present() ? UNREAD_CELL : null;
    if (value === null) return;
    for (const t of targets) {
      const a = t.area;
      if (row < a.top || row > a.bottom || column < a.left || column > a.right) continue;
      if (value === UNREAD_CELL || t.read === null || t.read[column - a.left] === 1) put(t, value);
      else if (!isBlank(value)) put(t, UNREAD_CELL);
    }
  };

  /** How the cell at `row`, `column` is read: the most any area containing it asks for. */
  const modeOf = (): number => {
    let m = OUTSIDE;
    for (const t of targets) {
      const a = t.area;
      if (row < a.top || row > a.bottom || column < a.left || column > a.right) continue;
      if (t.read === null || t.read[column - a.left] === 1) return VALUE;
      m = PRESENCE;
    }
    return m;
  };

  /** Once past an area's header row, its reader decides which columns it reads. */
  const decideAreas = (): void => {
    for (const t of targets) if (!t.decided && row > t.area.top) decide(t, t.rows[0] ?? []);
  };

  const addRaw = (s: Buffer, start: number, end: number, cdata: boolean): void => {
    const plain = !cdata && rawLength === 0;
    if (plain) {
      let k = start;
      for (; k < end; k++) {
        const c = s[k]!;
        if (c >= 0x80 || c === 38 || c === 13) break;
      }
      if (k === end) {
        const n = end - start;
        if (n > raw.length) raw = Buffer.alloc(Math.max(n, raw.length * 2));
        for (let i = 0; i < n; i++) raw[i] = s[start + i]!;
        rawBytes = raw;
        rawStart = 0;
        rawLength = n;
        return;
      }
    }
    valueText = (valueString() ?? '') + textOf(s, start, end, cdata);
    rawLength = -1;
  };

  /** Opens the cell whose `r` value is `s[r0, r1)` (r0 < 0: none): its column, and how it is read. */
  const beginCell = (s: Uint8Array, r0: number, r1: number): void => {
    let refColumn: number | null = null;
    if (r0 >= 0) {
      let k = r0;
      const end = r1;
      while (k < end && (s[k] === 32 || s[k] === 9 || s[k] === 10 || s[k] === 13)) k++;
      if (s[k] === 36) k++;
      const from = k;
      let n = 0;
      while (k < end && k - from < 3) {
        const c = s[k]! | 32;
        if (c < 97 || c > 122) break;
        n = n * 26 + (c - 96);
        k++;
      }
      if (k > from) refColumn = n;
    }
    column = refColumn ?? column + 1;
    inCell = true;
    mode = rowWanted && column >= left && column <= right ? modeOf() : OUTSIDE;
    collecting = 0;
    rawLength = -1;
    valueText = null;
    formula = null;
    inlineText = null;
  };

  const startCell = (tag: ByteTag): void => {
    const s = tag.s;
    const p = tag.positions;
    const r = tag.indexOf('r');
    if (r >= 0) beginCell(s, p[4 * r + 2]!, p[4 * r + 3]!);
    else beginCell(s, -1, -1);
    if (mode === OUTSIDE) return;
    type = tag.attr('t') ?? '';
    const si = tag.indexOf('s');
    if (si < 0) style = 0;
    else {
      const n = plainInteger(s, p[4 * si + 2]!, p[4 * si + 3]!);
      style = n >= 0 ? n : Number(tag.attr('s')) || 0;
    }
  };

  const startRow = (tag: ByteTag): void => {
    const r = tag.indexOf('r');
    let n = -1;
    if (r >= 0) {
      const p = tag.positions;
      n = plainInteger(tag.s, p[4 * r + 2]!, p[4 * r + 3]!);
      if (n < 0) {
        const text = tag.attr('r')!.trim();
        n = /^\d+$/.test(text) ? Number(text) : -1;
      }
    }
    beginRow(n);
  };

  /** A row of the tokenizer's fast path: its `r` value is plain printable ASCII. */
  const fastRow = (s: Buffer, r0: number, r1: number): void => {
    depth++;
    let n = -1;
    if (r0 >= 0) {
      n = plainInteger(s, r0, r1);
      if (n < 0) {
        const text = latin1(s, r0, r1).trim();
        n = /^\d+$/.test(text) ? Number(text) : -1;
      }
    }
    beginRow(n);
    handler.fastRowUri = null;
    handler.fastCellUri = fastUri();
  };

  /** Starts the row numbered `n` (-1: the one after the previous). */
  const beginRow = (n: number): void => {
    row = n < 0 ? row + 1 : n;
    rowWanted = row >= top && row <= bottom;
    column = 0;
    decideAreas();
  };

  /** A cell of the tokenizer's fast path, read as its five events would be: plain printable ASCII throughout. */
  const fastCell = (s: Buffer, r0: number, r1: number, s0: number, s1: number, t0: number, t1: number, v0: number, v1: number): void => {
    beginCell(s, r0, r1);
    if (mode !== OUTSIDE) {
      type = t0 < 0 ? '' : typeText(s, t0, t1);
      if (s0 < 0) style = 0;
      else {
        const n = plainInteger(s, s0, s1);
        style = n >= 0 ? n : Number(latin1(s, s0, s1)) || 0;
      }
      rawBytes = s;
      rawStart = v0;
      rawLength = v1 - v0;
      finishCell();
      rawBytes = raw;
      rawStart = 0;
    }
    inCell = false;
  };

  /** A cell may take the fast path only where the general path would start one: right inside a row of sheetData. */
  const fastUri = (): string | null => (inSheetData && depth === 3 && !inCell ? sheetDataUri : null);
  /** A row may take the fast path only where the general path would start one: right inside sheetData. */
  const fastRowUri = (): string | null => (inSheetData && depth === 2 && !inCell ? sheetDataUri : null);

  const handler: ByteXmlHandler = {
    fastCellUri: null,
    fastRowUri: null,
    cell: fastCell,
    row: fastRow,
    startElement(tag) {
      onStart(tag);
      handler.fastCellUri = fastUri();
      handler.fastRowUri = fastRowUri();
    },
    endElement(uri, local) {
      onEnd(uri, local);
      handler.fastCellUri = fastUri();
      handler.fastRowUri = fastRowUri();
    },
    text(s, start, end, cdata) {
      if (!inCell || mode === OUTSIDE) return;
      if (inline.active) inline.add(s, start, end, cdata);
      else if (collecting === 1) addRaw(s, start, end, cdata);
      else if (collecting === 2) formula += textOf(s, start, end, cdata);
    },
  };

  const general = {
    startElement(tag: ByteTag): void {
      depth++;
      const main = isMain(tag.uri);
      if (inCell) {
        if (mode === OUTSIDE) return;
        if (inline.active) inline.open(tag);
        else if (!main) return;
        else if (depth === 5 && tag.local === 'v') {
          collecting = 1;
          rawLength = 0;
          valueText = null;
        } else if (depth === 5 && tag.local === 'f') {
          collecting = 2;
          formula = '';
        } else if (depth === 5 && tag.local === 'is') inline.start();
        return;
      }
      if (!main) return;
      if (inSheetData && depth === 4 && tag.local === 'c') startCell(tag);
      else if (inSheetData && depth === 3 && tag.local === 'row') startRow(tag);
      else if (depth === 2 && tag.local === 'sheetData') {
        inSheetData = true;
        sheetDataUri = tag.uri;
      }
      else if (depth === 3 && tag.local === 'mergeCell') {
        const m = parseMerge(tag.attr('ref') ?? '');
        if (m !== null) merges.push(m);
      }
    },
    endElement(uri: string, local: string): void {
      depth--;
      if (inCell) {
        if (depth === 3 && local === 'c' && isMain(uri)) {
          finishCell();
          inCell = false;
        } else if (mode === OUTSIDE) {
          // Nothing of this cell is read.
        } else if (inline.active) {
          if (depth === 4 && local === 'is' && isMain(uri)) inlineText = inline.finish();
          else inline.close(uri, local);
        } else if (depth === 4) {
          collecting = 0;
        }
        return;
      }
      if (depth === 1 && local === 'sheetData' && isMain(uri)) inSheetData = false;
    },
  };
  const onStart = general.startElement;
  const onEnd = general.endElement;

  await scanXmlPart(stream, handler, `The sheet ${sheetName}`);
  for (const t of targets) if (!t.decided) decide(t, t.rows[0] ?? []);
  blankMergedCells(merges, targets);
  for (const t of targets) trimBlankRows(t.rows);
  return targets.map((t) => ({ area: t.area, rows: t.rows }));
}

/** Blanks the cells of merged blocks other than each block's top-left cell. */
function blankMergedCells(merges: readonly Merge[], targets: Target[]): void {
  for (const m of merges) {
    for (const t of targets) {
      const a = t.area;
      for (let r = Math.max(m.top, a.top); r <= Math.min(m.bottom, a.bottom); r++) {
        const row = t.rows[r - a.top];
        if (row === undefined) continue;
        for (let c = Math.max(m.left, a.left); c <= Math.min(m.right, a.right); c++) {
          if ((r !== m.top || c !== m.left) && c - a.left < row.length) row[c - a.left] = null;
        }
      }
    }
  }
}

/** Drops trailing blanks of each row and the blank rows at the end. */
function trimBlankRows(rows: CellValue[][]): void {
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
}

export { decodeCellEscapes };
