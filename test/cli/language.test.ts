/**
 * The runner in Dutch: `--lang nl`, the workbook's Language / Taal setting (which wins), Dutch sheet names
 * and printed lines, and a re-run in the other language that replaces the report sheets instead of adding
 * a second set.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseArgs, usageMessage } from '../../src/cli/args';
import { formatMoney, formatPercent } from '../../src/cli/format';
import { main } from '../../src/cli/main';
import { writeFailureMessage } from '../../src/cli/run';
import { dec } from '../../src/engine/decimal';
import type { ResultJson } from '../../src/workbook/result-json';
import { definedNames, type NameSpec, sheetNames, tempDir } from '../xlsx/workbook-files';
import { type Cell, kaplanWorkbook } from './kaplan-workbook';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Kaplan & Anderson's department with customers 1001 and 1002 and wide volumes, with extra settings rows,
 * extra sheets (name → cell A1, a formula when it starts with `=`) and extra defined names.
 */
async function workbook(path: string, options: { settings?: Cell[][]; sheets?: Array<[string, string]>; names?: NameSpec[] } = {}): Promise<void> {
  await kaplanWorkbook(path, { second: { id: 1002, name: 'Beta', segment: 'Retail' }, volumes: 'wide', ...options });
}

const MODEL_SHEETS = ['Pools', 'Activities', 'Customers', 'Volumes', 'Settings'];
const DUTCH = ['ABC Klantresultaat', 'ABC Tarieven', 'ABC Samenvatting', 'ABC Acties'];
const ENGLISH = ['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions'];

/** The owner marks of a written workbook: sheet name → mark. */
async function marks(path: string): Promise<Record<string, string>> {
  const sheets = await sheetNames(path);
  const found: Record<string, string> = {};
  for (const n of await definedNames(path)) {
    if (n.name === 'ABC_ReportOwner' && n.localSheetId !== null) found[sheets[Number(n.localSheetId)] ?? '?'] = n.formula;
  }
  return found;
}

describe('--lang', () => {
  it('is parsed as nl or en, in any case, and refused otherwise', () => {
    expect(parseArgs(['a.xlsx', '--lang', 'nl'])).toEqual({ kind: 'run', input: 'a.xlsx', sample: false, out: null, json: null, lang: 'nl' });
    expect(parseArgs(['a.xlsx', '--lang=EN'])).toMatchObject({ kind: 'run', lang: 'en' });
    expect(parseArgs(['a.xlsx'])).not.toHaveProperty('lang');
    expect(usageMessage(parseArgs(['a.xlsx', '--lang']))).toBe('--lang needs a language: nl or en.');
    expect(usageMessage(parseArgs(['a.xlsx', '--lang', '--out', 'b.xlsx']))).toBe('--lang needs a language: nl or en.');
    expect(usageMessage(parseArgs(['a.xlsx', '--lang', 'de']))).toBe('--lang must be nl or en; got de.');
    expect(usageMessage(parseArgs(['a.xlsx', '--lang', 'nl', '--lang=en']))).toBe('--lang is given twice.');
  });

  it('formats the console’s amounts and percentages the Dutch way', () => {
    expect(formatMoney(dec('1234567.891'), 'EUR', 'nl')).toBe('€ 1.234.567,89');
    expect(formatMoney(dec('-93650.31'), 'USD', 'nl')).toBe('$-93.650,31');
    expect(formatMoney(dec('-0.004'), 'EUR', 'nl')).toBe('€ 0,00');
    expect(formatPercent(0.125, 'nl')).toBe('12,5%');
    expect(formatPercent(null, 'nl')).toBe('n.v.t.');
    expect(writeFailureMessage('de rapportwerkmap', 'r.xlsx', Object.assign(new Error('x'), { code: 'EBUSY' }), 'nl')).toBe(
      'Kan de rapportwerkmap r.xlsx niet schrijven: het bestand is in gebruik (is het geopend in Excel?) (EBUSY).',
    );
  });
});

