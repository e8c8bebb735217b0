/**
 * The Office.js requirement sets behind every API the add-in calls, so that manifest.xml asks Office for
 * exactly what the code needs: an Excel that lacks a set never offers the add-in, instead of failing in
 * the middle of a Refresh with "ApiNotFound".
 *
 * `API_REQUIREMENTS` is a catalogue: every Office.js member the gateway (src/excel) and the worksheet
 * functions (src/functions) use must have a row, and a row may also name a member that is about to be
 * used. test/excel/requirements.test.ts finds the members the code really uses with the TypeScript
 * checker (plus `API_PATTERNS` for uses the checker cannot attribute), fails on a used member without a
 * row, checks every ExcelApi row against the `[Api set: …]` annotations of @types/office-js, and checks
 * that manifest.xml declares the highest set of the rows in use, no lower and no higher.
 *
 * A row's key is the member as @types/office-js names it (`Excel.Worksheet.getRangeByIndexes`). A
 * property whose reference gives a later set for writing than for reading (`Worksheet.visibility`,
 * `Application.calculationMode`) has a second row with ` (set)` for the write.
 */

/** The requirement sets the manifest declares. */
export type RequirementSetName = 'ExcelApi' | 'CustomFunctionsRuntime' | 'SharedRuntime';

/** A requirement set at a minimum version. */
export interface SetVersion {
  name: RequirementSetName;
  /** `major.minor`, e.g. `1.7`. */
  version: string;
}

/** One row of the catalogue. */
export interface ApiRequirement {
  /** The member as @types/office-js names it, e.g. `Excel.Worksheet.getRangeByIndexes`. */
  api: string;
  /** The set that brings it; null when it needs none (the core of office.js, or checked by office.js itself). */
  requires: SetVersion | null;
  /** What the add-in uses it for. */
  use: string;
  /** Where the set is documented, for rows the typings do not annotate. */
  source?: string;
  /**
   * An API the code uses only where `isSetSupported` says the host has it, with a fallback elsewhere: its
   * set does not raise the manifest's (an Excel without it still runs the add-in, a little less well).
   */
  optional?: boolean;
  /**
   * A use that is not in the scanned TypeScript (the manifest, generated code): the file that holds it
   * and a text it contains, so the test can check that the use is still there.
   */
  outsideSource?: { file: string; contains: string };
}

const SET_PATTERN = /^(ExcelApi|CustomFunctionsRuntime|SharedRuntime) (\d+\.\d+)$/;

/** Parses `ExcelApi 1.7`; `none` is null. */
export function parseRequirement(text: string): SetVersion | null {
  if (text === 'none') return null;
  const m = SET_PATTERN.exec(text);
  if (m === null) throw new Error(`Not a requirement set: "${text}" (expected e.g. "ExcelApi 1.7" or "none").`);
  return { name: m[1] as RequirementSetName, version: m[2] as string };
}

/** Orders `major.minor` versions numerically (1.10 after 1.9). */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

function row(api: string, requires: string, use: string, extra: Pick<ApiRequirement, 'source' | 'outsideSource' | 'optional'> = {}): ApiRequirement {
  return { api, requires: parseRequirement(requires), use, ...extra };
}

const CORE = 'https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-1-requirement-set';
const CF_SETS = 'https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets';
const COMMON = 'https://learn.microsoft.com/javascript/api/office (the Common API: Office.onReady and Office.context need no set)';

