/**
 * Worksheet functions follow the model: the pane (controller, inline computer standing in for the worker)
 * and a streaming `ABC.PROFIT` formula share one store, the gateway watches the fake workbook's onChanged
 * events, and Jest's fake timers drive the quiet period. Proves: an edit of a volume cell changes the
 * formula without Refresh, after the quiet period, with exactly one read; quick edits give one read; edits
 * outside the model ranges and the add-in's own writes give none; start-up reads and computes once; the
 * formula is busy (no result) until the first read; a model with errors shows #VALUE! and a fixing edit
 * recovers; a manual recalculation (Excel cancelling and calling every formula again) reads again.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import type { ReadOutcome, WorkbookActions } from '../../src/excel/actions';
import { profit } from '../../src/functions/functions';
import { sharedModelStore } from '../../src/functions/model-store';
import { generateSampleModel, sampleGrids } from '../../src/sample';
import { computeModel } from '../../src/taskpane/compute';
import { type Computer, inlineComputer } from '../../src/taskpane/computer';
import { type FollowingPane, followModel } from '../../src/taskpane/follow-model';
import { stringsFor } from '../../src/taskpane/i18n';
import type { CellValue } from '../../src/workbook/grid';
import { calculatedHandlerCount, changedHandlerCount, hostBefore1_11 } from '../excel/fake-events';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const STORE_KEY = Symbol.for('customer-profitability-abc.model-store');
const DEBOUNCE = 500;
const CUSTOMER = 10527;

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
  };
});

let following: FollowingPane | null = null;

beforeEach(() => {
  // The debounce runs on fake time; promises (and the fake workbook's syncs) settle on real setImmediate.
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
  delete (globalThis as unknown as Record<symbol, unknown>)[STORE_KEY];
});

afterEach(async () => {
  await following?.stop();
  following = null;
  jest.useRealTimers();
});

/** Lets every pending promise chain finish (the fake's syncs are promise ticks, never timers). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Lets fake time pass, then the work it started finish. */
async function wait(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
  await settle();
}

function invocation() {
  const inv = {
    results: [] as unknown[],
    setResult(value: unknown) {
      inv.results.push(value);
    },
    onCanceled: () => undefined as void,
  };
  return inv as typeof inv & CustomFunctions.StreamingInvocation<number>;
}

/** A workbook holding the sample model, written before any watching starts. */
async function sampleBook(): Promise<FakeWorkbook> {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  await createExcelGateway(fakeRun(book)).insertSample(generateSampleModel());
  return book;
}

/** The pane and the functions over a book, counting reads of the model and computations; `supports` as the host answers isSetSupported. */
async function follow(book: FakeWorkbook, supports: (name: string, version: string) => boolean = () => true) {
  const gateway = createExcelGateway(fakeRun(book), supports);
  const counts = { reads: 0, computes: 0 };
  const outcomes: ReadOutcome[] = [];
  const actions: WorkbookActions = {
    ...gateway,
    readModel: async (options) => {
      counts.reads += 1;
      const outcome = await gateway.readModel(options);
      outcomes.push(outcome);
      return outcome;
    },
  };
  const computer: Computer = {
    compute: (request, signal) => {
      counts.computes += 1;
      return inlineComputer.compute(request, signal);
    },
  };
  following = followModel({ actions, computer, strings: stringsFor('en'), store: sharedModelStore(), language: 'en', debounceMs: DEBOUNCE });
  await following.watching;
  return { pane: following, counts, controller: following.controller, outcomes };
}

/** The row (1-based, on sheet Transactions) and quantity of the customer's first volume of a driver. */
function volumeCell(driver: string): { row: number; quantity: number } {
  const rows = sampleGrids().get('ABC_Volumes')?.rows ?? [];
  const i = rows.findIndex((r) => r[0] === CUSTOMER && r[1] === driver);
  const quantity = rows[i]?.[2];
  if (i < 1 || typeof quantity !== 'number') throw new Error(`no ${driver} volume for ${CUSTOMER}`);
  return { row: i + 1, quantity };
}

/** The customer's net profit computed straight from the sample's grids, with one volume changed. */
function directProfit(edit?: { row: number; quantity: CellValue }): number {
  const grids = new Map(sampleGrids());
  if (edit !== undefined) {
    const volumes = grids.get('ABC_Volumes');
    if (volumes === undefined) throw new Error('no volumes');
    const rows = volumes.rows.slice();
    rows[edit.row - 1] = [...(rows[edit.row - 1] ?? [])];
    (rows[edit.row - 1] as CellValue[])[2] = edit.quantity;
    grids.set('ABC_Volumes', { ...volumes, rows });
  }
  const customer = computeModel({ grids: [...grids], readIssues: [], broken: [] }).json?.customers.find((c) => c.customer === String(CUSTOMER));
  if (customer === undefined) throw new Error('customer missing');
  return customer.netProfit;
}

