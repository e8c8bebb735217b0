import { join } from 'path';
import { writeFileSync } from 'fs';
import { loadWorkbook, WorkbookReadError } from '../../src/xlsx/load-workbook';
import { readContractRanges } from '../../src/xlsx/read-ranges';
import { parseReference } from '../../src/xlsx/reference';
import { tempDir, writeWorkbook } from './workbook-files';

describe('reading the contract ranges', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('finds workbook-scoped names ignoring case, clipping whole columns and rows to the used range', async () => {
    const path = join(dir, 'names.xlsx');
    await writeWorkbook(
      path,
      (wb) => {
        const t = wb.addWorksheet('Trans actions');
        t.addRows([['Customer', 'Driver', 'Quantity'], [1001, 'Orders', 3], [], [1002, 'Orders', 4]]);
        const p = wb.addWorksheet('Pools');
        p.addRows([['Pool', 'Cost', 'Capacity'], ['Sales', 1000, 700]]);
        const c = wb.addWorksheet('Customers');
        c.getCell('C3').value = 'Customer';
        c.getCell('D3').value = 'Revenue';
        c.getCell('C4').value = 'A';
        c.getCell('D4').value = 10;
      },
      [
        { name: 'abc_volumes', formula: "'Trans actions'!$A:$C" },
        { name: 'ABC_POOLS', formula: 'Pools!$1:$5' },
        { name: 'ABC_Customers', formula: 'Customers!$C$3:$D$1048576' },
      ],
    );
    const found = await readContractRanges(await loadWorkbook(path));
    expect(found.issues).toEqual([]);
    expect(found.grids.get('ABC_Volumes')).toEqual({
      name: 'abc_volumes',
      sheet: 'Trans actions',
      top: 1,
      left: 1,
      rows: [['Customer', 'Driver', 'Quantity'], [1001, 'Orders', 3], [], [1002, 'Orders', 4]],
    });
    expect(found.grids.get('ABC_Pools')).toEqual({
      name: 'ABC_POOLS',
      sheet: 'Pools',
      top: 1,
      left: 1,
      rows: [['Pool', 'Cost', 'Capacity'], ['Sales', 1000, 700]],
    });
    expect(found.grids.get('ABC_Customers')).toEqual({
      name: 'ABC_Customers',
      sheet: 'Customers',
      top: 3,
      left: 3,
      rows: [['Customer', 'Revenue'], ['A', 10]],
    });
    expect(found.grids.has('ABC_Activities')).toBe(false);
  });

  it('gives cell values as the user sees them', async () => {
    const path = join(dir, 'values.xlsx');
    await writeWorkbook(
      path,
      (wb) => {
        const s = wb.addWorksheet('Data');
        s.addRow(['Text', 'Number', 'Bool', 'Date', 'Rich', 'Formula', 'Error', 'Link', 'FormulaError', 'FormulaText']);
        s.addRow([
          ' Sales ',
          0.1,
          true,
          new Date(Date.UTC(2024, 0, 31)),
          { richText: [{ text: 'Order ', font: { bold: true } }, { text: 'entry' }] },
          { formula: 'B2*3', result: 0.30000000000000004 },
          { error: '#N/A' },
          { text: 'Acme', hyperlink: 'http://example.com' },
          { formula: 'NA()', result: { error: '#N/A' } },
          { formula: '"=1+1"', result: '=1+1' },
        ]);
        s.addRow(['merged', null]);
        s.mergeCells('A3:B3');
      },
      [{ name: 'ABC_Pools', formula: 'Data!$A$1:$J$3' }],
    );
    const grid = (await readContractRanges(await loadWorkbook(path))).grids.get('ABC_Pools');
    expect(grid?.rows[1]).toEqual([
      ' Sales ',
      0.1,
      true,
      new Date(Date.UTC(2024, 0, 31)),
      'Order entry',
      0.30000000000000004,
      { error: '#N/A' },
      'Acme',
      { error: '#N/A' },
      '=1+1',
    ]);
    expect(grid?.rows[2]).toEqual(['merged']);
  });

  it('falls back to an Excel table with the same name, without its totals row', async () => {
    const path = join(dir, 'tables.xlsx');
    await writeWorkbook(
      path,
      (wb) => {
        const s = wb.addWorksheet('Customers');
        s.addTable({
          name: 'abc_customers',
          ref: 'B2',
          headerRow: true,
          totalsRow: true,
          columns: [{ name: 'Customer', totalsRowLabel: 'Total' }, { name: 'Revenue', totalsRowFunction: 'sum' }],
          rows: [['A', 10], ['B', 20]],
        });
        const p = wb.addWorksheet('Pools');
        p.addRows([['Pool'], ['From the name']]);
        p.addTable({ name: 'ABC_Pools', ref: 'D1', headerRow: true, columns: [{ name: 'Pool' }], rows: [['From the table']] });
      },
      [{ name: 'ABC_Pools', formula: 'Pools!$A$1:$A$2' }],
    );
    const found = await readContractRanges(await loadWorkbook(path));
    expect(found.grids.get('ABC_Customers')).toEqual({
      name: 'abc_customers',
      sheet: 'Customers',
      top: 2,
      left: 2,
      rows: [['Customer', 'Revenue'], ['A', 10], ['B', 20]],
    });
    // The defined name wins over the table.
    expect(found.grids.get('ABC_Pools')?.rows).toEqual([['Pool'], ['From the name']]);
  });

  it('reports names that exist but cannot be used, with the name and its reference', async () => {
    const path = join(dir, 'broken.xlsx');
    await writeWorkbook(
      path,
      (wb) => {
        wb.addWorksheet('Data').addRow(['Pool']);
      },
      [
        { name: 'ABC_Pools', formula: '#REF!' },
        { name: 'ABC_Activities', formula: "'Old sheet'!$A$1:$D$9" },
        { name: 'ABC_Customers', formula: 'Data!$A$1:$A$2,Data!$C$1:$C$2' },
        { name: 'ABC_Volumes', formula: 'OFFSET(Data!$A$1,0,0,COUNTA(Data!$A:$A),3)' },
        { name: 'ABC_Settings', formula: 'Data!#REF!' },
        // Worksheet-scoped and the only one of its name: used (it was silently ignored once).
        { name: 'ABC_CustomerCosts', formula: 'Data!$A$1:$C$3', localSheetId: 0 },
      ],
    );
    const found = await readContractRanges(await loadWorkbook(path));
    expect([...found.grids.keys()]).toEqual(['ABC_CustomerCosts']);
    expect(found.grids.get('ABC_CustomerCosts')).toMatchObject({ sheet: 'Data', top: 1, left: 1, rows: [['Pool']] });
    expect(found.issues.map((i) => [i.severity, i.code, i.where])).toEqual([
      ['error', 'INVALID_RANGE_REFERENCE', { range: 'ABC_Pools', value: '#REF!' }],
      ['error', 'INVALID_RANGE_REFERENCE', { range: 'ABC_Activities', value: "'Old sheet'!$A$1:$D$9" }],
      ['error', 'INVALID_RANGE_REFERENCE', { range: 'ABC_Customers', value: 'Data!$A$1:$A$2,Data!$C$1:$C$2' }],
      ['error', 'INVALID_RANGE_REFERENCE', { range: 'ABC_Volumes', value: 'OFFSET(Data!$A$1,0,0,COUNTA(Data!$A:$A),3)' }],
      ['error', 'INVALID_RANGE_REFERENCE', { range: 'ABC_Settings', value: 'Data!#REF!' }],
    ]);
    expect(found.issues[0]?.message).toBe('The name ABC_Pools refers to a deleted range (#REF!).');
    expect(found.issues[1]?.message).toBe('The name ABC_Activities refers to a sheet "Old sheet" that does not exist.');
    expect(found.issues[2]?.message).toContain('2 separate areas');
    expect(found.issues[3]?.message).toContain('is a formula');
    expect([...found.broken].sort()).toEqual(['ABC_Activities', 'ABC_Customers', 'ABC_Pools', 'ABC_Settings', 'ABC_Volumes']);
  });

  it('refuses files that are not workbooks with a sentence', async () => {
    const notZip = join(dir, 'text.xlsx');
    writeFileSync(notZip, 'hello');
    await expect(loadWorkbook(notZip)).rejects.toThrow(WorkbookReadError);
    await expect(loadWorkbook(notZip)).rejects.toThrow(/is not an \.xlsx workbook/);
    await expect(loadWorkbook(join(dir, 'missing.xlsx'))).rejects.toThrow(/no such file/);
    await expect(loadWorkbook(dir)).rejects.toThrow(/folder/);
  });
});

