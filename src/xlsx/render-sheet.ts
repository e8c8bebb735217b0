/**
 * Renders a host-independent `ReportSheet` as the XML of a worksheet part. Text is written as an inline
 * string (`t="inlineStr"`), which is never a formula: text such as `=1+1` from the workbook stays text,
 * and the workbook's shared strings part is left as it was. Elements follow the schema's order:
 * sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, pageMargins, pageSetup, drawing.
 */
import { columnLetters } from '../workbook/grid';
import type { CellFormat, ReportSheet, RowStyle } from '../workbook/report-types';
import { namespacesFor, type Conformance } from './namespaces';
import { cutCellText, encodeCellText, encodeXml } from './xml';


/** The `sheetViews` element: the frozen header block and id columns. */
function sheetViews(freeze: ReportSheet['freeze']): string {
  const { rows, columns } = freeze;
  if (rows <= 0 && columns <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = `${columnLetters(columns + 1)}${rows + 1}`;
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** Column widths in Excel character units. */
function cols(widths: readonly number[]): string {
  const items = widths.flatMap((w, i) => (w > 0 && Number.isFinite(w) ? [`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`] : []));
  return items.length === 0 ? '' : `<cols>${items.join('')}</cols>`;
}

/** A number as `xsd:double` text; NaN and infinities cannot be stored and leave the cell blank. */
function numberText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

/**
 * The worksheet part's XML. `xf` gives the cell format index (`s`) for a row style and number format;
 * blank cells of header and total rows are written with their style, so the band is unbroken. The part
 * is written in the workbook's conformance class (a strict workbook gets strict namespaces).
 */
export function renderSheetXml(
  sheet: ReportSheet,
  xf: (style: RowStyle, format: CellFormat) => number,
  conformance: Conformance = 'transitional',
  /** The relationship id of the sheet's drawing (its chart, and what the user drew on it); none without. */
  drawingRelId: string | null = null,
): string {
  const ns = namespacesFor(conformance);
  const rowsXml: string[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    const cells: string[] = [];
    row.cells.forEach((c, j) => {
      const styled = row.style === 'header' || row.style === 'total';
      if (c.value === null && !styled) return;
      const ref = `${columnLetters(j + 1)}${r}`;
      const s = xf(row.style, c.format);
      const style = s === 0 ? '' : ` s="${s}"`;
      let cell: string;
      if (typeof c.value === 'string') {
        const space = /^\s|\s$|[\t\n\r]| {2}/.test(c.value) ? ' xml:space="preserve"' : '';
        // The layout has cut longer texts with a warning (report-text-limit.ts); this keeps any other caller within Excel's limit.
        cell = `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${encodeCellText(cutCellText(c.value))}</t></is></c>`;
      } else {
        const n = typeof c.value === 'number' ? numberText(c.value) : null;
        cell = n === null ? `<c r="${ref}"${style}/>` : `<c r="${ref}"${style}><v>${n}</v></c>`;
      }
      cells.push(cell);
      lastColumn = Math.max(lastColumn, j + 1);
    });
    if (cells.length === 0) return;
    lastRow = r;
    rowsXml.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const dimension = lastRow === 0 ? 'A1' : `A1:${columnLetters(Math.max(1, lastColumn))}${lastRow}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${encodeXml(ns.main)}" xmlns:r="${encodeXml(ns.rel)}">` +
    (sheet.printOnePageWide === undefined ? '' : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') +
    `<dimension ref="${dimension}"/>${sheetViews(sheet.freeze)}<sheetFormatPr defaultRowHeight="15"/>${cols(sheet.columnWidths)}` +
    `<sheetData>${rowsXml.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    // fitToHeight 0: as many pages tall as needed (fitToPage in sheetPr turns the fitting on).
    (sheet.printOnePageWide === undefined ? '' : `<pageSetup orientation="${sheet.printOnePageWide}" fitToWidth="1" fitToHeight="0"/>`) +
    // After pageMargins (and pageSetup, headerFooter, breaks … which the report does not write), before legacyDrawing.
    (drawingRelId === null ? '' : `<drawing r:id="${encodeXml(drawingRelId)}"/>`) +
    '</worksheet>'
  );
}
