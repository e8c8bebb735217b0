/**
 * The simulated host refuses what Excel refuses, with Excel's error code, and keeps formulas as Excel does:
 * a reference to a deleted sheet is `#REF!` for good, a rename is followed. A fake is only worth what it
 * refuses; each rule here is one the add-in's tests lean on.
 */
import { FakeOfficeError, FakeWorkbook, type FakeContext, type FakeSheet } from './fake-excel';

/** Runs one batch and returns the code it failed with, or null. */
async function codeOf(book: FakeWorkbook, batch: (ctx: FakeContext) => void): Promise<string | null> {
  try {
    await book.run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    });
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(FakeOfficeError);
    return (err as FakeOfficeError).code;
  }
}

function twoSheets(): { book: FakeWorkbook; data: FakeSheet; sheet1: FakeSheet } {
  const book = new FakeWorkbook();
  const sheet1 = book.addSheet('Sheet1');
  const data = book.addSheet('My data').setValues('A1', [['id', 'amount'], ['x', 10], ['y', 20]]);
  return { book, data, sheet1 };
}

describe('formulas follow their sheets as in Excel', () => {
  test('a reference, a VLOOKUP and a name are computed on every read', async () => {
    const { book, data, sheet1 } = twoSheets();
    sheet1.setFormulas('A1', [["='My data'!B2"], ["=VLOOKUP(\"Y\", 'My data'!$A:$B, 2, FALSE)"], ['=Total'], ['=B9'], ['=VLOOKUP("z", \'My data\'!A:B, 2, FALSE)']]);
    book.addName('Total', "='My data'!$B$3");
    expect(sheet1.valuesOf('A1:A5')).toEqual([[10], [20], [20], [0], ['#N/A']]);
    data.setValues('B2', [[11]]);
    const read = await book.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').load('values,valueTypes,formulas');
      await ctx.sync();
      return [r.values, r.valueTypes, r.formulas];
    });
    expect(read).toEqual([[[11], [20]], [['Double'], ['Double']], [["='My data'!B2"], ["=VLOOKUP(\"Y\", 'My data'!$A:$B, 2, FALSE)"]]]);
  });

  test('deleting a sheet turns every reference to it into #REF! for good; a new sheet of that name does not bring them back', async () => {
    const { book, sheet1 } = twoSheets();
    sheet1.setFormulas('A1', [["='My data'!B2"], ['=VLOOKUP("x", \'My data\'!A:B, 2, FALSE)'], ['="My data!B2 stays text"']]);
    book.addName('Amounts', "='My data'!$B$2:$B$3");
    sheet1.addName('Local', "='My data'!$A$1");
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('my data').delete())).toBeNull();
    expect(sheet1.at('A1')?.formula).toBe('=#REF!B2');
    expect(sheet1.at('A2')?.formula).toBe('=VLOOKUP("x", #REF!A:B, 2, FALSE)');
    expect(sheet1.at('A3')?.formula).toBe('="My data!B2 stays text"');
    expect(book.names[0]?.formula).toBe('=#REF!$B$2:$B$3');
    expect(sheet1.names[0]?.formula).toBe('=#REF!$A$1');
    book.addSheet('My data').setValues('B2', [[99]]);
    expect(sheet1.valuesOf('A1:A3')).toEqual([['#REF!'], ['#REF!'], ['My data!B2 stays text']]);
    const type = await book.run(async (ctx) => {
      const n = ctx.workbook.names.getItem('Amounts').load('type');
      await ctx.sync();
      return n.type;
    });
    expect(type).toBe('Error');
  });

  test('renaming a sheet rewrites the references to it', async () => {
    const { book, sheet1 } = twoSheets();
    sheet1.setFormulas('A1', [["='My data'!B3"]]);
    book.addName('Amounts', "='My data'!$B$2:$B$3");
    expect(
      await codeOf(book, (ctx) => {
        ctx.workbook.worksheets.getItem('My data').name = 'Data';
      }),
    ).toBeNull();
    expect(sheet1.at('A1')?.formula).toBe('=Data!B3');
    expect(book.names[0]?.formula).toBe('=Data!$B$2:$B$3');
    expect(sheet1.valuesOf('A1')).toEqual([[20]]);
  });
});