describe('the runner in Dutch', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes Dutch sheets and prints Dutch with --lang nl; the JSON stays English', async () => {
    const input = join(dir, 'model.xlsx');
    await workbook(input);
    const json = join(dir, 'r.json');
    const { code, out, err } = await run([input, '--lang', 'nl', '--json', json]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const output = join(dir, 'model-report.xlsx');
    expect(await sheetNames(output)).toEqual([...MODEL_SHEETS, ...DUTCH]);
    expect(await marks(output)).toEqual({
      'ABC Klantresultaat': '"ABC report: pnl"',
      'ABC Tarieven': '"ABC report: rates"',
      'ABC Samenvatting': '"ABC report: summary"',
      'ABC Acties': '"ABC report: actions"',
    });
    // 560,000 over 700,000 minutes is $0.80 a minute; 578,600 minutes used leave $97,120 unused.
    expect(out).toContain('Totalen (USD, periode 2004-Q1):');
    expect(out).toMatch(/ {2}Bedrijfsresultaat +\$40\.000,00/);
    expect(out).toMatch(/ {2}Onbenutte capaciteit +\$97\.120,00/);
    expect(out).toContain('= bedrijfsresultaat $40.000,00: OK');
    expect(out).toContain('Kosten van elke kostenpool = activiteiten + onbenutte capaciteit + restant aandelen (1 kostenpool): OK');
    expect(out).toContain('Klanten: 2, waarvan 0 verlieslatend (0,0%).');
    expect(out).toContain('Meest winstgevende klanten:');
    expect(out).toContain(`Rapport geschreven naar ${output}, JSON naar ${json}.`);
    expect(out).not.toMatch(/Operating profit|Report written|Customers:/);

    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['currency', 'customers', 'totals', 'issues']));
    expect(result.totals).toMatchObject({ operatingProfit: 40000, unusedCapacityCost: 97120 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const summary = wb.getWorksheet('ABC Samenvatting')!;
    expect(summary.getCell('A1').value).toBe('Klantwinstgevendheid op basis van activiteiten: samenvatting');
    const operating = summary.getColumn(1).values.findIndex((v) => v === 'Bedrijfsresultaat');
    expect(summary.getCell(operating, 2).value).toBe(40000);
    expect(summary.getCell(operating, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(wb.getWorksheet('ABC Klantresultaat')!.getCell('A3').value).toBe('Rang');
  });

  it('prints the problems in Dutch and keeps them English in the JSON', async () => {
    const input = join(dir, 'model.xlsx');
    await workbook(input, { settings: [['Taal', 'Deutsch']] });
    const json = join(dir, 'r.json');
    const { code, err } = await run([input, '--lang', 'nl', '--json', json]);
    expect(code).toBe(1);
    expect(err).toContain('1 fout in het model:');
    expect(err).toContain('  FOUT INVALID_SETTING op Settings!B4 (ABC_Settings): Taal moet nl (Nederlands) of en (Engels, English) zijn; er staat "Deutsch".');
    expect(err).toContain(`Geen rapport geschreven; de problemen staan ook in ${json}.`);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'INVALID_SETTING',
        message: 'Language must be en (English) or nl (Nederlands, Dutch); found "Deutsch".',
        location: 'Settings!B4 (ABC_Settings)',
      },
    ]);
  });

  it('refuses any other Language value with a located INVALID_SETTING, and takes the documented ones in any case', async () => {
    for (const [value, shown] of [['nl-NL', '"nl-NL"'], [1, '1'], [true, 'TRUE']] as Array<[Cell, string]>) {
      const input = join(dir, 'bad.xlsx');
      await workbook(input, { settings: [['Language', value]] });
      const { code, err } = await run([input]);
      expect({ value, code }).toEqual({ value, code: 1 });
      expect(err).toContain(`ERROR INVALID_SETTING at Settings!B4 (ABC_Settings): Language must be en (English) or nl (Nederlands, Dutch); found ${shown}.`);
    }
    for (const [value, names] of [[' Nederlands ', DUTCH], ['DUTCH', DUTCH], ['nl', DUTCH], ['Engels', ENGLISH], ['english', ENGLISH], ['EN', ENGLISH]] as Array<[string, string[]]>) {
      const input = join(dir, 'good.xlsx');
      const output = join(dir, 'good-out.xlsx');
      await workbook(input, { settings: [['Language', value]] });
      expect((await run([input, '--out', output])).code).toBe(0);
      expect({ value, sheets: await sheetNames(output) }).toEqual({ value, sheets: [...MODEL_SHEETS, ...names] });
    }
  });

  it('follows the workbook’s Language setting over --lang', async () => {
    const input = join(dir, 'model.xlsx');
    await workbook(input, { settings: [['Taal', 'nl']] });
    const { code, out } = await run([input, '--lang', 'en']);
    expect(code).toBe(0);
    expect(await sheetNames(join(dir, 'model-report.xlsx'))).toEqual([...MODEL_SHEETS, ...DUTCH]);
    expect(out).toContain('Rapport geschreven naar');

    const english = join(dir, 'english.xlsx');
    await workbook(english, { settings: [['Language', 'en']] });
    const second = await run([english, '--lang', 'nl']);
    expect(second.code).toBe(0);
    expect(await sheetNames(join(dir, 'english-report.xlsx'))).toEqual([...MODEL_SHEETS, ...ENGLISH]);
    expect(second.out).toContain('Report written to');
  });

  it('replaces the report of an earlier run in the other language: same sheets, same places, new names', async () => {
    const input = join(dir, 'model.xlsx');
    await workbook(input, { sheets: [['Notes', 'mine']] });
    const english = join(dir, 'english.xlsx');
    const dutch = join(dir, 'dutch.xlsx');
    const again = join(dir, 'again.xlsx');
    expect((await run([input, '--out', english])).code).toBe(0);
    expect((await run([english, '--out', dutch, '--lang', 'nl'])).code).toBe(0);
    expect((await run([dutch, '--out', again, '--lang', 'en'])).code).toBe(0);
    expect(await sheetNames(english)).toEqual([...MODEL_SHEETS, 'Notes', ...ENGLISH]);
    expect(await sheetNames(dutch)).toEqual([...MODEL_SHEETS, 'Notes', ...DUTCH]);
    expect(await sheetNames(again)).toEqual([...MODEL_SHEETS, 'Notes', ...ENGLISH]);
    expect(Object.values(await marks(dutch))).toEqual(['"ABC report: pnl"', '"ABC report: rates"', '"ABC report: summary"', '"ABC report: actions"']);
    // Each sheet kept its part and sheet id: renamed in place, not removed and added.
    const ids = async (path: string): Promise<string[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return wb.worksheets.slice(-4).map((w) => String(w.id));
    };
    expect(await ids(dutch)).toEqual(await ids(english));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(dutch);
    expect(wb.getWorksheet('ABC Tarieven')!.getCell('A1').value).toBe('Activiteitengebaseerde kostprijsberekening: kostenpools, activiteiten en tarieven');
  });

  it('finds report sheets the user renamed by their mark, and sheets marked before roles by their name', async () => {
    const input = join(dir, 'model.xlsx');
    // An old report: the mark without a role on the English names, and one sheet renamed by the user (its
    // role then comes from nowhere: it is left alone, and its name is not a report name, so no conflict).
    await workbook(input, {
      sheets: [
        ['ABC Customer P&L', 'old'],
        ['My rates', 'old'],
        ['ABC Summary', 'old'],
      ],
      names: [5, 6, 7].map((localSheetId) => ({ name: 'ABC_ReportOwner', formula: '"customer-profitability-abc"', localSheetId, hidden: true })),
    });
    const dutch = join(dir, 'dutch.xlsx');
    expect((await run([input, '--out', dutch, '--lang', 'nl'])).code).toBe(0);
    expect(await sheetNames(dutch)).toEqual([...MODEL_SHEETS, 'ABC Klantresultaat', 'My rates', 'ABC Samenvatting', 'ABC Tarieven', 'ABC Acties']);

    // A sheet marked with a role is found whatever the user called it.
    const renamed = join(dir, 'renamed.xlsx');
    await workbook(renamed, {
      sheets: [['Rates of Q1', 'old']],
      names: [{ name: 'ABC_ReportOwner', formula: '"ABC report: rates"', localSheetId: 5, hidden: true }],
    });
    const out = join(dir, 'renamed-out.xlsx');
    expect((await run([renamed, '--out', out, '--lang', 'nl'])).code).toBe(0);
    expect(await sheetNames(out)).toEqual([...MODEL_SHEETS, 'ABC Tarieven', 'ABC Klantresultaat', 'ABC Samenvatting', 'ABC Acties']);
  });

  it("stops rather than rename a report sheet onto a user's sheet of the new name", async () => {
    const withSheet = join(dir, 'with-sheet.xlsx');
    // The English report plus a user's sheet named like the Dutch rates sheet.
    await workbook(withSheet, {
      sheets: [
        ['ABC Customer P&L', 'old'],
        ['ABC Rates', 'old'],
        ['ABC Summary', 'old'],
        ['abc tarieven', 'mine'],
      ],
      names: [
        { name: 'ABC_ReportOwner', formula: '"ABC report: pnl"', localSheetId: 5, hidden: true },
        { name: 'ABC_ReportOwner', formula: '"ABC report: rates"', localSheetId: 6, hidden: true },
        { name: 'ABC_ReportOwner', formula: '"ABC report: summary"', localSheetId: 7, hidden: true },
      ],
    });
    const { code, err } = await run([withSheet, '--lang', 'nl']);
    expect(code).toBe(1);
    expect(err).toContain(
      `  FOUT REPORT_SHEET_TAKEN op 'abc tarieven'!A1: De werkmap heeft al een werkblad "abc tarieven" dat de invoegtoepassing niet heeft gemaakt;`,
    );
    expect(err).toContain('Geen rapport geschreven.');
  });

  it('leaves formulas that point at the old sheet name as they are (Excel rewrites them only when the user renames)', async () => {
    const input = join(dir, 'model.xlsx');
    await workbook(input, { sheets: [['Notes', 'mine']] });
    const english = join(dir, 'english.xlsx');
    expect((await run([input, '--out', english])).code).toBe(0);
    // The user points a formula at the English report.
    const zip = await JSZip.loadAsync(readFileSync(english));
    const notes = Object.keys(zip.files).find((p) => /worksheets\/sheet6\.xml$/.test(p))!;
    const xml = await zip.file(notes)!.async('string');
    zip.file(notes, xml.replace(/<c r="A1"[^>]*>.*?<\/c>/, `<c r="A1"><f>'ABC Summary'!A1</f><v>x</v></c>`));
    const edited = join(dir, 'edited.xlsx');
    writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));
    const dutch = join(dir, 'dutch.xlsx');
    expect((await run([edited, '--out', dutch, '--lang', 'nl'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(dutch);
    expect(wb.getWorksheet('Notes')!.getCell('A1').formula).toBe("'ABC Summary'!A1");
    expect(wb.getWorksheet('ABC Summary')).toBeUndefined();
  });
});
