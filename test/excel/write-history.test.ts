/**
 * Keep period in the add-in (issue 20, item 5) on the strict fake host: the hidden, owned sheet "ABC History"
 * with the table ABC_History, read back into the figures kept; kept again it is one copy, the same table
 * reshaped in place (never deleted: references to it would turn to #REF!); a second period goes beside the
 * first; a user's table or sheet of our name, or a table without a Period column, stops it before anything
 * is written.
 */
import { GatewayError } from '../../src/excel/errors';
import { writeHistory } from '../../src/excel/write-history';
import { type PeriodFigures, figuresOfResult } from '../../src/engine/compare/figures';
import { compareFigures } from '../../src/engine/compare/bridge';
import { runModel } from '../../src/engine/run';
import type { CellValue } from '../../src/workbook/grid';
import { historyRows, readHistory } from '../../src/workbook/history-layout';
import { KAPLAN_TIME } from '../helpers/kaplan-anderson';
import { buildModel, type ModelSpec } from '../helpers/model';
import { fakeRun, type FakeSheet, FakeWorkbook } from './fake-excel';

function figures(spec: ModelSpec, period: string): PeriodFigures {
  const { result, issues } = runModel(buildModel({ ...spec, settings: { period } }));
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return figuresOfResult(result);
}

const v2025 = figures(KAPLAN_TIME, '2025');
const v2026 = figures({ ...KAPLAN_TIME, pools: [['Customer service', 595_000, 700_000]] }, '2026');
const ROWS = historyRows(v2025, '2025').length;

/** The table's cells read back through the fake, as the layout's reader takes them. */
function keptIn(book: FakeWorkbook): ReturnType<typeof readHistory> {
  const t = book.tables.find((x) => x.name === 'ABC_History');
  if (t === undefined) throw new Error('no ABC_History');
  const rows = Array.from({ length: t.rows }, (_, r) => Array.from({ length: t.columns }, (_, c) => (t.sheet.peek(t.top + r, t.left + c)?.value ?? null) as CellValue));
  return readHistory({ name: t.name, sheet: t.sheet.name, top: t.top + 1, left: t.left + 1, rows: rows.map((r) => r.map((v) => (v === '' ? null : v))) });
}

function book(): FakeWorkbook {
  const b = new FakeWorkbook();
  b.addSheet('Sheet1');
  return b;
}

function sheetOf(b: FakeWorkbook, name: string): FakeSheet {
  const ws = b.sheets.find((s) => s.name === name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('Keep period in the add-in', () => {
  it('writes a hidden, owned sheet whose table ABC_History reads back as the period kept', async () => {
    const b = book();
    const outcome = await writeHistory(fakeRun(b), '2025', historyRows(v2025, '2025'));
    expect([outcome.sheet, outcome.rows, outcome.replaced, outcome.issues]).toEqual(['ABC History', ROWS, 0, []]);
    const ws = sheetOf(b, 'ABC History');
    expect(ws.visibility).toBe('Hidden');
    expect(ws.names.map((n) => [n.name, n.formula, n.visible])).toEqual([['ABC_ReportOwner', '="ABC report: history"', false]]);
    const t = b.tables.find((x) => x.name === 'ABC_History');
    expect([t?.sheet.name, t?.top, t?.left, t?.rows, t?.columns]).toEqual(['ABC History', 0, 0, 1 + ROWS, 22]);
    const kept = keptIn(b);
    expect([kept.order, kept.issues]).toEqual([['2025'], []]);
    const change = compareFigures(v2025, kept.periods.get('2025') as PeriodFigures);
    expect([change.totals.change.isZero(), change.customers.every((c) => c.change.isZero())]).toEqual([true, true]);
  });

  it('kept twice is one copy in the same table; a second period goes beside it; a sheet shown by the user is hidden again', async () => {
    const b = book();
    await writeHistory(fakeRun(b), '2025', historyRows(v2025, '2025'));
    const table = b.tables.find((x) => x.name === 'ABC_History');
    const again = await writeHistory(fakeRun(b), '2025', historyRows(v2025, '2025'));
    expect([again.rows, again.replaced, b.sheets.length, b.tables.find((x) => x.name === 'ABC_History') === table, table?.rows]).toEqual([ROWS, ROWS, 2, true, 1 + ROWS]);
    sheetOf(b, 'ABC History').visibility = 'Visible';
    const both = await writeHistory(fakeRun(b), '2026', historyRows(v2026, '2026'));
    expect([both.rows, both.replaced, table?.rows, sheetOf(b, 'ABC History').visibility]).toEqual([2 * ROWS, 0, 1 + 2 * ROWS, 'Hidden']);
    const kept = keptIn(b);
    expect([kept.order, kept.issues]).toEqual([['2025', '2026'], []]);
    expect(compareFigures(kept.periods.get('2025') as PeriodFigures, kept.periods.get('2026') as PeriodFigures).totals.change.toFixed(2)).toBe('-35000.00');
    // 2025 kept again with fewer customers: the table shrinks by the rows gone, 2026 stays as it was.
    const fewer = { ...v2025, customers: v2025.customers.slice(1) };
    const shrunk = await writeHistory(fakeRun(b), '2025', historyRows(fewer, '2025'));
    const rowsOfA = 1 + 3 + 3;
    expect([shrunk.rows, table?.rows, keptIn(b).order]).toEqual([2 * ROWS - rowsOfA, 1 + 2 * ROWS - rowsOfA, ['2026', '2025']]);
  });

  it('stops before writing when the user has a table named ABC_History or a sheet named ABC History', async () => {
    const b = book();
    sheetOf(b, 'Sheet1').setValues('A1', [['Period'], ['x']]);
    await b.run(async (ctx) => {
      const c = ctx as unknown as Excel.RequestContext;
      c.workbook.worksheets.getItem('Sheet1').tables.add('A1:A2', true).name = 'ABC_History';
      await c.sync();
    });
    await expect(writeHistory(fakeRun(b), '2025', historyRows(v2025, '2025'))).rejects.toEqual(new GatewayError('nameTaken', ['ABC_History']));
    const c = book();
    c.addSheet('ABC History');
    await expect(writeHistory(fakeRun(c), '2025', historyRows(v2025, '2025'))).rejects.toEqual(new GatewayError('sheetTaken', ['ABC History']));
    expect([b.sheets.length, c.sheets.length, c.tables.length]).toEqual([1, 2, 0]);
  });

  it('leaves a history without a Period column as it is and says so', async () => {
    const b = book();
    await writeHistory(fakeRun(b), '2025', historyRows(v2025, '2025'));
    sheetOf(b, 'ABC History').setValues('A1', [['When']]);
    const outcome = await writeHistory(fakeRun(b), '2026', historyRows(v2026, '2026'));
    expect([outcome.rows, outcome.issues.map((i) => [i.code, i.where.sheet, i.where.cell])]).toEqual([0, [['HISTORY_UNREADABLE', 'ABC History', 'A1']]]);
    expect(b.tables.find((x) => x.name === 'ABC_History')?.rows).toBe(1 + ROWS);
  });
});
