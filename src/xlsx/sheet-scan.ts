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
import { type PartStream, scanXmlPart } from './part-scan';
import { type AreaCells, type AreaRequest, decide, modeOf, OUTSIDE, store, type Target, UNREAD_CELL, VALUE } from './sheet-areas';
import { blankMergedCells, type Merge, parseMerge, trimBlankRows } from './sheet-merges';
import { asciiHasText, makeIntern, plainInteger, plainNumber, typeText } from './sheet-values';
import { ItemText } from './shared-strings';
import { canonicalUri } from './xml-decode';
import { type ByteTag, type ByteXmlHandler, latin1, textOf } from './xml-bytes';

export { PartScanError, type PartStream, scanXmlPart, wholePart } from './part-scan';
export { type AreaCells, type AreaRequest, UNREAD_CELL } from './sheet-areas';

const MAIN_TRANSITIONAL = canonicalUri(MAIN_NS[0]!);
const MAIN_STRICT = canonicalUri(MAIN_NS[1]!);

/** Called for every element of a million-row sheet: two comparisons, no search. */
function isMain(uri: string): boolean {
  return uri === MAIN_TRANSITIONAL || uri === MAIN_STRICT;
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

  const finishCell = (): void => {
    if (mode === OUTSIDE) return;
    let value: CellValue;
    if (mode === VALUE) value = fullValue();
    else value = present() ? UNREAD_CELL : null;
    if (value !== null) store(targets, row, column, value);
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
    openCell(refColumn ?? column + 1);
  };

  /** Opens the cell in column `at` of the row: how it is read. */
  const openCell = (at: number): void => {
    column = at;
    inCell = true;
    mode = rowWanted && column >= left && column <= right ? modeOf(targets, row, column) : OUTSIDE;
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
  const fastCell = (s: Buffer, at: number, r0: number, r1: number, s0: number, s1: number, t0: number, t1: number, v0: number, v1: number): void => {
    if (at > 0) {
      column = at;
      const m = rowWanted && at >= left && at <= right ? modeOf(targets, row, at) : OUTSIDE;
      if (m === OUTSIDE) return;
      const value = m === VALUE ? quickValue(s, s0, s1, t0, t1, v0, v1) : quickPresence(s, t0, t1, v0, v1);
      if (value !== undefined) {
        if (value !== null) store(targets, row, at, value);
        return;
      }
      openCell(at);
    } else beginCell(s, r0, r1);
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

  /**
   * The value of a fast-path cell in the two forms nearly every cell of a transaction sheet has, a plain
   * number in a number format and a shared string index, exactly as `fullValue` reads them; undefined
   * for any other form, which is then read through the cell's state.
   */
  const quickValue = (s: Buffer, s0: number, s1: number, t0: number, t1: number, v0: number, v1: number): CellValue | undefined => {
    const typeByte = t0 < 0 ? 0 : t1 - t0 === 1 ? s[t0]! : -1;
    if (typeByte === 115 /* s */) {
      const index = plainInteger(s, v0, v1);
      return index >= 0 ? (strings.get(index) ?? null) : undefined;
    }
    if (typeByte !== 0 && typeByte !== 110 /* n */) return undefined;
    const st = s0 < 0 ? 0 : plainInteger(s, s0, s1);
    if (st < 0) return undefined;
    const n = plainNumber(s, v0, v1);
    if (Number.isNaN(n)) return undefined;
    const look = looks[st];
    return look === undefined || look === 'number' ? n : undefined;
  };

  /** Whether a fast-path cell read for its presence only holds something (UNREAD_CELL) or not (null), as `present` tells; undefined when it cannot tell so. */
  const quickPresence = (s: Buffer, t0: number, t1: number, v0: number, v1: number): CellValue | undefined => {
    const typeByte = t0 < 0 ? 0 : t1 - t0 === 1 ? s[t0]! : -1;
    if (typeByte === 115 /* s */) {
      const index = plainInteger(s, v0, v1);
      if (index < 0) return undefined;
      return strings.isBlank(index) ? null : UNREAD_CELL;
    }
    if (typeByte !== 0 && typeByte !== 110 /* n */) return undefined;
    // The fast path's values are printable ASCII: never null here.
    const text = asciiHasText(s, v0, v1);
    return text === null ? undefined : text ? UNREAD_CELL : null;
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
