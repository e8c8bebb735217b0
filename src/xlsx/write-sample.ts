/**
 * Writes a model given as sheets of rows (the sample generator's output) to a new .xlsx that follows the
 * workbook contract: one sheet per block starting at A1, each covered by a workbook-scoped defined name.
 * ExcelJS builds the sheets (this is a new workbook, so nothing can be lost); the names are written into
 * the workbook part afterwards because ExcelJS expands names cell by cell.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../workbook/grid';
import { columnLetters, isCellError, isPercentCell, isUncalculated } from '../workbook/grid';
import { quoteSheet } from '../engine/issues';
import { CONTRACT_RANGES, type ContractRangeName } from '../workbook/contract-spec';
import { listNames, modelLanguage, modelValidations, type PlacedRange, TEMPLATE_INPUT_ROWS } from '../workbook/template-layout';
import { addValidations } from './validations';
import { editDefinedNames, type NewDefinedName } from './workbook-xml';

/** One block of the model: the shape `generateSampleModel` returns (src/sample). */
export interface SheetBlock {
  sheet: string;
  /** The contract's range name, e.g. `ABC_Pools`. */
  rangeName: string;
  /** Header row first; written from A1. */
  rows: CellValue[][];
  columnWidths?: number[];
  /** Number format per column, null for Excel's General. */
  numberFormats?: Array<string | null>;
}

const WORKBOOK_PART = 'xl/workbook.xml';

/** ExcelJS's form of a cell value; text stays text (ExcelJS never parses a string as a formula). */
function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return value;
  if (isCellError(value)) return { error: value.error as ExcelJS.CellErrorValue['error'] };
  if (isPercentCell(value)) return value.percent;
  if (isUncalculated(value)) return { formula: value.formula, date1904: false };
  return value.stored;
}

/** The bytes of a workbook holding the blocks, with a defined name over each block. */
export async function buildBlocksWorkbook(blocks: readonly SheetBlock[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const names: Array<{ name: string; formula: string }> = [];
  for (const block of blocks) {
    if (workbook.getWorksheet(block.sheet) !== undefined) {
      throw new Error(`Two blocks of the model are on the sheet ${block.sheet}; each needs its own sheet.`);
    }
    const ws = workbook.addWorksheet(block.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const width = Math.max(1, ...block.rows.map((r) => r.length));
    block.rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (v === null) return;
        const cell = row.getCell(c + 1);
        cell.value = excelValue(v);
        const format = r === 0 ? null : block.numberFormats?.[c];
        if (format !== null && format !== undefined) cell.numFmt = format;
      });
      if (r === 0) row.font = { bold: true };
    });
    block.columnWidths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    const height = Math.max(1, block.rows.length);
    names.push({ name: block.rangeName, formula: `${quoteSheet(block.sheet)}!$A$1:$${columnLetters(width)}$${height}` });
  }
  // The same drop-downs as the empty model, with lists over the defined names, in the words of the model's language.
  const placed = blocks.flatMap((b): PlacedRange[] =>
    isContractRange(b.rangeName) ? [{ range: b.rangeName, sheet: b.sheet, headers: b.rows[0] ?? [], dataRows: b.rows.slice(1) }] : [],
  );
  addValidations(workbook, modelValidations(modelLanguage(placed), placed, TEMPLATE_INPUT_ROWS + 1));
  return workbookWithNames(workbook, [...names, ...listNames(placed, 'name')]);
}

function isContractRange(name: string): name is ContractRangeName {
  return (CONTRACT_RANGES as readonly string[]).includes(name);
}

/**
 * The bytes of an ExcelJS workbook with workbook-scoped defined names added to its workbook part: ExcelJS
 * itself would expand a name cell by cell, and cannot write a name over a table column (`ABC_Pools[Pool]`).
 */
export async function workbookWithNames(workbook: ExcelJS.Workbook, names: readonly NewDefinedName[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const part = zip.file(WORKBOOK_PART);
  if (part === null) throw new Error(`The written workbook has no ${WORKBOOK_PART}.`);
  const xml = await part.async('string');
  zip.file(WORKBOOK_PART, Buffer.from(editDefinedNames(xml, () => true, names), 'utf8'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
