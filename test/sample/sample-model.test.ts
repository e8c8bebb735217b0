import { dec, sum, type Dec } from '../../src/engine/decimal';
import { nameKey } from '../../src/engine/model';
import { DEFAULT_SAMPLE_SEED, generateSampleModel, sampleGrids, type SampleSheet } from '../../src/sample';
import { CONTRACT_HEADERS, CONTRACT_RANGES, columnHeaders, type ContractRangeName } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';

/** The sample has every range of the contract, the first stage (ABC_Resources, ABC_Support) included. */
const SAMPLE_RANGES = CONTRACT_RANGES;

const sheets = generateSampleModel();

function sheetOf(range: ContractRangeName): SampleSheet {
  const s = sheets.find((x) => x.rangeName === range);
  if (s === undefined) throw new Error(`no sheet for ${range}`);
  return s;
}

/** The data rows of a range as records keyed by header. */
function records(range: ContractRangeName): Array<Record<string, CellValue>> {
  const [header, ...rows] = sheetOf(range).rows;
  if (header === undefined) throw new Error(`${range} has no header row`);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}

function num(value: CellValue | undefined): number {
  if (typeof value !== 'number') throw new Error(`not a number: ${String(value)}`);
  return value;
}

function text(value: CellValue | undefined): string {
  if (typeof value !== 'string') throw new Error(`not text: ${String(value)}`);
  return value;
}

const total = (values: Iterable<Dec>): number => sum(values).toNumber();

describe('determinism', () => {
  test('the same seed gives the same model, and the default seed is 2026', () => {
    expect(DEFAULT_SAMPLE_SEED).toBe(2026);
    expect(generateSampleModel(2026)).toEqual(sheets);
    expect(generateSampleModel(7)).toEqual(generateSampleModel(7));
  });

  test('another seed gives another model of the same shape', () => {
    const other = generateSampleModel(7);
    expect(other.map((s) => [s.sheet, s.rangeName, s.rows[0]])).toEqual(sheets.map((s) => [s.sheet, s.rangeName, s.rows[0]]));
    expect(other.find((s) => s.rangeName === 'ABC_Customers')?.rows).not.toEqual(sheetOf('ABC_Customers').rows);
    expect(other.find((s) => s.rangeName === 'ABC_Volumes')?.rows).not.toEqual(sheetOf('ABC_Volumes').rows);
  });

  test('pins the default sample, so that a change to the generator is a deliberate one', () => {
    expect(sheets.map((s) => [s.rangeName, s.rows.length])).toEqual([
      ['ABC_Pools', 8],
      ['ABC_Activities', 18],
      ['ABC_Customers', 251],
      ['ABC_Volumes', 17885],
      ['ABC_CustomerCosts', 45],
      ['ABC_Settings', 8],
      ['ABC_Scenarios', 4],
      ['ABC_Resources', 71],
      ['ABC_Support', 19],
    ]);
    expect(sheetOf('ABC_Pools').rows).toEqual([
      ['Pool', 'Cost', 'Capacity', 'Unit', 'FTE', 'Note'],
      // Cost is blank: it comes from the ledger (test/sample/first-stage.test.ts).
      ['Inside sales', null, 960000, 'minutes', 12.5, '12.5 FTE × 1,600 h × 60 min × 80 % practical'],
      ['Administration', null, null, null, 7, '7 FTE; conventional ABC: cost split by a time survey (see Share in Activities)'],
      ['Warehouse', null, 1804800, 'minutes', 23.5, '23.5 FTE × 1,600 h × 60 min × 80 % practical'],
      ['Transport', null, 1920000, 'minutes', 25, '25 FTE × 1,600 h × 60 min × 80 % practical'],
      ['IT', null, null, null, 2.5, '2.5 FTE; support department without activities: its cost is passed on (see Support), basis: PCs and workstations'],
      ['HR & facilities', null, null, null, 3, '3 FTE; support department without activities: its cost is passed on (see Support), basis: Head count'],
      ['Management', null, null, null, 2, "2 FTE; support department without activities: its cost is passed on (see Support), basis: Management's estimate of its time"],
    ]);
    expect(sheetOf('ABC_Resources').rows.slice(0, 3)).toEqual([
      ['Account', 'Description', 'Amount', 'Pool'],
      [4000, 'Salaries inside sales', 437553.03, 'Inside sales'],
      [4001, 'Salaries administration', 229433.79, 'Administration'],
    ]);
    expect(total(records('ABC_Resources').map((l) => dec(num(l.Amount))))).toBe(7566250);
    const customers = records('ABC_Customers');
    expect(total(customers.map((c) => dec(num(c.Revenue))))).toBe(41824088.01);
    expect(sheetOf('ABC_Customers').rows[1]).toEqual([10008, 'Bistro De Vrijheid', 'Hospitality', 'Zuid', 'House account', 18868.14, 198.36, 13225.7]);
  });
});

