/**
 * Finds the contract's ranges in a workbook and reads their cells into `RangeGrid`s.
 * A workbook-scoped defined name wins, then a name scoped to one worksheet (see `choose-range-name.ts`,
 * the rule both hosts share); an Excel table of the same name is the fallback (names match
 * case-insensitively, as Excel's do). A name that exists but cannot be used is reported with the name,
 * so the user is not told "missing" about a range they can see in the Name Manager.
 *
 * Only the sheets that hold a range are read, each once, whatever the number of ranges on it; see
 * `sheet-scan.ts` for how.
 */
import { isUtf8 } from 'buffer';
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { chooseRangeName } from '../workbook/choose-range-name';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import { columnHeaders, CONTRACT_HEADERS } from '../workbook/contract-spec';
import type { CellValue, RangeGrid } from '../workbook/grid';
import { numberLooks, type ValueContext } from './cell-value';
import type { DefinedNameEntry } from './workbook-xml';
import { type LoadedWorkbook, type WorkbookSheet, WorkbookReadError } from './load-workbook';
import { findPart, isKind, PartFormatError, readXmlPart } from './package';
import { MAX_SHARED_STRINGS_BYTES, PartTooLargeError } from './part-limits';
import { detectEncoding, decodePart } from './part-text';
import { type Area, parseReference } from './reference';
import { NO_SHARED_STRINGS, scanSharedStrings, type SharedStringTable } from './shared-strings';
import { type AreaRequest, PartScanError, type PartStream, scanSheet } from './sheet-scan';
import { readTables, type TableInfo } from './tables';
import { XmlError } from './xml-types';
import { findEntry, readEntry, streamEntry, ZipFormatError } from './zip-reader';

/** The grids found, and the problems with names that exist but cannot be read. */
export interface RangeGrids {
  grids: Map<ContractRangeName, RangeGrid>;
  issues: Issue[];
  /** Contract names reported in `issues`: the contract must not call them missing as well. */
  broken: Set<string>;
}

/** A sheet by name: exact first, then ignoring case as Excel does. */
export function findSheet(loaded: Pick<LoadedWorkbook, 'sheets'>, name: string): WorkbookSheet | undefined {
  const exact = loaded.sheets.find((s) => s.name === name);
  if (exact !== undefined) return exact;
  const key = name.toLowerCase();
  return loaded.sheets.find((s) => s.name.toLowerCase() === key);
}

/** Where a contract range's cells are, before they are read. */
interface Located {
  contractName: ContractRangeName;
  /** The defined name or table name as found. */
  name: string;
  sheet: WorkbookSheet;
  area: Area;
  /** Column names to put above the cells, for a table with a hidden header row. */
  headers: string[] | null;
}

/** The block of a table's data: the header row included, the totals row not. */
export function tableArea(table: TableInfo): Area | null {
  const ref = parseReference(`'${table.sheet.replace(/'/g, "''")}'!${table.ref}`);
  if (!ref.ok) return null;
  const area = { ...ref.area };
  if (table.totalsRow && area.bottom > area.top) area.bottom -= 1;
  return area;
}

/** Finds one contract range: a defined name, else a table, else nothing. */
async function locate(
  loaded: LoadedWorkbook,
  contractName: ContractRangeName,
  tables: () => Promise<TableInfo[]>,
): Promise<Located | { issue: Issue } | null> {
  const key = nameKey(contractName);
  const candidates = loaded.info.definedNames.flatMap((d): Array<DefinedNameEntry & { scopeSheet: string | null }> => {
    if (d.localSheetId === null) return [{ ...d, scopeSheet: null }];
    // A name scoped to a sheet index the workbook does not have belongs to no sheet: Excel drops it.
    const sheet = loaded.info.sheets[d.localSheetId];
    return sheet === undefined ? [] : [{ ...d, scopeSheet: sheet.name }];
  });
  const choice = chooseRangeName(contractName, candidates);
  if (choice !== null && 'issue' in choice) return { issue: choice.issue };
  const defined = choice?.chosen;
  if (defined !== undefined) {
    const where = { range: contractName, value: defined.formula };
    const parsed = parseReference(defined.formula);
    if (!parsed.ok) {
      const { problem, reference, areas } = parsed;
      return { issue: error('INVALID_RANGE_REFERENCE', msg('badReference', { name: defined.name, problem, reference, areas }), where) };
    }
    const sheet = findSheet(loaded, parsed.area.sheet);
    if (sheet === undefined) {
      return {
        issue: error('INVALID_RANGE_REFERENCE', msg('referenceToMissingSheet', { name: defined.name, sheet: parsed.area.sheet }), where),
      };
    }
    if (!sheet.worksheet || sheet.part === null) {
      return {
        issue: error('INVALID_RANGE_REFERENCE', msg('referenceToNonWorksheet', { name: defined.name, sheet: sheet.name }), where),
      };
    }
    return { contractName, name: defined.name, sheet, area: parsed.area, headers: null };
  }
  for (const table of await tables()) {
    if (![table.name, table.displayName].some((n) => n !== '' && nameKey(n) === key)) continue;
    const area = tableArea(table);
    const sheet = findSheet(loaded, table.sheet);
    if (area === null || sheet === undefined) continue;
    return { contractName, name: table.displayName || table.name, sheet, area, headers: table.headerRow ? null : table.columns };
  }
  return null;
}

