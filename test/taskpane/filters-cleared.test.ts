/**
 * A Refresh that clears a report sheet's filter and sort (the user filtered the P&L, the report is written
 * over it) says so, naming the sheets, in the pane's language; a Refresh over unfiltered sheets says nothing more.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { type Language, stringsFor } from '../../src/taskpane/i18n';
import { fakeRun, FakeWorkbook } from '../excel/fake-excel';

async function refreshedTwice(language: Language, filter: boolean): Promise<PaneController> {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  const controller = new PaneController(createExcelGateway(fakeRun(book)), inlineComputer, stringsFor(language));
  await controller.insertSample();
  await controller.refresh();
  const pl = book.sheet(language === 'nl' ? 'ABC Klantresultaat' : 'ABC Customer P&L');
  if (filter) {
    if (pl === undefined) throw new Error(`no P&L sheet: ${book.sheets.map((s) => s.name).join(', ')}`);
    pl.setAutoFilter('A3:L60', [5, 6, 7], true);
  }
  await controller.refresh();
  return controller;
}

describe('a Refresh that cleared a report sheet’s filter and sort', () => {
  test('names the sheet in the notice', async () => {
    const controller = await refreshedTwice('en', true);
    const { notice, error } = controller.getState();
    expect(error).toBeNull();
    expect(notice?.intent).toBe('info');
    expect(notice?.text).toMatch(/^Report written: ABC Customer P&L, ABC Rates, ABC Summary, ABC Actions, ABC Cost flow\. Computed in \d+ ms\. /);
    expect(notice?.text).toMatch(/ The filter and sort of ABC Customer P&L were cleared before the report was written over them; filter again to see the rows you chose\.$/);
  });

  test('in Dutch', async () => {
    const controller = await refreshedTwice('nl', true);
    expect(controller.getState().notice?.text).toMatch(/ Het filter en de sortering van ABC Klantresultaat zijn gewist voordat het rapport eroverheen werd geschreven; filter opnieuw om de gekozen rijen te zien\.$/);
  });

  test('an unfiltered report: the plain notice', async () => {
    const controller = await refreshedTwice('en', false);
    expect(controller.getState().notice).toMatchObject({ intent: 'success' });
    expect(controller.getState().notice?.text).toMatch(/^Report written: .* Computed in \d+ ms\.$/);
  });
});