describe('shape', () => {
  test('has one sheet per contract range, in the contract order, each on its own worksheet', () => {
    expect(sheets.map((s) => s.rangeName)).toEqual(SAMPLE_RANGES);
    expect(new Set(sheets.map((s) => s.sheet)).size).toBe(sheets.length);
  });

  test('every range is a full rectangle from A1 with every column formatted and sized', () => {
    for (const s of sheets) {
      const width = s.rows[0]?.length ?? 0;
      expect(width).toBeGreaterThan(1);
      expect(s.rows.filter((row) => row.length !== width)).toEqual([]);
      expect(s.columnWidths).toHaveLength(width);
      expect(s.numberFormats).toHaveLength(width);
      // No blank rows: the range covers exactly the data.
      expect(s.rows.filter((row) => row.every((v) => v === null || v === ''))).toEqual([]);
    }
  });

  test('every column of the contract is present, spelt as the contract accepts it', () => {
    const missing: string[] = [];
    for (const s of sheets) {
      const headers = (s.rows[0] ?? []).map((h) => nameKey(text(h)));
      for (const column of CONTRACT_HEADERS[s.rangeName].columns) {
        const accepted = columnHeaders(column).map(nameKey);
        if (!headers.some((h) => accepted.includes(h))) missing.push(`${s.rangeName}.${column.en}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('has 250 customers with unique ids and names and three dimensions', () => {
    const customers = records('ABC_Customers');
    expect(customers).toHaveLength(250);
    expect(new Set(customers.map((c) => num(c.Customer))).size).toBe(250);
    expect(new Set(customers.map((c) => text(c.Name).toLowerCase())).size).toBe(250);
    const values = (key: string): Set<string> => new Set(customers.map((c) => text(c[key])));
    expect([...values('Segment')].sort()).toEqual(['Hospitality', 'Independent retail', 'Institutions', 'Retail chain', 'Webshops']);
    expect([...values('Region')].sort()).toEqual(['Midden', 'Noord', 'Oost', 'West', 'Zuid']);
    expect(values('Account manager').size).toBe(7);
    expect(values('Account manager').has('House account')).toBe(true);
  });

  test('has four operating pools, one of them conventional, time-driven pools with capacity, and three support pools', () => {
    const all = records('ABC_Pools');
    const activities = records('ABC_Activities');
    expect(all.map((p) => p.Pool)).toEqual(['Inside sales', 'Administration', 'Warehouse', 'Transport', 'IT', 'HR & facilities', 'Management']);
    const pools = all.slice(0, 4);
    for (const p of pools) {
      const pool = text(p.Pool);
      const kinds = new Set(activities.filter((a) => a.Pool === pool).map((a) => (a.Minutes !== null ? 'time' : 'share')));
      expect(kinds.size).toBe(1);
      if (kinds.has('time')) {
        expect(num(p.Capacity)).toBeGreaterThan(0);
        expect(p.Unit).toBe('minutes');
        // Whole half FTEs of 1,600 h × 60 min × 80 %.
        expect(num(p.Capacity) % 38_400).toBe(0);
      } else {
        expect(pool).toBe('Administration');
        expect(p.Capacity).toBeNull();
      }
      // Every pool's cost comes from the ledger.
      expect(p.Cost).toBeNull();
    }
  });

  test('has a dozen activities; each row fills exactly one of Minutes, Share and Rate', () => {
    const activities = records('ABC_Activities');
    expect(new Set(activities.map((a) => a.Activity)).size).toBe(12);
    for (const a of activities) {
      const filled = [a.Minutes, a.Share, a.Rate].filter((v) => v !== null);
      expect([a.Activity, a.Driver, filled.length]).toEqual([a.Activity, a.Driver, 1]);
      expect(num(filled[0])).toBeGreaterThan(0);
      if (a.Rate !== null) expect(a.Pool).toBeNull();
      else expect(a.Pool).not.toBeNull();
    }
    const equation = activities.filter((a) => a.Activity === 'Order entry').map((a) => [a.Driver, a.Minutes]);
    expect(equation).toEqual([['Orders', 12], ['Order lines', 0.6], ['Rush orders', 15]]);
    expect(activities.filter((a) => a.Rate !== null).map((a) => [a.Activity, a.Driver, a.Rate])).toEqual([['Parcel shipments', 'Parcels', 8.25]]);
    expect(activities.filter((a) => a.Share !== null && a.Driver === null).map((a) => a.Activity)).toEqual(['General administration']);
  });

  test('the main time estimates have a range around them, the warehouse survey is one group, the others take DefaultRange', () => {
    const ranged = records('ABC_Activities')
      .filter((a) => a.Low !== null || a.High !== null)
      .map((a) => [a.Activity, a.Driver, a.Low, a.Minutes, a.High]);
    expect(ranged).toEqual([
      ['Order entry', 'Orders', 9, 12, 16],
      ['Order entry', 'Order lines', 0.4, 0.6, 0.9],
      ['Order picking', 'Orders', 18, 22, 30],
      ['Order picking', 'Order lines', 0.7, 0.9, 1.2],
      ['Delivery drops', 'Delivery drops', 30, 40, 55],
    ]);
    const grouped = records('ABC_Activities').filter((a) => a.Group !== null);
    expect(new Set(grouped.map((a) => a.Group))).toEqual(new Set(['Warehouse time survey']));
    expect(grouped.map((a) => a.Pool)).toEqual(Array(5).fill('Warehouse'));
    expect(records('ABC_Activities').filter((a) => a.Pool === 'Warehouse').length).toBe(grouped.length);
  });

  test("every pool named by an activity exists and a pool's shares add up to at most 1", () => {
    const pools = new Set(records('ABC_Pools').map((p) => nameKey(text(p.Pool))));
    const shares = new Map<string, Dec[]>();
    for (const a of records('ABC_Activities')) {
      if (a.Rate !== null) continue;
      const pool = nameKey(text(a.Pool));
      expect(pools.has(pool)).toBe(true);
      if (a.Share !== null) shares.set(pool, [...(shares.get(pool) ?? []), dec(num(a.Share))]);
    }
    expect(shares.size).toBe(1);
    for (const list of shares.values()) expect(sum(list).lte(1)).toBe(true);
  });

  test('every driver of an activity has volumes, and every volume belongs to a known customer', () => {
    const volumes = records('ABC_Volumes');
    const customers = new Set(records('ABC_Customers').map((c) => num(c.Customer)));
    const volumeDrivers = new Set(volumes.map((v) => nameKey(text(v.Driver))));
    for (const a of records('ABC_Activities')) {
      if (a.Driver !== null) expect([a.Driver, volumeDrivers.has(nameKey(text(a.Driver)))]).toEqual([a.Driver, true]);
    }
    expect(volumes.filter((v) => !customers.has(num(v.Customer)))).toEqual([]);
    expect(volumes.filter((v) => !(Number.isInteger(num(v.Quantity)) && num(v.Quantity) > 0))).toEqual([]);
    expect(records('ABC_CustomerCosts').filter((c) => !customers.has(num(c.Customer)))).toEqual([]);
  });

  test('volumes are transaction-level rows of moderate number, dated in 2026', () => {
    const volumes = records('ABC_Volumes');
    expect(volumes.length).toBeGreaterThanOrEqual(5_000);
    expect(volumes.length).toBeLessThanOrEqual(20_000);
    const first = 46023; // 2026-01-01 as an Excel serial day
    const last = 46387; // 2026-12-31
    expect(volumes.filter((v) => !(Number.isInteger(num(v.Date)) && num(v.Date) >= first && num(v.Date) <= last))).toEqual([]);
    const dates = volumes.map((v) => num(v.Date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const references = volumes.map((v) => text(v.Reference));
    expect(references.filter((r) => /^SO26-\d{5}$/.test(r)).length).toBeGreaterThan(100);
    expect(references.filter((r) => /^QT26-\d{5}$/.test(r)).length).toBeGreaterThan(100);
    expect(references).toContain('Q4 total');
  });

  test('money is whole cents and customer costs cover bonus, free freight and promotional support', () => {
    const cents = (v: CellValue | undefined): boolean => dec(num(v)).decimalPlaces() <= 2;
    for (const c of records('ABC_Customers')) expect([c.Revenue, c.Discounts, c.COGS].every(cents)).toBe(true);
    const costs = records('ABC_CustomerCosts');
    for (const c of costs) expect(cents(c.Amount) && num(c.Amount) > 0).toBe(true);
    expect(new Set(costs.map((c) => c.Item))).toEqual(new Set(['Year-end bonus', 'Promotional support', 'Free freight']));
  });

  test('settings give currency, period, the unused-capacity mode, the order driver and the default range of the estimates', () => {
    expect(sheetOf('ABC_Settings').rows).toEqual([
      ['Setting', 'Value'],
      ['Currency', 'EUR'],
      ['Period', '2026'],
      ['UnusedCapacity', 'report'],
      ['OrderDriver', 'Orders'],
      ['OrderLineDriver', 'Order lines'],
      ['OrderFollowingDrivers', 'Delivery drops'],
      ['DefaultRange', '±20%'],
    ]);
  });

  test('scenarios: an order fee for hospitality, EDI order entry for the retail chains, a minimum order of 8 lines', () => {
    expect(sheetOf('ABC_Scenarios').rows).toEqual([
      ['Scenario', 'Scope', 'Change', 'Target', 'Value'],
      ['Order fee Hospitality', 'Segment=Hospitality', 'fee', 'Orders', 15],
      ['EDI order entry retail chains', 'Segment=Retail chain', 'minutes', 'Order entry / Orders', 1],
      ['Minimum order 8 lines', 'all', 'minimum order', null, 8],
    ]);
  });

  test('sampleGrids holds the same rows as range grids anchored at A1', () => {
    const grids = sampleGrids();
    expect([...grids.keys()]).toEqual(SAMPLE_RANGES);
    for (const s of sheets) {
      expect(grids.get(s.rangeName)).toEqual({ name: s.rangeName, sheet: s.sheet, top: 1, left: 1, rows: s.rows });
    }
  });
});

describe('plausible totals', () => {
  test.each([2026, 1, 99])('seed %i: revenue of a few dozen million, gross margin 20–30 %, costs of a plausible size', (seed) => {
    const model = generateSampleModel(seed);
    const rows = (range: ContractRangeName): CellValue[][] => model.find((s) => s.rangeName === range)?.rows.slice(1) ?? [];
    const revenue = total(rows('ABC_Customers').map((r) => dec(num(r[5]))));
    const discounts = total(rows('ABC_Customers').map((r) => dec(num(r[6]))));
    const cogs = total(rows('ABC_Customers').map((r) => dec(num(r[7]))));
    const margin = (revenue - discounts - cogs) / (revenue - discounts);
    const poolCost = total(rows('ABC_Resources').map((r) => dec(num(r[2]))));
    expect(revenue).toBeGreaterThan(25e6);
    expect(revenue).toBeLessThan(60e6);
    expect(discounts / revenue).toBeLessThan(0.06);
    expect(margin).toBeGreaterThan(0.2);
    expect(margin).toBeLessThan(0.3);
    // Cost to serve of a wholesaler with its own fleet: well under its gross margin.
    expect(poolCost / revenue).toBeGreaterThan(0.1);
    expect(poolCost / revenue).toBeLessThan(0.25);
  });
});
