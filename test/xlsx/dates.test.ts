/**
 * Dates as Excel means them: ISO date cells (`t="d"`) are calendar dates whatever the machine's time
 * zone, and every built-in date format is a date, the East-Asian ones (27–36, 50–58) included.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isoCellDate, numberLooks } from '../../src/xlsx/cell-value';
import { cliEnv, compileCli } from '../cli/compiled-cli';
import { loadWorkbookBytes } from '../../src/xlsx/load-workbook';
import { readContractRanges } from '../../src/xlsx/read-ranges';
import { handPackage } from './hand-package';

const SHEET =
  '<sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Setting</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Midnight</t></is></c><c r="B2" t="d"><v>2024-12-31T00:00:00</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Date only</t></is></c><c r="B3" t="d"><v>2024-01-01</v></c></row>' +
  '<row r="4"><c r="A4" t="inlineStr"><is><t>Late</t></is></c><c r="B4" t="d"><v>2024-06-30T23:30:00.000</v></c></row>' +
  '<row r="5"><c r="A5" t="inlineStr"><is><t>Zoned</t></is></c><c r="B5" t="d"><v>2024-03-31T00:00:00Z</v></c></row>' +
  '<row r="6"><c r="A6" t="inlineStr"><is><t>Not a date</t></is></c><c r="B6" t="d"><v>31/12/2024</v></c></row>' +
  '</sheetData>';

async function datesWorkbook(): Promise<Buffer> {
  return handPackage({ sheets: [{ name: 'S', body: SHEET }], names: [{ name: 'ABC_Settings', formula: 'S!$A$1:$B$6' }] });
}

const EXPECTED = ['2024-12-31T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-06-30T23:30:00.000Z', '2024-03-31T00:00:00.000Z', { stored: '31/12/2024' }];

/**
 * The runner compiled and run as a child process with `TZ` set: the time zone is fixed when a process
 * starts (Jest's own process cannot change it), and the runner must read the same dates in every one.
 */
describe('ISO date cells', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abc-dates-'));
  let build = '';
  const book = join(dir, 'dates.xlsx');
  beforeAll(async () => {
    compileCli(join(dir, 'build'));
    build = join(dir, 'build');
    writeFileSync(book, await datesWorkbook());
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const script = (buildDir: string, path: string): string => `
    const { loadWorkbook } = require(${JSON.stringify(join(buildDir, 'xlsx', 'load-workbook.js'))});
    const { readContractRanges } = require(${JSON.stringify(join(buildDir, 'xlsx', 'read-ranges.js'))});
    (async () => {
      const found = await readContractRanges(await loadWorkbook(${JSON.stringify(path)}));
      const cells = found.grids.get('ABC_Settings').rows.slice(1).map((r) => r[1]);
      // What JavaScript's own reading gives in this zone, the runner's reading before the fix.
      const naive = new Date('2024-12-31T00:00:00').toISOString();
      console.log(JSON.stringify({ cells, naive, offset: new Date(2024, 11, 31).getTimezoneOffset() }));
    })();`;

  it.each([
    ['Europe/Amsterdam', -60],
    ['America/Los_Angeles', 480],
    ['Asia/Tokyo', -540],
    ['UTC', 0],
  ])('are the calendar dates written, under TZ=%s', (zone, offset) => {
    const run = spawnSync(process.execPath, ['-e', script(build, book)], { env: { ...cliEnv(), TZ: zone }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { cells: unknown[]; naive: string; offset: number };
    // The zone is really in force: JavaScript alone would shift midnight by it.
    expect(out.offset).toBe(offset);
    expect(out.naive === '2024-12-31T00:00:00.000Z').toBe(offset === 0);
    expect(out.cells).toEqual(EXPECTED);
  });

  it('refuses what is no calendar date', () => {
    expect(isoCellDate('2024-02-30')).toBeNull();
    expect(isoCellDate('2024-13-01')).toBeNull();
    expect(isoCellDate('yesterday')).toBeNull();
    expect(isoCellDate('12:30:00')).toEqual(new Date(Date.UTC(1899, 11, 31, 12, 30)));
  });
});

describe('built-in date formats', () => {
  const cellXfs = (ids: number[]): string =>
    `<cellXfs count="${ids.length}">${ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`).join('')}</cellXfs>`;
  const xfs = (ids: number[]): string => `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cellXfs(ids)}</styleSheet>`;

  it('are dates in every locale: 14–22, 45–47 and the East-Asian 27–36 and 50–58', () => {
    const dates = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];
    expect(numberLooks(xfs(dates))).toEqual(dates.map(() => 'date'));
  });

  it('leave numbers, text and percentages alone', () => {
    expect(numberLooks(xfs([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49]))).toEqual([
      'number',
      'number',
      'number',
      'number',
      'number',
      'percent',
      'percent',
      'number',
      'number',
      'number',
      'number',
      'number',
      'number',
      'number',
      'number',
      'number',
    ]);
  });

  it('a Japanese workbook\'s date with format 57 and no format code is read as a date', async () => {
    const styles = cellXfs([0, 57]);
    const body =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Setting</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Period</t></is></c><c r="B2" s="1"><v>45657</v></c></row></sheetData>';
    const bytes = await handPackage({ sheets: [{ name: 'S', body }], styles, names: [{ name: 'ABC_Settings', formula: 'S!$A$1:$B$2' }] });
    const found = await readContractRanges(await loadWorkbookBytes(bytes, 'ja.xlsx'));
    expect(found.grids.get('ABC_Settings')?.rows[1]).toEqual(['Period', new Date(Date.UTC(2024, 11, 31))]);
  });
});
