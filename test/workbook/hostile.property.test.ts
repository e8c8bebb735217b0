/**
 * Whatever the cells hold, analysing a workbook returns: it never throws or loops, every error has a code
 * and a location, and a result that is computed holds only finite figures that reconcile to the cent.
 * The grids start from a valid model and get hostile cells (extreme numbers, hostile text, error values,
 * booleans, dates, formulas without a result, unreadable number cells, percentages) anywhere, headers
 * included, and extra rows; a second property builds ranges from nothing but hostile cells. Packed by
 * columns, as the task pane's worker reads them, every such workbook reads exactly as by rows.
 */
import fc from 'fast-check';
import type { Dec } from '../../src/engine/decimal';
import { formatWhere } from '../../src/engine/issues';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { CONTRACT_HEADERS, CONTRACT_RANGES, type ContractRangeName } from '../../src/workbook/contract';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';
import { packGrid } from '../../src/taskpane/grid-columns';
import type { ContractGrid } from '../../src/workbook/column-grid';
import { resultToJson } from '../../src/workbook/result-json';
import { grid, validGrids, withRange } from './contract-fixtures';

const EXTREME_NUMBERS = [1e308, -1e308, 1e13, -1e13, 9_999_999_999_999, 5e-324, -5e-324, -0, 0, NaN, Infinity, -Infinity, 1e-300, 0.1, 2 ** 53, 1e21];
const HOSTILE_TEXT = [
  '1e9000000000000001',
  '-1e9000000000000001',
  '1e-9000000000000001',
  '1e400',
  '1e-400',
  '1.234',
  '1,234',
  '1.234.567',
  '1,234,567.50',
  '12,5',
  '70%',
  '1e99999%',
  '=SUM(A1)',
  '+1',
  '-',
  '@x',
  '😀',
  '\u0000',
  '\u00a0',
  ' ',
  '',
  'x'.repeat(20_000),
  '9'.repeat(5_000),
  `0.${'0'.repeat(400)}1`,
  'NaN',
  'Infinity',
  '#N/A',
];
/** Names that the valid model uses, so hostile rows still meet real pools, drivers and customers. */
const NAMES = ['Customer service', 'Warehouse', 'Management', 'Order entry', 'Orders', 'Order lines', 'Rush orders', 'Deliveries', 'C-2', 'hours', 'minutes', 'Currency', 'Period', 'UnusedCapacity', 'assign', 'EUR'];
const HEADERS = CONTRACT_RANGES.flatMap((name) => CONTRACT_HEADERS[name].columns.flatMap((c) => [c.en, c.nl]));

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
  { weight: 3, arbitrary: fc.double({ noNaN: false }) },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#REF!' }, { error: '#DIV/0!' }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(new Date(Date.UTC(2024, 2, 31)), new Date(Date.UTC(2024, 2, 31, 13, 5)), new Date(NaN), new Date(8.64e15)) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>({ formula: '450*2' }, { formula: 'SUM(A1:A9)' }, { formula: '' }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>({ stored: '900,5' }, { stored: '' }, { stored: '1e9000000000000001' }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>({ percent: 0.02 }, { percent: 0.7 }, { percent: -0.5 }, { percent: NaN }, { percent: 1e308 }, { percent: 5e-324 }) },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** Replacements of single cells: range, row, column (up to two rows and a column beyond the range) and value. */
const edits = fc.array(
  fc.record({ range: fc.constantFrom(...CONTRACT_RANGES), row: fc.nat(10), column: fc.nat(7), value: cell }),
  { minLength: 1, maxLength: 12 },
);

function edited(changes: ReadonlyArray<{ range: ContractRangeName; row: number; column: number; value: CellValue }>): Map<ContractRangeName, RangeGrid> {
  const grids = validGrids();
  for (const { range, row, column, value } of changes) {
    const g = grids.get(range);
    if (g === undefined) continue;
    const rows = g.rows.map((r) => r.slice());
    while (rows.length <= row) rows.push([]);
    const target = rows[row] as CellValue[];
    while (target.length < column) target.push(null);
    target[column] = value;
    grids.set(range, { ...g, rows });
  }
  return grids;
}

/** Ranges of hostile cells under headers taken from the contract (so the readers get past the headers). */
const hostileRanges = fc
  .record({
    present: fc.array(fc.boolean(), { minLength: CONTRACT_RANGES.length, maxLength: CONTRACT_RANGES.length }),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 6 }),
    top: fc.integer({ min: 1, max: 1_048_570 }),
    left: fc.integer({ min: 1, max: 16_000 }),
  })
  .map(({ present, rows, top, left }) => {
    const grids = new Map<ContractRangeName, RangeGrid>();
    CONTRACT_RANGES.forEach((name, i) => {
      if (present[i] === false) return;
      const headers = CONTRACT_HEADERS[name].columns.map((c) => (i % 2 === 0 ? c.en : c.nl));
      grids.set(name, grid(name, `Sheet ${i}`, [headers, ...rows], top, left));
    });
    return grids;
  });

