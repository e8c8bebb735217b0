/**
 * Renders a host-independent `ReportSheet` onto an ExcelJS worksheet. Text is assigned as a string value,
 * which ExcelJS always stores as a shared string: text such as `=1+1` from the workbook stays text.
 */
import type ExcelJS from 'exceljs';
import { numberFormat } from '../workbook/report-layout';
import type { ReportRow, ReportSheet, RowStyle } from '../workbook/report-types';

const BORDER: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };

/** Font, fill and border of each row style. */
function styleCell(cell: ExcelJS.Cell, style: RowStyle): void {
  switch (style) {
    case 'title':
      cell.font = { bold: true, size: 14 };
      break;
    case 'note':
      cell.font = { italic: true, color: { argb: 'FF595959' } };
      break;
    case 'section':
      cell.font = { bold: true, size: 12 };
      break;
    case 'header':
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: BORDER };
      cell.alignment = { vertical: 'bottom', wrapText: true };
      break;
    case 'total':
      cell.font = { bold: true };
      cell.border = { top: BORDER };
      break;
    case 'body':
      break;
  }
}

function renderRow(ws: ExcelJS.Worksheet, index: number, row: ReportRow, currency: string): void {
  const target = ws.getRow(index);
  row.cells.forEach((c, i) => {
    const cell = target.getCell(i + 1);
    if (c.value !== null) cell.value = c.value;
    // Blank cells of header and total rows are styled too, so the band is unbroken.
    if (c.value !== null || row.style === 'header' || row.style === 'total') {
      cell.numFmt = numberFormat(c.format, currency);
      styleCell(cell, row.style);
    }
  });
}

/** Adds a worksheet rendering `sheet`. */
export function renderReportSheet(workbook: ExcelJS.Workbook, sheet: ReportSheet, currency: string): ExcelJS.Worksheet {
  const { rows, columns } = sheet.freeze;
  const views: Array<Partial<ExcelJS.WorksheetView>> =
    rows > 0 || columns > 0 ? [{ state: 'frozen', xSplit: columns, ySplit: rows }] : [];
  const ws = workbook.addWorksheet(sheet.name, { views });
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  sheet.rows.forEach((row, i) => renderRow(ws, i + 1, row, currency));
  return ws;
}
