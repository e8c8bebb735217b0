import fc from 'fast-check';
import { readContract, CONTRACT_HEADERS, CONTRACT_RANGES, type ContractRangeName } from '../../src/workbook/contract';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';
import { grid, validGrids, withRange } from './contract-fixtures';

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

describe('readContract on a valid model', () => {
  const outcome = readContract(validGrids());
  const { model } = outcome;

  test('reports no issues', () => {
    expect(outcome.issues).toEqual([]);
  });

  test('reads pools, converting hours to minutes and keeping a blank capacity blank', () => {
    expect(model.pools.map((p) => [p.name, str(p.cost), str(p.capacityMinutes)])).toEqual([
      ['Customer service', '560000', '700000'],
      ['Warehouse', '120000', '120000'],
      ['Management', '90000', null],
    ]);
    expect(model.pools[1]?.where).toEqual({ range: 'ABC_Pools', sheet: 'Pools', cell: 'A3' });
  });

  test('reads each activity row as one term with its method', () => {
    expect(model.activities.map((a) => [a.activity, a.pool, a.driver, a.kind, str(a.value)])).toEqual([
      ['Order entry', 'Customer service', 'Orders', 'minutes', '5'],
      ['Order entry', 'Customer service', 'Order lines', 'minutes', '3'],
      ['Order entry', 'Customer service', 'Rush orders', 'minutes', '10'],
      ['Picking', 'Warehouse', 'Order lines', 'minutes', '1.5'],
      ['Account management', 'Management', 'Orders', 'share', '0.7'],
      ['General management', 'Management', null, 'share', '0.3'],
      ['Delivery', null, 'Deliveries', 'rate', '42.5'],
    ]);
    expect(model.activities[6]?.where).toEqual({ range: 'ABC_Activities', sheet: 'Activities', cell: 'A8' });
  });

  test('reads customers: number ids as text, blank discounts as 0, other columns as dimensions', () => {
    expect(model.customers.map((c) => [c.id, c.name, str(c.revenue), str(c.discounts), str(c.cogs), c.dimensions])).toEqual([
      ['1001', 'Bakker BV', '250000', '5000', '180000', [['Segment', 'Retail'], ['Account manager', 'Anna']]],
      ['C-2', 'Jansen', '90000.1', '0', '60000', [['Segment', 'Horeca'], ['Account manager', null]]],
    ]);
    expect(model.customers[1]?.where).toEqual({ range: 'ABC_Customers', sheet: 'Customers', cell: 'A3' });
  });

  test('reads wide volumes: one entry per filled cell, located at the customer cell', () => {
    expect(model.volumes.map((v) => [v.customer, v.driver, str(v.quantity), v.where.cell])).toEqual([
      ['1001', 'Orders', '120', 'A2'],
      ['1001', 'Order lines', '900', 'A2'],
      ['1001', 'Rush orders', '3', 'A2'],
      ['1001', 'Deliveries', '50', 'A2'],
      ['C-2', 'Orders', '40', 'A3'],
      ['C-2', 'Order lines', '100', 'A3'],
      ['C-2', 'Deliveries', '20', 'A3'],
    ]);
    expect(model.volumeDrivers).toEqual([
      { driver: 'Orders', where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: 'B1' } },
      { driver: 'Order lines', where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: 'C1' } },
      { driver: 'Rush orders', where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: 'D1' } },
      { driver: 'Deliveries', where: { range: 'ABC_Volumes', sheet: 'Volumes', cell: 'E1' } },
    ]);
  });

  test('reads customer costs, a negative amount being a credit', () => {
    expect(model.customerCosts.map((c) => [c.customer, c.item, str(c.amount), c.where.cell])).toEqual([
      ['1001', 'Year-end bonus', '2500', 'A2'],
      ['C-2', 'Freight recharged', '-300', 'A3'],
    ]);
  });

  test('reads settings', () => {
    expect(model.settings).toEqual({ currency: 'EUR', period: '2024 Q1', unusedCapacity: 'assign' });
  });

  test('summarises every range', () => {
    expect(outcome.ranges).toEqual([
      { name: 'ABC_Pools', required: true, found: true, sheet: 'Pools', address: 'A1:D4', dataRows: 3 },
      { name: 'ABC_Activities', required: true, found: true, sheet: 'Activities', address: 'A1:F8', dataRows: 7 },
      { name: 'ABC_Customers', required: true, found: true, sheet: 'Customers', address: 'A1:G3', dataRows: 2 },
      { name: 'ABC_Volumes', required: true, found: true, sheet: 'Volumes', address: 'A1:E3', dataRows: 2 },
      { name: 'ABC_CustomerCosts', required: false, found: true, sheet: 'Direct costs', address: 'A1:C3', dataRows: 2 },
      { name: 'ABC_Settings', required: false, found: true, sheet: 'Settings', address: 'A1:B4', dataRows: 3 },
      { name: 'ABC_Scenarios', required: false, found: false, sheet: null, address: null, dataRows: 0 },
      { name: 'ABC_Resources', required: false, found: false, sheet: null, address: null, dataRows: 0 },
      { name: 'ABC_Support', required: false, found: false, sheet: null, address: null, dataRows: 0 },
    ]);
  });
});