function assertSound(grids: Map<ContractRangeName, RangeGrid>): void {
  const analysis = analyseWorkbook(grids);
  for (const issue of analysis.issues) {
    expect(typeof issue.code).toBe('string');
    expect(issue.code).toMatch(/^[A-Z_]+$/);
    // Text quoted from a cell may hold anything (a hostile "${" too); outside the quotes nothing may leak.
    expect(issue.message.replace(/"[^"]*"/g, '""')).not.toMatch(/undefined|\[object|\$\{/);
    if (issue.severity === 'error') expect(formatWhere(issue.where)).not.toBeNull();
  }
  const hasErrors = analysis.issues.some((i) => i.severity === 'error');
  expect(analysis.result === null).toBe(hasErrors);
  const result = analysis.result;
  if (result === null) return;
  const finite = (d: Dec | null): void => {
    if (d !== null) expect(d.isFinite() && Number.isFinite(d.toNumber())).toBe(true);
  };
  for (const value of Object.values(result.totals)) finite(value as Dec);
  for (const c of result.customers) [c.revenue, c.netProfit, c.costToServe, c.directCosts].forEach(finite);
  for (const p of result.pools) [p.cost, p.ratePerMinute, p.unusedCost, p.unassignedCost].forEach(finite);
  for (const a of result.activities) for (const d of a.drivers) finite(d.costPerUnit);
  const t = result.totals;
  expect(t.operatingProfit.toString()).toBe(t.netProfit.minus(t.unusedCapacityCost).minus(t.unassignedCost).toString());
  let net = t.netProfit.minus(t.netProfit);
  for (const c of result.customers) net = net.plus(c.netProfit);
  expect(net.toString()).toBe(t.netProfit.toString());
}

// A hang cannot be interrupted inside a synchronous run; the test's timeout is the bound on all runs.
const ALL_RUNS_MS = 60_000;

describe('hostile workbooks', () => {
  test(
    'a valid model with hostile cells anywhere: analysis returns, errors are located, results are finite and reconcile',
    () => {
      fc.assert(fc.property(edits, (changes) => assertSound(edited(changes))), { numRuns: 150, seed: 20240607 });
    },
    ALL_RUNS_MS,
  );

  test(
    'ranges of nothing but hostile cells under contract headers',
    () => {
      fc.assert(fc.property(hostileRanges, (grids) => assertSound(grids)), { numRuns: 100, seed: 7 });
    },
    ALL_RUNS_MS,
  );

  test('the worst values alone, in every cell of the header row and the first data row of every range', () => {
    const values: CellValue[] = [
      1e308,
      -1e308,
      1e13,
      5e-324,
      NaN,
      Infinity,
      -0,
      '1e9000000000000001',
      '1e400',
      '1.234',
      '=SUM(A1)',
      { formula: '450*2' },
      { stored: '900,5' },
      { percent: 0.02 },
      { percent: NaN },
      { error: '#N/A' },
      true,
      new Date(NaN),
    ];
    let cells = 0;
    for (const name of CONTRACT_RANGES) {
      const g = validGrids().get(name);
      // The fixture has no scenarios (an optional range), so there are no cells of it to spoil.
      if (g === undefined) continue;
      for (let r = 0; r < 2; r++) {
        for (let c = 0; c < (g.rows[r]?.length ?? 0); c++) {
          for (const value of values) {
            assertSound(edited([{ range: name, row: r, column: c, value }]));
            cells++;
          }
        }
      }
    }
    expect(cells).toBe(27 * 2 * values.length);
  }, ALL_RUNS_MS);
});

/** The grids as the task pane's worker gets them: every range packed by columns (grid-columns.ts). */
function byColumns(grids: Map<ContractRangeName, RangeGrid>): Map<ContractRangeName, ContractGrid> {
  return new Map([...grids].map(([name, g]) => [name, packGrid(g).packed]));
}

/** Everything an analysis says, as plain data: issues with their locations, and the result as JSON. */
function said(grids: ReadonlyMap<ContractRangeName, ContractGrid>): unknown {
  const analysis = analyseWorkbook(grids);
  return { ranges: analysis.ranges, json: resultToJson({ issues: analysis.issues, result: analysis.result }) };
}

/** Long-form volume rows of the fixture's customers and drivers, with hostile cells among them and short or blank rows. */
const longRows = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom<CellValue>('C-1', 'c-1 ', 'C-2', 1001, ' C-2', '   '), fc.constantFrom<CellValue>('Orders', 'order lines', 'Rush orders', ' '), fc.integer({ min: 0, max: 40 })) },
    { weight: 3, arbitrary: fc.tuple(cell, cell, cell) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue[]>([], [null, null, null], ['  ', null, '\u00a0'], [null, null, 3]) },
  ),
  { maxLength: 40 },
);

describe('a workbook read by columns', () => {
  test(
    'gives the same ranges, issues, locations and figures as read by rows, whatever the cells',
    () => {
      fc.assert(
        fc.property(edits, longRows, (changes, rows) => {
          const grids = edited(changes);
          const long = withRange(new Map(grids), 'ABC_Volumes', [['Customer', 'Driver', 'Quantity'], ...rows.map((r) => [...r])], 'Lines', 3, 2);
          for (const g of [grids, long]) expect(said(byColumns(g))).toEqual(said(g));
        }),
        { numRuns: 150, seed: 20261130 },
      );
      fc.assert(fc.property(hostileRanges, (grids) => expect(said(byColumns(grids))).toEqual(said(grids))), { numRuns: 100, seed: 11 });
    },
    ALL_RUNS_MS,
  );
});
