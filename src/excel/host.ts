/// <reference types="office-js" />
/**
 * The Office host as the task pane's entry needs it: waits for Office to be ready and hands over what the
 * pane uses (is this Excel, the display language, and `Excel.run`), so that no code outside src/excel
 * names the Office.js globals.
 */
import { DEFAULT_SYNC_TIMEOUT_MS, type ExcelRun, withSyncTimeout } from './context';

/** Office's theme colours (`#rrggbb`), as `Office.context.officeTheme` gives them. */
export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** What the pane learns from its host. */
export interface OfficeHost {
  isExcel: boolean;
  /** Office's display language, e.g. `nl-NL`; empty when the host does not say. */
  displayLanguage: string;
  /** Office's theme, for the pane to match; null when the host tells none. */
  theme: OfficeThemeColors | null;
  run: ExcelRun;
  /** Does the host support a requirement set: for optional, newer APIs the manifest does not ask for. */
  supports: (name: string, version: string) => boolean;
}

/**
 * The options of every batch: while the user is editing a cell, Excel holds the batch until the edit ends
 * instead of failing it (no requirement set: office.js sends the flag where the host supports it, see
 * src/excel/requirements.ts; a host without it still fails with InvalidOperationInCellEditMode,
 * which the pane answers by trying again).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** `Excel.run` with run options, as Office.js declares it. */
export type ExcelRunWithOptions = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The gateway's `run` over Office's: every batch with `RUN_OPTIONS`, every sync with a time limit. */
export function officeRun(excelRun: ExcelRunWithOptions, syncTimeoutMs = DEFAULT_SYNC_TIMEOUT_MS): ExcelRun {
  return withSyncTimeout((batch) => excelRun(RUN_OPTIONS, batch), syncTimeoutMs);
}

/**
 * The sync time limit: `syncTimeoutMs` in the page's query string when given (the browser test makes it
 * short; clamped to 0.1 s … 10 min), else the default.
 */
export function syncTimeoutFrom(search: string): number {
  const given = Number(new URLSearchParams(search).get('syncTimeoutMs') ?? Number.NaN);
  return Number.isFinite(given) ? Math.min(600_000, Math.max(100, given)) : DEFAULT_SYNC_TIMEOUT_MS;
}

/** The host of a page opened outside Excel: the pane explains where to open it and runs no batch. */
const NOT_IN_EXCEL: OfficeHost = {
  isExcel: false,
  displayLanguage: '',
  theme: null,
  run: () => Promise.reject(new Error('Not in Excel: open the add-in from Excel.')),
  supports: () => false,
};

/**
 * Resolves once Office.js has initialised (in Excel, or in the simulated host of the browser test).
 * Outside Excel it resolves with `isExcel` false: a browser on the add-in's address without office.js
 * (no `Office` at all), or with it (office.js answers host null, and `Office.context` may be missing).
 */
export async function connectToOffice(): Promise<OfficeHost> {
  if (typeof Office === 'undefined') return NOT_IN_EXCEL;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return NOT_IN_EXCEL;
  const search = typeof location === 'undefined' ? '' : location.search;
  return {
    isExcel: info.host === Office.HostType.Excel,
    displayLanguage: Office.context.displayLanguage ?? '',
    theme: themeOf(Office.context.officeTheme),
    run: officeRun((options, batch) => Excel.run(options, batch), syncTimeoutFrom(search)),
    // A host that cannot answer (an old office.js, a simulated host without it) supports nothing optional.
    supports: (name, version) => Office.context.requirements?.isSetSupported(name, version) === true,
  };
}

/**
 * Office's theme colours, or null when the host gives none (every Excel gives them, but an older host or a
 * preview may leave the object or its colours out; the pane is light then, as it always was).
 */
function themeOf(theme: Office.OfficeTheme | undefined): OfficeThemeColors | null {
  if (theme === undefined || theme === null || typeof theme.bodyBackgroundColor !== 'string') return null;
  const { bodyBackgroundColor, bodyForegroundColor, controlBackgroundColor, controlForegroundColor } = theme;
  return { bodyBackgroundColor, bodyForegroundColor, controlBackgroundColor, controlForegroundColor };
}
