import { createExcelGateway } from '../../src/excel/gateway';
import { ComputeSession, computeModel, type PackedComputeRequest } from '../../src/taskpane/compute';
import { inlineComputer, workerComputer, type WorkerLike } from '../../src/taskpane/computer';
import { PaneController, type PaneState } from '../../src/taskpane/controller';
import { formatter, headlineOf, whalePoints } from '../../src/taskpane/figures';
import { languageOf, stringsFor } from '../../src/taskpane/i18n';
import { sampleGrids } from '../../src/sample';
import { fakeRun, FakeWorkbook } from '../excel/fake-excel';

function pane(book: FakeWorkbook): { controller: PaneController; states: PaneState[] } {
  const controller = new PaneController(createExcelGateway(fakeRun(book)), inlineComputer, stringsFor('en'));
  const states: PaneState[] = [];
  controller.subscribe((s) => states.push(s));
  return { controller, states };
}

describe('the pane controller against the fake workbook', () => {
  test('an empty workbook: the required ranges are reported missing', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const { controller } = pane(book);
    await controller.check();
    const s = controller.getState();
    expect(s.issues.map((i) => [i.code, i.where.range])).toEqual([
      ['MISSING_RANGE', 'ABC_Pools'],
      ['MISSING_RANGE', 'ABC_Activities'],
      ['MISSING_RANGE', 'ABC_Customers'],
      ['MISSING_RANGE', 'ABC_Volumes'],
    ]);
    expect(s.output).toBeNull();
    expect(s.notice?.intent).toBe('warning');
  });

  test('insert sample, refresh: progress through the stages, figures, report written', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const { controller, states } = pane(book);
    await controller.insertSample();
    await controller.refresh();
    const s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.busy).toBe(false);
    expect(s.notice?.text).toMatch(/^Report written: ABC Customer P&L, ABC Rates, ABC Summary, ABC Actions, ABC Cost flow\. Computed in \d+ ms\.$/);
    const stages = [...new Set(states.flatMap((x) => (x.progress === null ? [] : [x.progress.stage])))];
    expect(stages).toEqual(['writing', 'reading', 'computing']);
    const json = s.output?.json;
    if (json === null || json === undefined) throw new Error('no result');
    const direct = computeModel({ grids: [...sampleGrids()], readIssues: [], broken: [] }).json;
    expect(json.totals).toEqual(direct?.totals);
    const headline = headlineOf(json);
    expect(headline?.customers).toBe(250);
    expect(headline?.netProfit).toBe(json.totals?.netProfit);
    expect(headline?.lossMaking).toBe(json.customers.filter((c) => c.netProfit < 0).length);
    // The published pattern: the top fifth earns well over 100% of total profit.
    expect(headline?.topFifthShare).toBeGreaterThan(1);
    const points = whalePoints(json);
    expect(points).toHaveLength(251);
    expect(points[250]?.y).toBeCloseTo(1, 10);
    expect(Math.max(...points.map((p) => p.y))).toBeGreaterThan(1);
  });

  test('an Excel error is shown with what to do, not swallowed', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    book.workbookProtected = true;
    const { controller } = pane(book);
    await controller.insertSample();
    expect(controller.getState().error).toMatchObject({ kind: 'protected' });
    expect(stringsFor('nl').errorsOf.protected('').action).toMatch(/beveiliging/);
  });

  test('clicking an issue selects its cell', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const { controller } = pane(book);
    await controller.insertSample();
    book.sheet('Customers')?.setValues('F3', [['n/a']]);
    await controller.check();
    const issue = controller.getState().issues.find((i) => i.code === 'NOT_A_NUMBER');
    expect(issue?.where).toEqual({ range: 'ABC_Customers', sheet: 'Customers', cell: 'F3' });
    if (issue === undefined) throw new Error('no issue');
    await controller.select(issue);
    expect(book.selection).toEqual({ sheet: 'Customers', address: 'F3' });
  });
});

describe('the worker computer', () => {
  test('posts the request, resolves with the answer, and terminates the worker on Cancel', async () => {
    const made: Array<WorkerLike & { posted: unknown[]; terminated: boolean }> = [];
    const spawn = (): WorkerLike => {
      const w = {
        posted: [] as unknown[],
        terminated: false,
        onmessage: null as ((e: MessageEvent) => void) | null,
        onerror: null,
        postMessage(m: unknown) {
          this.posted.push(m);
        },
        terminate() {
          this.terminated = true;
        },
      };
      made.push(w);
      return w;
    };
    const computer = workerComputer(spawn);
    const request = { grids: [...sampleGrids()], readIssues: [], broken: [] };
    const first = computer.compute(request);
    const w = made[0];
    const { id, request: posted } = w?.posted[0] as { id: number; request: PackedComputeRequest };
    // The worker's answer as compute.worker.ts makes it: computed from the packed grids, its sheets packed.
    w?.onmessage?.({ data: { id, ok: true, output: new ComputeSession().computePacked(posted).output } } as MessageEvent);
    const answer = await first;
    expect(answer.json?.customers).toHaveLength(250);
    expect(answer.sheets).toEqual(computeModel(request).sheets);

    const abort = new AbortController();
    const second = computer.compute(request, abort.signal);
    abort.abort();
    await expect(second).rejects.toMatchObject({ kind: 'cancelled' });
    expect(w?.terminated).toBe(true);
    void computer.compute(request);
    expect(made).toHaveLength(2);
  });
});

describe('language and number formats', () => {
  test('Dutch for any Dutch display language, English otherwise', () => {
    expect(languageOf('nl-NL')).toBe('nl');
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(stringsFor('nl').insertSample).toBe('Voorbeeldmodel invoegen');
  });

  test('amounts in the locale and the model currency', () => {
    expect(formatter('nl-NL', 'EUR').money(1234567.89).replace(/\s/g, ' ')).toBe('€ 1.234.568');
    expect(formatter('en-US', 'EUR').money(-1234.4)).toBe('-€1,234');
    expect(formatter('en-US', '$').money(10)).toBe('$10');
    expect(formatter('nl-NL', 'kr').money(1500)).toBe('1.500 KR');
    expect(formatter('nl-NL', 'EUR').percent(1.674)).toMatch(/^167\s?%$/);
  });
});