describe('optional ranges', () => {
  test('without ABC_CustomerCosts and ABC_Settings the defaults apply and nothing is reported', () => {
    const grids = validGrids();
    grids.delete('ABC_CustomerCosts');
    grids.delete('ABC_Settings');
    const outcome = readContract(grids);
    expect(outcome.issues).toEqual([]);
    expect(outcome.model.customerCosts).toEqual([]);
    expect(outcome.model.settings).toEqual({ currency: 'EUR', period: null, unusedCapacity: 'report' });
    expect(outcome.ranges.find((r) => r.name === 'ABC_Settings')).toEqual({
      name: 'ABC_Settings',
      required: false,
      found: false,
      sheet: null,
      address: null,
      dataRows: 0,
    });
  });

  test('a wholly blank ABC_Pools is accepted (every activity may have a Rate)', () => {
    const grids = withRange(validGrids(), 'ABC_Pools', [[null, null], [null, null]]);
    const outcome = readContract(grids);
    expect(outcome.issues).toEqual([]);
    expect(outcome.model.pools).toEqual([]);
  });
});

describe('header matching', () => {
  test('Dutch headers in another order, with odd case and spaces, placed at C5', () => {
    const grids = new Map<ContractRangeName, RangeGrid>([
      [
        'ABC_Pools',
        grid('ABC_Pools', 'Kostenpools', [
          ['  eenheid ', 'KOSTEN', 'Capaciteit', 'kostenpool'],
          ['uren', 1000, 10, 'Magazijn'],
        ], 5, 3),
      ],
      [
        'ABC_Activities',
        grid('ABC_Activities', 'Activiteiten', [
          ['Tarief', 'Aandeel', 'Minuten', 'Kostendrijver', 'Kostenpool', 'Activiteit'],
          [null, null, 2, 'Orderregels', 'Magazijn', 'Orderpicken'],
        ]),
      ],
      [
        'ABC_Customers',
        grid('ABC_Customers', 'Klanten', [
          ['Inkoopwaarde', 'Korting', 'Omzet', 'Naam', 'Klant', 'Regio'],
          [700, 10, 1000, 'De Vries', 'K1', 'Noord'],
        ]),
      ],
      ['ABC_Volumes', grid('ABC_Volumes', 'Volumes', [['Aantal', 'Kostendrijver', 'Klant', 'Ordernummer'], [4, 'Orderregels', 'K1', 'SO-1']])],
      ['ABC_CustomerCosts', grid('ABC_CustomerCosts', 'Kosten', [['Bedrag', 'Kostenpost', 'Klant'], [50, 'Bonus', 'K1']])],
      [
        'ABC_Settings',
        grid('ABC_Settings', 'Instellingen', [
          ['Waarde', 'Instelling'],
          ['toerekenen', 'Ongebruikte capaciteit'],
          ['EUR', 'Valuta'],
          ['2024', 'Periode'],
        ]),
      ],
    ]);
    const outcome = readContract(grids);
    expect(outcome.issues).toEqual([]);
    const { model } = outcome;
    expect(model.pools).toHaveLength(1);
    expect(model.pools[0]?.name).toBe('Magazijn');
    expect(str(model.pools[0]?.capacityMinutes ?? null)).toBe('600');
    expect(model.pools[0]?.where).toEqual({ range: 'ABC_Pools', sheet: 'Kostenpools', cell: 'F6' });
    expect(model.activities.map((a) => [a.activity, a.pool, a.driver, a.kind, str(a.value)])).toEqual([
      ['Orderpicken', 'Magazijn', 'Orderregels', 'minutes', '2'],
    ]);
    expect(model.customers.map((c) => [c.id, c.name, str(c.revenue), str(c.discounts), str(c.cogs), c.dimensions])).toEqual([
      ['K1', 'De Vries', '1000', '10', '700', [['Regio', 'Noord']]],
    ]);
    expect(model.volumes.map((v) => [v.customer, v.driver, str(v.quantity)])).toEqual([['K1', 'Orderregels', '4']]);
    expect(model.customerCosts.map((c) => [c.customer, c.item, str(c.amount)])).toEqual([['K1', 'Bonus', '50']]);
    expect(model.settings).toEqual({ currency: 'EUR', period: '2024', unusedCapacity: 'assign' });
  });

  test('COGS is also found as "Kostprijs omzet"', () => {
    const grids = withRange(validGrids(), 'ABC_Customers', [
      ['Customer', 'Revenue', 'Kostprijs  Omzet'],
      ['A', 100, 60],
    ]);
    const outcome = readContract(grids);
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(str(outcome.model.customers[0]?.cogs ?? null)).toBe('60');
    expect(outcome.model.customers[0]?.dimensions).toEqual([]);
  });

  test('column order does not change the model (property)', () => {
    const header: CellValue[] = ['Customer', 'Name', 'Revenue', 'Discounts', 'COGS', 'Segment'];
    const body: CellValue[][] = [
      [1001, 'A', 100, 1, 50, 'Retail'],
      ['X', 'B', 200.25, null, 120, null],
    ];
    const base = readContract(withRange(validGrids(), 'ABC_Customers', [header, ...body])).model.customers;
    const strip = (cs: typeof base): unknown =>
      cs.map((c) => ({ ...c, revenue: c.revenue.toString(), discounts: c.discounts.toString(), cogs: c.cogs.toString(), where: undefined }));
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), (order) => {
        const rows = [header, ...body].map((row) => order.map((i) => row[i] ?? null));
        const customers = readContract(withRange(validGrids(), 'ABC_Customers', rows)).model.customers;
        expect(strip(customers)).toEqual(strip(base));
      }),
    );
  });
});

