/**
 * The add-in's report in Dutch or English: the workbook's Language setting, else the pane's (Office's
 * display) language; owned sheets found by the role their mark names (or, for an old mark, by their
 * English or Dutch name) and renamed in place when the language changes, so references to them follow and
 * no second set of sheets appears.
 */
import { INCOMPLETE_NAME, INCOMPLETE_NOTICE, OWNER_NAME, OWNER_VALUE, ownerValue, planOwnedSheets, reportLanguageOf } from '../../src/excel/owner';
import { createExcelGateway } from '../../src/excel/gateway';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController, type ShownError } from '../../src/taskpane/controller';
import { languageOf, stringsFor } from '../../src/taskpane/i18n';
import { generateSampleModel } from '../../src/sample';
import { REPORT_ROLES, type ReportLanguage, reportSheetNames } from '../../src/workbook/report-layout';
import type { ReportRole, ReportSheet } from '../../src/workbook/report-types';
import { sheetId } from './fake-events';
import { FakeOfficeError, fakeRun, type FakeSheet, type FakeWorkbook } from './fake-excel';
import { sampleWorkbook } from './helpers';

jest.setTimeout(60_000);

/** The sample has a ledger and support pools, so its report ends with the cost flow sheet. */
const EN = ['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow'];
const NL = ['ABC Klantresultaat', 'ABC Tarieven', 'ABC Samenvatting', 'ABC Acties', 'ABC Kostenstroom'];
/** The role of each sheet of EN and NL, in the same order. */
const ROLES: readonly ReportRole[] = ['pnl', 'rates', 'summary', 'actions', 'costFlow'];
/** The sample's sheets, before any report. */
const MODEL = ['Sheet1', 'Pools', 'Activities', 'Customers', 'Transactions', 'Customer costs', 'Settings', 'Scenarios', 'Ledger', 'Support'];
/** The sample's total revenue, and the cell of the Summary that shows it (row 5: Revenue, column B: Value). */
const REVENUE = 41_824_088.01;

/** The sample, with `Language` set in ABC_Settings when `language` is given. */
function workbook(language?: string): FakeWorkbook {
  const sheets = generateSampleModel();
  if (language !== undefined) {
    const settings = sheets.find((s) => s.rangeName === 'ABC_Settings');
    settings?.rows.push(['Language', language]);
  }
  return sampleWorkbook(sheets);
}

/** A Refresh by the pane in `paneLanguage` (the language Office's display language chose). */
async function refresh(book: FakeWorkbook, paneLanguage: ReportLanguage): Promise<ReportSheet[]> {
  const controller = new PaneController(createExcelGateway(fakeRun(book)), inlineComputer, stringsFor(paneLanguage));
  await controller.refresh();
  const state = controller.getState();
  if (state.error !== null) throw Object.assign(new Error(`refresh failed: ${state.error.kind}`), { shown: state.error });
  const sheets = state.output?.sheets;
  if (sheets === null || sheets === undefined) throw new Error(`the model must compute: ${JSON.stringify(state.issues.slice(0, 3))}`);
  return sheets;
}

/** A refresh expected to fail: the error the pane shows. */
async function refreshError(book: FakeWorkbook, paneLanguage: ReportLanguage): Promise<ShownError> {
  try {
    await refresh(book, paneLanguage);
  } catch (e) {
    const shown = (e as { shown?: ShownError }).shown;
    if (shown !== undefined) return shown;
    throw e;
  }
  throw new Error('the refresh should have failed');
}

/** Changes the Language setting's value (its row is found by its name: the sample's settings may grow). */
function setLanguage(book: FakeWorkbook, value: string): void {
  const settings = sheet(book, 'Settings');
  const row = settings.valuesOf('A1:A40').findIndex((r) => r[0] === 'Language');
  if (row < 0) throw new Error('no Language setting');
  settings.setValues(`B${row + 1}`, [[value]]);
}

