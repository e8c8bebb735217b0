/**
 * The report workbook: a copy of the input with the report sheets added (earlier report sheets of the
 * add-in replaced), and every defined name of the input put back as it was.
 */
import JSZip from 'jszip';
import type { Issue } from '../engine/issues';
import type { ReportSheet } from '../workbook/report-types';
import type { LoadedWorkbook } from './load-workbook';
import { renderReportSheet } from './render-sheet';
import { OWNER_NAME, OWNER_VALUE, planReportSheets } from './report-owner';
import { definedNameXml, entryXml, parseWorkbookXml, replaceDefinedNames } from './workbook-xml';

const WORKBOOK_PART = 'xl/workbook.xml';

/** The report cannot be added without overwriting a sheet of the user's. */
export class ReportSheetTakenError extends Error {
  override name = 'ReportSheetTakenError';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.message).join(' '));
  }
}

/**
 * Replaces the defined names of a package ExcelJS wrote. `names` are serialised elements; `sheetIndex`
 * gives the index of a sheet in the written workbook, for worksheet-scoped names.
 */
export async function rewriteDefinedNames(
  bytes: Buffer,
  names: (sheetIndex: (sheet: string) => number | null) => string[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(WORKBOOK_PART);
  if (part === null) throw new Error(`The written workbook has no ${WORKBOOK_PART}.`);
  const xml = await part.async('string');
  const written = parseWorkbookXml(xml).sheets.map((s) => s.name);
  const sheetIndex = (sheet: string): number | null => {
    const i = written.indexOf(sheet);
    return i < 0 ? null : i;
  };
  zip.file(WORKBOOK_PART, replaceDefinedNames(xml, names(sheetIndex)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * Adds the report sheets to the loaded workbook and returns the bytes of the copy. The loaded workbook
 * object is changed (it is the in-memory copy); the input file is not touched.
 * Throws `ReportSheetTakenError` when a user's sheet has one of the report's names.
 */
export async function buildReportWorkbook(loaded: LoadedWorkbook, sheets: readonly ReportSheet[], currency: string): Promise<Buffer> {
  const plan = planReportSheets(loaded, sheets.map((s) => s.name));
  if (plan.issues.length > 0) throw new ReportSheetTakenError(plan.issues);
  const replaced = new Set(plan.replace.map((ws) => ws.name));
  for (const ws of plan.replace) loaded.workbook.removeWorksheet(ws.id);
  for (const sheet of sheets) renderReportSheet(loaded.workbook, sheet, currency);

  const bytes = Buffer.from(await loaded.workbook.xlsx.writeBuffer());
  const { info } = loaded;
  return rewriteDefinedNames(bytes, (sheetIndex) => {
    const kept = info.definedNames.flatMap((entry) => {
      // ExcelJS does not copy links to other workbooks; a name through such a link would make Excel repair the file.
      if (/\[\d+\]/.test(entry.formula)) return [];
      if (entry.localSheetId === null) return [entryXml(entry, null)];
      const sheet = info.sheets[entry.localSheetId]?.name;
      // Names scoped to a replaced report sheet (its marker, print area) go with it.
      if (sheet === undefined || replaced.has(sheet)) return [];
      const index = sheetIndex(sheet);
      return index === null ? [] : [entryXml(entry, index)];
    });
    const markers = sheets.flatMap((s) => {
      const index = sheetIndex(s.name);
      return index === null ? [] : [definedNameXml(OWNER_NAME, OWNER_VALUE, { localSheetId: index, hidden: true })];
    });
    return [...kept, ...markers];
  });
}