describe('cell values', () => {
  test('a whole-column range with a million trailing blank rows reads only the data rows', () => {
    const rows: CellValue[][] = [['Customer', 'Revenue', 'COGS'], ['A', 10, 5], [], ['B', 20, 8]];
    for (let i = 0; i < 1_000_000; i++) rows.push(i % 2 === 0 ? [] : [null, null, '  ']);
    const outcome = readContract(withRange(validGrids(), 'ABC_Customers', rows));
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(outcome.model.customers.map((c) => [c.id, c.where.cell])).toEqual([
      ['A', 'A2'],
      ['B', 'A4'],
    ]);
    const summary = outcome.ranges.find((r) => r.name === 'ABC_Customers');
    expect(summary?.dataRows).toBe(2);
    expect(summary?.address).toBe('A1:C1000004');
  });

  test('Share accepts a percent-formatted cell (already a fraction) and text such as "70%"', () => {
    const grids = withRange(validGrids(), 'ABC_Activities', [
      ['Activity', 'Pool', 'Driver', 'Share'],
      ['Quotes', 'Management', 'Quotes', 0.25],
      ['Orders', 'Management', 'Orders', '70%'],
      ['Rest', 'Management', null, ' 2.5 % '],
      ['Text number', 'Management', 'Orders', '0.025'],
    ]);
    const { model, issues } = readContract(grids);
    expect(issues).toEqual([]);
    expect(model.activities.map((a) => str(a.value))).toEqual(['0.25', '0.7', '0.025', '0.025']);
  });

  test('numeric ids become plain text; booleans and dates as Excel shows them', () => {
    const grids = withRange(validGrids(), 'ABC_Customers', [
      ['Customer', 'Revenue', 'COGS', 'Since', 'Key account', 'Score'],
      [1001.0, 1, 1, new Date(Date.UTC(2019, 0, 31)), true, 4.5],
      [123456789012345, 1, 1, null, false, 0],
      ['  C 7 ', 1, 1, new Date(Date.UTC(2020, 5, 1, 12, 30)), null, -1],
    ]);
    const { model, issues } = readContract(grids);
    expect(issues).toEqual([]);
    expect(model.customers.map((c) => [c.id, c.dimensions])).toEqual([
      ['1001', [['Since', '2019-01-31'], ['Key account', true], ['Score', 4.5]]],
      ['123456789012345', [['Since', null], ['Key account', false], ['Score', 0]]],
      ['C 7', [['Since', '2020-06-01T12:30:00.000Z'], ['Key account', null], ['Score', -1]]],
    ]);
  });

  test('decimal figures are exact: 0.1 from a cell is 0.1, not its binary neighbour', () => {
    const grids = withRange(validGrids(), 'ABC_Customers', [
      ['Customer', 'Revenue', 'COGS'],
      ['A', 0.1, 1234567.89],
    ]);
    const c = readContract(grids).model.customers[0];
    expect(str(c?.revenue ?? null)).toBe('0.1');
    expect(str(c?.cogs ?? null)).toBe('1234567.89');
  });

  test('hostile text is kept verbatim as text', () => {
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2', '@SUM(A1)', '<script>alert(1)</script>', "'quoted"];
    const rows: CellValue[][] = [['Customer', 'Name', 'Revenue', 'COGS', 'Note']];
    hostile.forEach((h, i) => rows.push([h, h, i, 0, h]));
    const { model, issues } = readContract(withRange(validGrids(), 'ABC_Customers', rows));
    expect(issues).toEqual([]);
    expect(model.customers.map((c) => c.id)).toEqual(hostile);
    expect(model.customers.map((c) => c.name)).toEqual(hostile);
    expect(model.customers.map((c) => c.dimensions[0]?.[1])).toEqual(hostile);
  });

  test('any non-blank text survives as an id, trimmed (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''), (text) => {
        const rows: CellValue[][] = [['Customer', 'Revenue', 'COGS', 'Dim'], [text, 1, 1, text]];
        const { model } = readContract(withRange(validGrids(), 'ABC_Customers', rows));
        expect(model.customers[0]?.id).toBe(text.trim());
        expect(model.customers[0]?.dimensions[0]?.[1]).toBe(text);
      }),
    );
  });

  test('inputs are not modified', () => {
    const grids = validGrids();
    const before = JSON.stringify([...grids.entries()]);
    readContract(grids);
    expect(JSON.stringify([...grids.entries()])).toBe(before);
  });
});

