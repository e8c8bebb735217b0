/**
 * ExcelJS cell values to the contract's `CellValue`: what the user sees in the cell, never the formula.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../workbook/grid';

/** The shapes ExcelJS 4.4 uses for a cell's value, as far as the contract cares. */
type ExcelJsValue = ExcelJS.CellValue | undefined;

/** Plain text of a rich-text value. */
function richText(value: { richText: Array<{ text: string }> }): string {
  return value.richText.map((run) => run.text).join('');
}

/** Converts a value as ExcelJS holds it. Formula cells give their cached result, links their text. */
export function toCellValue(value: ExcelJsValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value && Array.isArray(value.richText)) return richText(value);
  if ('formula' in value || 'sharedFormula' in value) {
    return toCellValue((value as { result?: ExcelJsValue }).result);
  }
  if ('hyperlink' in value && 'text' in value) {
    const t = (value as { text: unknown }).text;
    if (typeof t === 'string') return t;
    if (typeof t === 'object' && t !== null && 'richText' in t) return richText(t as { richText: Array<{ text: string }> });
    return null;
  }
  return null;
}

/**
 * The value of a cell as the contract sees it. The non-anchor cells of a merged block are blank, as in
 * Excel, although ExcelJS reports the anchor's value for them.
 */
export function cellValueOf(cell: ExcelJS.Cell | undefined): CellValue {
  if (cell === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return toCellValue(cell.value);
}
