/**
 * The problem messages as data: an id and the values it needs, so one problem can be phrased in every
 * language the project speaks. Arguments are plain strings, numbers, booleans and small string unions
 * (never phrases in one language), so an issue still crosses a Web Worker boundary as a structured clone.
 */

import type { ScenarioChangeKind } from './scenarios/types';

/** The languages a message can be rendered in. */
export type MessageLanguage = 'en' | 'nl';

/** A column of the workbook contract by its stable key (the `key` of `ContractColumn`). */
export type ColumnKey =
  | 'pool'
  | 'cost'
  | 'capacity'
  | 'unit'
  | 'activity'
  | 'driver'
  | 'minutes'
  | 'share'
  | 'rate'
  | 'customer'
  | 'name'
  | 'revenue'
  | 'discounts'
  | 'cogs'
  | 'quantity'
  | 'item'
  | 'amount'
  | 'setting'
  | 'value'
  | 'fte'
  | 'scenario'
  | 'scope'
  | 'change'
  | 'target'
  | 'account'
  | 'description'
  | 'from'
  | 'to'
  | 'low'
  | 'high'
  | 'group';

/**
 * A column as a message names it: its header as written in the workbook (or its cell address when the
 * header is unusable), and the contract column it matched, if any, so another language can use its own
 * name for the column.
 */
export interface ColumnRef {
  header: string;
  key: ColumnKey | null;
}

/** How an activity row is costed: the filled one of Minutes, Share and Rate. */
export type MethodKey = 'minutes' | 'share' | 'rate';

/** A setting of ABC_Settings. */
export type SettingKey =
  | 'currency'
  | 'period'
  | 'unusedCapacity'
  | 'language'
  | 'orderDriver'
  | 'orderLineDriver'
  | 'statementSegment'
  | 'minutesPerFte'
  | 'dimensions'
  | 'orderFollowingDrivers'
  | 'plausibleFeeShare'
  | 'supportMethod'
  | 'defaultRange'
  | 'simulations'
  | 'seed';

/** What a row needs in a required text column. */
export type RequiredTextKey = 'activityName' | 'poolName' | 'customerId' | 'driverName' | 'settingName' | 'costItem' | 'scenarioName' | 'scenarioScope' | 'scenarioChange' | 'account';

/** Why a required column counts as missing, beyond its absence. */
export type MissingColumnReason = 'none' | 'blankHeaderRow' | 'noMethodColumn' | 'longFormVolumes' | 'noSupportBasisColumn';

/** What is wrong with what a defined name refers to. */
export type ReferenceProblem =
  | 'nothing'
  | 'deletedRange'
  | 'formula'
  | 'severalAreas'
  | 'notAReference'
  | 'otherWorkbook'
  | 'severalSheets'
  | 'outsideSheet';

/**
 * Every message and its arguments. A place such as `first` is a location as `formatWhere` gives it
 * (`Pools!A3`), or null when none is known.
 */
/** Why a cell of ABC_History cannot be read back (HISTORY_UNREADABLE). */
export type HistoryProblem = 'notANumber' | 'notText' | 'noPeriod' | 'noActivity' | 'noCustomer' | 'noCompanyRow' | 'rowKind' | 'exact' | 'missingColumn' | 'twice';

export interface MessageArgs {
  /** Text from outside the catalog (a test, a tool), shown as it is in every language. */
  verbatim: { text: string };

  // the workbook contract: ranges and headers
  missingRange: { range: string };
  blankRange: { range: string };
  noRows: { range: string };
  missingColumn: { range: string; accepted: string; reason: MissingColumnReason };
  duplicateColumn: { column: ColumnKey; first: string; header: string };
  duplicateOtherColumn: { kind: 'dimension' | 'driver'; header: string; first: string };
  /** `ignored`: a column of a range whose unknown columns are ignored (ABC_Activities' Low / High / Group). */
  nearMissHeader: { kind: 'dimension' | 'driver' | 'ignored'; header: string; range: string; resembles: string };