describe('what Excel refuses, the fake refuses with the same code', () => {
  test('the last visible sheet cannot be deleted or hidden (InvalidOperation)', async () => {
    const { book, data } = twoSheets();
    data.visibility = 'Hidden';
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('Sheet1').delete())).toBe('InvalidOperation');
    expect(
      await codeOf(book, (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden' as never;
      }),
    ).toBe('InvalidOperation');
    expect(book.sheets).toHaveLength(2);
    // A hidden sheet can go: a visible one stays.
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').delete())).toBeNull();
  });

  test('a very hidden sheet cannot be deleted (GeneralException) until it is made hidden', async () => {
    const { book, data } = twoSheets();
    data.visibility = 'VeryHidden';
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').delete())).toBe('GeneralException');
    expect(book.sheet('My data')).toBe(data);
    expect(
      await codeOf(book, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('My data');
        ws.visibility = 'Hidden' as never;
        ws.delete();
      }),
    ).toBeNull();
    expect(book.sheet('My data')).toBeUndefined();
  });

  test('a protected workbook refuses adding, deleting, renaming and hiding sheets (AccessDenied), and says it is protected', async () => {
    const { book } = twoSheets();
    book.workbookProtected = true;
    const sheets = (ctx: FakeContext) => ctx.workbook.worksheets;
    expect(await codeOf(book, (ctx) => sheets(ctx).add('New'))).toBe('AccessDenied');
    expect(await codeOf(book, (ctx) => sheets(ctx).getItem('My data').delete())).toBe('AccessDenied');
    expect(await codeOf(book, (ctx) => void (sheets(ctx).getItem('My data').name = 'Other'))).toBe('AccessDenied');
    expect(await codeOf(book, (ctx) => void (sheets(ctx).getItem('My data').visibility = 'Hidden' as never))).toBe('AccessDenied');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'My data']);
    const loaded = await book.run(async (ctx) => {
      const p = ctx.workbook.protection.load('protected');
      const q = ctx.workbook.worksheets.getItem('My data').protection.load('protected');
      await ctx.sync();
      return [p.protected, q.protected];
    });
    expect(loaded).toEqual([true, false]);
  });

  test('a protected sheet refuses values, formulas, copies and clearing (AccessDenied)', async () => {
    const { book, data } = twoSheets();
    data.protected = true;
    const range = (ctx: FakeContext) => ctx.workbook.worksheets.getItem('My data').getRange('A1:B1');
    expect(await codeOf(book, (ctx) => void (range(ctx).values = [[1, 2]]))).toBe('AccessDenied');
    expect(await codeOf(book, (ctx) => void (range(ctx).formulas = [['=1', '=2']]))).toBe('AccessDenied');
    expect(await codeOf(book, (ctx) => range(ctx).copyFrom('Sheet1!A1:B1'))).toBe('AccessDenied');
    expect(await codeOf(book, (ctx) => range(ctx).clear())).toBe('AccessDenied');
    expect(data.valuesOf('A1:B1')).toEqual([['id', 'amount']]);
  });

  test('a values or formulas array of another shape than the range is refused (InvalidArgument)', async () => {
    const { book, data } = twoSheets();
    const range = (ctx: FakeContext) => ctx.workbook.worksheets.getItem('My data').getRange('A1:B2');
    expect(await codeOf(book, (ctx) => void (range(ctx).values = [[1, 2]]))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => void (range(ctx).values = [[1], [2]]))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => void (range(ctx).formulas = [['=1', '=2', '=3'], ['=4', '=5', '=6']]))).toBe('InvalidArgument');
    expect(data.valuesOf('A1:B2')).toEqual([['id', 'amount'], ['x', 10]]);
  });

  test.each([
    ['a name over 31 characters', 'A'.repeat(32)],
    ['a colon', 'P&L: 2026'],
    ['a slash', 'P/L'],
    ['a backslash', 'P\\L'],
    ['a question mark', 'Why?'],
    ['an asterisk', 'All*'],
    ['a bracket', '[draft]'],
    ['a blank name', '  '],
    ['a leading apostrophe', "'Quoted"],
    ['a trailing apostrophe', "Quoted'"],
    ['the reserved name History', 'history'],
  ])('a sheet name with %s is refused (InvalidArgument), added or renamed', async (_what, name) => {
    const { book } = twoSheets();
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.add(name))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => void (ctx.workbook.worksheets.getItem('My data').name = name))).toBe('InvalidArgument');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'My data']);
  });

  test('a sheet name of 31 characters with an apostrophe inside is fine', async () => {
    const { book } = twoSheets();
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.add("Joe's ABC Customer P&L 2026 xyz"))).toBeNull();
  });

  test.each([['My Name!'], ['My Name'], ['ABC1'], ['xfd1048576'], ['R1C1'], ['R'], ['c'], ['R2'], ['C3'], ['RC'], ['1abc'], ['A-B'], ['']])(
    'a defined name %p is refused (InvalidArgument), workbook- or sheet-scoped',
    async (name) => {
      const { book } = twoSheets();
      expect(await codeOf(book, (ctx) => ctx.workbook.names.add(name, "='My data'!$A$1"))).toBe('InvalidArgument');
      expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').names.add(name, '="x"'))).toBe('InvalidArgument');
      expect(book.names).toEqual([]);
    },
  );

  test.each([['ABC_Pools'], ['ABC_ReportOwner'], ['_x'], ['\\notes'], ['ABCD1'], ['XFE1'], ['Totaal.2026']])('a defined name %p is accepted', async (name) => {
    const { book } = twoSheets();
    expect(await codeOf(book, (ctx) => ctx.workbook.names.add(name, "='My data'!$A$1"))).toBeNull();
  });
});

