/**
 * One customer's row of a table of columns (an activity's cents, a driver's quantities), read as a map
 * from the column's name to a decimal. The table holds the columns once; a row is a name index shared by
 * every customer and its own row number, so 5,000 customers × 12 activities need no 60,000 map entries
 * and no decimal until one is read. Decimals are immutable, so making one per read gives equal values.
 */
import type { Dec } from './decimal';

/** The columns behind the rows: names in order, and how to read a cell. */
export interface ColumnTable {
  /** Column names in their order; the map iterates in it. */
  readonly names: readonly string[];
  /** Name → column number, shared by every row. */
  readonly index: ReadonlyMap<string, number>;
  /** The decimal in `column` at `row`. */
  cell(column: number, row: number): Dec;
}

/** Makes the shared part of a table from its names (in order) and its cell reader. */
export function columnTable(names: readonly string[], cell: (column: number, row: number) => Dec): ColumnTable {
  return { names, index: new Map(names.map((name, i) => [name, i])), cell };
}

/** A read-only map over one row of a `ColumnTable`. */
export class ColumnRow implements ReadonlyMap<string, Dec> {
  constructor(
    private readonly table: ColumnTable,
    private readonly row: number,
  ) {}

  get size(): number {
    return this.table.names.length;
  }

  get(name: string): Dec | undefined {
    const column = this.table.index.get(name);
    return column === undefined ? undefined : this.table.cell(column, this.row);
  }

  has(name: string): boolean {
    return this.table.index.has(name);
  }

  forEach(callback: (value: Dec, key: string, map: ReadonlyMap<string, Dec>) => void, thisArg?: unknown): void {
    this.table.names.forEach((name, column) => callback.call(thisArg, this.table.cell(column, this.row), name, this));
  }

  *entries(): MapIterator<[string, Dec]> {
    const { names } = this.table;
    for (let column = 0; column < names.length; column++) yield [names[column] as string, this.table.cell(column, this.row)];
  }

  keys(): MapIterator<string> {
    return this.table.names.values();
  }

  *values(): MapIterator<Dec> {
    for (let column = 0; column < this.table.names.length; column++) yield this.table.cell(column, this.row);
  }

  [Symbol.iterator](): MapIterator<[string, Dec]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'ColumnRow';
  }
}
