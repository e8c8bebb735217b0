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
import { sha256, tempDir } from './workbook-files';

/** A Python with openpyxl (Debian's /usr/bin/python3 has it; a version manager's python3 may not). */
export const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0) ?? null;

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

/**
 * Fills the template with openpyxl as a user types rows below the tables: the cells, and each table's
 * ref grown over them (what Excel does when a row is typed under a table). Prints what it wrote back.
 */
const FILL = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = json.loads(sys.argv[3])
for sheet, table, data in rows:
    ws = wb[sheet]
    t = ws.tables[table]
    for r, values in enumerate(data):
        for c, v in enumerate(values):
            ws.cell(row=2 + r, column=1 + c, value=v)
    last = t.ref.split(':')[1]
    col = ''.join(ch for ch in last if ch.isalpha())
    t.ref = 'A1:%s%d' % (col, 1 + max(1, len(data)))
    t.autoFilter.ref = t.ref
wb.save(sys.argv[2])
act = wb['Activities']
pool_rule = [dv for dv in act.data_validations.dataValidation if 'B2' in str(dv.sqref)][0]
name = wb.defined_names[pool_rule.formula1]
print(json.dumps({'formula': pool_rule.formula1, 'sqref': str(pool_rule.sqref), 'name': name.attr_text, 'poolsRef': wb['Pools'].tables['ABC_Pools'].ref}))
`;

const MODEL: Array<[string, string, unknown[][]]> = [
  ['Pools', 'ABC_Pools', [['Sales', 1000], ['Warehouse', 600, 6000, 'minutes']]],
  [
    'Activities',
    'ABC_Activities',
    [
      ['Order handling', 'Sales', 'Orders', null, 1],
      ['Picking', 'Warehouse', 'Order lines', 10],
    ],
  ],
  ['Customers', 'ABC_Customers', [['C1', 'Bakery', 5000, 0, 3000], ['C2', 'Hotel', 2000, 100, 1000]]],
  ['Volumes', 'ABC_Volumes', [['C1', 'Orders', 3], ['C2', 'Orders', 1], ['C1', 'Order lines', 240], ['C2', 'Order lines', 120]]],
];

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
    ]);
    expect(v.get(s('Scenarios', "Scenario's"))).toEqual([['C2:C1001', s('"quantity,price,fee,minutes,capacity,minimum order"', '"aantal,prijs,vergoeding,minuten,capaciteit,minimumorder"')]]);
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
    expect(err).toContain('ERROR EMPTY_RANGE at Activities!A1:F1 (ABC_Activities): ABC_Activities has headers but no rows.');
    expect(err).toContain('ERROR EMPTY_RANGE at Customers!A1:E1 (ABC_Customers): ABC_Customers has headers but no rows.');
    expect(err).not.toMatch(/Unexpected|\bat .*\.js:\d+/);
    expect(existsSync(join(dir, 'empty-report.xlsx'))).toBe(false);
  });

  (PYTHON === null ? it.skip : it)('filled in by openpyxl, the pool list grows with the table and the runner computes it', async () => {
    const path = join(dir, 'model.xlsx');
    const filled = join(dir, 'filled.xlsx');
    await run(['--template', path]);
    const printed = execFileSync(PYTHON ?? '', ['-c', FILL, path, filled, JSON.stringify(MODEL)], { encoding: 'utf8' });
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

  it('LibreOffice prints it (when installed)', () => {
    if (spawnSync('which', ['soffice']).status !== 0) return;
    const path = join(dir, 'model.xlsx');
    return run(['--template', path, '--lang', 'nl']).then(() => {
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, path], { stdio: 'ignore', timeout: 120_000 });
      const text = execFileSync('pdftotext', [join(dir, 'model.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Leeg model voor klantwinstgevendheid op activiteitenbasis');
      expect(text).toContain('Kostenpool');
      expect(text).toContain('OngebruikteCapaciteit');
    });
  }, 180_000);
});
