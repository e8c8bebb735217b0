/**
 * The pane when Excel stops answering or a cell is being edited: the action always ends with a message and
 * the buttons (`busy` false) work again. Against the fake's faults, on Jest's fake clock.
 */
import { DEFAULT_SYNC_TIMEOUT_MS } from '../../src/excel/context';
import { createExcelGateway } from '../../src/excel/gateway';
import { type ExcelRunWithOptions, officeRun } from '../../src/excel/host';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController, type PaneState } from '../../src/taskpane/controller';
import { stringsFor } from '../../src/taskpane/i18n';
import { FakeWorkbook } from '../excel/fake-excel';

const en = stringsFor('en');

function pane(book: FakeWorkbook): { controller: PaneController; states: PaneState[] } {
  const controller = new PaneController(createExcelGateway(officeRun(book.run as unknown as ExcelRunWithOptions)), inlineComputer, en);
  const states: PaneState[] = [];
  controller.subscribe((s) => states.push(s));
  return { controller, states };
}

async function withSample(): Promise<{ book: FakeWorkbook; controller: PaneController; states: PaneState[] }> {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  const p = pane(book);
  await p.controller.insertSample();
  expect(p.controller.getState().error).toBeNull();
  return { book, ...p };
}

afterEach(() => {
  jest.useRealTimers();
});

test('a Refresh whose sync never answers ends in the timeout message, and the buttons work again', async () => {
  const { book, controller } = await withSample();
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'Date', 'performance', 'hrtime'] });
  book.faults.hang = true;
  let ended = false;
  const refresh = controller.refresh().then(() => {
    ended = true;
  });
  await book.faults.whenWaiting();
  expect(controller.getState().busy).toBe(true);
  await jest.advanceTimersByTimeAsync(DEFAULT_SYNC_TIMEOUT_MS);
  await refresh;
  expect(ended).toBe(true);
  const s = controller.getState();
  expect(s.busy).toBe(false);
  expect(s.error).toMatchObject({ kind: 'timeout' });
  expect(en.errorsOf.timeout('').title).toBe('Excel did not answer in time.');
  expect(stringsFor('nl').errorsOf.timeout('').title).toBe('Excel antwoordde niet op tijd.');

  // Excel answers again: the next Refresh writes the report.
  jest.useRealTimers();
  book.faults.hang = false;
  await controller.refresh();
  expect(controller.getState().error).toBeNull();
  expect(controller.getState().notice?.text).toMatch(/^Report written: ABC Customer P&L, ABC Rates, ABC Summary, ABC Actions, ABC Cost flow\./);
});

test('Cancel during a sync that never answers frees the pane without waiting for the time limit', async () => {
  const { book, controller } = await withSample();
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'Date', 'performance', 'hrtime'] });
  book.faults.hang = true;
  const check = controller.check();
  await book.faults.whenWaiting();
  controller.cancel();
  await jest.advanceTimersByTimeAsync(DEFAULT_SYNC_TIMEOUT_MS / 10);
  await check;
  const s = controller.getState();
  expect(s.busy).toBe(false);
  expect(s.error).toBeNull();
  expect(s.notice).toEqual({ intent: 'info', text: 'Cancelled. Nothing was changed in the workbook.' });
});

test('a host that cannot delay for a cell edit: the pane says so, waits, and tries again', async () => {
  const { book, controller, states } = await withSample();
  book.faults.supportsDelayForCellEdit = false;
  controller.cellEditRetry = { attempts: 3, delayMs: 0 };
  book.faults.startEditing();
  // The user finishes editing once the pane has asked them to.
  controller.subscribe((s) => {
    if (s.notice?.text === en.waitingForCellEdit) book.faults.finishEditing();
  });
  await controller.refresh();
  expect(book.faults.log.refusedInCellEdit).toBe(1);
  expect(states.some((s) => s.notice?.text === en.waitingForCellEdit)).toBe(true);
  const s = controller.getState();
  expect(s.error).toBeNull();
  expect(s.busy).toBe(false);
  expect(s.notice?.text).toMatch(/^Report written/);
});

test('a cell edit that never ends: a bounded number of attempts, then the edit-mode advice', async () => {
  const { book, controller } = await withSample();
  book.faults.supportsDelayForCellEdit = false;
  controller.cellEditRetry = { attempts: 3, delayMs: 0 };
  book.faults.startEditing();
  await controller.check();
  expect(book.faults.log.refusedInCellEdit).toBe(4);
  expect(controller.getState()).toMatchObject({ busy: false, error: { kind: 'editMode' } });
  expect(en.errorsOf.editMode('').action).toMatch(/Enter or Esc/);
});