  // the workbook contract: cells
  errorValue: { column: ColumnRef; error: string };
  notANumber: { column: ColumnRef; found: string };
  negativeValue: { column: ColumnRef; found: string };
  missingText: { column: ColumnRef; what: RequiredTextKey };
  missingNumber: { column: ColumnRef };
  capacityNotPositive: { column: ColumnRef; found: string };
  invalidUnit: { column: ColumnRef; found: string };
  noMethod: { activity: string | null };
  severalMethods: { activity: string | null };
  /** An activity row's Low (`column`) above its estimate (`method`, the filled one of Minutes, Share, Rate); values as read. */
  rangeLowAboveEstimate: { activity: string | null; column: ColumnRef; found: string; method: ColumnRef; estimate: string };
  /** An activity row's High below its estimate. */
  rangeHighBelowEstimate: { activity: string | null; column: ColumnRef; found: string; method: ColumnRef; estimate: string };
  /** An activity row fills one of Low and High (`given`) and leaves the other (`blank`) blank. */
  rangeIncomplete: { activity: string | null; given: ColumnRef; blank: ColumnRef };
  /** An ABC_Support row fills neither Share nor Quantity (`from`/`to` as read, null when unusable). */
  noShareOrQuantity: { from: string | null; to: string | null };
  /** An ABC_Support row fills both Share and Quantity. */
  shareAndQuantity: { from: string | null; to: string | null };
  /** A share of ABC_Support that is not above 0 and at most 1 (`found` as the cell shows it). */
  shareOutOfRange: { column: ColumnRef; found: string };
  moreRows: { more: number; range: string; listed: number };
  moreCells: { more: number; column: ColumnRef; listed: number };

  // the workbook contract: numbers that must not be guessed at
  formulaNotCalculated: { column: ColumnRef; formula: string };
  storedNotANumber: { column: ColumnRef; stored: string };
  percentForAmount: { column: ColumnRef; shown: string };
  /** `thousands`: the reading with thousands separators; `decimal`: the reading as a decimal point, if any. */
  ambiguousNumberText: { column: ColumnRef; found: string; thousands: string; decimal: string | null };
  numberOutOfRange: { column: ColumnRef; found: string };
  /** A figure the engine would derive from valid cells (`value` an exact decimal shortened, e.g. `1.5e+20`). */
  derivedOutOfRange: { kind: 'pool' | 'activity'; name: string; what: 'ratePerMinute' | 'costPerUnit' | 'cost'; value: string };

  // settings
  unknownSetting: { name: string };
  settingTwice: { name: string; first: string };
  settingErrorValue: { setting: SettingKey; error: string };
  invalidSetting: { setting: 'currency' | 'unusedCapacity' | 'language' | 'supportMethod'; found: string };
  /** OrderDriver names no driver of ABC_Volumes; `drivers` lists them, comma-separated. */
  unknownOrderDriver: { driver: string; drivers: string };
  /** OrderLineDriver names no driver of ABC_Volumes; `drivers` lists them, comma-separated. */
  unknownOrderLineDriver: { driver: string; drivers: string };
  /** StatementSegment names no column of ABC_Customers; `dimensions` lists the dimension columns. */
  unknownStatementSegment: { dimension: string; dimensions: string };
  /** OrderFollowingDrivers names a driver ABC_Volumes does not have; `drivers` lists them, comma-separated. */
  unknownOrderFollowingDriver: { driver: string; drivers: string };
  /** OrderFollowingDrivers names the OrderLineDriver, whose lines a minimum order keeps. */
  orderFollowingLineDriver: { driver: string };
  /** PlausibleFeeShare is not a share above 0 and at most 100%. */
  invalidPlausibleFeeShare: { found: string };
  /** DefaultRange is none of ±20%, +/-20%, 20%, -30%/+10%, 0.2, or its part below exceeds 100%. */
  invalidDefaultRange: { found: string };
  /** Simulations is not a whole number from 1 to MAX_SIMULATIONS. */
  invalidSimulations: { found: string };
  /** Seed is not a whole number from 0 to MAX_SEED. */
  invalidSeed: { found: string };

