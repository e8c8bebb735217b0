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
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract';
import { type CellValue, isCellError, isPercentCell, isUncalculated } from '../workbook/grid';
import {
  HEADER_FILL,
  INPUT_FILL,
  type ListSource,
  listNames,
  modelLanguage,
  modelValidations,
  type PlacedRange,
  TEMPLATE_INPUT_ROWS,
  templateLayout,
} from '../workbook/template-layout';
import type { ActionOptions, ModelLanguage, WriteOutcome } from './actions';
import { blockAddress } from './address';
import { type ExcelRun, SyncCounter } from './context';
import { GatewayError, toGatewayError } from './errors';
import { type FormatFailure, NumberFormatCheck } from './format-check';
import type { SupportsSet } from './watch-model';
import { type WriteCell, safeFormat, setColumnWidths, writeBlock } from './write-cells';
import { removeSheets } from './report-sheets';

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

/** The drop-downs of the model (template-layout.ts), in its language; the empty model also marks its input cells. */
interface ModelLook {
  language: ModelLanguage;
  inputCells: boolean;
  /** The empty model's instructions sheet, added before the model's sheets. */
  instructions?: { sheet: string; title: string; lines: readonly string[] };
}

/** A list as Office.js takes it: `=PoolList` for a name, `minutes,hours` for words (no quotes, unlike the file). */
function officeListSource(source: ListSource): string {
  return source.kind === 'name' ? `=${source.name}` : source.values.join(',');
}

/**
 * Queues the drop-downs and their list names for the placed blocks: the names first, since Excel refuses a
 * list that names nothing. The empty model's input cells get the input fill, its header row the header fill.
 */
function queueLook(context: Excel.RequestContext, placed: readonly ModelBlock[], look: ModelLook): void {
  const ranges: PlacedRange[] = placed.map((b) => ({ range: b.rangeName, sheet: b.sheet, headers: b.rows[0] ?? [], dataRows: b.rows.slice(1) }));
  const over = placed.every((b) => b.asTable) ? 'table' : 'name';
  for (const n of listNames(ranges, over)) context.workbook.names.add(n.name, `=${n.formula}`);
  for (const v of modelValidations(look.language, ranges, TEMPLATE_INPUT_ROWS + 1)) {
    context.workbook.worksheets.getItem(v.sheet).getRange(v.ref.replace(/^([A-Z]+\d+):\1$/, '$1')).dataValidation.rule = {
      list: { inCellDropDown: true, source: officeListSource(v.source) },
    };
  }
  if (!look.inputCells) return;
  for (const b of placed) {
    const ws = context.workbook.worksheets.getItem(b.sheet);
    const width = Math.max(1, ...b.rows.map((r) => r.length));
    ws.getRangeByIndexes(1, 0, TEMPLATE_INPUT_ROWS, width).format.fill.color = `#${INPUT_FILL}`;
    ws.getRangeByIndexes(0, 0, 1, width).format.fill.color = `#${HEADER_FILL}`;
  }
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
async function insertBlocks(run: ExcelRun, blocks: readonly ModelBlock[], options: ActionOptions, look: ModelLook, supports: SupportsSet): Promise<WriteOutcome> {
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
      const guide = look.instructions === undefined ? null : { ...look.instructions, sheet: freeName(look.instructions.sheet, taken) };
      const placed = blocks.map((b) => ({ ...b, sheet: freeName(b.sheet, taken) }));
      const added = [...(guide === null ? [] : [guide.sheet]), ...placed.map((b) => b.sheet)];
      const total = placed.reduce((n, b) => n + b.rows.length, 0);
      // Number formats a host of another region garbled are set again locally (format-check.ts).
      const formats = new NumberFormatCheck(context, supports);
      let formatsNotSet: FormatFailure[] = [];
      try {
        for (const sheet of added) context.workbook.worksheets.add(sheet);
        await counter.sync(context);
        if (guide !== null) {
          const rows: WriteCell[][] = [guide.title, null, ...guide.lines].map((line) => [{ value: line, numberFormat: null }]);
          await writeBlock(context, counter, guide.sheet, rows, { options, stage: 'writing', before: 0, total });
          const ws = context.workbook.worksheets.getItem(guide.sheet);
          ws.getRange('A1').format.font.bold = true;
          setColumnWidths(ws, [110]);
        }
        let before = 0;
        for (const block of placed) {
          const cells = blockCells(block);
          before += await writeBlock(context, counter, block.sheet, cells, { options, stage: 'writing', before, total });
          formats.probe(context, block.sheet, cells.map((row) => row.map(safeFormat)));
          const ws = context.workbook.worksheets.getItem(block.sheet);
          const width = Math.max(1, ...block.rows.map((r) => r.length));
          ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
          ws.freezePanes.freezeRows(1);
          if (block.columnWidths !== undefined) setColumnWidths(ws, block.columnWidths);
        }
        await counter.sync(context);
        formatsNotSet = await formats.settle(context, counter);
      } catch (err) {
        await removeSheets(context, added);
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
      queueLook(context, placed, look);
      const first = added[0];
      if (first !== undefined) context.workbook.worksheets.getItem(first).activate();
      await counter.sync(context);
      return { sheets: added, replaced: [], syncs: counter.count, formatsNotSet };
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** Writes the sample model with a workbook-scoped name over each sheet's block. */
export function insertSample(run: ExcelRun, sheets: readonly SampleSheet[], options: ActionOptions = {}, supports: SupportsSet = () => false): Promise<WriteOutcome> {
  return insertBlocks(
    run,
    sheets.map((s) => ({ ...s, asTable: false })),
    options,
    // The sample comes in the pane's language; its drop-downs list the words its cells hold.
    { language: modelLanguage(sheets.map((s) => ({ range: s.rangeName, sheet: s.sheet, headers: s.rows[0] ?? [], dataRows: [] }))), inputCells: false },
    supports,
  );
}

/**
 * Writes the contract as empty Excel tables with their headers in the chosen language (the contract reads
 * both), so rows the user types below grow the table and stay inside the range.
 */
export function insertEmptyModel(run: ExcelRun, language: ModelLanguage, options: ActionOptions = {}, supports: SupportsSet = () => false): Promise<WriteOutcome> {
  const layout = templateLayout(language);
  const blocks = layout.tables.map(
    (t): ModelBlock => ({
      sheet: t.sheet,
      rangeName: t.tableName,
      // The layout's blank row is the table's first data row, which tables.add makes anyway.
      rows: [t.columns.map((c) => c.header), ...t.rows.filter((r) => r.some((v) => v !== null))],
      columnWidths: t.columns.map((c) => c.width),
      numberFormats: t.columns.map((c) => c.numberFormat),
      asTable: true,
    }),
  );
  return insertBlocks(run, blocks, options, { language, inputCells: true, instructions: layout.instructions }, supports);
}
