/**
 * ABC_History (issue 20, item 5): the rows that keep a period, merging a period kept again, and reading the
 * table back into exactly the figures it kept, with HISTORY_UNREADABLE at the cell for a hand-edited table.
 */
import fc from 'fast-check';
import { compareFigures } from '../../src/engine/compare/bridge';
import { type PeriodFigures, figuresOfResult } from '../../src/engine/compare/figures';
import { type Dec, dec } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';
import { HISTORY_COLUMNS, historyRows, mergeHistory, readHistory } from '../../src/workbook/history-layout';
import { KAPLAN_TIME } from '../helpers/kaplan-anderson';
import { buildModel, type ModelSpec } from '../helpers/model';
import { modelSpec } from '../helpers/random-model';

/** The figures of a costed model spec. */
function figuresOf(spec: ModelSpec, period: string | null = '2025'): PeriodFigures {
  const { result, issues } = runModel(buildModel({ ...spec, settings: { ...spec.settings, period } }));
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return figuresOfResult(result);
}

/** The table as a sheet holds it: header row first, at `'ABC History'!A1`. */
function grid(rows: readonly CellValue[][]): RangeGrid {
  return { name: 'ABC_History', sheet: 'ABC History', top: 1, left: 1, rows: [[...HISTORY_COLUMNS], ...rows.map((r) => [...r])] };
}

/** Every figure as its exact decimal text, maps as sorted entries: equal plain values mean equal figures. */
function plain(f: PeriodFigures): unknown {
  const d = (x: Dec | null): string | null => (x === null ? null : x.toFixed());
  const entries = (m: ReadonlyMap<string, Dec>): Array<[string, string | null]> => [...m].map(([k, v]): [string, string | null] => [k, d(v)]).sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    label: f.label,
    currency: f.currency,
    activities: f.activities.map((a) => ({ ...a, terms: a.terms.map((t) => ({ driver: t.driver, costPerUnit: d(t.costPerUnit), minutes: d(t.minutes), ratePerMinute: d(t.ratePerMinute) })) })),
    customers: f.customers.map((c) => ({
      ...c,
      revenue: d(c.revenue),
      discounts: d(c.discounts),
      cogs: d(c.cogs),
      unusedCapacity: d(c.unusedCapacity),
      directCosts: d(c.directCosts),
      netProfit: d(c.netProfit),
      activityCosts: entries(c.activityCosts),
      quantities: entries(c.quantities),
    })),
    totals: Object.fromEntries(Object.entries(f.totals).map(([k, v]) => [k, d(v as Dec)])),
  };
}

/** Kept and read back: the same figures, and a comparison with the original that is zero everywhere. */
function expectRoundTrip(f: PeriodFigures, label: string): void {
  const kept = readHistory(grid(historyRows(f, label)));
  expect(kept.issues).toEqual([]);
  expect(kept.order).toEqual([label]);
  const back = kept.periods.get(label) as PeriodFigures;
  expect(plain(back)).toEqual(plain({ ...f, label }));
  const comparison = compareFigures(f, back);
  for (const c of comparison.customers) expect([c.customer, c.status, c.change.isZero(), Object.values(c.bridge).every((p: Dec) => p.isZero())]).toEqual([c.customer, 'both', true, true]);
  expect(comparison.totals.change.isZero()).toBe(true);
}

const column = (name: (typeof HISTORY_COLUMNS)[number]): number => HISTORY_COLUMNS.indexOf(name);