describe('print titles and the AutoFilter (ExcelApi 1.9)', () => {
  test('print titles are whole rows and whole columns; a block of cells is refused (InvalidArgument)', async () => {
    const { book, data } = twoSheets();
    const layout = (ctx: FakeContext) => ctx.workbook.worksheets.getItem('My data').pageLayout;
    expect(await codeOf(book, (ctx) => layout(ctx).setPrintTitleRows('A1:C3'))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => layout(ctx).setPrintTitleColumns('A1:C3'))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => layout(ctx).setPrintTitleRows('$1:$3'))).toBeNull();
    expect(await codeOf(book, (ctx) => layout(ctx).setPrintTitleColumns(ctx.workbook.worksheets.getItem('My data').getRange('$A:$B')))).toBeNull();
    expect([data.print.titleRows, data.print.titleColumns]).toEqual(['A1:XFD3', 'A1:B1048576']);
  });

  test('a sheet has one AutoFilter: a second over other cells is refused (InvalidOperation) until the first is removed', async () => {
    const { book, data } = twoSheets();
    const filter = (ctx: FakeContext) => ctx.workbook.worksheets.getItem('My data').autoFilter;
    expect(await codeOf(book, (ctx) => filter(ctx).apply(ctx.workbook.worksheets.getItem('My data').getRange('A1:B3')))).toBeNull();
    expect(data.autoFilterAddress).toBe('A1:B3');
    expect(await codeOf(book, (ctx) => filter(ctx).apply('A1:A2'))).toBe('InvalidOperation');
    expect(await codeOf(book, (ctx) => filter(ctx).apply(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2')))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => filter(ctx).remove())).toBeNull();
    expect(await codeOf(book, (ctx) => filter(ctx).apply('A1:A2'))).toBeNull();
    expect(data.autoFilterAddress).toBe('A1:A2');
  });
});

describe('copying and clearing ranges as Office.js defines them', () => {
  test('copyFrom (All) pastes values, number formats and styles, blanks included, from the top-left cell; not column widths', async () => {
    const { book, data, sheet1 } = twoSheets();
    data.setNumberFormat('B2:B3', '0.00');
    (data.at('A1') as { style: Record<string, unknown> }).style['font.bold'] = true;
    data.columnWidths.set(0, 99);
    sheet1.setValues('A1', [['old', 'old', 'old'], ['old', 'old', 'old'], ['old', 'old', 'old'], ['below', null, null]]);
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').copyFrom("'My data'!A1:C3", 'All' as never))).toBeNull();
    expect(sheet1.valuesOf('A1:C4')).toEqual([['id', 'amount', null], ['x', 10, null], ['y', 20, null], ['below', null, null]]);
    expect(sheet1.at('B2')?.numberFormat).toBe('0.00');
    expect(sheet1.at('A1')?.style['font.bold']).toBe(true);
    expect(sheet1.columnWidths.size).toBe(0);
  });

  test('copyFrom (Values) pastes formula results and keeps the destination formats', async () => {
    const { book, data, sheet1 } = twoSheets();
    data.setFormulas('C2', [['=B2']]);
    sheet1.setNumberFormat('A1', '0.0%');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').copyFrom(ctx.workbook.worksheets.getItem('My data').getRange('C2'), 'Values' as never))).toBeNull();
    expect(sheet1.at('A1')).toMatchObject({ value: 10, formula: null, numberFormat: '0.0%' });
  });

  test('clear (All) blanks cells and formats of whole rows and columns; Contents keeps the formats', async () => {
    const { book, data } = twoSheets();
    data.setNumberFormat('A1:B3', '@');
    expect(
      await codeOf(book, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('My data');
        ws.getRange('3:1048576').clear('All' as never);
        ws.getRange('B:XFD').clear('Contents' as never);
      }),
    ).toBeNull();
    expect(data.valuesOf('A1:B3')).toEqual([['id', null], ['x', null], [null, null]]);
    expect(data.at('A3')).toBeUndefined();
    expect(data.at('B2')?.numberFormat).toBe('@');
  });
});

