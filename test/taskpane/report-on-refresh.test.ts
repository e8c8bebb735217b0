/**
 * The report sheets are laid out only when Refresh writes them: Check (and following an edit, a statement,
 * scenarios) compute the figures alone, since 5,000 customers' sheets take longer than the costing.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import type { ComputeRequest } from '../../src/taskpane/compute';
import { type Computer, sessionComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { stringsFor } from '../../src/taskpane/i18n';
import { fakeRun } from '../excel/fake-excel';
import { sampleWorkbook } from '../excel/helpers';

describe('report sheets only for Refresh', () => {
  test('Check asks for no report and gets the figures; Refresh asks for it and writes it', async () => {
    const asked: Array<boolean | undefined> = [];
    const inner = sessionComputer();
    const computer: Computer = {
      ...inner,
      compute: (request: ComputeRequest, signal) => {
        asked.push(request.report);
        return inner.compute(request, signal);
      },
    };
    const book = sampleWorkbook();
    const controller = new PaneController(createExcelGateway(fakeRun(book)), computer, stringsFor('en'));

    await controller.check();
    let s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.output?.json?.totals?.netProfit).toBe(1898798.57);
    expect(s.output?.sheets).toBeNull();
    expect(book.sheet('ABC Customer P&L')).toBeUndefined();

    await controller.refresh();
    s = controller.getState();
    expect(s.notice?.text).toMatch(/^Report written: ABC Customer P&L, ABC Rates, ABC Summary, ABC Actions, ABC Cost flow\. Computed in \d+ ms\.$/);
    expect(s.output?.sheets?.map((x) => x.name)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    expect(book.sheet('ABC Customer P&L')).toBeDefined();
    expect(asked).toEqual([false, true]);
  });
});
