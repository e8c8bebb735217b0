/**
 * `--template`: the empty model as a file. Its parts are read back namespace-aware (tables, list names,
 * drop-downs), openpyxl fills it in as a user would (rows typed below a table grow it), the runner computes
 * the filled model to the cent and refuses the empty one with located errors, and LibreOffice prints it.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import type { ResultJson } from '../../src/workbook/result-json';
import { CONTRACT_HEADERS, CONTRACT_RANGES } from '../../src/workbook/contract-spec';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { MAIN_NS } from '../../src/xlsx/namespaces';
import { parsePart, readXmlPart } from '../../src/xlsx/package';
import { readTables } from '../../src/xlsx/tables';
import { attr, childNamed, childrenNamed } from '../../src/xlsx/xml-tree';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';
import { generateSampleModel } from '../../src/sample';
import { fillTemplate, MODEL, PYTHON } from './template-fill';
import { sha256, tempDir } from './workbook-files';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every drop-down of the workbook: sheet → [sqref, formula1]. */
async function validationsOf(path: string): Promise<Map<string, Array<[string, string]>>> {
  const loaded = await loadWorkbook(path);
  const out = new Map<string, Array<[string, string]>>();
  for (const sheet of loaded.sheets) {
    const part = sheet.part === null ? null : await readXmlPart(loaded.zip, sheet.part);
    if (part === null) continue;
    const root = parsePart(part.text, part.name);
    const rules = childrenNamed(childNamed(root, 'dataValidations', MAIN_NS), 'dataValidation', MAIN_NS);
    out.set(
      sheet.name,
      rules.map((r) => {
        expect(attr(r, 'type')).toBe('list');
        return [attr(r, 'sqref') ?? '', childNamed(r, 'formula1', MAIN_NS)?.text ?? ''];
      }),
    );
  }
  return out;
}

