/**
 * A statement of a model with a first stage: the textbook case (support pools Y and Z, operating pools A
 * and B) with a ledger, so the cost to serve of C1 (9,815) is traced below the trail to the pools where it
 * started and to the ledger accounts, each block adding up to 9,815. Written to .xlsx, read back, and
 * printed by LibreOffice (test-output/statement-origins.png).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { dec } from '../../src/engine/decimal';
import type { CostingResult, CustomerResult } from '../../src/engine/result';
import { runModel } from '../../src/engine/run';
import { generateSampleModel } from '../../src/sample';
import { buildStatementSheets, findCustomer } from '../../src/workbook/report-statement';
import type { ReportSheet } from '../../src/workbook/report-types';
import { loadWorkbook } from '../../src/xlsx/load-workbook';
import { buildReportWorkbook } from '../../src/xlsx/write-report';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';
import { textbookLedger } from '../engine/explain/textbook-ledger';
import { textbookModel } from '../engine/first-stage/textbook-model';

jest.setTimeout(240_000);

function costed(): CostingResult {
  const model = textbookModel();
  model.resources = textbookLedger();
  model.customerCosts = [{ customer: 'C1', item: 'Year-end bonus', amount: dec(250), where: { range: 'ABC_CustomerCosts', sheet: 'CustomerCosts', cell: 'A2' } }];
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

const result = costed();
const c1 = findCustomer(result, 'C1') as CustomerResult;
const values = (sheet: ReportSheet) => sheet.rows.map((r) => r.cells.map((c) => c.value));

/** The rows from the one whose first cell is `label` up to the next total row, as values. */
function block(sheet: ReportSheet, label: string): unknown[][] {
  const all = values(sheet);
  const start = all.findIndex((r) => r[0] === label);
  const end = all.findIndex((r, i) => i > start && sheet.rows[i]?.style === 'total');
  return all.slice(start, end + 1);
}

// Hand figures (test/engine/explain/trace-customer.test.ts): C1 carries a quarter of A (16,760) and of B
// (22,500): 4,190 + 5,625 = 9,815. A's origins A 12,000, Y 3,398.30, Z 1,361.70; B's B 16,000, Y 3,861.70,
// Z 2,638.30; ties of half a cent go to the earlier origin.
const POOLS = [
  ['Pool where the cost started', 'Used in pool', null, null, null, 'Amount'],
  ['A', 'A', null, null, null, 3000],
  ['Y', 'A', null, null, null, 849.58],
  ['Z', 'A', null, null, null, 340.42],
  ['B', 'B', null, null, null, 4000],
  ['Y', 'B', null, null, null, 965.43],
  ['Z', 'B', null, null, null, 659.57],
  ['Cost to serve', null, null, null, null, 9815],
];
// Z's part of A (1,361.70) over its accounts 3,000 : 1,000 is 1,021.28 + 340.42, of B (2,638.30) 1,978.73 +
// 659.57; C1's quarter of A's lines 9,000 / 3,000 / 3,398.30 / 1,021.28 / 340.42 and of B's 16,000 /
// 3,861.70 / 1,978.73 / 659.57, largest remainder.
const ACCOUNTS = [
  ['Account', 'Description', 'Booked to pool', null, null, 'Amount'],
  ['4000', 'Salaries', 'A', null, null, 2250],
  ['4300', 'Rent', 'A', null, null, 750],
  ['4600', 'IT contracts', 'Y', null, null, 849.58],
  ['4000', 'Salaries', 'Z', null, null, 255.32],
  ['4300', 'Rent', 'Z', null, null, 85.1],
  ['4000', 'Salaries', 'B', null, null, 4000],
  ['4600', 'IT contracts', 'Y', null, null, 965.43],
  ['4000', 'Salaries', 'Z', null, null, 494.68],
  ['4300', 'Rent', 'Z', null, null, 164.89],
  ['Cost to serve', null, null, null, null, 9815],
];