describe('ABC functions follow the model', () => {
  test('editing a volume cell changes ABC.PROFIT after the quiet period, with one read and no Refresh', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    const before = directProfit();
    // The README's figure for this customer.
    expect(before).toBe(326131.85);
    expect(formula.results).toEqual([before]);
    expect(counts).toEqual({ reads: 1, computes: 1 });

    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + 400]]);
    await wait(DEBOUNCE - 1);
    // Still quiet: nothing read yet, the formula keeps its value.
    expect(counts.reads).toBe(1);
    expect(formula.results).toEqual([before]);
    await wait(1);
    const after = directProfit({ row, quantity: quantity + 400 });
    expect(after).toBeLessThan(before);
    expect(formula.results).toEqual([before, after]);
    expect(counts).toEqual({ reads: 2, computes: 2 });
    // The pane follows too: its figures are the new computation's.
    expect(controller.getState().output?.json?.customers.find((c) => c.customer === String(CUSTOMER))?.netProfit).toBe(after);
  });

  test('five quick edits give one read, after the last one has been quiet for the whole period', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    const { row, quantity } = volumeCell('Order lines');
    for (let i = 1; i <= 5; i++) {
      book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + i]]);
      await wait(DEBOUNCE - 100);
    }
    expect(counts.reads).toBe(1);
    await wait(100);
    expect(counts).toEqual({ reads: 2, computes: 2 });
    expect(formula.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 5 })]);
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(2);
  });

  test('an edit outside the model ranges reads nothing: another sheet, a cell beside a range', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    await controller.check();
    await settle();
    book.sheet('Sheet1')?.setValues('A1', [['my notes']]);
    // Beside ABC_Pools (A1:F8 on Pools): column G and row 9.
    book.sheet('Pools')?.setValues('G2', [[123]]);
    book.sheet('Pools')?.setValues('A9', [['later']]);
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(1);
    // The same sheet inside the range does count (the first pool's Capacity: its Cost comes from the ledger).
    book.sheet('Pools')?.setValues('C2', [[1_100_000]]);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(2);
  });

  test("the add-in's own writes read nothing more: a Refresh writing the report, a sample inserted", async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const { controller, counts } = await follow(book);
    await controller.check();
    await controller.insertSample();
    await settle();
    // One read at start-up (missing ranges), one after inserting: the sample's own writes add none.
    expect(counts.reads).toBe(2);
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(2);
    await controller.refresh();
    expect(controller.getState().notice?.text).toMatch(/^Report written/);
    await wait(10 * DEBOUNCE);
    expect(counts).toEqual({ reads: 3, computes: 3 });
  });

  test('at start-up the pane and the functions read and compute once, whichever comes first', async () => {
    // Formulas first (the workbook opens with ABC formulas), then the pane's start-up check.
    const book = await sampleBook();
    const early = invocation();
    profit(CUSTOMER, null, early);
    const first = await follow(book);
    expect(early.results).toEqual([]);
    const check = first.controller.check();
    // Busy until the first read is done: no result, neither stale nor made up.
    expect(early.results).toEqual([]);
    await check;
    await wait(10 * DEBOUNCE);
    expect(first.counts).toEqual({ reads: 1, computes: 1 });
    expect(early.results).toEqual([directProfit()]);
  });

  test('a formula typed after the pane started gets the model at once, without a read', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    await controller.check();
    const late = invocation();
    profit(CUSTOMER, null, late);
    expect(late.results).toEqual([directProfit()]);
    await wait(10 * DEBOUNCE);
    expect(counts).toEqual({ reads: 1, computes: 1 });
  });

  test('formulas with no pane check at all are served by one read after the quiet period', async () => {
    const book = await sampleBook();
    const { counts } = await follow(book);
    const a = invocation();
    const b = invocation();
    profit(CUSTOMER, null, a);
    profit('10008', null, b);
    await wait(DEBOUNCE - 1);
    expect([a.results, b.results, counts.reads]).toEqual([[], [], 0]);
    await wait(1);
    expect(counts).toEqual({ reads: 1, computes: 1 });
    expect(a.results).toEqual([directProfit()]);
    expect(b.results).toHaveLength(1);
  });

  test('a model with errors shows #VALUE! with the cell, and a fixing edit recovers without Refresh', async () => {
    const book = await sampleBook();
    const { row } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [['lots']]);
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    expect(formula.results).toHaveLength(1);
    const shown = formula.results[0] as FakeError;
    expect(shown.code).toBe('#VALUE!');
    expect(shown.message).toMatch(new RegExp(`^The model has errors\\. At Transactions!C${row} \\(ABC_Volumes\\): `));
    book.sheet('Transactions')?.setValues(`C${row}`, [[volumeCell('Order lines').quantity]]);
    await wait(DEBOUNCE);
    expect(formula.results).toEqual([shown, directProfit()]);
    expect(counts.reads).toBe(2);
  });

  test('a read Excel refuses shows #VALUE! with the reason; the next edit reads again and recovers', async () => {
    const book = await sampleBook();
    const { counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    book.fault = (op) => (op === 'load' ? Object.assign(new Error('The workbook is busy.'), { code: 'GeneralException' }) : null);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(1);
    expect(formula.results).toHaveLength(1);
    expect((formula.results[0] as FakeError).code).toBe('#VALUE!');
    expect((formula.results[0] as FakeError).message).toMatch(/^Could not read the model from the workbook \(.+\)\. Open the ABC pane and press Refresh\.$/);
    book.fault = null;
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(1);
    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity]]);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(2);
    expect(formula.results[1]).toBe(directProfit());
  });

  test('a manual recalculation (Excel cancels every formula and calls it again) reads the model again', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    // A change no event told of (the fake writes behind the add-in's back, as a name redefined would).
    const { row, quantity } = volumeCell('Order lines');
    const cell = book.sheet('Transactions')?.at(`C${row}`);
    if (cell === undefined) throw new Error('no cell');
    cell.value = quantity + 400;
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(1);
    formula.onCanceled();
    const again = invocation();
    profit(CUSTOMER, null, again);
    // Meanwhile the formula shows the last model, then the fresh one.
    expect(again.results).toEqual([directProfit()]);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(2);
    expect(again.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 400 })]);
  });

  test('an edit reads again only the range it touched; the others are reused, the figures exact', async () => {
    const book = await sampleBook();
    const { controller, counts, outcomes } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    const full = outcomes[0] as ReadOutcome;
    expect(full.reused).toEqual([]);
    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + 400]]);
    await wait(DEBOUNCE);
    const partial = outcomes[1] as ReadOutcome;
    // ABC_Volumes read again; every other range of the sample taken from the first read.
    expect(partial.reused?.slice().sort()).toEqual([...full.grids.keys()].filter((k) => k !== 'ABC_Volumes').sort());
    expect(formula.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 400 })]);
    // An edit of a small range does not read the volumes again: fewer syncs than the full read. (The first
    // pool's Capacity: its Cost cell is blank, the ledger gives it.)
    book.sheet('Pools')?.setValues('C2', [[1_100_000]]);
    await wait(DEBOUNCE);
    const pools = outcomes[2] as ReadOutcome;
    expect(pools.reused).toContain('ABC_Volumes');
    expect(pools.reused).not.toContain('ABC_Pools');
    expect(pools.grids.get('ABC_Pools')?.rows[1]?.[2]).toBe(1_100_000);
    expect(pools.syncs).toBeLessThan(full.syncs);
    // Refresh, which the user starts, reads every range.
    await controller.refresh();
    expect(outcomes[3]?.reused).toEqual([]);
    expect(counts.reads).toBe(4);
  });

  test('a range whose name now covers other cells is read again, whatever the watch saw', async () => {
    const book = await sampleBook();
    const { controller, outcomes } = await follow(book);
    await controller.check();
    const { row, quantity } = volumeCell('Order lines');
    // ABC_Pools redefined one row shorter (as in Name Manager: no event), then a volume edited.
    const pools = book.names.find((n) => n.name === 'ABC_Pools');
    if (pools === undefined) throw new Error('no ABC_Pools');
    const before = outcomes[0]?.grids.get('ABC_Pools')?.rows.length ?? 0;
    pools.formula = pools.formula.replace(/\$(\d+)$/, (_m, r: string) => `$${Number(r) - 1}`);
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity]]);
    await wait(DEBOUNCE);
    expect(outcomes[1]?.reused).not.toContain('ABC_Pools');
    expect(outcomes[1]?.grids.get('ABC_Pools')?.rows.length).toBe(before - 1);
  });

  test('a name redefined in Name Manager (no event) is followed at the next event anywhere: the moved range is read', async () => {
    const book = await sampleBook();
    const { controller, counts, outcomes } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    // A copy of ABC_Pools with a lower first pool capacity, on a sheet of its own: the sample's pools take
    // their cost from the ledger (Cost is blank), so the capacity is what moves the rate per minute. 50,000
    // minutes fewer stays above the 867,641.4 minutes Inside sales uses, so its rate and each cost to serve rise.
    const pools = sampleGrids().get('ABC_Pools');
    if (pools === undefined) throw new Error('no pools');
    const rows = pools.rows.map((r) => [...r]);
    expect(rows[0]?.[2]).toBe('Capacity');
    const capacity = rows[1]?.[2];
    if (typeof capacity !== 'number') throw new Error('no pool capacity');
    (rows[1] as CellValue[])[2] = capacity - 50_000;
    book.addSheet('Pools 2026').setValues('A1', rows as Array<Array<string | number | null>>);
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(1);
    const name = book.names.find((n) => n.name === 'ABC_Pools');
    if (name === undefined) throw new Error('no ABC_Pools');
    const width = Math.max(...rows.map((r) => r.length));
    name.formula = `='Pools 2026'!$A$1:$${String.fromCharCode(64 + width)}$${rows.length}`;
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(1);
    // The user types a note on another sheet: the model is located again, ABC_Pools has moved.
    book.sheet('Sheet1')?.setValues('A1', [['checked']]);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(2);
    expect(outcomes[1]?.grids.get('ABC_Pools')?.sheet).toBe('Pools 2026');
    const grids = new Map(sampleGrids());
    grids.set('ABC_Pools', { ...pools, rows });
    const expected = computeModel({ grids: [...grids], readIssues: [], broken: [] }).json?.customers.find((c) => c.customer === String(CUSTOMER))?.netProfit;
    expect(expected).toBeLessThan(directProfit());
    expect(formula.results).toEqual([directProfit(), expected]);
  });

  test('Cancel during a read leaves the functions on the last good model, never #VALUE!', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + 400]]);
    // The user presses Refresh, then Cancel, before the quiet period is over.
    const refresh = controller.refresh();
    controller.cancel();
    await refresh;
    await settle();
    expect(controller.getState().notice?.text).toMatch(/cancel/i);
    expect(formula.results).toEqual([directProfit()]);
    // The edit is still followed: one more read after the quiet period.
    await wait(DEBOUNCE);
    expect(formula.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 400 })]);
    expect(counts.reads).toBe(3);
  });

  test('a read following an edit runs in the background: the buttons stay enabled, the notice stays', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    await controller.check();
    await settle();
    const notice = controller.getState().notice;
    const seen: Array<{ busy: boolean; updating: boolean }> = [];
    controller.subscribe((s) => seen.push({ busy: s.busy, updating: s.updating }));
    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + 1]]);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(2);
    expect(seen.some((s) => s.updating)).toBe(true);
    expect(seen.filter((s) => s.busy)).toEqual([]);
    expect(controller.getState()).toMatchObject({ busy: false, updating: false, notice });
  });

  test('Refresh pressed during a background read stops that read and reads itself; the functions end on the edit', async () => {
    const book = await sampleBook();
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + 400]]);
    await settle();
    // The quiet period ends and the background read starts; Refresh is pressed before it is done.
    jest.advanceTimersByTime(DEBOUNCE);
    await Promise.resolve();
    expect(controller.getState().updating).toBe(true);
    await controller.refresh();
    await wait(10 * DEBOUNCE);
    expect(controller.getState().notice?.text).toMatch(/^Report written/);
    expect(controller.getState().error).toBeNull();
    expect(formula.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 400 })]);
    expect(counts.reads).toBe(3);
  });

  test('a watch Excel refuses is tried again after 1 s, 2 s …; the pane says the functions do not follow, then that they do', async () => {
    const book = await sampleBook();
    let refusals = 2;
    book.fault = (op) => (op === 'worksheets.onChanged.add' && refusals-- > 0 ? Object.assign(new Error('The workbook is busy.'), { code: 'GeneralException' }) : null);
    following = followModel({ actions: createExcelGateway(fakeRun(book), () => true), computer: inlineComputer, strings: stringsFor('en'), store: sharedModelStore(), language: 'en', debounceMs: DEBOUNCE, watchRetryMs: [1_000, 2_000, 4_000] });
    const { controller } = following;
    await settle();
    expect(controller.getState().functionsFollow).toBe('retrying');
    await wait(1_000);
    expect(controller.getState().functionsFollow).toBe('retrying');
    await wait(2_000);
    expect(await following.watching).not.toBeNull();
    expect(controller.getState().functionsFollow).toBe('yes');
    expect([changedHandlerCount(book), calculatedHandlerCount(book)]).toEqual([1, 1]);
    // Following now: an edit changes the formula.
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await wait(DEBOUNCE);
    const { row, quantity } = volumeCell('Order lines');
    book.sheet('Transactions')?.setValues(`C${row}`, [[quantity + 400]]);
    await wait(DEBOUNCE);
    expect(formula.results.at(-1)).toBe(directProfit({ row, quantity: quantity + 400 }));
  });

  test('a watch refused every time gives up after the last wait, and the pane says the functions follow Check and Refresh only', async () => {
    const book = await sampleBook();
    book.fault = (op) => (op === 'worksheets.onChanged.add' ? Object.assign(new Error('The workbook is busy.'), { code: 'GeneralException' }) : null);
    following = followModel({ actions: createExcelGateway(fakeRun(book)), computer: inlineComputer, strings: stringsFor('en'), store: sharedModelStore(), language: 'en', watchRetryMs: [1_000, 2_000] });
    await settle();
    await wait(1_000);
    await wait(2_000);
    expect(await following.watching).toBeNull();
    expect(following.controller.getState().functionsFollow).toBe('no');
    expect(stringsFor('en').functionsNotFollowing(false)).toMatch(/press Check model or Refresh report/);
    expect(changedHandlerCount(book)).toBe(0);
  });

  test('stopping removes both handlers from the workbook', async () => {
    const book = await sampleBook();
    const { pane } = await follow(book);
    expect([changedHandlerCount(book), calculatedHandlerCount(book)]).toEqual([1, 1]);
    await pane.stop();
    following = null;
    expect([changedHandlerCount(book), calculatedHandlerCount(book)]).toEqual([0, 0]);
  });

  /** The sample with the customer's Order lines volume as a formula `=Inputs!A1` over a cell of another sheet. */
  async function formulaBook(): Promise<{ book: FakeWorkbook; row: number; quantity: number }> {
    const book = await sampleBook();
    const { row, quantity } = volumeCell('Order lines');
    book.addSheet('Inputs').setValues('A1', [[quantity]]);
    book.sheet('Transactions')?.setFormulas(`C${row}`, [['=Inputs!A1']]);
    return { book, row, quantity };
  }

  test('a volume that is a formula follows its recalculation (onCalculated; onChanged tells nothing)', async () => {
    const { book, row, quantity } = await formulaBook();
    const { controller, counts } = await follow(book);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    expect(formula.results).toEqual([directProfit()]);
    // The user types on Inputs, outside the model: only the recalculation of Transactions!C{row} tells.
    book.sheet('Inputs')?.setValues('A1', [[quantity + 400]]);
    await wait(DEBOUNCE);
    expect(counts.reads).toBe(2);
    expect(formula.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 400 })]);
  });

  test('with the calculated cells given (ExcelApi 1.11) a recalculation beside the model reads nothing', async () => {
    const { book } = await formulaBook();
    book.sheet('Transactions')?.setFormulas('H2', [['=Inputs!B1']]);
    book.sheet('Inputs')?.setFormulas('C1', [['=Inputs!B1']]);
    const { controller, counts } = await follow(book);
    await controller.check();
    await settle();
    // Inputs!B1 feeds Transactions!H2 (beside ABC_Volumes) and Inputs!C1, neither a model cell.
    book.sheet('Inputs')?.setValues('B1', [[7]]);
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(1);
  });

  test('an older host (no address, or isSetSupported says no) reads after a recalculation on a model sheet only', async () => {
    const { book, row, quantity } = await formulaBook();
    hostBefore1_11(book);
    book.addSheet('Notes').setFormulas('A1', [['=Inputs!A1']]);
    const { controller, counts } = await follow(book, () => false);
    const formula = invocation();
    profit(CUSTOMER, null, formula);
    await controller.check();
    await settle();
    book.sheet('Inputs')?.setValues('A1', [[quantity + 400]]);
    await wait(DEBOUNCE);
    // Transactions (a model sheet) and Notes (none) were recalculated: one read, for Transactions.
    expect(counts.reads).toBe(2);
    expect(formula.results).toEqual([directProfit(), directProfit({ row, quantity: quantity + 400 })]);
    book.sheet('Notes')?.setValues('B1', [['a note']]);
    await wait(10 * DEBOUNCE);
    expect(counts.reads).toBe(2);
  });
});
