/**
 * TEST ORACLE: the runner's sheet reader as it was before the byte scanner (issue 11), kept unchanged
 * but for its imports, so the byte scanner can be held to the very grids it gave on every fixture.
 *
 * Reads cells out of worksheet and shared-strings parts without building a model of the workbook.
 *
 * A part is decompressed as a stream and fed, piece by piece, to the namespace-aware tokenizer, so a
 * million-row sheet of 200 MB of XML is never one string and memory stays at what the wanted cells need.
 * Only the cells inside the wanted areas are kept; rows and cells without an `r` attribute take the
 * position after the previous one, as the format says.
 */
import type JSZip from 'jszip';
import type { CellValue } from '../../src/workbook/grid';
import { columnNumber } from '../../src/workbook/grid';
import { toCellValue, type ValueContext } from '../../src/xlsx/cell-value';
import { MAIN_NS } from '../../src/xlsx/namespaces';
import { detectEncoding, partDecoder } from '../../src/xlsx/part-text';
import type { Area } from '../../src/xlsx/reference';
import { decodeCellEscapes } from '../../src/xlsx/xml';
import { canonicalUri, type EndTag, type StartTag, XmlError, type XmlHandler, XmlTokenizer } from '../../src/xlsx/xml-tokenizer';

/** More text than this without a complete token means the part is not what it claims to be. */
const MAX_PENDING = 64 * 1024 * 1024;

/** A part could not be scanned: damaged compression, bad encoding, or XML that is not well-formed. */
export class PartScanError extends Error {
  override name = 'PartScanError';
}

/** Streams a part through a tokenizer that reports to `handler`. */
function streamXmlPart(file: JSZip.JSZipObject, handler: XmlHandler, what: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const tokenizer = new XmlTokenizer(handler);
    let decoder: TextDecoder | null = null;
    let head: Buffer | null = null;
    let failed = false;
    const stream = file.nodeStream('nodebuffer');
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      stream.pause();
      if (e instanceof XmlError) reject(new PartScanError(`${what} is not well-formed XML: ${e.message}`));
      else if (e instanceof TypeError) reject(new PartScanError(`${what} is neither UTF-8 nor UTF-16 text.`));
      else reject(e instanceof Error ? e : new Error(String(e)));
    };
    const feed = (bytes: Buffer, last: boolean): void => {
      decoder ??= partDecoder(detectEncoding(bytes));
      tokenizer.write(decoder.decode(bytes, { stream: !last }));
      if (tokenizer.pending > MAX_PENDING) throw new PartScanError(`${what} has a token larger than ${MAX_PENDING / 1024 / 1024} MB; it cannot be read.`);
    };
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        // The encoding is told by the first four bytes; a first piece shorter than that waits.
        if (decoder === null) {
          head = head === null ? chunk : Buffer.concat([head, chunk]);
          if (head.length < 4) return;
          chunk = head;
          head = null;
        }
        feed(chunk, false);
      } catch (e) {
        fail(e);
      }
    });
    stream.on('error', (e: Error) => fail(new PartScanError(`${what} is damaged: ${e.message}`)));
    stream.on('end', () => {
      if (failed) return;
      try {
        feed(head ?? Buffer.alloc(0), true);
        tokenizer.end();
        resolvePromise();
      } catch (e) {
        fail(e);
      }
    });
  });
}

// The tokenizer hands out one string object per namespace URI; comparing with that object is instant.
const MAIN_TRANSITIONAL = canonicalUri(MAIN_NS[0]!);
const MAIN_STRICT = canonicalUri(MAIN_NS[1]!);

/** Called for every element of a million-row sheet: two comparisons, no search. */
function isMain(tag: { uri: string }): boolean {
  return tag.uri === MAIN_TRANSITIONAL || tag.uri === MAIN_STRICT;
}

function attribute(tag: StartTag, local: string): string | undefined {
  return tag.attr(local);
}

/**
 * Collects the text of string items (`<si>`, `<is>`): their `<t>` elements, rich-text runs included,
 * phonetic guides (`<rPh>`) left out as Excel shows them.
 */
class StringItemText {
  private text: string | null = null;
  private inT = 0;
  private inPhonetic = 0;

  start(): void {
    this.text = '';
  }

  get active(): boolean {
    return this.text !== null;
  }

  open(tag: StartTag): void {
    if (!isMain(tag)) return;
    if (tag.local === 'rPh') this.inPhonetic++;
    else if (tag.local === 't' && this.inPhonetic === 0) this.inT++;
  }

  close(tag: EndTag): void {
    if (!isMain(tag)) return;
    if (tag.local === 'rPh') this.inPhonetic--;
    else if (tag.local === 't' && this.inPhonetic === 0) this.inT--;
  }

  add(text: string): void {
    if (this.inT > 0 && this.text !== null) this.text += text;
  }

  finish(): string {
    const t = decodeCellEscapes(this.text ?? '');
    this.text = null;
    this.inT = 0;
    this.inPhonetic = 0;
    return t;
  }
}

