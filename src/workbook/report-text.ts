/**
 * Every text the report sheets show, as one typed catalogue per language: a text missing from the Dutch
 * catalogue is a compile error, as with the problem messages (messages-en.ts / messages-nl.ts). Numbers are
 * never phrased into a text except counts (plain digits, no separators), so Excel shows every amount with
 * the user's own decimal comma or point through its number format.
 */
import type { MessageLanguage } from '../engine/message-args';
import type { UnusedCapacityMode } from '../engine/model';
import type { SupportMethod } from '../engine/support/types';
import { REPORT_TEXT_EN } from './report-text-en';
import { REPORT_TEXT_NL } from './report-text-nl';
import type { ReportRole } from './report-types';

/** The languages the report is written in: the same as the problem messages'. */
export type ReportLanguage = MessageLanguage;

/** The languages, for validation and tests. */
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'nl'];

/** The values the note line under each title is made of. */
export interface NoteArgs {
  /** The period label from the settings, or null when not set. */
  period: string | null;
  /** The currency code as the number formats use it. */
  currency: string;
  unusedCapacity: UnusedCapacityMode;
}

/** One language's texts of the report sheets. */
export interface ReportText {
  /** Sheet names, each at most 31 characters and free of the characters Excel forbids. */
  sheetNames: { readonly [R in ReportRole]: string };

  common: {
    /** The line under each title. */
    note: (a: NoteArgs) => string;
    total: string;
    /** A boolean dimension value as Excel shows it in this language. */
    true: string;
    false: string;
    /** The label of a costing method on the Rates sheet's activity lines. */
    method: { readonly [M in 'time' | 'share' | 'rate']: string };
  };

  pnl: {
    title: string;
    rank: string;
    customer: string;
    name: string;
    revenue: string;
    discounts: string;
    netRevenue: string;
    cogs: string;
    grossMargin: string;
    grossMarginPercent: string;
    unusedCapacityOf: (pool: string) => string;
    costToServe: string;
    directCosts: string;
    netProfit: string;
    netProfitPercent: string;
    cumulativeNetProfit: string;
    cumulativeProfitShare: string;
    /** The totals row's count under Name. */
    customerCount: (n: number) => string;
  };

  rates: {
    title: string;
    poolsSection: string;
    pool: string;
    method: string;
    cost: string;
    capacityMinutes: string;
    costPerMinute: string;
    usedMinutes: string;
    unusedMinutes: string;
    unusedCapacityCost: string;
    /** A conventional pool's cost no activity's share covers. */
    unassigned: string;
    /** An activity's cost that reaches no customer. */
    notCharged: string;
    activitiesCost: string;
    /** A pool's method. */
    timeDrivenPool: string;
    sharePool: string;
    activitiesSection: string;
    activity: string;
    driver: string;
    termValue: string;
    totalQuantity: string;
    costPerDriverUnit: string;
    activityCost: string;
    businessSustaining: string;
    /** With a first stage (issue 19): a pool's own cost and what support pools passed to it, before Cost. */
    ownCost: string;
    receivedSupport: string;
    /** With a first stage: the line under the note saying the pools' cost is their cost after support. */
    afterSupportNote: string;
  };

  summary: {
    title: string;
    headlineSection: string;
    figure: string;
    value: string;
    revenue: string;
    discounts: string;
    netRevenue: string;
    cogs: string;
    grossMargin: string;
    grossMarginPercent: string;
    costToServe: string;
    directCosts: string;
    customersNetProfit: string;
    netProfitPercent: string;
    unusedCapacityCost: string;
    unassignedCost: string;
    operatingProfit: string;
    customers: string;
    lossMakingCustomers: string;
    lossMakingShare: string;
    lossMakingProfit: string;
    /** The profit share of the most profitable fifth, naming how many customers that is. */
    topShare: (count: number) => string;

    poolSection: string;
    pool: string;
    cost: string;
    activitiesCost: string;
    notCharged: string;
    poolUnusedCost: string;
    poolUnassigned: string;
    difference: string;

    companySection: string;
    line: string;
    amount: string;
    sumOfCustomerProfit: string;
    lessUnusedCapacity: string;
    lessUnassigned: string;
    differenceToReported: string;
    lessCogs: string;
    lessPoolCosts: string;
    lessRateCosts: string;
    lessDirectCosts: string;

    warningsSection: string;
    code: string;
    location: string;
    message: string;
    noWarnings: string;
    businessSustainingSection: string;
    activity: string;
    /** With a first stage: the part of the cost not charged that support pools left unassigned. */
    supportUnassigned: string;
    /** With a first stage: the pools' cost before passing on (the ledger total), support pools included. */
    lessLedgerTotal: string;
  };