  // the model's consistency
  duplicatePool: { pool: string; first: string | null };
  duplicateCustomer: { customer: string; first: string | null };
  poolOnRateRow: { activity: string; pool: string };
  missingPool: { activity: string; method: 'minutes' | 'share' };
  unknownPool: { activity: string; pool: string };
  missingDriver: { activity: string; method: 'minutes' | 'rate' };
  mixedMethodsInActivity: { activity: string; firstMethod: MethodKey; first: string | null; method: MethodKey };
  activityInSeveralPools: { activity: string; firstPool: string; first: string | null; pool: string };
  severalSharesForActivity: { activity: string; first: string | null };
  unusedPool: { pool: string; reportedAs: 'unassigned' | 'unusedCapacity' };
  mixedMethodsInPool: { pool: string; minutesAt: string | null; shareAt: string | null };
  missingCapacity: { pool: string };
  sharesOverOne: { pool: string; percent: string };
  capacityIgnored: { pool: string };
  unknownCustomer: { customer: string; range: string | null; rows: number };
  driverWithoutVolumes: { driver: string; activity: string; anyVolumes: boolean };
  unusedVolumeDriver: { driver: string };

  // costing (numbers are exact decimals written out, e.g. `1234.5`)
  /** `percent`: used ÷ capacity with one decimal; `cost`: what customers are charged beyond the pool's cost, in cents. */
  overCapacity: { pool: string; used: string; over: string; capacity: string; percent: string; cost: string; currency: string };
  /** `percent`: used ÷ capacity with one decimal; `cost`: the unused capacity's cost, in cents. */
  lowCapacityUse: { pool: string; percent: string; used: string; capacity: string; cost: string; currency: string };
  /** Capacity against FTE × MinutesPerFTE (`paid`); `percent` the gap with one decimal, `more` when capacity is the larger. */
  paidMinutesGap: { pool: string; capacity: string; fte: string; minutesPerFte: string; paid: string; percent: string; more: boolean };
  /** A time-driven (`minutes`) or rate term whose driver adds up to zero, so it charges nothing. */
  zeroDriverCharge: { driver: string; activity: string; method: 'minutes' | 'rate' };
  /** `customers`: the ids (all when `count` is that many, else the first of `count`). */
  revenueWithoutVolumes: { customers: readonly string[]; count: number };
  volumesWithoutRevenue: { customers: readonly string[]; count: number };
  zeroDriverQuantity: { driver: string; activity: string };
  unusedNotAssignable: { pool: string };

  // names and sheets of the workbook file
  nameNotARange: { name: string; formula: string };
  /** The add-in read dates as 1900 ones: Excel's DATE(1904,1,1) gave `found`, neither 1462 nor 0. */
  dateSystemUnknown: { found: string };
  /** `sheets`: the worksheets the name is scoped to, as spelled in the workbook. */
  ambiguousRangeName: { name: string; sheets: readonly string[] };
  badReference: { name: string; problem: ReferenceProblem; reference: string; areas: number };
  referenceToMissingSheet: { name: string; sheet: string };
  referenceToNonWorksheet: { name: string; sheet: string };
  reportSheetTaken: { sheet: string };
  /** A table or defined name of the user's holds a name the report gives a table or a figure. */
  reportNameTaken: { name: string };
  /** A report cell's text of `length` UTF-16 units, cut to Excel's `limit`. */
  textCut: { length: number; limit: number };
  /** Keep period without a `Period` setting: nothing is kept. */
  historyNoPeriod: Record<string, never>;
  /** A cell of ABC_History that cannot be read back; `found` is the cell's value as shown, `column` its header. */
  historyUnreadable: { column: string; found: string; problem: HistoryProblem };
  /** Keeping the period would make ABC_History `rows` rows under its header, more than a sheet holds (`limit`). */
  historyTooLarge: { rows: number; limit: number };

