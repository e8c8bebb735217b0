/**
 * Writes the empty model (src/workbook/template-layout.ts) as a new .xlsx: an instructions sheet, then one
 * sheet per contract range holding an Excel table of the range's name, input cells styled as inputs, and
 * drop-downs whose lists are defined names over table columns. ExcelJS builds it (a new workbook, nothing
 * to lose); the list names are added to the workbook part afterwards (see `workbookWithNames`).
 */
import ExcelJS from 'exceljs';
import {
  HEADER_FILL,
  INPUT_FILL,
  inputBlock,
  type TemplateLanguage,
  type TemplateLayout,
  templateLayout,
} from '../workbook/template-layout';
import { addValidations } from './validations';
import { workbookWithNames } from './write-sample';

/** Printed in landscape, one page wide: a table's columns stay together, and the instructions' lines whole. */
const ONE_PAGE_WIDE: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } };
}

function addInstructions(workbook: ExcelJS.Workbook, layout: TemplateLayout): void {
  const ws = workbook.addWorksheet(layout.instructions.sheet, { pageSetup: ONE_PAGE_WIDE });
  ws.getColumn(1).width = 120;
  ws.getCell('A1').value = layout.instructions.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  layout.instructions.lines.forEach((line, i) => {
    ws.getCell(i + 3, 1).value = line;
  });
  ws.getCell(layout.instructions.lines.length + 4, 1).value = layout.language === 'nl' ? 'Invoercel' : 'Input cell';
  ws.getCell(layout.instructions.lines.length + 4, 1).fill = solid(INPUT_FILL);
}

/** The bytes of the empty model in a language. */
export async function buildTemplateWorkbook(language: TemplateLanguage): Promise<Buffer> {
  const layout = templateLayout(language);
  const workbook = new ExcelJS.Workbook();
  addInstructions(workbook, layout);
  for (const table of layout.tables) {
    const ws = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }], pageSetup: ONE_PAGE_WIDE });
    // Style first: addTable writes the values into the cells it finds.
    const block = ws.getCell(inputBlock(table).split(':')[1] ?? 'A2');
    for (let r = 2; r <= Number(block.row); r++) {
      table.columns.forEach((col, c) => {
        const cell = ws.getCell(r, c + 1);
        cell.fill = solid(INPUT_FILL);
        if (col.numberFormat !== null) cell.numFmt = col.numberFormat;
      });
    }
    ws.addTable({
      name: table.tableName,
      ref: 'A1',
      headerRow: true,
      style: { showRowStripes: false },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: table.rows,
    });
    table.columns.forEach((col, c) => {
      ws.getColumn(c + 1).width = col.width;
      const head = ws.getCell(1, c + 1);
      head.font = { bold: true };
      head.fill = solid(HEADER_FILL);
    });
  }
  addValidations(workbook, layout.validations);
  return workbookWithNames(workbook, layout.listNames);
}