describe('parseReference', () => {
  it.each([
    ['Sheet1!$A$1:$D$9', { sheet: 'Sheet1', top: 1, left: 1, bottom: 9, right: 4 }],
    ["'It''s here'!B2", { sheet: "It's here", top: 2, left: 2, bottom: 2, right: 2 }],
    ["'Trans actions'!$A:$D", { sheet: 'Trans actions', top: 1, left: 1, bottom: 1048576, right: 4 }],
    ['Data!$3:$7', { sheet: 'Data', top: 3, left: 1, bottom: 7, right: 16384 }],
    ['=Data!$D$9:$A$1', { sheet: 'Data', top: 1, left: 1, bottom: 9, right: 4 }],
    ["'My (old) sheet, 2'!$A$1", { sheet: 'My (old) sheet, 2', top: 1, left: 1, bottom: 1, right: 1 }],
  ])('reads %s', (formula, area) => {
    expect(parseReference(formula)).toEqual({ ok: true, area });
  });

  it.each([['#REF!'], ['Sheet1!#REF!'], ['[1]Sheet1!$A$1'], ['Sheet1:Sheet3!$A$1'], ['42'], ['"text"'], ['SUM(A1)'], ['A!$A$1,A!$B$1'], ['']])(
    'refuses %s',
    (formula) => {
      expect(parseReference(formula).ok).toBe(false);
    },
  );
});