describe('ABC_History rows', () => {
  const kaplan = figuresOf(KAPLAN_TIME);

  it('keeps Kaplan\'s department as one company row, 3 activities with a term each, and per customer its row, 3 costs and 3 quantities', () => {
    const rows = historyRows(kaplan, '2025');
    expect(rows).toHaveLength(1 + 3 * 2 + 3 * (1 + 3 + 3));
    const company = rows[0] as CellValue[];
    expect([company[column('Period')], company[column('Customer')], company[column('Revenue')], company[column('Discounts')], company[column('Operating profit')]]).toEqual([
      '2025',
      null,
      2_700_000,
      35_000,
      kaplan.totals.operatingProfit.toNumber(),
    ]);
    const term = rows[2] as CellValue[];
    expect([term[column('Activity')], term[column('Driver')], term[column('Cost per unit')], term[column('Minutes per unit')], term[column('Cost per minute')]]).toEqual([
      'Process customer orders',
      'Orders',
      6.4,
      8,
      0.8,
    ]);
    const quantities = rows.filter((r) => r[column('Customer')] === 'A' && r[column('Driver')] !== null).map((r) => [r[column('Driver')], r[column('Quantity')]]);
    expect(quantities).toEqual([['Orders', 30_000], ['Inquiries', 400], ['Credit checks', 500]]);
    expect(rows.every((r) => r[column('Exact')] === null)).toBe(true);
  });

  it('reads Kaplan\'s department back exactly', () => {
    expectRoundTrip(kaplan, '2025');
  });

  it('reads random models back exactly, costs per unit of 40 digits through the Exact column', () => {
    let exactSeen = 0;
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const { result } = runModel(buildModel(spec));
        if (result === null) return;
        const f = figuresOfResult(result);
        exactSeen += historyRows(f, 'Q1').filter((r) => r[column('Exact')] !== null).length;
        expectRoundTrip(f, 'Q1');
      }),
      { numRuns: 60, seed: 20 },
    );
    // Random pools cost 3 decimals over any capacity: some cost per minute needs more than a double holds.
    expect(exactSeen).toBeGreaterThan(0);
  });

  it('keeps a segment as number or TRUE, names with their spaces, ids like 001 and drivers spelled as the model has them', () => {
    const f: PeriodFigures = {
      label: 'x',
      currency: null,
      activities: [{ activity: '=SUM(A1)', pool: null, terms: [{ driver: 'Rush Orders', costPerUnit: dec('1.0000000000000000000000000001'), minutes: null, ratePerMinute: null }] }],
      customers: [
        { customer: '001', name: ' Café  Noord ', segment: 7, revenue: dec('10.01'), discounts: dec(0), cogs: dec(0), activityCosts: new Map([['=SUM(A1)', dec('0.1')]]), unusedCapacity: dec(0), directCosts: dec(0), netProfit: dec('9.91'), quantities: new Map([['rush orders', dec('0.1')]]) },
        { customer: '1', name: null, segment: true, revenue: dec(0), discounts: dec(0), cogs: dec(0), activityCosts: new Map(), unusedCapacity: dec(0), directCosts: dec(0), netProfit: dec(0), quantities: new Map() },
      ],
      totals: { revenue: dec('10.01'), discounts: dec(0), cogs: dec(0), directCosts: dec(0), unusedCapacityCost: dec(0), unassignedCost: dec(0), operatingProfit: dec('9.91') },
    };
    const rows = historyRows(f, 'x');
    expect(rows.find((r) => r[column('Driver')] === 'Rush Orders' && r[column('Customer')] === '001')?.[column('Quantity')]).toBe(0.1);
    expect(rows[2]?.[column('Exact')]).toBe('Cost per unit=1.0000000000000000000000000001');
    const back = readHistory(grid(rows)).periods.get('x');
    expect(back?.customers.map((c) => c.segment)).toEqual([7, 'TRUE']);
    expectRoundTrip({ ...f, customers: f.customers.map((c) => (c.segment === true ? { ...c, segment: 'TRUE' } : c)) }, 'x');
  });
});

describe('keeping a period again', () => {
  const v2025 = figuresOf(KAPLAN_TIME, '2025');
  const v2026 = figuresOf({ ...KAPLAN_TIME, pools: [['Customer service', 595_000, 700_000]] }, '2026');

  it('replaces its rows, never doubles them: kept twice is one copy with the same figures', () => {
    const once = mergeHistory(null, '2025', historyRows(v2025, '2025'));
    const twice = mergeHistory(grid(once.rows), '2025', historyRows(v2025, '2025'));
    expect([once.replaced, twice.replaced, twice.rows.length]).toEqual([0, once.rows.length, once.rows.length]);
    expect(twice.rows).toEqual(once.rows);
  });

  it('keeps 2025 when 2026 is kept after a change to the model, each read back as it was kept', () => {
    const first = mergeHistory(null, '2025', historyRows(v2025, '2025'));
    const both = mergeHistory(grid(first.rows), '2026', historyRows(v2026, '2026'));
    const kept = readHistory(grid(both.rows));
    expect([kept.order, kept.issues]).toEqual([['2025', '2026'], []]);
    expect(plain(kept.periods.get('2025') as PeriodFigures)).toEqual(plain(v2025));
    expect(plain(kept.periods.get('2026') as PeriodFigures)).toEqual(plain(v2026));
    // The change between them is the department's cost: 35,000 more, carried by the customers.
    expect(compareFigures(v2025, kept.periods.get('2026') as PeriodFigures).totals.change.toFixed(2)).toBe('-35000.00');
  });

  it('treats a period typed as the number 2025 as the text 2025 kept earlier', () => {
    const rows = historyRows(v2025, '2025').map((r) => [2025, ...r.slice(1)]);
    const again = mergeHistory(grid(rows), '2025', historyRows(v2025, '2025'));
    expect(again.replaced).toBe(rows.length);
    expect(readHistory(grid(rows)).order).toEqual(['2025']);
  });

  it('keeps nothing when the rows would not fit on a sheet (HISTORY_TOO_LARGE), and keeps them when they just fit', () => {
    const first = mergeHistory(null, '2025', historyRows(v2025, '2025'));
    const n = first.rows.length;
    const fits = mergeHistory(grid(first.rows), '2026', historyRows(v2026, '2026'), 2 * n);
    expect([fits.rows.length, fits.issues]).toEqual([2 * n, []]);
    const over = mergeHistory(grid(first.rows), '2026', historyRows(v2026, '2026'), 2 * n - 1);
    expect([over.rows.length, over.issues.map((i) => [i.code, i.where.sheet, i.where.cell, i.text.args])]).toEqual([0, [['HISTORY_TOO_LARGE', 'ABC History', 'A1', { rows: 2 * n, limit: 2 * n - 1 }]]]);
    expect(over.issues[0]?.message).toMatch(/^The period was not kept: ABC_History would hold 56 rows/);
  });

  it('puts a moved column back in place and refuses to merge over a table without a Period column', () => {
    const rows = historyRows(v2025, '2025');
    const moved: RangeGrid = { ...grid([]), rows: [[...HISTORY_COLUMNS].reverse(), ...rows.map((r) => [...r].reverse())] };
    expect(mergeHistory(moved, '2026', []).rows).toEqual(rows);
    const noPeriod: RangeGrid = { ...grid(rows), rows: [['Periode?', ...HISTORY_COLUMNS.slice(1)], ...rows] };
    const refused = mergeHistory(noPeriod, '2026', historyRows(v2026, '2026'));
    expect([refused.rows.length, refused.issues.map((i) => [i.code, i.where.cell])]).toEqual([0, [['HISTORY_UNREADABLE', 'A1']]]);
  });
});

