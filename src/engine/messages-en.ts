/**
 * The problem messages in English. These are the texts of `Issue.message`, which the runner prints, the
 * JSON result carries and the summary sheet lists, so a change here is a change of public output.
 */
import { EN_MARKS, groupedNumber, moneyText } from './message-numbers';
import type { Catalog, ColumnKey, ColumnRef, HistoryProblem, MethodKey, ReferenceProblem, RequiredTextKey, SettingKey } from './message-args';

/** The contract's English column headers (a test checks them against contract-spec.ts). */
export const COLUMN_NAMES_EN: { readonly [K in ColumnKey]: string } = {
  pool: 'Pool',
  cost: 'Cost',
  capacity: 'Capacity',
  unit: 'Unit',
  activity: 'Activity',
  driver: 'Driver',
  minutes: 'Minutes',
  share: 'Share',
  rate: 'Rate',
  customer: 'Customer',
  name: 'Name',
  revenue: 'Revenue',
  discounts: 'Discounts',
  cogs: 'COGS',
  quantity: 'Quantity',
  item: 'Item',
  amount: 'Amount',
  setting: 'Setting',
  value: 'Value',
  fte: 'FTE',
  scenario: 'Scenario',
  scope: 'Scope',
  change: 'Change',
  target: 'Target',
  account: 'Account',
  description: 'Description',
  from: 'From',
  to: 'To',
  low: 'Low',
  high: 'High',
  group: 'Group',
};

/** The settings' English names (a test checks them against read-settings.ts). */
export const SETTING_NAMES_EN: { readonly [K in SettingKey]: string } = {
  currency: 'Currency',
  period: 'Period',
  unusedCapacity: 'UnusedCapacity',
  language: 'Language',
  orderDriver: 'OrderDriver',
  orderLineDriver: 'OrderLineDriver',
  statementSegment: 'StatementSegment',
  minutesPerFte: 'MinutesPerFTE',
  dimensions: 'Dimensions',
  orderFollowingDrivers: 'OrderFollowingDrivers',
  plausibleFeeShare: 'PlausibleFeeShare',
  supportMethod: 'SupportMethod',
  defaultRange: 'DefaultRange',
  simulations: 'Simulations',
  seed: 'Seed',
};

const WHAT: { readonly [K in RequiredTextKey]: string } = {
  activityName: 'an activity name',
  poolName: 'a pool name',
  customerId: 'a customer id',
  driverName: 'a driver',
  settingName: 'a setting name',
  costItem: 'an item saying what the cost is',
  scenarioName: 'a scenario name',
  scenarioScope: 'a scope (all, a customer id or Dimension=value)',
  scenarioChange: 'a change (quantity, price, fee, minutes, capacity or minimum order)',
  account: 'a ledger account',
};

/** A scenario row's change as the contract writes it. */
const CHANGE_EN = { quantity: 'quantity', price: 'price', fee: 'fee', minutes: 'minutes', capacity: 'capacity', minimumOrder: 'minimum order' } as const;

const WHY = {
  none: '',
  blankHeaderRow: ' (the first row of the range must hold the headers, and it is blank)',
  noMethodColumn: ', nor Minutes / Minuten or Share / Aandeel: each row needs one of them',
  longFormVolumes: ' (a long-form ABC_Volumes needs Customer, Driver and Quantity)',
  noSupportBasisColumn: ', nor Quantity / Aantal: each row needs one of them',
} as const;

/** Why a cell of ABC_History cannot be read back, in English. */
const HISTORY_PROBLEM_EN: { readonly [P in HistoryProblem]: string } = {
  notANumber: 'this column holds numbers.',
  notText: 'this column holds text.',
  noPeriod: 'every row names its period.',
  noActivity: 'a driver term row follows the row of its activity (Customer blank, Activity filled, Driver blank) in the same period.',
  noCustomer: 'an activity cost or quantity row of a customer follows the customer\'s own row (Activity and Driver blank) in the same period.',
  noCompanyRow: 'each period has one company row (Customer, Activity and Driver blank) with its totals.',
  rowKind: 'a row has Customer, Activity and Driver filled as one of the kinds ABC_History holds.',
  exact: 'the Exact column holds Column=decimal entries that agree with the numbers in their columns.',
  missingColumn: 'the table needs this column.',
  twice: 'a period holds each customer, activity, driver term, cost and quantity once.',
};

