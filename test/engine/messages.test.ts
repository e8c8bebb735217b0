import { error, warning } from '../../src/engine/issues';
import { type MessageArgs, type MessageId, type MessageText, messageIds, msg, renderMessage } from '../../src/engine/messages';
import { COLUMN_NAMES_EN, SETTING_NAMES_EN } from '../../src/engine/messages-en';
import { COLUMN_NAMES_NL, SETTING_NAMES_NL } from '../../src/engine/messages-nl';
import { validateModel } from '../../src/engine/validate';
import { readContract } from '../../src/workbook/contract';
import { CONTRACT_HEADERS, CONTRACT_RANGES } from '../../src/workbook/contract-spec';
import { SETTING_NAMES } from '../../src/workbook/read-settings';
import { grid, validGrids } from '../workbook/contract-fixtures';

const cost = { header: 'Cost', key: 'cost' } as const;

/** Sample arguments for every message; typed so that a new message id must be added here. */
const SAMPLES: { [K in MessageId]: MessageArgs[K] } = {
  verbatim: { text: 'Some text from a tool.' },
  missingRange: { range: 'ABC_Pools' },
  blankRange: { range: 'ABC_Volumes' },
  noRows: { range: 'ABC_Customers' },
  missingColumn: { range: 'ABC_Pools', accepted: 'Cost / Kosten', reason: 'blankHeaderRow' },
  duplicateColumn: { column: 'cost', first: 'Cost', header: 'Kosten' },
  duplicateOtherColumn: { kind: 'dimension', header: 'Segment', first: 'segment' },
  nearMissHeader: { kind: 'dimension', header: 'Kortingen', range: 'ABC_Customers', resembles: 'Korting' },
  errorValue: { column: cost, error: '#N/A' },
  notANumber: { column: cost, found: '"lots"' },
  negativeValue: { column: cost, found: '-12.5' },
  missingText: { column: { header: 'Pool', key: 'pool' }, what: 'poolName' },
  missingNumber: { column: { header: 'Revenue', key: 'revenue' } },
  capacityNotPositive: { column: { header: 'Capacity', key: 'capacity' }, found: '-0.5' },
  invalidUnit: { column: { header: 'Unit', key: 'unit' }, found: 'days' },
  noMethod: { activity: 'Picking' },
  severalMethods: { activity: 'Picking' },
  rangeLowAboveEstimate: { activity: 'Picking', column: { header: 'Low', key: 'low' }, found: '6', method: { header: 'Minutes', key: 'minutes' }, estimate: '5' },
  rangeHighBelowEstimate: { activity: null, column: { header: 'Hoog', key: 'high' }, found: '40%', method: { header: 'Aandeel', key: 'share' }, estimate: '50%' },
  rangeIncomplete: { activity: 'Picking', given: { header: 'Low', key: 'low' }, blank: { header: 'High', key: 'high' } },
  noShareOrQuantity: { from: 'IT', to: 'Sales' },
  shareAndQuantity: { from: 'IT', to: null },
  shareOutOfRange: { column: { header: 'Share', key: 'share' }, found: '150%' },
  moreRows: { more: 250, range: 'ABC_Activities', listed: 100 },
  moreCells: { more: 17, column: { header: 'Quantity', key: 'quantity' }, listed: 100 },
  formulaNotCalculated: { column: { header: 'Quantity', key: 'quantity' }, formula: '450*2' },
  storedNotANumber: { column: { header: 'Revenue', key: 'revenue' }, stored: '900,5' },
  percentForAmount: { column: { header: 'Discounts', key: 'discounts' }, shown: '2%' },
  ambiguousNumberText: { column: { header: 'Quantity', key: 'quantity' }, found: '"1.234"', thousands: '1234', decimal: '1.234' },
  numberOutOfRange: { column: cost, found: '"1e400"' },
  derivedOutOfRange: { kind: 'pool', name: 'Warehouse', what: 'cost', value: '1.5e+20' },
  unknownSetting: { name: 'Colour' },
  settingTwice: { name: 'valuta', first: 'Settings!A2' },
  settingErrorValue: { setting: 'period', error: '#NAME?' },
  invalidSetting: { setting: 'currency', found: '"US Dollar"' },
  unknownOrderDriver: { driver: 'Ordres', drivers: 'Orders, Order lines' },
  unknownOrderLineDriver: { driver: 'Orderlines', drivers: 'Orders, Order lines' },
  unknownStatementSegment: { dimension: 'Segmnt', dimensions: 'Segment, Region' },
  unknownOrderFollowingDriver: { driver: 'Drops', drivers: 'Orders, Delivery drops' },
  orderFollowingLineDriver: { driver: 'Order lines' },
  invalidPlausibleFeeShare: { found: '10' },
  invalidDefaultRange: { found: '"20"' },
  invalidSimulations: { found: '0' },
  invalidSeed: { found: '-1' },
  duplicatePool: { pool: 'Warehouse', first: 'Pools!A3' },
  duplicateCustomer: { customer: 'C-2', first: 'Customers!A3' },
  poolOnRateRow: { activity: 'Delivery', pool: 'Warehouse' },
  missingPool: { activity: 'Picking', method: 'share' },
  unknownPool: { activity: 'Picking', pool: 'Warehous' },
  missingDriver: { activity: 'Picking', method: 'rate' },
  mixedMethodsInActivity: { activity: 'Picking', firstMethod: 'minutes', first: 'Activities!A5', method: 'rate' },
  activityInSeveralPools: { activity: 'Picking', firstPool: 'Warehouse', first: 'Activities!A5', pool: 'Management' },
  severalSharesForActivity: { activity: 'Account management', first: 'Activities!A6' },
  unusedPool: { pool: 'Management', reportedAs: 'unusedCapacity' },
  mixedMethodsInPool: { pool: 'Management', minutesAt: 'Activities!A2', shareAt: 'Activities!A6' },
  missingCapacity: { pool: 'Warehouse' },
  sharesOverOne: { pool: 'Management', percent: '120.5' },
  capacityIgnored: { pool: 'Management' },
  unknownCustomer: { customer: 'C-9', range: 'ABC_Volumes', rows: 3 },
  driverWithoutVolumes: { driver: 'Pallets', activity: 'Picking', anyVolumes: true },
  unusedVolumeDriver: { driver: 'Pallets' },
  // Figures under 1,000, so they show ungrouped (grouping has its own test below).
  overCapacity: { pool: 'Warehouse', used: '840.5', over: '140.5', capacity: '700', percent: '120.1', cost: '112.40', currency: 'EUR' },
  lowCapacityUse: { pool: 'Warehouse', percent: '11.6', used: '81.2', capacity: '700', cost: '581.91', currency: 'EUR' },
  paidMinutesGap: { pool: 'Inside sales', capacity: '960', fte: '12.5', minutesPerFte: '64', paid: '800', percent: '20.0', more: true },
  zeroDriverCharge: { driver: 'Returns', activity: 'Returns handling', method: 'minutes' },
  revenueWithoutVolumes: { customers: ['C-1', 'C-2', 'C-3', 'C-4', 'C-5'], count: 7 },
  volumesWithoutRevenue: { customers: ['C-9', 'C-10', 'C-11', 'C-12', 'C-13'], count: 6 },
  zeroDriverQuantity: { driver: 'Returns', activity: 'Returns handling' },
  unusedNotAssignable: { pool: 'Warehouse' },
  nameNotARange: { name: 'ABC_Settings', formula: '="EUR"' },
  dateSystemUnknown: { found: '#VALUE!' },
  ambiguousRangeName: { name: 'ABC_Volumes', sheets: ['Jan', 'Feb', 'Mar 2024'] },
  badReference: { name: 'ABC_Customers', problem: 'severalAreas', reference: 'Data!$A$1:$A$2,Data!$C$1:$C$2', areas: 2 },
  referenceToMissingSheet: { name: 'ABC_Activities', sheet: 'Old sheet' },
  referenceToNonWorksheet: { name: 'ABC_Pools', sheet: 'Chart1' },
  reportSheetTaken: { sheet: 'ABC Summary' },
  reportNameTaken: { name: 'ABC_PnL' },
  textCut: { length: 40000, limit: 32767 },
  historyNoPeriod: {},
  historyUnreadable: { column: 'Revenue', found: '"lots"', problem: 'notANumber' },
  historyTooLarge: { rows: 1_100_000, limit: 1_048_575 },
  invalidMinutesPerFte: { found: '"lots"' },
  scenarioUnknownChange: {},
  scenarioScopeUnknownDimension: { dimension: 'Segmnt', dimensions: 'Segment, Region' },
  scenarioScopeUnknownCustomer: { customer: 'C-9' },
  scenarioScopeMatchesNone: { dimension: 'Segment', value: 'Horeca' },
  scenarioScopeNotAll: { pool: 'Inside sales' },
  scenarioTargetMissing: { kind: 'minutes' },
  scenarioTargetNotTaken: { kind: 'price', target: 'Orders' },
  scenarioUnknownDriver: { driver: 'Ordres', drivers: 'Orders, Order lines' },
  scenarioUnknownActivity: { activity: 'Picking', activities: 'Order entry, Invoicing' },
  scenarioUnknownTerm: { activity: 'Order entry', driver: 'Pallets', drivers: 'Orders, Order lines' },
  scenarioAmbiguousTerm: { activity: 'Order entry', drivers: 'Orders, Order lines' },
  scenarioUnknownPool: { pool: 'Sales', pools: 'Inside sales, Warehouse' },
  scenarioNeedsPercent: { kind: 'quantity', found: '0.3', what: 'change' },
  scenarioNeedsNumber: { kind: 'fee', found: '15%' },
  scenarioPercentBelowMinus100: { found: '-150%' },
  scenarioValueNotPositive: { kind: 'minimumOrder', found: '0' },
  scenarioNeedsOrderDrivers: { what: 'orderLineDriver' },
  unknownSupportPool: { pool: 'Facilties', what: 'to' },
  supportToItself: { pool: 'IT' },
  supportNegative: { pool: 'IT', to: 'Warehouse', what: 'quantity', found: '-12' },
  supportRowBasis: { pool: 'IT', to: 'Warehouse', what: 'both' },
  supportMixedBasis: { pool: 'IT', shareAt: 'Support!A2', quantityAt: 'Support!A3' },
  supportSharesOverOne: { pool: 'HR', percent: '112.5' },
  supportQuantitiesZero: { pool: 'Facilities' },
  supportPoolHasActivities: { pool: 'Management' },
  supportClosedLoop: { pools: ['IT', 'HR', 'Facilities'] },
  unknownLedgerPool: { pool: 'Warehous', account: '4100' },
  poolCostNotLedger: { pool: 'Warehouse', cost: '120000.00', ledger: '118500.00', accounts: ['4000', '4100', '4300'], more: 2 },
  noLedgerLines: { pool: 'Transport' },
  compareCurrency: { earlier: 'USD', now: 'EUR' },
  compareSameLabel: { label: '2026' },
  compareIdChanged: { now: '01001', then: '1001' },
  compareNotAResult: { file: 'result-2025.json', what: 'badField', field: 'customers[3].netProfit' },
  compareEarlierFailed: { file: 'result-2025.json', errors: 2, first: 'ABC_Pools has headers but no rows.' },
  compareWithoutQuantities: { file: 'result-2025.json' },
};

