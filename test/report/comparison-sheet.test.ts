/**
 * The Comparison sheet (issue 20) on Kaplan & Anderson's department over two periods
 * (test/helpers/kaplan-periods.ts): the company bridge in its cells with the check row at 0.00, the
 * waterfall's stacked series against the figures table under the chart, the customer lists with their
 * main cause in words, the quintile migration, Dutch texts, budget labels, and workbook text kept as text.
 *
 * Company, A B C D (see the helper): revenue +10,000 (A) + 1,000 (C, new) − 1,800 (D) = 9,200; COGS −6,000
 * − 500 + 900 = −5,600; volume: orders A −50 × 6.40 = −320, C −10 × 6.40 = −64: −384; rate: orders
 * −(150 + 200 + 10 + 20) × 0.40 = −152 (all cost per minute), inquiries +12 + 6 = +18 (time per unit +48,
 * cost per minute −30), checks −5 − 2.50 = −7.50: −141.50; unused capacity not charged: used minutes
 * 3,370 → 3,790, unused cost 560,000 − 2,696 = 557,304 → 595,000 − 3,221.50 = 591,778.50: −34,474.50.
 * Operating profit 153,000 − 92,000 − 560,000 = −499,000 → 162,200 − 97,600 − 595,000 = −530,400.
 */
import fc from 'fast-check';
import type { MainCause } from '../../src/engine/compare/types';
import { dec } from '../../src/engine/decimal';
import { stackedStep, type WaterfallStep } from '../../src/workbook/bridge-waterfall';
import { BRIDGE_CHART_NAME, buildComparisonSheet } from '../../src/workbook/report-comparison';
import { OPTIONAL_REPORT_ROLES, roleOfSheetName } from '../../src/workbook/report-text';
import type { ReportSheet } from '../../src/workbook/report-types';
import { handAnalysis, kaplanComparison } from '../helpers/kaplan-periods';

const CAUSES: Record<string, MainCause> = {
  A: { kind: 'revenue', amount: dec(10000) },
  B: { kind: 'costPerMinute', activity: 'Process customer orders', pool: 'Customer service', rateBefore: dec('0.8'), rateAfter: dec('0.85'), amount: dec(-80) },
  C: { kind: 'new' },
  D: { kind: 'revenue', amount: dec(-1800) },
};

/** counts[then][now]: A Q1 → Q1, B Q2 → Q2, D Q3 → Q5, C new → Q4 (hand-made, to see each lands in its cell). */
function counts(): number[][] {
  const c = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 0));
  (c[0] as number[])[0] = 1;
  (c[1] as number[])[1] = 1;
  (c[2] as number[])[4] = 1;
  (c[5] as number[])[3] = 1;
  return c;
}

function sheetOf(language: 'en' | 'nl' = 'en', labels = { earlier: '2025', now: '2026' }): ReportSheet {
  const { comparison } = kaplanComparison({ withD: true });
  return buildComparisonSheet(comparison, handAnalysis(comparison, CAUSES, counts()), labels, 'EUR', language);
}

