/**
 * The `ABC Cost flow` sheet and what the first stage changes on Rates and Summary, on the two-department
 * textbook case (test/engine/first-stage/textbook-model.ts). Hand figures, reciprocal: Y's total 9,000
 * (7,260 + 30% of Z's 5,800) goes 40% A 3,600, 40% B 3,600, 20% Z 1,800; Z's 5,800 (4,000 + 20% of 9,000)
 * goes 20% A 1,160, 50% B 2,900, 30% Y 1,740: A 12,000 + 4,760 = 16,760, B 16,000 + 6,500 = 22,500.
 */
import { runModel } from '../../src/engine/run';
import { dec } from '../../src/engine/decimal';
import type { ModelInput } from '../../src/engine/model';
import type { CostingResult } from '../../src/engine/result';
import { buildReportSheets } from '../../src/workbook/report-layout';
import type { ReportLanguage } from '../../src/workbook/report-text';
import type { ReportRow, ReportSheet } from '../../src/workbook/report-types';
import { ledgerLine, textbookModel } from '../engine/first-stage/textbook-model';
import { LEDGER_PER_POOL, RECIPROCAL_MATRIX, RECIPROCAL_OPERATING, UNASSIGNED_MATRIX, UNASSIGNED_OPERATING } from './cost-flow-figures';
import { smallResult } from './fixture';

function costed(model: ModelInput): CostingResult {
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
}

function sheetOf(result: CostingResult, role: ReportSheet['role'], language: ReportLanguage = 'en'): ReportSheet {
  const found = buildReportSheets(result, language).find((s) => s.role === role);
  if (found === undefined) throw new Error(`no sheet ${String(role)}`);
  return found;
}

const values = (r: ReportRow | undefined): Array<string | number | null> => (r?.cells ?? []).map((c) => c.value);

