import { dec } from '../../src/engine/decimal';
import type { CostingResult } from '../../src/engine/result';
import { buildReportSheets, numberFormat } from '../../src/workbook/report-layout';
import type { ReportRow, ReportSheet } from '../../src/workbook/report-types';
import { smallResult } from './fixture';

function sheet(result: CostingResult, name: string): ReportSheet {
  const found = buildReportSheets(result).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

const values = (row: ReportRow | undefined): Array<string | number | null> => (row?.cells ?? []).map((c) => c.value);

/** Rows of a sheet whose first cell is the label. */
function rowLabelled(s: ReportSheet, label: string, occurrence = 0): ReportRow {
  const rows = s.rows.filter((r) => r.cells[0]?.value === label);
  const r = rows[occurrence];
  if (r === undefined) throw new Error(`no row ${label}`);
  return r;
}

describe('buildReportSheets', () => {
  it('makes exactly the four sheets, in order', () => {
    expect(buildReportSheets(smallResult()).map((s) => s.name)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
  });
});

describe('ABC Customer P&L', () => {
  const pnl = sheet(smallResult(), 'ABC Customer P&L');
  const header = pnl.rows[2];
  const col = (label: string): number => {
    const i = (header?.cells ?? []).findIndex((c) => c.value === label);
    if (i < 0) throw new Error(`no column ${label}`);
    return i;
  };
  const body = pnl.rows.slice(3, 6);
  const total = pnl.rows[6];

  it('has a title, a note with period and currency, then the header', () => {
    expect(pnl.rows[0]?.style).toBe('title');
    expect(pnl.rows[1]?.style).toBe('note');
    expect(String(pnl.rows[1]?.cells[0]?.value)).toContain('2024-Q1');
    expect(String(pnl.rows[1]?.cells[0]?.value)).toContain('EUR');
    expect(header?.style).toBe('header');
    expect(values(header)).toEqual([
      'Rank', 'Customer', 'Name', 'Segment', 'Revenue', 'Discounts', 'Net revenue', 'COGS', 'Gross margin', 'Gross margin %',
      // Management is business-sustaining: never charged, so no column of zeros (the summary lists it once).
      'Order entry', 'Credit control', 'Delivery',
      'Cost to serve', 'Direct costs', 'Net profit', 'Net profit %', 'Cumulative net profit', 'Cumulative profit share',
    ]);
    expect(pnl.freeze).toEqual({ rows: 3, columns: 3 });
    expect(pnl.columnWidths).toHaveLength(header?.cells.length ?? -1);
    expect(pnl.rows).toHaveLength(7);
  });

  it('lists customers by net profit with ranks, ids and dimensions as text', () => {
    expect(body.map((r) => r.cells[col('Rank')]?.value)).toEqual([1, 2, 3]);
    expect(body.map((r) => r.cells[col('Customer')])).toEqual([
      { value: '1001', format: 'text' },
      { value: '1002', format: 'text' },
      { value: '=1+1', format: 'text' },
    ]);
    expect(body.map((r) => r.cells[col('Name')]?.value)).toEqual(['Alpha', null, '@x']);
    expect(body.map((r) => r.cells[col('Segment')])).toEqual([
      { value: 'Retail', format: 'text' },
      { value: 'Wholesale', format: 'text' },
      { value: '+SUM(A1)', format: 'text' },
    ]);
    expect(body.map((r) => r.cells[col('Net profit')]?.value)).toEqual([2500, 660, -210]);
    expect(body.map((r) => r.cells[col('Order entry')]?.value)).toEqual([450, 240, 110]);
    expect(body.map((r) => r.cells[col('Credit control')]?.value)).toEqual([100, 0, 200]);
    expect(body.map((r) => r.cells[col('Cost to serve')]?.value)).toEqual([800, 340, 460]);
  });

  it('formats money, percentages and ranks', () => {
    const first = body[0]!;
    expect(first.cells[col('Rank')]?.format).toBe('integer');
    for (const label of ['Revenue', 'Net revenue', 'Gross margin', 'Order entry', 'Cost to serve', 'Net profit', 'Cumulative net profit']) {
      expect(first.cells[col(label)]?.format).toBe('money');
    }
    for (const label of ['Gross margin %', 'Net profit %', 'Cumulative profit share']) {
      expect(first.cells[col(label)]?.format).toBe('percent');
    }
    expect(first.cells[col('Gross margin %')]?.value).toBeCloseTo(3500 / 9500, 12);
    expect(first.cells[col('Net profit %')]?.value).toBeCloseTo(2500 / 9500, 12);
  });

  it('computes the whale curve from the sum of customer net profit', () => {
    expect(body.map((r) => r.cells[col('Cumulative net profit')]?.value)).toEqual([2500, 3160, 2950]);
    const shares = body.map((r) => r.cells[col('Cumulative profit share')]?.value as number);
    expect(shares[0]).toBeCloseTo(2500 / 2950, 12);
    expect(shares[1]).toBeCloseTo(3160 / 2950, 12);
    expect(shares[2]).toBe(1);
  });

  it('ends with a totals row that adds up the columns', () => {
    expect(total?.style).toBe('total');
    expect(total?.cells[col('Customer')]?.value).toBe('Total');
    expect(total?.cells[col('Rank')]?.value).toBeNull();
    expect(total?.cells[col('Revenue')]?.value).toBe(14000);
    expect(total?.cells[col('Discounts')]?.value).toBe(500);
    expect(total?.cells[col('Net revenue')]?.value).toBe(13500);
    expect(total?.cells[col('COGS')]?.value).toBe(8700);
    expect(total?.cells[col('Order entry')]?.value).toBe(800);
    expect(total?.cells[col('Delivery')]?.value).toBe(500);
    expect(total?.cells[col('Cost to serve')]?.value).toBe(1600);
    expect(total?.cells[col('Direct costs')]?.value).toBe(250);
    expect(total?.cells[col('Net profit')]?.value).toBe(2950);
    expect(total?.cells[col('Gross margin %')]?.value).toBeCloseTo(4800 / 13500, 12);
    expect(total?.cells[col('Cumulative net profit')]?.value).toBeNull();
  });

  it('adds a column per pool whose unused capacity is charged to customers', () => {
    const result = smallResult();
    result.settings = { ...result.settings, unusedCapacity: 'assign' };
    const charges = [120, 60, 20];
    result.customers.forEach((c, i) => (c.unusedCapacityCosts = new Map([['Inside sales', dec(charges[i]!)]])));
    const s = sheet(result, 'ABC Customer P&L');
    const labels = values(s.rows[2]);
    const at = labels.indexOf('Unused capacity: Inside sales');
    expect(at).toBe(labels.indexOf('Delivery') + 1);
    expect(labels[at + 1]).toBe('Cost to serve');
    expect(s.rows.slice(3, 6).map((r) => r.cells[at]?.value)).toEqual(charges);
    expect(s.rows[6]?.cells[at]?.value).toBe(200);
    expect(String(s.rows[1]?.cells[0]?.value)).toContain('charged to customers');
  });

  it('handles a result without customers', () => {
    const result = smallResult();
    result.customers = [];
    const s = sheet(result, 'ABC Customer P&L');
    expect(s.rows).toHaveLength(4);
    expect(s.rows[3]?.cells[2]?.value).toBe('0 customers');
  });
});

describe('ABC Rates', () => {
  const rates = sheet(smallResult(), 'ABC Rates');

  it('lists the pools with capacity, cost per minute and unused capacity', () => {
    const header = rates.rows.find((r) => r.style === 'header');
    expect(values(header)).toEqual([
      'Pool', 'Method', 'Cost', 'Capacity (min)', 'Cost per minute', 'Used (min)', 'Unused (min)', 'Unused capacity cost', 'Shares left over (below 100%)', "Activities' cost",
    ]);
    expect(values(rowLabelled(rates, 'Inside sales'))).toEqual(['Inside sales', 'Time-driven', 1000, 1000, 1, 800, 200, 200, 0, 800]);
    expect(rowLabelled(rates, 'Inside sales').cells.map((c) => c.format)).toEqual([
      'text', 'text', 'money', 'decimal', 'rate', 'decimal', 'decimal', 'money', 'money', 'money',
    ]);
    expect(values(rowLabelled(rates, 'Administration'))).toEqual(['Administration', 'Conventional (shares)', 500, null, null, null, null, null, 50, 450]);
    const poolTotal = rowLabelled(rates, 'Total', 0);
    expect(poolTotal.style).toBe('total');
    expect(values(poolTotal)).toEqual(['Total', null, 1500, null, null, null, null, 200, 50, 1250]);
  });

  it('lists one line per driver, with the activity amounts on its first line', () => {
    const headers = rates.rows.filter((r) => r.style === 'header');
    expect(values(headers[1])).toEqual([
      'Activity', 'Pool', 'Method', 'Driver', 'Minutes / share / rate', 'Total quantity', 'Cost per driver unit', 'Activity cost', 'Not charged to customers',
    ]);
    const start = rates.rows.indexOf(rowLabelled(rates, 'Order entry'));
    expect(values(rates.rows[start])).toEqual(['Order entry', 'Inside sales', 'Time-driven', 'Orders', 5, 100, 5, 800, 0]);
    expect(values(rates.rows[start + 1])).toEqual([null, null, null, 'Order lines', 3, 100, 3, null, null]);
    const credit = rowLabelled(rates, 'Credit control');
    expect(values(credit)).toEqual(['Credit control', 'Administration', 'Share of pool', 'Customers over limit', 0.6, 3, 100, 300, 0]);
    expect(credit.cells[4]?.format).toBe('percent');
    expect(values(rowLabelled(rates, 'Management'))).toEqual([
      'Management', 'Administration', 'Share of pool', '(business-sustaining, no driver)', null, null, null, 150, 150,
    ]);
    const delivery = rowLabelled(rates, 'Delivery');
    expect(values(delivery)).toEqual(['Delivery', null, 'Rate', 'Drops', 25, 20, 25, 500, 0]);
    expect(delivery.cells[4]?.format).toBe('rate');
    const total = rowLabelled(rates, 'Total', 1);
    expect(total.cells[7]?.value).toBe(1750);
    expect(total.cells[8]?.value).toBe(150);
  });
});

describe('ABC Summary', () => {
  const summary = sheet(smallResult(), 'ABC Summary');
  const value = (label: string, occurrence = 0): string | number | null | undefined => rowLabelled(summary, label, occurrence).cells[1]?.value;

  it('shows the headline figures', () => {
    expect(value('Revenue')).toBe(14000);
    expect(value('Net revenue')).toBe(13500);
    expect(value('Gross margin')).toBe(4800);
    expect(value('Cost to serve')).toBe(1600);
    expect(value('Net profit of customers')).toBe(2950);
    expect(value('Unused capacity cost')).toBe(200);
    expect(value('Cost not charged to customers')).toBe(200);
    expect(value('Operating profit')).toBe(2550);
    expect(value('Customers')).toBe(3);
    expect(value('Loss-making customers')).toBe(1);
    expect(value('Share of loss-making customers')).toBeCloseTo(1 / 3, 12);
    expect(value('Net profit of loss-making customers')).toBe(-210);
    expect(value('Share of profit earned by the top 20% (1 customer)')).toBeCloseTo(2500 / 2950, 12);
    expect(rowLabelled(summary, 'Gross margin %').cells[1]?.format).toBe('percent');
  });

  it('reconciles every pool with a zero difference', () => {
    expect(values(rowLabelled(summary, 'Inside sales'))).toEqual(['Inside sales', 1000, 800, 0, 200, 0, 0]);
    expect(values(rowLabelled(summary, 'Administration'))).toEqual(['Administration', 500, 450, 150, 0, 50, 0]);
    expect(rowLabelled(summary, 'Inside sales').cells[6]?.format).toBe('money');
  });

  it('reconciles the company result both ways', () => {
    expect(value('Sum of customer net profit')).toBe(2950);
    expect(value('Less unused capacity cost')).toBe(-200);
    expect(value('Less cost not charged to customers')).toBe(-200);
    expect(value('Operating profit', 1)).toBe(2550);
    expect(value('Difference to the reported operating profit', 0)).toBe(0);
    expect(value('Less pool costs')).toBe(-1500);
    expect(value('Less rate activity costs')).toBe(-500);
    expect(value('Less direct customer costs')).toBe(-250);
    expect(value('Operating profit', 2)).toBe(2550);
    expect(value('Difference to the reported operating profit', 1)).toBe(0);
  });

  it('shows a difference when the figures do not reconcile', () => {
    const result = smallResult();
    result.totals = { ...result.totals, operatingProfit: dec('2549.99') };
    const s = sheet(result, 'ABC Summary');
    expect(rowLabelled(s, 'Difference to the reported operating profit').cells[1]?.value).toBe(0.01);
  });

  it('lists the warnings with code, location and message', () => {
    expect(values(rowLabelled(summary, 'ZERO_DRIVER_QUANTITY'))).toEqual(['ZERO_DRIVER_QUANTITY', 'Activities!C7 (ABC_Activities)', 'Driver "Samples" adds up to 0.']);
    const none = smallResult();
    none.issues = [];
    expect(rowLabelled(sheet(none, 'ABC Summary'), 'No warnings.').cells).toHaveLength(1);
  });
});

describe('numberFormat', () => {
  it('maps every cell format', () => {
    expect(numberFormat('money', 'EUR')).toBe('"€ "#,##0.00;[Red]"€ "-#,##0.00');
    expect(numberFormat('money', 'usd')).toBe('"$"#,##0.00;[Red]"$"-#,##0.00');
    expect(numberFormat('money', 'GBP')).toBe('"£"#,##0.00;[Red]"£"-#,##0.00');
    expect(numberFormat('money', 'CHF')).toBe('#,##0.00 "CHF";[Red]-#,##0.00 "CHF"');
    expect(numberFormat('money', '€')).toBe(numberFormat('money', 'EUR'));
    expect(numberFormat('percent', 'EUR')).toBe('0.0%');
    expect(numberFormat('integer', 'EUR')).toBe('#,##0');
    expect(numberFormat('decimal', 'EUR')).toBe('#,##0.00');
    expect(numberFormat('rate', 'EUR')).toBe('#,##0.0000');
    expect(numberFormat('text', 'EUR')).toBe('@');
  });

  it('cannot be broken by a currency typed in the workbook', () => {
    expect(numberFormat('money', 'S"EK;@')).toBe('#,##0.00 "SEK";[Red]-#,##0.00 "SEK"');
  });
});
