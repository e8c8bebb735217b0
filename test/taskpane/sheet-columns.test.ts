/**
 * The report sheets packed into typed arrays for the worker's reply (sheet-columns.ts): every sheet of the
 * sample's report, in both languages and with statements, reads back field for field after crossing a
 * structured clone; awkward numbers keep their exact double; a cell the packing cannot carry is refused.
 */
import { ComputeSession } from '../../src/taskpane/compute';
import { PACKED_FIELDS, packSheets, unpackSheets } from '../../src/taskpane/sheet-columns';
import { sampleGrids } from '../../src/sample';
import { alignSheetHeaders } from '../../src/workbook/header-alignment';
import type { ReportCell, ReportSheet } from '../../src/workbook/report-types';

function sampleSheets(language: 'en' | 'nl'): ReportSheet[] {
  const output = new ComputeSession().compute({ grids: [...sampleGrids()], readIssues: [], broken: [], language, statements: ['10527', '10559', 'gone'] });
  if (output.sheets === null) throw new Error('the sample has errors');
  return output.sheets;
}

/** Packs, clones as postMessage does (the buffers included), and unpacks. */
function roundTrip(sheets: readonly ReportSheet[]): ReportSheet[] {
  return unpackSheets(structuredClone(packSheets(sheets).packed));
}

function cellsOf(sheets: readonly ReportSheet[]): ReportCell[] {
  return sheets.flatMap((s) => s.rows.flatMap((r) => r.cells));
}

describe('report sheets packed for the reply', () => {
  test.each(['en', 'nl'] as const)('the sample report (%s) with its statements reads back equal, figures and all', (language) => {
    const sheets = sampleSheets(language);
    // P&L, rates, summary (with its chart), actions, cost flow (the sample has a ledger and support pools),
    // and the statements of 10527, 10559 and one gone.
    expect(sheets).toHaveLength(8);
    expect(sheets.map((s) => s.role)).toEqual(['pnl', 'rates', 'summary', 'actions', 'costFlow', 'statement 10527', 'statement 10559', 'statement gone']);
    expect(sheets.some((s) => s.chart !== undefined)).toBe(true);
    const back = roundTrip(sheets);
    expect(back).toEqual(sheets);
    // The same number of cells, each with the same value (Object.is: no -0 turned 0) and format.
    const [before, after] = [cellsOf(sheets), cellsOf(back)];
    expect(after).toHaveLength(before.length);
    expect(after.every((c, i) => Object.is(c.value, before[i]?.value) && c.format === before[i]?.format)).toBe(true);
    // The first P&L row is the most profitable customer, 10527, with its README figures.
    const first = back[0]?.rows.find((r) => r.style === 'body')?.cells.map((c) => c.value);
    expect(first?.slice(0, 3)).toEqual([1, '10527', 'Verhoeven Bedrijfsrestaurants B.V.']);
    expect(first).toContain(2677147.94);
    expect(first).toContain(326131.85);
  });

  test('every cell and row of the sample report has only the fields the packing carries, and uses them all', () => {
    // As the writers get them: with header cells over figures marked `align` (header-alignment.ts).
    const rows = alignSheetHeaders(sampleSheets('en')).flatMap((s) => s.rows);
    expect(new Set(rows.map((r) => Object.keys(r).sort().join()))).toEqual(new Set([[...PACKED_FIELDS.row].sort().join()]));
    const cellFields = [...PACKED_FIELDS.cell].sort();
    expect(new Set(rows.flatMap((r) => r.cells.map((c) => Object.keys(c).sort().join())))).toEqual(
      new Set([cellFields.filter((f) => f !== 'align').join(), cellFields.join()]),
    );
  });

  test('awkward numbers, empty texts, blank cells, empty rows and sheets keep their exact values', () => {
    const values = [-0, 0, NaN, Infinity, -Infinity, 1e-7, 0.1 + 0.2, Number.MAX_SAFE_INTEGER + 2, -1234567.89, 5e-324];
    const sheets: ReportSheet[] = [
      {
        name: 'A',
        role: 'pnl',
        columnWidths: [10, 20],
        freeze: { rows: 1, columns: 2 },
        rows: [
          { style: 'title', cells: [{ value: '', format: 'text' }, { value: null, format: 'money' }, { value: '=SUM(A1)', format: 'text' }] },
          { style: 'body', cells: values.map((value) => ({ value, format: 'decimal' as const })) },
          { style: 'note', cells: [] },
          { style: 'total', cells: [{ value: 'Zoë 😀 \u0000', format: 'rate' }, { value: 12, format: 'percent' }, { value: 3, format: 'integer' }] },
        ],
        printOnePageWide: 'landscape',
      },
      { name: 'Empty', columnWidths: [], freeze: { rows: 0, columns: 0 }, rows: [] },
      { name: 'B', role: 'statement 10527', columnWidths: [8], freeze: { rows: 0, columns: 0 }, rows: [{ style: 'section', cells: [{ value: null, format: 'text' }] }, { style: 'header', cells: [] }] },
    ];
    const { packed, transfer } = packSheets(sheets);
    // Rows per sheet (3 × 4 bytes), a style and a cell count per row (6 rows), a tag per cell (17), and the 12 numbers.
    expect(transfer.map((b) => b.byteLength)).toEqual([12, 6, 24, 17, 96]);
    expect(packed.texts).toEqual(['', '=SUM(A1)', 'Zoë 😀 \u0000']);
    const back = unpackSheets(structuredClone(packed));
    expect(back).toEqual(sheets);
    const body = back[0]?.rows[1]?.cells.map((c) => c.value) ?? [];
    expect(body).toHaveLength(values.length);
    values.forEach((v, i) => expect(Object.is(body[i], v)).toBe(true));
    expect(back[0]?.rows[0]?.cells[1]).toEqual({ value: null, format: 'money' });
  });

  test('a cell the packing cannot carry is refused, naming the sheet and the value', () => {
    const sheet = (cell: unknown): ReportSheet[] => [
      { name: 'ABC Rates', columnWidths: [], freeze: { rows: 0, columns: 0 }, rows: [{ style: 'body', cells: [cell as ReportCell] }] },
    ];
    expect(() => packSheets(sheet({ value: 1, format: 'currency' }))).toThrow('Report sheet ABC Rates: unknown cell format currency.');
    expect(() => packSheets(sheet({ value: true, format: 'text' }))).toThrow('Report sheet ABC Rates: a cell holds boolean, not a number, text or blank.');
    expect(() => packSheets([{ name: 'X', columnWidths: [], freeze: { rows: 0, columns: 0 }, rows: [{ style: 'footer' as never, cells: [] }] }])).toThrow(
      'Report sheet X: unknown row style footer.',
    );
  });
});
