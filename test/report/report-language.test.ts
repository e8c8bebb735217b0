/**
 * The report in Dutch: no English left on any sheet of the sample's report (every text cell scanned against
 * the English catalogue), the same figures in the same cells as the English report, and English unchanged.
 */
import { formatWhere, warning } from '../../src/engine/issues';
import { msg } from '../../src/engine/messages';
import type { CostingResult } from '../../src/engine/result';
import { sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { CONTRACT_RANGES } from '../../src/workbook/contract-spec';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { REPORT_TEXT_EN } from '../../src/workbook/report-text-en';
import type { ReportSheet } from '../../src/workbook/report-types';
import { smallResult } from './fixture';

function sampleResult(): CostingResult {
  const analysis = analyseWorkbook(sampleGrids());
  if (analysis.result === null) throw new Error(analysis.issues.map((i) => i.message).join('\n'));
  return analysis.result;
}

/** Every text of a catalogue that is a fixed string (functions are covered through the report cells). */
function fixedTexts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'function' || node === null || typeof node !== 'object') return [];
  return Object.values(node).flatMap(fixedTexts);
}

/**
 * Texts that come from the workbook, not from the catalogue: ids, names, dimensions, pools, activities,
 * drivers, the period and currency, issue codes and locations. They may be English in a Dutch report.
 */