describe('a hand-edited ABC_History', () => {
  const v2025 = figuresOf(KAPLAN_TIME, '2025');
  const v2026 = figuresOf(KAPLAN_TIME, '2026');
  const rows = (): CellValue[][] => [...historyRows(v2025, '2025'), ...historyRows(v2026, '2026')];
  const firstRow = historyRows(v2025, '2025').length;

  it('names the cell with text in a number column; that period is left out, the other read', () => {
    const edited = rows();
    (edited[3] as CellValue[])[column('Cost per unit')] = 'lots';
    const kept = readHistory(grid(edited));
    expect(kept.issues.map((i) => [i.code, i.where.sheet, i.where.cell, i.where.range])).toEqual([['HISTORY_UNREADABLE', 'ABC History', 'S5', 'ABC_History']]);
    expect(kept.issues[0]?.message).toMatch(/column Cost per unit, found "lots"/);
    expect(kept.order).toEqual(['2026']);
  });

  it('names a term row whose activity row is gone, a customer row that is gone and a period without its company row', () => {
    const edited = rows();
    edited.splice(firstRow + 1, 1); // 2026's first activity row: its term row follows
    const customerRow = edited.findIndex((r) => r[column('Period')] === '2026' && r[column('Customer')] === 'B' && r[column('Activity')] === null && r[column('Driver')] === null);
    edited.splice(customerRow, 1);
    edited.splice(0, 1); // 2025's company row
    const kept = readHistory(grid(edited));
    expect(kept.issues.map((i) => [i.where.cell, i.text.args])).toEqual([
      [`C${firstRow + 2}`, { column: 'Activity', found: '"Process customer orders"', problem: 'noActivity' }],
      // B's first cost row, once: its other cost and quantity rows miss the same row.
      [`B${customerRow + 1}`, { column: 'Customer', found: '"B"', problem: 'noCustomer' }],
      ['A2', { column: 'Period', found: '2025', problem: 'noCompanyRow' }],
    ]);
    expect(kept.order).toEqual([]);
  });

  it('refuses an Exact entry that no longer agrees with its cell, and a blank period', () => {
    const f: PeriodFigures = { ...v2025, activities: [{ activity: 'A', pool: null, terms: [{ driver: 'D', costPerUnit: dec('0.12345678901234567890123'), minutes: null, ratePerMinute: null }] }] };
    const edited = historyRows(f, '2025');
    (edited[2] as CellValue[])[column('Cost per unit')] = 0.5;
    (edited[3] as CellValue[])[column('Period')] = null;
    const kept = readHistory(grid(edited));
    expect(kept.issues.map((i) => [i.where.cell, i.text.args])).toEqual([
      ['V4', { column: 'Exact', found: '"Cost per unit=0.12345678901234567890123"', problem: 'exact' }],
      ['A5', { column: 'Period', found: 'blank', problem: 'noPeriod' }],
      // The customer row without its period: its first cost row misses it.
      ['B6', { column: 'Customer', found: '"A"', problem: 'noCustomer' }],
    ]);
  });
});
