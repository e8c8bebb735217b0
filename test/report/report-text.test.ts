/** The report catalogues: typed (a missing Dutch text does not compile), complete, and valid as sheet names. */
import { type ReportText, reportSheetNames, reportText, roleOfSheetName } from '../../src/workbook/report-text';
import { REPORT_TEXT_EN } from '../../src/workbook/report-text-en';
import { REPORT_TEXT_NL } from '../../src/workbook/report-text-nl';
import { OWNER_VALUE, ownerRole, ownerValue } from '../../src/workbook/report-owner';

/** The paths of every text in a catalogue, functions included. */
function paths(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string' || typeof node === 'function') return [prefix];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => paths(v, prefix === '' ? k : `${prefix}.${k}`));
}

describe('the report catalogues', () => {
  it('does not compile with a text missing (checked by tsc, which fails on an unused @ts-expect-error)', () => {
    const { summary, ...withoutSummary } = REPORT_TEXT_NL;
    // @ts-expect-error the summary's texts are missing
    const incomplete: ReportText = withoutSummary;
    // @ts-expect-error a sheet name is missing
    const noSheetName: ReportText = { ...REPORT_TEXT_NL, sheetNames: { pnl: 'ABC Klantresultaat', rates: 'ABC Tarieven' } };
    const { noWarnings, ...summaryWithoutOne } = summary;
    // @ts-expect-error one line of the summary is missing
    const oneMissing: ReportText = { ...REPORT_TEXT_NL, summary: summaryWithoutOne };
    expect([incomplete, noSheetName, oneMissing, noWarnings]).toHaveLength(4);
  });

  it('has the same texts in both languages, each different in Dutch but for words both languages share', () => {
    expect(paths(REPORT_TEXT_NL)).toEqual(paths(REPORT_TEXT_EN));
    expect(paths(REPORT_TEXT_EN).length).toBeGreaterThan(90);
    const same = paths(REPORT_TEXT_EN).filter((p) => {
      const pick = (t: ReportText): unknown => p.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], t);
      const en = pick(REPORT_TEXT_EN);
      return typeof en === 'string' && en === pick(REPORT_TEXT_NL);
    });
    // 'Per order' is Dutch too: a Dutch wholesaler speaks of orders; the glossary's support method 'direct' is one word in both;
    // a tornado chart and the percentiles P10 and P90 are called so in Dutch too.
    expect(same).toEqual(['summary.code', 'costFlow.methods.direct', 'sensitivity.chartSection', 'sensitivity.p10', 'sensitivity.p90', 'statement.perOrder']);
  });

  it('names the sheets as the brief asks, within Excel’s rules for sheet names', () => {
    expect(reportSheetNames('nl')).toEqual({ pnl: 'ABC Klantresultaat', rates: 'ABC Tarieven', summary: 'ABC Samenvatting', actions: 'ABC Acties', scenarios: "ABC Scenario's", costFlow: 'ABC Kostenstroom', comparison: 'ABC Vergelijking', history: 'ABC Historie', sensitivity: 'ABC Gevoeligheid' });
    expect(reportSheetNames('en')).toEqual({ pnl: 'ABC Customer P&L', rates: 'ABC Rates', summary: 'ABC Summary', actions: 'ABC Actions', scenarios: 'ABC Scenarios', costFlow: 'ABC Cost flow', comparison: 'ABC Comparison', history: 'ABC History', sensitivity: 'ABC Sensitivity' });
    for (const language of ['en', 'nl'] as const) {
      for (const name of Object.values(reportSheetNames(language))) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[\\/?*[\]:]|^'|'$/);
      }
    }
  });

  it('phrases counts and the note per language', () => {
    expect(reportText('en').pnl.customerCount(250)).toBe('250 customers');
    expect(reportText('nl').pnl.customerCount(1)).toBe('1 klant');
    expect(reportText('nl').pnl.customerCount(250)).toBe('250 klanten');
    expect(reportText('nl').summary.topShare(50)).toBe('Aandeel in de nettowinst van de beste 20% (50 klanten)');
    expect(reportText('nl').common.note({ period: null, currency: 'EUR', unusedCapacity: 'report' })).toBe(
      'Periode: (niet ingesteld) · Valuta: EUR · onbenutte capaciteit apart gerapporteerd, niet aan klanten toegerekend',
    );
  });

  it('tells a report sheet’s role by its name in either language, ignoring case', () => {
    expect(roleOfSheetName('ABC Customer P&L')).toBe('pnl');
    expect(roleOfSheetName('abc klantresultaat')).toBe('pnl');
    expect(roleOfSheetName('ABC Tarieven')).toBe('rates');
    expect(roleOfSheetName('ABC SUMMARY')).toBe('summary');
    expect(roleOfSheetName('abc kostenstroom')).toBe('costFlow');
    expect(roleOfSheetName('ABC Summary (2)')).toBeNull();
    expect(roleOfSheetName('Notes')).toBeNull();
  });
});

describe('the owner mark', () => {
  it('names the role of the sheet', () => {
    expect(ownerValue('pnl')).toBe('"ABC report: pnl"');
    expect(ownerValue('summary')).toBe('"ABC report: summary"');
  });

  it('reads the role back as the .xlsx file and Office.js give it, and no role from the old value or other text', () => {
    expect(ownerRole('"ABC report: rates"')).toBe('rates');
    expect(ownerRole('="ABC report: summary"')).toBe('summary');
    expect(ownerRole(' = "ABC report: pnl" ')).toBe('pnl');
    expect(ownerRole('"ABC report: statement ""X"""')).toBe('statement "X"');
    expect(ownerRole(OWNER_VALUE)).toBeNull();
    expect(ownerRole('"ABC report: "')).toBeNull();
    expect(ownerRole('ABC report: pnl')).toBeNull();
    expect(ownerRole('Sheet1!$A$1')).toBeNull();
  });
});
