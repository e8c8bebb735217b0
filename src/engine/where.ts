/**
 * A location in the workbook, on its own so that the model's input shapes (model.ts, scenarios/types.ts,
 * support/types.ts) can carry locations without importing the issue catalogue, which imports them back.
 */

/** Where a problem is: the named range, the sheet and the cell, or just a value when no cell applies. */
export interface Where {
  /** The contract's named range, e.g. `ABC_Pools`. */
  range?: string;
  /** Worksheet name, e.g. `Pools`. */
  sheet?: string;
  /** A1-style cell or range address without the sheet, e.g. `B2` or `A1:D1`. */
  cell?: string;
  /** The value concerned, for problems that belong to a value rather than a cell (a driver, a pool). */
  value?: string;
}