/** Reads the shared strings part: the text of every item, in order. */
export async function readSharedStrings(file: JSZip.JSZipObject): Promise<string[]> {
  const strings: string[] = [];
  const item = new StringItemText();
  await streamXmlPart(
    file,
    {
      startElement(tag) {
        if (isMain(tag) && tag.local === 'si') item.start();
        else if (item.active) item.open(tag);
      },
      endElement(tag) {
        if (isMain(tag) && tag.local === 'si') strings.push(item.finish());
        else if (item.active) item.close(tag);
      },
      text(text) {
        if (item.active) item.add(text);
      },
    },
    `The shared strings part ${file.name}`,
  );
  return strings;
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
 * transaction sheet repeats a few driver names a million times. The copy is made fresh, because the
 * text as decoded may be a slice of a large piece of the part and would keep that piece in memory.
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

/** The column of a cell reference (`B7`, `$B$7`), or null when it has none. */
function referenceColumn(ref: string): number | null {
  let k = ref.charCodeAt(0) === 36 ? 1 : 0;
  const start = k;
  while (k < ref.length && k - start < 3) {
    const c = ref.charCodeAt(k) | 32;
    if (c < 97 || c > 122) break;
    k++;
  }
  return k === start ? null : columnNumber(ref.slice(start, k));
}

/** A merged block, 1-based and inclusive. */
interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
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

/** The cell being read. */
interface OpenCell {
  column: number;
  type: string;
  style: number;
  wanted: boolean;
  value: string | null;
  formula: string | null;
  inline: string | null;
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
  const intern = makeIntern();
  const merges: Merge[] = [];
  const inline = new StringItemText();
  let depth = 0;
  let inSheetData = false;
  let row = 0;
  let rowWanted = false;
  let column = 0;
  let cell: OpenCell | null = null;
  /** 'v' or 'f' while their text is being collected. */
  let collecting: 'v' | 'f' | null = null;

  const finishCell = (c: OpenCell): void => {
    if (!c.wanted) return;
    const value = toCellValue({ type: c.type, style: c.style, value: c.value, inline: c.inline, formula: c.formula }, ctx);
    if (value === null) return;
    const stored = typeof value === 'string' && c.type !== 's' ? intern(value) : value;
    for (const t of targets) {
      const a = t.area;
      if (row >= a.top && row <= a.bottom && column >= a.left && column <= a.right) put(t, row, column, stored);
    }
  };

  await streamXmlPart(
    file,
    {
      startElement(tag) {
        depth++;
        if (!isMain(tag)) {
          if (inline.active) inline.open(tag);
          return;
        }
        if (cell !== null) {
          if (inline.active) inline.open(tag);
          else if (depth === 5 && tag.local === 'v') {
            collecting = 'v';
            cell.value = '';
          } else if (depth === 5 && tag.local === 'f') {
            collecting = 'f';
            cell.formula = '';
          } else if (depth === 5 && tag.local === 'is') inline.start();
          return;
        }
        if (inSheetData && depth === 3 && tag.local === 'row') {
          const r = attribute(tag, 'r');
          row = r === undefined || !/^\d+$/.test(r.trim()) ? row + 1 : Number(r);
          rowWanted = row >= top && row <= bottom;
          column = 0;
        } else if (inSheetData && depth === 4 && tag.local === 'c') {
          const ref = attribute(tag, 'r');
          const refColumn = ref === undefined ? null : referenceColumn(ref.trim());
          column = refColumn ?? column + 1;
          const wanted = rowWanted && column >= left && column <= right;
          cell = { column, type: wanted ? (attribute(tag, 't') ?? '') : '', style: wanted ? Number(attribute(tag, 's') ?? 0) || 0 : 0, wanted, value: null, formula: null, inline: null };
        } else if (depth === 2 && tag.local === 'sheetData') {
          inSheetData = true;
        } else if (tag.local === 'mergeCell' && depth === 3) {
          const m = parseMerge(attribute(tag, 'ref') ?? '');
          if (m !== null) merges.push(m);
        }
      },
      endElement(tag) {
        depth--;
        if (cell !== null) {
          if (depth === 3 && isMain(tag) && tag.local === 'c') {
            finishCell(cell);
            cell = null;
          } else if (inline.active) {
            if (depth === 4 && isMain(tag) && tag.local === 'is') cell.inline = inline.finish();
            else inline.close(tag);
          } else if (depth === 4) {
            collecting = null;
          }
          return;
        }
        if (depth === 1 && isMain(tag) && tag.local === 'sheetData') inSheetData = false;
      },
      text(text) {
        if (cell === null || !cell.wanted) return;
        if (inline.active) inline.add(text);
        else if (collecting === 'v') cell.value += text;
        else if (collecting === 'f') cell.formula += text;
      },
    },
    `The sheet ${sheetName}`,
  );
  blankMergedCells(merges, targets);
  for (const t of targets) trimBlankRows(t.rows);
  return targets;
}

/** Blanks the cells of merged blocks other than each block's top-left cell. */
function blankMergedCells(merges: readonly Merge[], targets: AreaCells[]): void {
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
