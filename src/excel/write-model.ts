/// <reference types="office-js" />
/**
 * Writes a model into the open workbook: the sample wholesaler (named ranges over its sheets) or the
 * contract's empty tables. It never mixes two models: when any contract name or table already exists it
 * stops and says which. Sheet names are not part of the contract, so a sheet name already in use gets a
 * number (`Customers (2)`); the names are added last, so a failed insert leaves no dangling name.
 */
import { quoteSheet } from '../engine/issues';
import { nameKey } from '../engine/model';
import type { SampleSheet } from '../sample';
import { CONTRACT_HEADERS, CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import { type CellValue, isCellError, isPercentCell, isUncalculated } from '../workbook/grid';
import type { ActionOptions, ModelLanguage, WriteOutcome } from './actions';
import { blockAddress } from './address';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { type WriteCell, setColumnWidths, writeBlock } from './write-cells';
import { removeSheets } from './report-sheets';

/** Sheet names of the empty model per language. */
const EMPTY_SHEET_NAMES: Record<ModelLanguage, Record<ContractRangeName, string>> = {
  en: {
    ABC_Pools: 'Pools',
    ABC_Activities: 'Activities',
    ABC_Customers: 'Customers',
    ABC_Volumes: 'Volumes',
    ABC_CustomerCosts: 'Customer costs',
    ABC_Settings: 'Settings',
    ABC_Scenarios: 'Scenarios',
  },
  nl: {
    ABC_Pools: 'Kostenpools',
    ABC_Activities: 'Activiteiten',
    ABC_Customers: 'Klanten',
    ABC_Volumes: 'Volumes',
    ABC_CustomerCosts: 'Klantkosten',
    ABC_Settings: 'Instellingen',
    ABC_Scenarios: "Scenario's",
  },
};

/** Starting rows of the empty settings table, so the user sees what can be set. */
const EMPTY_SETTINGS: Record<ModelLanguage, CellValue[][]> = {
  en: [
    ['Currency', 'EUR'],
    ['Period', null],
    ['UnusedCapacity', 'report'],
  ],
  nl: [
    ['Valuta', 'EUR'],
    ['Periode', null],
    ['OngebruikteCapaciteit', 'rapporteren'],
  ],
};

/** One sheet to add with the model range it holds. */
interface ModelBlock {
  sheet: string;
  rangeName: ContractRangeName;
  rows: CellValue[][];
  columnWidths?: number[];
  numberFormats?: Array<string | null>;
  /** Add an Excel table named after the range instead of a workbook-scoped name. */
  asTable: boolean;
}

/** Cells of a block: the header row bold later, number formats on the data rows. */
function blockCells(block: ModelBlock): WriteCell[][] {
  return block.rows.map((row, r) =>
    row.map((value, c) => ({
      value: value instanceof Date || (typeof value === 'object' && value !== null) ? cellText(value) : value,
      numberFormat: r === 0 ? null : (block.numberFormats?.[c] ?? null),
    })),
  );
}

/** Dates and error values are not expected in a generated model; written as text if they appear. */
function cellText(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object' || value === null) return String(value);
  if (isCellError(value)) return value.error;
  if (isPercentCell(value)) return String(value.percent);
  if (isUncalculated(value)) return value.formula;
  return value.stored;
}

/** A sheet name not in use (Excel compares sheet names ignoring case). */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(nameKey(candidate)); i++) candidate = `${name.slice(0, 26)} (${i})`;
  taken.add(nameKey(candidate));
  return candidate;
}

/** Writes the blocks; the shared part of "Insert sample model" and "New empty model". */
async function insertBlocks(run: ExcelRun, blocks: readonly ModelBlock[], options: ActionOptions): Promise<WriteOutcome> {
  const counter = new SyncCounter();
  try {
    return await run(async (context) => {
      const names = context.workbook.names.load('items/name');
      const tables = context.workbook.tables.load('items/name');
      const sheets = context.workbook.worksheets.load('items/name');
      await counter.sync(context);
      const contract = new Set(CONTRACT_RANGES.map(nameKey));
      const clashes = [...names.items.map((n) => n.name), ...tables.items.map((t) => t.name)].filter((n) => contract.has(nameKey(n)));
      if (clashes.length > 0) throw new GatewayError('modelExists', clashes);

      const taken = new Set(sheets.items.map((ws) => nameKey(ws.name)));
      const placed = blocks.map((b) => ({ ...b, sheet: freeName(b.sheet, taken) }));
      const total = placed.reduce((n, b) => n + b.rows.length, 0);
      try {
        for (const block of placed) context.workbook.worksheets.add(block.sheet);
        await counter.sync(context);
        let before = 0;
        for (const block of placed) {
          before += await writeBlock(context, counter, block.sheet, blockCells(block), { options, stage: 'writing', before, total });
          const ws = context.workbook.worksheets.getItem(block.sheet);
          const width = Math.max(1, ...block.rows.map((r) => r.length));
          ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
          ws.freezePanes.freezeRows(1);
          if (block.columnWidths !== undefined) setColumnWidths(ws, block.columnWidths);
        }
        await counter.sync(context);
      } catch (err) {
        await removeSheets(context, placed.map((b) => b.sheet));
        throw err;
      }
      // Names last: they only ever point at complete sheets.
      for (const block of placed) {
        const ws = context.workbook.worksheets.getItem(block.sheet);
        const width = Math.max(1, ...block.rows.map((r) => r.length));
        const range = ws.getRangeByIndexes(0, 0, Math.max(1, block.rows.length), width);
        if (block.asTable) {
          const table = ws.tables.add(`${quoteSheet(block.sheet)}!${blockAddress(0, 0, Math.max(2, block.rows.length), width)}`, true);
          table.name = block.rangeName;
        } else {
          context.workbook.names.add(block.rangeName, range);
        }
      }
      const first = placed[0];
      if (first !== undefined) context.workbook.worksheets.getItem(first.sheet).activate();
      await counter.sync(context);
      return { sheets: placed.map((b) => b.sheet), replaced: [], syncs: counter.count };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** Writes the sample model with a workbook-scoped name over each sheet's block. */
export function insertSample(run: ExcelRun, sheets: readonly SampleSheet[], options: ActionOptions = {}): Promise<WriteOutcome> {
  return insertBlocks(
    run,
    sheets.map((s) => ({ ...s, asTable: false })),
    options,
  );
}

/**
 * Writes the contract as empty Excel tables with their headers in the chosen language (the contract reads
 * both), so rows the user types below grow the table and stay inside the range.
 */
export function insertEmptyModel(run: ExcelRun, language: ModelLanguage, options: ActionOptions = {}): Promise<WriteOutcome> {
  const blocks = CONTRACT_RANGES.map((name): ModelBlock => {
    const spec = CONTRACT_HEADERS[name];
    const headers = spec.columns.map((c) => c[language]);
    const rows: CellValue[][] = [headers];
    if (name === 'ABC_Settings') rows.push(...EMPTY_SETTINGS[language]);
    return {
      sheet: EMPTY_SHEET_NAMES[language][name],
      rangeName: name,
      rows,
      columnWidths: headers.map((h) => Math.max(12, h.length + 4)),
      asTable: true,
    };
  });
  return insertBlocks(run, blocks, options);
}
