/**
 * Reads cells out of worksheet and shared-strings parts without building a model of the workbook.
 *
 * A part is decompressed as a stream and scanned in pieces that end at an element boundary (`</row>`,
 * `</si>`), so a million-row sheet of 200 MB of XML is never one string and memory stays at what the
 * wanted cells need. Only the cells inside the wanted areas are decoded; rows and cells without an `r`
 * attribute take the position after the previous one, as the format says.
 */
import { StringDecoder } from 'string_decoder';
import type JSZip from 'jszip';
import type { CellValue } from '../workbook/grid';
import { columnNumber } from '../workbook/grid';
import { stringItemText, toCellValue, type ValueContext } from './cell-value';
import type { Area } from './reference';

/** More text than this without an element boundary means the part is not what it claims to be. */
const MAX_PENDING = 64 * 1024 * 1024;

/** A part could not be scanned: damaged compression, or no element boundary where one must be. */
export class PartScanError extends Error {
  override name = 'PartScanError';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Streams the text of a part. `consume` gets the text not consumed so far and returns how many of its
 * characters it used; the text left at the end is returned.
 */
function streamPart(file: JSZip.JSZipObject, consume: (text: string) => number, what: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let failed = false;
    const stream = file.nodeStream('nodebuffer');
    const fail = (e: Error): void => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        pending += decoder.write(chunk);
        const used = consume(pending);
        if (used > 0) pending = pending.slice(used);
        if (pending.length > MAX_PENDING) {
          fail(new PartScanError(`${what} has an element larger than ${MAX_PENDING / 1024 / 1024} MB; it cannot be read.`));
          stream.pause();
        }
      } catch (e) {
        fail(e instanceof Error ? e : new Error(String(e)));
        stream.pause();
      }
    });
    stream.on('error', (e: Error) => fail(new PartScanError(`${what} is damaged: ${e.message}`)));
    stream.on('end', () => {
      if (!failed) resolvePromise(pending + decoder.end());
    });
  });
}