  /** The `ABC Cost flow` sheet (report-cost-flow.ts): ledger → support pools → operating pools. */
  costFlow: {
    title: string;
    ledgerSection: string;
    pool: string;
    role: string;
    support: string;
    operating: string;
    accounts: string;
    ownCost: string;
    accountsSection: string;
    account: string;
    description: string;
    amount: string;
    /** The support matrix's heading, naming the chosen method. */
    matrixSection: (method: string) => string;
    from: string;
    unassigned: string;
    passedOn: string;
    operatingSection: string;
    receivedFrom: (pool: string) => string;
    costAfter: string;
    supportUnassigned: string;
    ledgerTotal: string;
    methodsSection: string;
    methods: { readonly [M in SupportMethod]: string };
    /** A method's column header when it is the chosen one. */
    chosen: (method: string) => string;
    /** A method's difference to the chosen one. */
    difference: (method: string, chosen: string) => string;
    /** One line per method under the side-by-side table. */
    explanations: { readonly [M in SupportMethod]: string };
  };

  /**
   * The `ABC Comparison` sheet (report-comparison.ts): the company's bridge from the earlier period (or a
   * budget) to this one, its waterfall, the customers that moved most, and the moves between quintiles.
   * `earlier` and `now` are the periods' labels as the user gave them (`Budget`, `2025`).
   */
  comparison: {
    title: string;
    /** The sheet of a run without a comparison, in a workbook that has one from an earlier run. */
    notCompared: string;
    /** The line under the title. */
    note: (a: { earlier: string; now: string; currency: string }) => string;
    companySection: (earlier: string, now: string) => string;
    line: string;
    amount: string;
    timePerUnit: string;
    costPerMinute: string;
    operatingProfit: (label: string) => string;
    revenue: string;
    discounts: string;
    cogs: string;
    activityVolume: string;
    activityRate: string;
    unusedCapacity: string;
    directCosts: string;
    unusedNotCharged: string;
    unassigned: string;
    change: string;
    sumOfParts: string;
    difference: string;
    /** Under the company bridge: what the volume and rate parts mean. */
    bridgeExplanation: string;
    chartSection: string;
    chartTitle: (earlier: string, now: string) => string;
    /** The figures the waterfall's stacked columns read, under the chart. */
    chartDataSection: string;
    step: string;
    base: string;
    increase: string;
    decrease: string;
    total: string;
    increaseBelowZero: string;
    decreaseBelowZero: string;
    profitToLoss: string;
    lossToProfit: string;
    improvements: (top: number) => string;
    declines: (top: number) => string;
    customer: string;
    name: string;
    before: (label: string) => string;
    after: (label: string) => string;
    changeColumn: string;
    cause: string;
    none: string;
    migrationSection: string;
    /** The corner of the migration table: rows the earlier quintile, columns today's. */
    migrationCorner: (earlier: string, now: string) => string;
    /** Quintile 1–5; 1 holds the most profitable fifth. */
    quintile: (q: number) => string;
    newCustomers: string;
    lostCustomers: string;
  };

  /**
   * The `ABC Sensitivity` sheet (report-sensitivity.ts, issue 21): which estimates matter most (the tornado,
   * exact), the customers whose sign is uncertain, their simulated ranges (estimates) and the time
   * equations checked against the paid minutes.
   */
  sensitivity: {
    title: string;
    /** The line under the title: what is exact and what is an estimate of a seeded simulation. */
    note: (a: { simulations: number; seed: number; currency: string }) => string;
    tornadoSection: string;
    tornadoExplanation: string;
    noTornado: string;
    rank: string;
    activity: string;
    driver: string;
    kind: string;
    kinds: { readonly minutes: string; readonly share: string; readonly rate: string };
    value: string;
    low: string;
    high: string;
    profitAtLow: string;
    profitAtHigh: string;
    swing: string;
    lossMakersAtLow: string;
    lossMakersAtHigh: string;
    todaysProfit: string;
    chartSection: string;
    chartTitle: string;
    chartAxis: string;
    /** The figures the tornado's bars read, under the chart, bottom bar first. */
    chartDataSection: (shown: number, of: number) => string;
    /** The SVG's line under its title. */
    largestSwings: (shown: number, of: number) => string;
    estimate: string;
    effectAtLow: string;
    effectAtHigh: string;
    lookCloserSection: string;
    lookCloserExplanation: string;
    noneToLookCloser: string;
    customer: string;
    name: string;
    netProfit: string;
    p10: string;
    median: string;
    p90: string;
    lossChance: string;
    /** The customers most likely to lose money, at most `top`; the JSON output has all. */
    rangesSection: (top: number) => string;
    rangesExplanation: string;
    noLosses: string;
    companySection: string;
    operatingProfit: string;
    checkSection: string;
    checkExplanation: string;
    noChecks: string;
    pool: string;
    explainedMinutes: string;
    paidMinutes: string;
    overstatement: string;
  };

