/**
 * Excel's limit on cell text, applied to the report as a whole: a cell holds at most 32,767 characters
 * (UTF-16 units), and a longer text (a name pasted from elsewhere, a statement title made of a long id and
 * a long name) would make Excel refuse or truncate the cell on its own. The report cuts it instead and
 * says so with a warning located at the cut cell, listed on the Summary like every warning of the run.
 */
import { type Issue, warning } from '../engine/issues';
import { msg } from '../engine/messages';
import type { CostingResult } from '../engine/result';
import { columnLetters } from './grid';
import type { ReportRow, ReportSheet } from './report-types';
import { cutCellText, MAX_CELL_TEXT } from './xml-text';

/** The warning for a cell of `sheet` whose text of `length` units was cut. */
function textCutIssue(sheet: string, row: number, column: number, length: number): Issue {
  return warning('TEXT_CUT', msg('textCut', { length, limit: MAX_CELL_TEXT }), { sheet, cell: `${columnLetters(column + 1)}${row + 1}` });
}

/** `sheet` with every cell text cut to Excel's limit (the same object when none is too long), and a warning per cut cell. */
export function cutSheetTexts(sheet: ReportSheet): { sheet: ReportSheet; issues: Issue[] } {
  const issues: Issue[] = [];
  const rows: ReportRow[] = sheet.rows.map((row, r) => {
    if (!row.cells.some((cell) => typeof cell.value === 'string' && cell.value.length > MAX_CELL_TEXT)) return row;
    const cells = row.cells.map((cell, c) => {
      if (typeof cell.value !== 'string' || cell.value.length <= MAX_CELL_TEXT) return cell;
      issues.push(textCutIssue(sheet.name, r, c, cell.value.length));
      return { ...cell, value: cutCellText(cell.value) };
    });
    return { ...row, cells };
  });
  return { sheet: issues.length === 0 ? sheet : { ...sheet, rows }, issues };
}

/** Every sheet's texts cut to Excel's limit, and the warnings of the cut cells in sheet order. */
export function cutReportTexts(sheets: readonly ReportSheet[]): { sheets: ReportSheet[]; issues: Issue[] } {
  const cut = sheets.map(cutSheetTexts);
  return { sheets: cut.map((c) => c.sheet), issues: cut.flatMap((c) => c.issues) };
}

/**
 * The report sheets `build` makes of `result`, with every text within Excel's limit. When a text had to
 * be cut, the sheets are built again from the result with the warnings added, so the Summary lists them
 * too (the cells cut stay where they were: the warnings are added at the Summary's end). Returns the
 * sheets and the warnings, for the caller to print.
 */
export function buildWithinTextLimit(result: CostingResult, build: (result: CostingResult) => ReportSheet[]): { sheets: ReportSheet[]; issues: Issue[] } {
  const first = cutReportTexts(build(result));
  if (first.issues.length === 0) return first;
  const again = cutReportTexts(build({ ...result, issues: [...result.issues, ...first.issues] }));
  return { sheets: again.sheets, issues: first.issues };
}
