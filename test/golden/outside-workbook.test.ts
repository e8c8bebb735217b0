/**
 * A workbook made outside the project: test/fixtures/outside-libreoffice.fods was written by hand from
 * docs/workbook-contract.md alone (Dutch headers, hours, percentage cells, a whole-column long-form
 * volumes name, a hostile customer name) and converted to .xlsx by LibreOffice Calc. The expected
 * figures were worked out by hand:
 *   Binnendienst € 480,000 / (10,000 h × 60) = € 0.80 a minute; 296,800 minutes used, 303,200 unused (€ 242,560).
 *   Administratie € 100,000: credit monitoring 60% over 1,000 checks = € 60 each; 30% business-sustaining; 10% unshared.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const fixture = join(__dirname, '..', 'fixtures', 'outside-libreoffice.xlsx');

describe('a workbook made with LibreOffice Calc from the documented contract', () => {
  let dir: string;
  let json: any;
  let code: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'abc-outside-'));
    code = await main([fixture, '--out', join(dir, 'report.xlsx'), '--json', join(dir, 'result.json')], { out: () => {}, err: () => {} });
    json = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs without errors, warning only that Binnendienst uses under half its capacity', () => {
    expect(code).toBe(0);
    // 296,800 of 600,000 minutes is 49.47%: a plausibility warning (issue 17) with the € 242,560 below.
    expect(json.issues).toEqual([
      {
        severity: 'warning',
        code: 'LOW_CAPACITY_USE',
        location: 'Kostenpools!A2 (ABC_Pools)',
        message:
          'Pool "Binnendienst" used 49.5% of its practical capacity (296,800 of 600,000 minutes): its unused capacity costs EUR 242,560.00, which no customer carries. Check the capacity and the minutes per driver unit.',
      },
    ]);
    expect([json.currency, json.period]).toEqual(['EUR', '2026-Q3']);
  });

  it('costs the time-driven pool at € 0.80 a minute with € 242,560 unused', () => {
    expect(json.pools[0]).toEqual({
      pool: 'Binnendienst', method: 'time', cost: 480000, capacityMinutes: 600000, ratePerMinute: 0.8,
      usedMinutes: 296800, unusedMinutes: 303200, unusedCost: 242560, unassignedCost: 0,
      unusedAssigned: 0, activitiesCost: 237440,
    });
  });

  it('splits the conventional pool by its percentage shares', () => {
    const credit = json.activities.find((a: any) => a.activity === 'Kredietbewaking');
    expect(credit.cost).toBe(60000);
    expect(credit.drivers).toEqual([expect.objectContaining({ driver: 'Kredietcontroles', quantity: 1000, costPerUnit: 60 })]);
    const general = json.activities.find((a: any) => a.activity === 'Algemeen beheer');
    expect([general.cost, general.unassignedCost, general.businessSustaining]).toEqual([30000, 30000, true]);
    expect(json.pools[1].unassignedCost).toBe(10000);
  });

  it('writes each customer the hand-computed P&L, hostile name as text', () => {
    const byId = Object.fromEntries(json.customers.map((c: any) => [c.customer, c]));
    expect(Object.keys(byId)).toEqual(['1001', '1002', 'K-3']);
    expect(byId['1001']).toMatchObject({ netRevenue: 890000, grossMargin: 290000, costToServe: 147840, directCosts: 5000, netProfit: 137160 });
    expect(byId['1001'].activityCosts).toEqual({ Orderinvoer: 140800, Offertes: 7040, Kredietbewaking: 0, 'Algemeen beheer': 0, Pakketdienst: 0 });
    expect(byId['1002']).toMatchObject({ name: '=HYPERLINK("http://example.invalid","klik")', costToServe: 66000, netProfit: 34000 });
    expect(byId['K-3']).toMatchObject({ netRevenue: 78000, costToServe: 91400, directCosts: 750.5, netProfit: -64150.5, dimensions: { Segment: '+Horeca' } });
  });

  it('reconciles the company: € 107,009.50 − € 242,560 − € 40,000 = € −175,550.50', () => {
    expect(json.totals).toEqual({
      revenue: 1380000, discounts: 12000, netRevenue: 1368000, cogs: 950000, grossMargin: 418000,
      costToServe: 305240, directCosts: 5750.5, netProfit: 107009.5, unusedCapacityCost: 242560,
      unassignedCost: 40000, operatingProfit: -175550.5,
      exact: {
        revenue: '1380000.00', discounts: '12000.00', netRevenue: '1368000.00', cogs: '950000.00', grossMargin: '418000.00',
        costToServe: '305240.00', directCosts: '5750.50', netProfit: '107009.50', unusedCapacityCost: '242560.00',
        unassignedCost: '40000.00', operatingProfit: '-175550.50',
      },
    });
  });

  it('writes the report sheets with the hostile name as a text cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Kostenpools', 'Activiteiten', 'Klanten', 'Transacties', 'Klantkosten', 'Instellingen',
      'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions',
    ]);
    const pnl = wb.getWorksheet('ABC Customer P&L')!;
    const cells: unknown[] = [];
    pnl.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain('=HYPERLINK("http://example.invalid","klik")');
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in (v as object))).toBe(false);
  });
});