function sheet(book: FakeWorkbook, name: string): FakeSheet {
  const ws = book.sheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The report's sheets as objects, in role order. */
function reportSheets(book: FakeWorkbook, names: readonly string[]): FakeSheet[] {
  return names.map((n) => sheet(book, n));
}

/** Each sheet's hidden marks, as the pane leaves them after a finished refresh. */
function expectRoleMarks(book: FakeWorkbook, names: readonly string[]): void {
  names.forEach((name, i) => {
    expect(book.hiddenNamesOf(name)).toEqual([{ name: OWNER_NAME, formula: `=${ownerValue(ROLES[i] as ReportRole)}`, visible: false }]);
  });
}

describe('the language of the add-in\'s report', () => {
  test('the Language setting wins over the pane\'s language; without it the display language decides (nl-* Dutch, else English)', async () => {
    expect(['nl-NL', 'nl-BE', 'NL-nl', 'en-US', 'fr-FR', 'de-DE', ''].map((d) => stringsFor(languageOf(d)).language)).toEqual(['nl', 'nl', 'nl', 'en', 'en', 'en', 'en']);

    const dutchPane = workbook();
    expect((await refresh(dutchPane, 'nl')).map((s) => s.name)).toEqual(NL);
    expect(dutchPane.sheets.map((s) => s.name)).toEqual([...MODEL, ...NL]);
    expect(sheet(dutchPane, 'ABC Samenvatting').valuesOf('A1:B5')).toEqual([
      ['Klantwinstgevendheid op basis van activiteiten: samenvatting', null],
      ['Periode: 2026 · Valuta: EUR · onbenutte capaciteit apart gerapporteerd, niet aan klanten toegerekend', null],
      ['Kerncijfers', null],
      ['Kengetal', 'Waarde'],
      ['Omzet', REVENUE],
    ]);

    const englishPane = workbook();
    expect((await refresh(englishPane, 'en')).map((s) => s.name)).toEqual(EN);
    expect(sheet(englishPane, 'ABC Summary').valuesOf('A5:B5')).toEqual([['Revenue', REVENUE]]);

    // The setting (in either language's words) beats the pane.
    const settingNl = workbook('Nederlands');
    expect((await refresh(settingNl, 'en')).map((s) => s.name)).toEqual(NL);
    const settingEn = workbook('en');
    expect((await refresh(settingEn, 'nl')).map((s) => s.name)).toEqual(EN);
    expect(settingEn.sheets.map((s) => s.name)).toEqual([...MODEL, ...EN]);
  });

  test('English, then Dutch by the setting: the report sheets are renamed in place and a formula into the Summary follows', async () => {
    const book = workbook('en');
    await refresh(book, 'en');
    const english = reportSheets(book, EN);
    const ids = english.map(sheetId);
    expectRoleMarks(book, EN);
    const sheet1 = sheet(book, 'Sheet1');
    sheet1.setFormulas('A1', [["='ABC Summary'!B5"]]);
    expect(sheet1.valuesOf('A1')).toEqual([[REVENUE]]);

    // The setting changes to Dutch, and the first customer's revenue grows by 1,000.00, so the figure moves.
    setLanguage(book, 'nl');
    const customers = sheet(book, 'Customers');
    const revenue = customers.valuesOf('F2')[0]?.[0];
    if (typeof revenue !== 'number') throw new Error('the sample has a revenue in F2');
    customers.setValues('F2', [[revenue + 1_000]]);

    const dutch = await refresh(book, 'en');
    expect(dutch.map((s) => s.name)).toEqual(NL);
    // The same sheet objects (same ids), in the same places, under their Dutch names; no second set.
    expect(reportSheets(book, NL)).toEqual(english);
    reportSheets(book, NL).forEach((ws, i) => expect(ws).toBe(english[i]));
    expect(reportSheets(book, NL).map(sheetId)).toEqual(ids);
    expect(book.sheets.map((s) => s.name)).toEqual([...MODEL, ...NL]);
    expectRoleMarks(book, NL);
    expect(book.hiddenNamesOf('ABC Samenvatting').some((n) => n.name === INCOMPLETE_NAME)).toBe(false);
    // Excel rewrote the user's reference with the rename; it shows the Dutch report's revenue.
    expect(sheet1.at('A1')?.formula).toBe("='ABC Samenvatting'!B5");
    expect(sheet1.valuesOf('A1')).toEqual([[41_825_088.01]]);
    expect(dutch[2]?.rows[4]?.cells.map((c) => c.value)).toEqual(['Omzet', 41_825_088.01]);
    expect(sheet(book, 'ABC Samenvatting').valuesOf('A1:B1')).toEqual([['Klantwinstgevendheid op basis van activiteiten: samenvatting', null]]);
    expect(sheet(book, 'ABC Klantresultaat').valuesOf('A1')).toEqual([['Klantwinstgevendheid: resultaat per klant (activiteitengebaseerde kostprijsberekening)']]);

    // And back to English: the same sheets again.
    setLanguage(book, 'English');
    await refresh(book, 'nl');
    reportSheets(book, EN).forEach((ws, i) => expect(ws).toBe(english[i]));
    expect(book.sheets.map((s) => s.name)).toEqual([...MODEL, ...EN]);
    expect(sheet1.at('A1')?.formula).toBe("='ABC Summary'!B5");
    expect(sheet1.valuesOf('A1')).toEqual([[41_825_088.01]]);
  });

  test('a report the runner wrote in Dutch is recognised: old marks by their Dutch name, role marks whatever the name', async () => {
    // Old marks (before they named the role) on sheets with the Dutch names, as an earlier runner left them.
    const old = workbook();
    await refresh(old, 'nl');
    const oldSheets = reportSheets(old, NL);
    for (const ws of oldSheets) ws.names.splice(0, ws.names.length, { name: OWNER_NAME, formula: `=${OWNER_VALUE}`, visible: false });
    await refresh(old, 'en');
    reportSheets(old, EN).forEach((ws, i) => expect(ws).toBe(oldSheets[i]));
    expect(old.sheets.map((s) => s.name)).toEqual([...MODEL, ...EN]);
    // The old marks became role marks.
    expectRoleMarks(old, EN);

    // Role marks, the sheets renamed by the user: found by role, not by name.
    const renamed = workbook();
    await refresh(renamed, 'nl');
    const roleSheets = reportSheets(renamed, NL);
    ['Klanten 2026', 'Tarieven oud', 'Mijn samenvatting'].forEach((name, i) => renamed.renameSheet(roleSheets[i] as FakeSheet, name));
    await refresh(renamed, 'en');
    reportSheets(renamed, EN).forEach((ws, i) => expect(ws).toBe(roleSheets[i]));
    expect(renamed.sheets.map((s) => s.name)).toEqual([...MODEL, ...EN]);

    // Owned sheets whose names were swapped (P&L and Summary) are renamed through an unused name.
    const swapped = workbook();
    await refresh(swapped, 'en');
    const [pnl, , summary] = reportSheets(swapped, EN) as [FakeSheet, FakeSheet, FakeSheet];
    swapped.renameSheet(pnl, 'x');
    swapped.renameSheet(summary, 'ABC Customer P&L');
    swapped.renameSheet(pnl, 'ABC Summary');
    await refresh(swapped, 'en');
    expect(swapped.sheet('ABC Customer P&L')).toBe(pnl);
    expect(swapped.sheet('ABC Summary')).toBe(summary);
    expect(swapped.sheets.map((s) => s.name)).toEqual([...MODEL, ...EN]);
    expect(pnl.valuesOf('A1')).toEqual([['Customer profitability: P&L per customer (activity-based costing)']]);
  });

  test('a sheet of the user\'s with a new name and no mark stops the refresh with sheetTaken; nothing changes', async () => {
    const book = workbook('en');
    await refresh(book, 'en');
    book.addSheet('ABC Samenvatting').setValues('A1', [['mine']]);
    setLanguage(book, 'nl');
    const names = book.sheets.map((s) => s.name);
    expect(await refreshError(book, 'en')).toEqual({ kind: 'sheetTaken', items: ['ABC Samenvatting'], detail: null });
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(sheet(book, 'ABC Samenvatting').valuesOf('A1')).toEqual([['mine']]);
    expect(sheet(book, 'ABC Summary').valuesOf('A5:B5')).toEqual([['Revenue', REVENUE]]);
  });

  test('a refresh to Dutch that fails during the swap says so in Dutch in A1; the next one finishes and renames', async () => {
    const book = workbook('en');
    await refresh(book, 'en');
    const english = reportSheets(book, EN);
    setLanguage(book, 'nl');
    let copies = 0;
    book.fault = (op) => (op === 'range.copyFrom' && ++copies === 3 ? new FakeOfficeError('ConnectionFailure', 'The network connection was lost.') : null);
    const shown = await refreshError(book, 'en');
    book.fault = null;
    // Still under their English names (the renames come last), each saying in Dutch that it is incomplete.
    expect(shown.kind).toBe('reportIncomplete');
    expect(shown.items).toEqual(EN);
    for (const name of EN) {
      expect(sheet(book, name).valuesOf('A1')).toEqual([[INCOMPLETE_NOTICE.nl]]);
      expect(book.hiddenNamesOf(name).map((n) => n.name)).toEqual([OWNER_NAME, INCOMPLETE_NAME]);
    }
    await refresh(book, 'en');
    reportSheets(book, NL).forEach((ws, i) => expect(ws).toBe(english[i]));
    expect(book.sheets.map((s) => s.name)).toEqual([...MODEL, ...NL]);
    expectRoleMarks(book, NL);
    expect(sheet(book, 'ABC Samenvatting').valuesOf('A5:B5')).toEqual([['Omzet', REVENUE]]);
  });
});

describe('the plan and the notice', () => {
  test('the notice names the button as the pane does, and the ribbon button as the manifest does', () => {
    expect(INCOMPLETE_NOTICE.nl).toContain(`Kies ${stringsFor('nl').refresh} in het venster Klant-W&V`);
    expect(INCOMPLETE_NOTICE.en).toContain(`Press ${stringsFor('en').refresh} in the Customer P&L pane`);
  });

  test('the report\'s language is told by its sheet names', () => {
    const named = (language: ReportLanguage): Array<Pick<ReportSheet, 'name' | 'role'>> => REPORT_ROLES.map((role) => ({ name: reportSheetNames(language)[role], role }));
    expect(reportLanguageOf(named('nl'))).toBe('nl');
    expect(reportLanguageOf(named('en'))).toBe('en');
    expect(reportLanguageOf([{ name: 'ABC Samenvatting' }])).toBe('nl');
    expect(reportLanguageOf([{ name: 'Something else' }])).toBe('en');
  });

  test('an owned sheet of a target\'s name that another target does not rename away, and a user\'s sheet, are taken', () => {
    const plan = planOwnedSheets(
      [
        { name: 'ABC Summary', owned: true, role: 'summary' },
        { name: 'ABC Samenvatting', owned: true, role: 'statement' },
        { name: 'ABC Tarieven', owned: false, role: null },
      ],
      [
        { name: 'ABC Klantresultaat', role: 'pnl' },
        { name: 'ABC Tarieven', role: 'rates' },
        { name: 'ABC Samenvatting', role: 'summary' },
      ],
    );
    expect(plan.owned.map((s) => s?.name ?? null)).toEqual([null, null, 'ABC Summary']);
    expect(plan.taken.map((s) => s.name)).toEqual(['ABC Tarieven', 'ABC Samenvatting']);
  });
});
