/**
 * A customer's row of a column table reads like the Map it replaces: same keys in the same order, the
 * same values, unknown names undefined, and every row its own cells.
 */
import { ColumnRow, columnTable } from '../../src/engine/column-row';
import { type Dec, dec } from '../../src/engine/decimal';

const cents = [new Float64Array([12345, 0, -7]), new Float64Array([1, 2, 3])];
const table = columnTable(['Order entry', 'Delivery'], (column, row) => dec(cents[column]![row]!).dividedBy(100));
const asText = (entries: Iterable<[string, Dec]>): Array<[string, string]> => [...entries].map(([k, v]) => [k, v.toString()]);

describe('ColumnRow', () => {
  it('reads each row of the table as a map from column name to decimal', () => {
    expect(asText(new ColumnRow(table, 0))).toEqual([['Order entry', '123.45'], ['Delivery', '0.01']]);
    expect(asText(new ColumnRow(table, 1))).toEqual([['Order entry', '0'], ['Delivery', '0.02']]);
    expect(asText(new ColumnRow(table, 2).entries())).toEqual([['Order entry', '-0.07'], ['Delivery', '0.03']]);
  });

  it('answers get, has, size, keys, values and forEach as a Map would', () => {
    const row = new ColumnRow(table, 0);
    const map = new Map(row);
    expect(row.size).toBe(2);
    expect(row.get('Delivery')?.toString()).toBe('0.01');
    expect(row.get('delivery')).toBeUndefined();
    expect(row.has('Order entry')).toBe(true);
    expect(row.has('Rush')).toBe(false);
    expect([...row.keys()]).toEqual([...map.keys()]);
    expect([...row.values()].map(String)).toEqual([...map.values()].map(String));
    const seen: string[] = [];
    row.forEach((value, key, self) => seen.push(`${key}=${value.toString()}:${self === row}`));
    expect(seen).toEqual(['Order entry=123.45:true', 'Delivery=0.01:true']);
  });

  it('is empty for a table without columns', () => {
    const row = new ColumnRow(columnTable([], () => dec(0)), 4);
    expect(row.size).toBe(0);
    expect([...row]).toEqual([]);
  });
});
