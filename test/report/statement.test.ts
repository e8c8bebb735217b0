/**
 * The customer statement of the sample's most profitable customer (10527), checked line by line: the P&L
 * against the engine's customer result, the averages against the segment's and company's totals divided
 * by their customers, per order against the Orders driver, and the trail against the cost to serve.
 */
import { dec, type Dec, roundCents, sum, toNumber, ZERO } from '../../src/engine/decimal';
import { nameKey } from '../../src/engine/model';
import type { CostingResult, CustomerResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { gridsOf, sampleGrids } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';
import type { ContractRangeName } from '../../src/workbook/contract-spec';
import type { RangeGrid } from '../../src/workbook/grid';
import { buildStatementSheets, closeCustomers, findCustomer, statementRole } from '../../src/workbook/report-statement';
import { reportText } from '../../src/workbook/report-text';
import type { ReportRow, ReportSheet } from '../../src/workbook/report-types';
import { costTrail, statementBook } from '../../src/workbook/statement-figures';
import { MAX_SHEET_NAME, statementSheetNames } from '../../src/workbook/statement-names';
import { withoutFirstStage } from '../sample/without-first-stage';

function costSample(grids: ReadonlyMap<ContractRangeName, RangeGrid> = sampleGrids()): CostingResult {
  const read = readContract(grids);
  const outcome = runModel(read.model, read.issues);
  if (outcome.result === null) throw new Error(outcome.issues.map((i) => i.message).join('\n'));
  return outcome.result;
}

const result = costSample();
const customer = findCustomer(result, '10527') as CustomerResult;

/** The row whose first cell is `label`, as plain values. */
function line(sheet: ReportSheet, label: string): Array<string | number | null> {
  const found = sheet.rows.find((r) => r.cells[0]?.value === label);
  if (found === undefined) throw new Error(`no line ${label}`);
  return found.cells.map((c) => c.value);
}

function rowsAfter(sheet: ReportSheet, label: string): ReportRow[] {
  const start = sheet.rows.findIndex((r) => r.cells[0]?.value === label);
  return sheet.rows.slice(start + 1);
}

const cents = (d: Dec): number => toNumber(roundCents(d));

describe('the statement of sample customer 10527 (English)', () => {
  const [sheet] = buildStatementSheets(result, [customer], 'en');
  const s = sheet as ReportSheet;
  const segment = result.customers.filter((c) => c.dimensions.find(([h]) => h === 'Segment')?.[1] === 'Retail chain');
  const orders = (c: CustomerResult): Dec => c.driverQuantities?.get(nameKey('Orders')) ?? ZERO;

  test('name, role and the header block', () => {
    expect(s.name).toBe('ABC Statement 10527');
    expect(s.role).toBe('statement 10527');
    expect(s.rows[0]?.cells[0]?.value).toBe('Customer statement: 10527 Verhoeven Bedrijfsrestaurants B.V.');
    expect(line(s, 'Orders (Orders)')).toEqual(['Orders (Orders)', 241]);
    expect(line(s, 'Customers with Segment Retail chain')).toEqual(['Customers with Segment Retail chain', 10]);
    expect(line(s, 'Customers of the company')).toEqual(['Customers of the company', 250]);
  });

  test('the customer column: amount, per order (÷ 241 orders) and % of net revenue, hand-checked', () => {
    // Revenue 2,762,294.81 over 241 orders is 11,461.80 per order; 2,762,294.81 / 2,677,147.94 = 103.18%.
    const revenue = line(s, 'Revenue');
    expect(revenue.slice(1, 4)).toEqual([2762294.81, 11461.8, expect.closeTo(1.0318, 4)]);
    expect(line(s, 'Net revenue').slice(1, 4)).toEqual([2677147.94, 11108.5, 1]);
    // Order entry 15,584.96 / 241 = 64.668… → 64.67.
    expect(line(s, 'Order entry').slice(1, 3)).toEqual([15584.96, 64.67]);
    expect(line(s, 'Cost to serve').slice(1, 3)).toEqual([71068.16, 294.89]);
    // Net profit 326,131.85 = gross margin 463,734.57 − cost to serve 71,068.16 − direct costs 66,534.56.
    expect(line(s, 'Net profit').slice(1, 4)).toEqual([326131.85, 1353.24, expect.closeTo(0.1218, 4)]);
    expect(dec(463734.57).minus(71068.16).minus(66534.56).toNumber()).toBe(326131.85);
    for (const label of ['Revenue', 'Gross margin', 'Cost to serve', 'Net profit']) {
      const [, amount, perOrder] = line(s, label) as [string, number, number];
      expect(perOrder).toBe(cents(dec(amount).dividedBy(241)));
    }
    expect(toNumber(orders(customer))).toBe(241);
  });

  test('the segment average is the segment totals ÷ its customers; the company average the totals ÷ 250', () => {
    expect(segment).toHaveLength(10);
    const total = (pick: (c: CustomerResult) => Dec, of: readonly CustomerResult[]): Dec => sum(of.map(pick));
    const segOrders = total(orders, segment);
    const allOrders = total(orders, result.customers);
    for (const [label, pick] of [
      ['Revenue', (c: CustomerResult) => c.revenue],
      ['Net revenue', (c: CustomerResult) => c.netRevenue],
      ['Cost to serve', (c: CustomerResult) => c.costToServe],
      ['Net profit', (c: CustomerResult) => c.netProfit],
    ] as const) {
      const cells = line(s, label);
      expect(cells[4]).toBe(cents(total(pick, segment).dividedBy(10)));
      expect(cells[5]).toBe(cents(total(pick, segment).dividedBy(segOrders)));
      expect(cells[6]).toBeCloseTo(total(pick, segment).dividedBy(total((c) => c.netRevenue, segment)).toNumber(), 12);
      expect(cells[7]).toBe(cents(total(pick, result.customers).dividedBy(250)));
      expect(cells[8]).toBe(cents(total(pick, result.customers).dividedBy(allOrders)));
    }
    // Hand-checked: the company's net profit of customers, 1,898,798.57 over 250 customers, is 7,595.19 each.
    expect(line(s, 'Net profit')[7]).toBe(7595.19);
    expect(line(s, 'Net profit')[4]).toBe(155189.84);
  });

  test('the trail adds up to the cost to serve to the cent, and each activity to its P&L line', () => {
    const after = rowsAfter(s, 'Activity');
    const trail = after.slice(0, after.findIndex((r) => r.style === 'total'));
    const amounts = trail.map((r) => dec(r.cells[5]?.value as number));
    expect(sum(amounts).equals(customer.costToServe)).toBe(true);
    expect(line(s, 'Cost to serve')[1]).toBe(71068.16);
    expect(after[trail.length]?.cells.map((c) => c.value)).toEqual(['Cost to serve', null, null, null, null, 71068.16]);
    for (const a of result.activities) {
      const of = trail.filter((r) => r.cells[0]?.value === a.activity).map((r) => dec(r.cells[5]?.value as number));
      expect(sum(of).equals(customer.activityCosts.get(a.activity) ?? ZERO)).toBe(true);
    }
    // Order entry: 241 orders × 12 min, 19,607 lines × 0.6 min, 2 rush orders × 15 min at €1.0611979…/min.
    expect(trail.filter((r) => r.cells[0]?.value === 'Order entry').map((r) => r.cells.map((c) => c.value))).toEqual([
      ['Order entry', 'Orders', 241, 12, 12.734375, 3068.98, 'Inside sales', 1.0611979166666667],
      ['Order entry', 'Order lines', 19607, 0.6, 0.63671875, 12484.14, 'Inside sales', 1.0611979166666667],
      ['Order entry', 'Rush orders', 2, 15, 15.91796875, 31.84, 'Inside sales', 1.0611979166666667],
    ]);
    // Each line names its pool and that pool's cost per minute: 12 minutes × 1.0611979… = 12.734375 per order.
    // A conventional pool (Administration, Share rows) has no cost per minute.
    expect(trail.find((r) => r.cells[0]?.value === 'Invoicing')?.cells.slice(6).map((c) => c.value)).toEqual(['Administration', null]);
    expect(dec(12).times(dec(1.0611979166666667)).toDecimalPlaces(6).toNumber()).toBe(12.734375);
    // Every line is quantity × cost per unit within a cent.
    for (const r of trail) {
      const [, , q, , rate, amount] = r.cells.map((c) => c.value) as [string, string, number, number, number, number];
      expect(Math.abs(q * rate - amount)).toBeLessThan(0.01);
    }
  });

  test('the direct customer costs item by item, adding up to the P&L line; no origins block without a first stage', () => {
    const block = rowsAfter(s, 'Item');
    // 46,690.77 + 19,843.79 = 66,534.56, the P&L's direct customer costs.
    expect(block.map((r) => [r.cells[0]?.value, r.cells[5]?.value])).toEqual([
      ['Year-end bonus', 46690.77],
      ['Promotional support', 19843.79],
      ['Direct customer costs', 66534.56],
    ]);
    expect(line(s, 'Direct customer costs')[1]).toBe(66534.56);
    // The sample has a first stage, so its statement traces the cost to the pools where it started.
    const origins = (sheet: ReportSheet): boolean => sheet.rows.some((r) => r.cells[0]?.value === 'Where the cost started: departments and ledger accounts');
    expect(origins(s)).toBe(true);
    // The same model without Ledger and Support (its four operating pools costing what the wholesaler sized them
    // at, their cost after support in the sample).
    const plain = costSample(gridsOf(withoutFirstStage()));
    expect(plain.firstStage).toBeUndefined();
    expect(plain.pools.map((p) => [p.pool, toNumber(p.cost)])).toEqual([
      ['Inside sales', 1018750],
      ['Administration', 546000],
      ['Warehouse', 2851500],
      ['Transport', 3150000],
    ]);
    const [p] = buildStatementSheets(plain, [findCustomer(plain, '10527') as CustomerResult], 'en') as [ReportSheet];
    expect(origins(p)).toBe(false);
    expect(rowsAfter(p, 'Item').map((r) => [r.cells[0]?.value, r.cells[5]?.value])).toEqual(block.map((r) => [r.cells[0]?.value, r.cells[5]?.value]));
    expect(line(p, 'Net profit')).toEqual(line(s, 'Net profit'));
  });

  test('a line charged by a rate names no pool: Parcel shipments of 10762', () => {
    const [other] = buildStatementSheets(result, [findCustomer(result, '10762') as CustomerResult], 'en') as [ReportSheet];
    const after = rowsAfter(other, 'Activity');
    const parcels = after.slice(0, after.findIndex((r) => r.style === 'total')).filter((r) => r.cells[0]?.value === 'Parcel shipments');
    expect(parcels.map((r) => [r.cells[5]?.value, r.cells[6]?.value, r.cells[7]?.value])).toEqual([[206.25, 'Rate (no pool)', null]]);
  });

  test('the trail adds up for every customer of the sample', () => {
    const book = statementBook(result);
    for (const c of result.customers) expect(sum(costTrail(book, c).map((l) => l.amount)).equals(c.costToServe)).toBe(true);
  });
});

describe('the statement in Dutch', () => {
  const [s] = buildStatementSheets(result, [customer], 'nl') as [ReportSheet];

  test('sheet name, lines and trail in Dutch, the same figures', () => {
    expect(s.name).toBe('ABC Klantoverzicht 10527');
    expect(s.role).toBe(statementRole('10527'));
    expect(s.rows[0]?.cells[0]?.value).toBe('Klantoverzicht: 10527 Verhoeven Bedrijfsrestaurants B.V.');
    expect(line(s, 'Netto-omzet').slice(1, 3)).toEqual([2677147.94, 11108.5]);
    expect(line(s, 'Nettowinst').slice(1, 2)).toEqual([326131.85]);
    expect(line(s, 'Regel').slice(0, 4)).toEqual(['Regel', 'Bedrag', 'Per order', '% van netto-omzet']);
    expect(line(s, 'Activiteit')).toEqual(['Activiteit', 'Kostendrijver', 'Aantal', 'Minuten per eenheid', 'Kosten per eenheid', 'Bedrag', 'Kostenpool', 'Kosten per minuut']);
    expect(line(s, 'Bedieningskosten')[1]).toBe(71068.16);
    expect(line(s, 'Kostenpost')).toEqual(['Kostenpost', null, null, null, null, 'Bedrag']);
    expect(s.rows[s.rows.length - 1]?.cells.map((c) => c.value)).toEqual(['Directe klantkosten', null, null, null, null, 66534.56]);
  });

  test('no English text of the statement catalogue is left on it', () => {
    const en = reportText('en').statement;
    const english = new Set(Object.values(en).filter((v): v is string => typeof v === 'string'));
    const texts = s.rows.flatMap((r) => r.cells.map((c) => c.value)).filter((v): v is string => typeof v === 'string');
    expect(texts.filter((v) => english.has(v) && v !== 'Per order')).toEqual([]);
  });
});

describe('without an order driver', () => {
  test('no per-order column and no orders line', () => {
    const settings = { ...result.settings };
    delete settings.orderDriver;
    const [s] = buildStatementSheets({ ...result, settings }, [customer], 'en') as [ReportSheet];
    expect(line(s, 'Line')).toEqual(['Line', 'Amount', '% of net revenue', 'Amount', '% of net revenue', 'Amount', '% of net revenue']);
    expect(s.rows.some((r) => r.cells[0]?.value === 'Orders (Orders)')).toBe(false);
    expect(line(s, 'Net profit')[1]).toBe(326131.85);
  });
});

describe('sheet names', () => {
  test('forbidden characters become _, the name is cut to 31 characters', () => {
    const [name] = statementSheetNames('ABC Statement ', ['A:B/C\\D?E*F[G]H'], []);
    expect(name).toBe('ABC Statement A_B_C_D_E_F_G_H');
    const [long] = statementSheetNames('ABC Klantoverzicht ', ['Groothandel Van der Berg en Zonen'], []);
    expect(long).toBe('ABC Klantoverzicht Groothandel');
    expect(long?.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  test('two ids cut alike, and a name taken (ignoring case), get ~2, ~3 within 31 characters', () => {
    const names = statementSheetNames('ABC Statement ', ['CUSTOMER-LONG-ID-0001', 'CUSTOMER-LONG-ID-0002', 'x'], ['abc statement X']);
    // 'ABC Statement ' leaves 17 characters for the id.
    expect(names).toEqual(['ABC Statement CUSTOMER-LONG-ID-', 'ABC Statement CUSTOMER-LONG-I~2', 'ABC Statement x~2']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  test('no apostrophe or space at the end, no surrogate pair cut in half', () => {
    expect(statementSheetNames('ABC Statement ', ["O'Brien'"], [])).toEqual(["ABC Statement O'Brien"]);
    const [emoji] = statementSheetNames('ABC Statement ', ['1234567890123456😀x'], []);
    expect(emoji).toBe('ABC Statement 1234567890123456');
  });

  test('buildStatementSheets keeps names unique against the sheets given', () => {
    const sheets = buildStatementSheets(result, [customer], 'en', ['ABC STATEMENT 10527']);
    expect(sheets[0]?.name).toBe('ABC Statement 10527~2');
  });
});

describe('finding customers', () => {
  test('by id or exact name, ignoring case and spaces; close matches for a typo', () => {
    expect(findCustomer(result, ' 10527 ')?.customer).toBe('10527');
    expect(findCustomer(result, 'verhoeven bedrijfsrestaurants b.v.')?.customer).toBe('10527');
    expect(findCustomer(result, '99999')).toBeNull();
    expect(closeCustomers(result, '1052')).toContain('10527 (Verhoeven Bedrijfsrestaurants B.V.)');
    expect(closeCustomers(result, 'schoonmaakplein.n')).toEqual(['10559 (schoonmaakplein.nl)', '10756 (schoonmaakplein.nl Tilburg)']);
  });
});
