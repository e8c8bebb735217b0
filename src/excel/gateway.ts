/// <reference types="office-js" />
/**
 * The Office.js gateway: the task pane's `WorkbookActions` on top of `Excel.run` (or a stand-in with the
 * same shape). This folder is the only code of the project that touches the Excel object model.
 */
import type { WorkbookActions } from './actions';
import { type ExcelRun, SyncCounter, withCancel } from './context';
import { toGatewayError } from './errors';
import { readKeptPeriods } from './read-history';
import { readModel } from './read-model';
import type { ReportLanguage } from '../workbook/report-text';
import { keepPeriod } from './write-history';
import { type SupportsSet, watchModel } from './watch-model';
import { insertEmptyModel, insertSample } from './write-model';
import { writeReport } from './write-report';
import { writeVolumes } from './write-volumes';

/** Selects a cell on a sheet, activating the sheet first. */
async function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await new SyncCounter().sync(context);
    });
  } catch (err) {
    throw toGatewayError(err);
  }
}

/**
 * The workbook actions over `run` (in the add-in: `officeRun` of host.ts). Each action's syncs also end on
 * its Cancel, not only between chunks: a sync that never answers cannot keep the pane busy. `supports`
 * tells which optional, newer APIs the host has (host.ts); none by default. `language` names a history sheet
 * the first Keep period adds (`ABC History` / `ABC Historie`).
 */
export function createExcelGateway(run: ExcelRun, supports: SupportsSet = () => false, language: ReportLanguage = 'en'): WorkbookActions {
  return {
    readKeptPeriods: (options) => readKeptPeriods(withCancel(run, options?.signal)),
    keepPeriod: (figures, period, options) => keepPeriod(withCancel(run, options?.signal), figures, period, language, options),
    readModel: (options) => readModel(withCancel(run, options?.signal), options),
    writeReport: (sheets, currency, options) => writeReport(withCancel(run, options?.signal), sheets, currency, options, undefined, supports),
    insertSample: (sheets, options) => insertSample(withCancel(run, options?.signal), sheets, options, supports),
    insertEmptyModel: (language, options) => insertEmptyModel(withCancel(run, options?.signal), language, options, supports),
    writeVolumes: (table, options) => writeVolumes(withCancel(run, options?.signal), table, options),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
    watchModel: (onChange) => watchModel(run, onChange, supports),
  };
}
