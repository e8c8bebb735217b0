/**
 * A packed grid by rows again, without trailing blanks (as the gateway reads them), decoded by the
 * contract reader's own column reader: for tests that packing loses nothing. The worker never unpacks;
 * it reads the columns as they are.
 */
import type { PackedColumn, PackedGrid } from '../../src/taskpane/grid-columns';
import { BLANK_CODE, gridCells } from '../../src/workbook/column-grid';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';

export function unpackGrid(packed: PackedGrid): RangeGrid {
  const cells = gridCells(packed);
  const rows: CellValue[][] = [];
  for (let r = 0; r < packed.rowCount; r++) {
    let length = cells.width;
    while (length > 0 && (packed.columns[length - 1] as PackedColumn).codes[r] === BLANK_CODE) length--;
    const row: CellValue[] = [];
    for (let c = 0; c < length; c++) row.push(cells.cell(r, c) ?? null);
    rows.push(row);
  }
  return { name: packed.name, sheet: packed.sheet, top: packed.top, left: packed.left, rows };
}
