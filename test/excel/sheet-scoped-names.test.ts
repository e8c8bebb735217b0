/**
 * The add-in finds the contract's ranges by the rule of docs/workbook-contract.md ("Where a range's name
 * is found"): a workbook-scoped name, else the one sheet-scoped name, else a table; several sheet-scoped
 * names are AMBIGUOUS_RANGE_NAME. And dates, which Office.js gives as serial numbers, reach the contract
 * as dates where a date may be meant (ABC_Settings, ABC_Customers).
 */
import { readModel } from '../../src/excel/read-model';
import { quoteSheet } from '../../src/engine/issues';
import type { ContractRangeName } from '../../src/workbook/contract';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { columnLetters, type RangeGrid } from '../../src/workbook/grid';
import { validGrids, withRange } from '../workbook/contract-fixtures';
import { dateSerial, fakeRun, FakeWorkbook } from './fake-excel';

type Scope = 'workbook' | 'sheet' | 'none';

/** The small valid model typed into a fake workbook, each range on its sheet under a name of the given scope. */
function bookOf(scopes: Partial<Record<ContractRangeName, Scope>> = {}, grids = validGrids()): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const [name, g] of grids) {
    const ws = book.sheet(g.sheet) ?? book.addSheet(g.sheet);
    ws.setValues('A1', g.rows as never);
    const width = Math.max(...g.rows.map((r) => r.length));
    const formula = `=${quoteSheet(g.sheet)}!$A$1:$${columnLetters(width)}$${g.rows.length}`;
    const scope = scopes[name] ?? 'workbook';
    if (scope === 'workbook') book.addName(name, formula);
    else if (scope === 'sheet') ws.addName(name, formula);
  }
  return book;
}

/** The figures of what the add-in read. */
function figures(grids: ReadonlyMap<ContractRangeName, RangeGrid>): { netProfit: string; directCosts: string; perCustomer: string[][] } {
  const result = analyseWorkbook(grids).result;
  if (result === null) throw new Error('the model has errors');
  return {
    netProfit: result.totals.netProfit.toString(),
    directCosts: result.totals.directCosts.toString(),
    perCustomer: result.customers.map((c) => [c.customer, c.directCosts.toString(), c.netProfit.toString()]),
  };
}

