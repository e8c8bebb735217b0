/**
 * What the pane says, as one record per language (strings-en.ts, strings-nl.ts): words, and functions for
 * the sentences that take figures, names or an issue.
 */
import type { GatewayErrorKind } from '../excel/errors';
import type { Stage } from '../excel/actions';
import type { IssueCode } from '../engine/issues';
import type { MessageText } from '../engine/messages';
import type { CompanyPart } from './compare-view';
import type { BadRow, ImportProblem } from './import/import-types';

/** The pane's languages. */
export type Language = 'en' | 'nl';

/** An error of Excel explained: what happened and what to do. */
export interface Explained {
  title: string;
  action: string;
}

/** Everything the pane says, in one language. */
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
  /** Title over the plausibility warnings shown with the headline figures. */
  checkFigures: string;
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
  /** The cost-flow section: its title, the methods table (a column per support method) and the picture's description. */
  costFlow: string;
  costFlowMethods: string;
  costFlowPool: string;
  supportMethod: { reciprocal: string; 'step-down': string; direct: string };
  chosenMethod: string;
  methodDifference: string;
  costFlowPicture: string;
  /** The button that shows the picture at its own size (scrolled) or fitted to the pane. */
  costFlowActualSize: string;
  costFlowFitted: string;
  reportWritten: (sheets: string, ms: string) => string;
  /** Added to a written notice: report sheets whose filter and sort the write cleared (names joined). */
  filtersCleared: (sheets: string) => string;
  /** Added to a written notice: number formats Excel did not keep, by sheet (`ABC Summary: 0.0%; …`, see format-check.ts). */
  formatsNotSet: (list: string) => string;
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
  /** The worksheet functions do not follow edits: watching the workbook failed and is tried again (`retrying`) or gave up. */
  functionsNotFollowing: (retrying: boolean) => string;
  /** Beside the buttons while a read following an edit runs in the background. */
  updatingFunctions: string;
  /** "Keep period" and "Compare" (issue 20): the buttons, why they are off, what they did. */
  periodsHeading: string;
  keepPeriod: string;
  keepNeedsResult: string;
  keepNeedsPeriod: string;
  keepNotAvailable: string;
  periodKept: (period: string, replaced: boolean) => string;
  periodNotKept: (period: string) => string;
  resultChanged: string;
  compareHeading: string;
  keptPeriod: string;
  compare: string;
  noKeptPeriods: string;
  unknownKeptPeriod: (period: string) => string;
  comparisonShown: (before: string, after: string) => string;
  comparisonWritten: (before: string, after: string, sheet: string) => string;
  /** The waterfall's bars: the two profits and the parts of the company's bridge. */
  bridgeBar: Record<'before' | 'after' | CompanyPart, string>;
  /** Under the waterfall: the change in operating profit. */
  bridgeChange: (before: string, after: string, change: string) => string;
  waterfallLabel: (before: string, after: string) => string;
  profitToLoss: string;
  lossToProfit: string;
  largestImprovements: string;
  largestDeclines: string;
  noneOfThese: string;
  changeColumns: { customer: string; name: string; before: string; after: string; change: string };
  /** Above the problems of ABC_History, which do not touch this period's result. */
  historyIssues: string;
  // How sure? (issue 21)
  sensitivityHeading: string;
  /** What the section does, under its heading. */
  sensitivityIntro: string;
  runSensitivity: string;
  /** Progress of the simulation: draws done of all. */
  sensitivityProgress: (done: string, total: string) => string;
  sensitivityNotAvailable: string;
  tornadoHeading: string;
  /** The tornado's accessible label. */
  tornadoLabel: string;
  atLow: string;
  atHigh: string;
  /** What an estimate is, by the kind of its row. */
  estimateKind: { minutes: string; share: string; rate: string };
  /** One bar's estimate: its kind, range and today's value. */
  estimateRange: (kind: string, low: string, value: string, high: string) => string;
  /** One bar's figures: operating profit at Low and at High, and the swing. */
  tornadoBar: (atLow: string, atHigh: string, swing: string) => string;
  noTornado: string;
  lookCloserHeading: string;
  lookCloserNone: string;
  lookCloserColumns: { customer: string; name: string; today: string; range: string; lossChance: string };
  moreLookCloser: (n: string) => string;
  /** The company's range of operating profit (capacity resized) over the simulation, and how it was drawn. */
  companyRange: (p10: string, median: string, p90: string, simulations: string, seed: string) => string;
}