function workbookTexts(result: CostingResult): string[] {
  const texts = new Set<string>();
  const add = (t: string | null | undefined): void => {
    if (t !== null && t !== undefined && t.trim() !== '') texts.add(t);
  };
  for (const c of result.customers) {
    add(c.customer);
    add(c.name);
    for (const [header, value] of c.dimensions) {
      add(header);
      if (value !== null && typeof value !== 'boolean') add(String(value));
    }
  }
  for (const p of result.pools) add(p.pool);
  for (const a of result.activities) {
    add(a.activity);
    for (const d of a.drivers) add(d.driver);
  }
  // The first stage's support pools, and the ledger's accounts and their descriptions.
  for (const p of result.firstStage?.pools ?? []) {
    add(p.pool);
    for (const line of p.ledger) {
      add(line.account);
      add(line.description);
    }
  }
  add(result.settings.period);
  add(result.settings.currency);
  for (const i of result.issues) {
    add(i.code);
    add(formatWhere(i.where));
    // The values a message names (a driver, a pool) are the workbook's too.
    for (const value of Object.values(i.text.args)) if (typeof value === 'string') add(value);
  }
  // The contract's range names (ABC_Support) a note may name: identifiers, the same in both languages.
  for (const range of CONTRACT_RANGES) add(range);
  // Longest first, so "Order entry" is taken out before "Order".
  return [...texts].sort((a, b) => b.length - a.length);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every workbook text taken out where it stands as a whole (not inside a longer word). */
function withoutWorkbookTexts(text: string, names: readonly string[]): string {
  let rest = text;
  for (const name of names) rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  return rest;
}

/** Words of a text, lower case; a hyphen or apostrophe inside a word keeps it one word ("netto-omzet"). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/**
 * Words English and Dutch spell alike, which the Dutch catalogue uses as Dutch words: reviewed one by one.
 * ("min" is the minutes unit in both; "code", "per", "in", "over", "is" and "minimum" are Dutch too; "order" and
 * "orders" are the glossary's Dutch terms; "plus" is Dutch ("eigen kosten plus ontvangen doorbelasting"); "direct"
 * is the glossary's Dutch name of the support method direct.)
 */
const SHARED_WORDS = new Set(['abc', 'code', 'per', 'min', 'in', 'over', 'is', 'minimum', 'order', 'orders', 'plus', 'direct']);
/**
 * Whole texts the same in both languages (the actions' column of the sample's order driver, "Orders"; the
 * support method "Direct" in the cost flow's comparison of methods).
 */
const SHARED_TEXTS = new Set(['Code', 'Orders (Orders)', 'Direct']);

function textCells(sheets: readonly ReportSheet[]): Array<{ sheet: string; row: number; col: number; text: string }> {
  return sheets.flatMap((s) =>
    s.rows.flatMap((r, row) => r.cells.flatMap((c, col) => (typeof c.value === 'string' ? [{ sheet: s.name, row: row + 1, col: col + 1, text: c.value }] : []))),
  );
}

/** English left on the Dutch sheets: whole English texts, and English words outside workbook texts. */
function englishOn(sheets: readonly ReportSheet[], result: CostingResult): string[] {
  const names = workbookTexts(result);
  const englishCells = textCells(buildReportSheets(result, 'en')).map((c) => c.text);
  const englishTexts = new Set([...fixedTexts(REPORT_TEXT_EN), ...englishCells].filter((t) => !SHARED_TEXTS.has(t) && !names.includes(t)));
  const englishWords = new Set(
    [...fixedTexts(REPORT_TEXT_EN), ...englishCells].flatMap((t) => words(withoutWorkbookTexts(t, names))).filter((w) => !SHARED_WORDS.has(w)),
  );
  const found: string[] = [];
  for (const cell of textCells(sheets)) {
    const where = `${cell.sheet} R${cell.row}C${cell.col} "${cell.text}"`;
    if (englishTexts.has(cell.text)) found.push(`${where}: an English text`);
    const left = words(withoutWorkbookTexts(cell.text, names)).filter((w) => englishWords.has(w));
    if (left.length > 0) found.push(`${where}: English words ${left.join(', ')}`);
  }
  for (const s of sheets) if (englishTexts.has(s.name)) found.push(`sheet name ${s.name}`);
  return found;
}

/** The small fixture with a catalogue warning (rendered per language), a boolean and a blank dimension, and assign mode. */
function fixtureInDutchTerms(): CostingResult {
  const result = smallResult();
  result.settings = { ...result.settings, unusedCapacity: 'assign' };
  result.issues = [
    warning('ZERO_DRIVER_QUANTITY', msg('zeroDriverQuantity', { driver: 'Samples', activity: 'Delivery' }), { range: 'ABC_Activities', sheet: 'Activities', cell: 'C7' }),
  ];
  // Two groups each (a dimension with a group per customer is not rolled up): a boolean, and a blank.
  result.customers = result.customers.map((c, i) => ({
    ...c,
    dimensions: [...c.dimensions, ['Key account', i === 0], ['Region', i === 2 ? 'Noord' : null]],
  }));
  return result;
}

describe('the Dutch report', () => {
  const sample = sampleResult();
  const dutch = buildReportSheets(sample, 'nl');

  it('names its sheets in Dutch and marks each with its role', () => {
    expect(dutch.map((s) => [s.name, s.role])).toEqual([
      ['ABC Klantresultaat', 'pnl'],
      ['ABC Tarieven', 'rates'],
      ['ABC Samenvatting', 'summary'],
      ['ABC Acties', 'actions'],
      ['ABC Kostenstroom', 'costFlow'],
    ]);
  });

  it('has no English left on any sheet of the sample (names from the workbook aside)', () => {
    expect(textCells(dutch).length).toBeGreaterThan(300);
    expect(englishOn(dutch, sample)).toEqual([]);
  });

  it('the scan finds the English of an English report (so it can fail)', () => {
    const found = englishOn(buildReportSheets(sample, 'en'), sample);
    expect(found.length).toBeGreaterThan(100);
    expect(found).toContainEqual(expect.stringMatching(/^ABC Summary R\d+C1 "Headline figures": an English text$/));
    expect(found).toContainEqual(expect.stringMatching(/^ABC Rates R\d+C3 "Time-driven": English words time-driven$/));
    expect(found).toContain('sheet name ABC Customer P&L');
  });

  it('has no English left with a warning, booleans, blanks and assigned unused capacity', () => {
    const result = fixtureInDutchTerms();
    const sheets = buildReportSheets(result, 'nl');
    expect(englishOn(sheets, result)).toEqual([]);
    const summary = sheets[2]!;
    const warningRow = summary.rows.find((r) => r.cells[0]?.value === 'ZERO_DRIVER_QUANTITY');
    expect(warningRow?.cells.map((c) => c.value)).toEqual([
      'ZERO_DRIVER_QUANTITY',
      'Activities!C7 (ABC_Activities)',
      'Kostendrijver "Samples" van activiteit "Delivery" telt over alle klanten op tot 0, dus de kosten van de activiteit blijven niet toegerekend.',
    ]);
    const pnl = sheets[0]!;
    expect(pnl.rows[1]?.cells[0]?.value).toBe(
      'Periode: 2024-Q1 · Valuta: EUR · onbenutte capaciteit aan klanten toegerekend naar rato van de minuten die zij gebruikten',
    );
    const keyAccount = pnl.rows[2]!.cells.findIndex((c) => c.value === 'Key account');
    expect(pnl.rows.slice(3, 6).map((r) => r.cells[keyAccount]?.value)).toEqual(['WAAR', 'ONWAAR', 'ONWAAR']);
    expect(summary.rows.map((r) => r.cells[0]?.value)).toEqual(
      expect.arrayContaining(['Nettowinst per Key account', 'WAAR', 'ONWAAR', 'Nettowinst per Region', '(leeg)', 'Noord']),
    );
  });

  it('shows the English warning of the same issue on the English sheet, as before', () => {
    const result = fixtureInDutchTerms();
    const summary = buildReportSheets(result)[2]!;
    expect(summary.rows.find((r) => r.cells[0]?.value === 'ZERO_DRIVER_QUANTITY')?.cells[2]?.value).toBe(result.issues[0]!.message);
  });

  it('holds the same figures in the same cells as the English report; only texts differ', () => {
    const english = buildReportSheets(sample, 'en');
    expect(dutch).toHaveLength(english.length);
    dutch.forEach((nl, s) => {
      const en = english[s]!;
      expect(nl.role).toBe(en.role);
      expect(nl.freeze).toEqual(en.freeze);
      expect(nl.rows.map((r) => [r.style, r.cells.map((c) => c.format)])).toEqual(en.rows.map((r) => [r.style, r.cells.map((c) => c.format)]));
      expect(nl.rows.map((r) => r.cells.map((c) => (typeof c.value === 'string' ? 'text' : c.value)))).toEqual(
        en.rows.map((r) => r.cells.map((c) => (typeof c.value === 'string' ? 'text' : c.value))),
      );
    });
    // A figure checked by hand against the English sheet: the operating profit line of the summary.
    const operating = (sheets: ReportSheet[], label: string): unknown => sheets[2]!.rows.find((r) => r.cells[0]?.value === label)?.cells[1]?.value;
    expect(operating(dutch, 'Bedrijfsresultaat')).toBe(operating(english, 'Operating profit'));
    expect(operating(dutch, 'Bedrijfsresultaat')).toBe(sample.totals.operatingProfit.toNumber());
  });

  it('writes every amount as a number with a number format; no text cell holds a formatted number', () => {
    const names = new Set(workbookTexts(sample));
    for (const language of ['en', 'nl'] as const) {
      for (const sheet of buildReportSheets(sample, language)) {
        for (const r of sheet.rows) {
          for (const c of r.cells) {
            if (c.format !== 'text') expect(c.value === null || typeof c.value === 'number').toBe(true);
            if (typeof c.value !== 'string' || names.has(c.value)) continue;
            // A number with a decimal or thousands separator, or an amount with a currency, alone or in a
            // sentence. (Labels name fixed thresholds, "top 20%", "below 100%", and counts: plain digits.)
            expect(`${sheet.name}: ${c.value}`).not.toMatch(/\d[.,]\d|[€$£]\s?-?\d|\d\s?(EUR|USD)/);
          }
        }
      }
    }
  });
});

describe('the English report stays as it was', () => {
  it('is the default of buildReportSheets', () => {
    const result = smallResult();
    expect(buildReportSheets(result)).toEqual(buildReportSheets(result, 'en'));
    expect(buildReportSheets(result).map((s) => s.name)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions']);
  });

  it('keeps its texts to the letter', () => {
    const [pnl, rates, summary] = buildReportSheets(smallResult());
    expect(pnl!.rows[0]!.cells[0]!.value).toBe('Customer profitability: P&L per customer (activity-based costing)');
    expect(pnl!.rows[1]!.cells[0]!.value).toBe('Period: 2024-Q1 · Currency: EUR · unused capacity reported separately, not charged to customers');
    expect(pnl!.rows.at(-1)!.cells.slice(1, 3).map((c) => c.value)).toEqual(['Total', '3 customers']);
    expect(rates!.rows[3]!.cells.map((c) => c.value)).toEqual([
      'Pool',
      'Method',
      'Cost',
      'Capacity (min)',
      'Cost per minute',
      'Used (min)',
      'Unused (min)',
      'Unused capacity cost',
      'Shares left over (below 100%)',
      "Activities' cost",
    ]);
    const labels = summary!.rows.map((r) => r.cells[0]?.value);
    expect(labels).toEqual(
      expect.arrayContaining(['Headline figures', 'Share of profit earned by the top 20% (1 customer)', 'Warnings']),
    );
  });

  it('writes a boolean dimension in the roll-ups as it did (true), and as WAAR in Dutch', () => {
    const result = smallResult();
    result.customers = result.customers.map((c, i) => ({ ...c, dimensions: [...c.dimensions, ['Key account', i === 0]] }));
    const label = (language: 'en' | 'nl'): unknown[] => buildReportSheets(result, language)[2]!.rows.map((r) => r.cells[0]?.value);
    expect(label('en')).toEqual(expect.arrayContaining(['true', 'false']));
    expect(label('nl')).toEqual(expect.arrayContaining(['WAAR', 'ONWAAR']));
  });
});