describe('CONTRACT_HEADERS', () => {
  test('describes every range with unique header aliases per range', () => {
    expect(Object.keys(CONTRACT_HEADERS)).toEqual([...CONTRACT_RANGES]);
    for (const name of CONTRACT_RANGES) {
      const spec = CONTRACT_HEADERS[name];
      expect(spec.name).toBe(name);
      // A header that is the same word in both languages (Scenario, FTE) counts once.
      const all = spec.columns.flatMap((c) => [...new Set([c.en, c.nl, ...c.also].map((h) => h.toLowerCase()))]);
      expect(new Set(all).size).toBe(all.length);
    }
  });

  test('the English headers of every range, as "New empty model" writes them, read back without issues', () => {
    const grids = new Map<ContractRangeName, RangeGrid>();
    for (const name of CONTRACT_RANGES) grids.set(name, grid(name, name, [CONTRACT_HEADERS[name].columns.map((c) => c.en)]));
    const outcome = readContract(grids);
    // Headers only: the two ranges that need rows say so, nothing else is reported.
    expect(outcome.issues.map((i) => [i.code, i.where.range])).toEqual([
      ['EMPTY_RANGE', 'ABC_Activities'],
      ['EMPTY_RANGE', 'ABC_Customers'],
    ]);
  });
});