describe('sheet-scoped contract names in the add-in', () => {
  test('the fake host keeps names in their scope, as Office.js does', async () => {
    const book = bookOf({ ABC_CustomerCosts: 'sheet' });
    const seen = await fakeRun(book)(async (context) => {
      const wbNames = context.workbook.names.load('items/name');
      const ws = context.workbook.worksheets.getItem('Direct costs');
      const sheetNames = ws.names.load('items/name,items/scope,items/formula');
      await context.sync();
      const item = sheetNames.items[0] as Excel.NamedItem;
      const scopeSheet = item.worksheet.load('name');
      await context.sync();
      return { wb: wbNames.items.map((n) => n.name), sheet: sheetNames.items.map((n) => [n.name, n.scope, n.formula]), on: scopeSheet.name };
    });
    expect(seen.wb).not.toContain('ABC_CustomerCosts');
    expect(seen.sheet).toEqual([['ABC_CustomerCosts', 'Worksheet', "='Direct costs'!$A$1:$C$3"]]);
    expect(seen.on).toBe('Direct costs');
  });

  test('an ABC_CustomerCosts scoped to its sheet is read, and its direct costs count', async () => {
    // Without the range, as when sheet-scoped names were ignored: no direct costs.
    const without = validGrids();
    without.delete('ABC_CustomerCosts');
    expect(figures(without)).toEqual({
      netProfit: '-650974.9',
      directCosts: '0',
      perCustomer: [
        ['C-2', '0', '-71706.95'],
        ['1001', '0', '-579267.95'],
      ],
    });

    const book = bookOf({ ABC_CustomerCosts: 'sheet' });
    const out = await readModel(fakeRun(book));
    expect(out.issues).toEqual([]);
    expect(out.grids.get('ABC_CustomerCosts')).toEqual({
      name: 'ABC_CustomerCosts',
      sheet: 'Direct costs',
      top: 1,
      left: 1,
      rows: [
        ['Customer', 'Item', 'Amount'],
        [1001, 'Year-end bonus', 2500],
        ['C-2', 'Freight recharged', -300],
      ],
    });
    // 2500 − 300 of direct costs lower the net profit by 2200.
    expect(figures(out.grids)).toEqual({
      netProfit: '-653174.9',
      directCosts: '2200',
      perCustomer: [
        ['C-2', '-300', '-71406.95'],
        ['1001', '2500', '-581767.95'],
      ],
    });
    // Locating takes a third sync only because a sheet-scoped name was chosen; then one batch of cells.
    expect(out.syncs).toBe(4);
  });

  test('with workbook-scoped names only, locating still takes two syncs', async () => {
    const out = await readModel(fakeRun(bookOf()));
    expect(out.syncs).toBe(3);
    expect(figures(out.grids).netProfit).toBe('-653174.9');
  });

  test('ABC_Volumes on two sheets and not for the workbook: AMBIGUOUS_RANGE_NAME naming both sheets', async () => {
    const book = bookOf({ ABC_Volumes: 'none' });
    const jan = book.addSheet('Jan');
    jan.setValues('A1', [['Customer', 'Orders'], [1001, 60], ['C-2', 20]]);
    jan.addName('ABC_Volumes', '=Jan!$A$1:$B$3');
    const feb = book.addSheet('Feb 2024');
    feb.setValues('A1', [['Customer', 'Orders'], [1001, 60], ['C-2', 20]]);
    feb.addName('abc_volumes', "='Feb 2024'!$A$1:$B$3");
    const out = await readModel(fakeRun(book));
    expect(out.grids.has('ABC_Volumes')).toBe(false);
    expect(out.broken).toEqual(['ABC_Volumes']);
    expect(out.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'AMBIGUOUS_RANGE_NAME',
        message: 'ABC_Volumes is defined on the sheets Jan and Feb 2024 and not for the whole workbook; keep one, or define it for the workbook.',
        where: { range: 'ABC_Volumes', value: "Jan!ABC_Volumes, 'Feb 2024'!abc_volumes" },
      }),
    ]);
  });

  test('a workbook-scoped name wins over a sheet-scoped one of the same name, without a word', async () => {
    const book = bookOf();
    // An old copy of the volumes on another sheet, with its own sheet-scoped ABC_Volumes: ten times the orders.
    const old = book.addSheet('Old volumes');
    old.setValues('A1', [['Customer', 'Orders', 'Order lines', 'Rush orders', 'Deliveries'], [1001, 1200, 900, 3, 50], ['C-2', 400, 100, null, 20]]);
    old.addName('ABC_Volumes', "='Old volumes'!$A$1:$E$3");
    const out = await readModel(fakeRun(book));
    expect(out.issues).toEqual([]);
    expect(out.grids.get('ABC_Volumes')).toMatchObject({ sheet: 'Volumes', rows: [expect.anything(), [1001, 120, 900, 3, 50], ['C-2', 40, 100, null, 20]] });
    expect(figures(out.grids).netProfit).toBe('-653174.9');
    expect(out.syncs).toBe(3);
  });

  test('a sheet-scoped name wins over a table, and may point at another sheet', async () => {
    const book = bookOf({ ABC_Settings: 'none' });
    book.addTable('ABC_Settings', 'Settings', 'A1:B4');
    const other = book.addSheet('Other settings');
    other.setValues('A1', [['Setting', 'Value'], ['Period', 'FY 2024']]);
    book.sheet('Settings')?.addName('ABC_Settings', "='Other settings'!$A$1:$B$2");
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Settings')).toEqual({ name: 'ABC_Settings', sheet: 'Other settings', top: 1, left: 1, rows: [['Setting', 'Value'], ['Period', 'FY 2024']] });
    expect(analyseWorkbook(out.grids).result?.settings.period).toBe('FY 2024');
  });

  test('without any name, the table is still used', async () => {
    const book = bookOf({ ABC_Settings: 'none' });
    book.addTable('abc_settings', 'Settings', 'A1:B4');
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Settings')).toMatchObject({ name: 'abc_settings', sheet: 'Settings', rows: [['Setting', 'Value'], ['Currency', 'EUR'], ['Period', '2024 Q1'], ['UnusedCapacity', 'assign']] });
    expect(out.syncs).toBe(3);
  });

  test('a sheet-scoped contract name that is no range is INVALID_RANGE_REFERENCE, not missing', async () => {
    const book = bookOf({ ABC_Settings: 'none' });
    book.sheet('Settings')?.addName('ABC_Settings', '="EUR"');
    const out = await readModel(fakeRun(book));
    expect(out.broken).toEqual(['ABC_Settings']);
    expect(out.issues).toEqual([expect.objectContaining({ code: 'INVALID_RANGE_REFERENCE', where: { range: 'ABC_Settings', value: '="EUR"' } })]);
  });
});