  // what-if scenarios (ABC_Scenarios); `kind` is the row's change, lists are comma-separated names
  /** MinutesPerFTE is not a positive number. */
  invalidMinutesPerFte: { found: string };
  /** The text found is in the location (`Where.value`), not the message: it is the user's free text. */
  scenarioUnknownChange: Record<never, never>;
  scenarioScopeUnknownDimension: { dimension: string; dimensions: string };
  scenarioScopeUnknownCustomer: { customer: string };
  scenarioScopeMatchesNone: { dimension: string; value: string };
  /** A capacity change is for the whole pool, so its Scope must be all. */
  scenarioScopeNotAll: { pool: string };
  scenarioTargetMissing: { kind: ScenarioChangeKind };
  scenarioTargetNotTaken: { kind: ScenarioChangeKind; target: string };
  scenarioUnknownDriver: { driver: string; drivers: string };
  /** `activities`: the time-driven activities. */
  scenarioUnknownActivity: { activity: string; activities: string };
  scenarioUnknownTerm: { activity: string; driver: string; drivers: string };
  /** An activity with several time terms named without its driver. */
  scenarioAmbiguousTerm: { activity: string; drivers: string };
  scenarioUnknownPool: { pool: string; pools: string };
  /** A plain number where a percentage is needed; `what` says whether the pool is split by shares. */
  scenarioNeedsPercent: { kind: ScenarioChangeKind; found: string; what: 'change' | 'sharePool' };
  scenarioNeedsNumber: { kind: ScenarioChangeKind; found: string };
  scenarioPercentBelowMinus100: { found: string };
  /** Minimum order lines or a new capacity of 0 or less, or negative minutes. */
  scenarioValueNotPositive: { kind: ScenarioChangeKind; found: string };
  /** A minimum order needs both settings; `what` names the missing one(s). */
  scenarioNeedsOrderDrivers: { what: 'orderDriver' | 'orderLineDriver' | 'both' };

  // support pools (ABC_Support); `pool` is the From pool of the row
  /** A From or To of ABC_Support that is no pool of ABC_Pools. */
  unknownSupportPool: { pool: string; what: 'from' | 'to' };
  supportToItself: { pool: string };
  /** A negative Share or Quantity on the row from `pool` to `to`. */
  supportNegative: { pool: string; to: string; what: 'share' | 'quantity'; found: string };
  /** The row from `pool` to `to` has neither a Share nor a Quantity (`what: 'none'`) or both (`'both'`). */
  supportRowBasis: { pool: string; to: string; what: 'none' | 'both' };
  /** A support pool with Share rows and Quantity rows. */
  supportMixedBasis: { pool: string; shareAt: string | null; quantityAt: string | null };
  supportSharesOverOne: { pool: string; percent: string };
  supportQuantitiesZero: { pool: string };
  supportPoolHasActivities: { pool: string };
  /** Support pools whose cost can never leave them: their shares go only to each other and add up to 100%. */
  supportClosedLoop: { pools: readonly string[] };

  // the ledger (ABC_Resources)
  /** A ledger line whose Pool is no pool of ABC_Pools. */
  unknownLedgerPool: { pool: string; account: string };
  /** A pool's Cost that differs from the sum of its ledger lines; `accounts` the first of them, `more` how many are not named. */
  poolCostNotLedger: { pool: string; cost: string; ledger: string; accounts: readonly string[]; more: number };
  /** A pool with a blank Cost and no ledger lines, in a model with a ledger. */
  noLedgerLines: { pool: string };

  // comparing two periods (issue 20)
  /** The earlier period's currency and this one's differ. */
  compareCurrency: { earlier: string; now: string };
  /** Both periods carry the same label. */
  compareSameLabel: { label: string };
  /** A customer only in this period (`now`) and one only in the earlier (`then`) whose ids are the same number. */
  compareIdChanged: { now: string; then: string };
  /** An earlier `--json` file that is no result: `what` says what is wrong, `field` the JSON path at fault (`badField`). */
  compareNotAResult: { file: string; what: 'notJson' | 'notAnObject' | 'noCustomers' | 'noActivities' | 'noPools' | 'noTotals' | 'badField'; field: string | null };
  /** An earlier `--json` file of a run that stopped with errors: how many, and the first one's message. */
  compareEarlierFailed: { file: string; errors: number; first: string };
  /** An earlier `--json` file without customers' driver quantities (written before they were added). */
  compareWithoutQuantities: { file: string };
}

/** The id of a message. */
export type MessageId = keyof MessageArgs;

/** A message as data: which one and its values. */
export type MessageText = { [K in MessageId]: { id: K; args: MessageArgs[K] } }[MessageId];

/** One language's phrasing of every message; a missing id is a compile error. */
export type Catalog = { readonly [K in MessageId]: (args: MessageArgs[K]) => string };