function reference(problem: ReferenceProblem, text: string, areas: number): string {
  switch (problem) {
    case 'nothing':
      return 'refers to nothing';
    case 'deletedRange':
      return `refers to a deleted range (${text})`;
    case 'formula':
      return `is a formula (${text}); it must refer to a block of cells`;
    case 'severalAreas':
      return `refers to ${areas} separate areas (${text}); it must be one rectangular block`;
    case 'notAReference':
      return `is not a cell reference (${text})`;
    case 'otherWorkbook':
      return `refers to another workbook (${text})`;
    case 'severalSheets':
      return `spans several sheets (${text})`;
    case 'outsideSheet':
      return `is outside the sheet (${text})`;
  }
}

/** What a column needs instead of a percentage. */
function PLAIN_FIGURE_EN(c: ColumnRef): string {
  switch (c.key) {
    case 'cost':
    case 'revenue':
    case 'discounts':
    case 'cogs':
    case 'amount':
    case 'rate':
      return 'an amount in currency';
    case 'minutes':
      return 'a number of minutes';
    case 'quantity':
      return 'a quantity';
    case 'capacity':
      return 'a capacity in minutes or hours';
    default:
      return 'a plain number';
  }
}

const DERIVED_EN = { ratePerMinute: 'cost per minute', costPerUnit: 'cost per driver unit', cost: 'cost' } as const;

/** A column by its header as written: the English messages have always named it so. */
const col = (c: ColumnRef): string => c.header;
const at = (place: string | null): string => place ?? 'an earlier row';
/** `A`, `A and B`, `A, B and C`. */
const listEn = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
const method = (m: MethodKey): string => m;
const num = (n: string): string => groupedNumber(n, EN_MARKS);
const money = (amount: string, currency: string): string => moneyText(amount, currency, EN_MARKS);
/** `1001, 1002 and 1003`, or for a longer list `the first 5: 1001, …, 1005`. */
const firstOf = (ids: readonly string[], count: number): string => (count > ids.length ? `the first ${ids.length}: ` : '') + listEn(ids);
const row = (activity: string | null): string => (activity === null ? '' : `"${activity}" `);
/** `The support row from "IT" to "Sales"`, or `A support row` when neither pool could be read. */
const supportRow = (from: string | null, to: string | null): string =>
  from === null && to === null ? 'A support row' : `The support row from "${from ?? '?'}" to "${to ?? '?'}"`;

