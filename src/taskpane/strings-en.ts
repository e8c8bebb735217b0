/** The pane's words in English. */
import { renderMessage } from '../engine/messages';
import { issueTitle } from './issue-titles';
import type { BadRow } from './import/import-types';
import type { Strings } from './strings';

/** The English strings. */
export const en: Strings = {
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
  checkFigures: 'Check these figures',
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
  costFlow: 'Cost flow',
  costFlowMethods: "Operating pools' cost after support, by support method",
  costFlowPool: 'Operating pool',
  supportMethod: { reciprocal: 'Reciprocal', 'step-down': 'Step-down', direct: 'Direct' },
  chosenMethod: 'chosen',
  methodDifference: 'Difference',
  costFlowActualSize: 'Show at full size',
  costFlowFitted: 'Fit to the pane',
  costFlowPicture: 'Cost flow from ledger accounts through support and operating pools and activities to customers',
  reportWritten: (sheets, ms) => `Report written: ${sheets}. Computed in ${ms} ms.`,
  formatsNotSet: (list) =>
    `Excel did not keep some number formats (its regional settings read their separators otherwise): ${list}. The numbers are right, but those cells may look wrong; set their format with Format Cells.`,
  filtersCleared: (sheets) => `The filter and sort of ${sheets} were cleared before the report was written over them; filter again to see the rows you chose.`,
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
    nameTaken: (items) => ({
      title: `The workbook already has a table or name ${items} that the add-in did not create.`,
      action: 'The report names its tables and headline figures so (tables and names share one list in Excel): rename yours, then try again.',
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
    tooManyRows: (items) => ({
      title: `The import gives ${items} rows (one per customer and driver, with the header): more than an Excel sheet holds (1,048,576).`,
      action: 'Import transactions of fewer customers or drivers (for example with small customers grouped into one), then import again. Nothing was changed.',
    }),
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
  functionsNotFollowing: (retrying) =>
    retrying
      ? 'The ABC worksheet functions do not follow your edits yet: Excel did not let the add-in watch the workbook. Trying again.'
      : 'The ABC worksheet functions do not follow your edits: Excel did not let the add-in watch the workbook. They update when you press Check model or Refresh report; reopen the pane to try again.',
  updatingFunctions: 'Updating the ABC worksheet functions after your edit…',
  periodsHeading: 'Periods',
  keepPeriod: 'Keep period',
  keepNeedsResult: 'Check the model first: there is no result to keep.',
  keepNeedsPeriod: 'Set Period in ABC_Settings (for example 2026) to keep this period.',
  keepNotAvailable: 'This workbook cannot keep periods.',
  periodKept: (period, replaced) => (replaced ? `Period ${period} kept (replaced the earlier copy).` : `Period ${period} kept.`),
  periodNotKept: (period) => `Period ${period} was not kept: see the problems of ABC_History below.`,
  resultChanged: 'The model changed since it was last computed: press Check model, then try again.',
  compareHeading: 'Compare with a kept period',
  keptPeriod: 'Kept period',
  compare: 'Compare',
  noKeptPeriods: 'No other period is kept yet: press Keep period once in each period (or keep a budget).',
  unknownKeptPeriod: (period) => `Period ${period} is no longer kept in ABC_History.`,
  comparisonShown: (before, after) => `${after} compared with ${before}.`,
  comparisonWritten: (before, after, sheet) => `${after} compared with ${before}: ${sheet} written.`,
  bridgeBar: {
    before: 'Operating profit then',
    revenue: 'Revenue',
    discounts: 'Discounts',
    cogs: 'Cost of goods sold',
    activityVolume: 'Activity volume',
    activityRate: 'Activity rates',
    unusedCapacity: 'Unused capacity charged',
    directCosts: 'Direct customer costs',
    unusedNotCharged: 'Unused capacity not charged',
    unassigned: 'Unassigned cost',
    after: 'Operating profit now',
  },
  bridgeChange: (before, after, change) => `Operating profit ${before} → ${after} (${change}).`,
  waterfallLabel: (before, after) => `Operating profit from ${before} to ${after}, part by part`,
  profitToLoss: 'From profit to loss',
  lossToProfit: 'From loss to profit',
  largestImprovements: 'Largest improvements',
  largestDeclines: 'Largest declines',
  noneOfThese: 'None.',
  changeColumns: { customer: 'Customer', name: 'Name', before: 'Before', after: 'After', change: 'Change' },
  historyIssues: 'Problems in ABC_History (this period\'s result is not affected):',
  sensitivityHeading: 'How sure?',
  sensitivityIntro: 'Each estimate moved from its Low to its High (the others fixed), and a seeded simulation of all of them together: which estimates matter, and which customers may really lose money.',
  runSensitivity: 'Run',
  sensitivityProgress: (done, total) => `${done} of ${total} draws`,
  sensitivityNotAvailable: 'This pane cannot run the simulation.',
  tornadoHeading: 'The estimates that matter most',
  tornadoLabel: 'Operating profit with capacity resized, each estimate at its Low and at its High',
  atLow: 'Low',
  atHigh: 'High',
  estimateKind: { minutes: 'minutes', share: 'share', rate: 'rate' },
  estimateRange: (kind, low, value, high) => `${kind} ${low} – ${high} (now ${value})`,
  tornadoBar: (atLow, atHigh, swing) => `At Low ${atLow}, at High ${atHigh}: swing ${swing}`,
  noTornado: 'No estimate has a range: give Low and High in ABC_Activities, or a DefaultRange setting.',
  lookCloserHeading: 'Look closer before acting',
  lookCloserNone: 'No customer\'s sign is uncertain: every chance of a loss is below 10% or above 90%.',
  lookCloserColumns: { customer: 'Customer', name: 'Name', today: 'Today', range: 'P10 – P90', lossChance: 'Chance of a loss' },
  moreLookCloser: (n) => `And ${n} more.`,
  companyRange: (p10, median, p90, simulations, seed) =>
    `Operating profit with capacity resized: P10 ${p10}, median ${median}, P90 ${p90} (${simulations} simulations, seed ${seed}; percentiles are estimates).`,
};