/** The values of the row whose first cell is `label` (the first such row after `after`, 1-based). */
function rowOf(sheet: ReportSheet, label: string, after = 0): Array<string | number | null> {
  const i = sheet.rows.findIndex((r, n) => n >= after && r.cells[0]?.value === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return (sheet.rows[i]?.cells ?? []).map((c) => c.value);
}

const indexOf = (sheet: ReportSheet, label: string): number => sheet.rows.findIndex((r) => r.cells[0]?.value === label);

describe('the Comparison sheet', () => {
  const sheet = sheetOf();

  it('is an optional report sheet named ABC Comparison / ABC Vergelijking', () => {
    expect([sheet.name, sheet.role]).toEqual(['ABC Comparison', 'comparison']);
    expect(OPTIONAL_REPORT_ROLES).toContain('comparison');
    expect([roleOfSheetName('ABC Comparison'), roleOfSheetName('abc vergelijking')]).toEqual(['comparison', 'comparison']);
  });

  it("bridges the company's operating profit part by part, per activity with time per unit and cost per minute, and checks it adds up", () => {
    expect(rowOf(sheet, 'Operating profit 2025')).toEqual(['Operating profit 2025', -499000]);
    expect(rowOf(sheet, 'Revenue')).toEqual(['Revenue', 9200]);
    expect(rowOf(sheet, 'Discounts')).toEqual(['Discounts', 0]);
    expect(rowOf(sheet, 'Cost of goods sold')).toEqual(['Cost of goods sold', -5600]);
    const volume = indexOf(sheet, 'Activity volume');
    expect(sheet.rows.slice(volume, volume + 2).map((r) => r.cells.map((c) => c.value))).toEqual([
      ['Activity volume', -384],
      ['    Process customer orders', -384],
    ]);
    const rate = indexOf(sheet, 'Activity rate');
    expect(sheet.rows.slice(rate, rate + 4).map((r) => r.cells.map((c) => c.value))).toEqual([
      ['Activity rate', -141.5],
      ['    Process customer orders', -152, 0, -152],
      ['    Handle customer inquiries', 18, 48, -30],
      ['    Perform credit checks', -7.5, 0, -7.5],
    ]);
    expect(rowOf(sheet, 'Unused capacity charged to customers')).toEqual(['Unused capacity charged to customers', 0]);
    expect(rowOf(sheet, 'Direct customer costs')).toEqual(['Direct customer costs', 0]);
    expect(rowOf(sheet, 'Unused capacity not charged to customers')).toEqual(['Unused capacity not charged to customers', -34474.5]);
    expect(rowOf(sheet, 'Cost not charged to customers')).toEqual(['Cost not charged to customers', 0]);
    expect(rowOf(sheet, 'Operating profit 2026')).toEqual(['Operating profit 2026', -530400]);
    expect(rowOf(sheet, 'Change in operating profit')).toEqual(['Change in operating profit', -31400]);
    expect(rowOf(sheet, 'Parts add up to the change')).toEqual(['Parts add up to the change', -31400]);
    expect(rowOf(sheet, 'Difference (should be 0.00)')).toEqual(['Difference (should be 0.00)', 0]);
    expect(sheet.rows[indexOf(sheet, 'Difference (should be 0.00)')]?.cells[1]?.format).toBe('money');
  });

  it('draws the bridge as a stacked waterfall whose series read the figures under the chart, with those figures as their cache', () => {
    const chart = sheet.chart;
    const bars = chart?.waterfall;
    if (chart === undefined || bars === undefined) throw new Error('no waterfall');
    expect([chart.name, chart.title, chart.series]).toEqual([BRIDGE_CHART_NAME, 'Operating profit: 2025 to 2026', []]);
    // The chart covers the empty rows under its heading.
    const heading = indexOf(sheet, 'Profit bridge');
    expect(chart.anchor.fromRow).toBe(heading + 1);
    expect(sheet.rows.slice(chart.anchor.fromRow, chart.anchor.toRow).every((r) => r.cells.length === 0)).toBe(true);
    expect(bars.series.map((s) => [s.role, s.name, s.values.column])).toEqual([
      ['base', 'Base (not drawn)', 2],
      ['increase', 'Increase', 3],
      ['decrease', 'Decrease', 4],
      ['total', 'Total', 5],
    ]);
    // Every range names this sheet and holds, row for row, the values cached for it.
    for (const range of [bars.categories, ...bars.series.map((s) => s.values)]) {
      expect(range.sheet).toBe('ABC Comparison');
      const cells = sheet.rows.slice(range.firstRow - 1, range.lastRow).map((r) => r.cells[range.column - 1]?.value);
      expect(cells).toEqual(range.values);
    }
    expect(bars.categories.values).toEqual([
      'Operating profit 2025', 'Revenue', 'Discounts', 'Cost of goods sold', 'Activity volume', 'Activity rate',
      'Unused capacity charged to customers', 'Direct customer costs', 'Unused capacity not charged to customers', 'Cost not charged to customers', 'Operating profit 2026',
    ]);
    const [base, up, down, total] = bars.series.map((s) => s.values.values);
    // Under zero: revenue lifts −499,000 to −489,800, drawn as a bar of −9,200 under a base of −489,800.
    expect([base?.[1], up?.[1], down?.[1]]).toEqual([-489800, -9200, 0]);
    expect([base?.[8], down?.[8]]).toEqual([-495925.5, -34474.5]);
    expect([total?.[0], total?.[10], base?.[0], base?.[10]]).toEqual([-499000, -530400, 0, 0]);
  });

  it('adds the below-zero series only when a bar crosses zero', () => {
    const { comparison } = kaplanComparison({ withD: true, scale: 0.01 });
    const analysis = handAnalysis(comparison, CAUSES, counts());
    const roles = (c: typeof comparison): unknown => buildComparisonSheet(c, analysis, { earlier: '2025', now: '2026' }, 'EUR').chart?.waterfall?.series.map((x) => [x.role, x.name]);
    // 55,400 → 58,650 all above zero: four series.
    expect(roles(comparison)).toEqual([['base', 'Base (not drawn)'], ['increase', 'Increase'], ['decrease', 'Decrease'], ['total', 'Total']]);
    // Shifted to −6,000: revenue (+9,200) crosses up, COGS (−5,600) back down.
    const shifted = { ...comparison, totals: { ...comparison.totals, before: dec(-6000), after: dec(-6000).plus(comparison.totals.change) } };
    expect(roles(shifted)).toEqual([
      ['base', 'Base (not drawn)'], ['increase', 'Increase'], ['decrease', 'Decrease'], ['total', 'Total'],
      ['increase', 'Increase below zero'], ['decrease', 'Decrease below zero'],
    ]);
    const bars = buildComparisonSheet(shifted, analysis, { earlier: '2025', now: '2026' }, 'EUR').chart?.waterfall;
    expect(bars?.series.map((x) => [x.values.column, x.values.values[1], x.values.values[3]])).toEqual([
      [2, 0, 0], [3, 3200, 0], [4, 0, 3200], [5, 0, 0], [6, -6000, 0], [7, 0, -2400],
    ]);
  });

  it('lists customers from profit to loss, back, the largest improvements and declines with their main cause in words', () => {
    const block = (title: string): unknown[][] => {
      const at = indexOf(sheet, title);
      const rows: unknown[][] = [];
      for (let i = at + 2; i < sheet.rows.length && (sheet.rows[i]?.cells.length ?? 0) > 0; i++) rows.push((sheet.rows[i]?.cells ?? []).map((c) => c.value));
      return [(sheet.rows[at + 1]?.cells ?? []).map((c) => c.value), ...rows];
    };
    const header = ['Customer', 'Name', 'Net profit 2025', 'Net profit 2026', 'Change', 'Main cause'];
    expect(block('Customers from profit to loss')).toEqual([header, ['D', 'Customer D', 872, -36, -908, 'revenue -€ 1,800.00']]);
    expect(block('Customers from loss to profit')).toEqual([header, ['None.']]);
    expect(block('Largest improvements (top 10)')).toEqual([header, ['A', 'Customer A', 38928, 42555, 3627, 'revenue +€ 10,000.00'], ['C', 'Customer C', 0, 432, 432, 'new customer']]);
    expect(block('Largest declines (top 10)')).toEqual([
      header,
      ['D', 'Customer D', 872, -36, -908, 'revenue -€ 1,800.00'],
      ['B', 'Customer B', 18504, 18427.5, -76.5, 'cost per minute of Customer service +6% (€ 0.80 → € 0.85)'],
    ]);
  });

  it('shows at most ten improvements even when handed more', () => {
    const { comparison } = kaplanComparison({ withD: true });
    const analysis = handAnalysis(comparison, CAUSES, counts());
    const many = { ...analysis, improvements: Array.from({ length: 12 }, () => analysis.improvements[0]!) };
    const s = buildComparisonSheet(comparison, many, { earlier: '2025', now: '2026' }, 'EUR');
    const at = indexOf(s, 'Largest improvements (top 10)');
    expect(s.rows.slice(at + 2, at + 13).filter((r) => r.cells[0]?.value === 'A')).toHaveLength(10);
  });

  it('counts customers between quintiles in a 5 × 5 table with a row of new and a column of lost customers', () => {
    const at = indexOf(sheet, 'Customers between profit quintiles (Q1: the most profitable fifth)');
    expect(sheet.rows.slice(at + 1, at + 8).map((r) => r.cells.map((c) => c.value))).toEqual([
      ['2025 ↓ / 2026 →', 'Q1 (highest)', 'Q2', 'Q3', 'Q4', 'Q5 (lowest)', 'Lost'],
      ['Q1 (highest)', 1, 0, 0, 0, 0, 0],
      ['Q2', 0, 1, 0, 0, 0, 0],
      ['Q3', 0, 0, 0, 0, 1, 0],
      ['Q4', 0, 0, 0, 0, 0, 0],
      ['Q5 (lowest)', 0, 0, 0, 0, 0, 0],
      ['New', 0, 0, 0, 1, 0, null],
    ]);
  });

  it('is written in Dutch with the labels given (a budget against this period)', () => {
    const nl = sheetOf('nl', { earlier: 'Budget', now: 'Werkelijk' });
    expect(nl.name).toBe('ABC Vergelijking');
    expect(rowOf(nl, 'Bedrijf: bedrijfsresultaat van Budget naar Werkelijk')).toHaveLength(1);
    expect(rowOf(nl, 'Bedrijfsresultaat Budget')).toEqual(['Bedrijfsresultaat Budget', -499000]);
    expect(rowOf(nl, 'Bedrijfsresultaat Werkelijk')).toEqual(['Bedrijfsresultaat Werkelijk', -530400]);
    expect(rowOf(nl, 'Onbenutte capaciteit niet aan klanten toegerekend')[1]).toBe(-34474.5);
    expect(rowOf(nl, 'Verschil (hoort 0,00 te zijn)')).toEqual(['Verschil (hoort 0,00 te zijn)', 0]);
    expect(nl.chart?.title).toBe('Bedrijfsresultaat: Budget naar Werkelijk');
    expect(nl.chart?.waterfall?.series.map((s) => s.name)).toEqual(['Basis (niet getekend)', 'Stijging', 'Daling', 'Totaal']);
    expect(rowOf(nl, 'Klanten van winst naar verlies')).toHaveLength(1);
    const decl = indexOf(nl, 'Grootste verslechteringen (top 10)');
    expect(nl.rows[decl + 1]?.cells.map((c) => c.value)).toEqual(['Klant', 'Naam', 'Nettowinst Budget', 'Nettowinst Werkelijk', 'Verandering', 'Belangrijkste oorzaak']);
    expect(nl.rows[decl + 3]?.cells[5]?.value).toBe('kosten per minuut van Customer service +6% (€ 0,80 → € 0,85)');
    const mig = indexOf(nl, 'Klanten tussen winstkwintielen (K1: het meest winstgevende vijfde)');
    expect(nl.rows[mig + 1]?.cells.map((c) => c.value)).toEqual(['Budget ↓ / Werkelijk →', 'K1 (hoogste)', 'K2', 'K3', 'K4', 'K5 (laagste)', 'Verloren']);
    expect(nl.rows[mig + 7]?.cells[0]?.value).toBe('Nieuw');
  });

  it('keeps ids and names from the workbook as text cells, a formula-looking one too', () => {
    const { comparison } = kaplanComparison({ withD: true });
    const odd = { ...comparison, customers: comparison.customers.map((c) => (c.customer === 'D' ? { ...c, customer: '007', name: '=HYPERLINK("x")' } : c)) };
    const s = buildComparisonSheet(odd, handAnalysis(odd, { ...CAUSES, '007': { kind: 'lost' } }, counts()), { earlier: '2025', now: '2026' }, 'EUR');
    const row = s.rows.find((r) => r.cells[0]?.value === '007');
    expect(row?.cells.slice(0, 2)).toEqual([{ value: '007', format: 'text' }, { value: '=HYPERLINK("x")', format: 'text' }]);
  });
});

describe('a waterfall step as stacked columns', () => {
  const cents = fc.integer({ min: -2_000_000_00, max: 2_000_000_00 });
  it('draws exactly the span from where the running total stood to where the part takes it, on either side of zero', () => {
    fc.assert(
      fc.property(cents, cents, (fromCents, amountCents) => {
        const from = dec(fromCents).dividedBy(100);
        const amount = dec(amountCents).dividedBy(100);
        const step: WaterfallStep = { label: 'x', kind: 'change', amount, from, to: from.plus(amount) };
        const s = stackedStep(step);
        // Positive values stack up from zero, negative ones down from zero, each in series order.
        const values = [s.base, s.increase, s.decrease, s.total, s.increaseBelowZero, s.decreaseBelowZero];
        const spans: Array<[number, number]> = [];
        let up = dec(0);
        let down = dec(0);
        values.forEach((v, i) => {
          const start = v.isNegative() ? down : up;
          const end = start.plus(v);
          if (v.isNegative()) down = end;
          else up = end;
          if (i > 0 && !v.isZero()) spans.push([Math.min(start.toNumber(), end.toNumber()), Math.max(start.toNumber(), end.toNumber())]);
        });
        const low = Math.min(from.toNumber(), step.to.toNumber());
        const high = Math.max(from.toNumber(), step.to.toNumber());
        const drawn = spans.reduce((n, [a, b]) => n + (b - a), 0);
        expect(drawn).toBeCloseTo(high - low, 6);
        for (const [a, b] of spans) expect(a >= low - 1e-9 && b <= high + 1e-9).toBe(true);
        // Its colour: an increase is never red, a decrease never green.
        const green = !s.increase.isZero() || !s.increaseBelowZero.isZero();
        const red = !s.decrease.isZero() || !s.decreaseBelowZero.isZero();
        expect(green && amount.isNegative()).toBe(false);
        expect(red && !amount.isNegative()).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
