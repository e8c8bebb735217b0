/**
 * Syncs that hang, a cell being edited, localized error messages and requests Excel finds too large, against
 * the fake's faults (fake-faults.ts). Time is Jest's fake clock: nothing here waits for a real timeout.
 */
import { PAYLOAD_LIMIT_BYTES, WRITE_BYTE_BUDGET, planRowChunks, utf8Length, writeRowBytes } from '../../src/excel/chunks';
import { CANCEL_GRACE_MS, DEFAULT_SYNC_TIMEOUT_MS, SyncCounter } from '../../src/excel/context';
import { toGatewayError } from '../../src/excel/errors';
import { createExcelGateway } from '../../src/excel/gateway';
import { type ExcelRunWithOptions, connectToOffice, officeRun } from '../../src/excel/host';
import { writeReport } from '../../src/excel/write-report';
import { type WriteCell, writeBlock } from '../../src/excel/write-cells';
import { stringsFor } from '../../src/taskpane/i18n';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { generateSampleModel } from '../../src/sample';
import { FakeOfficeError, FakeWorkbook, fakeRun } from './fake-excel';
import { sampleWorkbook } from './helpers';

/** The fake's `run` as Office.js's `Excel.run` with options. */
function excelRunOf(book: FakeWorkbook): ExcelRunWithOptions {
  return book.run as unknown as ExcelRunWithOptions;
}

/** Settles a promise into a value to inspect, so that a rejection is never left unhandled while the clock moves. */
function outcome<T>(p: Promise<T>): { settled: () => boolean; result: Promise<T | unknown> } {
  let done = false;
  const result = p.then(
    (v) => {
      done = true;
      return v;
    },
    (e: unknown) => {
      done = true;
      return e;
    },
  );
  return { settled: () => done, result };
}

function useFakeClock(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'Date', 'performance', 'hrtime'] });
}

afterEach(() => {
  jest.useRealTimers();
});

