/**
 * The cost flow sheet through the runner's xlsx writer, read back by the project's own namespace-aware
 * scanner (src/xlsx/sheet-scan.ts) and by ExcelJS: the textbook figures land in the cells the layout puts
 * them in, as numbers with the money format, and the sheet prints landscape a page wide with its titles.
 */
import { join } from 'path';
import { writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { runModel } from '../../src/engine/run';
import type { CellValue } from '../../src/workbook/grid';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { numberLooks } from '../../src/xlsx/cell-value';
import { loadWorkbook, loadWorkbookBytes } from '../../src/xlsx/load-workbook';
import { findPart, isKind, readXmlPart } from '../../src/xlsx/package';
import { findSheet } from '../../src/xlsx/read-ranges';
import { scanSharedStrings } from '../../src/xlsx/shared-strings';
import { scanSheet } from '../../src/xlsx/sheet-scan';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { findEntry, streamEntry } from '../../src/xlsx/zip-reader';
import { textbookModel } from '../engine/first-stage/textbook-model';
import { LEDGER_PER_POOL, UNASSIGNED_MATRIX, UNASSIGNED_OPERATING } from '../report/cost-flow-figures';
import { definedNames, sheetNames, tempDir, worksheetXml, writeWorkbook } from './workbook-files';

const WHOLE_SHEET = { sheet: '', top: 1, left: 1, bottom: 200, right: 30 };

/** A sheet's cells as the runner's reader gives them (trailing blanks trimmed), values only. */
async function readBack(bytes: Buffer, sheetName: string): Promise<Array<Array<string | number | boolean | null>>> {
  const loaded = await loadWorkbookBytes(bytes, 'report.xlsx');
  const stylesRel = loaded.workbookRels.find((r) => isKind(r, 'styles') && r.part !== null);
  const stringsRel = loaded.workbookRels.find((r) => isKind(r, 'sharedStrings') && r.part !== null);
  const styles = stylesRel?.part == null ? null : await readXmlPart(loaded.zip, stylesRel.part);
  const strings = stringsRel?.part == null ? null : findPart(loaded.zip, stringsRel.part);
  const stringsText = strings === null ? null : await readXmlPart(loaded.zip, strings.name);
  const ctx = {
    sharedStrings: scanSharedStrings(Buffer.from(stringsText?.text ?? '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', 'utf8')),
    looks: numberLooks(styles?.text ?? null),
    date1904: loaded.info.date1904,
  };
  const sheet = findSheet(loaded, sheetName);
  if (sheet?.part == null) throw new Error(`no sheet ${sheetName}`);
  const entry = findEntry(loaded.entries!, sheet.part)!;
  const [grid] = await scanSheet((onPiece) => streamEntry(loaded.bytes, entry, onPiece), [{ area: WHOLE_SHEET }], ctx, sheetName);
  const plain = (c: CellValue | undefined): string | number | boolean | null => {
    if (c === undefined || c === null || typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean') return c ?? null;
    throw new Error(`an unexpected cell: ${JSON.stringify(c)}`);
  };
  return (grid?.rows ?? []).map((r) => {
    const row = r.map(plain);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
}

describe('the cost flow sheet in the runner\'s report file', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('holds the textbook figures where the layout puts them, as money, printed landscape with titles', async () => {
    const { result } = runModel(textbookModel('reciprocal', 0));
    if (result === null) throw new Error('the textbook model must compute');
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, (wb) => void wb.addWorksheet('Pools').addRows([['Pool', 'Cost'], ['Y', 7260]]));
    const bytes = await buildReportWorkbook(await loadWorkbook(input), buildReportSheets(result), 'EUR');
    const output = join(dir, 'out.xlsx');
    writeFileSync(output, bytes);
    // Kept for a look in LibreOffice when asked for (ABC_KEEP_REPORT=path).
    if (process.env.ABC_KEEP_REPORT !== undefined) writeFileSync(process.env.ABC_KEEP_REPORT, bytes);

    expect(await sheetNames(output)).toEqual(['Pools', 'ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    const cells = await readBack(bytes, 'ABC Cost flow');
    expect(cells[0]).toEqual(['Cost flow: from the ledger through the support departments to the operating pools']);
    expect(cells.slice(3, 9)).toEqual(LEDGER_PER_POOL);
    expect(cells.slice(11, 15)).toEqual(UNASSIGNED_MATRIX);
    expect(cells.slice(17, 23)).toEqual(UNASSIGNED_OPERATING);
    expect(cells[25]).toEqual(['Pool', 'Reciprocal (chosen)', 'Step-down', 'Direct', 'Step-down − Reciprocal', 'Direct − Reciprocal']);
    expect(cells[29]).toEqual(['Support cost left unassigned', 1692, 1452, 1452, -240, -240]);
    expect(cells[30]).toEqual(['Ledger total', 39260, 39260, 39260, 0, 0]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet('ABC Cost flow')!;
    expect(ws.getCell('D9').numFmt).toBe('"€ "#,##0.00;[Red]"€ "-#,##0.00');
    expect(ws.getCell('A12').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    const xml = await worksheetXml(output, 'ABC Cost flow');
    expect(xml).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    const titles = (await definedNames(output)).filter((n) => n.name === '_xlnm.Print_Titles' && n.localSheetId === '5');
    expect(titles.map((n) => n.formula)).toEqual(["'ABC Cost flow'!$A:$A,'ABC Cost flow'!$1:$2"]);
    const marks = (await definedNames(output)).filter((n) => n.name === 'ABC_ReportOwner' && n.localSheetId === '5');
    expect(marks.map((n) => n.formula)).toEqual(['"ABC report: costFlow"']);

    // A second run over the report replaces the sheet in place (found by its mark), adding none.
    const again = await buildReportWorkbook(await loadWorkbookBytes(bytes, 'out.xlsx'), buildReportSheets(result, 'nl'), 'EUR');
    writeFileSync(output, again);
    expect(await sheetNames(output)).toEqual(['Pools', 'ABC Klantresultaat', 'ABC Tarieven', 'ABC Samenvatting', 'ABC Acties', 'ABC Kostenstroom']);
    expect((await readBack(again, 'ABC Kostenstroom'))[22]).toEqual(['Grootboektotaal', null, null, null, 39260]);
  });
});
