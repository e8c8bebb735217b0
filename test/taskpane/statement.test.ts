/**
 * Writing one customer's statement from the pane: the worker lays the sheet out from the result it holds,
 * the controller writes just that sheet, a second write updates it in place, and the other report sheets
 * are left alone. Runs the real worker module (compute.worker.ts) behind a stand-in for `Worker`.
 */
import { createExcelGateway } from '../../src/excel/gateway';
import { OWNER_NAME } from '../../src/excel/owner';
import { type Computer, sessionComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { customerLabel, matchCustomers } from '../../src/taskpane/customer-search';
import { stringsFor } from '../../src/taskpane/i18n';
import { fakeRun, FakeWorkbook, type FakeSheet } from '../excel/fake-excel';
import { PANE_COMPUTERS, sheetOf } from './worker-module';

function pane(book: FakeWorkbook, computer: Computer, language: 'en' | 'nl' = 'en'): PaneController {
  return new PaneController(createExcelGateway(fakeRun(book)), computer, stringsFor(language));
}


/** The first amount of a statement line (column B), found by its label in column A. */
function lineAmount(ws: FakeSheet, label: string): unknown {
  const rows = ws.valuesOf('A1:B80');
  const row = rows.find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no line ${label}`);
  return row[1];
}

const computers = PANE_COMPUTERS;

describe.each(computers)('Write statement (%s)', (_, makeComputer) => {
  test('writes ABC Statement 10527 with its net profit, and a second write updates that sheet in place', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, makeComputer());
    await controller.insertSample();
    await controller.refresh();
    const report = ['ABC Customer P&L', 'ABC Rates', 'ABC Summary'];
    const before = report.map((name) => sheetOf(book, name).valuesOf('A1:Z300'));
    const refreshed = book.sheets.map((ws) => ws.name);

    await controller.writeStatement('10527');
    let s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.notice).toEqual({ intent: 'success', text: 'Statement written: ABC Statement 10527.' });
    const statement = sheetOf(book, 'ABC Statement 10527');
    expect(statement.valuesOf('A1')[0]?.[0]).toMatch(/10527/);
    expect(lineAmount(statement, 'Net profit')).toBe(326131.85);
    expect(statement.names.find((n) => n.name === OWNER_NAME)?.formula).toBe('="ABC report: statement 10527"');
    // The rest of the report is as the Refresh left it.
    expect(report.map((name) => sheetOf(book, name).valuesOf('A1:Z300'))).toEqual(before);
    const sheets = book.sheets.map((ws) => ws.name);
    expect(sheets).toEqual([...refreshed, 'ABC Statement 10527']);

    // A formula pointing at the statement, a change to the model, the statement written again.
    const netRow = statement.valuesOf('A1:A80').findIndex((r) => r[0] === 'Net profit') + 1;
    sheetOf(book, 'Sheet1').setFormulas('A1', [[`='ABC Statement 10527'!B${netRow}`]]);
    expect(sheetOf(book, 'Sheet1').valuesOf('A1')).toEqual([[326131.85]]);
    // 10527 gets 1,000 more rush orders (a volume row of its own): a time-driven cost, so its profit falls.
    sheetOf(book, 'Transactions').setValues('A3', [[10527, 'Rush orders', 1000]]);
    await controller.writeStatement('10527');
    s = controller.getState();
    expect(s.notice?.text).toBe('Statement written: ABC Statement 10527.');
    expect(book.sheets.map((ws) => ws.name)).toEqual(sheets);
    expect(book.sheet('ABC Statement 10527')).toBe(statement);
    const after = lineAmount(statement, 'Net profit');
    expect(typeof after).toBe('number');
    expect(after).toBeLessThan(326131.85);
    expect(sheetOf(book, 'Sheet1').valuesOf('A1')).toEqual([[after]]);
    expect(sheetOf(book, 'Sheet1').at('A1')?.formula).toBe(`='ABC Statement 10527'!B${netRow}`);
    // Still only the one statement; the other report sheets were not touched by it.
    expect(report.map((name) => sheetOf(book, name).valuesOf('A1:Z300'))).toEqual(before);

    // A Refresh leaves the statement where it is, and its P&L agrees with the statement's new net profit.
    await controller.refresh();
    expect(book.sheets.map((ws) => ws.name)).toEqual(sheets);
    const pnl = sheetOf(book, 'ABC Customer P&L').valuesOf('A3:AD300');
    const column = (pnl[0] ?? []).indexOf('Net profit');
    expect(column).toBeGreaterThan(0);
    expect(pnl.find((r) => r.slice(0, 3).some((v) => String(v) === '10527'))?.[column]).toBe(after);
    expect(lineAmount(statement, 'Net profit')).toBe(after);
  });
});

describe('Refresh and the statements already in the workbook', () => {
  test('a Refresh writes them again with the new figures, and empties the statement of a customer gone', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, sessionComputer());
    await controller.insertSample();
    await controller.writeStatement('10527');
    await controller.writeStatement('10559');
    expect(lineAmount(sheetOf(book, 'ABC Statement 10527'), 'Net profit')).toBe(326131.85);

    // 10527 gets 1,000 more rush orders; 10559 is renumbered 99999 in every sheet of the model.
    sheetOf(book, 'Transactions').setValues('A3', [[10527, 'Rush orders', 1000]]);
    for (const name of ['Customers', 'Transactions']) {
      const ws = sheetOf(book, name);
      ws.valuesOf('A1:A20000').forEach((r, i) => {
        if (r[0] === 10559) ws.setValues(`A${i + 1}`, [[99999]]);
      });
    }
    await controller.refresh();
    expect(controller.getState().error).toBeNull();
    const pnl = sheetOf(book, 'ABC Customer P&L').valuesOf('A3:AD300');
    const column = (pnl[0] ?? []).indexOf('Net profit');
    const now = pnl.find((r) => r.slice(0, 3).some((v) => String(v) === '10527'))?.[column];
    expect(typeof now).toBe('number');
    expect(now).toBeLessThan(326131.85);
    expect(lineAmount(sheetOf(book, 'ABC Statement 10527'), 'Net profit')).toBe(now);
    expect(sheetOf(book, 'ABC Statement 10559').valuesOf('A1:B3')).toEqual([
      ['Customer statement: 10559', null],
      [
        'Customer 10559 is no longer in ABC_Customers: this statement of an earlier run was emptied so that it shows no old figures. Delete the sheet when you no longer need it.',
        null,
      ],
      [null, null],
    ]);
    expect(book.sheets.filter((ws) => /^ABC Statement/.test(ws.name)).map((ws) => ws.name)).toEqual(['ABC Statement 10527', 'ABC Statement 10559']);
  });
});

describe('Write statement: finding the customer', () => {
  test('by a name only one customer has, and an unknown customer named with close matches', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, sessionComputer());
    await controller.insertSample();
    await controller.check();
    const name = controller.getState().output?.json?.customers.find((c) => c.customer === '10527')?.name;
    if (name === null || name === undefined) throw new Error('10527 has no name');
    await controller.writeStatement(name.toUpperCase());
    expect(controller.getState().notice?.text).toBe('Statement written: ABC Statement 10527.');

    await controller.writeStatement('10527x');
    const s = controller.getState();
    expect(s.notice?.intent).toBe('warning');
    expect(s.notice?.text).toMatch(/^No customer has the id or name "10527x"\. Close matches: 10527 \(/);
    expect(book.sheets.filter((ws) => ws.name.startsWith('ABC Statement'))).toHaveLength(1);
  });

  test('in Dutch: ABC Klantoverzicht 10527', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    const controller = pane(book, sessionComputer(), 'nl');
    await controller.insertSample();
    await controller.writeStatement('10527');
    expect(controller.getState().notice?.text).toBe('Klantoverzicht geschreven: ABC Klantoverzicht 10527.');
    expect(lineAmount(sheetOf(book, 'ABC Klantoverzicht 10527'), 'Nettowinst')).toBe(326131.85);
  });
});

describe('the picker\'s search', () => {
  const customers = [
    { customer: 'A100', name: 'Bakkerij de Korenaar' },
    { customer: 'B200', name: 'Slagerij A100 Vlees' },
    { customer: 'C300', name: null },
    { customer: 'A1000', name: 'Café Centraal' },
  ];

  test('by id or name, ignoring case and spaces; ids that start with the text first; at most the limit', () => {
    expect(matchCustomers(customers, ' a100 ').map((c) => c.customer)).toEqual(['A100', 'A1000', 'B200']);
    expect(matchCustomers(customers, 'KORENAAR').map((c) => c.customer)).toEqual(['A100']);
    expect(matchCustomers(customers, 'c3').map((c) => c.customer)).toEqual(['C300']);
    expect(matchCustomers(customers, 'zz')).toEqual([]);
    expect(matchCustomers(customers, '', 2).map((c) => c.customer)).toEqual(['A100', 'B200']);
    expect(matchCustomers(customers, 'a', 1).map((c) => c.customer)).toEqual(['A100']);
  });

  test('labels: id and name, or the id alone', () => {
    expect(customers.map(customerLabel)).toEqual(['A100 — Bakkerij de Korenaar', 'B200 — Slagerij A100 Vlees', 'C300', 'A1000 — Café Centraal']);
  });
});
