/** `--svg-flow`: the runner writes the cost-flow picture of a model with a ledger or support pools. */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseArgs, usageMessage } from '../../src/cli/args';
import { main } from '../../src/cli/main';
import { tempDir, writeWorkbook } from '../xlsx/workbook-files';
import { kaplanWorkbook } from './kaplan-workbook';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A support pool IT (1,000 from two ledger lines) passing all of it to Service (9,000 of salaries, 10,000
 * minutes); Alpha (Retail) orders 300 times, Beta (Horeca) 500 times, 10 minutes an order: Service costs
 * 1 a minute, Alpha 3,000, Beta 5,000, unused capacity 2,000.
 */
async function ledgerWorkbook(path: string): Promise<void> {
  const rows: Record<string, Array<Array<string | number>>> = {
    Pools: [['Pool', 'Cost', 'Capacity'], ['IT', 1000, ''], ['Service', 9000, 10000]],
    Activities: [['Activity', 'Pool', 'Driver', 'Minutes'], ['Order handling', 'Service', 'Orders', 10]],
    Customers: [['Customer', 'Name', 'Revenue', 'COGS', 'Segment'], [1, 'Alpha', 20000, 5000, 'Retail'], [2, 'Beta', 10000, 3000, 'Horeca']],
    Volumes: [['Customer', 'Driver', 'Quantity'], [1, 'Orders', 300], [2, 'Orders', 500]],
    Ledger: [['Account', 'Description', 'Amount', 'Pool'], [4100, 'Salaries', 9000, 'Service'], [4100, 'Salaries', 600, 'IT'], [4500, 'Laptops & <licences>', 400, 'IT']],
    Support: [['From', 'To', 'Share'], ['IT', 'Service', 1]],
    Settings: [['Setting', 'Value'], ['Currency', 'EUR']],
  };
  const range = (sheet: string, name: string, columns: string): { name: string; formula: string } => ({ name, formula: `${sheet}!$A$1:$${columns}$${rows[sheet]?.length ?? 1}` });
  await writeWorkbook(
    path,
    (wb) => {
      for (const [sheet, cells] of Object.entries(rows)) wb.addWorksheet(sheet).addRows(cells);
    },
    [
      range('Pools', 'ABC_Pools', 'C'),
      range('Activities', 'ABC_Activities', 'D'),
      range('Customers', 'ABC_Customers', 'E'),
      range('Volumes', 'ABC_Volumes', 'C'),
      range('Ledger', 'ABC_Resources', 'D'),
      range('Support', 'ABC_Support', 'C'),
      range('Settings', 'ABC_Settings', 'B'),
    ],
  );
}

describe('--svg-flow on the command line', () => {
  it('is parsed once, with a file name, and not with --template', () => {
    expect(parseArgs(['--sample', '--svg-flow', 'out/flow.svg'])).toMatchObject({ kind: 'run', svgFlow: 'out/flow.svg' });
    expect(parseArgs(['--sample', '--svg-flow=f.svg', '--svg', 'w.svg'])).toMatchObject({ kind: 'run', svgFlow: 'f.svg', svg: 'w.svg' });
    expect(parseArgs(['--sample'])).not.toHaveProperty('svgFlow');
    expect(usageMessage(parseArgs(['--sample', '--svg-flow']))).toBe('--svg-flow needs a file name.');
    expect(usageMessage(parseArgs(['--sample', '--svg-flow', '--json', 'x.json']))).toBe('--svg-flow needs a file name.');
    expect(usageMessage(parseArgs(['--sample', '--svg-flow', 'a.svg', '--svg-flow=b.svg']))).toBe('--svg-flow is given twice.');
    expect(usageMessage(parseArgs(['--sample', '--svg-flow', 'a.svg', '--svg-flow', 'b.svg']), 'nl')).toBe('--svg-flow is twee keer opgegeven.');
    expect(parseArgs(['--template', 't.xlsx', '--svg-flow', 'f.svg'])).toMatchObject({ kind: 'usage-error', problem: { kind: 'template-alone' } });
  });
});

describe('--svg-flow in a run', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes the picture of the ledger, support pool, operating pool, activity and segments', async () => {
    const input = join(dir, 'model.xlsx');
    await ledgerWorkbook(input);
    const flow = join(dir, 'flow.svg');
    const { code, err } = await run([input, '--svg-flow', flow]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const svg = readFileSync(flow, 'utf8');
    for (const label of ['4100 Salaries € 9,600.00', '4500 Laptops &amp; &lt;licences&gt; € 400.00', 'IT € 1,000.00', 'Service € 10,000.00', 'Order handling € 8,000.00', 'Horeca € 5,000.00', 'Retail € 3,000.00', 'Unused capacity € 2,000.00']) {
      expect(svg).toContain(`>${label}`);
    }
    expect(svg).toContain('Every column adds up to the ledger total, € 10,000.00.');
    if (existsSync('/usr/bin/xmllint')) execFileSync('xmllint', ['--noout', flow]);
  });

  it('in Dutch with --lang nl', async () => {
    const input = join(dir, 'model.xlsx');
    await ledgerWorkbook(input);
    const flow = join(dir, 'flow.svg');
    expect((await run([input, '--lang', 'nl', '--svg-flow', flow])).code).toBe(0);
    expect(readFileSync(flow, 'utf8')).toContain('>Onbenutte capaciteit € 2.000,00</text>');
  });

  it('a model without ledger and support pools: the report is written, the picture not, and it says so', async () => {
    const input = join(dir, 'model.xlsx');
    await kaplanWorkbook(input);
    const { code, err } = await run([input, '--svg-flow', join(dir, 'flow.svg')]);
    expect(code).toBe(0);
    expect(err).toBe(`--svg-flow ${join(dir, 'flow.svg')}: not written: the model has no ledger (ABC_Resources) and no support pools (ABC_Support), so there is no cost flow to draw.`);
    expect(readdirSync(dir).sort()).toEqual(['model-report.xlsx', 'model.xlsx']);
  });

  it('refuses the workbook or the report as the picture', async () => {
    const input = join(dir, 'model.xlsx');
    await ledgerWorkbook(input);
    const { code, err } = await run([input, '--svg-flow', input]);
    expect(code).toBe(2);
    expect(err).toBe(`--svg-flow ${input}: that is the workbook or the report; give the picture its own file name.`);
  });

  it('refuses a folder as the picture before anything is written', async () => {
    const input = join(dir, 'model.xlsx');
    await ledgerWorkbook(input);
    const { code, err } = await run([input, '--svg-flow', dir]);
    expect(code).toBe(2);
    expect(err).toBe(`--svg-flow ${dir} is a folder, not a file; nothing was written. Give the name of a file.`);
    expect(readdirSync(dir)).toEqual(['model.xlsx']);
  });
});