/**
 * A part's bytes as they are inflated: by zlib from the file's bytes, or through JSZip for a package
 * whose directory only JSZip could read. Null when the package has no such part.
 */
export function partStream(loaded: LoadedWorkbook, part: string): { name: string; stream: PartStream } | null {
  if (loaded.entries !== null) {
    const entry = findEntry(loaded.entries, part);
    return entry === null ? null : { name: entry.name, stream: (onPiece) => streamEntry(loaded.bytes, entry, onPiece) };
  }
  const file = findPart(loaded.zip, part);
  if (file === null) return null;
  const stream: PartStream = (onPiece) =>
    new Promise((resolve, reject) => {
      const pieces = file.nodeStream('nodebuffer');
      let failed = false;
      pieces.on('data', (piece: Buffer) => {
        if (failed) return;
        try {
          onPiece(piece);
        } catch (e) {
          failed = true;
          pieces.pause();
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      pieces.on('error', (e: Error) => {
        failed = true;
        reject(new ZipFormatError(e.message));
      });
      pieces.on('end', () => {
        if (!failed) resolve();
      });
    });
  return { name: file.name, stream };
}

/** Reads the shared strings part: scanned once, each item decoded when a wanted cell uses it. */
async function readSharedStrings(loaded: LoadedWorkbook, part: string): Promise<SharedStringTable> {
  const found = partStream(loaded, part);
  if (found === null) return NO_SHARED_STRINGS;
  const what = `The shared strings part ${found.name}`;
  let bytes: Buffer;
  try {
    const entry = loaded.entries === null ? null : findEntry(loaded.entries, part);
    if (entry !== null) bytes = await readEntry(loaded.bytes, entry, MAX_SHARED_STRINGS_BYTES);
    else {
      const pieces: Buffer[] = [];
      let total = 0;
      await found.stream((piece) => {
        total += piece.length;
        if (total > MAX_SHARED_STRINGS_BYTES) throw new PartTooLargeError(found.name, MAX_SHARED_STRINGS_BYTES);
        pieces.push(Buffer.from(piece));
      });
      bytes = Buffer.concat(pieces);
    }
  } catch (e) {
    if (e instanceof ZipFormatError) throw new PartScanError(`${what} is damaged: ${e.message}`);
    throw e;
  }
  const encoding = detectEncoding(bytes);
  let utf8 = encoding.charset === 'utf-8' ? bytes.subarray(encoding.bom ? 3 : 0) : null;
  if (utf8 !== null && !isUtf8(utf8)) throw new PartScanError(`${what} is neither UTF-8 nor UTF-16 text.`);
  if (utf8 === null) {
    // UTF-16 is rare enough to be decoded and encoded again as UTF-8 for the byte scanner.
    try {
      utf8 = Buffer.from(decodePart(bytes).text, 'utf8');
    } catch {
      throw new PartScanError(`${what} is neither UTF-8 nor UTF-16 text.`);
    }
  }
  try {
    return scanSharedStrings(utf8);
  } catch (e) {
    if (e instanceof XmlError) throw new PartScanError(`${what} is not well-formed XML: ${e.message}`);
    throw e;
  }
}

/** What reading cells needs besides the sheet: shared strings, date formats, the date system. */
export async function valueContext(loaded: LoadedWorkbook): Promise<ValueContext> {
  const stylesRel = loaded.workbookRels.find((r) => isKind(r, 'styles') && r.part !== null);
  const stringsRel = loaded.workbookRels.find((r) => isKind(r, 'sharedStrings') && r.part !== null);
  const styles = stylesRel?.part == null ? null : await readXmlPart(loaded.zip, stylesRel.part);
  return {
    sharedStrings: stringsRel?.part == null ? NO_SHARED_STRINGS : await readSharedStrings(loaded, stringsRel.part),
    looks: numberLooks(styles?.text ?? null, styles?.name),
    date1904: loaded.info.date1904,
  };
}

/** The keys of the long form's columns, by every header the contract accepts for them. */
const LONG_FORM_KEYS = new Map(
  CONTRACT_HEADERS.ABC_Volumes.columns.flatMap((col) => columnHeaders(col).map((h): [string, string] => [nameKey(h), col.key])),
);

/**
 * The columns of `ABC_Volumes` its reader uses, from the header row: in the long form the customer,
 * driver and quantity columns (the order references and dates of a transaction export are never
 * decoded); null — every column — in the wide form, where every other column is a driver.
 */
export function volumeColumns(header: readonly CellValue[]): boolean[] | null {
  const keys = header.map((h) => (typeof h === 'string' ? LONG_FORM_KEYS.get(nameKey(h)) : undefined));
  if (!keys.includes('driver') && !keys.includes('quantity')) return null;
  return keys.map((k) => k !== undefined);
}

/** Finds and reads every contract range of the workbook. Throws `WorkbookReadError` for a damaged part. */
export async function readContractRanges(loaded: LoadedWorkbook): Promise<RangeGrids> {
  try {
    return await readRanges(loaded);
  } catch (e) {
    if (e instanceof PartTooLargeError) throw new WorkbookReadError({ kind: 'part-too-large', part: e.part, limitMb: e.limit / 1024 / 1024 }, loaded.path);
    if (e instanceof PartScanError || e instanceof PartFormatError) throw new WorkbookReadError({ kind: 'damaged-part', detail: e.message }, loaded.path);
    throw e;
  }
}

async function readRanges(loaded: LoadedWorkbook): Promise<RangeGrids> {
  const issues: Issue[] = [];
  const broken = new Set<string>();
  let tableList: Promise<TableInfo[]> | null = null;
  const tables = (): Promise<TableInfo[]> => (tableList ??= readTables(loaded));

  const located: Located[] = [];
  for (const name of CONTRACT_RANGES) {
    const found = await locate(loaded, name, tables);
    if (found === null) continue;
    if ('issue' in found) {
      issues.push(found.issue);
      broken.add(name);
    } else {
      located.push(found);
    }
  }

  const grids = new Map<ContractRangeName, RangeGrid>();
  if (located.length === 0) return { grids, issues, broken };
  const ctx = await valueContext(loaded);
  for (const sheet of new Set(located.map((l) => l.sheet))) {
    const here = located.filter((l) => l.sheet === sheet);
    const part = partStream(loaded, sheet.part ?? '');
    const requests = here.map((l): AreaRequest => ({
      area: l.area,
      ...(l.contractName === 'ABC_Volumes' ? { pickColumns: volumeColumns } : {}),
      ...(l.headers === null ? {} : { header: l.headers }),
    }));
    const cells = part === null ? here.map(() => ({ rows: [] as CellValue[][] })) : await scanSheet(part.stream, requests, ctx, sheet.name);
    here.forEach((l, i) => {
      const rows = cells[i]?.rows ?? [];
      const grid: RangeGrid = { name: l.name, sheet: sheet.name, top: l.area.top, left: l.area.left, rows };
      grids.set(l.contractName, l.headers === null ? grid : { ...grid, top: grid.top - 1, rows: [l.headers, ...rows] });
    });
  }
  // The contract is read in its own order; the map keeps the contract's order of names.
  const ordered = new Map<ContractRangeName, RangeGrid>();
  for (const name of CONTRACT_RANGES) {
    const g = grids.get(name);
    if (g !== undefined) ordered.set(name, g);
  }
  return { grids: ordered, issues, broken };
}