  /** The whale curve on the summary: its chart and the sentence under it (see whale-curve.ts). */
  whale: {
    section: string;
    chartTitle: string;
    axisX: string;
    axisY: string;
    series: string;
    peak: string;
    noCustomers: string;
    /** Total customer profit is zero or negative, so shares of it mean nothing. */
    notMeaningful: (profitable: number, lossMaking: number) => string;
    /** No customer loses money: the curve ends at its peak. */
    noneGiveBack: (profitable: number, customers: number) => string;
    /** Percentages are whole numbers (plain digits), like counts. */
    peakAndTail: (a: { peak: number; peakPercent: number; tail: number; givenBackPercent: number }) => string;
  };

  /** A customer statement (report-statement.ts). */
  statement: {
    /** The sheet name before the customer id; with it at most 31 characters. */
    sheetPrefix: string;
    title: (customer: string, name: string | null) => string;
    customer: string;
    name: string;
    orders: (driver: string) => string;
    /** The size of the groups compared with. */
    segmentCustomers: (dimension: string, value: string) => string;
    companyCustomers: string;
    line: string;
    thisCustomer: string;
    segmentAverage: (value: string) => string;
    companyAverage: string;
    amount: string;
    perOrder: string;
    percentOfNetRevenue: string;
    trailSection: string;
    activity: string;
    driver: string;
    quantity: string;
    minutesPerUnit: string;
    costPerUnit: string;
    /** The driver of a trail line for unused capacity charged by minutes used. */
    minutesUsed: string;
    /** The trail's total line. */
    trailTotal: string;
    /** The trail's pool column and the pool's cost per minute (time-driven pools only). */
    pool: string;
    costPerMinute: string;
    /** The pool cell of a line charged by a rate, which draws on no pool. */
    byRate: string;
    /** A rate activity where a pool or an account would stand in the blocks below the trail. */
    rateOf: (activity: string) => string;
    /** Below the trail, with a first stage: the cost to serve traced to the pools where it started and to the ledger. */
    originSection: string;
    startedIn: string;
    usedIn: string;
    account: string;
    description: string;
    bookedTo: string;
    /** The itemised direct customer costs. */
    directSection: string;
    item: string;
    /** The one line left on the statement of a customer that is no longer in the model. */
    gone: (customer: string) => string;
    /** With an earlier period (issue 20): the header of the customer's column of that period's figures. */
    earlierColumn: (label: string) => string;
    /** The block of the customer's change in net profit against the earlier period, split into its parts. */
    changeSection: (label: string) => string;
    changePart: string;
    /** The amounts of the change block: effects on net profit (more cost is negative). */
    profitEffect: string;
    /** An activity's part for its quantities changed, at the earlier cost per unit. */
    changeVolume: (activity: string) => string;
    /** An activity's part for its cost per unit changed, at this period's quantities. */
    changeRate: (activity: string) => string;
    changeUnused: string;
    changeTotal: string;
    /** Under the change block of a customer the earlier period did not have. */
    newCustomer: (label: string) => string;
  };