/** Every message in English. */
export const MESSAGES_EN: Catalog = {
  verbatim: (a) => a.text,

  missingRange: (a) => `The workbook has no named range or table ${a.range}; it is required.`,
  blankRange: (a) => `${a.range} is blank: its first row must hold the headers, the rows below the data.`,
  noRows: (a) => `${a.range} has headers but no rows.`,
  missingColumn: (a) => `${a.range} has no column ${a.accepted}${WHY[a.reason]}.`,
  duplicateColumn: (a) => `Column ${COLUMN_NAMES_EN[a.column]} appears twice: "${a.first}" and "${a.header}"; only the first is read.`,
  duplicateOtherColumn: (a) => `The ${a.kind} column "${a.header}" appears twice (also "${a.first}"); only the first is read.`,
  nearMissHeader: (a) =>
    a.kind === 'dimension'
      ? `The column "${a.header}" of ${a.range} is no column of the contract but resembles "${a.resembles}"; it would be read as a customer dimension. Rename it to ${a.resembles}, or list it in the setting Dimensions if it is a dimension.`
      : a.kind === 'driver'
        ? `The column "${a.header}" of ${a.range} is no column of the contract but resembles "${a.resembles}"; it would be read as a driver. Rename it to ${a.resembles}, or use it as a driver in ABC_Activities if it is one.`
        : `The column "${a.header}" of ${a.range} is no column of the contract but resembles "${a.resembles}"; it would be ignored. Rename it to ${a.resembles} if that is what it holds, or give it another header if it is not.`,

  errorValue: (a) => `${col(a.column)} holds the error value ${a.error}.`,
  notANumber: (a) => `${col(a.column)} must be a number; found ${a.found}.`,
  negativeValue: (a) => `${col(a.column)} must not be negative; found ${a.found}.`,
  missingText: (a) => `${col(a.column)} is blank; every row needs ${WHAT[a.what]}.`,
  missingNumber: (a) => `${col(a.column)} is blank; enter a number (0 if none).`,
  capacityNotPositive: (a) => `${col(a.column)} must be more than 0; found ${a.found}.`,
  invalidUnit: (a) => `${col(a.column)} must be minutes/minuten or hours/uren; found "${a.found}".`,
  noMethod: (a) => `Activity row ${row(a.activity)}fills none of Minutes, Share and Rate; fill exactly one.`,
  severalMethods: (a) => `Activity row ${row(a.activity)}fills more than one of Minutes, Share and Rate; fill exactly one.`,
  rangeLowAboveEstimate: (a) =>
    `${col(a.column)} of activity row ${row(a.activity)}is ${a.found}, above its ${col(a.method)} of ${a.estimate}; ${col(a.column)} is the lowest plausible value, at most the estimate.`,
  rangeHighBelowEstimate: (a) =>
    `${col(a.column)} of activity row ${row(a.activity)}is ${a.found}, below its ${col(a.method)} of ${a.estimate}; ${col(a.column)} is the highest plausible value, at least the estimate.`,
  rangeIncomplete: (a) =>
    `Activity row ${row(a.activity)}has a ${col(a.given)} but ${col(a.blank)} is blank; give both ${COLUMN_NAMES_EN.low} and ${COLUMN_NAMES_EN.high}, or neither (then ${SETTING_NAMES_EN.defaultRange} applies).`,
  noShareOrQuantity: (a) => `${supportRow(a.from, a.to)} fills neither Share nor Quantity; fill exactly one.`,
  shareAndQuantity: (a) => `${supportRow(a.from, a.to)} fills both Share and Quantity; fill exactly one.`,
  shareOutOfRange: (a) => `${col(a.column)} must be more than 0% and at most 100% (a fraction such as 0.4 or 40%); found ${a.found}.`,
  moreRows: (a) => `${a.more} more rows of ${a.range} have the same problem (only the first ${a.listed} are listed).`,
  moreCells: (a) => `${a.more} more cells in column ${col(a.column)} have the same problem (only the first ${a.listed} are listed).`,

  formulaNotCalculated: (a) =>
    `${col(a.column)} holds the formula =${a.formula} but no calculated result; open and save the workbook in Excel or LibreOffice so the result is stored.`,
  storedNotANumber: (a) =>
    `${col(a.column)} is a number cell, but the value stored in the file is "${a.stored}", which is not a number; type the number into the cell again and save the workbook.`,
  percentForAmount: (a) =>
    `${col(a.column)} is formatted as a percentage (${a.shown}), but it needs ${PLAIN_FIGURE_EN(a.column)}: enter it as a plain number, not a percentage.`,
  ambiguousNumberText: (a) =>
    `${col(a.column)} holds the text ${a.found}, ${
      a.decimal === null ? `written with thousands separators (probably ${a.thousands})` : `which could be ${a.thousands} or ${a.decimal}`
    }; enter a real number (a number cell, without thousands separators).`,
  numberOutOfRange: (a) =>
    `${col(a.column)} holds ${a.found}, which is out of range: a figure must be finite, below 10^13 (ten trillion) in size and, unless it is 0, not below 10^-300.`,
  derivedOutOfRange: (a) =>
    `The ${DERIVED_EN[a.what]} of ${a.kind} "${a.name}" would be ${a.value}, beyond 10^15: check ${
      a.kind === 'pool' ? 'its Cost and Capacity, and the Minutes and quantities of its activities' : 'the Minutes, Share or Rate of its rows, and the quantities of its drivers'
    }.`,

  unknownSetting: (a) => `Unknown setting "${a.name}" is ignored; the settings are ${Object.values(SETTING_NAMES_EN).join(', ')}.`,
  settingTwice: (a) => `Setting ${a.name} is given twice (first at ${a.first}).`,
  settingErrorValue: (a) => `The value of ${SETTING_NAMES_EN[a.setting]} holds the error value ${a.error}.`,
  invalidSetting: (a) =>
    `${SETTING_NAMES_EN[a.setting]} must be ${
      a.setting === 'currency'
        ? 'an ISO currency code such as EUR or a currency symbol such as €'
        : a.setting === 'language'
          ? 'en (English) or nl (Nederlands, Dutch)'
          : a.setting === 'supportMethod'
            ? 'reciprocal / wederzijds, step-down / stapsgewijs or direct'
            : 'report / rapporteren or assign / toerekenen'
    }; found ${a.found}.`,

  unknownOrderLineDriver: (a) =>
    `OrderLineDriver "${a.driver}" is no driver of ABC_Volumes, so order lines cannot be counted; ${a.drivers === '' ? 'ABC_Volumes has no drivers' : `the drivers are ${a.drivers}`}.`,
  unknownOrderDriver: (a) =>
    `OrderDriver "${a.driver}" is no driver of ABC_Volumes, so orders cannot be counted; ${a.drivers === '' ? 'ABC_Volumes has no drivers' : `the drivers are ${a.drivers}`}.`,
  unknownOrderFollowingDriver: (a) =>
    `OrderFollowingDrivers names "${a.driver}", which is no driver of ABC_Volumes, so it cannot follow orders; ${a.drivers === '' ? 'ABC_Volumes has no drivers' : `the drivers are ${a.drivers}`}.`,
  orderFollowingLineDriver: (a) =>
    `OrderFollowingDrivers names "${a.driver}", the OrderLineDriver: a minimum order keeps the order lines and merges only the orders, so order lines cannot follow orders.`,
  invalidPlausibleFeeShare: (a) =>
    `PlausibleFeeShare must be the largest plausible order fee as a share of the average order value, above 0% and at most 100% (such as 10%); found ${a.found}.`,
  invalidDefaultRange: (a) =>
    `DefaultRange must be a percentage below and above the estimate: ±20% (or +/-20%, 20%, 0.2) for the same on both sides, -30%/+10% for different ones; below at most 100%; found ${a.found}.`,
  invalidSimulations: (a) => `Simulations must be a whole number of draws from 1 to 100,000 (such as 1000); found ${a.found}.`,
  invalidSeed: (a) => `Seed must be a whole number from 0 to 4,294,967,295 (such as 12345); found ${a.found}.`,
  unknownStatementSegment: (a) =>
    `StatementSegment "${a.dimension}" is no column of ABC_Customers; ${a.dimensions === '' ? 'ABC_Customers has no dimension columns' : `the dimension columns are ${a.dimensions}`}.`,

  duplicatePool: (a) => `Pool "${a.pool}" is listed twice (first at ${at(a.first)}).`,
  duplicateCustomer: (a) => `Customer "${a.customer}" is listed twice (first at ${at(a.first)}).`,
  poolOnRateRow: (a) =>
    `Activity "${a.activity}" has a Rate and also names pool "${a.pool}": a Rate row is costed at its rate, so leave Pool blank (or give Minutes or a Share instead of a Rate).`,
  missingPool: (a) => `Activity "${a.activity}" has ${a.method === 'minutes' ? 'Minutes' : 'Share'} but no Pool.`,
  unknownPool: (a) => `Activity "${a.activity}" names pool "${a.pool}", which is not in ABC_Pools.`,
  missingDriver: (a) =>
    `Activity "${a.activity}" has ${a.method === 'minutes' ? 'Minutes' : 'a Rate'} but no Driver: say what is counted (orders, order lines …).`,
  mixedMethodsInActivity: (a) =>
    `Activity "${a.activity}" mixes ${method(a.firstMethod)} (at ${at(a.first)}) and ${method(a.method)} rows; an activity is costed one way.`,
  activityInSeveralPools: (a) =>
    `Activity "${a.activity}" draws on pool "${a.firstPool}" (at ${at(a.first)}) and on "${a.pool}"; split it into one activity per pool.`,
  severalSharesForActivity: (a) =>
    `Activity "${a.activity}" has more than one Share row (first at ${at(a.first)}); give it one share and one driver.`,
  unusedPool: (a) =>
    `No activity uses pool "${a.pool}": its cost is reported as ${a.reportedAs === 'unassigned' ? 'cost not charged to customers' : 'unused capacity'} and reaches no customer.`,
  mixedMethodsInPool: (a) =>
    `Pool "${a.pool}" has both Minutes rows and Share rows (e.g. ${at(a.minutesAt)} and ${at(a.shareAt)}); a pool is either time-driven or split by shares.`,
  missingCapacity: (a) =>
    `Pool "${a.pool}" is time-driven (activities give Minutes) but has no Capacity: enter its practical capacity for the period.`,
  sharesOverOne: (a) => `The shares of pool "${a.pool}" add up to ${a.percent}%, more than 100%.`,
  capacityIgnored: (a) => `Pool "${a.pool}" is split by shares, so its Capacity is not used.`,
  unknownCustomer: (a) =>
    `Customer "${a.customer}" in ${a.range ?? 'the model'} is not in ABC_Customers${a.rows > 1 ? ` (${a.rows} rows; the first is shown)` : ''}.`,
  driverWithoutVolumes: (a) =>
    `Driver "${a.driver}" of activity "${a.activity}" has no volumes: ABC_Volumes has no ${a.anyVolumes ? 'column or rows' : 'data'} for it.`,
  unusedVolumeDriver: (a) => `ABC_Volumes has quantities for "${a.driver}", but no activity uses that driver.`,

  overCapacity: (a) =>
    `Pool "${a.pool}" used ${num(a.used)} minutes, ${a.percent}% of its practical capacity of ${num(a.capacity)} (${num(a.over)} more): customers are charged ${money(a.cost, a.currency)} more than the pool costs, shown as negative unused capacity. Check the minutes per driver unit or the capacity.`,
  lowCapacityUse: (a) =>
    `Pool "${a.pool}" used ${a.percent}% of its practical capacity (${num(a.used)} of ${num(a.capacity)} minutes): its unused capacity costs ${money(a.cost, a.currency)}, which no customer carries. Check the capacity and the minutes per driver unit.`,
  paidMinutesGap: (a) =>
    `Pool "${a.pool}" has a practical capacity of ${num(a.capacity)} minutes, ${a.percent}% ${a.more ? 'more' : 'less'} than its paid minutes: ${num(a.fte)} FTE × ${num(a.minutesPerFte)} MinutesPerFTE = ${num(a.paid)}. Check Capacity, FTE or MinutesPerFTE.`,
  zeroDriverCharge: (a) =>
    `Driver "${a.driver}" of activity "${a.activity}" adds up to 0 over all customers, so ${a.method === 'minutes' ? 'its minutes charge no customer and stay unused capacity' : 'its rate charges no customer'}. Check ABC_Volumes.`,
  revenueWithoutVolumes: (a) =>
    a.count === 1
      ? `Customer "${a.customers[0] ?? ''}" has revenue but no volumes in ABC_Volumes, so it carries no cost to serve and looks more profitable than it is.`
      : `${a.count} customers have revenue but no volumes in ABC_Volumes (${firstOf(a.customers, a.count)}), so they carry no cost to serve and look more profitable than they are.`,
  volumesWithoutRevenue: (a) =>
    a.count === 1
      ? `Customer "${a.customers[0] ?? ''}" has volumes in ABC_Volumes but no revenue, so its cost to serve is pure loss. Check its Revenue in ABC_Customers.`
      : `${a.count} customers have volumes in ABC_Volumes but no revenue (${firstOf(a.customers, a.count)}), so their cost to serve is pure loss. Check their Revenue in ABC_Customers.`,
  zeroDriverQuantity: (a) =>
    `Driver "${a.driver}" of activity "${a.activity}" adds up to 0 over all customers, so the activity's cost is not charged to customers.`,
  unusedNotAssignable: (a) =>
    `UnusedCapacity is "assign", but no customer used pool "${a.pool}", so its unused capacity is not charged to customers.`,

  nameNotARange: (a) => `The name ${a.name} does not refer to a range of cells (it is ${a.formula}).`,
  dateSystemUnknown: (a) =>
    `Dates are read as in the 1900 date system: Excel's DATE(1904,1,1) gave ${a.found}, neither 1462 (1900) nor 0 (1904). ` +
    'If it does (File > Options > Advanced, "Use 1904 date system"), every date read is 4 years and 1 day early; ' +
    'they are labels only (Period, dimensions), no figure depends on them.',
  ambiguousRangeName: (a) =>
    `${a.name} is defined on the sheets ${listEn(a.sheets)} and not for the whole workbook; keep one, or define it for the workbook.`,
  badReference: (a) => `The name ${a.name} ${reference(a.problem, a.reference, a.areas)}.`,
  referenceToMissingSheet: (a) => `The name ${a.name} refers to a sheet "${a.sheet}" that does not exist.`,
  referenceToNonWorksheet: (a) => `The name ${a.name} refers to "${a.sheet}", which is not a worksheet with cells.`,
  reportSheetTaken: (a) =>
    `The workbook already has a sheet "${a.sheet}" that the add-in did not create; rename or delete it so the report can be written.`,
  reportNameTaken: (a) =>
    `The workbook already has a table or name "${a.name}" that the add-in did not create; the report names its tables and headline figures so (tables and names share one list in Excel): rename yours so the report can be written.`,
  textCut: (a) =>
    `This text is ${a.length} characters long and an Excel cell holds at most ${a.limit}: the report shows its first ${a.limit} characters; shorten the text in the model to see all of it.`,
  historyNoPeriod: () =>
    'The period was not kept: the model has no Period setting to name it by. Set Period in ABC_Settings (2026, Q1 2026, Budget 2026) and keep it again; the report was written.',
  historyTooLarge: (a) =>
    `The period was not kept: ABC_History would hold ${a.rows} rows, and a sheet holds ${a.limit} under its header. Delete the rows of periods you no longer need from ABC_History and keep it again; the report was written.`,
  historyUnreadable: (a) => `ABC_History cannot be read here (column ${a.column}, found ${a.found}): ${HISTORY_PROBLEM_EN[a.problem]} The kept periods are left as they are; the current report was written.`,

  invalidMinutesPerFte: (a) =>
    `MinutesPerFTE must be a positive number: the practical minutes one full-time person gives in the period (76800 for 1600 hours at 80%); found ${a.found}.`,
  scenarioUnknownChange: () =>
    `Unknown change; a change is quantity, price, fee, minutes, capacity or minimum order (Dutch: aantal, prijs, vergoeding, minuten, capaciteit, minimumorder).`,
  scenarioScopeUnknownDimension: (a) =>
    `The scope names the dimension "${a.dimension}", which is no column of ABC_Customers; the dimensions are ${a.dimensions || '(none)'}.`,
  scenarioScopeUnknownCustomer: (a) =>
    `The scope names customer "${a.customer}", who is not in ABC_Customers; write all, a customer id or Dimension=value.`,
  scenarioScopeMatchesNone: (a) => `No customer has ${a.dimension} = "${a.value}", so this row would change nothing.`,
  scenarioScopeNotAll: (a) =>
    `A capacity change applies to the whole pool "${a.pool}", so its Scope must be all.`,
  scenarioTargetMissing: (a) =>
    `A ${CHANGE_EN[a.kind]} change needs a Target: ${
      a.kind === 'minutes' ? "an activity's time term as Activity / Driver" : a.kind === 'capacity' ? 'a pool' : 'a driver'
    }.`,
  scenarioTargetNotTaken: (a) => `A ${CHANGE_EN[a.kind]} change takes no Target; leave it blank (found "${a.target}").`,
  scenarioUnknownDriver: (a) => `Unknown driver "${a.driver}"; the drivers are ${a.drivers || '(none)'}.`,
  scenarioUnknownActivity: (a) =>
    `"${a.activity}" is no time-driven activity; minutes can be changed for ${a.activities || '(none)'}.`,
  scenarioUnknownTerm: (a) =>
    `Activity "${a.activity}" has no time term for driver "${a.driver}"; its drivers are ${a.drivers}.`,
  scenarioAmbiguousTerm: (a) =>
    `Activity "${a.activity}" has several time terms (${a.drivers}); name one as Activity / Driver.`,
  scenarioUnknownPool: (a) => `Unknown pool "${a.pool}"; the pools are ${a.pools || '(none)'}.`,
  scenarioNeedsPercent: (a) =>
    `${a.what === 'sharePool' ? 'A pool split by shares has no capacity, so its change' : `A ${CHANGE_EN[a.kind]} change`} must be a percentage; found ${a.found}. Type it with % (-30% or 30%): a plain 0.3 could mean 30% or 0.3%.`,
  scenarioNeedsNumber: (a) =>
    `A ${CHANGE_EN[a.kind]} change must be a plain number (${
      a.kind === 'fee' ? 'an amount per driver unit' : 'lines per order'
    }), not a percentage; found ${a.found}.`,
  scenarioPercentBelowMinus100: (a) => `A change below -100% leaves less than nothing; found ${a.found}.`,
  scenarioValueNotPositive: (a) =>
    `${a.kind === 'minutes' ? 'Minutes must not be negative' : a.kind === 'capacity' ? 'The new capacity must be more than 0' : 'The minimum lines per order must be more than 0'}; found ${a.found}.`,
  scenarioNeedsOrderDrivers: (a) =>
    `A minimum order needs the settings OrderDriver and OrderLineDriver (which drivers count orders and order lines); ${
      a.what === 'both' ? 'neither is set' : `${a.what === 'orderDriver' ? 'OrderDriver' : 'OrderLineDriver'} is not set`
    } in ABC_Settings.`,

  unknownSupportPool: (a) => `ABC_Support names pool "${a.pool}" in ${a.what === 'from' ? 'From' : 'To'}, which is not in ABC_Pools.`,
  supportToItself: (a) => `Pool "${a.pool}" passes cost on to itself in ABC_Support; a support pool passes its cost to other pools, so remove this row.`,
  supportNegative: (a) =>
    `The row from "${a.pool}" to "${a.to}" in ABC_Support has a negative ${a.what === 'share' ? 'Share' : 'Quantity'} (${a.found}); a support pool passes on a part of its cost, never less than nothing.`,
  supportRowBasis: (a) =>
    `The row from "${a.pool}" to "${a.to}" in ABC_Support ${a.what === 'none' ? 'has neither a Share nor a Quantity; give one' : 'has both a Share and a Quantity; give one'}.`,
  supportMixedBasis: (a) =>
    `Support pool "${a.pool}" has both Share rows and Quantity rows (e.g. ${at(a.shareAt)} and ${at(a.quantityAt)}); a support pool passes its cost on by shares or by quantities, not both.`,
  supportSharesOverOne: (a) =>
    `The shares support pool "${a.pool}" passes on add up to ${a.percent}%, more than 100%: it cannot pass on more than its cost.`,
  supportQuantitiesZero: (a) =>
    `The quantities of support pool "${a.pool}" add up to 0, so they cannot split its cost; give a quantity above 0.`,
  supportPoolHasActivities: (a) =>
    `Pool "${a.pool}" passes its cost on in ABC_Support and also has activities in ABC_Activities; a support pool's whole cost goes to other pools, so move the activities to a pool it serves.`,
  supportClosedLoop: (a) =>
    `The cost of support pools ${listEn(a.pools.map((p) => `"${p}"`))} can never leave them: their shares go only to each other and add up to 100%. Give one of them a share to a pool with activities, or leave part of its cost unassigned.`,

  unknownLedgerPool: (a) => `Ledger account "${a.account}" in ABC_Resources is booked to pool "${a.pool}", which is not in ABC_Pools.`,
  poolCostNotLedger: (a) =>
    `Pool "${a.pool}" has Cost ${a.cost}, but its ledger lines in ABC_Resources add up to ${a.ledger}${
      a.accounts.length === 0 ? ' (it has none)' : ` (accounts ${a.accounts.join(', ')}${a.more > 0 ? ` and ${a.more} more` : ''})`
    }. Correct the Cost or the ledger, or leave the Cost blank to take it from the ledger.`,
  noLedgerLines: (a) => `Pool "${a.pool}" has no Cost and no lines in ABC_Resources, so its cost is 0. Book its accounts to it in ABC_Resources.`,

  compareCurrency: (a) =>
    `The earlier period is in ${a.earlier} and this period in ${a.now}: amounts in different currencies cannot be compared. Compare with a period in ${a.now}.`,
  compareSameLabel: (a) =>
    `Both periods are labelled "${a.label}", so the comparison could not tell which is which: give the earlier one another label with --label-earlier, or set Period in ABC_Settings.`,
  compareIdChanged: (a) =>
    `Customer ${a.now} now, ${a.then} then: the same number written differently; they are compared as two customers (new and lost). Write the ids the same way.`,
  compareNotAResult: (a) =>
    `${a.file} is no --json result of this tool: ${
      {
        notJson: 'it is not JSON',
        notAnObject: 'it is not a JSON object',
        noCustomers: 'it has no customers array',
        noActivities: 'it has no activities array',
        noPools: 'it has no pools array',
        noTotals: 'it has no totals',
        badField: `${a.field ?? ''} is missing or not of the right kind`,
      }[a.what]
    }.`,
  compareEarlierFailed: (a) =>
    `${a.file} holds no result: the earlier run stopped with ${a.errors} ${a.errors === 1 ? 'error' : 'errors'} (the first: "${a.first}"). Correct the earlier model and run it again with --json.`,
  compareWithoutQuantities: (a) =>
    `${a.file} was written by an older version and has no driver quantities per customer (driverQuantities), which the comparison needs: run the earlier model again with this version and --json.`,
};