/** The rows from the section titled `title` up to the next blank row, as values. */
function block(s: ReportSheet, title: string): Array<Array<string | number | null>> {
  const start = s.rows.findIndex((r) => r.style === 'section' && r.cells[0]?.value === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = s.rows.findIndex((r, i) => i > start && r.cells.length === 0);
  return s.rows.slice(start + 1, end < 0 ? undefined : end).map(values);
}

/** The textbook model with a ledger: Y's and A's cost on two accounts each, Z and B on one. */
function ledgerModel(): ModelInput {
  const model = textbookModel();
  const line = ledgerLine;
  model.resources = [
    line('4100', 'Rent', 5000, 'Y', 2),
    line('4200', 'Salaries IT', 2260, 'Y', 3),
    line('4300', 'Salaries HR', 4000, 'Z', 4),
    line('0400', 'Machines', 9000, 'A', 5),
    line('4100', 'Rent', 3000, 'A', 6),
    line('4500', null, 16000, 'B', 7),
  ];
  return model;
}

describe('the report without a first stage', () => {
  it('has exactly the sheets and cells it had: no Cost flow, Rates and Summary unchanged', () => {
    const result = smallResult();
    expect(result.firstStage).toBeUndefined();
    for (const language of ['en', 'nl'] as const) {
      const sheets = buildReportSheets(result, language);
      expect(sheets.map((s) => s.role)).toEqual(['pnl', 'rates', 'summary', 'actions']);
      const rates = sheets[1];
      expect(rates?.rows.filter((r) => r.style === 'note')).toHaveLength(1);
      expect(values(rates?.rows[3])).toEqual(language === 'en'
        ? ['Pool', 'Method', 'Cost', 'Capacity (min)', 'Cost per minute', 'Used (min)', 'Unused (min)', 'Unused capacity cost', 'Shares left over (below 100%)', "Activities' cost"]
        : ['Kostenpool', 'Methode', 'Kosten', 'Capaciteit (min)', 'Kosten per minuut', 'Gebruikt (min)', 'Onbenut (min)', 'Kosten onbenutte capaciteit', 'Restant aandelen (onder 100%)', 'Kosten activiteiten']);
      expect(rates?.tables?.map((t) => t.headerRow)).toEqual([4, 4 + result.pools.length + 4]);
      const summary = sheets[2];
      const labels = summary?.rows.map((r) => r.cells[0]?.value);
      expect(labels).toContain(language === 'en' ? 'Less pool costs' : 'Af: kosten van de kostenpools');
      expect(labels?.some((l) => typeof l === 'string' && /Cost flow|Kostenstroom/.test(l))).toBe(false);
    }
  });
});

describe('ABC Cost flow on the textbook case (reciprocal, no ledger)', () => {
  const result = costed(textbookModel());
  const flow = sheetOf(result, 'costFlow');

  it('is the last sheet, named in each language, printed landscape a page wide with titles', () => {
    expect(buildReportSheets(result).map((s) => s.name)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow']);
    expect(buildReportSheets(result, 'nl').map((s) => s.name)).toEqual(['ABC Klantresultaat', 'ABC Tarieven', 'ABC Samenvatting', 'ABC Acties', 'ABC Kostenstroom']);
    expect(flow.printOnePageWide).toBe('landscape');
    expect(flow.printTitles).toEqual({ rows: 2, columns: 1 });
    expect(flow.freeze).toEqual({ rows: 2, columns: 1 });
    expect(values(flow.rows[0])).toEqual(['Cost flow: from the ledger through the support departments to the operating pools']);
  });

  it('lists the ledger per pool with its role; without a ledger no account counts, the total 39,260', () => {
    expect(flow.rows[2]?.style).toBe('section');
    expect(block(flow, 'Ledger per pool')).toEqual(LEDGER_PER_POOL);
    expect(flow.rows.some((r) => r.cells[0]?.value === 'Ledger accounts')).toBe(false);
  });

  it('shows the support matrix in rows 11 to 15: from each support pool to every other pool', () => {
    expect(values(flow.rows[10])).toEqual(['Support matrix: what each support pool passes on (method: Reciprocal)']);
    expect(flow.rows.slice(11, 15).map(values)).toEqual(RECIPROCAL_MATRIX);
    expect(flow.rows[12]?.cells.map((c) => c.format)).toEqual(['text', 'money', 'money', 'money', 'money', 'money', 'money']);
    expect(flow.rows[14]?.style).toBe('total');
  });

  it('builds each operating pool\'s cost after support from its own cost and what it received, to the ledger total', () => {
    expect(block(flow, 'Operating pools: own cost plus support received')).toEqual(RECIPROCAL_OPERATING);
  });

  it('sets the three methods side by side, the chosen one marked, with the differences to it', () => {
    const methods = block(flow, 'Cost after support under each method');
    expect(methods).toEqual([
      ['Pool', 'Reciprocal (chosen)', 'Step-down', 'Direct', 'Step-down − Reciprocal', 'Direct − Reciprocal'],
      ['A', 16760, 16461.71, 16772.86, -298.29, 12.86],
      ['B', 22500, 22798.29, 22487.14, 298.29, -12.86],
      ['Total', 39260, 39260, 39260, 0, 0],
      ['Support cost left unassigned', 0, 0, 0, 0, 0],
      ['Ledger total', 39260, 39260, 39260, 0, 0],
    ]);
    const notes = flow.rows.slice(-3).map((r) => [r.style, String(r.cells[0]?.value).split(':')[0]]);
    expect(notes).toEqual([['note', 'Reciprocal'], ['note', 'Step-down'], ['note', 'Direct']]);
  });

  it('says on Rates that the pools\' cost is after support, with own cost and support received beside it', () => {
    const rates = sheetOf(result, 'rates');
    expect(values(rates.rows[2])).toEqual(['Pool cost after support departments (see ABC Cost flow): own cost plus what support pools passed on']);
    expect(rates.rows[2]?.style).toBe('note');
    expect(rates.rows.slice(4, 8).map((r) => values(r).slice(0, 5))).toEqual([
      ['Pool', 'Method', 'Own cost', 'Received from support pools', 'Cost'],
      ['A', 'Conventional (shares)', 12000, 4760, 16760],
      ['B', 'Conventional (shares)', 16000, 6500, 22500],
      ['Total', null, 28000, 11260, 39260],
    ]);
    expect(rates.tables?.map((t) => [t.name, t.headerRow, t.columns.slice(0, 5)])).toEqual([
      ['ABC_PoolRates', 5, ['Pool', 'Method', 'Own cost', 'Received from support pools', 'Cost']],
      ['ABC_Rates', 11, ['Activity', 'Pool', 'Method', 'Driver', 'Minutes / share / rate']],
    ]);
    // The tables lie where their headers are: row 5 and row 11 (1-based).
    expect([rates.rows[4]?.cells[0]?.value, rates.rows[10]?.cells[0]?.value]).toEqual(['Pool', 'Activity']);
  });

  it('closes the summary\'s company reconciliation with the ledger total, and adds no support sub-line when nothing is unassigned', () => {
    const summary = sheetOf(result, 'summary');
    const at = (label: string) => values(summary.rows.find((r) => r.cells[0]?.value === label));
    expect(at('Less ledger total of all pools')).toEqual(['Less ledger total of all pools', -39260]);
    expect(summary.rows.filter((r) => r.cells[0]?.value === 'Difference to the reported operating profit').map((r) => r.cells[1]?.value)).toEqual([0, 0]);
    expect(summary.rows.some((r) => String(r.cells[0]?.value).startsWith('of which support'))).toBe(false);
  });
});

describe('the cost flow sheet reads without cut text', () => {
  it('gives every text with a figure to its right the width it needs, in both languages and every method', () => {
    for (const method of ['reciprocal', 'step-down', 'direct'] as const) {
      for (const language of ['en', 'nl'] as const) {
        const s = sheetOf(costed(textbookModel(method, 0)), 'costFlow', language);
        const cut = s.rows.flatMap((r) =>
          r.style === 'title' || r.style === 'note' || r.style === 'section'
            ? []
            : r.cells.flatMap((c, i) => (typeof c.value === 'string' && (r.cells[i + 1]?.value ?? null) !== null && c.value.length + 2 > (s.columnWidths[i] ?? 0) ? [c.value] : [])),
        );
        expect(cut).toEqual([]);
      }
    }
  });
});

describe('support cost left unassigned (Y passes 80%)', () => {
  // Y's total 7,260 + 30% of Z's 4,000 = 8,460: A 3,384, B 3,384, and 20% = 1,692 with no pool. Step-down and
  // direct leave 20% of Y's own 7,260 = 1,452 (Z's share to Y is dropped or ignored).
  const result = costed(textbookModel('reciprocal', 0));

  it('shows it in the matrix, under the operating pools and per method, every table closing on 39,260', () => {
    const flow = sheetOf(result, 'costFlow');
    expect(flow.rows.slice(11, 15).map(values)).toEqual(UNASSIGNED_MATRIX);
    expect(block(flow, 'Operating pools: own cost plus support received')).toEqual(UNASSIGNED_OPERATING);
    const methods = block(flow, 'Cost after support under each method');
    expect(methods[4]).toEqual(['Support cost left unassigned', 1692, 1452, 1452, -240, -240]);
    expect(methods[5]).toEqual(['Ledger total', 39260, 39260, 39260, 0, 0]);
  });

  it('explains it on the summary under the cost not charged, and the reconciliation still closes', () => {
    const summary = sheetOf(result, 'summary');
    const i = summary.rows.findIndex((r) => r.cells[0]?.value === 'Cost not charged to customers');
    expect(values(summary.rows[i])).toEqual(['Cost not charged to customers', 1692]);
    expect(values(summary.rows[i + 1])).toEqual(['of which support departments (see ABC Cost flow)', 1692]);
    expect(summary.namedCells?.find((c) => c.name === 'ABC_OperatingProfit')?.row).toBe(i + 3);
    expect(summary.rows.filter((r) => r.cells[0]?.value === 'Difference to the reported operating profit').map((r) => r.cells[1]?.value)).toEqual([0, 0]);
    const nl = sheetOf(result, 'summary', 'nl');
    expect(values(nl.rows[i + 1])).toEqual(['waarvan ondersteunende afdelingen (zie ABC Kostenstroom)', 1692]);
    // The sub-line fits its column: its amount stands right next to it.
    for (const s of [summary, nl]) expect(String(s.rows[i + 1]?.cells[0]?.value).length + 2).toBeLessThanOrEqual(s.columnWidths[0] ?? 0);
  });
});

describe('ABC Kostenstroom (Dutch) with a ledger, step-down chosen', () => {
  const model = ledgerModel();
  model.settings.supportMethod = 'step-down';
  const result = costed(model);
  const flow = sheetOf(result, 'costFlow', 'nl');

  it('counts the accounts per pool and lists each account, adding up to the ledger total', () => {
    expect(flow.name).toBe('ABC Kostenstroom');
    expect(values(flow.rows[0])).toEqual(['Kostenstroom: van het grootboek via de ondersteunende afdelingen naar de operationele kostenpools']);
    expect(block(flow, 'Grootboek per kostenpool')).toEqual([
      ['Kostenpool', 'Rol', 'Rekeningen', 'Eigen kosten'],
      ['Y', 'Ondersteunend', 2, 7260],
      ['Z', 'Ondersteunend', 1, 4000],
      ['A', 'Uitvoerend', 2, 12000],
      ['B', 'Uitvoerend', 1, 16000],
      ['Totaal', null, 6, 39260],
    ]);
    expect(block(flow, 'Grootboekrekeningen')).toEqual([
      ['Kostenpool', 'Rekening', 'Omschrijving', 'Bedrag'],
      ['Y', '4100', 'Rent', 5000],
      ['Y', '4200', 'Salaries IT', 2260],
      ['Z', '4300', 'Salaries HR', 4000],
      ['A', '0400', 'Machines', 9000],
      ['A', '4100', 'Rent', 3000],
      ['B', '4500', null, 16000],
      ['Totaal', null, null, 39260],
    ]);
    const accountCells = flow.rows.filter((r) => r.cells[1]?.value === '0400').map((r) => r.cells[1]?.format);
    expect(accountCells).toEqual(['text']);
  });

  it('passes on step-down (Y first): A 16,461.71, B 22,798.29; the methods side by side mark Stapsgewijs', () => {
    expect(block(flow, 'Doorbelastingsmatrix: wat elke ondersteunende kostenpool doorbelast (methode: Stapsgewijs)')).toEqual([
      ['Van', 'Y', 'Z', 'A', 'B', 'Niet toegerekend', 'Totaal doorbelast'],
      // Y passes 7,260: 2,904 each to A and B, 1,452 to Z; Z passes 5,452 with its share to the closed Y dropped.
      ['Y', null, 1452, 2904, 2904, 0, 7260],
      ['Z', 0, null, 1557.71, 3894.29, 0, 5452],
      ['Totaal', 0, 1452, 4461.71, 6798.29, 0, 12712],
    ]);
    expect(block(flow, 'Kosten na doorbelasting per methode').slice(0, 3)).toEqual([
      ['Kostenpool', 'Wederzijds', 'Stapsgewijs (gekozen)', 'Direct', 'Wederzijds − Stapsgewijs', 'Direct − Stapsgewijs'],
      ['A', 16760, 16461.71, 16772.86, 298.29, 311.15],
      ['B', 22500, 22798.29, 22487.14, -298.29, -311.15],
    ]);
    const rates = sheetOf(result, 'rates', 'nl');
    expect(values(rates.rows[2])[0]).toMatch(/^Kosten van de kostenpool na doorbelasting .*\(zie ABC Kostenstroom\)/);
    expect(values(rates.rows[4]).slice(0, 5)).toEqual(['Kostenpool', 'Methode', 'Eigen kosten', 'Ontvangen doorbelasting', 'Kosten']);
    // Each header fits its column (a wrapped header runs up over the section title in LibreOffice).
    for (const s of [rates, sheetOf(result, 'rates')]) {
      s.rows[4]?.cells.forEach((c, i) => expect(String(c.value).length + 2).toBeLessThanOrEqual(s.columnWidths[i] ?? 0));
    }
  });
});