describe('hidden sheets, filters, conditional formats and sheet names as Excel has them (issue 18, item 8)', () => {
  test('freeze panes and activate are refused on a hidden sheet', async () => {
    const { book, data } = twoSheets();
    book.setVisibility(data, 'Hidden');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').freezePanes.unfreeze())).toBe('GeneralException');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').freezePanes.freezeRows(1))).toBe('GeneralException');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').activate())).toBe('InvalidOperation');
    book.setVisibility(data, 'Visible');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').activate())).toBeNull();
  });

  test('a paste over a filtered range lands in its visible rows; clearCriteria shows them all again', async () => {
    const { book, data } = twoSheets();
    const from = book.addSheet('From').setValues('A1', [['a'], ['b'], ['c']]);
    void from;
    data.setAutoFilter('A1:B3', [2]);
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').getRange('A1').copyFrom(ctx.workbook.worksheets.getItem('From').getRange('A1:A3'), 'Values'))).toBeNull();
    // Row 2 is hidden: 'b' went to row 3 and 'c' to row 4.
    expect(data.valuesOf('A1:A4')).toEqual([['a'], ['x'], ['b'], ['c']]);
    const state = await book.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('My data').autoFilter.load('enabled,isDataFiltered');
      await ctx.sync();
      const before = [f.enabled, f.isDataFiltered];
      f.clearCriteria();
      f.load('enabled,isDataFiltered');
      await ctx.sync();
      return [before, [f.enabled, f.isDataFiltered]];
    });
    expect(state).toEqual([[true, true], [true, false]]);
  });

  test("clear('All') and clear('Formats') take a conditional format off the cells, clear('Contents') keeps it", async () => {
    const { book, data } = twoSheets();
    data.addConditionalFormat('A1:B3', 'cf');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').getRange('A:A').clear('Contents'))).toBeNull();
    expect(data.conditionalFormatCells('cf')).toEqual(['A1', 'B1', 'A2', 'B2', 'A3', 'B3']);
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').getRange('3:3').clear('All'))).toBeNull();
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').getRange('B:B').clear('Formats'))).toBeNull();
    expect(data.conditionalFormatCells('cf')).toEqual(['A1', 'A2']);
  });

  test('a sheet name with half of a two-unit character is refused', async () => {
    const { book } = twoSheets();
    const half = `${'B'.repeat(27)}\u{1F600}`.slice(0, 28);
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.add(half))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.add(`${'B'.repeat(27)}\u{1F600}`))).toBeNull();
  });
});

