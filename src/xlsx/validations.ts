/** Drop-down lists (data validations) written into an ExcelJS workbook, for the template and the sample. */
import type ExcelJS from 'exceljs';
import { listFormula, type TemplateValidation } from '../workbook/template-layout';

/** ExcelJS's validations by address (not in its typings): an `A1:B9` address is written as one range. */
interface RangeValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/**
 * Adds drop-downs to a workbook's sheets. A typed value outside the list is refused with Excel's stop
 * message: a pool or driver that is not defined would only become an error at the next computation.
 */
export function addValidations(workbook: ExcelJS.Workbook, validations: readonly TemplateValidation[]): void {
  for (const v of validations) {
    const ws = workbook.getWorksheet(v.sheet);
    if (ws === undefined) throw new Error(`The template has no sheet ${v.sheet} for a drop-down.`);
    const rule: ExcelJS.DataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [listFormula(v.source)] };
    // One entry per range: ExcelJS's per-cell validations are merged after sorting the addresses as text
    // (B10 before B2), which writes overlapping ranges that Excel repairs on opening.
    (ws as unknown as RangeValidations).dataValidations.add(v.ref, rule);
  }
}