/** The catalogue; see the module comment. Keep it sorted by object, then member. */
export const API_REQUIREMENTS: readonly ApiRequirement[] = [
  // The batch machinery: part of every Excel JavaScript API host.
  row('Excel.run', 'ExcelApi 1.1', 'every batch of requests', { source: CORE }),
  row('Excel.RunOptions.delayForCellEdit', 'none', 'wait while the user edits a cell instead of failing', {
    source:
      'https://learn.microsoft.com/javascript/api/excel/excel.runoptions lists no set; office.js sends the flag only where ' +
      'isSetSupported("DelayForCellEdit") (excel-*-16.00.js, onBeforeExcelRun), else the batch fails with InvalidOperationInCellEditMode as without it',
  }),
  row('Excel.RequestContext.workbook', 'ExcelApi 1.1', 'the workbook of a batch', { source: CORE }),
  row('Excel.RequestContext.application', 'ExcelApi 1.1', 'the application of a batch', { source: CORE }),
  row('OfficeExtension.ClientRequestContext.sync', 'ExcelApi 1.1', 'one round trip to Excel', { source: CORE }),
  row('OfficeExtension.ClientObject.isNullObject', 'ExcelApi 1.1', 'tell a missing item from a found one (the *OrNullObject methods carry their own set)', {
    source: CORE,
  }),
  row('OfficeExtension.Error', 'none', 'an error of a batch, classified by its code', { source: CORE }),
  row('OfficeExtension.Error.code', 'none', 'the language-neutral code of an error (messages are localized)', { source: CORE }),
  row('Excel.ErrorCodes', 'none', 'the codes Excel gives its errors (a constant of office.js)', { source: CORE }),
  row('OfficeExtension.EventHandlers.add', 'ExcelApi 1.1', 'register an event handler (the event itself carries its set)', { source: CORE }),
  row('OfficeExtension.EventHandlerResult.context', 'ExcelApi 1.1', 'the context a handler was added in, to remove it', { source: CORE }),
  row('OfficeExtension.EventHandlerResult.remove', 'ExcelApi 1.1', 'remove an event handler (the event itself carries its set)', { source: CORE }),

  row('Excel.Application.calculate', 'ExcelApi 1.1', 'recalculate after the model changed'),
  row('Excel.Application.calculationMode', 'ExcelApi 1.1', 'read the calculation mode'),
  row('Excel.Application.calculationMode (set)', 'ExcelApi 1.8', 'set the calculation mode'),
  row('Excel.Application.suspendApiCalculationUntilNextSync', 'ExcelApi 1.6', 'no recalculation while a chunk of the report is written'),
  // The host's separators, to set a number format it garbled in its local form (format-check.ts); only
  // where isSetSupported says ExcelApi 1.11.
  row('Excel.Application.load', 'ExcelApi 1.1', 'the separators Excel formats numbers with'),
  ...['cultureInfo', 'decimalSeparator', 'thousandsSeparator', 'useSystemSeparators'].map((m) =>
    row(`Excel.Application.${m}`, 'ExcelApi 1.11', 'the separators of a number format in the local form', {
      optional: true,
      source: `https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-${m.toLowerCase()}-member`,
    }),
  ),
  ...['CultureInfo.numberFormat', 'NumberFormatInfo.load', 'NumberFormatInfo.numberDecimalSeparator', 'NumberFormatInfo.numberGroupSeparator'].map((m) =>
    row(`Excel.${m}`, 'ExcelApi 1.11', 'the system region’s separators of a number format in the local form', {
      optional: true,
      source: 'https://learn.microsoft.com/javascript/api/excel/excel.numberformatinfo',
    }),
  ),

  row('Excel.AutoFilter.clearCriteria', 'ExcelApi 1.9', 'show the rows a filter hides and drop a sort before a report sheet is written over'),
  row('Excel.AutoFilter.enabled', 'ExcelApi 1.9', 'does a report sheet have an AutoFilter'),
  row('Excel.AutoFilter.isDataFiltered', 'ExcelApi 1.9', 'does its filter hide rows or hold a sort'),
  row('Excel.AutoFilter.load', 'ExcelApi 1.9', 'read a report sheet’s filter state'),

  row('Excel.NamedItem.delete', 'ExcelApi 1.4', 'remove a name'),
  row('Excel.NamedItem.formula', 'ExcelApi 1.7', 'what a contract name refers to, for the messages'),
  row('Excel.NamedItem.getRange', 'ExcelApi 1.1', 'the cells of a contract name'),
  row('Excel.NamedItem.getRangeOrNullObject', 'ExcelApi 1.4', 'the cells of a name, or nothing for a name that is not a range'),
  row('Excel.NamedItem.load', 'ExcelApi 1.1', 'read a name'),
  row('Excel.NamedItem.name', 'ExcelApi 1.1', 'the name as spelled in the workbook'),
  row('Excel.NamedItem.scope', 'ExcelApi 1.4', 'workbook- or sheet-scoped name'),
  row('Excel.NamedItem.type', 'ExcelApi 1.1', 'a name that is not a range is refused'),
  row('Excel.NamedItem.value', 'ExcelApi 1.1', 'the value of a constant name (the owner mark)'),
  row('Excel.NamedItem.visible', 'ExcelApi 1.1', 'the owner mark is hidden'),
  row('Excel.NamedItem.worksheet', 'ExcelApi 1.4', 'the sheet of a sheet-scoped name'),
  row('Excel.NamedItem.worksheetOrNullObject', 'ExcelApi 1.4', 'the sheet of a name, or nothing for a workbook-scoped one'),
  row('Excel.NamedItemCollection.add', 'ExcelApi 1.4', 'add a contract name or the owner mark'),
  row('Excel.NamedItemCollection.getItem', 'ExcelApi 1.1', 'a name by its spelling'),
  row('Excel.NamedItemCollection.getItemOrNullObject', 'ExcelApi 1.4', 'the owner mark of a sheet, if any'),
  row('Excel.NamedItemCollection.items', 'ExcelApi 1.1', 'list the names'),
  row('Excel.NamedItemCollection.load', 'ExcelApi 1.1', 'list the names'),

  row('Excel.Range.address', 'ExcelApi 1.1', 'the address of a range, for the messages'),
  row('Excel.Range.clear', 'ExcelApi 1.1', 'clear a report sheet below its new end'),
  row('Excel.Range.columnCount', 'ExcelApi 1.1', 'the extent of a contract range'),
  row('Excel.Range.columnIndex', 'ExcelApi 1.1', 'the position of a contract range'),
  row('Excel.Range.copyFrom', 'ExcelApi 1.9', 'copy a finished sheet part over the report in place'),
  row('Excel.Range.dataValidation', 'ExcelApi 1.8', 'the drop-downs of the empty and the sample model'),
  row('Excel.DataValidation.rule', 'ExcelApi 1.8', 'a drop-down list on the model’s input cells'),
  row('Excel.DataValidationRule.list', 'ExcelApi 1.8', 'a drop-down list on the model’s input cells'),
  row('Excel.Range.format', 'ExcelApi 1.1', 'styles of the report'),
  row('Excel.Range.formulas', 'ExcelApi 1.1', 'read or write formulas'),
  row('Excel.Range.getCell', 'ExcelApi 1.1', 'one cell of a range'),
  row('Excel.Range.getResizedRange', 'ExcelApi 1.2', 'grow or shrink a range'),
  row('Excel.Range.load', 'ExcelApi 1.1', 'read a range'),
  row('Excel.Range.numberFormat', 'ExcelApi 1.1', 'text cells as text (`@`), dates and percentages by their format'),
  row('Excel.Range.numberFormatLocal', 'ExcelApi 1.7', 'set a number format the host garbled again, in its local form (office-js#1553)'),
  row('Excel.Range.rowCount', 'ExcelApi 1.1', 'the extent of a contract range'),
  row('Excel.Range.rowIndex', 'ExcelApi 1.1', 'the position of a contract range'),
  row('Excel.Range.select', 'ExcelApi 1.1', 'select the cell of an issue'),
  row('Excel.Range.text', 'ExcelApi 1.1', 'a cell as the user sees it (dates)'),
  row('Excel.Range.valueTypes', 'ExcelApi 1.1', 'error cells'),
  row('Excel.Range.values', 'ExcelApi 1.1', 'read the model, write the report'),
  row('Excel.Range.worksheet', 'ExcelApi 1.1', 'the sheet of a contract range'),
  row('Excel.RangeBorder.color', 'ExcelApi 1.1', 'report borders'),
  row('Excel.RangeBorder.style', 'ExcelApi 1.1', 'report borders'),
  row('Excel.RangeBorderCollection.getItem', 'ExcelApi 1.1', 'report borders'),
  row('Excel.RangeFill.color', 'ExcelApi 1.1', 'report header fill'),
  row('Excel.RangeFont.bold', 'ExcelApi 1.1', 'report and model headers'),
  row('Excel.RangeFont.color', 'ExcelApi 1.1', 'report notes'),
  row('Excel.RangeFont.italic', 'ExcelApi 1.1', 'report notes'),
  row('Excel.RangeFont.size', 'ExcelApi 1.1', 'report titles'),
  row('Excel.RangeFormat.borders', 'ExcelApi 1.1', 'report borders'),
  row('Excel.RangeFormat.columnWidth', 'ExcelApi 1.2', 'column widths of report and model sheets'),
  row('Excel.RangeFormat.fill', 'ExcelApi 1.1', 'report header fill'),
  row('Excel.RangeFormat.font', 'ExcelApi 1.1', 'report fonts'),
  row('Excel.RangeFormat.horizontalAlignment', 'ExcelApi 1.1', 'report headers over figures'),
  row('Excel.RangeFormat.verticalAlignment', 'ExcelApi 1.1', 'report headers'),
  row('Excel.RangeFormat.wrapText', 'ExcelApi 1.1', 'report headers'),

  row('Excel.Table.clearFilters', 'ExcelApi 1.2', 'a report table’s filters off before new cells are copied over it'),
  row('Excel.Table.autoFilter', 'ExcelApi 1.9', 'does a report table’s own filter hide rows or hold a sort, so a refresh says it cleared it'),
  row('Excel.Table.columns', 'ExcelApi 1.1', 'a report table’s columns, matched by name on a Refresh'),
  row('Excel.Table.delete', 'ExcelApi 1.1', 'a report table the layout no longer has'),
  row('Excel.Table.getRange', 'ExcelApi 1.1', 'the cells of a contract table'),
  row('Excel.Table.name', 'ExcelApi 1.1', 'find or name a contract table'),
  row('Excel.Table.rows', 'ExcelApi 1.1', 'a report table’s rows, added or deleted on a Refresh (Table.resize is ExcelApi 1.13)'),
  row('Excel.Table.showBandedRows', 'ExcelApi 1.3', 'report tables without stripes, as the runner writes them'),
  row('Excel.Table.showTotals', 'ExcelApi 1.1', 'leave out a table’s totals row'),
  row('Excel.Table.style', 'ExcelApi 1.1', 'report tables in the lightest built-in style'),
  row('Excel.Table.worksheet', 'ExcelApi 1.2', 'the sheet of a table with a report name'),
  row('Excel.TableCollection.add', 'ExcelApi 1.1', 'the empty model’s tables and the report’s'),
  row('Excel.TableCollection.getItem', 'ExcelApi 1.1', 'a report table by its name'),
  row('Excel.TableColumn.delete', 'ExcelApi 1.1', 'a report column the layout no longer has'),
  row('Excel.TableColumn.name', 'ExcelApi 1.1', 'a report table’s column names'),
  row('Excel.TableColumnCollection.add', 'ExcelApi 1.4', 'a new report column at its place, with its name', {
    source: 'the name parameter is ExcelApi 1.4: https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)',
  }),
  row('Excel.TableColumnCollection.getItem', 'ExcelApi 1.1', 'a report column by name'),
  row('Excel.TableColumnCollection.items', 'ExcelApi 1.1', 'list a report table’s columns'),
  row('Excel.TableColumnCollection.load', 'ExcelApi 1.1', 'list a report table’s columns'),
  row('Excel.TableRow.delete', 'ExcelApi 1.1', 'a report table’s rows beyond the new count'),
  row('Excel.TableRowCollection.add', 'ExcelApi 1.4', 'a report table’s new rows, several at once', {
    source: 'several rows at once are ExcelApi 1.4: https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)',
  }),
  row('Excel.TableRowCollection.getItemAt', 'ExcelApi 1.1', 'a report table’s row to delete'),
  row('Excel.TableCollection.items', 'ExcelApi 1.1', 'list the tables'),
  row('Excel.TableCollection.load', 'ExcelApi 1.1', 'list the tables'),

  row('Excel.Workbook.functions', 'ExcelApi 1.2', 'DATE(1904,1,1): the workbook’s date system (date-system.ts)'),
  row('Excel.Functions.date', 'ExcelApi 1.2', 'DATE(1904,1,1) is 1462 counted from 1900, 0 from 1904'),
  row('Excel.FunctionResult.load', 'ExcelApi 1.2', 'read its answer'),
  row('Excel.FunctionResult.value', 'ExcelApi 1.2', 'the serial it gave'),
  row('Excel.FunctionResult.error', 'ExcelApi 1.2', 'an error value instead: the date system stays unknown'),
  row('Excel.Workbook.names', 'ExcelApi 1.1', 'workbook-scoped names'),
  row('Excel.Workbook.protection', 'ExcelApi 1.7', 'check the workbook structure is not protected before writing'),
  row('Excel.Workbook.tables', 'ExcelApi 1.1', 'contract tables'),
  row('Excel.Workbook.worksheets', 'ExcelApi 1.1', 'the sheets'),
  row('Excel.WorkbookProtection.load', 'ExcelApi 1.7', 'read the workbook protection'),
  row('Excel.WorkbookProtection.protected', 'ExcelApi 1.7', 'is the workbook structure protected'),

  row('Excel.Worksheet.activate', 'ExcelApi 1.1', 'show the report or the cell of an issue'),
  row('Excel.Worksheet.delete', 'ExcelApi 1.1', 'remove leftovers of a failed refresh'),
  row('Excel.Worksheet.freezePanes', 'ExcelApi 1.7', 'frozen headers of report and model'),
  row('Excel.Worksheet.getRange', 'ExcelApi 1.1', 'a cell by its address'),
  row('Excel.Worksheet.getRangeByIndexes', 'ExcelApi 1.7', 'read and write cells in row chunks'),
  row('Excel.Worksheet.getUsedRange', 'ExcelApi 1.1', 'the used part of a sheet'),
  row('Excel.Worksheet.getUsedRangeOrNullObject', 'ExcelApi 1.4', 'clip whole-column names to the used rows'),
  row('Excel.Worksheet.id', 'ExcelApi 1.1', 'a sheet that keeps its identity when renamed'),
  row('Excel.Worksheet.charts', 'ExcelApi 1.1', 'the whale-curve chart on the summary'),
  row('Excel.ChartCollection.add', 'ExcelApi 1.1', 'draw the whale curve'),
  row('Excel.ChartCollection.getItemOrNullObject', 'ExcelApi 1.4', 'find the whale curve of an earlier Refresh by name'),
  row('Excel.Chart.name', 'ExcelApi 1.1', 'name the whale curve, to find it again'),
  row('Excel.Chart.title', 'ExcelApi 1.1', 'the whale curve’s title'),
  row('Excel.ChartTitle.text', 'ExcelApi 1.1', 'the whale curve’s title'),
  row('Excel.Chart.setPosition', 'ExcelApi 1.1', 'place the whale curve over its rows'),
  row('Excel.Chart.series', 'ExcelApi 1.1', 'the curve and the peak'),
  row('Excel.ChartSeriesCollection.getItemAt', 'ExcelApi 1.1', 'the series a new chart starts with'),
  row('Excel.ChartSeriesCollection.add', 'ExcelApi 1.7', 'the peak series'),
  row('Excel.ChartSeriesCollection.load', 'ExcelApi 1.1', 'the series of an earlier whale curve'),
  row('Excel.ChartSeriesCollection.items', 'ExcelApi 1.1', 'the series of an earlier whale curve'),
  row('Excel.ChartSeries.name', 'ExcelApi 1.1', 'series names in the legend'),
  row('Excel.ChartSeries.setValues', 'ExcelApi 1.7', 'the P&L’s cumulative-share cells'),
  row('Excel.ChartSeries.setXAxisValues', 'ExcelApi 1.7', 'the P&L’s rank cells'),
  row('Excel.ChartSeries.markerStyle', 'ExcelApi 1.7', 'the peak as a marker, the curve without'),
  row('Excel.ChartSeries.hasDataLabels', 'ExcelApi 1.7', 'the peak’s share as a label'),
  row('Excel.Chart.load', 'ExcelApi 1.1', 'whether the whale curve exists'),
  row('Excel.Chart.delete', 'ExcelApi 1.1', 'remove the whale curve when a run has none'),
  row('Excel.ChartSeries.format', 'ExcelApi 1.1', 'the waterfall’s bar colours'),
  row('Excel.ChartSeriesFormat.fill', 'ExcelApi 1.1', 'the waterfall’s bar colours'),
  row('Excel.ChartFill.clear', 'ExcelApi 1.1', 'the waterfall’s base series drawn invisible'),
  row('Excel.ChartFill.setSolidColor', 'ExcelApi 1.1', 'the waterfall’s increases green, decreases red, totals grey'),
  row('Excel.ChartSeries.delete', 'ExcelApi 1.7', 'the waterfall’s below-zero series an earlier Refresh drew and this one does not need'),
  row('Excel.ChartSeries.gapWidth', 'ExcelApi 1.7', 'the waterfall’s columns close together'),
  row('Excel.ChartSeries.overlap', 'ExcelApi 1.8', 'the tornado’s Low and High bars of an estimate on one row'),
  row('Excel.Chart.axes', 'ExcelApi 1.1', 'the tornado’s category axis'),
  row('Excel.ChartAxes.categoryAxis', 'ExcelApi 1.1', 'the tornado’s category axis'),
  row('Excel.ChartAxis.tickLabelPosition', 'ExcelApi 1.7', 'the tornado’s labels at the left edge, clear of the bars left of zero'),
  row('Excel.Chart.legend', 'ExcelApi 1.1', 'the waterfall’s legend hidden (its base must not be listed)'),
  row('Excel.ChartLegend.visible', 'ExcelApi 1.1', 'the waterfall’s legend hidden'),
  row('Excel.Worksheet.pageLayout', 'ExcelApi 1.9', 'print the summary, rates and statements one page wide'),
  row('Excel.PageLayout.orientation', 'ExcelApi 1.9', 'print the summary, rates and statements in landscape'),
  row('Excel.PageLayout.zoom', 'ExcelApi 1.9', 'print the summary, rates and statements one page wide'),
  row('Excel.PageLayoutZoomOptions.horizontalFitToPages', 'ExcelApi 1.9', 'one page wide'),
  row('Excel.PageLayout.setPrintTitleRows', 'ExcelApi 1.9', 'the P&L’s title and header rows on every printed page'),
  row('Excel.PageLayout.setPrintTitleColumns', 'ExcelApi 1.9', 'the P&L’s customer columns on every printed page'),
  row('Excel.Worksheet.autoFilter', 'ExcelApi 1.9', 'the P&L’s AutoFilter, and the filter of a report sheet, cleared before it is written over'),
  row('Excel.AutoFilter.apply', 'ExcelApi 1.9', 'an AutoFilter on the P&L’s header row'),
  row('Excel.AutoFilter.remove', 'ExcelApi 1.9', 'replace the AutoFilter of a P&L updated in place'),
  row('Excel.PageLayoutZoomOptions.verticalFitToPages', 'ExcelApi 1.9', 'as many pages tall as needed'),
  row('Excel.Worksheet.load', 'ExcelApi 1.1', 'read a sheet'),
  row('Excel.Worksheet.name', 'ExcelApi 1.1', 'sheet names'),
  row('Excel.Worksheet.names', 'ExcelApi 1.4', 'sheet-scoped names and the owner mark'),
  row('Excel.Worksheet.onCalculated', 'ExcelApi 1.8', 're-read the model after a full recalculation'),
  row('Excel.Worksheet.onChanged', 'ExcelApi 1.7', 'mark the functions stale when a model cell changes'),
  row('Excel.Worksheet.position', 'ExcelApi 1.1', 'the order of the report sheets'),
  row('Excel.Worksheet.protection', 'ExcelApi 1.2', 'check a sheet is not protected before writing'),
  row('Excel.Worksheet.tables', 'ExcelApi 1.1', 'add the empty model’s tables'),
  row('Excel.Worksheet.visibility', 'ExcelApi 1.1', 'find hidden and very hidden leftovers'),
  row('Excel.Worksheet.visibility (set)', 'ExcelApi 1.2', 'hide a sheet while it is written'),
  row('Excel.WorksheetCalculatedEventArgs.worksheetId', 'ExcelApi 1.8', 'which sheet was recalculated'),
  row('Excel.WorksheetCalculatedEventArgs.address', 'ExcelApi 1.11', 'which cells were recalculated, to ignore recalculations beside the model', {
    optional: true,
    source: 'https://learn.microsoft.com/javascript/api/excel/excel.worksheetcalculatedeventargs#excel-excel-worksheetcalculatedeventargs-address-member',
  }),
  row('Excel.WorksheetChangedEventArgs.address', 'ExcelApi 1.7', 'which cells the user changed'),
  row('Excel.WorksheetChangedEventArgs.worksheetId', 'ExcelApi 1.7', 'on which sheet'),
  row('Excel.WorksheetCollection.add', 'ExcelApi 1.1', 'add report and model sheets'),
  row('Excel.WorksheetCollection.getItem', 'ExcelApi 1.1', 'a sheet by name'),
  row('Excel.WorksheetCollection.getItemOrNullObject', 'ExcelApi 1.4', 'a sheet by name, if it exists'),
  row('Excel.WorksheetCollection.items', 'ExcelApi 1.1', 'list the sheets'),
  row('Excel.WorksheetCollection.load', 'ExcelApi 1.1', 'list the sheets'),
  row('Excel.WorksheetCollection.onCalculated', 'ExcelApi 1.8', 're-read the model after a full recalculation'),
  row('Excel.WorksheetCollection.onChanged', 'ExcelApi 1.9', 'mark the functions stale when a model cell changes'),
  row('Excel.WorksheetFreezePanes.freezeAt', 'ExcelApi 1.7', 'frozen header rows and columns'),
  row('Excel.WorksheetFreezePanes.freezeColumns', 'ExcelApi 1.7', 'frozen header columns'),
  row('Excel.WorksheetFreezePanes.freezeRows', 'ExcelApi 1.7', 'frozen header rows'),
  row('Excel.WorksheetFreezePanes.unfreeze', 'ExcelApi 1.7', 'reset the panes of a report sheet updated in place'),
  row('Excel.WorksheetProtection.load', 'ExcelApi 1.2', 'read a sheet’s protection'),
  row('Excel.WorksheetProtection.protected', 'ExcelApi 1.2', 'is the sheet protected'),

  // Custom functions (src/functions, and the associate calls the metadata plugin appends to functions.js).
  row('CustomFunctions.associate', 'CustomFunctionsRuntime 1.1', 'register the ABC.* functions', {
    source: CF_SETS,
    outsideSource: { file: 'webpack.config.js', contains: 'custom-functions-metadata-plugin' },
  }),
  row('CustomFunctions.Error', 'CustomFunctionsRuntime 1.2', 'an error value with a message (#N/A, #VALUE!)', { source: CF_SETS }),
  row('CustomFunctions.ErrorCode', 'CustomFunctionsRuntime 1.2', 'the error values, with CustomFunctions.Error', { source: CF_SETS }),
  row('CustomFunctions.StreamingInvocation.onCanceled', 'CustomFunctionsRuntime 1.1', 'stop updating a deleted formula', { source: CF_SETS }),
  row('CustomFunctions.StreamingInvocation.setResult', 'CustomFunctionsRuntime 1.1', 'set a formula’s result when the model changes', { source: CF_SETS }),

  // The shared runtime: the pane, the ribbon and the functions in one page.
  row('Runtimes (shared runtime)', 'SharedRuntime 1.1', 'the functions use the model the pane computed, and read the workbook with Excel.run', {
    source: 'https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime',
    outsideSource: { file: 'manifest.xml', contains: '<Runtime resid="Taskpane.Url" lifetime="long"/>' },
  }),

  // The Common API the host module uses to start: no requirement set.
  row('Office.onReady', 'none', 'wait for Office; outside Office it answers host null', { source: COMMON }),
  row('Office.onReady.host', 'none', 'is this Excel', { source: COMMON }),
  row('Office.HostType', 'none', 'is this Excel', { source: COMMON }),
  row('Office.context', 'none', 'the display language', { source: COMMON }),
  row('Office.Context.displayLanguage', 'none', 'English or Dutch', { source: COMMON }),
  row('Office.Context.officeTheme', 'none', 'the pane light, dark or high-contrast as Office is', {
    source: 'https://learn.microsoft.com/javascript/api/office/office.officetheme (Excel: supported on the web, Windows, Mac and iOS; no set)',
  }),
  row('Office.OfficeTheme.bodyBackgroundColor', 'none', 'dark or light, by its luminance', { source: COMMON }),
  row('Office.OfficeTheme.bodyForegroundColor', 'none', 'handed to the pane with the theme', { source: COMMON }),
  row('Office.OfficeTheme.controlBackgroundColor', 'none', 'handed to the pane with the theme', { source: COMMON }),
  row('Office.OfficeTheme.controlForegroundColor', 'none', 'handed to the pane with the theme', { source: COMMON }),
  row('Office.Context.requirements', 'none', 'which optional, newer APIs the host has', { source: COMMON }),
  row('Office.RequirementSetSupport.isSetSupported', 'none', 'which optional, newer APIs the host has', { source: COMMON }),
];