describe('tables as Excel has them (issue 18, items 2 and 8)', () => {
  /** A sheet with a header row and two rows under it, a table named `ABC_PnL` over them. */
  function withTable(): { book: FakeWorkbook; data: FakeSheet; sheet1: FakeSheet } {
    const { book, data, sheet1 } = twoSheets();
    book.addTable('ABC_PnL', 'My data', 'A1:B3');
    return { book, data, sheet1 };
  }

  test('tables.add refuses blank or repeated headers, an overlap with a table or the AutoFilter, a table without rows', async () => {
    const { book, data } = twoSheets();
    data.setValues('D1', [['k', 'K'], [1, 2]]);
    data.setValues('G1', [['k', ''], [1, 2]]);
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').tables.add('D1:E2', true))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').tables.add('G1:H2', true))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').tables.add('A1:B1', true))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').tables.add('A1:B3', true))).toBeNull();
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').tables.add('B2:C3', true))).toBe('InvalidOperation');
    data.setAutoFilter('J1:K3', []);
    data.setValues('J1', [['a', 'b'], [1, 2]]);
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').tables.add('J1:K2', true))).toBe('InvalidOperation');
    expect(await codeOf(book, (ctx) => ctx.workbook.worksheets.getItem('My data').autoFilter.apply('A1:B3'))).toBe('InvalidOperation');
  });

  test('a table name is a valid name, unique among tables and workbook names, which share one namespace', async () => {
    const { book } = withTable();
    book.addName('Total', "='My data'!$B$3");
    book.sheet('Sheet1')!.setValues('A1', [['x'], [1]]);
    // Each attempt on a fresh block: a batch is no transaction, the table of a failed one stays.
    let column = 0;
    const named = (name: string) => (ctx: FakeContext) => {
      column += 2;
      book.sheet('Sheet1')!.setValues(`${String.fromCharCode(65 + column)}1`, [['x'], [1]]);
      ctx.workbook.worksheets.getItem('Sheet1').tables.add(`${String.fromCharCode(65 + column)}1:${String.fromCharCode(65 + column)}2`, true).name = name;
    };
    expect(await codeOf(book, named('ABC PnL'))).toBe('InvalidArgument');
    expect(await codeOf(book, named('abc_pnl'))).toBe('InvalidArgument');
    expect(await codeOf(book, named('Total'))).toBe('InvalidArgument');
    expect(await codeOf(book, named('A1'))).toBe('InvalidArgument');
    expect(await codeOf(book, (ctx) => ctx.workbook.names.add('ABC_PnL', "='My data'!$A$1"))).toBe('ItemAlreadyExists');
  });

  test('a structured reference follows its column when a header cell renames it, and shows #REF! once the column is deleted', async () => {
    const { book, sheet1 } = withTable();
    sheet1.setFormulas('A1', [['=XLOOKUP("y", ABC_PnL[id], ABC_PnL[amount])']]);
    expect(sheet1.valuesOf('A1')).toEqual([[20]]);
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('My data').getRange('B1').values = [['Amount EUR']];
      await ctx.sync();
    });
    expect(sheet1.at('A1')?.formula).toBe('=XLOOKUP("y", ABC_PnL[id], ABC_PnL[Amount EUR])');
    expect(sheet1.valuesOf('A1')).toEqual([[20]]);
    await book.run(async (ctx) => {
      ctx.workbook.tables.getItem('ABC_PnL').columns.getItem('Amount EUR').delete();
      await ctx.sync();
    });
    expect(sheet1.valuesOf('A1')).toEqual([['#REF!']]);
  });

  test('rows added to a table push the cells under it down; a row deleted pulls them up', async () => {
    const { book, data } = withTable();
    data.setValues('A5', [['below']]);
    await book.run(async (ctx) => {
      ctx.workbook.tables.getItem('ABC_PnL').rows.add(undefined, [['z', 30], ['w', 40]]);
      await ctx.sync();
    });
    expect(data.valuesOf('A4:B7')).toEqual([['z', 30], ['w', 40], [null, null], ['below', null]]);
    await book.run(async (ctx) => {
      ctx.workbook.tables.getItem('ABC_PnL').rows.getItemAt(0).delete();
      await ctx.sync();
    });
    expect(data.valuesOf('A2:A6')).toEqual([['y'], ['z'], ['w'], [null], ['below']]);
    expect(book.tables[0]).toMatchObject({ rows: 4, columns: 2 });
  });
});
