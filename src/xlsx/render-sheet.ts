/**
 * Renders a host-independent `ReportSheet` as the XML of a worksheet part. Text is written as an inline
 * string (`t="inlineStr"`), which is never a formula: text such as `=1+1` from the workbook stays text,
 * and the workbook's shared strings part is left as it was. Elements follow the schema's order:
 * sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, autoFilter, pageMargins, pageSetup, drawing,
 * tableParts.
 * The print titles and the filter's defined names are the workbook part's (see `sheetDefinedNames`).
 */
import { columnLetters } from '../workbook/grid';
import { autoFilterRange, filterDatabaseFormula, printTitlesFormula } from '../workbook/report-print';
import type { CellFormat, ReportCell, ReportSheet, RowStyle } from '../workbook/report-types';
import { namespacesFor, type Conformance } from './namespaces';
import type { NewDefinedName } from './workbook-xml';
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

/**
 * `pageSetup`: one page wide (fitToPage in sheetPr turns the fitting on; fitToHeight 0 is as many pages
 * tall as needed), or an orientation at full size; nothing when the layout asks for neither.
 */
function pageSetup(sheet: ReportSheet): string {
  if (sheet.printOnePageWide !== undefined) return `<pageSetup orientation="${sheet.printOnePageWide}" fitToWidth="1" fitToHeight="0"/>`;
  if (sheet.printOrientation === undefined) return '';
  if (sheet.printPagesWide !== undefined) return `<pageSetup orientation="${sheet.printOrientation}" fitToWidth="${sheet.printPagesWide}" fitToHeight="0"/>`;
  return `<pageSetup orientation="${sheet.printOrientation}"/>`;
  return '';
}

/** The `autoFilter` element over the sheet's table, or nothing. */
function autoFilter(sheet: ReportSheet): string {
  const range = autoFilterRange(sheet);
  return range === null ? '' : `<autoFilter ref="${range}"/>`;
}

/**
 * The sheet-scoped defined names Excel keeps with the sheet's print titles and AutoFilter: `_xlnm.Print_Titles`,
 * and the hidden `_xlnm._FilterDatabase` Excel writes for every AutoFilter. `localSheetId` is the sheet's index.
 */
export function sheetDefinedNames(sheet: ReportSheet, localSheetId: number): NewDefinedName[] {
  const names: NewDefinedName[] = [];
  const filter = filterDatabaseFormula(sheet);
  if (filter !== null) names.push({ name: '_xlnm._FilterDatabase', formula: filter, localSheetId, hidden: true });
  const titles = printTitlesFormula(sheet);
  if (titles !== null) names.push({ name: '_xlnm.Print_Titles', formula: titles, localSheetId });
  return names;
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
  xf: (style: RowStyle, format: CellFormat, align?: ReportCell['align']) => number,
  conformance: Conformance = 'transitional',
  /** The relationship id of the sheet's drawing (its chart, and what the user drew on it); none without. */
  drawingRelId: string | null = null,
  /** The relationship ids of the sheet's table parts, in the order of `sheet.tables`. */
  tableRelIds: readonly string[] = [],
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
      const s = xf(row.style, c.format, c.align);
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
    (sheet.printOnePageWide === undefined && sheet.printPagesWide === undefined ? '' : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') +
    `<dimension ref="${dimension}"/>${sheetViews(sheet.freeze)}<sheetFormatPr defaultRowHeight="15"/>${cols(sheet.columnWidths)}` +
    `<sheetData>${rowsXml.join('')}</sheetData>${autoFilter(sheet)}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    pageSetup(sheet) +
    // After pageMargins (and pageSetup, headerFooter, breaks … which the report does not write), before legacyDrawing.
    (drawingRelId === null ? '' : `<drawing r:id="${encodeXml(drawingRelId)}"/>`) +
    // After drawing (and legacyDrawing … webPublishItems, which the report does not write), before extLst.
    (tableRelIds.length === 0 ? '' : `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${encodeXml(id)}"/>`).join('')}</tableParts>`) +
    '</worksheet>'
  );
}