describe('the statement of C1 in the textbook case with a ledger', () => {
  const [sheet] = buildStatementSheets(result, [c1], 'en') as [ReportSheet];

  it('the trail names each line\'s pool (share pools: no cost per minute)', () => {
    expect(block(sheet, 'Activity')).toEqual([
      ['Activity', 'Driver', 'Quantity', 'Minutes per unit', 'Cost per unit', 'Amount', 'Pool', 'Cost per minute'],
      // A's 16,760 over 4 orders: 4,190 per order; B's 22,500: 5,625.
      ['Machining', 'Orders', 1, null, 4190, 4190, 'A', null],
      ['Assembly', 'Orders', 1, null, 5625, 5625, 'B', null],
      ['Cost to serve', null, null, null, null, 9815],
    ]);
  });

  it('below it, the cost to serve by the pool where it started and by ledger account, each adding up to 9,815', () => {
    const all = values(sheet);
    expect(all.findIndex((r) => r[0] === 'Where the cost started: departments and ledger accounts')).toBeGreaterThan(all.findIndex((r) => r[0] === 'Activity'));
    expect(block(sheet, 'Pool where the cost started')).toEqual(POOLS);
    expect(block(sheet, 'Account')).toEqual(ACCOUNTS);
    for (const rows of [POOLS, ACCOUNTS]) {
      const parts = rows.slice(1, -1).map((r) => dec(r[5] as number));
      expect(parts.reduce((a, b) => a.plus(b)).toFixed(2)).toBe(c1.costToServe.toFixed(2));
    }
    expect(block(sheet, 'Item')).toEqual([
      ['Item', null, null, null, null, 'Amount'],
      ['Year-end bonus', null, null, null, null, 250],
      ['Direct customer costs', null, null, null, null, 250],
    ]);
  });

  it('in Dutch, the same figures under Dutch headings', () => {
    const [nl] = buildStatementSheets(result, [c1], 'nl') as [ReportSheet];
    const all = values(nl);
    expect(all.some((r) => r[0] === 'Waar de kosten ontstonden: afdelingen en grootboekrekeningen')).toBe(true);
    expect(block(nl, 'Kostenpool waar de kosten ontstonden').map((r) => r[5])).toEqual(POOLS.map((r) => (r[5] === 'Amount' ? 'Bedrag' : r[5])));
    expect(block(nl, 'Rekening')[0]).toEqual(['Rekening', 'Omschrijving', 'Geboekt op kostenpool', null, null, 'Bedrag']);
    expect(block(nl, 'Rekening').slice(1).map((r) => r[5])).toEqual(ACCOUNTS.slice(1).map((r) => r[5]));
    expect(block(nl, 'Activiteit')[0]?.slice(6)).toEqual(['Kostenpool', 'Kosten per minuut']);
  });

  it('without a ledger only the pools block, without a first stage neither', () => {
    const model = textbookModel();
    const noLedger = runModel(model).result as CostingResult;
    const [s] = buildStatementSheets(noLedger, [findCustomer(noLedger, 'C1') as CustomerResult], 'en') as [ReportSheet];
    expect(block(s, 'Pool where the cost started')).toEqual(POOLS);
    expect(values(s).some((r) => r[0] === 'Account')).toBe(false);
    delete model.support;
    const plain = runModel(model).result as CostingResult;
    const [p] = buildStatementSheets(plain, [findCustomer(plain, 'C1') as CustomerResult], 'en') as [ReportSheet];
    expect(values(p).some((r) => r[0] === 'Where the cost started: departments and ledger accounts')).toBe(false);
  });
});

describe('the statement as a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statement-origins-'));
  let written = '';

  beforeAll(async () => {
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, await buildBlocksWorkbook(generateSampleModel().filter((b) => b.rangeName === 'ABC_Settings')));
    written = join(dir, 'statement.xlsx');
    writeFileSync(written, await buildReportWorkbook(await loadWorkbook(input), buildStatementSheets(result, [c1], 'en'), 'EUR'));
  });

  it('reads back with the blocks\' figures as numbers and the accounts as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written);
    const ws = wb.getWorksheet('ABC Statement C1');
    const rows: unknown[][] = [];
    ws?.eachRow((r) => rows.push([1, 2, 3, 6].map((col) => r.getCell(col).value)));
    const from = rows.findIndex((r) => r[0] === 'Account');
    expect(rows.slice(from, from + 4)).toEqual([
      ['Account', 'Description', 'Booked to pool', 'Amount'],
      ['4000', 'Salaries', 'A', 2250],
      ['4300', 'Rent', 'A', 750],
      ['4600', 'IT contracts', 'Y', 849.58],
    ]);
    const start = rows.findIndex((r) => r[0] === 'Pool where the cost started');
    expect(rows.slice(start + 1, start + 8).map((r) => r[3])).toEqual(POOLS.slice(1).map((r) => r[5]));
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)('LibreOffice prints it with both blocks and their totals', () => {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, written], { stdio: 'ignore', timeout: 200_000 });
    const pdf = join(dir, 'statement.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Where the cost started: departments and ledger accounts');
    expect(text).toMatch(/4600\s+IT contracts\s+Y\s+€ 849\.58/);
    expect(text.match(/Cost to serve\s+€ 9,815\.00/g)?.length).toBeGreaterThanOrEqual(3);
    const out = join(__dirname, '../../test-output');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(out, 'statement-origins')]);
  });
  if (!soffice) it('skips the LibreOffice check: soffice is not on PATH', () => expect(soffice).toBe(false));
});