/** The namespace prefix used for the element `name` in `text` (`x:` or ''), or null when not seen yet. */
function prefixOf(text: string, name: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}[\\s/>]`).exec(text);
  return m === null ? null : (m[1] ?? '');
}

/** Reads the shared strings part: the text of every item, in order. */
export async function readSharedStrings(file: JSZip.JSZipObject): Promise<string[]> {
  const strings: string[] = [];
  let p: string | null = null;
  let item: RegExp | null = null;
  let close = '';
  const scan = (text: string, end: number): void => {
    if (item === null) return;
    item.lastIndex = 0;
    for (;;) {
      const m = item.exec(text);
      if (m === null || m.index >= end) return;
      strings.push(stringItemText(m[1] ?? ''));
    }
  };
  const consume = (text: string): number => {
    if (p === null) {
      p = prefixOf(text, 'sst');
      if (p === null) return 0;
      const ep = escapeRegExp(p);
      item = new RegExp(`<${ep}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${ep}si>)`, 'g');
      close = `</${p}si>`;
    }
    const cut = text.lastIndexOf(close);
    if (cut < 0) return 0;
    const used = cut + close.length;
    scan(text.slice(0, used), used);
    return used;
  };
  const rest = await streamPart(file, consume, `The shared strings part ${file.name}`);
  scan(rest, rest.length);
  return strings;
}

/** One area to read from a sheet, and its cells as read. */
export interface AreaCells {
  area: Area;
  /** Rows from the area's top row; each row from its left column; blank cells null. */
  rows: CellValue[][];
}

const ROW_NUMBER = /(?:^|\s)r\s*=\s*["'](\d+)["']/;
const CELL_ATTRIBUTE = /(?:^|\s)([rst])\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Distinct texts kept by `intern`; beyond this, texts are kept as they come. */
const INTERNED_MAX = 100_000;

/**
 * One copy per distinct short text written in the cells themselves (`t="str"`, inline strings): a
 * transaction sheet repeats a few driver names a million times. The copy is made fresh, because the
 * text as decoded is a slice of a large piece of the part and would keep that piece in memory.
 */
function makeIntern(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    if (text.length > 64) return text;
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size >= INTERNED_MAX) return text;
    const copy = Buffer.from(text, 'utf8').toString('utf8');
    seen.set(copy, copy);
    return copy;
  };
}

/** Writes a value into the rows of an area, filling what lies before it with blanks. */
function put(target: AreaCells, rowNumber: number, column: number, value: CellValue): void {
  const ri = rowNumber - target.area.top;
  const ci = column - target.area.left;
  const rows = target.rows;
  while (rows.length <= ri) rows.push([]);
  const row = rows[ri]!;
  while (row.length < ci) row.push(null);
  row[ci] = value;
}

/**
 * Reads the cells of `areas` from a worksheet part. Merged blocks are honoured: a merged block's cells
 * other than its top-left one are blank, as in Excel. Rows after the last one holding a value are left
 * out, so a whole-column area costs the rows the sheet has, not a million.
 */
export async function scanSheet(file: JSZip.JSZipObject, areas: readonly Area[], ctx: ValueContext, sheetName: string): Promise<AreaCells[]> {
  const targets: AreaCells[] = areas.map((area) => ({ area, rows: [] }));
  const top = Math.min(...areas.map((a) => a.top));
  const bottom = Math.max(...areas.map((a) => a.bottom));
  const left = Math.min(...areas.map((a) => a.left));
  const right = Math.max(...areas.map((a) => a.right));
  /** The number of the row being read: its `r`, or the one after the previous row. */
  const state = { row: 0 };
  const intern = makeIntern();
  let p: string | null = null;
  let rowTag: RegExp | null = null;
  let cellTag: RegExp | null = null;
  let rowClose = '';
  let cellClose = '';
  let vOpen = '';
  let vClose = '';
  let isOpen = '';

  /** The text of the first child `<v>` (or `<is>` content) of a cell's content. */
  const child = (content: string, open: string, close: string): string | null => {
    let from = 0;
    for (;;) {
      const at = content.indexOf(open, from);
      if (at < 0) return null;
      const next = content.charCodeAt(at + open.length);
      // `<v` must not match `<vertAlign`, `<is` not `<iso…`: the name ends at '>', '/' or white space.
      if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) {
        const gt = content.indexOf('>', at);
        if (content.charCodeAt(gt - 1) === 47) return '';
        const end = content.indexOf(close, gt);
        return end < 0 ? null : content.slice(gt + 1, end);
      }
      from = at + open.length;
    }
  };

  const cells = (content: string, rowNumber: number): void => {
    const re = cellTag!;
    re.lastIndex = 0;
    let column = 0;
    for (;;) {
      const m = re.exec(content);
      if (m === null) return;
      const attrs = m[1] ?? '';
      let ref: string | undefined;
      let type = '';
      let style = 0;
      CELL_ATTRIBUTE.lastIndex = 0;
      for (let a = CELL_ATTRIBUTE.exec(attrs); a !== null; a = CELL_ATTRIBUTE.exec(attrs)) {
        const value = a[2] ?? a[3] ?? '';
        if (a[1] === 'r') ref = value;
        else if (a[1] === 't') type = value;
        else style = Number(value) || 0;
      }
      const letters = ref === undefined ? null : /^\$?([A-Za-z]{1,3})/.exec(ref);
      column = letters === null ? column + 1 : columnNumber(letters[1] ?? '');
      if (m[2] === '/' || column < left || column > right) continue;
      const end = content.indexOf(cellClose, re.lastIndex);
      if (end < 0) return;
      const inner = content.slice(re.lastIndex, end);
      re.lastIndex = end + cellClose.length;
      const value = toCellValue(
        { type, style, value: child(inner, vOpen, vClose), inline: type === 'inlineStr' ? child(inner, isOpen, `</${p}is>`) : null },
        ctx,
      );
      if (value === null) continue;
      const stored = typeof value === 'string' && type !== 's' ? intern(value) : value;
      for (const t of targets) {
        const a = t.area;
        if (rowNumber >= a.top && rowNumber <= a.bottom && column >= a.left && column <= a.right) put(t, rowNumber, column, stored);
      }
    }
  };

  const rows = (text: string): void => {
    const re = rowTag!;
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(text);
      if (m === null) return;
      const r = ROW_NUMBER.exec(m[1] ?? '');
      state.row = r === null ? state.row + 1 : Number(r[1]);
      if (m[2] === '/') continue;
      const end = text.indexOf(rowClose, re.lastIndex);
      if (end < 0) return;
      if (state.row >= top && state.row <= bottom) cells(text.slice(re.lastIndex, end), state.row);
      re.lastIndex = end + rowClose.length;
    }
  };

  const consume = (text: string): number => {
    if (p === null) {
      p = prefixOf(text, 'sheetData');
      if (p === null) return 0;
      const ep = escapeRegExp(p);
      rowTag = new RegExp(`<${ep}row\\b([^>]*?)(/?)>`, 'g');
      cellTag = new RegExp(`<${ep}c\\b([^>]*?)(/?)>`, 'g');
      rowClose = `</${p}row>`;
      cellClose = `</${p}c>`;
      vOpen = `<${p}v`;
      vClose = `</${p}v>`;
      isOpen = `<${p}is`;
    }
    const cut = text.lastIndexOf(rowClose);
    if (cut < 0) return 0;
    const used = cut + rowClose.length;
    rows(text.slice(0, used));
    return used;
  };

  const rest = await streamPart(file, consume, `The sheet ${sheetName}`);
  if (p !== null) {
    const dataEnd = rest.indexOf(`</${p}sheetData>`);
    rows(dataEnd < 0 ? rest : rest.slice(0, dataEnd));
  }
  blankMergedCells(rest, targets);
  for (const t of targets) trimBlankRows(t.rows);
  return targets;
}

/** Blanks the cells of merged blocks other than each block's top-left cell. */
function blankMergedCells(tail: string, targets: AreaCells[]): void {
  for (const m of tail.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?["']/g)) {
    const c1 = columnNumber(m[1] ?? 'A');
    const r1 = Number(m[2]);
    const c2 = m[3] === undefined ? c1 : columnNumber(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]);
    for (const t of targets) {
      const a = t.area;
      for (let r = Math.max(r1, a.top); r <= Math.min(r2, a.bottom); r++) {
        const row = t.rows[r - a.top];
        if (row === undefined) continue;
        for (let c = Math.max(c1, a.left); c <= Math.min(c2, a.right); c++) {
          if ((r !== r1 || c !== c1) && c - a.left < row.length) row[c - a.left] = null;
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