describe('dates from Office.js', () => {
  const march31 = new Date(Date.UTC(2024, 2, 31));

  test('the fake host stores a date as Excel does: its serial number with a date format', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S').setValues('A1', [[march31, new Date(Date.UTC(2024, 2, 31, 12))]]);
    expect(dateSerial(march31)).toBe(45382);
    expect(book.sheet('S')?.at('A1')).toMatchObject({ value: 45382, numberFormat: 'm/d/yyyy' });
    const loaded = await fakeRun(book)(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:B1').load('values,valueTypes,numberFormat');
      await context.sync();
      return [r.values, r.valueTypes, r.numberFormat];
    });
    expect(loaded).toEqual([[[45382, 45382.5]], [['Double', 'Double']], [['m/d/yyyy', 'm/d/yyyy h:mm']]]);
  });

  test('a date in ABC_Settings (Period) and in a customer dimension reaches the contract as the date shown', async () => {
    const grids = validGrids();
    grids.set('ABC_Settings', { ...(grids.get('ABC_Settings') as RangeGrid), rows: [['Setting', 'Value'], ['Currency', 'EUR'], ['Period', march31]] });
    const customers = grids.get('ABC_Customers') as RangeGrid;
    grids.set('ABC_Customers', {
      ...customers,
      rows: [
        ['Customer', 'Name', 'Revenue', 'Discounts', 'COGS', 'Customer since', 'Visits', 'Contract'],
        [1001, 'Bakker BV', 250000, 5000, 180000, new Date(Date.UTC(2019, 0, 15)), 45000, 45292],
        ['C-2', 'Jansen', 90000.1, null, 60000, new Date(Date.UTC(2021, 5, 1)), 12, 45323],
      ],
    });
    const book = bookOf({}, grids);
    // A Dutch date format typed by hand over two serial numbers; Visits stays General, so stays a number.
    book.sheet('Customers')?.setNumberFormat('H2:H3', 'dd-mm-yyyy');
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Settings')?.rows[2]).toEqual(['Period', march31]);
    expect(out.grids.get('ABC_Customers')?.rows.slice(1)).toEqual([
      [1001, 'Bakker BV', 250000, 5000, 180000, new Date(Date.UTC(2019, 0, 15)), 45000, new Date(Date.UTC(2024, 0, 1))],
      ['C-2', 'Jansen', 90000.1, null, 60000, new Date(Date.UTC(2021, 5, 1)), 12, new Date(Date.UTC(2024, 1, 1))],
    ]);
    const result = analyseWorkbook(out.grids).result;
    expect(result?.settings.period).toBe('2024-03-31');
    const bakker = result?.customers.find((c) => c.customer === '1001');
    expect(bakker?.dimensions).toEqual([
      ['Customer since', '2019-01-15'],
      ['Visits', 45000],
      ['Contract', '2024-01-01'],
    ]);
  });

  test('a Discounts cell formatted as a percentage stops the run at its cell, as in the runner', async () => {
    const book = bookOf();
    // The user typed 2% into Discounts: Excel holds 0.02 and shows 2%.
    book.sheet('Customers')?.setValues('D2', [[0.02]]).setNumberFormat('D2', '0%');
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Customers')?.rows[1]?.[3]).toEqual({ percent: 0.02 });
    const analysis = analyseWorkbook(out.grids);
    expect(analysis.result).toBeNull();
    expect(analysis.issues.map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([['PERCENT_FOR_AMOUNT', 'Customers', 'D2']]);
  });

  test('a ledger Amount formatted as a percentage stops the run at its cell, as in the runner', async () => {
    const grids = withRange(validGrids(), 'ABC_Resources', [
      ['Account', 'Description', 'Amount', 'Pool'],
      [4000, 'Salaries', 560000, 'Customer service'],
      [4300, 'Rent', 0.4, 'Warehouse'],
      [4000, 'Salaries', 120000, 'Warehouse'],
      [4800, 'Management fee', 90000, 'Management'],
    ], 'Ledger');
    const book = bookOf({}, grids);
    book.sheet('Ledger')?.setNumberFormat('C3', '0%');
    const out = await readModel(fakeRun(book));
    expect(out.grids.get('ABC_Resources')?.rows[2]?.[2]).toEqual({ percent: 0.4 });
    const analysis = analyseWorkbook(out.grids);
    expect(analysis.result).toBeNull();
    // One error at the cell; Warehouse's Cost is not compared with a sum that is not known.
    expect(analysis.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([['PERCENT_FOR_AMOUNT', 'Ledger', 'C3']]);
  });

  test('ABC_Volumes is read without number formats: a date there stays its serial number', async () => {
    const grids = validGrids();
    grids.set('ABC_Volumes', {
      ...(grids.get('ABC_Volumes') as RangeGrid),
      rows: [['Customer', 'Orders', 'Date'], [1001, 120, march31], ['C-2', 40, march31]],
    });
    const out = await readModel(fakeRun(bookOf({}, grids)));
    expect(out.grids.get('ABC_Volumes')?.rows).toEqual([['Customer', 'Orders', 'Date'], [1001, 120, 45382], ['C-2', 40, 45382]]);
  });
});
