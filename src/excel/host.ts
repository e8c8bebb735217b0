/// <reference types="office-js" />
/**
 * The Office host as the task pane's entry needs it: waits for Office to be ready and hands over what the
 * pane uses (is this Excel, the display language, and `Excel.run`), so that no code outside src/excel
 * names the Office.js globals.
 */
import type { ExcelRun } from './context';

/** What the pane learns from its host. */
export interface OfficeHost {
  isExcel: boolean;
  /** Office's display language, e.g. `nl-NL`; empty when the host does not say. */
  displayLanguage: string;
  run: ExcelRun;
}

/** Resolves once Office.js has initialised (in Excel, or in the simulated host of the browser test). */
export async function connectToOffice(): Promise<OfficeHost> {
  const info = await Office.onReady();
  return {
    isExcel: info.host === Office.HostType.Excel,
    displayLanguage: Office.context.displayLanguage ?? '',
    run: (batch) => Excel.run(batch),
  };
}
