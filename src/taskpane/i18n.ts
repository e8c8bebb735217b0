/**
 * The pane's words in English and Dutch, chosen from Office's display language. Issue messages come from
 * the engine as data and are rendered here in the pane's language (engine/messages.ts); each problem code
 * also has a headline (issue-titles.ts), and codes and locations are language-neutral.
 */
import type { GatewayErrorKind } from '../excel/errors';
import type { Stage } from '../excel/actions';
import type { IssueCode } from '../engine/issues';
import { type MessageText, renderMessage } from '../engine/messages';
import { issueTitle } from './issue-titles';
import type { BadRow, ImportProblem } from './import/import-types';

export type Language = 'en' | 'nl';

/** Dutch for any Dutch display language (nl-NL, nl-BE), English otherwise. */
export function languageOf(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** An error of Excel explained: what happened and what to do. */
export interface Explained {
  title: string;
  action: string;
}

export interface Strings {
  /** The language of these strings; also the report's when the workbook's Language setting names none. */
  language: Language;
  title: string;
  subtitle: string;
  /** Shown instead of the pane when the page is opened outside Excel: what this is and how to open it. */
  outsideOffice: string;
  refresh: string;
  cancel: string;
  checkModel: string;
  insertSample: string;
  newEmptyModel: string;
  modelStatus: string;
  range: string;
  rows: string;
  notFound: string;
  optional: string;
  noIssues: string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  stage: Record<Stage, string>;
  progress: (done: string, total: string) => string;
  headline: string;
  netRevenue: string;
  grossMargin: string;
  costToServe: string;
  netProfit: string;
  operatingProfit: string;
  unusedCapacity: string;
  lossMaking: string;
  lossMakingValue: (n: string, total: string) => string;
  whaleCurve: string;
  whaleAxisX: string;
  whaleAxisY: string;
  reportWritten: (sheets: string, ms: string) => string;
  /** The customer picker's label and placeholder, and the button that writes the chosen customer's statement. */
  statementCustomer: string;
  statementPlaceholder: string;
  writeStatement: string;
  /** Shown in the picker's list when no customer matches what was typed. */
  noMatchingCustomer: string;
  statementWritten: (sheet: string) => string;
  unknownCustomer: (query: string, close: readonly string[]) => string;
  computed: (ms: string) => string;
  /** The Scenarios view: its heading, what it shows without ABC_Scenarios, its button and the figures' labels. */
  scenarios: string;
  noScenarios: string;
  runScenarios: string;
  scenarioBefore: string;
  scenarioAfter: string;
  operatingProfitToday: string;
  operatingProfitResized: string;
  freedCapacity: string;
  /** A pool's freed (positive) or needed (negative) capacity, the amounts already formatted without their sign. */
  freedStaff: (pool: string, fte: string, minutes: string, freed: boolean) => string;
  freedMinutes: (pool: string, amount: string, freed: boolean) => string;
  noCapacityChange: string;
  scenariosWritten: (sheet: string) => string;
  noScenarioChosen: string;
  unknownScenarios: (names: readonly string[]) => string;
  scenarioErrors: string;
  sampleInserted: string;
  emptyInserted: string;
  fixErrorsFirst: string;
  selectCell: string;
  /** Shown while an action waits for the user to leave a cell being edited, before it tries again. */
  waitingForCellEdit: string;
  /** A short headline of a problem code; the issue's message adds the detail. */
  issueTitle: (code: IssueCode) => string;
  /** An issue's message (its `text`) in the pane's language, with the same names, values and cells. */
  issueMessage: (text: MessageText) => string;
  errorsOf: Record<GatewayErrorKind, (items: string) => Explained>;
  /** "Import transactions": the button, its progress, the sheet and its note, and what it reports. */
  importTransactions: string;
  importProgress: (rows: string, percent: string) => string;
  importSheet: string;
  importNote: { source: string; rows: string; cells: string; importedOn: string };
  importWritten: (rows: string, cells: string, sheet: string) => string;
  importRefused: (file: string) => string;
  importProblem: (problem: ImportProblem, integer: (n: number) => string) => string;
  badRow: (row: BadRow) => string;
  /** Under the list of bad rows when there are more than it shows. */
  moreBadRows: (shown: string, total: string) => string;
}

const en: Strings = {
  language: 'en',
  title: 'Customer profitability',
  subtitle: 'Activity-based cost to serve and a P&L per customer',
  outsideOffice:
    'This page is the task pane of an Excel add-in and does nothing in a browser tab on its own: open a workbook in Excel (Windows, Mac or Excel on the web), add the add-in with Home > Add-ins (or upload its manifest.xml), then choose Home > Customer P&L.',
  refresh: 'Refresh report',
  cancel: 'Cancel',
  checkModel: 'Check model',
  insertSample: 'Insert sample model',
  newEmptyModel: 'New empty model',
  modelStatus: 'Model',
  range: 'Range',
  rows: 'Rows',
  notFound: 'not found',
  optional: 'optional',
  noIssues: 'No errors or warnings.',
  errors: (n) => (n === 1 ? '1 error' : `${n} errors`),
  warnings: (n) => (n === 1 ? '1 warning' : `${n} warnings`),
  stage: { importing: 'Importing transactions', reading: 'Reading the model', computing: 'Computing', writing: 'Writing the report' },
  progress: (done, total) => `${done} of ${total} rows`,
  headline: 'Headline figures',
  netRevenue: 'Net revenue',
  grossMargin: 'Gross margin',
  costToServe: 'Cost to serve',
  netProfit: 'Net profit (customers)',
  operatingProfit: 'Operating profit',
  unusedCapacity: 'Unused capacity',
  lossMaking: 'Loss-making customers',
  lossMakingValue: (n, total) => `${n} of ${total}`,
  whaleCurve: 'Whale curve',
  whaleAxisX: 'customers, most profitable first',
  whaleAxisY: 'cumulative profit',
  reportWritten: (sheets, ms) => `Report written: ${sheets}. Computed in ${ms} ms.`,
  statementCustomer: 'Customer statement',
  statementPlaceholder: 'Type a customer id or name',
  writeStatement: 'Write statement',
  noMatchingCustomer: 'No customer matches.',
  statementWritten: (sheet) => `Statement written: ${sheet}.`,
  unknownCustomer: (query, close) => `No customer has the id or name "${query}".${close.length === 0 ? '' : ` Close matches: ${close.join(', ')}.`}`,
  computed: (ms) => `Model computed in ${ms} ms.`,
  scenarios: 'Scenarios',
  noScenarios:
    'This workbook has no scenarios. To try a measure before proposing it, add a range named ABC_Scenarios with the columns Scenario, Scope, Change, Target and Value (see "ABC_Scenarios" in the workbook contract, docs/workbook-contract.md), then press Check model.',
  runScenarios: 'Run scenarios',
  scenarioBefore: 'Before',
  scenarioAfter: 'After',
  operatingProfitToday: "Operating profit, today's capacity",
  operatingProfitResized: 'Operating profit, capacity resized',
  freedCapacity: 'Capacity freed or needed',
  freedStaff: (pool, fte, minutes, freed) => `${pool}: ${fte} FTE ${freed ? 'freed' : 'more needed'} (${minutes} minutes)`,
  freedMinutes: (pool, amount, freed) => `${pool}: ${amount} minutes ${freed ? 'freed' : 'more needed'}`,
  noCapacityChange: 'No time-driven pool uses more or fewer minutes.',
  scenariosWritten: (sheet) => `Scenarios run: ${sheet} written.`,
  noScenarioChosen: 'Tick at least one scenario.',
  unknownScenarios: (names) => `The workbook no longer has the scenario ${names.map((n) => `"${n}"`).join(', ')}. Press Check model to read the scenarios again.`,
  scenarioErrors: 'The scenarios have errors; fix them (click one to go to its cell), then run them again.',
  sampleInserted: 'Sample model inserted. Press Refresh report to compute it.',
  emptyInserted: 'Empty model inserted: fill in the tables, then press Refresh report.',
  fixErrorsFirst: 'The model has errors; fix them (click one to go to its cell), then refresh.',
  selectCell: 'Go to cell',
  waitingForCellEdit: 'Excel is waiting for you to finish editing a cell (press Enter or Esc); the add-in will try again.',
  issueTitle: (code) => issueTitle(code, 'en'),
  issueMessage: (text) => renderMessage(text, 'en'),
  errorsOf: {
    sheetTaken: (items) => ({
      title: `The workbook already has a sheet ${items} that the add-in did not create.`,
      action: 'Rename or delete that sheet, then try again. The add-in never overwrites your sheets.',
    }),
    modelExists: (items) => ({
      title: `This workbook already holds a model (${items}).`,
      action: 'Open a new, empty workbook to insert another model, or delete the existing names first.',
    }),
    volumesExist: (items) => ({
      title: `The workbook already has volumes the add-in did not import: ${items}.`,
      action: 'To use the imported transactions instead, delete that name (Formulas > Name Manager) or table, then import again. Nothing was changed.',
    }),
    protected: (items) =>
      items === ''
        ? {
            title: 'The workbook structure is protected: the add-in cannot add or remove the sheets of the report.',
            action: 'Choose Review > Protect Workbook and enter the password if asked to unprotect it, then refresh again. Nothing was changed.',
          }
        : {
            title: `The report sheet ${items} is protected.`,
            action: 'Go to that sheet, choose Review > Unprotect Sheet (enter the password if asked), then refresh again. Nothing was changed.',
          },
    reportIncomplete: (items) => ({
      title: `The refresh stopped while updating ${items}: the report is incomplete (it says so in cell A1).`,
      action: 'Press Refresh report again to finish it. Your formulas that point at the report keep working.',
    }),
    payloadTooLarge: () => ({
      title: 'Excel refused a request as too large, even in small chunks.',
      action: 'Make the named ranges cover only the data (no unused columns), then try again.',
    }),
    editMode: () => ({
      title: 'Excel is busy: a cell is being edited.',
      action: 'Press Enter or Esc to finish editing the cell, then try again.',
    }),
    timeout: () => ({
      title: 'Excel did not answer in time.',
      action: 'Excel may still be opening or recalculating a large workbook. Wait until it responds again, then try again.',
    }),
    connection: () => ({
      title: 'The connection to Excel was lost.',
      action: 'Check your network, wait a moment and try again; reopen the add-in if it keeps failing. Your workbook was not changed.',
    }),
    cancelled: () => ({ title: 'Cancelled.', action: 'Nothing was changed in the workbook.' }),
    unknown: () => ({
      title: 'Excel reported an unexpected error.',
      action: 'Try again; if it keeps happening, save the workbook, reopen it and report the message below.',
    }),
  },
  importTransactions: 'Import transactions',
  importProgress: (rows, percent) => `${rows} rows read, ${percent} of the file`,
  importSheet: 'ABC Imported volumes',
  importNote: { source: 'Imported from', rows: 'Rows read', cells: 'Customer and driver totals', importedOn: 'Imported on' },
  importWritten: (rows, cells, sheet) => `Imported ${rows} rows as ${cells} customer and driver totals on ${sheet}; ABC_Volumes points at them.`,
  importRefused: (file) => `Nothing was imported from ${file}.`,
  importProblem: (p, integer) => {
    switch (p.code) {
      case 'missingColumns':
        return `The file has no column ${p.missing.join(', no column ')}; its columns are ${p.found.length === 0 ? '(none)' : p.found.join(', ')}.`;
      case 'duplicateColumn':
        return `The column ${p.header} is the same as ${p.first}; keep one of them.`;
      case 'noRows':
        return 'The file has no rows below its headers.';
      case 'badRows':
        return p.count === 1 ? '1 row cannot be counted; fix it and import again.' : `${integer(p.count)} rows cannot be counted; fix them and import again.`;
      case 'totalOutOfRange':
        return `The total of ${p.customer} / ${p.driver} is ${p.total}, 10^13 or more: beyond any quantity the costing takes.`;
      case 'tooManyDrivers':
        return `The file has more than ${integer(p.limit)} different drivers: the Driver column cannot be right.`;
      case 'unreadable':
        return `The file cannot be read: ${p.detail}`;
    }
  },
  badRow: (r) => {
    const what: Record<BadRow['reason'], string> = {
      customerMissing: 'no customer',
      driverMissing: 'no driver',
      notANumber: `quantity "${r.value}" is not a number`,
      negative: `quantity ${r.value} is negative`,
      outOfRange: `quantity ${r.value} is out of range (0, or from 10^-300 to below 10^13)`,
      thousands: `quantity "${r.value}" has thousands separators; write it without them`,
      ambiguous: `quantity "${r.value}" could be a thousands separator or a decimal; no other quantity in the file tells which`,
    };
    return `Line ${r.line}: ${what[r.reason]}.`;
  },
  moreBadRows: (shown, total) => `The first ${shown} of ${total} are shown.`,
};

const nl: Strings = {
  language: 'nl',
  title: 'Klantwinstgevendheid',
  subtitle: 'Activity-based cost to serve en een winst-en-verliesrekening per klant',
  outsideOffice:
    'Deze pagina is het taakvenster van een Excel-invoegtoepassing en doet op zichzelf niets in een browsertabblad: open een werkmap in Excel (Windows, Mac of Excel voor het web), voeg de invoegtoepassing toe via Start > Invoegtoepassingen (of upload het manifest.xml) en kies daarna Start > Klant-W&V.',
  refresh: 'Rapport vernieuwen',
  cancel: 'Annuleren',
  checkModel: 'Model controleren',
  insertSample: 'Voorbeeldmodel invoegen',
  newEmptyModel: 'Nieuw leeg model',
  modelStatus: 'Model',
  range: 'Bereik',
  rows: 'Rijen',
  notFound: 'niet gevonden',
  optional: 'optioneel',
  noIssues: 'Geen fouten of waarschuwingen.',
  errors: (n) => (n === 1 ? '1 fout' : `${n} fouten`),
  warnings: (n) => (n === 1 ? '1 waarschuwing' : `${n} waarschuwingen`),
  stage: { importing: 'Transacties importeren', reading: 'Model lezen', computing: 'Berekenen', writing: 'Rapport schrijven' },
  progress: (done, total) => `${done} van ${total} rijen`,
  headline: 'Kerncijfers',
  netRevenue: 'Netto-omzet',
  grossMargin: 'Brutomarge',
  costToServe: 'Cost to serve',
  netProfit: 'Nettowinst (klanten)',
  operatingProfit: 'Bedrijfsresultaat',
  unusedCapacity: 'Onbenutte capaciteit',
  lossMaking: 'Verlieslatende klanten',
  lossMakingValue: (n, total) => `${n} van ${total}`,
  whaleCurve: 'Walviscurve',
  whaleAxisX: 'klanten, meest winstgevend eerst',
  whaleAxisY: 'cumulatieve winst',
  reportWritten: (sheets, ms) => `Rapport geschreven: ${sheets}. Berekend in ${ms} ms.`,
  statementCustomer: 'Klantoverzicht',
  statementPlaceholder: 'Typ een klantcode of naam',
  writeStatement: 'Klantoverzicht schrijven',
  noMatchingCustomer: 'Geen klant gevonden.',
  statementWritten: (sheet) => `Klantoverzicht geschreven: ${sheet}.`,
  unknownCustomer: (query, close) => `Geen klant heeft de code of naam "${query}".${close.length === 0 ? '' : ` Lijkt op: ${close.join(', ')}.`}`,
  computed: (ms) => `Model berekend in ${ms} ms.`,
  scenarios: "Scenario's",
  noScenarios:
    'Deze werkmap heeft geen scenario\'s. Om een maatregel door te rekenen voordat u hem voorstelt, voegt u een bereik ABC_Scenarios toe met de kolommen Scenario, Bereik, Wijziging, Doel en Waarde (zie "ABC_Scenarios" in het werkmapcontract, docs/workbook-contract.md) en kiest u Model controleren.',
  runScenarios: "Scenario's doorrekenen",
  scenarioBefore: 'Voor',
  scenarioAfter: 'Na',
  operatingProfitToday: 'Bedrijfsresultaat, huidige capaciteit',
  operatingProfitResized: 'Bedrijfsresultaat, capaciteit bijgesteld',
  freedCapacity: 'Capaciteit vrijgekomen of nodig',
  freedStaff: (pool, fte, minutes, freed) => `${pool}: ${fte} fte ${freed ? 'vrijgekomen' : 'extra nodig'} (${minutes} minuten)`,
  freedMinutes: (pool, amount, freed) => `${pool}: ${amount} minuten ${freed ? 'vrijgekomen' : 'extra nodig'}`,
  noCapacityChange: 'Geen tijdgedreven kostenpool gebruikt meer of minder minuten.',
  scenariosWritten: (sheet) => `Scenario's doorgerekend: ${sheet} geschreven.`,
  noScenarioChosen: 'Vink minstens één scenario aan.',
  unknownScenarios: (names) => `De werkmap heeft het scenario ${names.map((n) => `"${n}"`).join(', ')} niet meer. Kies Model controleren om de scenario's opnieuw te lezen.`,
  scenarioErrors: "De scenario's bevatten fouten; herstel ze (klik op een fout om naar de cel te gaan) en reken ze opnieuw door.",
  sampleInserted: 'Voorbeeldmodel ingevoegd. Kies Rapport vernieuwen om het te berekenen.',
  emptyInserted: 'Leeg model ingevoegd: vul de tabellen in en kies Rapport vernieuwen.',
  fixErrorsFirst: 'Het model bevat fouten; herstel ze (klik op een fout om naar de cel te gaan) en vernieuw.',
  selectCell: 'Naar cel',
  waitingForCellEdit: 'Excel wacht tot u klaar bent met het bewerken van een cel (druk op Enter of Esc); de invoegtoepassing probeert het zo opnieuw.',
  issueTitle: (code) => issueTitle(code, 'nl'),
  issueMessage: (text) => renderMessage(text, 'nl'),
  errorsOf: {
    sheetTaken: (items) => ({
      title: `De werkmap heeft al een blad ${items} dat niet door de invoegtoepassing is gemaakt.`,
      action: 'Geef dat blad een andere naam of verwijder het en probeer het opnieuw. Uw eigen bladen worden nooit overschreven.',
    }),
    modelExists: (items) => ({
      title: `Deze werkmap bevat al een model (${items}).`,
      action: 'Open een nieuwe, lege werkmap om een ander model in te voegen, of verwijder eerst de bestaande namen.',
    }),
    volumesExist: (items) => ({
      title: `De werkmap heeft al volumes die de invoegtoepassing niet heeft geïmporteerd: ${items}.`,
      action: 'Verwijder die naam (Formules > Namen beheren) of tabel om de geïmporteerde transacties te gebruiken, en importeer opnieuw. Er is niets gewijzigd.',
    }),
    protected: (items) =>
      items === ''
        ? {
            title: 'De structuur van de werkmap is beveiligd: de invoegtoepassing kan de bladen van het rapport niet toevoegen of verwijderen.',
            action: 'Kies Controleren > Werkmap beveiligen en geef zo nodig het wachtwoord om de beveiliging op te heffen; vernieuw daarna opnieuw. Er is niets gewijzigd.',
          }
        : {
            title: `Het rapportblad ${items} is beveiligd.`,
            action: 'Ga naar dat blad, kies Controleren > Beveiliging blad opheffen (geef zo nodig het wachtwoord) en vernieuw daarna opnieuw. Er is niets gewijzigd.',
          },
    reportIncomplete: (items) => ({
      title: `Het vernieuwen stopte tijdens het bijwerken van ${items}: het rapport is onvolledig (dat staat ook in cel A1).`,
      action: 'Kies opnieuw Rapport vernieuwen om het af te maken. Uw formules die naar het rapport verwijzen blijven werken.',
    }),
    payloadTooLarge: () => ({
      title: 'Excel weigerde een verzoek als te groot, ook in kleine delen.',
      action: 'Laat de benoemde bereiken alleen de gegevens beslaan (geen lege kolommen) en probeer het opnieuw.',
    }),
    editMode: () => ({
      title: 'Excel is bezig: er wordt een cel bewerkt.',
      action: 'Druk op Enter of Esc om de cel af te ronden en probeer het opnieuw.',
    }),
    timeout: () => ({
      title: 'Excel antwoordde niet op tijd.',
      action: 'Excel is misschien nog bezig een grote werkmap te openen of te herberekenen. Wacht tot Excel weer reageert en probeer het opnieuw.',
    }),
    connection: () => ({
      title: 'De verbinding met Excel is verbroken.',
      action: 'Controleer het netwerk, wacht even en probeer het opnieuw; open de invoegtoepassing opnieuw als het blijft mislukken. De werkmap is niet gewijzigd.',
    }),
    cancelled: () => ({ title: 'Geannuleerd.', action: 'Er is niets in de werkmap gewijzigd.' }),
    unknown: () => ({
      title: 'Excel meldde een onverwachte fout.',
      action: 'Probeer het opnieuw; blijft het gebeuren, sla de werkmap op, open haar opnieuw en meld de melding hieronder.',
    }),
  },
  importTransactions: 'Transacties importeren',
  importProgress: (rows, percent) => `${rows} rijen gelezen, ${percent} van het bestand`,
  importSheet: 'ABC Geïmporteerde volumes',
  importNote: { source: 'Geïmporteerd uit', rows: 'Rijen gelezen', cells: 'Totalen per klant en kostendrijver', importedOn: 'Geïmporteerd op' },
  importWritten: (rows, cells, sheet) => `${rows} rijen geïmporteerd als ${cells} totalen per klant en kostendrijver op ${sheet}; ABC_Volumes wijst ernaar.`,
  importRefused: (file) => `Er is niets geïmporteerd uit ${file}.`,
  importProblem: (p, integer) => {
    switch (p.code) {
      case 'missingColumns':
        return `Het bestand heeft geen kolom ${p.missing.join(', geen kolom ')}; de kolommen zijn ${p.found.length === 0 ? '(geen)' : p.found.join(', ')}.`;
      case 'duplicateColumn':
        return `De kolom ${p.header} is dezelfde als ${p.first}; houd er een van over.`;
      case 'noRows':
        return 'Het bestand heeft geen rijen onder de kolomkoppen.';
      case 'badRows':
        return p.count === 1 ? '1 rij kan niet worden geteld; herstel die en importeer opnieuw.' : `${integer(p.count)} rijen kunnen niet worden geteld; herstel ze en importeer opnieuw.`;
      case 'totalOutOfRange':
        return `Het totaal van ${p.customer} / ${p.driver} is ${p.total}, 10^13 of meer: groter dan enige hoeveelheid die de berekening aanneemt.`;
      case 'tooManyDrivers':
        return `Het bestand heeft meer dan ${integer(p.limit)} verschillende kostendrijvers: de kolom Kostendrijver kan niet kloppen.`;
      case 'unreadable':
        return `Het bestand kan niet worden gelezen: ${p.detail}`;
    }
  },
  badRow: (r) => {
    const what: Record<BadRow['reason'], string> = {
      customerMissing: 'geen klant',
      driverMissing: 'geen kostendrijver',
      notANumber: `aantal "${r.value}" is geen getal`,
      negative: `aantal ${r.value} is negatief`,
      outOfRange: `aantal ${r.value} valt buiten het bereik (0, of van 10^-300 tot onder 10^13)`,
      thousands: `aantal "${r.value}" heeft scheidingstekens voor duizendtallen; schrijf het zonder`,
      ambiguous: `aantal "${r.value}" kan een scheidingsteken voor duizendtallen of een decimaalteken hebben; geen ander aantal in het bestand maakt duidelijk welke`,
    };
    return `Regel ${r.line}: ${what[r.reason]}.`;
  },
  moreBadRows: (shown, total) => `De eerste ${shown} van ${total} staan hierboven.`,
};

/** The strings of a language. */
export function stringsFor(language: Language): Strings {
  return language === 'nl' ? nl : en;
}
