/// <reference types="office-js" />
/**
 * The Office.js gateway: the task pane's `WorkbookActions` on top of `Excel.run` (or a stand-in with the
 * same shape). This folder is the only code of the project that touches the Excel object model.
 */
import type { WorkbookActions } from './actions';
import type { ExcelRun } from './context';
import { toGatewayError } from './errors';
import { readModel } from './read-model';
import { insertEmptyModel, insertSample } from './write-model';
import { writeReport } from './write-report';

/** Selects a cell on a sheet, activating the sheet first. */
async function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/** The workbook actions over `run` (in the add-in: `(batch) => Excel.run(batch)`). */
export function createExcelGateway(run: ExcelRun): WorkbookActions {
  return {
    readModel: (options) => readModel(run, options),
    writeReport: (sheets, currency, options) => writeReport(run, sheets, currency, options),
    insertSample: (sheets, options) => insertSample(run, sheets, options),
    insertEmptyModel: (language, options) => insertEmptyModel(run, language, options),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
  };
}