describe('a sync that never answers', () => {
  test('ends the read in a timeout error after the time limit, not before', async () => {
    useFakeClock();
    const book = sampleWorkbook();
    book.faults.hang = true;
    const read = outcome(createExcelGateway(officeRun(excelRunOf(book))).readModel());
    await book.faults.whenWaiting();
    await jest.advanceTimersByTimeAsync(DEFAULT_SYNC_TIMEOUT_MS - 1);
    expect(read.settled()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await read.result).toMatchObject({ name: 'GatewayError', kind: 'timeout' });
    expect(book.faults.log.hung).toBe(1);
  });

  test('the limit is the one given to officeRun', async () => {
    useFakeClock();
    const book = sampleWorkbook();
    book.faults.hang = true;
    const read = outcome(createExcelGateway(officeRun(excelRunOf(book), 2_000)).readModel());
    await book.faults.whenWaiting();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(await read.result).toMatchObject({ kind: 'timeout' });
  });

  test('a write that hangs half-way ends within one time limit: the clean-up does not wait behind the hung sync', async () => {
    useFakeClock();
    const book = sampleWorkbook();
    const run = officeRun(excelRunOf(book));
    const r = analyseWorkbook((await createExcelGateway(run).readModel()).grids).result;
    if (r === null) throw new Error('the sample must compute');
    let values = 0;
    // Excel stops answering after the first chunk of values.
    book.fault = (op) => {
      if (op === 'range.values' && ++values === 1) book.faults.hang = true;
      return null;
    };
    const write = outcome(writeReport(run, buildReportSheets(r), r.settings.currency));
    await book.faults.whenWaiting();
    await jest.advanceTimersByTimeAsync(DEFAULT_SYNC_TIMEOUT_MS);
    expect(write.settled()).toBe(true);
    expect(await write.result).toMatchObject({ kind: 'timeout' });
    expect(book.faults.log.hung).toBe(1);
  });

  test('Cancel during a hanging sync ends the action after the short grace, long before the time limit', async () => {
    useFakeClock();
    const book = sampleWorkbook();
    book.faults.hang = true;
    const abort = new AbortController();
    const read = outcome(createExcelGateway(officeRun(excelRunOf(book))).readModel({ signal: abort.signal }));
    await book.faults.whenWaiting();
    abort.abort();
    await jest.advanceTimersByTimeAsync(CANCEL_GRACE_MS);
    expect(await read.result).toMatchObject({ kind: 'cancelled' });
    expect(CANCEL_GRACE_MS).toBeLessThanOrEqual(DEFAULT_SYNC_TIMEOUT_MS / 60);
  });

  test('Cancel during a sync that answers lets it finish, so the write undoes what it started', async () => {
    const book = sampleWorkbook();
    const run = officeRun(excelRunOf(book));
    const r = analyseWorkbook((await createExcelGateway(run).readModel()).grids).result;
    if (r === null) throw new Error('the sample must compute');
    const before = book.sheets.map((s) => s.name);
    const abort = new AbortController();
    // Cancel pressed while the second chunk of values is on its way; Excel answers it.
    let values = 0;
    book.fault = (op) => {
      if (op === 'range.values' && ++values === 2) abort.abort();
      return null;
    };
    const gateway = createExcelGateway(run);
    await expect(gateway.writeReport(buildReportSheets(r), r.settings.currency, { signal: abort.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(book.sheets.map((s) => s.name)).toEqual(before);
  });
});

describe('a cell being edited', () => {
  test('without delayForCellEdit Excel refuses the batch (InvalidOperationInCellEditMode)', async () => {
    const book = sampleWorkbook();
    book.faults.startEditing();
    await expect(createExcelGateway(fakeRun(book)).readModel()).rejects.toMatchObject({ kind: 'editMode' });
    expect(book.faults.log.refusedInCellEdit).toBe(1);
  });

  test("the add-in's Excel.run asks Excel to wait: the read waits for the edit to end, then succeeds", async () => {
    const book = sampleWorkbook();
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.Office = {
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US' },
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    };
    globals.Excel = { run: book.run };
    try {
      const host = await connectToOffice();
      book.faults.startEditing();
      const read = outcome(createExcelGateway(host.run).readModel());
      await book.faults.whenWaiting();
      expect(read.settled()).toBe(false);
      expect(book.faults.log).toMatchObject({ refusedInCellEdit: 0, delayedForCellEdit: 1 });
      book.faults.finishEditing();
      const out = (await read.result) as { grids: Map<string, { rows: unknown[] }> };
      expect(out.grids.get('ABC_Volumes')?.rows.length).toBe(17_885);
    } finally {
      delete globals.Office;
      delete globals.Excel;
    }
  });
});

describe('errors are told by their code, never by their message', () => {
  test('a Dutch Excel gets the same advice as an English one for every code', () => {
    const codes = [
      'AccessDenied',
      'ActivityLimitReached',
      'ApiNotFound',
      'GeneralException',
      'InsertDeleteConflict',
      'InvalidArgument',
      'InvalidOperation',
      'InvalidOperationInCellEditMode',
      'InvalidReference',
      'ItemAlreadyExists',
      'ItemNotFound',
      'NotImplemented',
      'RequestAborted',
      'RequestPayloadSizeLimitExceeded',
      'ResponsePayloadSizeLimitExceeded',
      'ServiceNotAvailable',
      'Unauthenticated',
      'UnsupportedOperation',
    ];
    const book = new FakeWorkbook();
    const kinds = codes.map((code) => {
      book.faults.language = 'en';
      const en = toGatewayError(book.faults.localize(new FakeOfficeError(code, `The sheet is protected; the network connection failed (${code}).`)));
      book.faults.language = 'nl';
      const nl = toGatewayError(book.faults.localize(new FakeOfficeError(code, 'unused')));
      expect(nl.detail).not.toBe(en.detail);
      expect([code, nl.kind]).toEqual([code, en.kind]);
      return [code, en.kind];
    });
    expect(Object.fromEntries(kinds)).toEqual({
      AccessDenied: 'protected',
      ActivityLimitReached: 'connection',
      ApiNotFound: 'unknown',
      GeneralException: 'unknown',
      InsertDeleteConflict: 'unknown',
      InvalidArgument: 'unknown',
      InvalidOperation: 'unknown',
      InvalidOperationInCellEditMode: 'editMode',
      InvalidReference: 'unknown',
      ItemAlreadyExists: 'unknown',
      ItemNotFound: 'unknown',
      NotImplemented: 'unknown',
      RequestAborted: 'connection',
      RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
      ResponsePayloadSizeLimitExceeded: 'payloadTooLarge',
      ServiceNotAvailable: 'connection',
      Unauthenticated: 'connection',
      UnsupportedOperation: 'unknown',
    });
  });

  test('a protection error from a Dutch Excel gets the advice an English one gets', async () => {
    const explain = async (language: 'en' | 'nl'): Promise<{ kind: string; detail: string | null }> => {
      const book = new FakeWorkbook();
      book.addSheet('Blad1');
      book.faults.language = language;
      // Excel refuses the change with a generic code and says why only in its message.
      book.fault = (op) => (op === 'range.values' ? new FakeOfficeError('InvalidOperation', 'The cell or chart you are trying to change is on a protected sheet.') : null);
      const e = await createExcelGateway(fakeRun(book)).insertEmptyModel('en').then(
        () => null,
        (err: unknown) => toGatewayError(err),
      );
      if (e === null) throw new Error('the write must fail');
      return { kind: e.kind, detail: e.detail };
    };
    const en = await explain('en');
    const nl = await explain('nl');
    expect(nl.detail).toBe('De bewerking is ongeldig voor dit object.');
    expect(nl.kind).toBe(en.kind);
    expect(stringsFor('en').errorsOf[nl.kind as 'unknown']('')).toEqual(stringsFor('en').errorsOf[en.kind as 'unknown'](''));
  });

  test('a protected workbook (AccessDenied) is explained as protected in both languages, with Excel’s own words as detail', async () => {
    for (const [language, word] of [
      ['en', 'protected'],
      ['nl', 'beveiligd'],
    ] as const) {
      const book = new FakeWorkbook();
      book.addSheet('Blad1');
      book.workbookProtected = true;
      book.faults.language = language;
      const e = await createExcelGateway(fakeRun(book)).insertEmptyModel('nl').then(
        () => null,
        (err: unknown) => toGatewayError(err),
      );
      expect(e?.kind).toBe('protected');
      expect(e?.detail ?? '').toContain(word);
    }
  });
});

/** Rows of long texts (with characters of two and three bytes in UTF-8) and amounts with a currency format. */
function longTextRows(rows: number): WriteCell[][] {
  const text = (r: number, c: number): string => `Klant ${r}-${c}: één lange omschrijving van €${r} `.padEnd(900, 'ëx€');
  return Array.from({ length: rows }, (_, r) => [
    ...Array.from({ length: 5 }, (_, c): WriteCell => ({ value: text(r, c), numberFormat: null })),
    { value: r * 1.25, numberFormat: '#,##0.00 "€"' },
  ]);
}

describe('requests Excel finds too large', () => {
  test('the write budget counts every byte: long texts with formats go in requests under the budget, none refused', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Report');
    const rows = longTextRows(2_000);
    const total = rows.reduce(
      (n, r) =>
        n +
        writeRowBytes(
          r.map((c) => c.value),
          r.map(() => '@'),
        ),
      0,
    );
    await fakeRun(book)((context) => writeBlock(context, new SyncCounter(), 'Report', rows, { options: {}, stage: 'writing', before: 0, total: rows.length }));
    const writes = book.syncLog.filter((s) => s.calculationSuspended);
    // 12,000 cells fit one chunk by cells; by bytes (~2,000 x 6 x 1,300 bytes) they need several.
    expect(total).toBeGreaterThan(3 * WRITE_BYTE_BUDGET);
    expect(writes.length).toBeGreaterThanOrEqual(Math.ceil(total / WRITE_BYTE_BUDGET));
    expect(book.syncLog.every((s) => s.requestBytes <= WRITE_BYTE_BUDGET)).toBe(true);
    expect(book.syncLog.every((s) => s.requestBytes <= book.payloadLimit)).toBe(true);
    expect(book.payloadLimit).toBe(PAYLOAD_LIMIT_BYTES);
    const sheet = book.sheet('Report');
    expect(sheet?.at('A2000')?.value).toBe(rows[1_999]?.[0]?.value);
    expect(sheet?.at('F2000')).toMatchObject({ value: 1_999 * 1.25, numberFormat: '#,##0.00 "€"' });
    expect(sheet?.at('E1')).toMatchObject({ numberFormat: '@', formula: null });
  });

  test('planRowChunks keeps chunks under both budgets; a row over the byte budget goes alone', () => {
    expect(planRowChunks([100, 100, 100, 100], 10, 1_000, 10_000).map((c) => c.rows)).toEqual([4]);
    expect(planRowChunks([100, 100, 100, 100], 10, 20, 10_000).map((c) => c.rows)).toEqual([2, 2]);
    expect(planRowChunks([500, 5_000, 500, 500], 1, 1_000, 2_100).map((c) => [c.start, c.rows])).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
    ]);
    expect(utf8Length('a€é😀')).toBe(1 + 3 + 2 + 4);
  });

  test('GeneralException on a large batch: it is split and written', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    // The sample's transactions go in chunks of ~390 KB: Excel answers those with GeneralException.
    book.faults.generalExceptionOverBytes = 300_000;
    const gateway = createExcelGateway(fakeRun(book));
    await gateway.insertSample(generateSampleModel());
    expect(book.faults.log.generalExceptions).toBeGreaterThan(0);
    const read = await gateway.readModel();
    expect(read.grids.get('ABC_Volumes')?.rows.length).toBe(17_885);
    expect(analyseWorkbook(read.grids).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('GeneralException on a small batch is an error, not split', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    let calls = 0;
    book.fault = (op) => (op === 'range.values' && ++calls > 0 ? new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.') : null);
    const rows: WriteCell[][] = Array.from({ length: 10 }, (_, r) => [{ value: `row ${r}`, numberFormat: null }, { value: r, numberFormat: '0' }]);
    const write = fakeRun(book)((context) => writeBlock(context, new SyncCounter(), 'Sheet1', rows, { options: {}, stage: 'writing', before: 0, total: 10 }));
    await expect(write).rejects.toMatchObject({ code: 'GeneralException' });
    expect(calls).toBe(1);
  });
});
