/**
 * A Refresh on a host that garbles number formats it cannot repair (a German region without ExcelApi 1.11,
 * office-js#1553) still writes the report, and the pane warns which formats on which sheets may look
 * wrong, in the pane's language; a host that keeps them (or where they were set again locally) says nothing more.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { type Language, stringsFor } from '../../src/taskpane/i18n';
import { hostBefore1_11 } from '../excel/fake-events';
import { fakeRun, FakeWorkbook } from '../excel/fake-excel';

async function refreshed(language: Language, supports1_11: boolean): Promise<PaneController> {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  book.region = { decimal: ',', group: '.', numberFormatReadLocally: true };
  if (!supports1_11) hostBefore1_11(book);
  const controller = new PaneController(createExcelGateway(fakeRun(book), () => supports1_11), inlineComputer, stringsFor(language));
  await controller.insertSample();
  await controller.refresh();
  return controller;
}

describe('number formats Excel did not keep', () => {
  test('are named, by sheet, in a warning', async () => {
    const { notice, error } = (await refreshed('en', false)).getState();
    expect(error).toBeNull();
    expect(notice?.intent).toBe('warning');
    expect(notice?.text).toMatch(/^Report written: ABC Customer P&L, ABC Rates, ABC Summary, ABC Actions, ABC Cost flow\. Computed in \d+ ms\. Excel did not keep some number formats /);
    expect(notice?.text).toContain('ABC Customer P&L: #,##0, "€ "#,##0.00;[Red]"€ "-#,##0.00, 0.0%;');
    expect(notice?.text).toMatch(/The numbers are right, but those cells may look wrong; set their format with Format Cells\.$/);
  });

  test('in Dutch', async () => {
    const { notice } = (await refreshed('nl', false)).getState();
    expect(notice?.intent).toBe('warning');
    expect(notice?.text).toContain('Excel heeft enkele getalnotaties niet overgenomen (de landinstellingen lezen de scheidingstekens anders): ABC Klantresultaat: ');
    expect(notice?.text).toMatch(/De getallen kloppen, maar die cellen kunnen er verkeerd uitzien; stel hun notatie in met Cellen opmaken\.$/);
  });

  test('set again in the local form: the plain notice', async () => {
    const { notice } = (await refreshed('en', true)).getState();
    expect(notice).toMatchObject({ intent: 'success' });
    expect(notice?.text).toMatch(/^Report written: .* Computed in \d+ ms\.$/);
  });
});
