/**
 * Keep period and Compare on the pane's own computation: the sample inserted into the fake workbook and
 * computed inline and in the worker; this period's figures come from the worker exactly as the engine's
 * own (every decimal), the model's Period setting is the label kept, and comparing the period with a copy
 * of itself changes nothing. A result replaced by a newer computation is not kept.
 */
import { figuresOfResult } from '../../src/engine/compare/figures';
import { runModel } from '../../src/engine/run';
import { createExcelGateway } from '../../src/excel/gateway';
import { sampleGrids } from '../../src/sample';
import { CompareController, currentOfPane } from '../../src/taskpane/compare-controller';
import { PaneController } from '../../src/taskpane/controller';
import { stringsFor } from '../../src/taskpane/i18n';
import { readContract } from '../../src/workbook/contract';
import { periodFiguresToJson } from '../../src/workbook/period-figures-json';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';
import { KeptHistory } from './kept-history';
import { PANE_COMPUTERS } from './worker-module';

function engineFigures() {
  const read = readContract(sampleGrids());
  const { result } = runModel(read.model, read.issues);
  if (result === null) throw new Error('the sample has errors');
  return figuresOfResult(result);
}
const EXPECTED = engineFigures();

describe.each(PANE_COMPUTERS)('Keep period on the sample (%s)', (_, makeComputer) => {
  test('keeps the engine\'s exact figures under the sample\'s Period; compared with itself nothing changes', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const computer = makeComputer();
    const pane = new PaneController(createExcelGateway(fakeRun(book)), computer, stringsFor('en'));
    await pane.insertSample();
    const history = new KeptHistory();
    const compare = new CompareController(history, currentOfPane(pane, computer), stringsFor('en'));
    expect(compare.keepBlocked(pane.getState().output)).toBeNull();
    await compare.keep();
    const period = EXPECTED.label as string;
    expect(period).not.toBe('');
    expect(compare.getState().notice).toEqual({ intent: 'success', text: `Period ${period} kept.` });
    const [kept] = history.kept;
    expect(kept?.label).toBe(period);
    expect(periodFiguresToJson(kept?.figures ?? EXPECTED)).toEqual(periodFiguresToJson(EXPECTED));

    // The same period kept as "Budget" too: against it every change is zero.
    history.kept.push({ label: 'Budget', figures: { ...EXPECTED, label: 'Budget' } });
    await compare.compare('Budget');
    const view = compare.getState().view;
    expect(view?.company.change).toBe(0);
    expect(view?.company.parts.every((p) => p.amount === 0)).toBe(true);
    expect([view?.improvements, view?.declines]).toEqual([[], []]);
  });

  test('a result replaced since is not kept: the pane computes again first', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const computer = makeComputer();
    const pane = new PaneController(createExcelGateway(fakeRun(book)), computer, stringsFor('en'));
    await pane.insertSample();
    const stale = pane.getState().output;
    await pane.check();
    const history = new KeptHistory();
    const compare = new CompareController(history, currentOfPane({ getState: () => ({ ...pane.getState(), output: stale }), whenIdle: (w) => pane.whenIdle(w) } as PaneController, computer), stringsFor('en'));
    await compare.keep();
    expect(compare.getState().notice).toEqual({ intent: 'warning', text: 'The model changed since it was last computed: press Check model, then try again.' });
    expect(history.kept).toEqual([]);
  });
});