describe('the empty model (--template)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('parses --template with --lang only', () => {
    expect(parseArgs(['--template', 'm.xlsx', '--lang', 'nl'])).toEqual({ kind: 'template', path: 'm.xlsx', lang: 'nl' });
    expect(parseArgs(['--template=m.xlsx'])).toEqual({ kind: 'template', path: 'm.xlsx', lang: 'en' });
    expect(parseArgs(['--template'])).toEqual({ kind: 'usage-error', problem: { kind: 'file-name-missing', flag: '--template' } });
    expect(parseArgs(['--template', 'm.xlsx', '--sample'])).toEqual({ kind: 'usage-error', problem: { kind: 'template-alone' } });
    expect(parseArgs(['book.xlsx', '--template', 'm.xlsx'])).toEqual({ kind: 'usage-error', problem: { kind: 'template-alone' } });
  });

  it.each(['en', 'nl'] as const)('writes every contract range as a table with its %s headers, list names and drop-downs', async (lang) => {
    const path = join(dir, `model-${lang}.xlsx`);
    const { code, out } = await run(['--template', path, '--lang', lang]);
    expect(code).toBe(0);
    expect(out).toContain(path);
    const loaded = await loadWorkbook(path);
    const tables = await readTables(loaded);
    expect(tables.map((t) => t.name)).toEqual([...CONTRACT_RANGES]);
    for (const t of tables) expect(t.columns).toEqual(CONTRACT_HEADERS[t.name as keyof typeof CONTRACT_HEADERS].columns.map((c) => c[lang]));
    expect(loaded.sheets[0]?.name).toBe(lang === 'en' ? 'Instructions' : 'Instructies');
    const names = Object.fromEntries(loaded.info.definedNames.map((d) => [d.name, d.formula]));
    expect(names).toEqual(
      lang === 'en'
        ? { PoolList: 'ABC_Pools[Pool]', DriverList: 'ABC_Activities[Driver]', CustomerList: 'ABC_Customers[Customer]' }
        : { PoolList: 'ABC_Pools[Kostenpool]', DriverList: 'ABC_Activities[Kostendrijver]', CustomerList: 'ABC_Customers[Klant]' },
    );
    const v = await validationsOf(path);
    const s = (en: string, nl: string): string => (lang === 'en' ? en : nl);
    expect(v.get(s('Pools', 'Kostenpools'))).toEqual([['D2:D1001', s('"minutes,hours"', '"minuten,uren"')]]);
    expect(v.get(s('Activities', 'Activiteiten'))).toEqual([['B2:B1001', 'PoolList']]);
    expect(v.get(s('Resources', 'Grootboek'))).toEqual([['D2:D1001', 'PoolList']]);
    expect(v.get(s('Support', 'Doorbelasting'))).toEqual([
      ['A2:A1001', 'PoolList'],
      ['B2:B1001', 'PoolList'],
    ]);
    expect(v.get('Volumes')).toEqual([
      ['A2:A1001', 'CustomerList'],
      ['B2:B1001', 'DriverList'],
    ]);
    const settings = v.get(s('Settings', 'Instellingen')) ?? [];
    expect(settings.slice(1)).toEqual([
      ['B4:B4', s('"report,assign"', '"rapporteren,toerekenen"')],
      ['B5:B5', '"en,nl"'],
      ['B6:B6', 'DriverList'],
      ['B7:B7', 'DriverList'],
      ['B8:B8', s('"reciprocal,step-down,direct"', '"wederzijds,stapsgewijs,direct"')],
    ]);
    expect(v.get(s('Scenarios', "Scenario's"))).toEqual([['C2:C1001', s('"quantity,price,fee,minutes,capacity,minimum order"', '"aantal,prijs,vergoeding,minuten,capaciteit,minimumorder"')]]);
  });

  it('gives the sample model the same drop-downs, over its defined names', async () => {
    const path = join(dir, 'sample.xlsx');
    writeFileSync(path, await buildBlocksWorkbook(generateSampleModel()));
    const loaded = await loadWorkbook(path);
    const names = Object.fromEntries(loaded.info.definedNames.map((d) => [d.name, d.formula]));
    expect(names).toMatchObject({
      ABC_Pools: 'Pools!$A$1:$F$8',
      ABC_Resources: 'Ledger!$A$1:$D$71',
      ABC_Support: 'Support!$A$1:$E$19',
      PoolList: 'OFFSET(ABC_Pools,1,0,ROWS(ABC_Pools)-1,1)',
      DriverList: 'OFFSET(ABC_Activities,1,2,ROWS(ABC_Activities)-1,1)',
      CustomerList: 'OFFSET(ABC_Customers,1,0,ROWS(ABC_Customers)-1,1)',
    });
    const v = await validationsOf(path);
    expect(v.get('Activities')).toEqual([['B2:B1001', 'PoolList']]);
    expect(v.get('Ledger')).toEqual([['D2:D1001', 'PoolList']]);
    expect(v.get('Support')).toEqual([
      ['A2:A1001', 'PoolList'],
      ['B2:B1001', 'PoolList'],
    ]);
    expect(v.get('Transactions')).toEqual([
      ['A2:A17885', 'CustomerList'],
      ['B2:B17885', 'DriverList'],
    ]);
    expect(v.get('Settings')?.slice(1)).toEqual([
      ['B4:B4', '"report,assign"'],
      ['B5:B5', 'DriverList'],
      ['B6:B6', 'DriverList'],
    ]);
  });

  it.each(['en', 'nl'] as const)('gives the %s sample drop-downs that accept every word its own cells hold', async (language) => {
    const sheets = generateSampleModel(undefined, language);
    const path = join(dir, `sample-${language}.xlsx`);
    writeFileSync(path, await buildBlocksWorkbook(sheets));
    const lists = await validationsOf(path);
    const refused: string[] = [];
    let checked = 0;
    for (const sheet of sheets) {
      for (const [sqref, formula] of lists.get(sheet.sheet) ?? []) {
        if (!formula.startsWith('"')) continue;
        const words = new Set(formula.slice(1, -1).split(','));
        const m = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(sqref);
        if (m === null) throw new Error(`unexpected sqref ${sqref}`);
        const column = (m[1] ?? 'A').charCodeAt(0) - 65;
        for (let r = Number(m[2]); r <= Number(m[3]) && r <= sheet.rows.length; r += 1) {
          const value = sheet.rows[r - 1]?.[column];
          if (value === null || value === undefined) continue;
          checked += 1;
          if (!words.has(String(value))) refused.push(`${sheet.sheet}!${m[1]}${r} ${String(value)} not in ${formula}`);
        }
      }
    }
    expect(refused).toEqual([]);
    // Unit, every setting name, UnusedCapacity and every scenario change: the lists are really looked at.
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('refuses to write over an existing file', async () => {
    const path = join(dir, 'mine.xlsx');
    writeFileSync(path, 'my model');
    const before = sha256(path);
    const { code, err } = await run(['--template', path]);
    expect(code).toBe(2);
    expect(err).toBe(`--template ${path} exists; the empty model is never written over a file. Give a new file name.`);
    expect(sha256(path)).toBe(before);
  });

  it('given to the runner empty, it is refused with located errors, not a crash', async () => {
    const path = join(dir, 'empty.xlsx');
    await run(['--template', path]);
    const { code, err } = await run([path]);
    expect(code).toBe(1);
    expect(err).toContain('ERROR EMPTY_RANGE at Activities!A1:I1 (ABC_Activities): ABC_Activities has headers but no rows.');
    expect(err).toContain('ERROR EMPTY_RANGE at Customers!A1:E1 (ABC_Customers): ABC_Customers has headers but no rows.');
    expect(err).not.toMatch(/Unexpected|\bat .*\.js:\d+/);
    expect(existsSync(join(dir, 'empty-report.xlsx'))).toBe(false);
  });

  (PYTHON === null ? it.skip : it)('filled in by openpyxl, the pool list grows with the table and the runner computes it', async () => {
    const path = join(dir, 'model.xlsx');
    const filled = join(dir, 'filled.xlsx');
    await run(['--template', path]);
    const printed = fillTemplate(path, filled, MODEL);
    // The Pool drop-down's list is the name over the table column, and the table now covers both pools.
    expect(JSON.parse(printed)).toEqual({ formula: 'PoolList', sqref: 'B2:B1001', name: 'ABC_Pools[Pool]', poolsRef: 'A1:E3' });

    const json = join(dir, 'r.json');
    const { code, err } = await run([filled, '--json', json]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    const byId = Object.fromEntries(result.customers.map((c) => [c.customer, c]));
    // Sales 1,000 by 4 orders: 750 / 250. Warehouse 600 for 6,000 min = 0.10/min; 10 min a line: 2,400 and 1,200 min.
    expect(byId.C1).toMatchObject({ costToServe: 990, netProfit: 1010 });
    expect(byId.C2).toMatchObject({ costToServe: 370, netProfit: 530 });
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)('LibreOffice prints it', async () => {
    const path = join(dir, 'model.xlsx');
    await run(['--template', path, '--lang', 'nl']);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, path], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', [join(dir, 'model.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Leeg model voor klantwinstgevendheid op activiteitenbasis');
    expect(text).toContain('Kostenpool');
    expect(text).toContain('OngebruikteCapaciteit');
  }, 180_000);
});
