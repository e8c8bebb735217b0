/**
 * The simulated Excel host of the browser test: defines `Office` and `Excel` on the page before the task
 * pane's script runs, backed by the same in-memory fake workbook as the gateway's unit tests. The test
 * reaches the workbook through `window.__fakeBook`. The display language comes from `?lang=` (default en-US),
 * Office's theme from `?theme=` (colorful by default, `black`, or `none` for a host that tells no theme).
 * `window.__keepPeriodJson` keeps a period given as plain data in the fake workbook's ABC_History, through
 * the gateway's own Keep period, as if it had been kept earlier.
 */
import { FakeWorkbook } from '../excel/fake-excel';
import { type PeriodFiguresJson, periodFiguresFromJson } from '../../src/workbook/period-figures-json';
import { keepPeriod } from '../../src/excel/write-history';
import type { ExcelRun } from '../../src/excel/context';

const book = new FakeWorkbook();
book.addSheet('Sheet1');
// A few milliseconds per round trip, so progress and Cancel behave as with a real host.
book.syncDelayMs = 2;

const params = new URLSearchParams(location.search);
const displayLanguage = params.get('lang') ?? 'en-US';
/** `Office.context.officeTheme` of Excel's Colorful and Black themes. */
const OFFICE_THEMES: Record<string, Office.OfficeTheme> = {
  colorful: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000', isDarkTheme: false, themeId: 'Colorful' as unknown as Office.ThemeId },
  black: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#262626', controlForegroundColor: '#FFFFFF', isDarkTheme: true, themeId: 'Black' as unknown as Office.ThemeId },
};
const officeTheme = OFFICE_THEMES[params.get('theme') ?? 'colorful'];
const info = { host: 'Excel', platform: 'OfficeOnline' };

const globals = window as unknown as Record<string, unknown>;
globals.__fakeBook = book;
globals.__keepPeriodJson = (json: PeriodFiguresJson, label: string): Promise<unknown> => keepPeriod(book.run as unknown as ExcelRun, periodFiguresFromJson(json), label, 'en');
/** Whether the pane's script has started (it asks Office.onReady first), for the order of registration. */
let paneStarted = false;
globals.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage, officeTheme },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    paneStarted = true;
    return new Promise((resolve) => {
      const ready = (): void => {
        callback?.(info);
        resolve(info);
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
      else ready();
    });
  },
};
globals.Excel = { run: book.run };
// The shared runtime also hosts the custom functions; Excel provides their registration API.
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
// The functions the page registers, by id, so a test can call them as Excel would (window.__customFunctions).
const customFunctions: Record<string, (...args: unknown[]) => unknown> = {};
globals.__customFunctions = customFunctions;
// Each registration with whether the pane's script had started by then (window.__registrations).
const registrations: Array<{ id: string; paneStarted: boolean }> = [];
globals.__registrations = registrations;
globals.CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown): void => {
    customFunctions[id.toUpperCase()] = fn;
    registrations.push({ id: id.toUpperCase(), paneStarted });
  },
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
};
