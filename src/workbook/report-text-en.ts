/**
 * The report sheets' texts in English. The sheet names are a public interface (users' formulas point at
 * them), and tests compare the sheets to the letter: a change here is a change of public output.
 */
import type { ReportText } from './report-text';

export const REPORT_TEXT_EN: ReportText = {
  sheetNames: {
    pnl: 'ABC Customer P&L',
    rates: 'ABC Rates',
    summary: 'ABC Summary',
    actions: 'ABC Actions',
    scenarios: 'ABC Scenarios',
  },

  common: {
    note: (a) =>
      `Period: ${a.period ?? '(not set)'} · Currency: ${a.currency} · ${
        a.unusedCapacity === 'assign'
          ? 'unused capacity charged to customers in proportion to the minutes they used'
          : 'unused capacity reported separately, not charged to customers'
      }`,
    total: 'Total',
    true: 'TRUE',
    false: 'FALSE',
    method: { time: 'Time-driven', share: 'Share of pool', rate: 'Rate' },
  },

  pnl: {
    title: 'Customer profitability: P&L per customer (activity-based costing)',
    rank: 'Rank',
    customer: 'Customer',
    name: 'Name',
    revenue: 'Revenue',
    discounts: 'Discounts',
    netRevenue: 'Net revenue',
    cogs: 'COGS',
    grossMargin: 'Gross margin',
    grossMarginPercent: 'Gross margin %',
    unusedCapacityOf: (pool) => `Unused capacity: ${pool}`,
    costToServe: 'Cost to serve',
    directCosts: 'Direct costs',
    netProfit: 'Net profit',
    netProfitPercent: 'Net profit %',
    cumulativeNetProfit: 'Cumulative net profit',
    cumulativeProfitShare: 'Cumulative profit share',
    // Kept as written before ("1 customers"): the English report is compared to the letter.
    customerCount: (n) => `${n} customers`,
  },

  rates: {
    title: 'Activity-based costing: pools, activities and rates',
    poolsSection: 'Resource cost pools',
    pool: 'Pool',
    method: 'Method',
    cost: 'Cost',
    capacityMinutes: 'Capacity (min)',
    costPerMinute: 'Cost per minute',
    usedMinutes: 'Used (min)',
    unusedMinutes: 'Unused (min)',
    unusedCapacityCost: 'Unused capacity cost',
    unassigned: 'Unassigned',
    activitiesCost: "Activities' cost",
    timeDrivenPool: 'Time-driven',
    sharePool: 'Conventional (shares)',
    activitiesSection: 'Activities and drivers',
    activity: 'Activity',
    driver: 'Driver',
    termValue: 'Minutes / share / rate',
    totalQuantity: 'Total quantity',
    costPerDriverUnit: 'Cost per driver unit',
    activityCost: 'Activity cost',
    businessSustaining: '(business-sustaining, no driver)',
  },

  summary: {
    title: 'Activity-based customer profitability: summary',
    headlineSection: 'Headline figures',
    figure: 'Figure',
    value: 'Value',
    revenue: 'Revenue',
    discounts: 'Discounts',
    netRevenue: 'Net revenue',
    cogs: 'Cost of goods sold',
    grossMargin: 'Gross margin',
    grossMarginPercent: 'Gross margin %',
    costToServe: 'Cost to serve',
    directCosts: 'Direct customer costs',
    customersNetProfit: 'Net profit of customers',
    netProfitPercent: 'Net profit %',
    unusedCapacityCost: 'Unused capacity cost (not charged to customers)',
    unassignedCost: 'Unassigned cost',
    operatingProfit: 'Operating profit',
    customers: 'Customers',
    lossMakingCustomers: 'Loss-making customers',
    lossMakingShare: 'Share of loss-making customers',
    lossMakingProfit: 'Net profit of loss-making customers',
    topShare: (count) => `Share of profit earned by the top 20% (${count} customer${count === 1 ? '' : 's'})`,

    poolSection: 'Reconciliation per pool: cost = activities + unused capacity + unassigned',
    pool: 'Pool',
    cost: 'Cost',
    activitiesCost: "Activities' cost",
    notCharged: 'of which not charged to customers',
    poolUnusedCost: 'Unused capacity cost',
    poolUnassigned: 'Unassigned (shares below 100%)',
    difference: 'Difference',

    companySection: 'Reconciliation of the company result',
    line: 'Line',
    amount: 'Amount',
    sumOfCustomerProfit: 'Sum of customer net profit',
    lessUnusedCapacity: 'Less unused capacity cost not charged to customers',
    lessUnassigned: 'Less unassigned cost',
    differenceToReported: 'Difference to the reported operating profit',
    lessCogs: 'Less cost of goods sold',
    lessPoolCosts: 'Less pool costs',
    lessRateCosts: 'Less rate activity costs',
    lessDirectCosts: 'Less direct customer costs',

    warningsSection: 'Warnings',
    code: 'Code',
    location: 'Location',
    message: 'Message',
    noWarnings: 'No warnings.',
  },

  whale: {
    section: 'Whale curve',
    chartTitle: 'Whale curve: cumulative net profit',
    axisX: 'Customers, most profitable first',
    axisY: 'Cumulative net profit, % of total',
    series: 'Cumulative net profit',
    peak: 'Peak',
    noCustomers: 'There are no customers, so there is no whale curve.',
    notMeaningful: (profitable, lossMaking) =>
      `Total customer profit is not positive, so shares of it have no meaning: ${profitable === 1 ? '1 customer makes' : `${profitable} customers make`} a profit, ${lossMaking === 1 ? '1 makes' : `${lossMaking} make`} a loss.`,
    noneGiveBack: (profitable, customers) =>
      customers === 1
        ? 'The only customer earns all of the total profit.'
        : `The ${profitable === 1 ? 'one profitable customer earns' : `${profitable} profitable customers earn`} all of the total profit; no customer gives any of it back.`,
    peakAndTail: ({ peak, peakPercent, tail, givenBackPercent }) =>
      `The ${peak === 1 ? 'most profitable customer earns' : `${peak} most profitable customers earn`} ${peakPercent}% of total profit; ` +
      `the last ${tail === 1 ? 'one gives' : `${tail} give`} ${givenBackPercent}% of it back.`,
  },

  statement: {
    sheetPrefix: 'ABC Statement ',
    title: (customer, name) => `Customer statement: ${customer}${name === null ? '' : ` ${name}`}`,
    customer: 'Customer',
    name: 'Name',
    orders: (driver) => `Orders (${driver})`,
    segmentCustomers: (dimension, value) => `Customers with ${dimension} ${value}`,
    companyCustomers: 'Customers of the company',
    line: 'Line',
    thisCustomer: 'This customer',
    segmentAverage: (value) => `Average customer: ${value}`,
    companyAverage: 'Average customer: company',
    amount: 'Amount',
    perOrder: 'Per order',
    percentOfNetRevenue: '% of net revenue',
    trailSection: 'Where the cost to serve comes from',
    activity: 'Activity',
    driver: 'Driver',
    quantity: 'Quantity',
    minutesPerUnit: 'Minutes per unit',
    costPerUnit: 'Cost per unit',
    minutesUsed: 'Minutes used',
    trailTotal: 'Cost to serve',
    gone: (customer) =>
      `Customer ${customer} is no longer in ABC_Customers: this statement of an earlier run was emptied so that it shows no old figures. Delete the sheet when you no longer need it.`,
  },

  actions: {
    title: 'Break-even actions for loss-making customers',
    method:
      'Break-even fee: the loss divided by the orders, rounded up to the cent. Minimum lines per order: the same order lines in fewer orders; ' +
      "each order not placed saves the minutes of its time equations at today's cost per minute (capacity unchanged) and its rates; " +
      "a share of a conventional pool is taken at today's cost per unit, an approximation.",
    missingSettings: ({ orderDriver, orderLineDriver }) =>
      orderDriver && orderLineDriver
        ? 'Set the settings OrderDriver (the driver that counts orders) and OrderLineDriver (the driver that counts order lines) to see the break-even fee per order and the minimum order size.'
        : orderDriver
          ? 'Set the setting OrderDriver (the driver that counts orders) to see the break-even fee per order and the minimum order size.'
          : 'Set the setting OrderLineDriver (the driver that counts order lines) to see the minimum order size.',
    lossSummary: (count) => (count === 1 ? '1 customer loses money, together' : `${count} customers lose money, together`),
    worstFee: (name) => `The worst, ${name}, would break even with an order fee per order of`,
    worstNoOrders: (name) => `The worst, ${name}, placed no orders, so no fee per order can make up its loss.`,
    worstIs: (name) => `Largest loss: ${name}.`,
    percentile: 'Lines per order: 90th percentile of the customers with orders (nearest rank)',
    none: 'No customer loses money, so none needs an action to break even.',
    rank: 'Rank',
    customer: 'Customer',
    name: 'Name',
    netProfit: 'Net profit',
    activity: (n) => `Activity ${n}`,
    activityCost: (n) => `Cost of activity ${n}`,
    orders: (driver) => `Orders (${driver})`,
    lines: (driver) => `Order lines (${driver})`,
    linesPerOrder: 'Lines per order now',
    fee: 'Break-even fee per order',
    minimumLines: 'Minimum lines per order to break even',
    assessment: 'Assessment',
    plausible: 'Plausible: within what 90% of customers order',
    notPlausible: 'Not plausible: above what 90% of customers order (the 90th percentile above)',
    notByOrderSize: 'Order size alone cannot make up the loss',
    noOrders: 'No orders',
    methodFee:
      'Average order value: net revenue divided by the orders. The fee is plausible when it is at most the share of the average order value given below ' +
      '(setting PlausibleFeeShare, 10% unless set); the share is the loss divided by the net revenue, since the orders cancel out.',
    methodCombined:
      'Combined proposal, only when neither a plausible minimum order nor a plausible fee alone makes up the loss: a minimum order at the 90th percentile ' +
      'of lines per order rounded down to one decimal (the figure below), so the same lines come in lines ÷ minimum orders (not rounded); what those orders ' +
      'no longer cost is saved, and the loss that remains is the fee per remaining order, rounded up to the cent, weighed against the new, larger order value.',
    following: (drivers) => `A minimum order also lowers, in proportion to the orders (per order they stay the same, not rounded): ${drivers}.`,
    feeShareLimit: 'Plausible order fee: at most this share of the average order value',
    combinedLines: 'Combined proposals: minimum lines per order',
    averageOrderValue: 'Average order value',
    feeShare: 'Fee as % of order value',
    feeAssessment: 'Fee plausible?',
    feePlausible: 'Plausible: within the plausible share of the order value',
    feeNotPlausible: 'Not plausible: above the plausible share of the order value',
    feeNoValue: 'Not plausible: no net revenue',
    combinedMinimum: 'Combined: minimum lines per order',
    combinedFee: 'Combined: fee per order',
    combinedFeeShare: 'Combined: fee as % of order value',
    combinedAssessment: 'Combined plausible?',
    combinedPlausible: 'Plausible: within the 90th percentile and the plausible share',
    combinedNotPlausible: 'Not plausible: the remaining fee is still above the plausible share',
    combinedNoChange: 'Already orders at least this many lines: only the fee is left',
  },

  scenarios: {
    title: 'What-if scenarios: before and after, with their capacity effect',
    explanation:
      "With today's capacity, minutes a scenario frees stay as unused capacity and cost the same; with capacity resized to what is used, their cost is gone (staff released or moved). Minutes needed beyond today's work count the other way.",
    scenario: (name) => `Scenario: ${name}`,
    figure: 'Figure',
    before: 'Before',
    after: 'After',
    change: 'Change',
    netRevenue: 'Net revenue',
    fees: 'of which fees',
    costToServe: 'Cost to serve',
    customerNetProfit: "Customers' net profit",
    unusedCapacityCost: 'Unused capacity cost',
    unassignedCost: 'Unassigned cost',
    operatingProfitToday: "Operating profit with today's capacity",
    operatingProfitResized: 'Operating profit with capacity resized to what is used',
    reconciliation: 'Reconciliation with today',
    amount: 'Amount',
    baselineOperatingProfit: 'Operating profit today',
    changeInCustomerNetProfit: "+ change in customers' net profit",
    lessChangeInUnused: '− change in unused capacity cost',
    lessChangeInUnassigned: '− change in unassigned cost',
    plusFreedCost: '+ cost of the minutes freed',
    pool: 'Pool',
    capacityBefore: 'Capacity before (min)',
    capacityAfter: 'Capacity after (min)',
    usedBefore: 'Used before (min)',
    usedAfter: 'Used after (min)',
    freedMinutes: 'Minutes freed',
    freedFte: 'Staff freed (FTE)',
    freedCost: 'Cost of the minutes freed',
    noFte: 'Staff freed is shown when ABC_Settings gives MinutesPerFTE or ABC_Pools an FTE column.',
    customer: 'Customer',
    name: 'Name',
    netProfitBefore: 'Net profit before',
    netProfitAfter: 'Net profit after',
    customerFees: 'Fees charged',
    noCustomers: "No customer's net profit changes.",
    moreCustomers: (more) => `… and ${more} more customers whose net profit changes (the largest changes are listed).`,
  },

  rollups: {
    section: (dimension) => `Net profit by ${dimension}`,
    customers: 'Customers',
    lossMaking: 'Loss-making',
    netRevenue: 'Net revenue',
    grossMargin: 'Gross margin',
    costToServe: 'Cost to serve',
    directCosts: 'Direct costs',
    netProfit: 'Net profit',
    netProfitPercent: 'Net profit %',
    blank: '(blank)',
  },
};
