/**
 * The customer statement with an earlier period (issue 20): a column of the customer's figures then next
 * to this period's, and a block splitting its change in net profit into the bridge's parts, adding up to
 * the change. Golden on Kaplan's department over two periods (test/helpers/compare-periods.ts), and on the
 * sample wholesaler's 2025 against its 2026.
 */
import { compareResults } from '../../src/engine/compare/bridge';
import { figuresOfResult } from '../../src/engine/compare/figures';
import { type Dec, ZERO, roundCents, toNumber } from '../../src/engine/decimal';
import type { CostingResult, CustomerResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { generateEarlierSampleModel, generateSampleModel, gridsOf, type SampleSheet } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';
import { buildStatementSheets, findCustomer, type StatementEarlier } from '../../src/workbook/report-statement';
import type { ReportLanguage } from '../../src/workbook/report-text';
import type { ReportSheet } from '../../src/workbook/report-types';
import { renderSheetXml } from '../../src/xlsx/render-sheet';
import { kaplanPeriods } from '../helpers/compare-periods';

/** What a caller hands the statement: each customer's earlier figures and its change, by id. */
function earlierOf(before: CostingResult, after: CostingResult, label: string): (c: CustomerResult) => StatementEarlier | undefined {
  const figures = new Map(figuresOfResult(before).customers.map((c) => [c.customer, c]));
  const changes = new Map(compareResults(before, after).customers.map((c) => [c.customer, c]));
  return (c) => {
    const change = changes.get(c.customer);
    return change === undefined ? undefined : { label, figures: figures.get(c.customer) ?? null, change };
  };
}

function statement(before: CostingResult, after: CostingResult, id: string, language: ReportLanguage = 'en', label = '2025'): ReportSheet {
  const c = findCustomer(after, id) as CustomerResult;
  const [sheet] = buildStatementSheets(after, [c], language, [], undefined, [], earlierOf(before, after, label));
  return sheet as ReportSheet;
}

/** The row whose first cell is `label` (the first one from `from`), as plain values. */
function line(sheet: ReportSheet, label: string, from = 0): Array<string | number | null> {
  const found = sheet.rows.slice(from).find((r) => r.cells[0]?.value === label);
  if (found === undefined) throw new Error(`no line ${label}`);
  return found.cells.map((c) => c.value);
}

/** The change block: its lines up to and including its total line, as [label, amount]. */
function changeBlock(sheet: ReportSheet, section: string, total: string): Array<[string, number]> {
  const start = sheet.rows.findIndex((r) => r.cells[0]?.value === section);
  if (start < 0) throw new Error(`no section ${section}`);
  const rows = sheet.rows.slice(start + 2);
  const end = rows.findIndex((r) => r.cells[0]?.value === total);
  return rows.slice(0, end + 1).map((r) => [String(r.cells[0]?.value), r.cells[1]?.value as number]);
}

/** The column of the earlier period's figures (after this customer's amount, per order and %). */
function earlierAt(sheet: ReportSheet, label = 'This customer, 2025'): number {
  const at = sheet.rows.find((r) => r.style === 'header' && r.cells.some((c) => c.value === label))?.cells.findIndex((c) => c.value === label);
  if (at === undefined || at < 0) throw new Error(`no column ${label}`);
  return at;
}

/** Adds amounts to the cent, as whole cents. */
const addCents = (xs: number[]): number => xs.reduce((acc, x) => acc + Math.round(x * 100), 0) / 100;

describe("the statement of Kaplan's customer A against the earlier period", () => {
  const [before, after] = kaplanPeriods();
  const s = statement(before, after, 'A');

  test('the earlier column stands next to this customer, an amount per line', () => {
    expect(line(s, 'Line')).toEqual(['Line', 'Amount', '% of net revenue', 'Amount', 'Amount', '% of net revenue']);
    expect(s.rows.find((r) => r.style === 'header' && r.cells[1]?.value === 'This customer')?.cells.map((c) => c.value)).toEqual([
      null,
      'This customer',
      null,
      'This customer, 2025',
      'Average customer: company',
      null,
    ]);
  });

  test('the P&L lines now and then, to the cent', () => {
    const amounts = (label: string) => [line(s, label)[1], line(s, label)[3]];
    expect(amounts('Revenue')).toEqual([110000, 100000]);
    expect(amounts('Discounts')).toEqual([0, 0]);
    expect(amounts('Net revenue')).toEqual([110000, 100000]);
    expect(amounts('COGS')).toEqual([66000, 60000]);
    expect(amounts('Gross margin')).toEqual([44000, 40000]);
    // Orders 150 × 6.80 then 100 × 6.40; inquiries 10 × 34.00 then 10 × 35.20; checks 2 × 42.50 then 2 × 40.00.
    expect(amounts('Process customer orders')).toEqual([1020, 640]);
    expect(amounts('Handle customer inquiries')).toEqual([340, 352]);
    expect(amounts('Perform credit checks')).toEqual([85, 80]);
    expect(amounts('Cost to serve')).toEqual([1445, 1072]);
    expect(amounts('Direct customer costs')).toEqual([0, 0]);
    expect(amounts('Net profit')).toEqual([42555, 38928]);
  });

  test('the change block: revenue, COGS, volume and cost per unit per activity, adding up to +3,627.00', () => {
    const block = changeBlock(s, 'Change against 2025', 'Change in net profit');
    expect(line(s, 'Part')).toEqual(['Part', 'Effect on net profit']);
    expect(block).toEqual([
      ['Revenue', 10000],
      ['Discounts', 0],
      ['COGS', -6000],
      ['Process customer orders: volume', -320],
      ['Process customer orders: cost per unit', -60],
      ['Handle customer inquiries: cost per unit', 12],
      ['Perform credit checks: cost per unit', -5],
      ['Direct customer costs', 0],
      ['Change in net profit', 3627],
    ]);
    expect(addCents(block.slice(0, -1).map(([, x]) => x))).toBe(3627);
    expect(s.rows.find((r) => r.cells[0]?.value === 'Change in net profit')?.style).toBe('total');
  });

  test('C, new this period: a blank earlier column, all of its profit the change', () => {
    const c = statement(before, after, 'C');
    expect([line(c, 'Revenue')[1], line(c, 'Revenue')[3], line(c, 'Net profit')[1], line(c, 'Net profit')[3]]).toEqual([1000, null, 432, null]);
    const block = changeBlock(c, 'Change against 2025', 'Change in net profit');
    expect(block).toEqual([
      ['Revenue', 1000],
      ['Discounts', 0],
      ['COGS', -500],
      ['Process customer orders: volume', -64],
      ['Process customer orders: cost per unit', -4],
      ['Direct customer costs', 0],
      ['Change in net profit', 432],
    ]);
    expect(line(c, 'New customer since 2025: all of its net profit is the change.')).toHaveLength(1);
  });

  test('in Dutch, with the label given (a budget)', () => {
    const nl = statement(before, after, 'A', 'nl', 'Budget');
    expect(nl.rows.some((r) => r.cells[3]?.value === 'Deze klant, Budget')).toBe(true);
    const block = changeBlock(nl, 'Verandering ten opzichte van Budget', 'Verandering in nettowinst');
    expect(block.map(([label]) => label)).toEqual([
      'Omzet',
      'Korting',
      'Kostprijs omzet',
      'Process customer orders: volume',
      'Process customer orders: kosten per eenheid',
      'Handle customer inquiries: kosten per eenheid',
      'Perform credit checks: kosten per eenheid',
      'Directe klantkosten',
      'Verandering in nettowinst',
    ]);
    expect(block.map(([, x]) => x)).toEqual([10000, 0, -6000, -320, -60, 12, -5, 0, 3627]);
  });

  test('the xlsx writer writes the earlier column and the change block as cells', () => {
    const xml = renderSheetXml(s, () => 0);
    const rowOf = (label: string): number => s.rows.findIndex((r) => r.cells[0]?.value === label) + 1;
    expect(xml).toContain(`<c r="D${rowOf('Revenue')}"><v>100000</v></c>`);
    expect(xml).toContain(`<c r="D${rowOf('Net profit')}"><v>38928</v></c>`);
    expect(xml).toContain('<t>Change against 2025</t>');
    expect(xml).toContain(`<c r="B${rowOf('Change in net profit')}"><v>3627</v></c>`);
  });

  test('without an earlier period the statement is exactly as before', () => {
    const c = findCustomer(after, 'A') as CustomerResult;
    const plain = buildStatementSheets(after, [c], 'en');
    expect(buildStatementSheets(after, [c], 'en', [], undefined, [], () => undefined)).toEqual(plain);
    expect(plain[0]?.rows.some((r) => r.cells[0]?.value === 'Change against 2025')).toBe(false);
  });
});

describe("the sample wholesaler's statements against 2025", () => {
  const cost = (sheets: readonly SampleSheet[]): CostingResult => {
    const read = readContract(gridsOf(sheets));
    const outcome = runModel(read.model, read.issues);
    if (outcome.result === null) throw new Error(outcome.issues.map((i) => i.message).join('\n'));
    return outcome.result;
  };
  const before = cost(generateEarlierSampleModel());
  const after = cost(generateSampleModel());
  const figures = new Map(figuresOfResult(before).customers.map((c) => [c.customer, c]));
  const worst = [...after.customers].sort((a, b) => a.netProfit.comparedTo(b.netProfit)).slice(0, 15);
  const sheets = buildStatementSheets(after, worst, 'en', [], undefined, [], earlierOf(before, after, '2025'));

  test("each change block adds up to the customer's change, and the earlier column is the customer's 2025", () => {
    const cents = (d: Dec): number => toNumber(roundCents(d));
    sheets.forEach((s, i) => {
      const c = worst[i] as CustomerResult;
      const then = figures.get(c.customer);
      const block = changeBlock(s, 'Change against 2025', 'Change in net profit');
      const total = block[block.length - 1]?.[1] as number;
      expect([c.customer, addCents(block.slice(0, -1).map(([, x]) => x))]).toEqual([c.customer, total]);
      expect(total).toBe(cents(c.netProfit.minus(then?.netProfit ?? ZERO)));
      if (then === undefined) return;
      const at = earlierAt(s);
      expect(line(s, 'Net profit')[at]).toBe(cents(then.netProfit));
      expect(line(s, 'Revenue')[at]).toBe(cents(then.revenue));
      expect(line(s, 'Order entry')[at]).toBe(cents(then.activityCosts.get('Order entry') as Dec));
    });
  });

  test('the worst customer of 2026 lost more in 2025: its column stands after amount, per order and %', () => {
    const s = sheets[0] as ReportSheet;
    expect(earlierAt(s)).toBe(4);
    const profit = line(s, 'Net profit');
    expect((profit[4] as number) < (profit[1] as number)).toBe(true);
  });
});