  /** Break-even actions per loss-making customer (report-actions.ts). Amounts stand in the cell after a text. */
  actions: {
    title: string;
    /** How the fee and the minimum order size are found. */
    method: string;
    /** Which of the two settings to set, by their names in this language, before the order columns appear. */
    missingSettings: (missing: { orderDriver: boolean; orderLineDriver: boolean }) => string;
    /** Followed by the loss-making customers' net profit together. */
    lossSummary: (count: number) => string;
    /** Followed by the worst customer's break-even fee per order. */
    worstFee: (name: string) => string;
    /** The worst customer placed no orders. */
    worstNoOrders: (name: string) => string;
    /** Without OrderDriver. */
    worstIs: (name: string) => string;
    /** Followed by the percentile's value. */
    percentile: string;
    none: string;
    rank: string;
    customer: string;
    name: string;
    netProfit: string;
    activity: (n: number) => string;
    activityCost: (n: number) => string;
    orders: (driver: string) => string;
    lines: (driver: string) => string;
    linesPerOrder: string;
    fee: string;
    minimumLines: string;
    assessment: string;
    plausible: string;
    notPlausible: string;
    notByOrderSize: string;
    noOrders: string;
    /** How the fee is weighed against the order value (issue 17). */
    methodFee: string;
    /** How the combined proposal of a minimum order and a fee is made. */
    methodCombined: string;
    /** The drivers that fall with the orders under a minimum order (OrderFollowingDrivers), comma-separated. */
    following: (drivers: string) => string;
    /** Followed by PlausibleFeeShare as a percentage. */
    feeShareLimit: string;
    /** Followed by the combined proposals' minimum lines per order. */
    combinedLines: string;
    averageOrderValue: string;
    feeShare: string;
    feeAssessment: string;
    feePlausible: string;
    feeNotPlausible: string;
    /** Net revenue is zero or negative: no order value to weigh a fee against. */
    feeNoValue: string;
    combinedMinimum: string;
    combinedFee: string;
    combinedFeeShare: string;
    combinedAssessment: string;
    combinedPlausible: string;
    combinedNotPlausible: string;
    /** The customer already orders at least the combined minimum. */
    combinedNoChange: string;
  };

  /** What-if scenarios (report-scenarios.ts): each scenario before and after, its capacity effect and the customers it changes. */
  scenarios: {
    title: string;
    /** Why there are two operating-profit lines. */
    explanation: string;
    scenario: (name: string) => string;
    figure: string;
    before: string;
    after: string;
    change: string;
    netRevenue: string;
    fees: string;
    costToServe: string;
    customerNetProfit: string;
    unusedCapacityCost: string;
    unassignedCost: string;
    operatingProfitToday: string;
    operatingProfitResized: string;
    reconciliation: string;
    amount: string;
    baselineOperatingProfit: string;
    changeInCustomerNetProfit: string;
    lessChangeInUnused: string;
    lessChangeInUnassigned: string;
    plusFreedCost: string;
    pool: string;
    capacityBefore: string;
    capacityAfter: string;
    usedBefore: string;
    usedAfter: string;
    freedMinutes: string;
    freedFte: string;
    freedCost: string;
    /** No MinutesPerFTE setting and no FTE column: the staff column stays blank. */
    noFte: string;
    customer: string;
    name: string;
    netProfitBefore: string;
    netProfitAfter: string;
    customerFees: string;
    noCustomers: string;
    /** More customers changed than are listed. */
    moreCustomers: (more: number) => string;
  };

  rollups: {
    section: (dimension: string) => string;
    customers: string;
    lossMaking: string;
    netRevenue: string;
    grossMargin: string;
    costToServe: string;
    directCosts: string;
    netProfit: string;
    netProfitPercent: string;
    /** The group of customers with a blank value. */
    blank: string;
  };
}

const CATALOGUES: { readonly [L in ReportLanguage]: ReportText } = { en: REPORT_TEXT_EN, nl: REPORT_TEXT_NL };

/** The report texts of a language. */
export function reportText(language: ReportLanguage): ReportText {
  return CATALOGUES[language];
}

/** The report sheets' names in a language. */
export function reportSheetNames(language: ReportLanguage): { readonly [R in ReportRole]: string } {
  return CATALOGUES[language].sheetNames;
}

/** The roles in the order the sheets are added to a workbook. */
export const REPORT_ROLES: readonly ReportRole[] = ['pnl', 'rates', 'summary', 'actions'];

/**
 * Roles of sheets written only for some models (the cost flow, when the model has a first stage; the
 * comparison, when an earlier period is given): known by
 * name like the others, but not among the sheets every run writes, so a model without them is not stopped
 * by a user's sheet that happens to carry such a name.
 */
export const OPTIONAL_REPORT_ROLES: readonly ReportRole[] = ['costFlow', 'comparison', 'sensitivity'];

/**
 * The role whose sheet name, in any language, is `name` (compared as Excel compares sheet names,
 * ignoring case); null for any other name. Used for sheets marked before the mark named the role.
 */
export function roleOfSheetName(name: string): ReportRole | null {
  const key = name.toLowerCase();
  for (const language of REPORT_LANGUAGES) {
    for (const role of [...REPORT_ROLES, ...OPTIONAL_REPORT_ROLES]) if (CATALOGUES[language].sheetNames[role].toLowerCase() === key) return role;
  }
  return null;
}
