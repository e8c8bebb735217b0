import { dimensionGroups, rollupRows } from '../../src/workbook/report-rollups';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { smallResult } from './fixture';

/** The small result with customers 1001 and 1002 both in segment Retail. */
function twoSegments() {
  const result = smallResult();
  for (const c of result.customers) if (c.customer === '1002') c.dimensions = [['Segment', 'Retail']];
  return result;
}

describe('net profit by dimension', () => {
  it('groups customers by each dimension value, most profitable first, with a total', () => {
    const rows = rollupRows(twoSegments());
    const values = rows.map((r) => r.cells.map((c) => c.value));
    expect(values).toEqual([
      ['Net profit by Segment'],
      ['Segment', 'Customers', 'Loss-making', 'Net revenue', 'Gross margin', 'Cost to serve', 'Direct costs', 'Net profit', 'Net profit %'],
      ['Retail', 2, 0, 12500, 4500, 1140, 200, 3160, 3160 / 12500],
      ['+SUM(A1)', 1, 1, 1000, 300, 460, 50, -210, -210 / 1000],
      ['Total', 3, 1, 13500, 4800, 1600, 250, 2950, 2950 / 13500],
      [],
    ]);
    expect(rows[3]?.cells[0]?.format).toBe('text');
    expect(rows[4]?.style).toBe('total');
  });

  it('leaves out a dimension where every customer has its own value', () => {
    expect(dimensionGroups(smallResult())).toEqual([]);
  });

  it('leaves out a dimension with more than 40 values, and calls a blank value "(blank)"', () => {
    const result = twoSegments();
    result.customers.forEach((c, i) => (c.dimensions = [['Segment', i === 0 ? null : 'Retail']]));
    expect(dimensionGroups(result)[0]?.groups.map((g) => [g.label, g.customers.length])).toEqual([
      ['(blank)', 1],
      ['Retail', 2],
    ]);
    const many = smallResult();
    many.customers = Array.from({ length: 45 }, (_, i) => ({ ...many.customers[i % 3]!, customer: `C${i}`, dimensions: [['Postcode', `${1000 + (i % 41)}`]] }));
    expect(dimensionGroups(many)).toEqual([]);
  });

  it('is part of the summary sheet', () => {
    const summary = buildReportSheets(twoSegments()).find((s) => s.name === 'ABC Summary')!;
    expect(summary.rows.some((r) => r.cells[0]?.value === 'Net profit by Segment')).toBe(true);
  });
});