/** Arguments that choose a phrasing rather than carry a value to show. */
const CHOOSERS = new Set(['reason', 'kind', 'what', 'setting', 'method', 'firstMethod', 'reportedAs', 'anyVolumes', 'problem', 'more']);

/** Every value a message must show, whatever the language: names, cells, numbers, headers. */
function shownValues(id: MessageId, args: object): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (CHOOSERS.has(name) || value === null) continue;
    if (id === 'duplicateColumn' && name === 'column') continue;
    if (Array.isArray(value)) values.push(...value.map(String));
    else if (typeof value === 'object') values.push(String((value as { header: string }).header));
    else values.push(String(value));
  }
  return values;
}

function text(id: MessageId): MessageText {
  return msg(id, SAMPLES[id] as never);
}

describe('the message catalog', () => {
  it('has sample arguments for every id, and only for ids', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(messageIds().sort());
  });

  it.each(messageIds())('renders %s in English and in a different Dutch, without a placeholder left', (id) => {
    const en = renderMessage(text(id), 'en');
    const nl = renderMessage(text(id), 'nl');
    for (const rendered of [en, nl]) {
      expect(rendered).toMatch(/\S/);
      expect(rendered).not.toMatch(/\$\{|\}|undefined|null|NaN|\[object/);
      expect(rendered).toMatch(/[.!?]$/);
    }
    if (id === 'verbatim') expect(nl).toBe(en);
    else expect(nl).not.toBe(en);
  });

  it.each(messageIds())('shows the same names, values and cells in both languages: %s', (id) => {
    const en = renderMessage(text(id), 'en');
    const nl = renderMessage(text(id), 'nl');
    for (const value of shownValues(id, SAMPLES[id])) {
      expect(en).toContain(value);
      // Dutch writes a computed decimal with a comma.
      expect([value, value.replace('.', ',')].some((v) => nl.includes(v))).toBe(true);
    }
  });

  it('phrases every choice of a chooser argument in both languages', () => {
    const variants: MessageText[] = [
      ...(['nothing', 'deletedRange', 'formula', 'severalAreas', 'notAReference', 'otherWorkbook', 'severalSheets', 'outsideSheet'] as const).map((problem) =>
        msg('badReference', { name: 'ABC_Pools', problem, reference: 'Data!X', areas: 2 }),
      ),
      ...(['none', 'blankHeaderRow', 'noMethodColumn', 'longFormVolumes', 'noSupportBasisColumn'] as const).map((reason) =>
        msg('missingColumn', { range: 'ABC_Pools', accepted: 'Cost / Kosten', reason }),
      ),
      ...(['activityName', 'poolName', 'customerId', 'driverName', 'settingName', 'costItem', 'account'] as const).map((what) =>
        msg('missingText', { column: cost, what }),
      ),
      ...(['currency', 'period', 'unusedCapacity'] as const).map((setting) => msg('settingErrorValue', { setting, error: '#N/A' })),
      msg('invalidSetting', { setting: 'unusedCapacity', found: '"spread"' }),
      msg('invalidSetting', { setting: 'supportMethod', found: '"sweep"' }),
      msg('noShareOrQuantity', { from: null, to: null }),
      msg('duplicateOtherColumn', { kind: 'driver', header: 'Orders', first: 'orders' }),
      msg('missingPool', { activity: 'A', method: 'minutes' }),
      msg('missingDriver', { activity: 'A', method: 'minutes' }),
      msg('mixedMethodsInActivity', { activity: 'A', firstMethod: 'share', first: null, method: 'minutes' }),
      msg('unusedPool', { pool: 'P', reportedAs: 'unassigned' }),
      msg('driverWithoutVolumes', { driver: 'D', activity: 'A', anyVolumes: false }),
      msg('unknownCustomer', { customer: 'C', range: null, rows: 1 }),
      msg('noMethod', { activity: null }),
      msg('paidMinutesGap', { pool: 'P', capacity: '1', fte: '1', minutesPerFte: '1', paid: '1', percent: '1', more: false }),
      msg('zeroDriverCharge', { driver: 'D', activity: 'A', method: 'rate' }),
      msg('revenueWithoutVolumes', { customers: ['C'], count: 1 }),
      msg('volumesWithoutRevenue', { customers: ['C', 'D'], count: 2 }),
      msg('unknownSupportPool', { pool: 'P', what: 'from' }),
      msg('supportNegative', { pool: 'P', to: 'Q', what: 'share', found: '-1' }),
      msg('supportRowBasis', { pool: 'P', to: 'Q', what: 'none' }),
      ...(['notJson', 'notAnObject', 'noCustomers', 'noActivities', 'noPools', 'noTotals'] as const).map((what) =>
        msg('compareNotAResult', { file: 'r.json', what, field: null }),
      ),
      msg('compareEarlierFailed', { file: 'r.json', errors: 1, first: 'Oops.' }),
    ];
    const seen = new Set<string>();
    for (const v of variants) {
      const en = renderMessage(v, 'en');
      const nl = renderMessage(v, 'nl');
      expect(nl).not.toBe(en);
      expect(`${en} ${nl}`).not.toMatch(/\$\{|undefined|null|\[object/);
      seen.add(nl);
    }
    expect(seen.size).toBe(variants.length);
  });

  it('names the contract columns and settings as the contract does', () => {
    for (const range of CONTRACT_RANGES) {
      for (const column of CONTRACT_HEADERS[range].columns) {
        expect([range, column.key, COLUMN_NAMES_EN[column.key]]).toEqual([range, column.key, column.en]);
        expect([range, column.key, COLUMN_NAMES_NL[column.key]]).toEqual([range, column.key, column.nl]);
      }
    }
    for (const s of SETTING_NAMES) {
      expect(SETTING_NAMES_EN[s.key]).toBe(s.en);
      expect(SETTING_NAMES_NL[s.key]).toBe(s.nl);
    }
  });

  it('speaks of a column by its Dutch name, and adds the header when the workbook says something else', () => {
    expect(renderMessage(msg('notANumber', { column: { header: 'Cost', key: 'cost' }, found: '"lots"' }), 'nl')).toBe(
      'Kosten ("Cost") moet een getal zijn; er staat "lots".',
    );
    expect(renderMessage(msg('notANumber', { column: { header: 'kosten', key: 'cost' }, found: '"lots"' }), 'nl')).toBe(
      'kosten moet een getal zijn; er staat "lots".',
    );
    expect(renderMessage(msg('errorValue', { column: { header: 'Segment', key: null }, error: '#N/A' }), 'nl')).toBe(
      'Segment bevat de foutwaarde #N/A.',
    );
  });

  it('phrases chosen parts in Dutch terms', () => {
    expect(renderMessage(text('missingPool'), 'nl')).toBe('Activiteit "Picking" heeft een Aandeel maar geen Kostenpool.');
    expect(renderMessage(text('sharesOverOne'), 'nl')).toBe('De aandelen van kostenpool "Management" tellen op tot 120,5%, meer dan 100%.');
    expect(renderMessage(msg('duplicatePool', { pool: 'Warehouse', first: null }), 'nl')).toBe(
      'Kostenpool "Warehouse" komt twee keer voor (eerst op een eerdere rij).',
    );
    expect(renderMessage(msg('duplicatePool', { pool: 'Warehouse', first: null }), 'en')).toBe(
      'Pool "Warehouse" is listed twice (first at an earlier row).',
    );
  });
});

describe('figures in plausibility warnings', () => {
  it('group minutes in thousands and give money its currency, in each language', () => {
    const over = msg('overCapacity', { pool: 'Warehouse', used: '840000.5', over: '140000.5', capacity: '700000', percent: '120.1', cost: '-1234567.80', currency: 'EUR' });
    expect(renderMessage(over, 'en')).toBe(
      'Pool "Warehouse" used 840,000.5 minutes, 120.1% of its practical capacity of 700,000 (140,000.5 more): customers are charged EUR -1,234,567.80 more than the pool costs, shown as negative unused capacity. Check the minutes per driver unit or the capacity.',
    );
    expect(renderMessage(over, 'nl')).toBe(
      'Kostenpool "Warehouse" gebruikte 840.000,5 minuten, 120,1% van de praktische capaciteit van 700.000 (140.000,5 meer): klanten krijgen EUR -1.234.567,80 meer toegerekend dan de kostenpool kost, getoond als negatieve onbenutte capaciteit. Controleer de minuten per eenheid van de kostendrijver of de capaciteit.',
    );
  });

  it('name a single customer, or the count and the first of many', () => {
    expect(renderMessage(msg('revenueWithoutVolumes', { customers: ['C-1'], count: 1 }), 'en')).toBe(
      'Customer "C-1" has revenue but no volumes in ABC_Volumes, so it carries no cost to serve and looks more profitable than it is.',
    );
    expect(renderMessage(msg('volumesWithoutRevenue', { customers: ['1', '2', '3', '4', '5'], count: 200 }), 'nl')).toBe(
      '200 klanten hebben aantallen in ABC_Volumes maar geen omzet (de eerste 5: 1, 2, 3, 4 en 5), dus hun bedieningskosten zijn puur verlies. Controleer hun Omzet in ABC_Customers.',
    );
  });
});

describe('issues carry their message as data', () => {
  it('keep the English rendering as the message, and a plain string as it is in every language', () => {
    const made = warning('UNUSED_POOL', msg('unusedPool', { pool: 'Management', reportedAs: 'unassigned' }), { range: 'ABC_Pools' });
    expect(made.message).toBe('No activity uses pool "Management": its cost is reported as cost not charged to customers and reaches no customer.');
    expect(renderMessage(made.text, 'nl')).toBe(
      'Geen enkele activiteit gebruikt kostenpool "Management": de kosten ervan worden gerapporteerd als niet aan klanten toegerekende kosten en komen bij geen enkele klant terecht.',
    );
    const plain = error('MISSING_RANGE', 'No ABC_Pools.');
    expect(plain.message).toBe('No ABC_Pools.');
    expect(renderMessage(plain.text, 'nl')).toBe('No ABC_Pools.');
  });

  it('survive a structured clone (the Web Worker boundary) and render the same after it', () => {
    const grids = validGrids();
    grids.set('ABC_Pools', grid('ABC_Pools', 'Pools', [['Pool', 'Cost'], ['Warehouse', 'lots'], ['Warehouse', -3]]));
    const { model, issues } = readContract(grids);
    const all = [...issues, ...validateModel(model)];
    expect(all.map((i) => i.code)).toEqual(expect.arrayContaining(['NOT_A_NUMBER', 'NEGATIVE_VALUE', 'DUPLICATE_POOL']));
    const cloned = structuredClone(all);
    expect(cloned).toEqual(all);
    for (const issue of cloned) {
      expect(renderMessage(issue.text, 'en')).toBe(issue.message);
      expect(renderMessage(issue.text, 'nl')).not.toBe(issue.message);
    }
    const notANumber = cloned.find((i) => i.code === 'NOT_A_NUMBER');
    expect(notANumber?.where).toEqual({ range: 'ABC_Pools', sheet: 'Pools', cell: 'B2' });
    expect(notANumber && renderMessage(notANumber.text, 'nl')).toBe('Kosten ("Cost") moet een getal zijn; er staat "lots".');
  });
});