/**
 * Text patterns of Office.js members in the source, a second net under the type-based scan: where a use
 * matches and the scan attributed none of the candidate members to it (an object the checker cannot type),
 * a single candidate counts as used, several make the test ask for a typed use.
 */
export const API_PATTERNS: ReadonlyArray<{ pattern: RegExp; candidates: readonly string[] }> = [
  { pattern: /\.getRangeByIndexes\(/, candidates: ['Excel.Worksheet.getRangeByIndexes'] },
  { pattern: /\.copyFrom\(/, candidates: ['Excel.Range.copyFrom'] },
  { pattern: /\bdelayForCellEdit\b/, candidates: ['Excel.RunOptions.delayForCellEdit'] },
  { pattern: /\.onChanged\b/, candidates: ['Excel.Worksheet.onChanged', 'Excel.WorksheetCollection.onChanged'] },
  { pattern: /\.onCalculated\b/, candidates: ['Excel.Worksheet.onCalculated', 'Excel.WorksheetCollection.onCalculated'] },
  { pattern: /\.protection\b/, candidates: ['Excel.Workbook.protection', 'Excel.Worksheet.protection'] },
  { pattern: /\.formulas\b/, candidates: ['Excel.Range.formulas'] },
  { pattern: /\.numberFormat\b/, candidates: ['Excel.Range.numberFormat'] },
  { pattern: /\.names\b/, candidates: ['Excel.Workbook.names', 'Excel.Worksheet.names'] },
  { pattern: /\.freezePanes\b/, candidates: ['Excel.Worksheet.freezePanes'] },
  { pattern: /\.suspendApiCalculationUntilNextSync\(/, candidates: ['Excel.Application.suspendApiCalculationUntilNextSync'] },
  { pattern: /\bgetUsedRangeOrNullObject\(/, candidates: ['Excel.Worksheet.getUsedRangeOrNullObject'] },
  { pattern: /\bgetItemOrNullObject\(/, candidates: ['Excel.NamedItemCollection.getItemOrNullObject', 'Excel.WorksheetCollection.getItemOrNullObject', 'Excel.ChartCollection.getItemOrNullObject'] },
  { pattern: /\bnew CustomFunctions\.Error\(/, candidates: ['CustomFunctions.Error'] },
];

/** The row of a member, or undefined. */
export function requirementOf(api: string): ApiRequirement | undefined {
  return API_REQUIREMENTS.find((r) => r.api === api);
}

/**
 * The highest version of each set among the given rows: what the manifest must declare for them. An
 * optional row (used behind `isSetSupported`) never raises it.
 */
export function highestSets(rows: readonly ApiRequirement[]): Map<RequirementSetName, string> {
  const highest = new Map<RequirementSetName, string>();
  for (const r of rows) {
    if (r.requires === null || r.optional === true) continue;
    const now = highest.get(r.requires.name);
    if (now === undefined || compareVersions(r.requires.version, now) > 0) highest.set(r.requires.name, r.requires.version);
  }
  return highest;
}
